// Builds one realistic submission workbook (the sheets of SPEC §3) with exceljs, for benchmarks and tests.
import ExcelJS from 'exceljs';
import { random } from '../scripts/hostile-inputs.mjs';

export const INDICATORS = [
  ['DVK_MH_MOI', 'Mô hình "Dân vận khéo" đăng ký, xây dựng mới', 'mô hình'],
  ['DVK_MH_CN', 'Mô hình "Dân vận khéo" được công nhận', 'mô hình'],
  ['DVK_DH', 'Điển hình "Dân vận khéo" được biểu dương, khen thưởng', 'điển hình'],
  ['TT_BUOI', 'Buổi tuyên truyền, vận động Nhân dân', 'buổi'],
  ['TT_LUOT', 'Lượt người được tuyên truyền, vận động', 'lượt người'],
  ['TH_LOP', 'Lớp tập huấn, bồi dưỡng nghiệp vụ dân vận', 'lớp'],
  ['TH_LUOT', 'Lượt cán bộ được tập huấn, bồi dưỡng', 'lượt người'],
  ['DT_HN', 'Hội nghị đối thoại của người đứng đầu cấp ủy, chính quyền với Nhân dân', 'cuộc'],
  ['KN_TIEP', 'Kiến nghị của Nhân dân được tiếp nhận', 'kiến nghị'],
  ['KN_GQ', 'Kiến nghị đã được giải quyết, trả lời', 'kiến nghị'],
  ['KN_TL', 'Tỷ lệ kiến nghị được giải quyết (= KN_GQ / KN_TIEP)', '%'],
  ['KTGS_CUOC', 'Cuộc kiểm tra, giám sát công tác dân vận, dân chủ ở cơ sở', 'cuộc'],
  ['VD_TIEN', 'Kinh phí Nhân dân đóng góp xây dựng nông thôn mới, an sinh xã hội', 'triệu đồng'],
  ['VD_NGAYCONG', 'Ngày công lao động Nhân dân đóng góp', 'ngày công'],
  ['VD_DAT', 'Diện tích đất Nhân dân hiến', 'm²'],
  ['VD_NHA', 'Nhà đại đoàn kết, nhà tình nghĩa xây mới, sửa chữa', 'căn'],
  ['KT_TAPTHE', 'Tập thể được khen thưởng', 'tập thể'],
  ['KT_CANHAN', 'Cá nhân được khen thưởng', 'cá nhân'],
];

const FIELDS = [
  'Lãnh đạo, chỉ đạo', 'Dân vận chính quyền', 'Mặt trận và đoàn thể', 'Lực lượng vũ trang', 'Dân vận khéo',
  'Dân chủ ở cơ sở', 'Dân tộc, tôn giáo', 'Nắm tình hình Nhân dân', 'Tổ chức, cán bộ', 'Khác',
];
const RESULTS = [
  'Tổ chức Hội nghị quán triệt Kết luận số 43-KL/TW của Ban Bí thư về công tác dân vận.',
  'Phối hợp với Ủy ban Mặt trận Tổ quốc xã vận động Nhân dân hiến đất mở rộng đường giao thông nông thôn.',
  'Duy trì tiếp xúc, đối thoại định kỳ giữa người đứng đầu cấp ủy, chính quyền với Nhân dân.',
  'Biểu dương, khen thưởng kịp thời các điển hình "Dân vận khéo" trên các lĩnh vực.',
  'Nắm chắc tình hình tư tưởng của Nhân dân trước, trong và sau Tết Nguyên đán Quý Mão.',
  'Vận động đồng bào dân tộc thiểu số xóa bỏ hủ tục, xây dựng nếp sống văn hóa ở khu dân cư.',
];
const LIMITS = [
  ['Công tác nắm bắt, dự báo tình hình Nhân dân ở một số cơ sở có lúc chưa kịp thời.', 'Một số cán bộ cơ sở còn kiêm nhiệm nhiều việc.'],
  ['Việc nhân rộng mô hình "Dân vận khéo" còn chậm.', 'Kinh phí hỗ trợ còn hạn chế.'],
  ['Chất lượng một số hội nghị đối thoại chưa cao.', 'Công tác chuẩn bị nội dung chưa chu đáo.'],
];
const TASKS = [
  'Tiếp tục triển khai thực hiện Nghị quyết số 25-NQ/TW về công tác dân vận trong tình hình mới.',
  'Đẩy mạnh phong trào thi đua "Dân vận khéo" gắn với xây dựng nông thôn mới nâng cao.',
  'Tổ chức sơ kết 6 tháng đầu năm 2023 công tác dân vận.',
  'Kiện toàn đội ngũ cán bộ làm công tác dân vận ở cơ sở.',
];
const PROPOSALS = [
  ['Đề nghị Ban Dân vận Tỉnh ủy mở lớp tập huấn nghiệp vụ cho cán bộ dân vận cơ sở.', 'Ban Dân vận Tỉnh ủy'],
  ['Đề nghị UBND tỉnh bố trí kinh phí hỗ trợ xây dựng mô hình "Dân vận khéo".', 'UBND tỉnh'],
  ['Đề nghị sớm ban hành hướng dẫn thực hiện dân chủ ở cơ sở.', ''],
];
const MODELS = [
  ['Mô hình "Tuyến đường nở hoa"', 'Văn hóa - xã hội', 'Huyện'],
  ['Mô hình "Tổ tự quản an ninh trật tự"', 'Quốc phòng - an ninh', 'Cơ sở'],
  ['Mô hình "Hỗ trợ sinh kế cho hộ nghèo"', 'Kinh tế', 'Đăng ký'],
  ['Mô hình "Chi bộ 4 tốt"', 'Xây dựng hệ thống chính trị', 'Tỉnh'],
];

// A seed always gives the same workbook: the deterministic generator (mulberry32) of the hostile-input script.

const HEADER_STYLE = { font: { bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
const BORDER = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

function titled(wb, name, title, headers, widths) {
  const ws = wb.addWorksheet(name);
  ws.mergeCells(1, 1, 1, headers.length);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { bold: true, size: 14 };
  t.alignment = { horizontal: 'center' };
  const header = ws.getRow(2);
  headers.forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    Object.assign(c, { font: HEADER_STYLE.font, alignment: HEADER_STYLE.alignment, border: BORDER });
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return ws;
}

function fieldValidation(ws, column, last = 50) {
  for (let r = 3; r <= last; r++) {
    ws.getCell(r, column).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${FIELDS.slice(0, 4).join(',')}"`] };
  }
}

/**
 * One submission: { unitCode, unitName, seed, period }. Values vary with the seed; the unit code and
 * name are written as given (placeholders are fine: they land in the shared strings). With `distinct`, every
 * result, limitation, task and proposal names the unit ("… tại Xã An Bình 17."), so that no two units' items are
 * the same: the worst case for a report that merges what units share.
 */
export function buildSubmission({ unitCode, unitName, seed = 1, period = 'Quý I/2023', distinct = false }) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const own = (text) => (distinct ? `${text.replace(/\.$/, '')} tại ${unitName}.` : text);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'danvan bench';
  wb.created = new Date(Date.UTC(2023, 3, 1));
  wb.modified = wb.created;

  const info = wb.addWorksheet('Thông tin');
  info.mergeCells('A1:B1');
  info.getCell('A1').value = 'THÔNG TIN ĐƠN VỊ BÁO CÁO';
  info.getCell('A1').font = { bold: true, size: 14 };
  const reportDate = new Date(Date.UTC(2023, 2, 25 + Math.floor(rnd() * 10)));
  const rows = [
    ['Mã đơn vị', unitCode],
    ['Tên đơn vị', unitName],
    ['Kỳ báo cáo', period],
    ['Ngày báo cáo', reportDate],
    ['Người lập', pick(['Nguyễn Thị Hoa', 'Trần Văn Bình', 'Lê Thị Thu Hằng', 'Phạm Quốc Dũng'])],
    ['Điện thoại', `0${Math.floor(200000000 + rnd() * 700000000)}`],
    ['Email', `bandanvan${seed}@example.vn`],
    ['Thủ trưởng đơn vị', pick(['Hoàng Văn Nam', 'Đặng Thị Lan', 'Vũ Minh Tuấn'])],
  ];
  rows.forEach(([label, value], i) => {
    info.getCell(i + 2, 1).value = label;
    info.getCell(i + 2, 1).font = { bold: true };
    info.getCell(i + 2, 2).value = value;
  });
  info.getCell('B5').numFmt = 'dd/mm/yyyy';
  info.getColumn(1).width = 22;
  info.getColumn(2).width = 48;

  const figures = titled(wb, 'Số liệu', 'SỐ LIỆU KẾT QUẢ CÔNG TÁC DÂN VẬN', ['Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Kỳ này', 'Ghi chú'], [14, 60, 12, 12, 24]);
  const values = {};
  INDICATORS.forEach(([code, name, unit], i) => {
    const r = i + 3;
    const row = figures.getRow(r);
    row.getCell(1).value = code;
    row.getCell(2).value = name;
    row.getCell(3).value = unit;
    if (code === 'KN_TL') {
      const tiep = values.KN_TIEP;
      const gq = values.KN_GQ;
      row.getCell(4).value = { formula: `IF(N(D${r - 2})>0,N(D${r - 1})/N(D${r - 2})*100,"")`, result: tiep ? ((gq ?? 0) / tiep) * 100 : '' };
      row.getCell(4).numFmt = '0.0';
    } else if (rnd() < 0.1) {
      values[code] = undefined; // not reported: left blank
    } else {
      const scale = code.startsWith('TT_LUOT') || code === 'VD_DAT' ? 5000 : code === 'VD_TIEN' ? 800 : 40;
      let v = Math.floor(rnd() * scale);
      if (code === 'KN_GQ' && values.KN_TIEP !== undefined) v = Math.min(v, values.KN_TIEP);
      if (code === 'VD_TIEN') v += Math.round(rnd() * 10) / 10;
      values[code] = v;
      row.getCell(4).value = v;
      row.getCell(4).numFmt = '#,##0.##';
    }
    if (rnd() < 0.15) row.getCell(5).value = pick(['Ước tính', 'Số liệu đến 25/3', 'Tăng so với cùng kỳ']);
    for (let c = 1; c <= 5; c++) row.getCell(c).border = BORDER;
  });

  const results = titled(wb, 'Kết quả', 'KẾT QUẢ NỔI BẬT', ['STT', 'Lĩnh vực', 'Nội dung'], [6, 24, 80]);
  const nResults = 3 + Math.floor(rnd() * 4);
  for (let i = 0; i < nResults; i++) results.addRow([i + 1, pick(FIELDS), own(pick(RESULTS))]);
  fieldValidation(results, 2);

  const limits = titled(wb, 'Hạn chế', 'HẠN CHẾ, NGUYÊN NHÂN', ['STT', 'Lĩnh vực', 'Hạn chế', 'Nguyên nhân'], [6, 24, 60, 40]);
  const nLimits = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < nLimits; i++) {
    const [limit, cause] = pick(LIMITS);
    limits.addRow([i + 1, pick(FIELDS), own(limit), cause]);
  }
  fieldValidation(limits, 2);

  const tasks = titled(wb, 'Nhiệm vụ', 'NHIỆM VỤ TRỌNG TÂM KỲ TỚI', ['STT', 'Lĩnh vực', 'Nhiệm vụ', 'Thời hạn'], [6, 24, 70, 14]);
  const nTasks = 2 + Math.floor(rnd() * 3);
  for (let i = 0; i < nTasks; i++) tasks.addRow([i + 1, pick(FIELDS), own(pick(TASKS)), rnd() < 0.5 ? 'Quý II/2023' : '']);
  fieldValidation(tasks, 2);

  const proposals = titled(wb, 'Kiến nghị', 'KIẾN NGHỊ, ĐỀ XUẤT', ['STT', 'Nội dung kiến nghị', 'Cơ quan nhận'], [6, 80, 28]);
  const nProposals = Math.floor(rnd() * 3);
  for (let i = 0; i < nProposals; i++) {
    const [text, to] = PROPOSALS[(i + seed) % PROPOSALS.length];
    proposals.addRow([i + 1, own(text), to]);
  }

  const models = titled(wb, 'Mô hình', 'MÔ HÌNH "DÂN VẬN KHÉO"', ['STT', 'Tên mô hình', 'Lĩnh vực', 'Cấp công nhận', 'Ghi chú'], [6, 50, 28, 16, 20]);
  const nModels = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < nModels; i++) {
    const [name, field, level] = MODELS[(i + seed) % MODELS.length];
    models.addRow([i + 1, name, field, level, '']);
  }
  return wb;
}

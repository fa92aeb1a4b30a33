/** The "Hướng dẫn" sheet: plain Vietnamese, step by step, how to fill in, name and send the form. */
import type ExcelJS from 'exceljs';
import type { Indicator } from '../domain/catalogue.js';
import { FIELDS, MODEL_FIELDS, RECOGNITION_LEVELS } from '../domain/fields.js';
import { SHEET } from '../domain/form-layout.js';
import { nextPeriodName, periodEndDate, periodLabel, periodSlug, periodsOfYear, type Period } from '../domain/period.js';
import type { FormExamples } from './types.js';
import { addTitle, setPrint } from './sheet-frame.js';
import { BASE_FONT, BOLD_FONT, WRAP_TOP, wrappedRowHeight } from './styles.js';

interface Section {
  heading: string;
  lines: string[];
}

/** "HU_DONGHOA_quy-1-2023.xlsx": how a unit names its file, which is also how `mau --theo-don-vi` names it. */
export function submissionFileName(unitCode: string, period: Period): string {
  return `${unitCode}_${periodSlug(period)}.xlsx`;
}

/** Who fills the form: the registry's groups when there are any, else the units a committee of this level has. */
function whoFills(examples: FormExamples): string {
  const committee = examples.committee;
  if (examples.groups?.length) return `Mỗi đơn vị trong danh sách${committee ? ` của ${committee.name}` : ''} (${examples.groups.join('; ')}) điền một tệp cho mỗi kỳ báo cáo.`;
  const at = committee?.locality;
  switch (committee?.level) {
    case 'tinh':
      return 'Mỗi đơn vị (các huyện ủy, thành ủy, đảng ủy trực thuộc hoặc đảng ủy xã, phường; Ủy ban MTTQ Việt Nam và các tổ chức chính trị - xã hội tỉnh; các sở, ngành; lực lượng vũ trang tỉnh…) điền một tệp cho mỗi kỳ báo cáo.';
    case 'huyen':
      return `Mỗi đơn vị (các đảng ủy xã, phường, thị trấn; Ủy ban MTTQ Việt Nam và các tổ chức chính trị - xã hội ${at}; các cơ quan nhà nước ${at}; lực lượng vũ trang ${at}…) điền một tệp cho mỗi kỳ báo cáo.`;
    case 'xa':
      return `Mỗi đơn vị (các chi bộ; Ủy ban MTTQ Việt Nam và các tổ chức chính trị - xã hội ${at}; Ủy ban nhân dân ${at}; Công an, Ban Chỉ huy Quân sự ${at}…) điền một tệp cho mỗi kỳ báo cáo.`;
    default:
      return 'Mỗi cơ quan, đơn vị trong khối dân vận (cấp ủy cấp dưới; Ủy ban MTTQ Việt Nam và các tổ chức chính trị - xã hội; cơ quan nhà nước; lực lượng vũ trang…) điền một tệp cho mỗi kỳ báo cáo.';
  }
}

/** The bodies a proposal may go to, at the committee's level: "Ban Thường vụ Huyện ủy, UBND huyện, Ban Dân vận Huyện ủy". */
function addresseeExamples(examples: FormExamples): string {
  const committee = examples.committee;
  if (!committee?.partyCommittee) return `Ban Thường vụ cấp ủy, Ủy ban nhân dân cùng cấp${committee ? `, ${committee.name}` : ''}`;
  return `Ban Thường vụ ${committee.partyCommittee}, UBND ${committee.locality}, ${committee.name}`;
}

function sections(catalogue: readonly Indicator[], examples: FormExamples): Section[] {
  const receiver = examples.committee?.name ?? 'Ban Dân vận';
  const fileExample = examples.period ? submissionFileName(examples.unitCode, examples.period) : `${examples.unitCode}_quy-1-20xx.xlsx`;
  const periodExample = examples.period ? periodLabel(examples.period) : 'Quý I/20xx';
  const derived = catalogue.filter((indicator) => indicator.derived);
  const derivedLine = derived.length
    ? [
        `Dòng ${derived.map((d) => d.code).join(', ')} (${derived.map((d) => d.name).join('; ')}) do biểu mẫu tự tính từ các số liệu liên quan, ô nền xám, không nhập.`,
      ]
    : [];
  return [
    {
      heading: '1. Ai điền biểu mẫu',
      lines: [
        whoFills(examples),
        'Chuyên viên được giao theo dõi công tác dân vận điền; thủ trưởng đơn vị xem lại nội dung trước khi gửi.',
        'Dùng đúng tệp mẫu này (Excel, LibreOffice Calc hoặc WPS đều được). Không đổi tên các sheet, không sửa hoặc xóa dòng tiêu đề cột, không chèn thêm cột vào giữa bảng.',
      ],
    },
    {
      heading: '2. Các sheet cần điền',
      lines: [
        `"${SHEET.info}": mã đơn vị, tên đơn vị, kỳ báo cáo, ngày báo cáo (bắt buộc), người lập, điện thoại, email, thủ trưởng đơn vị.`,
        `"${SHEET.figures}": số liệu của kỳ báo cáo theo từng chỉ tiêu đã in sẵn.`,
        `"${SHEET.results}": các kết quả nổi bật, mỗi kết quả một dòng.`,
        `"${SHEET.limitations}": hạn chế, khó khăn và nguyên nhân.`,
        `"${SHEET.tasks}": nhiệm vụ trọng tâm kỳ tới, thời hạn (nếu có).`,
        `"${SHEET.proposals}": kiến nghị, đề xuất và cơ quan nhận kiến nghị.`,
        `"${SHEET.models}": các mô hình "Dân vận khéo" của đơn vị.`,
        'Sheet nào đơn vị không có nội dung thì để trống, không xóa sheet.',
      ],
    },
    {
      heading: `3. Sheet "${SHEET.info}"`,
      lines: [
        'Chỉ điền vào cột B. Các mục có dấu * (Mã đơn vị, Tên đơn vị, Kỳ báo cáo, Ngày báo cáo) là bắt buộc.',
        `Mã đơn vị do ${receiver} cấp (ví dụ ${examples.unitCode}); ghi đúng mã và giữ nguyên ở mọi kỳ báo cáo.`,
        examples.period
          ? `Kỳ báo cáo chọn trong danh sách thả xuống: ${periodsOfYear(examples.period.year).map(periodLabel).join(', ')}; biểu mẫu này dùng cho ${periodExample}.`
          : 'Kỳ báo cáo ghi theo một trong các dạng: Quý I/20xx, Quý II/20xx, Quý III/20xx, Quý IV/20xx, 6 tháng/20xx, 9 tháng/20xx, Năm 20xx (20xx là năm báo cáo).',
        `Ngày báo cáo ghi theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ ${examples.period ? periodEndDate(examples.period) : '28/03/20xx'}.`,
      ],
    },
    {
      heading: `4. Sheet "${SHEET.figures}"`,
      lines: [
        'Mã chỉ tiêu, tên chỉ tiêu và đơn vị tính được in sẵn trên nền xám, không sửa (sheet được khóa, không đặt mật khẩu). Chỉ nhập cột "Kỳ này" và, nếu cần, cột "Ghi chú".',
        'Cột "Kỳ này" chỉ ghi số, không ghi chữ (không ghi "khoảng 10", "10 buổi"), không ghi số âm. Số thập phân dùng dấu thập phân của máy, ví dụ 1250,5.',
        'Để trống = đơn vị không có số liệu hoặc không theo dõi chỉ tiêu này. Ghi 0 = có theo dõi và kết quả bằng 0. Hai trường hợp được tổng hợp khác nhau, vì vậy không ghi 0 thay cho ô trống và ngược lại.',
        'Kinh phí tính bằng triệu đồng; diện tích tính bằng m². Số kiến nghị đã giải quyết, trả lời không lớn hơn số kiến nghị tiếp nhận.',
        ...derivedLine,
      ],
    },
    {
      heading: `5. Sheet "${SHEET.results}", "${SHEET.limitations}", "${SHEET.tasks}"`,
      lines: [
        'Mỗi nội dung ghi một dòng, bắt đầu từ dòng 3; cột STT ghi 1, 2, 3… (có thể để trống). Có thể để dòng trống giữa các nội dung, thêm dòng nếu cần.',
        'Cột "Lĩnh vực" chọn trong danh sách thả xuống (bấm vào ô, chọn mũi tên bên phải). Nếu dán từ tệp khác, kiểm tra lại ô Lĩnh vực có đúng một mục trong danh sách ở mục 7.',
        'Ghi câu đầy đủ, ngắn gọn, nêu số liệu cụ thể nếu có; không gộp nhiều nội dung vào một ô.',
        `Hạn chế: ghi nguyên nhân ở cột "Nguyên nhân". Nhiệm vụ: ghi thời hạn nếu có (ví dụ "${examples.period ? nextPeriodName(examples.period) : 'quý II năm 20xx'}").`,
      ],
    },
    {
      heading: `6. Sheet "${SHEET.proposals}" và "${SHEET.models}"`,
      lines: [
        `Kiến nghị: mỗi kiến nghị một dòng; cột "Cơ quan nhận" ghi cơ quan được kiến nghị, ví dụ ${addresseeExamples(examples)}.`,
        'Mô hình: ghi tên mô hình "Dân vận khéo", chọn lĩnh vực và cấp công nhận trong danh sách thả xuống; "Đăng ký" là mô hình mới đăng ký xây dựng, chưa được công nhận.',
      ],
    },
    {
      heading: '7. Các danh sách cố định (chỉ chọn, không tự ghi)',
      lines: [
        `Lĩnh vực (sheet ${SHEET.results}, ${SHEET.limitations}, ${SHEET.tasks}): ${FIELDS.map((f, i) => `${i + 1}. ${f}`).join('; ')}.`,
        `Lĩnh vực của mô hình: ${MODEL_FIELDS.join('; ')}.`,
        `Cấp công nhận: ${RECOGNITION_LEVELS.join('; ')}.`,
      ],
    },
    {
      heading: '8. Lưu, đặt tên và gửi tệp',
      lines: [
        'Lưu tệp dạng Excel Workbook (.xlsx). Không lưu dạng .xls cũ, không đặt mật khẩu mở tệp.',
        `Đặt tên tệp theo mã đơn vị và kỳ báo cáo, ví dụ: ${fileExample}.`,
        `Gửi tệp về ${receiver} đúng thời hạn. Nếu gửi lại bản sửa, giữ nguyên mã đơn vị và ghi ngày báo cáo mới; ${receiver} sẽ thông báo bản nào được dùng để tổng hợp.`,
      ],
    },
    {
      heading: `9. ${receiver} kiểm tra tệp như thế nào (danvan kiemtra)`,
      lines: [
        'Tệp mở được, đúng dạng .xlsx, không có mật khẩu; có đủ các sheet và dòng tiêu đề cột như mẫu.',
        'Sheet "Thông tin" có đủ các mục bắt buộc; kỳ báo cáo đúng dạng và đúng kỳ đang tổng hợp; ngày báo cáo là ngày có thật.',
        'Mỗi ô "Kỳ này" để trống hoặc là số không âm; mã chỉ tiêu có trong danh mục; lĩnh vực và cấp công nhận đúng danh sách ở mục 7.',
        'Số kiến nghị đã giải quyết lớn hơn số tiếp nhận được báo để đơn vị xem lại.',
        'Mỗi lỗi được báo kèm tên sheet và ô (ví dụ Số liệu!D6). Tệp có lỗi không được đưa vào tổng hợp; đơn vị sửa đúng ô đó và gửi lại.',
      ],
    },
  ];
}

export function addGuideSheet(workbook: ExcelJS.Workbook, catalogue: readonly Indicator[], examples: FormExamples): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(SHEET.guide, { properties: { tabColor: { argb: 'FFC00000' } } });
  sheet.getColumn(1).width = 4;
  sheet.getColumn(2).width = 110;
  addTitle(sheet, 'HƯỚNG DẪN ĐIỀN BIỂU MẪU BÁO CÁO CÔNG TÁC DÂN VẬN', 2);

  let rowNumber = 3;
  for (const section of sections(catalogue, examples)) {
    const heading = sheet.getCell(rowNumber, 1);
    heading.value = section.heading;
    heading.font = BOLD_FONT;
    sheet.mergeCells(rowNumber, 1, rowNumber, 2);
    rowNumber++;
    for (const line of section.lines) {
      const bullet = sheet.getCell(rowNumber, 1);
      bullet.value = '-';
      bullet.font = BASE_FONT;
      bullet.alignment = { horizontal: 'right', vertical: 'top' };
      const text = sheet.getCell(rowNumber, 2);
      text.value = line;
      text.font = BASE_FONT;
      text.alignment = WRAP_TOP;
      sheet.getRow(rowNumber).height = wrappedRowHeight([{ text: line, width: 110 }]);
      rowNumber++;
    }
    rowNumber++;
  }

  sheet.views = [{ state: 'normal', showGridLines: false }];
  setPrint(sheet, 'portrait', false);
  return sheet;
}

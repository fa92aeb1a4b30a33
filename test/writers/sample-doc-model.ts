/** A realistic sample DocModel (invented province "Bình Sơn", invented names) for the docx writer tests. */

import type { DocModel, TableBlock } from '../../src/model/doc-model.js';

const UNITS = [
  'Thành phố Bình Sơn',
  'Thị xã Tân Lạc',
  'Huyện Hòa Phú',
  'Huyện Sơn Thủy',
  'Huyện Mỹ Lâm',
  'Huyện Đông Khê',
  'Đảng ủy Khối Cơ quan',
];

/** Appendix: each indicator by unit, twelve columns, too wide for a portrait page. */
function appendixTable(): TableBlock {
  const figures: string[][] = [
    ['412', '356', '38', '1.204', '56', '9.812', '15', '95,3%', '27', '4,6'],
    ['276', '241', '21', '864', '41', '6.120', '11', '96,8%', '19', '2,1'],
    ['198', '170', '17', '702', '33', '4.985', '9', '93,1%', '14', '1,8'],
    ['231', '205', '19', '655', '37', '5.230', '8', '94,0%', '16', '3,2'],
    ['187', '162', '14', '590', '29', '4.106', '7', '92,5%', '12', '1,1'],
    ['205', '183', '16', '611', '30', '4.377', '10', '97,2%', '13', '0,9'],
    ['96', '88', '9', '318', '21', '1.942', '4', '100%', '8', '0,0'],
  ];
  return {
    type: 'table',
    caption: 'Bảng 2. Kết quả thực hiện các chỉ tiêu công tác dân vận theo đơn vị',
    columns: [
      { header: 'TT', width: 4, align: 'center' },
      { header: 'Đơn vị', width: 17, align: 'left' },
      { header: 'Mô hình "Dân vận khéo" đăng ký', width: 8, align: 'right' },
      { header: 'Mô hình được công nhận', width: 8, align: 'right' },
      { header: 'Điển hình được khen thưởng', width: 8, align: 'right' },
      { header: 'Lượt người dự đối thoại', width: 8, align: 'right' },
      { header: 'Hội nghị đối thoại (cuộc)', width: 7, align: 'right' },
      { header: 'Lượt người dự tập huấn', width: 8, align: 'right' },
      { header: 'Cuộc kiểm tra, giám sát', width: 7, align: 'right' },
      { header: 'Tỷ lệ kiến nghị được giải quyết', width: 9, align: 'right' },
      { header: 'Người có uy tín được gặp mặt', width: 8, align: 'right' },
      { header: 'Kinh phí Nhân dân đóng góp (tỷ đồng)', width: 8, align: 'right' },
    ],
    rows: [
      ...UNITS.map((unit, i) => ({ cells: [String(i + 1), unit, ...(figures[i] ?? [])] })),
      { cells: ['', 'Tổng cộng', '1.605', '1.405', '134', '4.944', '247', '36.572', '64', '95,1%', '109', '13,7'], bold: true },
    ],
    note: 'Ghi chú: tỷ lệ kiến nghị được giải quyết tính lại từ tổng số kiến nghị nhận và đã giải quyết, không lấy trung bình các tỷ lệ.',
  };
}

export function sampleDocModel(): DocModel {
  return {
    profile: 'hd36',
    frame: {
      superiorBody: 'TỈNH ỦY BÌNH SƠN',
      issuingBody: 'BAN DÂN VẬN',
      documentNumber: 'Số 45-BC/BDVTU',
      partyName: 'ĐẢNG CỘNG SẢN VIỆT NAM',
      placeAndDate: 'Bình Sơn, ngày 05 tháng 4 năm 2023',
      documentType: 'BÁO CÁO',
      subject: ['sơ kết công tác dân vận quý I năm 2023,', 'phương hướng nhiệm vụ quý II năm 2023'],
    },
    body: [
      {
        type: 'paragraph',
        runs: [
          {
            text:
              'Thực hiện Kế hoạch số 24-KH/BDVTU ngày 10/01/2023 của Ban Dân vận Tỉnh ủy về thực hiện công tác dân vận năm 2023, ' +
              'Ban Dân vận Tỉnh ủy báo cáo kết quả công tác dân vận quý I, phương hướng nhiệm vụ quý II năm 2023 như sau:',
          },
        ],
      },
      { type: 'heading', level: 1, number: 'I.', text: 'Đặc điểm tình hình' },
      {
        type: 'paragraph',
        runs: [
          {
            text:
              'Quý I năm 2023, tình hình chính trị, trật tự an toàn xã hội trên địa bàn tỉnh cơ bản ổn định; Nhân dân phấn khởi ' +
              'đón Tết Nguyên đán Quý Mão an toàn, tiết kiệm. Tuy nhiên, giá cả một số mặt hàng thiết yếu tăng, việc làm của ' +
              'người lao động ở các khu công nghiệp còn khó khăn, ảnh hưởng đến đời sống một bộ phận Nhân dân.',
          },
        ],
      },
      { type: 'heading', level: 1, number: 'II.', text: 'Kết quả thực hiện' },
      { type: 'heading', level: 2, number: '1.', text: 'Công tác lãnh đạo, chỉ đạo, quán triệt' },
      {
        type: 'paragraph',
        runs: [
          { text: 'Ban Dân vận Tỉnh ủy đã tham mưu Ban Thường vụ Tỉnh ủy ban hành ' },
          { text: '25 văn bản', bold: true },
          {
            text:
              ' lãnh đạo, chỉ đạo công tác dân vận; phối hợp tổ chức 12 hội nghị quán triệt, triển khai các văn bản của Trung ương ' +
              'và của Tỉnh ủy với 3.450 lượt cán bộ, đảng viên tham dự.',
          },
        ],
      },
      { type: 'heading', level: 2, number: '2.', text: 'Công tác dân vận của cơ quan nhà nước, chính quyền các cấp' },
      { type: 'heading', level: 3, number: 'a)', text: 'Cải cách hành chính, tiếp công dân' },
      {
        type: 'paragraph',
        runs: [
          {
            text:
              'Các cơ quan nhà nước tiếp tục đẩy mạnh cải cách hành chính gắn với chuyển đổi số; người đứng đầu cấp ủy, chính quyền ' +
              'các cấp tổ chức ',
          },
          { text: '247 cuộc', bold: true },
          { text: ' tiếp công dân, đối thoại trực tiếp với Nhân dân; ' },
          { text: '95,1%', bold: true },
          { text: ' kiến nghị của Nhân dân được xem xét, giải quyết.' },
        ],
      },
      { type: 'heading', level: 3, number: 'b)', text: 'Thực hiện dân chủ ở cơ sở' },
      {
        type: 'paragraph',
        runs: [
          {
            text:
              'Tiếp tục triển khai Luật Thực hiện dân chủ ở cơ sở năm 2022 và Nghị định số 59/2023/NĐ-CP của Chính phủ; phương châm ' +
              '"Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng" được các địa phương thực hiện nghiêm túc.',
          },
        ],
      },
      { type: 'heading', level: 2, number: '3.', text: 'Phong trào thi đua "Dân vận khéo"' },
      {
        type: 'paragraph',
        runs: [
          { text: 'Toàn tỉnh có ' },
          { text: '1.605', bold: true },
          { text: ' mô hình, điển hình "Dân vận khéo" đăng ký, trong đó ' },
          { text: '1.405', bold: true },
          { text: ' mô hình được công nhận, tăng 276 mô hình so với cùng kỳ năm 2022. Kết quả cụ thể như sau:' },
        ],
      },
      {
        type: 'table',
        caption: 'Bảng 1. Kết quả thực hiện các chỉ tiêu chủ yếu',
        columns: [
          { header: 'TT', width: 1, align: 'center' },
          { header: 'Chỉ tiêu', width: 6, align: 'left' },
          { header: 'Đơn vị tính', width: 2, align: 'center' },
          { header: 'Quý I năm 2023', width: 2, align: 'right' },
          { header: 'So với cùng kỳ', width: 2, align: 'right' },
        ],
        rows: [
          { cells: ['1', 'Mô hình "Dân vận khéo" đăng ký', 'mô hình', '1.605', '+276'] },
          { cells: ['2', 'Mô hình được công nhận', 'mô hình', '1.405', '+198'] },
          { cells: ['3', 'Hội nghị đối thoại với Nhân dân', 'cuộc', '247', '+31'] },
          { cells: ['4', 'Tỷ lệ kiến nghị được giải quyết', '%', '95,1', '+2,4'] },
          { cells: ['5', 'Kinh phí Nhân dân đóng góp xây dựng nông thôn mới', 'tỷ đồng', '13,7', '+4,2'] },
        ],
        note: 'Ghi chú: số liệu tổng hợp từ báo cáo của 7/7 đơn vị.',
      },
      { type: 'heading', level: 1, number: 'III.', text: 'Phương hướng, nhiệm vụ quý II năm 2023' },
      {
        type: 'paragraph',
        runs: [
          {
            text:
              '- Tiếp tục tham mưu cấp ủy lãnh đạo, chỉ đạo thực hiện hiệu quả công tác dân vận; nắm chắc tình hình Nhân dân, ' +
              'kịp thời tham mưu giải quyết những vấn đề bức xúc, nổi cộm ngay từ cơ sở.',
          },
        ],
      },
      {
        type: 'paragraph',
        runs: [
          {
            text:
              '- Đẩy mạnh phong trào thi đua "Dân vận khéo"; lựa chọn, biểu dương các mô hình, điển hình tiêu biểu nhân kỷ niệm ' +
              'Ngày truyền thống công tác dân vận của Đảng (15/10/1930 - 15/10/2023).',
          },
        ],
      },
      { type: 'heading', level: 1, number: 'IV.', text: 'Đề xuất, kiến nghị' },
      {
        type: 'paragraph',
        runs: [
          { text: 'Đề nghị Ban Dân vận Trung ương ' },
          { text: 'sớm ban hành hướng dẫn', italic: true },
          { text: ' kiện toàn khối dân vận cơ sở theo Luật Thực hiện dân chủ ở cơ sở năm 2022.' },
        ],
      },
    ],
    endMark: './.',
    signature: { authority: 'K/T TRƯỞNG BAN', title: 'PHÓ TRƯỞNG BAN', name: 'Trần Thị Minh Hạnh' },
    recipients: [
      '- Ban Dân vận Trung ương (để b/c),',
      '- Thường trực Tỉnh ủy (để b/c),',
      '- Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy,',
      '- Ban Dân vận các huyện, thị, thành ủy,',
      '- Lãnh đạo Ban,',
      '- Lưu Văn phòng.',
    ],
    appendices: [
      {
        title: 'PHỤ LỤC',
        subtitle: [
          'SỐ LIỆU CÁC CHỈ TIÊU CÔNG TÁC DÂN VẬN THEO ĐƠN VỊ',
          '(Kèm theo Báo cáo số 45-BC/BDVTU ngày 05/4/2023 của Ban Dân vận Tỉnh ủy)',
        ],
        table: appendixTable(),
        landscape: true,
      },
    ],
    meta: { title: 'Báo cáo sơ kết công tác dân vận quý I năm 2023', author: 'Ban Dân vận Tỉnh ủy Bình Sơn' },
  };
}

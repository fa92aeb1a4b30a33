// What the invented units of the invented province "Bình Sơn" report for quý I/2023: data for make-fixtures.mjs.
// Every name of a person and place is made up. Some items recur across units with small differences of
// spacing, case and punctuation, so that the aggregator's merging of identical items is exercised.

/** Calendar date at UTC midnight, the way the readers return dates. */
export const day = (y, m, d) => new Date(Date.UTC(y, m - 1, d));

// Items shared by several units (the variants are written out where they are used).
const KL43 = 'Tổ chức Hội nghị quán triệt Kết luận số 43-KL/TW của Ban Bí thư về tiếp tục thực hiện Nghị quyết số 25-NQ/TW về công tác dân vận.';
const NAM_TINH_HINH = 'Công tác nắm bắt, dự báo tình hình Nhân dân ở một số cơ sở có lúc chưa kịp thời.';
const DVK_TASK = 'Tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo” gắn với thực hiện nhiệm vụ chính trị của địa phương, đơn vị.';
const TAP_HUAN = 'Đề nghị Ban Dân vận Tỉnh ủy tổ chức tập huấn nghiệp vụ công tác dân vận cho cán bộ làm công tác dân vận cấp cơ sở.';
const KINH_PHI_DVK = 'Đề nghị UBND tỉnh bố trí kinh phí hỗ trợ xây dựng, nhân rộng các mô hình “Dân vận khéo”.';

/**
 * figures: DVK_MH_MOI, DVK_MH_CN, DVK_DH, TT_BUOI, TT_LUOT, TH_LOP, TH_LUOT, DT_HN, KN_TIEP, KN_GQ, KTGS_CUOC,
 * VD_TIEN, VD_NGAYCONG, VD_DAT, VD_NHA, KT_TAPTHE, KT_CANHAN (null = left blank, not reported).
 */
const CODES = [
  'DVK_MH_MOI', 'DVK_MH_CN', 'DVK_DH', 'TT_BUOI', 'TT_LUOT', 'TH_LOP', 'TH_LUOT', 'DT_HN', 'KN_TIEP', 'KN_GQ',
  'KTGS_CUOC', 'VD_TIEN', 'VD_NGAYCONG', 'VD_DAT', 'VD_NHA', 'KT_TAPTHE', 'KT_CANHAN',
];
export const figuresOf = (values) => Object.fromEntries(CODES.map((code, i) => [code, values[i] ?? null]));

export const UNITS = {
  HU_DONGHOA: {
    info: {
      unitCode: 'HU_DONGHOA',
      unitName: 'Ban Dân vận Huyện ủy Đông Hòa',
      period: 'Quý I/2023',
      reportDate: day(2023, 3, 28),
      preparedBy: 'Nguyễn Thị Thanh Hương',
      phone: '0257.3861.245',
      email: 'bdv.donghoa@binhson.dcs.vn',
      head: 'Trần Văn Quang - Trưởng Ban',
    },
    figures: figuresOf([12, 5, 3, 215, 8450, 2, 186, 6, 42, 37, 4, 1250.5, 3200, 5600, 7, 6, 11]),
    figureNotes: { VD_TIEN: 'Gồm tiền mặt và hiện vật quy đổi', VD_DAT: 'Hiến đất làm đường tại xã Hòa Xuân, Hòa Tâm' },
    results: [
      ['Lãnh đạo, chỉ đạo', KL43],
      ['Lãnh đạo, chỉ đạo', 'Tham mưu Ban Thường vụ Huyện ủy ban hành Kế hoạch thực hiện công tác dân vận năm 2023 và Chương trình phối hợp giữa Ban Dân vận Huyện ủy với UBND huyện về công tác dân vận chính quyền.'],
      ['Dân chủ ở cơ sở', 'Chỉ đạo 14/14 xã, thị trấn kiện toàn Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở; tổ chức 6 hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân, tiếp nhận 42 ý kiến, kiến nghị.'],
      ['Dân vận khéo', 'Vận động Nhân dân hiến 5.600 m² đất, đóng góp 3.200 ngày công và trên 1,25 tỷ đồng làm đường giao thông nông thôn tại các xã Hòa Xuân, Hòa Tâm.'],
      ['Nắm tình hình Nhân dân', 'Duy trì giao ban khối dân vận hằng tháng; nắm chắc tình hình Nhân dân trước, trong và sau Tết Nguyên đán Quý Mão 2023, không để phát sinh điểm nóng.'],
      ['Mặt trận và đoàn thể', 'Phối hợp Ủy ban MTTQ và các đoàn thể huyện trao 1.250 suất quà Tết cho hộ nghèo, gia đình chính sách với tổng trị giá 625 triệu đồng.'],
    ],
    limitations: [
      ['Nắm tình hình Nhân dân', NAM_TINH_HINH, 'Một số cán bộ khối dân vận cơ sở kiêm nhiệm nhiều việc, chưa thường xuyên bám địa bàn.'],
      ['Dân vận chính quyền', 'Việc giải quyết một số kiến nghị liên quan đến đất đai, bồi thường, giải phóng mặt bằng còn chậm.', 'Vướng mắc về hồ sơ nguồn gốc đất; phối hợp giữa các cơ quan chuyên môn chưa chặt chẽ.'],
    ],
    tasks: [
      ['Dân vận khéo', DVK_TASK, 'Thường xuyên'],
      ['Dân chủ ở cơ sở', 'Chuẩn bị các điều kiện triển khai Luật Thực hiện dân chủ ở cơ sở, có hiệu lực từ ngày 01/7/2023.', 'Quý II/2023'],
      ['Lãnh đạo, chỉ đạo', 'Tham mưu Ban Thường vụ Huyện ủy sơ kết công tác dân vận 6 tháng đầu năm 2023.', '30/6/2023'],
      ['Nắm tình hình Nhân dân', 'Tăng cường nắm tình hình Nhân dân tại các xã có dự án đường cao tốc đi qua, kịp thời tham mưu giải quyết vướng mắc.', 'Quý II/2023'],
    ],
    proposals: [[KINH_PHI_DVK, 'UBND tỉnh']],
    models: [
      ['Hiến đất, mở rộng đường giao thông nông thôn ở xã Hòa Xuân', 'Kinh tế', 'Huyện', 'Đã hoàn thành 3,2 km đường'],
      ['Tổ tự quản an ninh trật tự khu dân cư thôn Phú Long', 'Quốc phòng - an ninh', 'Cơ sở'],
      ['Chi hội phụ nữ không có người thân vi phạm pháp luật', 'Xây dựng hệ thống chính trị', 'Đăng ký'],
    ],
  },

  HU_TANLAC: {
    info: {
      unitCode: 'HU_TANLAC',
      unitName: 'Ban Dân vận Huyện ủy Tân Lạc',
      period: 'Quý I/2023',
      reportDate: day(2023, 3, 30),
      preparedBy: 'Phạm Văn Toàn',
      phone: '0912 418 307',
      email: 'bdvtanlac@gmail.com',
      head: 'Lê Thị Mai - Trưởng Ban',
    },
    figures: figuresOf([8, 3, 2, 168, 6120, 1, 95, 4, 28, 25, 0, 870.25, 2150, null, 5, 4, 9]),
    results: [
      ['Lãnh đạo, chỉ đạo', 'Tổ chức hội nghị quán triệt Kết luận số 43-KL/TW của Ban Bí thư về tiếp tục thực hiện Nghị quyết số 25-NQ/TW về công tác dân vận'],
      ['Dân tộc, tôn giáo', 'Thăm, chúc Tết 12 người có uy tín trong đồng bào dân tộc thiểu số và 5 cơ sở tôn giáo trên địa bàn nhân dịp Tết Nguyên đán Quý Mão 2023.'],
      ['Dân vận chính quyền', 'Bộ phận Một cửa huyện tiếp nhận và giải quyết đúng hạn 98,6% hồ sơ thủ tục hành chính; không có hồ sơ quá hạn do lỗi của cán bộ, công chức.'],
      ['Dân vận khéo', 'Vận động Nhân dân đóng góp 870 triệu đồng và 2.150 ngày công xây dựng nông thôn mới tại xã Tân Phong.'],
      ['Tổ chức, cán bộ', 'Kiện toàn Khối dân vận ở 3 xã sau sắp xếp nhân sự; bổ sung 2 đồng chí Phó Trưởng Ban Dân vận Đảng ủy xã.'],
    ],
    limitations: [
      ['Tổ chức, cán bộ', 'Đội ngũ cán bộ làm công tác dân vận ở một số xã còn thiếu kinh nghiệm, chưa qua đào tạo nghiệp vụ.', 'Thay đổi nhân sự sau sắp xếp; chưa tổ chức được lớp bồi dưỡng chuyên sâu.'],
    ],
    tasks: [
      ['Dân vận khéo', 'Tiếp tục đẩy mạnh phong trào thi đua "Dân vận khéo" gắn với thực hiện nhiệm vụ chính trị của địa phương, đơn vị', 'Quý II/2023'],
      ['Dân tộc, tôn giáo', 'Nắm tình hình các hoạt động tôn giáo dịp Đại lễ Phật đản năm 2023.', 'Tháng 5/2023'],
      ['Tổ chức, cán bộ', 'Mở 1 lớp bồi dưỡng nghiệp vụ công tác dân vận cho cán bộ khối dân vận cấp xã.', 'Quý II/2023'],
    ],
    proposals: [[TAP_HUAN, 'Ban Dân vận Tỉnh ủy']],
    models: [
      ['Vận động đồng bào dân tộc thiểu số giữ gìn bản sắc văn hóa truyền thống', 'Văn hóa - xã hội', 'Huyện'],
      ['Liên kết trồng bưởi hữu cơ ở xã Mỹ Lạc', 'Kinh tế', 'Cơ sở', 'Mô hình tổ hợp tác 24 hộ'],
    ],
  },

  HU_PHUCLAM: {
    info: {
      unitCode: 'HU_PHUCLAM',
      unitName: 'Ban Dân vận Huyện ủy Phúc Lâm',
      period: 'Quý I/2023',
      reportDate: day(2023, 3, 31),
      preparedBy: 'Đỗ Minh Tuấn',
      phone: '0257.3725.118',
      email: 'bdvphuclam@binhson.dcs.vn',
      head: 'Nguyễn Văn Hải - Trưởng Ban',
    },
    figures: figuresOf([10, 4, null, 254, 9870, 3, 240, 5, 51, 44, 5, 2105.75, 4600, 12500, 9, 8, 14]),
    results: [
      ['Lãnh đạo, chỉ đạo', 'Tổ chức  Hội nghị quán triệt Kết luận số 43-KL/TW của Ban Bí thư về tiếp tục thực hiện Nghị quyết số 25-NQ/TW về công tác dân vận;'],
      ['Dân vận chính quyền', 'Tổ chức 5 hội nghị đối thoại giữa Chủ tịch UBND huyện với Nhân dân về công tác bồi thường, giải phóng mặt bằng dự án Khu công nghiệp Phúc Thịnh.'],
      ['Dân chủ ở cơ sở', 'Hướng dẫn 100% thôn, khu phố xây dựng, bổ sung hương ước, quy ước phù hợp với quy định mới.'],
      ['Dân vận khéo', 'Đăng ký xây dựng mới 10 mô hình “Dân vận khéo”, trong đó 4 mô hình được công nhận cấp huyện.'],
      ['Lực lượng vũ trang', 'Phối hợp Ban Chỉ huy Quân sự huyện tổ chức Lễ giao nhận quân năm 2023 bảo đảm trang trọng, an toàn, đạt 100% chỉ tiêu.'],
      ['Mặt trận và đoàn thể', 'Ủy ban MTTQ huyện vận động Quỹ “Vì người nghèo” được 2,1 tỷ đồng; khởi công xây dựng 9 nhà đại đoàn kết.'],
      ['Nắm tình hình Nhân dân', 'Tổng hợp 3 báo cáo chuyên đề tình hình tư tưởng Nhân dân gửi Ban Thường vụ Huyện ủy.'],
    ],
    limitations: [
      ['Dân vận chính quyền', 'Công tác dân vận trong giải phóng mặt bằng một số dự án còn lúng túng, để phát sinh khiếu nại đông người.', 'Giá bồi thường chưa sát giá thị trường; việc tuyên truyền, đối thoại chưa được tổ chức sớm.'],
      ['Mặt trận và đoàn thể', 'Hoạt động của một số chi hội đoàn thể ở thôn còn hình thức, thu hút ít hội viên tham gia.', 'Nội dung sinh hoạt chưa đổi mới; kinh phí hoạt động hạn chế.'],
    ],
    tasks: [
      ['Dân vận chính quyền', 'Tăng cường đối thoại, tuyên truyền, vận động Nhân dân bàn giao mặt bằng dự án Khu công nghiệp Phúc Thịnh.', 'Quý II/2023'],
      ['Khác', 'Phối hợp tổ chức các hoạt động kỷ niệm 48 năm Ngày giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2023).', 'Tháng 4/2023'],
      ['Dân vận khéo', 'Khảo sát, đánh giá các mô hình “Dân vận khéo” đăng ký năm 2022 để đề nghị công nhận.', '30/6/2023'],
    ],
    proposals: [
      ['Đề nghị Ban Dân vận Tỉnh ủy tổ chức tập huấn nghiệp vụ công tác dân vận cho cán bộ làm công tác dân vận cấp cơ sở', 'Ban Dân vận Tỉnh ủy'],
      ['Đề nghị UBND tỉnh sớm phê duyệt giá đất cụ thể để bồi thường dự án Khu công nghiệp Phúc Thịnh.', 'UBND tỉnh'],
    ],
    models: [
      ['Dân vận khéo trong bồi thường, giải phóng mặt bằng', 'Xây dựng hệ thống chính trị', 'Huyện'],
      ['Tổ hợp tác nuôi tôm an toàn sinh học ở xã Lâm Sơn', 'Kinh tế', 'Huyện'],
      ['Camera an ninh bảo vệ bình yên thôn xóm', 'Quốc phòng - an ninh', 'Cơ sở'],
      ['Thư viện sách cộng đồng cho thiếu nhi', 'Văn hóa - xã hội', 'Đăng ký'],
    ],
  },

  HU_NGOCTHANH: {
    info: {
      unitCode: 'HU_NGOCTHANH',
      unitName: 'Ban Dân vận Huyện ủy Ngọc Thạnh',
      period: 'Quý I/2023',
      reportDate: day(2023, 3, 29),
      preparedBy: 'Hồ Thị Diệu Linh',
      phone: '0257.3790.062',
      email: 'bdvngocthanh@binhson.dcs.vn',
      head: 'Lương Văn Khánh - Trưởng Ban',
    },
    figures: figuresOf([6, 2, 1, 132, 4320, 1, 80, 3, 19, 19, 2, 640, 1800, null, 4, 3, 6]),
    results: [
      ['Dân tộc, tôn giáo', 'Phối hợp tổ chức Hội nghị biểu dương 45 người có uy tín tiêu biểu trong đồng bào dân tộc thiểu số năm 2022.'],
      ['Nắm tình hình Nhân dân', 'Nắm tình hình di cư tự do ở xã Ngọc Lĩnh; vận động 3 hộ trở về nơi cư trú, ổn định cuộc sống.'],
      ['Dân vận khéo', 'Vận động đồng bào xóa bỏ hủ tục trong việc cưới, việc tang ở 4 buôn đặc biệt khó khăn.'],
      ['Lãnh đạo, chỉ đạo', 'Tham mưu Ban Thường vụ Huyện ủy ban hành Kế hoạch thực hiện Đề án nâng cao chất lượng hoạt động khối dân vận cơ sở giai đoạn 2023 - 2025.'],
    ],
    limitations: [
      ['Nắm tình hình Nhân dân', 'Công tác nắm bắt, dự báo tình hình Nhân dân ở một số cơ sở có lúc chưa kịp thời', 'Địa bàn rộng, giao thông đi lại khó khăn; một số thôn, buôn chưa có cán bộ dân vận chuyên trách.'],
      ['Dân tộc, tôn giáo', 'Tình trạng tảo hôn, hôn nhân cận huyết thống trong đồng bào dân tộc thiểu số vẫn còn xảy ra.', 'Nhận thức của một bộ phận Nhân dân còn hạn chế; tập quán lạc hậu chưa được xóa bỏ triệt để.'],
    ],
    tasks: [
      ['Dân tộc, tôn giáo', 'Tiếp tục vận động đồng bào xóa bỏ hủ tục, xây dựng nếp sống văn hóa ở khu dân cư.', 'Thường xuyên'],
      ['Dân chủ ở cơ sở', 'Tuyên truyền Luật Thực hiện dân chủ ở cơ sở bằng tiếng dân tộc tại các buôn.', 'Quý II/2023'],
    ],
    proposals: [['đề nghị Ban Dân vận Tỉnh ủy tổ chức tập huấn nghiệp vụ công tác dân vận cho cán bộ làm công tác dân vận cấp cơ sở.', 'BDV Tỉnh ủy']],
    models: [
      ['Già làng, người có uy tín tham gia hòa giải ở cơ sở', 'Xây dựng hệ thống chính trị', 'Huyện'],
      ['Vận động đồng bào trồng cà phê theo hướng hữu cơ ở buôn Ma Lăng', 'Kinh tế', 'Đăng ký'],
    ],
  },

  TU_BINHSON: {
    info: {
      unitCode: 'TU_BINHSON',
      unitName: 'Ban Dân vận Thành ủy Bình Sơn',
      period: 'Quý I/2023',
      reportDate: day(2023, 3, 27),
      preparedBy: 'Võ Thị Ngọc Ánh',
      phone: '0257.3822.456',
      email: 'bdvthanhuy@binhson.dcs.vn',
      head: 'Huỳnh Tấn Lộc - Trưởng Ban',
    },
    figures: figuresOf([15, 7, 4, 386, 15240, 4, 420, 9, 87, 79, 6, 3450.8, 2800, 1850, 12, 10, 18]),
    figureNotes: { VD_DAT: 'Mở rộng hẻm, kiệt' },
    results: [
      ['Lãnh đạo, chỉ đạo', 'Tổ chức Hội nghị quán triệt Kết luận số 43-KL/TW của Ban Bí thư về tiếp tục thực hiện Nghị quyết số 25-NQ/TW về công tác dân vận .'],
      ['Dân vận chính quyền', 'Chỉ đạo UBND các phường, xã công khai thủ tục hành chính, đường dây nóng tiếp nhận phản ánh của người dân; 100% hồ sơ được giải quyết đúng hạn.'],
      ['Dân vận khéo', 'Công nhận 7 mô hình “Dân vận khéo” cấp thành phố, trong đó mô hình “Tuyến phố văn minh, không rác thải” được đề nghị công nhận cấp tỉnh.'],
      ['Dân chủ ở cơ sở', 'Tổ chức 9 hội nghị đối thoại giữa Bí thư Thành ủy, Chủ tịch UBND thành phố với Nhân dân các phường về chỉnh trang đô thị.'],
      ['Mặt trận và đoàn thể', 'Vận động Nhân dân đóng góp hơn 3,4 tỷ đồng, hiến 1.850 m² đất mở rộng hẻm, kiệt tại các phường Hưng Bình, Đông Thành.'],
    ],
    limitations: [
      ['Nắm tình hình Nhân dân', 'công tác nắm bắt , dự báo tình hình Nhân dân ở một số cơ sở có lúc chưa kịp thời', 'Dân cư đô thị biến động nhanh; lực lượng nắm tình hình ở tổ dân phố còn mỏng.'],
      ['Dân vận chính quyền', 'Một số phản ánh của người dân về trật tự xây dựng, vệ sinh môi trường chưa được trả lời đúng hạn.', 'Số phản ánh tăng cao trong khi cán bộ địa chính, xây dựng ở phường còn thiếu.'],
    ],
    tasks: [
      ['Dân vận chính quyền', 'Tiếp tục nâng cao chất lượng tiếp nhận, giải quyết phản ánh, kiến nghị của Nhân dân qua đường dây nóng.', 'Thường xuyên'],
      ['Mặt trận và đoàn thể', 'Vận động Nhân dân tham gia Chiến dịch “Thành phố xanh - sạch - đẹp” năm 2023.', 'Quý II/2023'],
      ['Lãnh đạo, chỉ đạo', 'Tham mưu Ban Thường vụ Thành ủy sơ kết công tác dân vận 6 tháng đầu năm 2023.', '30/6/2023'],
    ],
    proposals: [],
    models: [
      ['Tuyến phố văn minh, không rác thải', 'Văn hóa - xã hội', 'Huyện', 'Đề nghị công nhận cấp tỉnh'],
      ['Hẻm sáng - xanh - an toàn', 'Quốc phòng - an ninh', 'Huyện'],
      ['Dân vận khéo trong cải cách hành chính tại phường Đông Thành', 'Xây dựng hệ thống chính trị', 'Cơ sở'],
    ],
  },

  MTTQ: {
    info: {
      unitCode: 'MTTQ',
      unitName: 'Ủy ban MTTQ Việt Nam tỉnh Bình Sơn',
      period: 'Quý I/2023',
      reportDate: day(2023, 4, 3),
      preparedBy: 'Trương Thị Kim Oanh',
      phone: '0257.3823.670',
      email: 'mttq@binhson.gov.vn',
      head: 'Đặng Văn Sơn - Phó Chủ tịch',
    },
    figures: figuresOf([4, 2, 2, 96, 12500, 2, 210, null, 35, 31, 5, 8650.4, 5400, null, 48, 5, 12]),
    figureNotes: { VD_TIEN: 'Quỹ “Vì người nghèo” và an sinh xã hội các cấp' },
    results: [
      ['Mặt trận và đoàn thể', 'Vận động Quỹ “Vì người nghèo” và an sinh xã hội các cấp được 8,65 tỷ đồng; hỗ trợ xây dựng, sửa chữa 48 nhà đại đoàn kết.'],
      ['Mặt trận và đoàn thể', 'Tổ chức Chương trình “Tết vì người nghèo” Xuân Quý Mão 2023, trao 6.500 suất quà cho hộ nghèo, hộ cận nghèo.'],
      ['Dân chủ ở cơ sở', 'Giám sát việc thực hiện chính sách bảo hiểm y tế cho người dân tộc thiểu số tại 2 huyện; kiến nghị 5 nội dung với cơ quan chức năng.'],
      ['Dân vận khéo', 'Phát động phong trào thi đua “Dân vận khéo” trong hệ thống Mặt trận; 4 mô hình mới được đăng ký.'],
      ['Dân tộc, tôn giáo', 'Gặp mặt chức sắc, chức việc các tôn giáo nhân dịp đón Xuân; tuyên truyền các tổ chức tôn giáo hoạt động đúng pháp luật.'],
    ],
    limitations: [
      ['Nắm tình hình Nhân dân', NAM_TINH_HINH, 'Ban Công tác Mặt trận ở một số khu dân cư hoạt động chưa đều.'],
      ['Mặt trận và đoàn thể', 'Công tác giám sát, phản biện xã hội chưa thường xuyên; một số kiến nghị sau giám sát chưa được tiếp thu, giải quyết.', 'Cơ chế phối hợp giữa Mặt trận với chính quyền một số nơi chưa chặt chẽ.'],
    ],
    tasks: [
      ['Mặt trận và đoàn thể', 'Tổ chức Hội nghị phản biện xã hội dự thảo Nghị quyết của HĐND tỉnh về chính sách hỗ trợ hộ nghèo.', 'Quý II/2023'],
      ['Mặt trận và đoàn thể', 'Tiếp tục vận động xây dựng nhà đại đoàn kết cho hộ nghèo, phấn đấu hoàn thành 100 căn trong năm 2023.', 'Năm 2023'],
      ['Dân chủ ở cơ sở', 'Hướng dẫn Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng thực hiện Luật Thực hiện dân chủ ở cơ sở.', 'Quý II/2023'],
    ],
    proposals: [
      ['Đề nghị UBND tỉnh chỉ đạo các sở, ngành trả lời đầy đủ, đúng hạn các kiến nghị sau giám sát của Mặt trận.', 'UBND tỉnh'],
      ['Đề nghị Ban Thường vụ Tỉnh ủy chỉ đạo cấp ủy các cấp tạo điều kiện để Mặt trận phát huy vai trò giám sát, phản biện xã hội.', 'Ban Thường vụ Tỉnh ủy'],
    ],
    models: [
      ['Mặt trận chung tay xây nhà đại đoàn kết', 'Văn hóa - xã hội', 'Tỉnh'],
      ['Khu dân cư tự quản về bảo vệ môi trường', 'Văn hóa - xã hội', 'Đăng ký'],
    ],
  },

  HLHPN: {
    info: {
      unitCode: 'HLHPN',
      unitName: 'Hội Liên hiệp Phụ nữ tỉnh Bình Sơn',
      period: 'Quý I/2023',
      reportDate: day(2023, 3, 29),
      preparedBy: 'Lê Thị Bích Thủy',
      phone: '0905 627 114',
      email: 'hoiphunu@binhson.gov.vn',
      head: 'Nguyễn Thị Hồng Vân - Chủ tịch',
    },
    figures: figuresOf([6, 3, 2, 142, 9860, 3, 265, null, 12, 12, 2, 420.5, 1200, 0, 6, 4, 9]),
    results: [
      ['Mặt trận và đoàn thể', 'Tổ chức các hoạt động kỷ niệm 113 năm Ngày Quốc tế Phụ nữ 8/3; biểu dương 60 phụ nữ tiêu biểu trong lao động sản xuất.'],
      ['Dân vận khéo', 'Hội viên phụ nữ đăng ký 6 mô hình “Dân vận khéo”, tập trung vào khởi nghiệp, phát triển kinh tế hộ gia đình.'],
      ['Mặt trận và đoàn thể', 'Trao 6 “Mái ấm tình thương” cho hội viên phụ nữ nghèo, trị giá 420 triệu đồng.'],
      ['Nắm tình hình Nhân dân', 'Nắm tình hình tư tưởng hội viên, phụ nữ trước tác động của giá cả, việc làm sau dịch Covid-19.'],
    ],
    limitations: [
      ['Mặt trận và đoàn thể', 'Tỷ lệ tập hợp phụ nữ trong độ tuổi lao động tại các khu công nghiệp vào Hội còn thấp.', 'Lao động nữ làm theo ca, ít thời gian tham gia sinh hoạt; chưa có hình thức sinh hoạt phù hợp.'],
    ],
    tasks: [
      ['Dân vận khéo', DVK_TASK, 'Quý II/2023'],
      ['Mặt trận và đoàn thể', 'Tổ chức Tháng hành động vì trẻ em năm 2023.', 'Tháng 6/2023'],
    ],
    proposals: [],
    models: [
      ['Phụ nữ giúp nhau phát triển kinh tế', 'Kinh tế', 'Tỉnh'],
      ['Tiết kiệm vì phụ nữ nghèo', 'Kinh tế', 'Huyện'],
      ['Ngôi nhà an toàn, phòng chống bạo lực gia đình', 'Văn hóa - xã hội', 'Cơ sở'],
    ],
  },

  HND: {
    info: {
      unitCode: 'HND',
      unitName: 'Hội Nông dân tỉnh Bình Sơn',
      period: 'Quý I/2023',
      reportDate: day(2023, 3, 31),
      preparedBy: 'Phan Văn Lực',
      phone: '0257.3824.519',
      email: 'hoinongdan.binhson@gmail.com',
      head: 'Bùi Quang Thắng - Chủ tịch',
    },
    figures: figuresOf([5, 2, 1, 118, 7450, 2, 150, null, 16, 14, 2, 560, 2600, 800, 3, 3, 8]),
    results: [
      ['Mặt trận và đoàn thể', 'Hướng dẫn hội viên đăng ký danh hiệu sản xuất, kinh doanh giỏi năm 2023; có 18.650 hộ đăng ký.'],
      ['Dân vận khéo', 'Vận động nông dân dồn điền, đổi thửa được 120 ha, hiến 800 m² đất làm đường nội đồng.'],
      ['Mặt trận và đoàn thể', 'Giải ngân 15 tỷ đồng vốn Quỹ Hỗ trợ nông dân cho 320 hộ vay phát triển sản xuất.'],
      ['Nắm tình hình Nhân dân', 'Nắm tình hình tiêu thụ nông sản, giá vật tư nông nghiệp tăng ảnh hưởng đến đời sống nông dân, kịp thời phản ánh với cấp ủy.'],
    ],
    limitations: [
      ['Mặt trận và đoàn thể', 'Việc hỗ trợ nông dân liên kết sản xuất, tiêu thụ sản phẩm theo chuỗi giá trị còn hạn chế.', 'Nguồn lực của Hội hạn chế; doanh nghiệp chưa mặn mà liên kết với hộ nông dân nhỏ lẻ.'],
    ],
    tasks: [
      ['Dân vận khéo', 'Tiếp tục đẩy mạnh phong trào thi đua “Dân Vận Khéo” gắn với thực hiện nhiệm vụ chính trị của địa phương, đơn vị.', 'Quý II/2023'],
      ['Mặt trận và đoàn thể', 'Phối hợp tổ chức Hội chợ nông sản an toàn tỉnh Bình Sơn năm 2023.', 'Tháng 5/2023'],
    ],
    proposals: [['Đề nghị UBND tỉnh bố trí kinh phí hỗ trợ xây dựng, nhân rộng các mô hình "Dân vận khéo"', 'Ủy ban nhân dân tỉnh']],
    models: [
      ['Nông dân liên kết trồng lúa theo chuỗi giá trị', 'Kinh tế', 'Tỉnh'],
      ['Chi hội nông dân nghề nghiệp nuôi ong', 'Kinh tế', 'Đăng ký'],
    ],
  },

  TINHDOAN: {
    info: {
      unitCode: 'TINHDOAN',
      unitName: 'Tỉnh đoàn Bình Sơn',
      period: 'Quý I năm 2023',
      reportDate: day(2023, 3, 30),
      preparedBy: 'Ngô Thanh Tùng',
      phone: '0988 215 406',
      email: 'tinhdoanbinhson@gmail.com',
      head: 'Mai Xuân Hiếu - Bí thư Tỉnh đoàn',
    },
    figures: figuresOf([7, 3, 2, 85, 6200, 2, 180, 1, 9, 9, 1, 310, 3500, 0, 2, 5, 16]),
    results: [
      ['Mặt trận và đoàn thể', 'Tổ chức Tháng Thanh niên năm 2023 với chủ đề “Thanh niên tình nguyện vì cộng đồng”; huy động 3.500 ngày công thanh niên.', 'Các huyện, thành đoàn'],
      ['Dân vận khéo', 'Ra quân Ngày Chủ nhật xanh tại 120 điểm, thu gom hơn 35 tấn rác thải.', 'Đoàn cơ sở'],
      ['Lực lượng vũ trang', 'Tổ chức gặp mặt, tặng quà 1.180 thanh niên lên đường nhập ngũ năm 2023.', 'Ban Thanh niên trường học'],
      ['Dân chủ ở cơ sở', 'Tổ chức diễn đàn “Thanh niên với văn hóa giao thông” và buổi đối thoại giữa Chủ tịch UBND tỉnh với thanh niên.', 'Tỉnh đoàn'],
    ],
    limitations: [
      ['Mặt trận và đoàn thể', 'Phong trào tình nguyện ở một số cơ sở đoàn còn mang tính thời vụ, chưa duy trì thường xuyên.', 'Đoàn viên đi làm ăn xa nhiều; cán bộ đoàn cơ sở thường xuyên thay đổi.'],
      ['Nắm tình hình Nhân dân', 'Việc nắm bắt tâm tư, nguyện vọng của thanh niên công nhân chưa kịp thời.'],
    ],
    tasks: [
      ['Mặt trận và đoàn thể', 'Tổ chức Chiến dịch Thanh niên tình nguyện hè năm 2023.', 'Tháng 6/2023'],
      ['Mặt trận và đoàn thể', 'Triển khai Chương trình “Thanh niên khởi nghiệp” tại các huyện khó khăn.', 'Quý II/2023'],
      ['Lực lượng vũ trang', 'Phối hợp Bộ Chỉ huy Quân sự tỉnh thăm, động viên tân binh tại đơn vị huấn luyện.', 'Tháng 4/2023'],
    ],
    proposals: [['Đề nghị UBND tỉnh hỗ trợ kinh phí cho thanh niên khởi nghiệp ở vùng đồng bào dân tộc thiểu số.', 'UBND tỉnh']],
    models: [
      ['Tuyến đường thanh niên tự quản', 'Văn hóa - xã hội', 'Huyện'],
      ['Đội hình thanh niên tình nguyện hỗ trợ người dân làm thủ tục hành chính trực tuyến', 'Xây dựng hệ thống chính trị', 'Đăng ký'],
    ],
  },

  LDLD: {
    info: {
      unitCode: 'LDLD',
      unitName: 'Liên đoàn Lao động tỉnh Bình Sơn',
      period: 'Quý I/2023',
      reportDate: day(2023, 3, 28),
      preparedBy: 'Hoàng Văn Nam',
      phone: '0257.3841.233',
      email: 'ldld@binhson.gov.vn',
      head: 'Trịnh Thị Lan - Chủ tịch',
    },
    figures: figuresOf([3, 1, 1, 64, 5400, 2, 140, 2, 24, 22, 3, 275, 450, 0, 4, 3, 7]),
    results: [
      ['Mặt trận và đoàn thể', 'Tổ chức Chương trình “Tết Sum vầy - Xuân Quý Mão 2023”, trao 3.200 suất quà cho đoàn viên, người lao động có hoàn cảnh khó khăn.'],
      ['Dân vận khéo', 'Vận động doanh nghiệp ký kết 14 thỏa ước lao động tập thể có lợi hơn cho người lao động.'],
      ['Nắm tình hình Nhân dân', 'Nắm tình hình việc làm, tiền lương của công nhân tại các khu công nghiệp; không xảy ra ngừng việc tập thể.'],
    ],
    limitations: [
      ['Mặt trận và đoàn thể', 'Việc phát triển đoàn viên, thành lập công đoàn cơ sở ở doanh nghiệp ngoài nhà nước còn chậm.', 'Một số chủ doanh nghiệp chưa tạo điều kiện; cán bộ công đoàn kiêm nhiệm.'],
    ],
    tasks: [
      ['Mặt trận và đoàn thể', 'Tổ chức Tháng Công nhân năm 2023.', 'Tháng 5/2023'],
      ['Dân chủ ở cơ sở', 'Tổ chức đối thoại giữa lãnh đạo tỉnh với công nhân lao động tại khu công nghiệp.', 'Quý II/2023'],
    ],
    proposals: [['Đề nghị UBND tỉnh chỉ đạo xây dựng thiết chế công đoàn tại Khu công nghiệp Phúc Thịnh.', 'UBND tỉnh']],
    models: [['Mái ấm Công đoàn', 'Văn hóa - xã hội', 'Tỉnh']],
  },

  HCCB: {
    info: {
      unitCode: 'HCCB',
      unitName: 'Hội Cựu chiến binh tỉnh Bình Sơn',
      period: 'Quý I/2023',
      reportDate: day(2023, 3, 29),
      preparedBy: 'Lâm Văn Đức',
      phone: '0257.3826.902',
      email: 'hoiccb.binhson@gmail.com',
      head: 'Tạ Quang Vinh - Chủ tịch',
    },
    figures: figuresOf([4, 2, 2, 72, 3650, 1, 96, null, 8, 8, 2, 185.5, 1500, 420, 3, 2, 6]),
    results: [
      ['Mặt trận và đoàn thể', 'Thăm, tặng 420 suất quà Tết cho hội viên cựu chiến binh có hoàn cảnh khó khăn.'],
      ['Nắm tình hình Nhân dân', 'Tham gia hòa giải thành 12 vụ việc mâu thuẫn ở khu dân cư.'],
      ['Dân vận khéo', 'Hội viên cựu chiến binh hiến 420 m² đất, đóng góp 1.500 ngày công làm đường giao thông nông thôn.'],
    ],
    limitations: [
      ['Mặt trận và đoàn thể', 'Một số chi hội chưa phát huy vai trò nòng cốt trong tham gia bảo vệ an ninh trật tự ở cơ sở.', 'Hội viên tuổi cao, sức khỏe hạn chế.'],
    ],
    tasks: [
      ['Mặt trận và đoàn thể', 'Vận động hội viên tham gia giữ gìn an ninh trật tự, hòa giải ở cơ sở.', 'Thường xuyên'],
      ['Khác', 'Tổ chức các hoạt động kỷ niệm 48 năm Ngày giải phóng miền Nam, thống nhất đất nước.', 'Tháng 4/2023'],
    ],
    proposals: [],
    models: [
      ['Cựu chiến binh giúp nhau giảm nghèo', 'Kinh tế', 'Huyện'],
      ['Tổ hòa giải cựu chiến binh', 'Quốc phòng - an ninh', 'Cơ sở'],
    ],
  },

  BCHQS: {
    info: {
      unitCode: 'BCHQS',
      unitName: 'Bộ Chỉ huy Quân sự tỉnh Bình Sơn',
      period: 'Quý I/2023',
      reportDate: day(2023, 3, 30),
      preparedBy: 'Thượng úy Nguyễn Đình Khoa',
      phone: '069.512.430',
      email: 'banDV.bchqs@binhson.gov.vn',
      head: 'Đại tá Phan Thanh Bình - Chính ủy',
    },
    figures: figuresOf([3, 1, 1, 48, 3200, 1, 60, null, null, null, 2, 1250.5, 2400, 0, 2, 4, 9]),
    results: [
      ['Lực lượng vũ trang', 'Tổ chức Lễ giao nhận quân năm 2023 bảo đảm chặt chẽ, đúng luật; 100% thanh niên trúng tuyển lên đường nhập ngũ.'],
      ['Lực lượng vũ trang', 'Phối hợp địa phương xây dựng 2 nhà đồng đội, giúp Nhân dân 2.400 ngày công làm thủy lợi, giao thông nông thôn.'],
      ['Dân vận khéo', 'Duy trì mô hình “Dân vận khéo” trong thực hiện công tác tuyển quân ở cơ sở.'],
      ['Nắm tình hình Nhân dân', 'Nắm chắc tình hình địa bàn dịp Tết Nguyên đán, sẵn sàng lực lượng, phương tiện phòng chống thiên tai, cháy nổ.'],
    ],
    limitations: [
      ['Lực lượng vũ trang', 'Công tác phối hợp nắm tình hình ở một số địa bàn vùng sâu, vùng xa có lúc chưa chặt chẽ.', 'Địa bàn rộng, lực lượng dân quân mỏng.'],
    ],
    tasks: [
      ['Lực lượng vũ trang', 'Chỉ đạo các đơn vị tổ chức hành quân dã ngoại kết hợp làm công tác dân vận.', 'Quý II/2023'],
      ['Khác', 'Phối hợp tổ chức Lễ kỷ niệm 48 năm Ngày giải phóng miền Nam, thống nhất đất nước.', '30/4/2023'],
    ],
    proposals: [],
    models: [['Dân vận khéo trong công tác tuyển quân', 'Quốc phòng - an ninh', 'Tỉnh']],
  },

  CA: {
    info: {
      unitCode: 'CA',
      unitName: 'Công an tỉnh Bình Sơn',
      period: 'Quý I/2023',
      reportDate: day(2023, 3, 31),
      preparedBy: 'Đại úy Trần Minh Hiếu',
      phone: '069.4310.227',
      email: 'xaydungphongtrao.ca@binhson.gov.vn',
      head: 'Đại tá Lê Văn Tâm - Giám đốc',
    },
    figures: figuresOf([4, 2, 1, 156, 11200, 2, 130, 3, 64, 58, 4, 95.5, 800, null, 1, 5, 21]),
    results: [
      ['Lực lượng vũ trang', 'Triển khai Đề án 06 của Chính phủ; cấp căn cước công dân gắn chip tại nhà cho người già, người khuyết tật.'],
      ['Dân vận khéo', 'Xây dựng 4 mô hình “Dân vận khéo” trong phong trào Toàn dân bảo vệ an ninh Tổ quốc.'],
      ['Nắm tình hình Nhân dân', 'Nắm tình hình, giải quyết kịp thời 58 kiến nghị của Nhân dân về an ninh trật tự, không để phát sinh điểm nóng.'],
      ['Dân vận chính quyền', 'Công khai thủ tục hành chính, đường dây nóng tại 100% Công an xã, thị trấn.'],
    ],
    limitations: [
      ['Lực lượng vũ trang', 'Tình trạng trộm cắp tài sản, tín dụng đen ở một số địa bàn còn diễn biến phức tạp.', 'Thủ đoạn tội phạm tinh vi; ý thức phòng ngừa của một bộ phận Nhân dân chưa cao.'],
    ],
    tasks: [
      ['Lực lượng vũ trang', 'Tiếp tục đẩy mạnh phong trào Toàn dân bảo vệ an ninh Tổ quốc gắn với công tác dân vận.', 'Thường xuyên'],
      ['Nắm tình hình Nhân dân', 'Tuyên truyền phòng chống lừa đảo qua mạng tại các trường học, khu dân cư.', 'Quý II/2023'],
    ],
    proposals: [['Đề nghị UBND tỉnh hỗ trợ kinh phí xây dựng mô hình camera an ninh tại các xã ven biển.', 'UBND tỉnh']],
    models: [
      ['Camera an ninh bảo vệ bình yên thôn xóm', 'Quốc phòng - an ninh', 'Tỉnh'],
      ['Công an xã gần dân, vì dân', 'Xây dựng hệ thống chính trị', 'Huyện'],
    ],
  },

  SNV: {
    info: {
      unitCode: 'SNV',
      unitName: 'Sở Nội vụ tỉnh Bình Sơn',
      period: 'Quý I/2023',
      reportDate: day(2023, 4, 4),
      preparedBy: 'Đinh Thị Hà',
      phone: '0257.3827.115',
      email: 'snv@binhson.gov.vn',
      head: 'Vũ Đức Mạnh - Giám đốc Sở',
    },
    figures: figuresOf([2, 1, 0, 18, 950, 1, 75, 2, 11, 11, 2, null, null, null, null, 1, 3]),
    results: [
      ['Dân vận chính quyền', 'Triển khai Kế hoạch cải cách hành chính năm 2023; 100% thủ tục hành chính thuộc thẩm quyền được giải quyết đúng hạn.'],
      ['Dân vận chính quyền', 'Tham mưu UBND tỉnh kiểm tra công vụ tại 5 cơ quan, đơn vị; chấn chỉnh tinh thần, thái độ phục vụ Nhân dân.'],
      ['Tổ chức, cán bộ', 'Tổ chức 1 lớp bồi dưỡng kỹ năng dân vận cho 75 công chức làm công tác tiếp dân.'],
    ],
    limitations: [
      ['Dân vận chính quyền', 'Một số công chức ở bộ phận một cửa còn chậm hướng dẫn người dân thực hiện dịch vụ công trực tuyến.', 'Kỹ năng số của người dân và một số công chức còn hạn chế.'],
    ],
    tasks: [
      ['Dân vận khéo', ' Tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo” gắn với thực hiện nhiệm vụ chính trị của địa phương, đơn vị. ', 'Năm 2023'],
      ['Dân vận chính quyền', 'Tham mưu UBND tỉnh công bố Chỉ số cải cách hành chính năm 2022 của các sở, ngành, địa phương.', 'Quý II/2023'],
    ],
    proposals: [],
    models: [['Một cửa thân thiện, phục vụ Nhân dân', 'Xây dựng hệ thống chính trị', 'Đăng ký']],
  },

  BDBP: {
    info: {
      unitCode: 'BDBP',
      unitName: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh Bình Sơn',
      period: 'Quý I/2023',
      reportDate: day(2023, 3, 30),
      preparedBy: 'Đại úy Vương Quốc Huy',
      phone: '069.7810.345',
      email: 'bdbp@binhson.gov.vn',
      head: 'Đại tá Hà Văn Thành - Chính ủy',
    },
    figures: figuresOf([3, 1, 1, 54, 2860, 1, 45, null, null, null, 1, 160.5, 1700, 0, 3, 3, 8]),
    results: [
      ['Lực lượng vũ trang', 'Tổ chức Chương trình “Xuân Biên phòng ấm lòng dân bản” tại 4 xã ven biển, tặng 800 suất quà cho hộ nghèo.'],
      ['Lực lượng vũ trang', 'Duy trì Chương trình “Nâng bước em tới trường”, nhận đỡ đầu 26 học sinh có hoàn cảnh khó khăn.'],
      ['Dân vận khéo', 'Vận động ngư dân không khai thác hải sản trái phép ở vùng biển nước ngoài; không có tàu cá vi phạm trong quý I.'],
    ],
    limitations: [
      ['Lực lượng vũ trang', 'Việc tuyên truyền chống khai thác hải sản bất hợp pháp (IUU) đến một bộ phận ngư dân hiệu quả chưa cao.', 'Ngư dân đi biển dài ngày, khó tập trung tuyên truyền.'],
    ],
    tasks: [
      ['Lực lượng vũ trang', 'Tiếp tục tuyên truyền, vận động ngư dân chấp hành quy định về chống khai thác IUU.', 'Thường xuyên'],
      ['Lực lượng vũ trang', 'Phối hợp cấp ủy, chính quyền các xã ven biển xây dựng 2 “Nhà đồng đội”.', 'Quý II/2023'],
    ],
    proposals: [['Đề nghị Ban Dân vận Tỉnh ủy hướng dẫn tiêu chí đánh giá mô hình “Dân vận khéo” trong lực lượng vũ trang.', 'Ban Dân vận Tỉnh ủy']],
    models: [
      ['Tổ tàu thuyền an toàn tự quản trên biển', 'Quốc phòng - an ninh', 'Tỉnh'],
      ['Biên phòng chung tay xóa nhà tạm', 'Văn hóa - xã hội', 'Cơ sở'],
    ],
  },
};

/** The FormContent of the form writer, from a unit above. */
export function contentOf(unit) {
  return {
    info: unit.info,
    figures: unit.figures,
    figureNotes: unit.figureNotes ?? {},
    results: unit.results.map(([field, content]) => ({ field, content })),
    limitations: unit.limitations.map(([field, content, cause]) => ({ field, content, ...(cause ? { cause } : {}) })),
    tasks: unit.tasks.map(([field, content, deadline]) => ({ field, content, ...(deadline ? { deadline } : {}) })),
    proposals: unit.proposals.map(([content, addressee]) => ({ content, ...(addressee ? { addressee } : {}) })),
    models: unit.models.map(([name, field, level, note]) => ({ name, field, level, ...(note ? { note } : {}) })),
  };
}

/** The indicator catalogue of SPEC §3: what units report in "Số liệu", and how each figure adds up. */

export interface Indicator {
  code: string;
  name: string;
  unit: string;
  /** Derived indicators are computed from others, never entered (KN_TL = KN_GQ / KN_TIEP). */
  derived?: { numerator: string; denominator: string };
}

export const DEFAULT_CATALOGUE: readonly Indicator[] = [
  { code: 'DVK_MH_MOI', name: 'Mô hình "Dân vận khéo" đăng ký, xây dựng mới', unit: 'mô hình' },
  { code: 'DVK_MH_CN', name: 'Mô hình "Dân vận khéo" được công nhận', unit: 'mô hình' },
  { code: 'DVK_DH', name: 'Điển hình "Dân vận khéo" được biểu dương, khen thưởng', unit: 'điển hình' },
  { code: 'TT_BUOI', name: 'Buổi tuyên truyền, vận động Nhân dân', unit: 'buổi' },
  { code: 'TT_LUOT', name: 'Lượt người được tuyên truyền, vận động', unit: 'lượt người' },
  { code: 'TH_LOP', name: 'Lớp tập huấn, bồi dưỡng nghiệp vụ dân vận', unit: 'lớp' },
  { code: 'TH_LUOT', name: 'Lượt cán bộ được tập huấn, bồi dưỡng', unit: 'lượt người' },
  { code: 'DT_HN', name: 'Hội nghị đối thoại của người đứng đầu cấp ủy, chính quyền với Nhân dân', unit: 'cuộc' },
  { code: 'KN_TIEP', name: 'Kiến nghị của Nhân dân được tiếp nhận', unit: 'kiến nghị' },
  { code: 'KN_GQ', name: 'Kiến nghị đã được giải quyết, trả lời', unit: 'kiến nghị' },
  {
    code: 'KN_TL',
    name: 'Tỷ lệ kiến nghị được giải quyết (= KN_GQ / KN_TIEP)',
    unit: '%',
    derived: { numerator: 'KN_GQ', denominator: 'KN_TIEP' },
  },
  { code: 'KTGS_CUOC', name: 'Cuộc kiểm tra, giám sát công tác dân vận, dân chủ ở cơ sở', unit: 'cuộc' },
  { code: 'VD_TIEN', name: 'Kinh phí Nhân dân đóng góp xây dựng nông thôn mới, an sinh xã hội', unit: 'triệu đồng' },
  { code: 'VD_NGAYCONG', name: 'Ngày công lao động Nhân dân đóng góp', unit: 'ngày công' },
  { code: 'VD_DAT', name: 'Diện tích đất Nhân dân hiến', unit: 'm²' },
  { code: 'VD_NHA', name: 'Nhà đại đoàn kết, nhà tình nghĩa xây mới, sửa chữa', unit: 'căn' },
  { code: 'KT_TAPTHE', name: 'Tập thể được khen thưởng', unit: 'tập thể' },
  { code: 'KT_CANHAN', name: 'Cá nhân được khen thưởng', unit: 'cá nhân' },
];

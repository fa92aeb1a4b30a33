/** The closed lists of SPEC §3: fields of work, fields and recognition levels of "Dân vận khéo" models. */
import { foldKey } from './text.js';

/** Lĩnh vực of results, limitations and tasks, in report order. */
export const FIELDS = [
  'Lãnh đạo, chỉ đạo',
  'Dân vận chính quyền',
  'Mặt trận và đoàn thể',
  'Lực lượng vũ trang',
  'Dân vận khéo',
  'Dân chủ ở cơ sở',
  'Dân tộc, tôn giáo',
  'Nắm tình hình Nhân dân',
  'Tổ chức, cán bộ',
  'Khác',
] as const;
export type Field = (typeof FIELDS)[number];

export const MODEL_FIELDS = [
  'Kinh tế',
  'Văn hóa - xã hội',
  'Quốc phòng - an ninh',
  'Xây dựng hệ thống chính trị',
] as const;
export type ModelField = (typeof MODEL_FIELDS)[number];

export const RECOGNITION_LEVELS = ['Đăng ký', 'Cơ sở', 'Huyện', 'Tỉnh', 'Trung ương'] as const;
export type RecognitionLevel = (typeof RECOGNITION_LEVELS)[number];

/** Finds the canonical entry of a closed list for what a person typed ("van hoa-xa hoi" → "Văn hóa - xã hội"). */
export function matchClosed<T extends string>(list: readonly T[], typed: string): T | undefined {
  const key = foldKey(typed);
  if (!key) return undefined;
  // A leading number ("3. Mặt trận và đoàn thể") is how people copy from the instructions.
  const withoutNumber = foldKey(typed.replace(/^\s*\d+\s*[.)-]?\s*/, ''));
  return list.find((item) => {
    const itemFold = foldKey(item);
    return itemFold === key || itemFold === withoutNumber;
  });
}

/** Stable ids of the fields, for templates ("results.byField.DVK") where names with commas would be awkward. */
export const FIELD_IDS: Record<Field, string> = {
  'Lãnh đạo, chỉ đạo': 'LANH_DAO',
  'Dân vận chính quyền': 'CHINH_QUYEN',
  'Mặt trận và đoàn thể': 'MAT_TRAN',
  'Lực lượng vũ trang': 'LLVT',
  'Dân vận khéo': 'DVK',
  'Dân chủ ở cơ sở': 'DAN_CHU',
  'Dân tộc, tôn giáo': 'DAN_TOC_TON_GIAO',
  'Nắm tình hình Nhân dân': 'NAM_TINH_HINH',
  'Tổ chức, cán bộ': 'TO_CHUC_CAN_BO',
  Khác: 'KHAC',
};

/** How each field is titled as a section of the report. */
export const FIELD_HEADINGS: Record<Field, string> = {
  'Lãnh đạo, chỉ đạo': 'Công tác lãnh đạo, chỉ đạo, quán triệt, triển khai thực hiện',
  'Dân vận chính quyền': 'Công tác dân vận của cơ quan nhà nước, chính quyền các cấp',
  'Mặt trận và đoàn thể': 'Hoạt động của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội',
  'Lực lượng vũ trang': 'Công tác dân vận trong lực lượng vũ trang',
  'Dân vận khéo': 'Phong trào thi đua "Dân vận khéo"',
  'Dân chủ ở cơ sở': 'Thực hiện dân chủ ở cơ sở',
  'Dân tộc, tôn giáo': 'Công tác dân tộc, tôn giáo',
  'Nắm tình hình Nhân dân': 'Công tác nắm tình hình Nhân dân',
  'Tổ chức, cán bộ': 'Công tác tổ chức, cán bộ; tập huấn, kiểm tra, giám sát',
  Khác: 'Các hoạt động khác',
};

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

/** The indicator catalogue of SPEC §3: what units report in "Số liệu", what kind of number each is, and how it adds up. */
import { foldKey } from './text.js';

/**
 * A count (mô hình, buổi, lượt người…) is a whole number; an amount (triệu đồng, m², ngày công) a decimal;
 * a ratio is derived from two other indicators and never entered.
 */
export type IndicatorKind = 'count' | 'amount' | 'ratio';

/**
 * A flow is what happened during the period and adds up over periods (buổi tuyên truyền); a stock is a level
 * at the end of the period (mô hình đang duy trì) and does not: the year's stock is not four quarters' sum.
 */
export type IndicatorAggregation = 'flow' | 'stock';

export interface Indicator {
  code: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
  aggregation: IndicatorAggregation;
  /** Derived indicators are computed from others, never entered (KN_TL = KN_GQ / KN_TIEP). */
  derived?: { numerator: string; denominator: string };
}

export const DEFAULT_CATALOGUE: readonly Indicator[] = [
  { code: 'DVK_MH_MOI', name: 'Mô hình "Dân vận khéo" đăng ký, xây dựng mới', unit: 'mô hình', kind: 'count', aggregation: 'flow' },
  { code: 'DVK_MH_CN', name: 'Mô hình "Dân vận khéo" được công nhận', unit: 'mô hình', kind: 'count', aggregation: 'flow' },
  { code: 'DVK_DH', name: 'Điển hình "Dân vận khéo" được biểu dương, khen thưởng', unit: 'điển hình', kind: 'count', aggregation: 'flow' },
  { code: 'TT_BUOI', name: 'Buổi tuyên truyền, vận động Nhân dân', unit: 'buổi', kind: 'count', aggregation: 'flow' },
  { code: 'TT_LUOT', name: 'Lượt người được tuyên truyền, vận động', unit: 'lượt người', kind: 'count', aggregation: 'flow' },
  { code: 'TH_LOP', name: 'Lớp tập huấn, bồi dưỡng nghiệp vụ dân vận', unit: 'lớp', kind: 'count', aggregation: 'flow' },
  { code: 'TH_LUOT', name: 'Lượt cán bộ được tập huấn, bồi dưỡng', unit: 'lượt người', kind: 'count', aggregation: 'flow' },
  { code: 'DT_HN', name: 'Hội nghị đối thoại của người đứng đầu cấp ủy, chính quyền với Nhân dân', unit: 'cuộc', kind: 'count', aggregation: 'flow' },
  { code: 'KN_TIEP', name: 'Kiến nghị của Nhân dân được tiếp nhận', unit: 'kiến nghị', kind: 'count', aggregation: 'flow' },
  { code: 'KN_GQ', name: 'Kiến nghị đã được giải quyết, trả lời', unit: 'kiến nghị', kind: 'count', aggregation: 'flow' },
  {
    code: 'KN_TL',
    name: 'Tỷ lệ kiến nghị được giải quyết (= KN_GQ / KN_TIEP)',
    unit: '%',
    kind: 'ratio',
    aggregation: 'flow',
    derived: { numerator: 'KN_GQ', denominator: 'KN_TIEP' },
  },
  { code: 'KTGS_CUOC', name: 'Cuộc kiểm tra, giám sát công tác dân vận, dân chủ ở cơ sở', unit: 'cuộc', kind: 'count', aggregation: 'flow' },
  { code: 'VD_TIEN', name: 'Kinh phí Nhân dân đóng góp xây dựng nông thôn mới, an sinh xã hội', unit: 'triệu đồng', kind: 'amount', aggregation: 'flow' },
  { code: 'VD_NGAYCONG', name: 'Ngày công lao động Nhân dân đóng góp', unit: 'ngày công', kind: 'amount', aggregation: 'flow' },
  { code: 'VD_DAT', name: 'Diện tích đất Nhân dân hiến', unit: 'm²', kind: 'amount', aggregation: 'flow' },
  { code: 'VD_NHA', name: 'Nhà đại đoàn kết, nhà tình nghĩa xây mới, sửa chữa', unit: 'căn', kind: 'count', aggregation: 'flow' },
  { code: 'KT_TAPTHE', name: 'Tập thể được khen thưởng', unit: 'tập thể', kind: 'count', aggregation: 'flow' },
  { code: 'KT_CANHAN', name: 'Cá nhân được khen thưởng', unit: 'cá nhân', kind: 'count', aggregation: 'flow' },
];

/**
 * Units of measure whose kind is beyond doubt, as folded keys. Anything counted in whole things is a count;
 * money, area, length, weight and labour days are amounts. A unit not listed must have its kind declared.
 */
const COUNT_UNITS = [
  'mô hình', 'điển hình', 'buổi', 'lớp', 'lượt', 'lượt người', 'người', 'cuộc', 'căn', 'nhà', 'hội nghị', 'kiến nghị',
  'đơn', 'vụ', 'việc', 'văn bản', 'tập thể', 'cá nhân', 'hộ', 'đơn vị', 'tổ', 'câu lạc bộ', 'clb', 'công trình',
  'điểm', 'xã', 'thôn', 'ấp', 'bản', 'tổ chức', 'hội viên', 'đoàn viên', 'đảng viên', 'lần', 'chương trình', 'ý kiến',
  'suất', 'phần quà', 'cơ sở', 'trường hợp', 'đợt', 'tin', 'bài', 'phóng sự', 'cái', 'chiếc',
].map(foldKey);
const AMOUNT_UNITS = [
  'đồng', 'nghìn đồng', 'ngàn đồng', 'triệu đồng', 'tỷ đồng', 'tỉ đồng', 'usd', 'm²', 'm2', 'm', 'km', 'ha', 'hecta',
  'héc ta', 'tấn', 'kg', 'tạ', 'ngày công', 'giờ', 'm³', 'm3',
].map(foldKey);

/** The kind a unit of measure implies, when it is obvious; undefined otherwise. */
export function kindForUnit(unit: string): IndicatorKind | undefined {
  // "m²" folds to "m" (the superscript is dropped), the same as "m": both are amounts.
  const key = foldKey(unit.replace('²', '2').replace('³', '3'));
  if (unit.trim() === '%') return 'ratio';
  if (COUNT_UNITS.includes(key)) return 'count';
  if (AMOUNT_UNITS.includes(key)) return 'amount';
  return undefined;
}

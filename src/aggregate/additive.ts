/**
 * Counts that add up across units: "bồi dưỡng nghiệp vụ cho 45 cán bộ" and "… cho 60 cán bộ" are one result of
 * 105 cán bộ. A number is additive only when a counting noun follows it ("cán bộ", "suất quà", "m²", "tỷ đồng"…)
 * and nothing marks it as a label: a percentage ("100%"), an ordinal or a document number ("lần thứ 2", "Kế hoạch
 * số 56-KH/ĐU"), a date or a year ("15/10", "năm 2025"), a ratio ("14/14 xã"), an anniversary ("95 năm") — none of
 * these has a counting noun after it, or each has a mark before or after it. Whatever is not certainly a count
 * is left as it is: the item then merges only with the same text, as before.
 */
import { formatNumber } from '../render/format.js';

/** Counting nouns, longest first so that "lượt người" wins over "lượt" and "tỷ đồng" over "đồng". */
const COUNT_NOUNS = [
  'lượt cán bộ', 'lượt người', 'lượt hội viên', 'lượt đoàn viên', 'lượt', 'cán bộ', 'công chức', 'đảng viên', 'hội viên',
  'đoàn viên', 'người', 'hộ dân', 'hộ', 'suất quà', 'phần quà', 'suất', 'phần', 'căn nhà', 'căn', 'nhà', 'mô hình',
  'điển hình', 'buổi', 'cuộc', 'hội nghị', 'lớp', 'học sinh', 'thanh niên', 'tân binh', 'tập thể', 'cá nhân', 'ngày công',
  'm²', 'm2', 'km', 'ha', 'tấn', 'triệu đồng', 'tỷ đồng', 'nghìn đồng', 'hồ sơ', 'kiến nghị', 'ý kiến', 'vụ việc',
  'tin bài', 'tin, bài', 'bài viết', 'cây xanh', 'con giống', 'chuyến', 'công trình', 'tuyến đường', 'bộ hồ sơ',
].sort((a, b) => b.length - a.length);

/** Words that make the number after them a label, not a count: "số 56", "lần thứ 2", "năm 2025", "quý 3". */
const LABEL_BEFORE = new Set(['số', 'thứ', 'khóa', 'khoá', 'năm', 'quý', 'tháng', 'ngày', 'điều', 'khoản', 'đoạn', 'kỳ', 'phiên', 'lần']);

export interface CountSlot {
  /** Where the number stands in the text (UTF-16 offsets). */
  start: number;
  end: number;
  value: number;
  /** Decimal places as typed ("1,25" → 2), so that the sum keeps the precision of its parts. */
  decimals: number;
  /** The counting noun, lower case, as it follows the number. */
  noun: string;
}

export interface AdditiveShape {
  slots: CountSlot[];
  /** The text with each counted number replaced by "#": items of one shape say the same thing. */
  template: string;
}

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const isLetter = (ch: string | undefined) => ch !== undefined && /\p{L}/u.test(ch);

/** "1.250" → 1250, "1,25" → 1.25, "2.400,5" → 2400.5, the Vietnamese way; undefined for what is not such a number. */
function readNumber(token: string): { value: number; decimals: number } | undefined {
  const [whole, fraction, extra] = token.split(',');
  if (extra !== undefined || whole === undefined) return undefined;
  // Thousands groups must be whole groups of three: "1.25" is no Vietnamese number (an English decimal, or a typo).
  if (whole.includes('.') && !/^\d{1,3}(\.\d{3})+$/.test(whole)) return undefined;
  const value = Number(`${whole.replace(/\./g, '')}${fraction ? `.${fraction}` : ''}`);
  return Number.isFinite(value) ? { value, decimals: fraction?.length ?? 0 } : undefined;
}

/** The word just before `index`, lower case ("" at the start). */
function wordBefore(text: string, index: number): string {
  let end = index;
  while (end > 0 && text[end - 1] === ' ') end -= 1;
  let start = end;
  while (start > 0 && isLetter(text[start - 1])) start -= 1;
  return text.slice(start, end).toLocaleLowerCase('vi');
}

/** The counting noun that follows `index` (after one space), or undefined. */
function nounAfter(lower: string, index: number): string | undefined {
  if (lower[index] !== ' ') return undefined;
  const rest = lower.slice(index + 1, index + 1 + 16);
  for (const noun of COUNT_NOUNS) {
    if (rest.startsWith(noun) && !isLetter(rest[noun.length]) && !isDigit(rest[noun.length])) return noun;
  }
  return undefined;
}

/** The counts of an item that add up across units, in text order; no slot when nothing is certainly a count. */
export function additiveShape(text: string): AdditiveShape {
  const lower = text.toLocaleLowerCase('vi');
  const slots: CountSlot[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text[i])) {
      i += 1;
      continue;
    }
    const start = i;
    while (i < text.length && (isDigit(text[i]) || ((text[i] === '.' || text[i] === ',') && isDigit(text[i + 1])))) i += 1;
    const end = i;
    const before = text[start - 1];
    const after = text[end];
    // Part of a date, a ratio, a code or a word ("15/10", "14/14", "56-KH", "Covid-19", "A1"): never a count.
    if (before === '/' || before === '-' || before === '.' || isLetter(before) || after === '/' || after === '-' || after === '%' || isLetter(after)) continue;
    if (LABEL_BEFORE.has(wordBefore(text, start))) continue;
    const noun = nounAfter(lower, end);
    const number = noun ? readNumber(text.slice(start, end)) : undefined;
    if (noun && number) slots.push({ start, end, value: number.value, decimals: number.decimals, noun });
  }
  let template = '';
  let at = 0;
  for (const slot of slots) {
    template += `${text.slice(at, slot.start)}#`;
    at = slot.end;
  }
  template += text.slice(at);
  return { slots, template };
}

/** The text of `shape`'s item with each counted number replaced by the matching sum, written the Vietnamese way. */
export function withSums(text: string, shape: AdditiveShape, sums: readonly number[], decimals: readonly number[]): string {
  let out = '';
  let at = 0;
  shape.slots.forEach((slot, k) => {
    out += `${text.slice(at, slot.start)}${formatNumber(sums[k] ?? slot.value, Math.min(2, decimals[k] ?? slot.decimals))}`;
    at = slot.end;
  });
  return out + text.slice(at);
}

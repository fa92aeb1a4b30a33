/** Vietnamese presentation of numbers, percentages, dates, lists and changes (FORMAT.md §D). */
import type { Change } from '../model/report-model.js';

/** 1234.5 → "1.234,5": "." groups thousands, "," marks decimals; at most `decimals` places, trailing zeros dropped. */
export function formatNumber(value: number, decimals = 2): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [whole, fraction] = rounded.toFixed(decimals).split('.') as [string, string?];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const trimmed = fraction?.replace(/0+$/, '');
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return `${sign}${grouped}${trimmed ? `,${trimmed}` : ''}`;
}

/** 95.238 → "95,2%". */
export function formatPercent(value: number, decimals = 1): string {
  return `${formatNumber(value, decimals)}%`;
}

/** Day and month zero-padded as official documents write them: days below 10, months 1 and 2 (FORMAT.md §D). */
function padDay(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}
function padMonth(month: number): string {
  return month <= 2 ? `0${month}` : String(month);
}

/** "2023-01-09" → "ngày 09 tháng 01 năm 2023". */
export function formatDateLong(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `ngày ${padDay(d)} tháng ${padMonth(m)} năm ${y}`;
}

/** "2023-01-09" → "09/01/2023", as dates are written in the body. */
export function formatDateShort(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** ["a", "b", "c"] → "a, b và c". */
export function joinList(items: readonly string[], last = 'và'): string {
  if (items.length <= 1) return items[0] ?? '';
  // Names that hold the joining word themselves ("Phòng Giáo dục và Đào tạo") are set apart by semicolons:
  // "… và Đào tạo và Ủy ban nhân dân huyện" would read as three names.
  if (items.some((item) => ` ${item} `.includes(` ${last} `))) return items.join('; ');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** The unit of a ratio's change. */
/** A ratio's change is told in percentage points, in words: "tăng 8,1 điểm phần trăm". */
export const POINTS = 'điểm phần trăm';

/** "tăng 12,5% so với cùng kỳ", "giảm 8 mô hình so với cùng kỳ" (when the earlier figure was 0), "bằng cùng kỳ". */
export function formatChange(change: Change, unit = ''): string {
  if (change.direction === 'same') return 'bằng cùng kỳ';
  const verb = change.direction === 'up' ? 'tăng' : 'giảm';
  // Percentage points are read like percentages: one decimal.
  const decimals = unit === POINTS ? 1 : 2;
  const amount = change.percent === null ? `${formatNumber(Math.abs(change.delta), decimals)}${unit ? ` ${unit}` : ''}` : formatPercent(Math.abs(change.percent));
  return `${verb} ${amount} so với cùng kỳ`;
}

/** First letter upper case, for a sentence built from a lower-case phrase. */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** Words a value (a deadline, a group's name) opens with that are common words, not names: written lower case inside a sentence. */
const COMMON_OPENINGS = new Set(['thường', 'quý', 'tháng', 'năm', 'hằng', 'hàng', 'trước', 'trong', 'cả', 'ngày', 'cuối', 'đầu', 'giữa', 'quí', 'lực', 'khối', 'cơ']);

/** "Thường xuyên" → "thường xuyên", "Quý II/2023" → "quý II/2023" inside a sentence; a name keeps its capital. */
export function inSentence(value: string): string {
  const first = value.split(/[\s/]/, 1)[0]!.toLocaleLowerCase('vi');
  return COMMON_OPENINGS.has(first) ? value.charAt(0).toLocaleLowerCase('vi') + value.slice(1) : value;
}

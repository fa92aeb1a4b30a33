/** The Handlebars helpers a report template may call; pure functions over the data they are given. */
import type { HelperDelegate } from 'handlebars';
import { nextPeriodName, parsePeriod, periodName } from '../domain/period.js';
import type { GatheredItem, IndicatorTotal, UnitRef } from '../model/report-model.js';
import { isWhitespace, trimEndWhere } from '../domain/text.js';
import { POINTS, capitalise, formatChange, formatDateLong, formatDateShort, formatNumber, formatPercent, joinList } from './format.js';

/** Handlebars passes its options object last; helpers with optional arguments must not mistake it for one. */
function args(values: unknown[]): unknown[] {
  return values.slice(0, -1);
}

/** A date as the data holds it (ISO) or as the config writes it (dd/mm/yyyy); anything else is a template error. */
function isoDate(value: unknown): string {
  const text = String(value ?? '');
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  throw new Error(`"${text}" không phải ngày (cần dạng 2023-04-05 hoặc 05/04/2023)`);
}

/** A figure for so/phantram: a finite number, or null for "not reported"; anything else is a template error, never "NaN" in a report. */
function figure(value: unknown, helper: string): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new Error(`{{${helper}}} cần một số (hoặc một chỉ tiêu không có số liệu), không phải "${String(value).slice(0, 50)}"`);
}

const period = (key: unknown) => {
  const parsed = typeof key === 'string' ? parsePeriod(key) : undefined;
  if (!parsed) throw new Error(`kỳ báo cáo không hợp lệ: ${String(key)}`);
  return parsed;
};

export const helpers: Record<string, HelperDelegate> = {
  /** {{so 1234.5}} → 1.234,5 ; {{so x 0}} rounds to whole numbers. Blank (null) prints "—". */
  so: (...values: unknown[]) => {
    const [raw, decimals] = args(values) as [unknown, number?];
    const value = figure(raw, 'so');
    return value === null ? '—' : formatNumber(value, typeof decimals === 'number' ? decimals : 2);
  },
  /** {{phantram 95.24}} → 95,2% */
  phantram: (...values: unknown[]) => {
    const value = figure(args(values)[0], 'phantram');
    return value === null ? '—' : formatPercent(value);
  },
  /** {{ngay "2023-01-09"}} (or "09/01/2023") → ngày 09 tháng 01 năm 2023 */
  ngay: (date: string) => formatDateLong(isoDate(date)),
  /** {{ngayso "2023-01-09"}} → 09/01/2023 */
  ngayso: (date: string) => formatDateShort(isoDate(date)),
  /** {{ky "2023-Q1"}} → quý I năm 2023 */
  ky: (key: string) => periodName(period(key)),
  /** {{kytiep "2023-Q1"}} → quý II năm 2023 */
  kytiep: (key: string) => nextPeriodName(period(key)),
  /** {{danhsach list}} → "a, b và c"; {{danhsach units "name"}} takes a field of each element. */
  danhsach: (...values: unknown[]) => {
    const [list, field] = args(values) as [unknown[], string?];
    const texts = (list ?? []).map((item) => (field && item && typeof item === 'object' ? String((item as Record<string, unknown>)[field]) : String(item)));
    return joinList(texts);
  },
  /**
   * {{nguon item}} → who reported an item: "Hội Nông dân tỉnh, Tỉnh đoàn" while they are few, else how many of each
   * group ("18 huyện ủy, thành ủy"), as the report's settings say (the view gives each item its `nguon`).
   */
  nguon: (item: GatheredItem & { nguon?: string }) => item.nguon ?? item.units.map((u: UnitRef) => u.name).join(', '),
  /** {{viethoa text}}: first letter upper case. */
  viethoa: (text: string) => capitalise(String(text)),
  /** {{bang "chi-tieu"}}: places a table built from the data (chi-tieu, mo-hinh). */
  bang: (name: string) => `[[bang:${name}]]`,
  eq: (a: unknown, b: unknown) => a === b,
  /** {{tru a b}}: a − b, for "và 2 lỗi khác". */
  tru: (a: number, b: number) => a - b,
  gt: (a: number, b: number) => a > b,
  and: (...values: unknown[]) => args(values).every(Boolean),
  or: (...values: unknown[]) => args(values).some(Boolean),
  not: (value: unknown) => !value,
  /** {{#if (co "TT_BUOI")}}: true when at least one unit reported the indicator (false for a code not in the catalogue). */
  co: (code: string, options: HelperOptions) => indicatorOf(code, options)?.total != null,
  /** {{so (tong "TT_BUOI")}}: an indicator's total, null when nobody reported it. */
  tong: (code: string, options: HelperOptions) => indicatorOf(code, options)?.total ?? null,
  /** {{tg "TT_BUOI"}}: " (tăng 12,5% so với cùng kỳ)" when comparing, otherwise nothing. */
  tg: (code: string, options: HelperOptions) => {
    const indicator = indicatorOf(code, options);
    return indicator?.change ? ` (${formatChange(indicator.change, indicator.derived ? POINTS : indicator.unit)})` : '';
  },
  /** {{cau text}}: an item as a clause — first letter upper case, closing punctuation removed so the template adds its own. */
  cau: (text: string) => capitalise(trimEndWhere(String(text).trim(), isClauseEnd)),
};

/** Spaces and the punctuation that closes a clause, dropped from its end by {{cau}} (a loop: a long run of dots costs one pass). */
function isClauseEnd(code: number): boolean {
  return code === 0x2e || code === 0x3b || code === 0x2c || code === 0x3a || isWhitespace(code);
}

interface HelperOptions {
  data: { root: { chiTieu?: Record<string, IndicatorTotal> } };
}

function indicatorOf(code: string, options: HelperOptions): IndicatorTotal | undefined {
  return options.data.root.chiTieu?.[code];
}

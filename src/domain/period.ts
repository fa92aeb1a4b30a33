/** Reporting periods (SPEC §3, §5): parsing every accepted spelling, the machine key, and the Vietnamese names. */

export type PeriodKind = 'Q1' | 'Q2' | 'Q3' | 'Q4' | '6T' | '9T' | 'Y';

export interface Period {
  year: number;
  kind: PeriodKind;
}

const ROMAN: Record<string, 1 | 2 | 3 | 4> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function validYear(text: string | undefined): number | undefined {
  const year = Number(text);
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? year : undefined;
}

/**
 * Reads a period as people write it: "Quý I/2023", "quý 1 năm 2023", "6 tháng/2023", "6 tháng đầu năm 2023",
 * "9 tháng/2023", "Năm 2023", and the machine keys "2023-Q1", "2023-6T", "2023-9T", "2023".
 */
export function parsePeriod(input: string | number): Period | undefined {
  if (typeof input === 'number') {
    const year = validYear(String(input));
    return year === undefined ? undefined : { year, kind: 'Y' };
  }
  // Whitespace runs become one space, so that the patterns below, with their neighbouring \s*, cannot
  // backtrack over a long run (a --ky of 4,000 line breaks took 30 s); no spelling of a period is long.
  const text = input
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  if (text.length > 60) return undefined;
  let m = /^(\d{4})\s*-\s*(q[1-4]|6t|9t)$/.exec(text);
  if (m) {
    const year = validYear(m[1]);
    const tag = m[2]!;
    if (year === undefined) return undefined;
    return { year, kind: tag.startsWith('q') ? (`Q${tag[1]}` as PeriodKind) : (tag.toUpperCase() as PeriodKind) };
  }
  m = /^quy\s*(iv|iii|ii|i|[1-4])\s*(?:\/|-|nam|\s)\s*(?:nam\s*)?(\d{4})$/.exec(text);
  if (m) {
    const year = validYear(m[2]);
    return year === undefined ? undefined : { year, kind: `Q${ROMAN[m[1]!]}` as PeriodKind };
  }
  m = /^(6|9)\s*thang\s*(?:dau\s*nam)?\s*(?:\/|-|nam|\s)\s*(?:nam\s*)?(\d{4})$/.exec(text);
  if (m) {
    const year = validYear(m[2]);
    return year === undefined ? undefined : { year, kind: m[1] === '6' ? '6T' : '9T' };
  }
  m = /^(?:nam\s*)?(\d{4})$/.exec(text);
  if (m) {
    const year = validYear(m[1]);
    return year === undefined ? undefined : { year, kind: 'Y' };
  }
  return undefined;
}

/** The machine key of SPEC §5: 2023-Q1 … 2023-Q4, 2023-6T, 2023-9T, 2023. */
export function periodKey(period: Period): string {
  return period.kind === 'Y' ? String(period.year) : `${period.year}-${period.kind}`;
}

/** How the form writes it in "Kỳ báo cáo": "Quý I/2023", "6 tháng/2023", "Năm 2023". */
export function periodLabel(period: Period): string {
  switch (period.kind) {
    case 'Y':
      return `Năm ${period.year}`;
    case '6T':
      return `6 tháng/${period.year}`;
    case '9T':
      return `9 tháng/${period.year}`;
    default:
      return `Quý ${ROMAN_OUT[period.kind]}/${period.year}`;
  }
}

const ROMAN_OUT: Record<'Q1' | 'Q2' | 'Q3' | 'Q4', string> = { Q1: 'I', Q2: 'II', Q3: 'III', Q4: 'IV' };

/** The period as prose: "quý I năm 2023", "6 tháng đầu năm 2023", "9 tháng năm 2023", "năm 2023". */
export function periodName(period: Period): string {
  switch (period.kind) {
    case 'Y':
      return `năm ${period.year}`;
    case '6T':
      return `6 tháng đầu năm ${period.year}`;
    case '9T':
      return `9 tháng năm ${period.year}`;
    default:
      return `quý ${ROMAN_OUT[period.kind]} năm ${period.year}`;
  }
}

/** The period the report's tasks look ahead to: quý I → quý II, 6 tháng → 6 tháng cuối năm, 9 tháng → 3 tháng cuối năm, năm → năm sau. */
export function nextPeriodName(period: Period): string {
  switch (period.kind) {
    case 'Q1':
      return `quý II năm ${period.year}`;
    case 'Q2':
      return `quý III năm ${period.year}`;
    case 'Q3':
      return `quý IV năm ${period.year}`;
    case 'Q4':
      return `quý I năm ${period.year + 1}`;
    case '6T':
      return `6 tháng cuối năm ${period.year}`;
    case '9T':
      return `3 tháng cuối năm ${period.year}`;
    case 'Y':
      return `năm ${period.year + 1}`;
  }
}

/** A year's report closes the year (tổng kết); every other period is an interim review (sơ kết). */
export function isFinalReview(period: Period): boolean {
  return period.kind === 'Y';
}

/** The same period one year earlier, for "so với cùng kỳ". */
export function samePeriodLastYear(period: Period): Period {
  return { year: period.year - 1, kind: period.kind };
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.year === b.year && a.kind === b.kind;
}

/** Short file-name-safe slug: "quy-1-2023", "6-thang-2023", "nam-2023". */
export function periodSlug(period: Period): string {
  switch (period.kind) {
    case 'Y':
      return `nam-${period.year}`;
    case '6T':
      return `6-thang-${period.year}`;
    case '9T':
      return `9-thang-${period.year}`;
    default:
      return `quy-${period.kind[1]}-${period.year}`;
  }
}

/** The periods of a year in the order they fall due: quý I, quý II, 6 tháng, quý III, 9 tháng, quý IV, năm. */
export function periodsOfYear(year: number): Period[] {
  return (['Q1', 'Q2', '6T', 'Q3', '9T', 'Q4', 'Y'] as const).map((kind) => ({ year, kind }));
}

/** "31/03/2025": the last day of a period, the natural example of its report date. */
export function periodEndDate(period: Period): string {
  const month = { Q1: 3, Q2: 6, '6T': 6, Q3: 9, '9T': 9, Q4: 12, Y: 12 }[period.kind];
  const day = new Date(Date.UTC(period.year, month, 0)).getUTCDate();
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${period.year}`;
}

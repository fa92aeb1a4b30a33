/** Turns read cell values into numbers, dates and text the way Vietnamese users type them. */
import { isValid, parse as parseDate, format as formatDate } from 'date-fns';
import type { CellValue } from '../readers/types.js';
import { isDateSerial, serialToIso } from '../domain/excel-date.js';

/** A number read from text: the Vietnamese reading, and what an English-usage reader would make of it. */
export interface TextNumber {
  /** The value used: the Vietnamese reading, or the only reading the text has. */
  value: number;
  /** Set when the same text reads as another number under English usage ("1,250" → 1250, "2.500" → 2,5). */
  englishReading?: number;
  /** Set when the text only makes sense under English usage ("1.5", "1,250,000", "1,250.5"). */
  englishOnly?: boolean;
}

export type NumberResult =
  | ({ ok: true; /** The text as typed, when the cell held text. */ text?: string } & TextNumber)
  | { ok: false; reason: 'not-a-number' | 'formula-error' | 'formula-uncomputed'; text: string };

/**
 * A number as it arrives: a numeric cell, a formula result, or text in Vietnamese style ("1.234" = 1234,
 * "1,5" = 1.5, "1.250,5" = 1250.5, "1 234"). Text that an English-usage reader would read differently is
 * still read the Vietnamese way, and says so, so that the caller can warn; a number cell is never ambiguous.
 */
export function readNumber(value: CellValue): NumberResult {
  switch (value.kind) {
    case 'number':
      return { ok: true, value: value.number };
    case 'date':
      return { ok: true, value: value.serial };
    case 'boolean':
      return { ok: false, reason: 'not-a-number', text: value.bool ? 'TRUE' : 'FALSE' };
    case 'error':
      return { ok: false, reason: 'formula-error', text: value.text };
    case 'formula':
      return { ok: false, reason: 'formula-uncomputed', text: cellText(value) };
    case 'text': {
      const parsed = readTextNumber(value.text);
      return parsed === undefined ? { ok: false, reason: 'not-a-number', text: value.text } : { ok: true, text: value.text, ...parsed };
    }
  }
}

/** The value of `readTextNumber`, for callers that need no more. */
export function parseVietnameseNumber(input: string): number | undefined {
  return readTextNumber(input)?.value;
}

// Every pattern is anchored and free of nested quantifiers, so matching is linear in the text's length.
const DIGITS = /^\d+$/;
const VI_THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/; // 1.234 or 1.234.567
const VI_THOUSANDS_DECIMAL = /^\d{1,3}(?:\.\d{3})+,\d+$/; // 1.250,5
const VI_DECIMAL = /^\d*,\d+$/; // 1,5 or 1,250 or ,5
const EN_THOUSANDS_ONE = /^\d{1,3},\d{3}$/; // 1,250: Vietnamese 1,25 but English 1250
const EN_THOUSANDS = /^\d{1,3}(?:,\d{3}){2,}$/; // 1,250,000
const EN_THOUSANDS_DECIMAL = /^\d{1,3}(?:,\d{3})+\.\d+$/; // 1,250.5
const EN_DECIMAL = /^\d*\.\d+$/; // 1.5, 0.25 (not 1.234, which is Vietnamese thousands)

const SPACE = /[\s\u00a0\u202f\u2007]/;
const SPACES = /[ \u00a0\u202f\u2007]/g;
/** Digits grouped by one space (or no-break, narrow or figure space) per thousand, with an optional sign and decimals. */
const SPACED_THOUSANDS = /^[(+\-−–]?\d{1,3}(?:[ \u00a0\u202f\u2007]\d{3})+(?:,\d+)?\)?$/;

/**
 * Reads text the Vietnamese way: "." groups thousands, "," marks decimals. Spaces and non-breaking spaces
 * group thousands too; "(5)" is accounting style for minus five.
 */
export function readTextNumber(input: string): TextNumber | undefined {
  let text = input.trim();
  if (SPACE.test(text)) {
    // A space only groups thousands ("1 234 567", "1 234,5"): "1 32" is two numbers, and a line break ("1\n2",
    // two lines or two paragraphs of a cell) is never inside a number. Joined, they would read as 132 or 12.
    if (!SPACED_THOUSANDS.test(text)) return undefined;
    text = text.replace(SPACES, '');
  }
  if (!text) return undefined;
  let sign = 1;
  if (text.length > 2 && text.startsWith('(') && text.endsWith(')')) {
    sign = -1;
    text = text.slice(1, -1);
  }
  if (/^[-−–]/.test(text)) {
    sign = -sign;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }
  const number = (normalised: string) => {
    const n = Number(normalised);
    return Number.isFinite(n) ? sign * n : undefined;
  };
  const withoutDots = (t: string) => t.replace(/\./g, '');
  const withoutCommas = (t: string) => t.replace(/,/g, '');

  let reading: TextNumber | undefined;
  if (DIGITS.test(text)) {
    const value = number(text);
    reading = value === undefined ? undefined : { value };
  } else if (VI_THOUSANDS.test(text)) {
    const value = number(withoutDots(text));
    // One dot: "2.500" is 2,5 to an English reader; with several dots there is no English reading.
    const english = text.indexOf('.') === text.lastIndexOf('.') ? number(text) : undefined;
    reading = value === undefined ? undefined : { value, ...(english !== undefined ? { englishReading: english } : {}) };
  } else if (VI_THOUSANDS_DECIMAL.test(text)) {
    const value = number(withoutDots(text).replace(',', '.'));
    reading = value === undefined ? undefined : { value };
  } else if (VI_DECIMAL.test(text)) {
    const value = number(text.replace(',', '.'));
    const english = EN_THOUSANDS_ONE.test(text) ? number(withoutCommas(text)) : undefined;
    reading = value === undefined ? undefined : { value, ...(english !== undefined ? { englishReading: english } : {}) };
  } else if (EN_THOUSANDS.test(text) || EN_THOUSANDS_DECIMAL.test(text)) {
    const value = number(withoutCommas(text));
    reading = value === undefined ? undefined : { value, englishOnly: true };
  } else if (EN_DECIMAL.test(text)) {
    const value = number(text);
    reading = value === undefined ? undefined : { value, englishOnly: true };
  }
  return reading;
}

/**
 * Whether a number is whole, allowing only for the binary noise of a formula's result (0,1 × 30 gives
 * 3,0000000000000004): a few units in the last place, never a digit anybody typed (2,9999999999 is not 3).
 */
export function isWhole(value: number): boolean {
  return Math.abs(value - Math.round(value)) <= 1e-12 * Math.max(1, Math.abs(value));
}

export type DateResult =
  | { ok: true; iso: string }
  | { ok: false; reason: 'unreadable' | 'impossible' | 'out-of-range' | 'formula-uncomputed'; text: string };

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function inRange(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

const DATE_TEXT_FORMATS = ['d/M/yyyy', 'd-M-yyyy', 'd.M.yyyy', 'yyyy-M-d'];
const REFERENCE = new Date(2000, 0, 1);

/** A date as a date cell, a serial number, or text "dd/MM/yyyy" — never read month-first. */
export function readDate(value: CellValue): DateResult {
  if (value.kind === 'date' || value.kind === 'number') {
    const serial = value.kind === 'date' ? value.serial : value.number;
    const text = cellText(value);
    // Past 31/12/9999 (a phone number in a date-formatted cell) no spreadsheet shows a date.
    if (!(serial > 0) || !isDateSerial(serial)) return { ok: false, reason: 'unreadable', text };
    const iso = serialToIso(serial);
    return inRange(iso) ? { ok: true, iso } : { ok: false, reason: 'out-of-range', text: displayDate(iso) };
  }
  if (value.kind === 'formula') return { ok: false, reason: 'formula-uncomputed', text: cellText(value) };
  if (value.kind !== 'text') return { ok: false, reason: 'unreadable', text: cellText(value) };
  const text = value.text.replace(/^ngày\s*/i, '').replace(/\s+/g, '');
  const shape = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text) ?? /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!shape) return { ok: false, reason: 'unreadable', text: value.text };
  for (const pattern of DATE_TEXT_FORMATS) {
    const parsed = parseDate(text, pattern, REFERENCE);
    if (isValid(parsed)) {
      const iso = formatDate(parsed, 'yyyy-MM-dd');
      return inRange(iso) ? { ok: true, iso } : { ok: false, reason: 'out-of-range', text: value.text };
    }
  }
  // The shape is a date but the calendar has no such day (31/02, 29/02 of a common year, month 13).
  return { ok: false, reason: 'impossible', text: value.text };
}

/** "2023-04-05" → "05/04/2023", the way the form and messages show dates. */
export function displayDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Text of any cell, as the user would see it typed. */
export function cellText(value: CellValue): string {
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'number':
      return formatPlainNumber(value.number);
    case 'date':
      // A serial no calendar date has is shown as the number it is.
      return isDateSerial(value.serial) ? displayDate(serialToIso(value.serial)) : formatPlainNumber(value.serial);
    case 'boolean':
      return value.bool ? 'TRUE' : 'FALSE';
    case 'error':
      return value.text;
    case 'formula':
      return value.formula ? `=${value.formula}` : '=…';
  }
}

function formatPlainNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e9) / 1e9);
}

/** Turns read cell values into numbers, dates and text the way Vietnamese users type them. */
import { isValid, parse as parseDate, format as formatDate } from 'date-fns';
import type { CellValue } from '../readers/types.js';
import { serialToIso } from '../domain/excel-date.js';

export type NumberResult = { ok: true; value: number } | { ok: false; reason: 'not-a-number' | 'formula-error'; text: string };

/**
 * A number as it arrives: a numeric cell, a formula result, or text in Vietnamese style
 * ("1.234" = 1234, "1,5" = 1.5, "1.250,5" = 1250.5, "1 234"). A lone "." followed by other than
 * three digits ("1.5") is read as a decimal point, as Excel set to English would have meant it.
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
    case 'text': {
      const parsed = parseVietnameseNumber(value.text);
      return parsed === undefined ? { ok: false, reason: 'not-a-number', text: value.text } : { ok: true, value: parsed };
    }
  }
}

export function parseVietnameseNumber(input: string): number | undefined {
  let text = input.replace(/[\s\u00a0]/g, '');
  if (!text) return undefined;
  let sign = 1;
  if (/^\(.*\)$/.test(text)) {
    // Accounting style "(5)" means minus five.
    sign = -1;
    text = text.slice(1, -1);
  }
  if (/^[-−–]/.test(text)) {
    sign = -sign;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }
  let normalised: string;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) normalised = text.replace(/\./g, '').replace(',', '.');
  else if (/^\d+(,\d+)?$/.test(text)) normalised = text.replace(',', '.');
  else if (/^\d*\.\d+$/.test(text) || /^\d+$/.test(text)) normalised = text;
  else return undefined;
  const number = Number(normalised);
  return Number.isFinite(number) ? sign * number : undefined;
}

export type DateResult =
  | { ok: true; iso: string }
  | { ok: false; reason: 'unreadable' | 'impossible' | 'out-of-range'; text: string };

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
    const text = value.kind === 'date' ? serialToIso(serial) : String(serial);
    if (!(serial > 0)) return { ok: false, reason: 'unreadable', text };
    const iso = serialToIso(serial);
    return inRange(iso) ? { ok: true, iso } : { ok: false, reason: 'out-of-range', text: displayDate(iso) };
  }
  if (value.kind !== 'text') return { ok: false, reason: 'unreadable', text: value.kind === 'boolean' ? String(value.bool) : value.text };
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
      return displayDate(serialToIso(value.serial));
    case 'boolean':
      return value.bool ? 'TRUE' : 'FALSE';
    case 'error':
      return value.text;
  }
}

function formatPlainNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e9) / 1e9);
}

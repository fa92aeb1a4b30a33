import { describe, expect, it } from 'vitest';
import { cellText, parseVietnameseNumber, readDate, readNumber, readTextNumber } from '../../src/validate/cell-values.js';
import { isoToSerial, serialToIso } from '../../src/domain/excel-date.js';

describe('parseVietnameseNumber', () => {
  const cases: Array<[string, number | undefined]> = [
    ['1.234', 1234],
    ['1,5', 1.5],
    ['1.250,5', 1250.5],
    ['1 234', 1234],
    ['1\u00a0234', 1234],
    ['1.234.567', 1234567],
    ['(5)', -5],
    ['-7', -7],
    ['+3', 3],
    ['0', 0],
    ['1.5', 1.5],
    ['12', 12],
    ['khoảng chục', undefined],
    ['1.2.3', undefined],
    ['', undefined],
    ['   ', undefined],
    ['12abc', undefined],
    ['1,2,3', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected}`, () => {
      expect(parseVietnameseNumber(input)).toBe(expected);
    });
  }
});

describe('readTextNumber: the Vietnamese reading, and the English one where it differs', () => {
  const cases: Array<[string, ReturnType<typeof readTextNumber>]> = [
    ['1.234', { value: 1234, englishReading: 1.234 }],
    ['2.500', { value: 2500, englishReading: 2.5 }],
    ['1.234.567', { value: 1234567 }],
    ['1,250', { value: 1.25, englishReading: 1250 }],
    ['1,5', { value: 1.5 }],
    ['12,75', { value: 12.75 }],
    ['1.250,5', { value: 1250.5 }],
    ['1.5', { value: 1.5, englishOnly: true }],
    ['0.25', { value: 0.25, englishOnly: true }],
    ['1,250,000', { value: 1250000, englishOnly: true }],
    ['1,250.5', { value: 1250.5, englishOnly: true }],
    ['1 250', { value: 1250 }],
    ['48', { value: 48 }],
    ['1,2,3', undefined],
    ['1.23', { value: 1.23, englishOnly: true }],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)}`, () => expect(readTextNumber(input)).toEqual(expected));
  }
  it('stays linear on long runs of digits, dots and commas', () => {
    // Refused, each; the time is measured by bench/linear.mjs.
    for (const filler of ['.', ',', '1', '1.', '1,']) expect(readTextNumber(filler.repeat(32_000) + 'x')).toBeUndefined();
  });
});

describe('readNumber', () => {
  it('reads each cell kind', () => {
    expect(readNumber({ kind: 'number', number: 3.5 })).toEqual({ ok: true, value: 3.5 });
    expect(readNumber({ kind: 'text', text: '1.234' })).toEqual({ ok: true, value: 1234, text: '1.234', englishReading: 1.234 });
    expect(readNumber({ kind: 'text', text: '12' })).toEqual({ ok: true, value: 12, text: '12' });
    expect(readNumber({ kind: 'text', text: 'nhiều' })).toEqual({ ok: false, reason: 'not-a-number', text: 'nhiều' });
    expect(readNumber({ kind: 'error', text: '#DIV/0!' })).toEqual({ ok: false, reason: 'formula-error', text: '#DIV/0!' });
    expect(readNumber({ kind: 'boolean', bool: true })).toMatchObject({ ok: false, reason: 'not-a-number' });
  });
});

describe('readDate', () => {
  it('reads a date cell by its serial', () => {
    expect(readDate({ kind: 'date', serial: 45021 })).toEqual({ ok: true, iso: '2023-04-05' });
  });
  it('reads a date cell with a time part as that day', () => {
    expect(readDate({ kind: 'date', serial: 45021.75 })).toEqual({ ok: true, iso: '2023-04-05' });
  });
  it('reads a plain serial number', () => {
    expect(readDate({ kind: 'number', number: 44927 })).toEqual({ ok: true, iso: '2023-01-01' });
  });
  it('reads dd/MM/yyyy text day first, never month first', () => {
    expect(readDate({ kind: 'text', text: '05/04/2023' })).toEqual({ ok: true, iso: '2023-04-05' });
    expect(readDate({ kind: 'text', text: '13/01/2023' })).toEqual({ ok: true, iso: '2023-01-13' });
    expect(readDate({ kind: 'text', text: '5/4/2023' })).toEqual({ ok: true, iso: '2023-04-05' });
    expect(readDate({ kind: 'text', text: '05-04-2023' })).toEqual({ ok: true, iso: '2023-04-05' });
    expect(readDate({ kind: 'text', text: '05.04.2023' })).toEqual({ ok: true, iso: '2023-04-05' });
    expect(readDate({ kind: 'text', text: 'ngày 05/04/2023' })).toEqual({ ok: true, iso: '2023-04-05' });
    expect(readDate({ kind: 'text', text: '2023-04-05' })).toEqual({ ok: true, iso: '2023-04-05' });
  });
  it('reports an impossible calendar day', () => {
    expect(readDate({ kind: 'text', text: '31/02/2023' })).toEqual({ ok: false, reason: 'impossible', text: '31/02/2023' });
    expect(readDate({ kind: 'text', text: '29/02/2023' })).toMatchObject({ ok: false, reason: 'impossible' });
    expect(readDate({ kind: 'text', text: '05/13/2023' })).toMatchObject({ ok: false, reason: 'impossible' });
    expect(readDate({ kind: 'text', text: '29/02/2024' })).toEqual({ ok: true, iso: '2024-02-29' });
  });
  it('reports unreadable text', () => {
    expect(readDate({ kind: 'text', text: 'hôm qua' })).toEqual({ ok: false, reason: 'unreadable', text: 'hôm qua' });
    expect(readDate({ kind: 'boolean', bool: true })).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(readDate({ kind: 'number', number: -3 })).toMatchObject({ ok: false, reason: 'unreadable' });
  });
  it('reports a date out of range', () => {
    expect(readDate({ kind: 'text', text: '05/04/1990' })).toEqual({ ok: false, reason: 'out-of-range', text: '05/04/1990' });
    expect(readDate({ kind: 'number', number: 100 })).toMatchObject({ ok: false, reason: 'out-of-range' });
  });
});

describe('serial ↔ ISO', () => {
  it('converts known serials', () => {
    expect(serialToIso(44927)).toBe('2023-01-01');
    expect(serialToIso(1)).toBe('1899-12-31');
    expect(isoToSerial('2023-01-01')).toBe(44927);
    expect(isoToSerial('2024-02-29')).toBe(45351);
  });
  it('round-trips', () => {
    for (const iso of ['2000-01-01', '2023-04-05', '2024-02-29', '2099-12-31']) {
      expect(serialToIso(isoToSerial(iso))).toBe(iso);
    }
    for (const serial of [36526, 44927, 45351, 50000]) expect(isoToSerial(serialToIso(serial))).toBe(serial);
  });
});

describe('cellText', () => {
  it('shows each kind as typed', () => {
    expect(cellText({ kind: 'number', number: 12 })).toBe('12');
    expect(cellText({ kind: 'number', number: 0.1 + 0.2 })).toBe('0.3');
    expect(cellText({ kind: 'date', serial: 45021 })).toBe('05/04/2023');
    expect(cellText({ kind: 'boolean', bool: false })).toBe('FALSE');
  });
});

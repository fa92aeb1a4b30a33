import { describe, expect, it } from 'vitest';
import { nextPeriodName, parsePeriod, periodKey, periodLabel, periodName, type Period } from '../../src/domain/period.js';

describe('parsePeriod', () => {
  const accepted: Array<[string | number, string]> = [
    ['Quý I/2023', '2023-Q1'],
    ['quý 1/2023', '2023-Q1'],
    ['Quy IV/2023', '2023-Q4'],
    ['QUÝ III/2023', '2023-Q3'],
    ['quý II năm 2023', '2023-Q2'],
    ['6 tháng/2023', '2023-6T'],
    ['6 tháng đầu năm 2023', '2023-6T'],
    ['9 tháng/2023', '2023-9T'],
    ['Năm 2023', '2023'],
    ['2023-Q1', '2023-Q1'],
    ['2023-6T', '2023-6T'],
    ['2023-9T', '2023-9T'],
    ['2023', '2023'],
    [2023, '2023'],
    ['  Quý I/2023  ', '2023-Q1'],
    ['Quý I/2023'.normalize('NFD'), '2023-Q1'],
  ];
  for (const [input, key] of accepted) {
    it(`accepts ${JSON.stringify(input)} as ${key}`, () => {
      const period = parsePeriod(input);
      expect(period).toBeDefined();
      expect(periodKey(period!)).toBe(key);
    });
  }

  it('gives the structured period', () => {
    expect(parsePeriod('Quý IV/2024')).toEqual({ year: 2024, kind: 'Q4' });
    expect(parsePeriod(2025)).toEqual({ year: 2025, kind: 'Y' });
  });

  for (const input of ['Quý 5/2023', 'Quý I', 'tháng 3/2023', '1999', 'Quý V/2023', '', 'abc', '2023-Q5', 1999, 2023.5]) {
    it(`rejects ${JSON.stringify(input)}`, () => {
      expect(parsePeriod(input)).toBeUndefined();
    });
  }
});

describe('period names', () => {
  const p = (kind: Period['kind']): Period => ({ year: 2023, kind });

  it('periodKey', () => {
    expect(periodKey(p('Q1'))).toBe('2023-Q1');
    expect(periodKey(p('Q4'))).toBe('2023-Q4');
    expect(periodKey(p('6T'))).toBe('2023-6T');
    expect(periodKey(p('9T'))).toBe('2023-9T');
    expect(periodKey(p('Y'))).toBe('2023');
  });

  it('periodName', () => {
    expect(periodName(p('Q1'))).toBe('quý I năm 2023');
    expect(periodName(p('Q3'))).toBe('quý III năm 2023');
    expect(periodName(p('6T'))).toBe('6 tháng đầu năm 2023');
    expect(periodName(p('9T'))).toBe('9 tháng năm 2023');
    expect(periodName(p('Y'))).toBe('năm 2023');
  });

  it('nextPeriodName', () => {
    expect(nextPeriodName(p('Q1'))).toBe('quý II năm 2023');
    expect(nextPeriodName(p('Q4'))).toBe('quý I năm 2024');
    expect(nextPeriodName(p('6T'))).toBe('6 tháng cuối năm 2023');
    expect(nextPeriodName(p('9T'))).toBe('3 tháng cuối năm 2023');
    expect(nextPeriodName(p('Y'))).toBe('năm 2024');
  });

  it('periodLabel round-trips through parsePeriod', () => {
    for (const kind of ['Q1', 'Q2', 'Q3', 'Q4', '6T', '9T', 'Y'] as const) {
      expect(parsePeriod(periodLabel(p(kind)))).toEqual(p(kind));
    }
    expect(periodLabel(p('Q2'))).toBe('Quý II/2023');
  });
});

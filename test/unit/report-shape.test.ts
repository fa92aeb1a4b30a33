// The rules that keep a report's shape at any size: the body's cap per field within a part's budget, the
// appendix labels of each profile, and the column widths of data tables (issue 10, parts 1 and 5).
import { describe, expect, it } from 'vitest';
import { fieldCap, validUnitsText } from '../../src/render/selection.js';
import { appendixLabels, romanNumeral } from '../../src/document/tables.js';
import { columnWidths } from '../../src/writers/docx/column-widths.js';
import { estimateTextWidthTwips } from '../../src/layout/text-width.js';
import { configSchema } from '../../src/config/schema.js';
import type { TableBlock } from '../../src/model/doc-model.js';

const settings = (over: Partial<{ itemsPerField: number; itemsPerPart: number }> = {}) => ({ ...configSchema.parse({}).report, ...over });

describe('fieldCap: each field of a part shows the same number of items, within the part\'s budget', () => {
  it('keeps itemsPerField while the part fits', () => {
    expect(fieldCap([14, 8, 3, 7], settings({ itemsPerField: 15, itemsPerPart: 75 }))).toBe(15);
  });
  it('lowers the cap evenly when the fields together would show more; small fields keep all', () => {
    // 3 + 2k ≤ 30 → k = 13.
    expect(fieldCap([3, 40, 40], settings({ itemsPerField: 15, itemsPerPart: 30 }))).toBe(13);
    // Nine fields of 100 items and a budget of 75: 8 each (72).
    expect(fieldCap(Array(9).fill(100), settings({ itemsPerField: 15, itemsPerPart: 75 }))).toBe(8);
  });
  it('never goes below one item a field', () => {
    expect(fieldCap(Array(200).fill(5), settings({ itemsPerField: 15, itemsPerPart: 75 }))).toBe(1);
  });
});

describe('the units that sent, as the body names them', () => {
  const units = (n: number, group = '') => Array.from({ length: n }, (_, i) => ({ code: `X${i}`, name: `Đảng ủy xã ${i + 1}`, group }));
  it('by name while few, then by group with a registry, else pointing to the appendix (never "300 đơn vị: 300 đơn vị")', () => {
    expect(validUnitsText(units(2), [], settings(), '1')).toBe('Đảng ủy xã 1 và Đảng ủy xã 2');
    expect(validUnitsText(units(300), [], settings(), '1')).toBe('danh sách tại Phụ lục 1');
    const registry = units(310, 'Các đảng ủy xã').map((u) => ({ ...u }));
    expect(validUnitsText(units(300, 'Các đảng ủy xã'), registry, settings(), 'I')).toMatch(/^300\/310 /);
  });
});

describe('appendix labels', () => {
  it('Roman numerals as NĐ 30 wants them', () => {
    expect([1, 2, 3, 4, 5, 9, 10, 14, 40, 90].map(romanNumeral)).toEqual(['I', 'II', 'III', 'IV', 'V', 'IX', 'X', 'XIV', 'XL', 'XC']);
  });
  it('a report without a models appendix numbers the next one on', () => {
    expect(appendixLabels({ donVi: 1, moHinh: null, khac: 2 }, 'roman')).toEqual({ donVi: 'I', moHinh: null, khac: 'II' });
    expect(appendixLabels({ donVi: 1, moHinh: 2, khac: null }, 'arabic')).toEqual({ donVi: '1', moHinh: '2', khac: null });
  });
});

describe('column widths of data tables', () => {
  const styles = { text: { sizePt: 12 }, header: { sizePt: 12, bold: true }, marginsTwips: 170 };
  const narrowStt: TableBlock = {
    type: 'table',
    columns: [
      { header: 'STT', width: 3, align: 'center' },
      { header: 'Tên mô hình', width: 60, align: 'left' },
      { header: 'Đơn vị báo cáo', width: 37, align: 'left' },
    ],
    rows: [{ cells: ['1', 'Mô hình “Tuyến đường nở hoa”', 'Hội Liên hiệp Phụ nữ tỉnh'] }],
  };

  it('add up to the text width', () => {
    expect(columnWidths(narrowStt, 9355, styles).reduce((a, b) => a + b, 0)).toBe(9355);
  });

  it('never make a column narrower than the longest word of its header', () => {
    const [stt] = columnWidths(narrowStt, 9355, styles);
    expect(stt).toBeGreaterThanOrEqual(estimateTextWidthTwips('STT', 12, true) + 170);
  });

  it('a word far wider than the table (32,000 dots in a cell) still gives positive widths that add up', () => {
    const table: TableBlock = { ...narrowStt, rows: [{ cells: ['1', '.'.repeat(32_000), '.'.repeat(32_000)] }] };
    for (const block of [table, { ...table, widths: 'balanced' as const }]) {
      const widths = columnWidths(block, 9355, styles);
      expect(widths.reduce((a, b) => a + b, 0)).toBe(9355);
      for (const w of widths) expect(w).toBeGreaterThan(0);
    }
  });

  it('balanced: the shortest table — names on one line where rows are many, no wider than they need, the rest to the numbers', () => {
    const header = 'Hội nghị đối thoại của người đứng đầu cấp ủy, chính quyền với Nhân dân (cuộc)';
    const table: TableBlock = {
      type: 'table',
      widths: 'balanced',
      columns: [
        { header: 'STT', width: 6, align: 'center' },
        { header: 'Đơn vị', width: 26, align: 'left' },
        ...Array.from({ length: 6 }, () => ({ header, width: 10, align: 'right' as const })),
      ],
      // Fifteen units, as in the fixtures: each name on one line costs less height than one more header line.
      rows: Array.from({ length: 15 }, (_, i) => ({
        cells: [String(i + 1), i % 2 ? 'Tỉnh đoàn' : 'Ban Dân vận Huyện ủy Ngọc Thạnh', '6', '42', '37', '88,1%', '4', '1.250,5'],
      })),
    };
    const total = 14570;
    const widths = columnWidths(table, total, styles);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(total);
    const longestName = estimateTextWidthTwips('Ban Dân vận Huyện ủy Ngọc Thạnh', 12);
    // The name column holds the longest name on one line, and not much more.
    expect(widths[1]).toBeGreaterThanOrEqual(longestName + 170);
    expect(widths[1]).toBeLessThan((longestName + 170) * 1.3);
    // The six number columns share the rest equally (same header).
    const numbers = widths.slice(2, 7);
    expect(Math.max(...numbers) - Math.min(...numbers)).toBeLessThanOrEqual(1);
  });
});

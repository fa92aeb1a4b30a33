// Issue 6: a file is valid if and only if it yields a submission that counts; optional parts may be left out;
// figures are typed (counts whole, amounts decimal) and text numbers are never guessed silently.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import type { Issue } from '../../src/diagnostics/issue.js';
import { COLUMNS, INFO_LABEL, REQUIRED_INFO, SHEET, type InfoKey } from '../../src/domain/form-layout.js';
import { validateWorkbook } from '../../src/validate/submission.js';
import type { RawWorkbook } from '../../src/readers/types.js';
import { cellRef } from '../../src/readers/types.js';
import { Builder, FIGURE_ROW, FIGURE_VALUES, isVietnamese, wb } from './workbook-builder.js';

const FILE = 'nop/hu-donghoa.xlsx';
const errors = (issues: Issue[]) => issues.filter((i) => i.severity === 'error');
const validate = (workbook: RawWorkbook) => validateWorkbook(workbook, FILE, DEFAULT_CATALOGUE);

/** The figures the builder's workbook holds, as numbers (blank = null); KN_TL is derived and absent. */
const EXPECTED_FIGURES = Object.fromEntries(
  DEFAULT_CATALOGUE.filter((i) => !i.derived).map((i) => {
    const v = FIGURE_VALUES[i.code];
    return [i.code, v === null || v === undefined ? null : typeof v === 'number' ? v : Number(String(v).replace(/\./g, '').replace(',', '.'))];
  }),
);

const OPTIONAL_LABELS = (Object.keys(INFO_LABEL) as InfoKey[]).filter((key) => !REQUIRED_INFO.includes(key));
const TABLE_KEYS = ['results', 'limitations', 'tasks', 'proposals', 'models'] as const;
const OPTIONAL_SHEETS = TABLE_KEYS.map((key) => SHEET[key]);
/** Every optional column of every table sheet, as [sheet, header label]. */
const OPTIONAL_COLUMNS = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).flatMap((key) =>
  COLUMNS[key].filter((c) => !c.required && c.key !== 'origin').map((c) => [SHEET[key], c.label] as const),
);

/** Removes the row whose column A holds `label` from "Thông tin", moving the rows below it up, as Excel does. */
function removeInfoRow(workbook: RawWorkbook, label: string): RawWorkbook {
  const sheet = workbook.sheets.find((s) => s.name === SHEET.info)!;
  const row = sheet.cells.find((c) => c.col === 1 && c.value.kind === 'text' && c.value.text === label)!.row;
  sheet.cells = sheet.cells
    .filter((c) => c.row !== row)
    .map((c) => (c.row > row ? { ...c, row: c.row - 1, ref: cellRef(c.row - 1, c.col) } : c));
  return workbook;
}

/** Deletes the column headed `label` from a sheet, moving the columns right of it left, as Excel does. */
function removeColumn(workbook: RawWorkbook, sheetName: string, label: string): RawWorkbook {
  const sheet = workbook.sheets.find((s) => s.name === sheetName)!;
  const header = sheet.cells.find((c) => c.value.kind === 'text' && c.value.text === label);
  if (!header) throw new Error(`no column ${label} in ${sheetName}`);
  const col = header.col;
  sheet.cells = sheet.cells
    .filter((c) => c.col !== col)
    .map((c) => (c.col > col ? { ...c, col: c.col - 1, ref: cellRef(c.row, c.col - 1) } : c));
  return workbook;
}

function removeSheet(workbook: RawWorkbook, name: string): RawWorkbook {
  workbook.sheets = workbook.sheets.filter((s) => s.name !== name);
  return workbook;
}

/** Valid, with a submission whose every figure is the one in the file. */
function expectCountedInFull(workbook: RawWorkbook): ReturnType<typeof validate> {
  const result = validate(workbook);
  expect(errors(result.issues), JSON.stringify(errors(result.issues))).toEqual([]);
  expect(result.submission).toBeDefined();
  expect(result.submission!.figures).toEqual(EXPECTED_FIGURES);
  for (const issue of result.issues) expect(isVietnamese(issue.message), issue.message).toBe(true);
  return result;
}

describe('every optional part of SPEC §3 may be left out, alone or all together', () => {
  for (const key of OPTIONAL_LABELS) {
    it(`Thông tin without the "${INFO_LABEL[key]}" row`, () => {
      const result = expectCountedInFull(removeInfoRow(wb().build(), INFO_LABEL[key]));
      expect(result.submission!.info[key]).toBeUndefined();
      expect(result.submission!.info.unitCode).toBe('HU_DONGHOA');
    });
  }

  for (const [sheet, label] of OPTIONAL_COLUMNS) {
    it(`${sheet} without the "${label}" column`, () => {
      const result = expectCountedInFull(removeColumn(wb().build(), sheet, label));
      const s = result.submission!;
      // Every item is still there: the builder has 2 results and one row of each other sheet.
      expect([s.results.length, s.limitations.length, s.tasks.length, s.proposals.length, s.models.length]).toEqual([2, 1, 1, 1, 1]);
    });
  }

  for (const sheet of OPTIONAL_SHEETS) {
    it(`without the "${sheet}" sheet`, () => {
      const result = expectCountedInFull(removeSheet(wb().build(), sheet));
      expect(result.issues.some((i) => i.code === 'sheet.missing-optional' && i.sheet === sheet)).toBe(true);
    });
  }

  it('without every optional label, column and sheet at once', () => {
    let workbook = wb().build();
    for (const key of OPTIONAL_LABELS) workbook = removeInfoRow(workbook, INFO_LABEL[key]);
    workbook = removeColumn(workbook, SHEET.figures, 'Chỉ tiêu');
    workbook = removeColumn(workbook, SHEET.figures, 'Đơn vị tính');
    workbook = removeColumn(workbook, SHEET.figures, 'Ghi chú');
    for (const sheet of OPTIONAL_SHEETS) workbook = removeSheet(workbook, sheet);
    const result = expectCountedInFull(workbook);
    expect(result.submission!.results).toEqual([]);
    expect(Object.keys(result.submission!.sheets).sort()).toEqual(['figures', 'info']);
  });

  it('all optional columns of the table sheets at once, the items still read', () => {
    let workbook = wb().build();
    for (const [sheet, label] of OPTIONAL_COLUMNS) if (sheet !== SHEET.figures) workbook = removeColumn(workbook, sheet, label);
    const result = expectCountedInFull(workbook);
    expect(result.submission!.limitations[0]).toEqual({ field: 'Dân chủ ở cơ sở', content: 'Việc thực hiện dân chủ ở một số nơi còn hình thức.', row: 3 });
    expect(result.submission!.proposals[0]).toEqual({ content: 'Bố trí kinh phí cho hoạt động dân vận.', row: 3 });
  });
});

describe('no English from a library ever reaches the user', () => {
  const bad: Array<[string, (b: Builder) => Builder]> = [
    ['a boolean in a figure', (b) => b.figure('TT_BUOI', { kind: 'boolean', bool: true })],
    ['an error value in a field', (b) => b.set('Kết quả', 'B3', { kind: 'error', text: '#N/A' })],
    ['a date as the unit code', (b) => b.set('Thông tin', 'B2', { kind: 'date', serial: 45000 })],
    ['a number as Lĩnh vực', (b) => b.set('Hạn chế', 'B3', 7)],
    ['an empty unit name', (b) => b.set('Thông tin', 'B3', '')],
    ['a fractional count', (b) => b.figure('TT_BUOI', 2.5)],
    ['text in an amount', (b) => b.figure('VD_TIEN', 'chưa thống kê')],
  ];
  for (const [name, spoil] of bad) {
    it(name, () => {
      const result = validate(spoil(wb()).build());
      for (const issue of result.issues) {
        expect(issue.message).not.toMatch(/Invalid|expected|received|undefined|nonoptional/);
        expect(isVietnamese(issue.message), issue.message).toBe(true);
      }
    });
  }
});

describe('typed indicators: counts are whole numbers, amounts decimals, text read the Vietnamese way', () => {
  const issueAt = (b: Builder, code: string) => {
    const result = validate(b.build());
    return { result, issues: result.issues.filter((i) => i.cell === `D${FIGURE_ROW[code]}` && i.sheet === 'Số liệu') };
  };

  it('a fractional count is an error at its cell, typed as a number or as text', () => {
    for (const value of [2.5, '2,5']) {
      const { result, issues } = issueAt(wb().figure('TT_BUOI', value), 'TT_BUOI');
      expect(result.submission).toBeUndefined();
      expect(issues.map((i) => [i.severity, i.code])).toEqual([['error', 'figure.fractional-count']]);
      expect(issues[0]!.message).toContain('"buổi"');
      expect(issues[0]!.message).toContain('số nguyên');
    }
  });

  it('"1,250" in a count is refused, suggesting how to write one thousand two hundred and fifty', () => {
    const { issues } = issueAt(wb().figure('TT_LUOT', '1,250'), 'TT_LUOT');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.code).toBe('figure.fractional-count');
    expect(issues[0]!.message).toContain('1,25');
    expect(issues[0]!.message).toContain('"1.250"');
  });

  it('"1,250" in an amount is 1,25 with a warning at the cell showing the other reading', () => {
    const { result, issues } = issueAt(wb().figure('VD_TIEN', '1,250'), 'VD_TIEN');
    expect(result.submission!.figures.VD_TIEN).toBe(1.25);
    expect(issues.map((i) => [i.severity, i.code])).toEqual([['warning', 'figure.ambiguous-text']]);
    expect(issues[0]!.message).toContain('1,25 triệu đồng');
    expect(issues[0]!.message).toContain('"1.250"');
  });

  it('"2.500" in an amount is 2.500 with a warning; in a count it is 2.500 without one', () => {
    const amount = issueAt(wb().figure('VD_DAT', '2.500'), 'VD_DAT');
    expect(amount.result.submission!.figures.VD_DAT).toBe(2500);
    expect(amount.issues.map((i) => i.code)).toEqual(['figure.ambiguous-text']);
    expect(amount.issues[0]!.message).toContain('"2,5"');
    const count = issueAt(wb().figure('TT_LUOT', '2.500'), 'TT_LUOT');
    expect(count.result.submission!.figures.TT_LUOT).toBe(2500);
    expect(count.issues).toEqual([]);
  });

  it('"1.5" in an amount is 1,5 with a warning that it is written the English way; in a count an error', () => {
    const amount = issueAt(wb().figure('VD_NGAYCONG', '1.5'), 'VD_NGAYCONG');
    expect(amount.result.submission!.figures.VD_NGAYCONG).toBe(1.5);
    expect(amount.issues.map((i) => i.code)).toEqual(['figure.english-style']);
    expect(amount.issues[0]!.message).toContain('"1,5"');
    const count = issueAt(wb().figure('TH_LOP', '1.5'), 'TH_LOP');
    expect(count.issues.map((i) => i.code)).toEqual(['figure.fractional-count']);
  });

  it('a number typed into a number cell is never ambiguous', () => {
    const { result, issues } = issueAt(wb().figure('VD_TIEN', 1250).figure('TT_LUOT', 1234), 'VD_TIEN');
    expect(issues).toEqual([]);
    expect(result.submission!.figures).toMatchObject({ VD_TIEN: 1250, TT_LUOT: 1234 });
    expect(result.issues.filter((i) => i.code.startsWith('figure.') && i.code !== 'figure.blank')).toEqual([]);
  });

  it('a formula with no cached result (openpyxl writes them) is an error at its cell, never a silent blank', () => {
    for (const [sheet, ref, spoil] of [
      ['Số liệu', `D${FIGURE_ROW.TT_BUOI}`, (b: Builder) => b.figure('TT_BUOI', { kind: 'formula', formula: 'SUM(F6:F9)' })],
      ['Thông tin', 'B3', (b: Builder) => b.set('Thông tin', 'B3', { kind: 'formula', formula: 'Sheet2!A1' })],
      ['Kết quả', 'C3', (b: Builder) => b.set('Kết quả', 'C3', { kind: 'formula', formula: '' })],
    ] as const) {
      const result = validate(spoil(wb()).build());
      expect(result.submission).toBeUndefined();
      const issue = result.issues.find((i) => i.code === 'value.formula-uncomputed');
      expect(issue, `${sheet}!${ref}`).toMatchObject({ severity: 'error', sheet, cell: ref });
      expect(issue!.message).toContain('chưa có kết quả');
    }
  });

  it('a count from a formula with binary noise is whole', () => {
    const result = validate(wb().figure('TT_BUOI', 45.00000000001).build());
    expect(result.submission!.figures.TT_BUOI).toBe(45);
  });
});

describe('every figure keeps its cell', () => {
  it('figureSources names the "Kỳ này" cell of each indicator and the unit\'s note; sheets name the file\'s own sheets', () => {
    const built = wb().set('Số liệu', `E${FIGURE_ROW.VD_TIEN}`, 'Gồm 3 xã').build();
    built.sheets.find((s) => s.name === 'Số liệu')!.name = 'SO LIEU';
    const result = validate(built);
    const s = result.submission!;
    expect(s.figureSources.TT_BUOI).toEqual({ cell: `D${FIGURE_ROW.TT_BUOI}` });
    expect(s.figureSources.VD_TIEN).toEqual({ cell: `D${FIGURE_ROW.VD_TIEN}`, note: 'Gồm 3 xã' });
    expect(s.figureSources.VD_DAT).toEqual({ cell: `D${FIGURE_ROW.VD_DAT}` });
    expect(s.sheets.figures).toBe('SO LIEU');
    expect(s.sheets.results).toBe('Kết quả');
  });
});

describe('what an outside tester found, each now caught', () => {
  const at = (b: Builder, code: string) => {
    const result = validate(b.build());
    return { result, issues: result.issues.filter((i) => i.cell === `D${FIGURE_ROW[code]}`) };
  };

  it('"1,000" in a count is 1 with a warning naming one thousand; "2.000" is two thousand with a warning naming 2', () => {
    const one = at(wb().figure('TT_LUOT', '1,000'), 'TT_LUOT');
    expect(one.result.submission!.figures.TT_LUOT).toBe(1);
    expect(one.issues.map((i) => i.code)).toEqual(['figure.ambiguous-text']);
    expect(one.issues[0]!.message).toContain('"1.000"');
    const two = at(wb().figure('TT_BUOI', '2.000'), 'TT_BUOI');
    expect(two.result.submission!.figures.TT_BUOI).toBe(2000);
    expect(two.issues.map((i) => i.code)).toEqual(['figure.ambiguous-text']);
    expect(two.issues[0]!.message).toContain('Nếu ý là 2 buổi');
  });

  it('a date in a figure cell is an error, not its serial number', () => {
    const r = at(wb().figure('TT_BUOI', { kind: 'date', serial: 45000 }), 'TT_BUOI');
    expect(r.result.submission).toBeUndefined();
    expect(r.issues.map((i) => i.code)).toEqual(['figure.date']);
    expect(r.issues[0]!.message).toContain('15/03/2023');
  });

  it('a figure of 10^15 or more is refused, typed or as text', () => {
    for (const value of [1e300, '1.000.000.000.000.000.000.000']) {
      expect(at(wb().figure('VD_TIEN', value), 'VD_TIEN').issues.map((i) => i.code)).toEqual(['figure.too-large']);
    }
  });

  it('a count that is not whole is refused however close it comes, and the message shows what the cell holds', () => {
    const r = at(wb().figure('TT_BUOI', 3.0000001), 'TT_BUOI');
    expect(r.issues[0]!.message).toContain('"3,0000001"');
    expect(at(wb().figure('TT_BUOI', 2.9999999999), 'TT_BUOI').issues.map((i) => i.code)).toEqual(['figure.fractional-count']);
  });

  it('an optional sheet kept but emptied, or holding only its title, is an empty section, not an error', () => {
    for (const cells of [[], [{ ref: 'A1', row: 1, col: 1, value: { kind: 'text' as const, text: 'KIẾN NGHỊ' } }]]) {
      const built = wb().build();
      built.sheets.find((s) => s.name === 'Kiến nghị')!.cells = cells;
      const result = expectCountedInFull(built);
      expect(result.issues.some((i) => i.code === 'section.empty' && i.sheet === 'Kiến nghị')).toBe(true);
    }
  });

  it('a "Tổng cộng" line under the indicators is passed over with a note', () => {
    const b = wb().set('Số liệu', 'A21', 'Tổng cộng').set('Số liệu', 'D21', 99999);
    const result = expectCountedInFull(b.build());
    expect(result.issues.find((i) => i.code === 'figure.total-row-ignored')).toMatchObject({ sheet: 'Số liệu', cell: 'A21' });
  });

  it('a line of column numbers under the header is not an item', () => {
    const b = wb();
    for (const sheetName of ['Kết quả', 'Số liệu']) {
      const s = b.sheets.get(sheetName)!;
      s.cells = s.cells.map((c) => (c.row >= 3 ? { ...c, row: c.row + 1, ref: cellRef(c.row + 1, c.col) } : c));
      for (let col = 1; col <= 5; col++) s.cells.push({ ref: cellRef(3, col), row: 3, col, value: { kind: 'text', text: `(${col})` } });
    }
    const result = validate(b.build());
    expect(errors(result.issues)).toEqual([]);
    expect(result.submission!.results).toHaveLength(2);
    expect(result.submission!.figures.TT_BUOI).toBe(45);
  });

  it('two sheets answering to "Số liệu" are an error, not a silent choice', () => {
    const built = wb().build();
    built.sheets.push({ name: 'so lieu', cells: built.sheets.find((s) => s.name === 'Số liệu')!.cells });
    const issue = validate(built).issues.find((i) => i.code === 'sheet.duplicate')!;
    expect(issue).toMatchObject({ severity: 'error', sheet: 'so lieu' });
    expect(issue.message).toContain('"Số liệu", "so lieu"');
  });

  it('a second "Kỳ này" column is an error naming both header cells', () => {
    const b = wb().set('Số liệu', 'F2', 'Kỳ này').set('Số liệu', `F${FIGURE_ROW.TT_BUOI}`, 7);
    const issue = validate(b.build()).issues.find((i) => i.code === 'header.duplicate-column')!;
    expect(issue).toMatchObject({ sheet: 'Số liệu', cell: 'F2' });
    expect(issue.message).toContain('D2, F2');
  });

  it('a zero-width space pasted before a code does not hide it', () => {
    const result = validate(wb().set('Số liệu', `A${FIGURE_ROW.TT_LUOT}`, '\u200bTT_LUOT').build());
    expect(errors(result.issues)).toEqual([]);
    expect(result.submission!.figures.TT_LUOT).toBe(1234);
  });

  it('a report date years away from its period gets a warning at its cell', () => {
    const result = validate(wb().set('Thông tin', 'B5', '01/01/2019').build());
    expect(result.issues.find((i) => i.code === 'info.date-outside-period')).toMatchObject({ severity: 'warning', sheet: 'Thông tin', cell: 'B5' });
    expect(validate(wb().set('Thông tin', 'B5', '05/01/2024').build()).issues.some((i) => i.code === 'info.date-outside-period')).toBe(false);
  });
});

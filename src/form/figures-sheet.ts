/** The "Số liệu" sheet: one pre-printed row per catalogue indicator, the unit types only "Kỳ này" and "Ghi chú". */
import type ExcelJS from 'exceljs';
import type { Indicator } from '../domain/catalogue.js';
import { COLUMNS, SHEET } from '../domain/form-layout.js';
import { PROTECTION } from './info-sheet.js';
import { FIRST_DATA_ROW, TITLE_ROW, addHeader, addValidation, addTitle, setPrint } from './sheet-frame.js';
import { CENTER_TOP, HINT_FONT, TITLE_FONT, WRAP_TOP, styleInputCell, styleLockedCell, wrappedRowHeight } from './styles.js';
import type { FormContent } from './types.js';

const WIDTHS: Record<(typeof COLUMNS.figures)[number]['key'], number> = {
  code: 16,
  name: 68,
  unit: 14,
  value: 16,
  note: 40,
};

/** Column letters of "Số liệu", fixed by SPEC §3. */
export const FIGURE_COLUMN = { code: 'A', name: 'B', unit: 'C', value: 'D', note: 'E' } as const;

/** "Kỳ này" of an amount (triệu đồng, m², ngày công): any decimal ≥ 0. */
export const VALUE_VALIDATION: ExcelJS.DataValidation = {
  type: 'decimal',
  operator: 'greaterThanOrEqual',
  allowBlank: true,
  formulae: [0],
  showInputMessage: true,
  promptTitle: 'Kỳ này',
  prompt: 'Nhập số không âm; để trống nếu không có số liệu, ghi 0 nếu có theo dõi và kết quả bằng 0.',
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: 'Số liệu không hợp lệ',
  error: 'Ô này chỉ nhận số không âm, ví dụ 12 hoặc 1250,5. Không ghi chữ, không ghi số âm; để trống nếu không có số liệu.',
};

/** "Kỳ này" of a count (mô hình, buổi, lượt người…): whole numbers ≥ 0, as the checker requires. */
export const COUNT_VALIDATION: ExcelJS.DataValidation = {
  ...VALUE_VALIDATION,
  type: 'whole',
  prompt: 'Nhập số nguyên không âm (đếm số mô hình, buổi, lượt người…); để trống nếu không có số liệu, ghi 0 nếu có theo dõi và kết quả bằng 0.',
  error: 'Ô này chỉ nhận số nguyên không âm, ví dụ 12 hoặc 1250. Không ghi chữ, số lẻ hay số âm; để trống nếu không có số liệu.',
};

/** Row of each indicator code: the catalogue order, from the first data row. */
export function figureRows(catalogue: readonly Indicator[]): Map<string, number> {
  return new Map(catalogue.map((indicator, index) => [indicator.code, FIRST_DATA_ROW + index]));
}

export async function addFiguresSheet(
  workbook: ExcelJS.Workbook,
  catalogue: readonly Indicator[],
  content: FormContent = {},
): Promise<ExcelJS.Worksheet> {
  const sheet = workbook.addWorksheet(SHEET.figures, { properties: { tabColor: { argb: 'FF548235' } } });
  const columns = COLUMNS.figures.map((column) => ({ label: column.label, width: WIDTHS[column.key] }));
  addTitle(sheet, '', columns.length);
  const title = sheet.getCell(TITLE_ROW, 1);
  title.value = {
    richText: [
      { text: 'SỐ LIỆU KẾT QUẢ CÔNG TÁC DÂN VẬN TRONG KỲ\n', font: TITLE_FONT },
      { text: 'Chỉ nhập cột "Kỳ này" và "Ghi chú"; các ô nền xám in sẵn, không sửa.', font: HINT_FONT },
    ],
  };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(TITLE_ROW).height = 40;
  addHeader(sheet, columns);

  const rows = figureRows(catalogue);
  const figures = content.figures ?? {};
  const notes = content.figureNotes ?? {};

  const inputRows: { count: number[]; amount: number[] } = { count: [], amount: [] };
  for (const indicator of catalogue) {
    const rowNumber = rows.get(indicator.code)!;
    const row = sheet.getRow(rowNumber);
    row.height = Math.max(
      20,
      wrappedRowHeight([
        { text: indicator.name, width: WIDTHS.name },
        { text: content.figureNotes?.[indicator.code] ?? '', width: WIDTHS.note },
      ]),
    );
    const code = row.getCell(FIGURE_COLUMN.code);
    code.value = indicator.code;
    styleLockedCell(code, { vertical: 'top' });
    const name = row.getCell(FIGURE_COLUMN.name);
    name.value = indicator.name;
    styleLockedCell(name);
    const unit = row.getCell(FIGURE_COLUMN.unit);
    unit.value = indicator.unit;
    styleLockedCell(unit, CENTER_TOP);

    const value = row.getCell(FIGURE_COLUMN.value);
    if (indicator.derived) {
      writeDerived(value, indicator, rows, figures);
      styleLockedCell(value, { horizontal: 'right', vertical: 'top' });
      value.numFmt = '0.0';
    } else {
      styleInputCell(value, { horizontal: 'right', vertical: 'top' });
      const figure = figures[indicator.code];
      if (typeof figure === 'number' && Number.isFinite(figure)) value.value = figure;
      inputRows[indicator.kind === 'count' ? 'count' : 'amount'].push(rowNumber);
    }

    const note = row.getCell(FIGURE_COLUMN.note);
    styleInputCell(note, WRAP_TOP);
    const noteText = notes[indicator.code] ?? (indicator.derived ? 'Tự động tính, không nhập' : undefined);
    if (noteText) note.value = noteText;
  }

  // One rule per run of consecutive rows of one kind: exceljs would merge single cells into overlapping ranges.
  for (const [kind, rule] of [['count', COUNT_VALIDATION], ['amount', VALUE_VALIDATION]] as const) {
    for (const [first, last] of runs(inputRows[kind])) {
      const range = first === last ? `${FIGURE_COLUMN.value}${first}` : `${FIGURE_COLUMN.value}${first}:${FIGURE_COLUMN.value}${last}`;
      addValidation(sheet, range, rule);
    }
  }

  setPrint(sheet, 'landscape');
  await sheet.protect('', PROTECTION);
  return sheet;
}

/**
 * A derived indicator (KN_TL) is a formula in a locked cell, never typed: the unit sees the rate as it fills
 * in the two counts. The cached result is written too, so readers that do not recalculate see the value.
 */
function writeDerived(
  cell: ExcelJS.Cell,
  indicator: Indicator,
  rows: Map<string, number>,
  figures: Record<string, number | null>,
): void {
  const { numerator, denominator } = indicator.derived!;
  const numRow = rows.get(numerator);
  const denRow = rows.get(denominator);
  if (numRow === undefined || denRow === undefined) return;
  const num = `${FIGURE_COLUMN.value}${numRow}`;
  const den = `${FIGURE_COLUMN.value}${denRow}`;
  const formula = `IF(N(${den})>0,N(${num})/N(${den})*100,"")`;
  const n = figures[numerator];
  const d = figures[denominator];
  if (typeof n === 'number' && typeof d === 'number' && d > 0) {
    cell.value = { formula, result: (n / d) * 100 };
  } else {
    cell.value = { formula } as ExcelJS.CellFormulaValue;
  }
}

/** [first, last] pairs of consecutive numbers in an ascending list: [3,4,5,7] → [[3,5],[7,7]]. */
function runs(sorted: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === n - 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

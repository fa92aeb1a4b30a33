/** Shared look of the form: fonts, fills, borders and the cell styles every sheet applies. */
import type ExcelJS from 'exceljs';

// Times New Roman is what Party and state offices type in, and it carries every Vietnamese diacritic.
export const FONT_NAME = 'Times New Roman';
export const FONT_SIZE = 12;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
/** Grey marks what the unit must not change (codes, names, units, computed cells). */
export const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };

export const BASE_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: FONT_SIZE };
export const BOLD_FONT: Partial<ExcelJS.Font> = { ...BASE_FONT, bold: true };
export const TITLE_FONT: Partial<ExcelJS.Font> = { ...BASE_FONT, size: 14, bold: true, color: { argb: 'FF1F3864' } };
export const HINT_FONT: Partial<ExcelJS.Font> = { ...BASE_FONT, size: 11, italic: true, color: { argb: 'FF595959' } };
export const REQUIRED_FONT: Partial<ExcelJS.Font> = { ...BASE_FONT, bold: true, color: { argb: 'FFC00000' } };

export const WRAP_TOP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
export const CENTER_TOP: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'top', wrapText: true };

/** A bordered input cell: unlocked so that it stays editable when its sheet is protected. */
export function styleInputCell(cell: ExcelJS.Cell, alignment: Partial<ExcelJS.Alignment> = WRAP_TOP): void {
  cell.font = BASE_FONT;
  cell.border = BORDER;
  cell.alignment = alignment;
  cell.protection = { locked: false };
}

/** A bordered, grey, locked cell for pre-printed content. */
export function styleLockedCell(cell: ExcelJS.Cell, alignment: Partial<ExcelJS.Alignment> = WRAP_TOP): void {
  cell.font = BASE_FONT;
  cell.border = BORDER;
  cell.alignment = alignment;
  cell.fill = LOCKED_FILL;
  cell.protection = { locked: true };
}

const LINE_HEIGHT = 15.75; // points, for 12 pt Times New Roman

/**
 * A row height that shows every wrapped line. Spreadsheet programs keep the stored height when they open
 * a file, and a row without one stays one line tall, so the writer must estimate it.
 */
export function wrappedRowHeight(cells: readonly { text: string; width: number }[]): number {
  let lines = 1;
  for (const { text, width } of cells) {
    // About 1.2 characters of Vietnamese text in Times New Roman 12 per unit of column width.
    const perLine = Math.max(1, Math.floor(width * 1.2) - 2);
    const count = text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, count);
  }
  return Math.round((lines * LINE_HEIGHT + 3) * 100) / 100;
}

/** The frame every data sheet shares: title row, header row, frozen panes and A4 print setup. */
import type ExcelJS from 'exceljs';
import { BOLD_FONT, BORDER, CENTER_TOP, HEADER_FILL, TITLE_FONT } from './styles.js';

/**
 * Row layout of every table sheet ("Số liệu", "Kết quả", "Hạn chế", "Nhiệm vụ", "Kiến nghị", "Mô hình"):
 * row 1 holds the merged title, row 2 the header labels of SPEC §3, data starts on row 3.
 */
export const TITLE_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;
/** Validations reach this row at least, so that units who add rows past the prepared ones keep their dropdowns. */
export const VALIDATION_LAST_ROW = 500;

export interface ColumnSpec {
  label: string;
  width: number;
}

/** Writes the merged bold title in row 1 across all columns. */
export function addTitle(sheet: ExcelJS.Worksheet, title: string, columnCount: number): void {
  const row = sheet.getRow(TITLE_ROW);
  row.height = 24;
  const cell = row.getCell(1);
  cell.value = title;
  cell.font = TITLE_FONT;
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  if (columnCount > 1) sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, columnCount);
}

/** Writes the header row with the exact labels, sets column widths and freezes the panes below it. */
export function addHeader(sheet: ExcelJS.Worksheet, columns: readonly ColumnSpec[]): void {
  const row = sheet.getRow(HEADER_ROW);
  row.height = 30;
  columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
    const cell = row.getCell(index + 1);
    cell.value = column.label;
    cell.font = BOLD_FONT;
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { ...CENTER_TOP, vertical: 'middle' };
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${FIRST_DATA_ROW}`, activeCell: `A${FIRST_DATA_ROW}` }];
}

/** A4, one page wide (as many pages tall as needed), title and header repeated on every printed page. */
export function setPrint(sheet: ExcelJS.Worksheet, orientation: 'portrait' | 'landscape', repeatRows = true): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    // 0 = no limit on height; the OOXML default of 1 would squeeze a long list onto one page.
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(repeatRows ? { printTitlesRow: `${TITLE_ROW}:${HEADER_ROW}` } : {}),
  };
}

/** exceljs has worksheet-level validations (one range, one rule) but leaves them out of its typings. */
interface SheetWithValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/** Adds one validation rule over a cell or a range such as "B3:B500". */
export function addValidation(sheet: ExcelJS.Worksheet, range: string, validation: ExcelJS.DataValidation): void {
  (sheet as unknown as SheetWithValidations).dataValidations.add(range, validation);
}

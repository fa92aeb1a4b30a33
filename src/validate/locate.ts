/** Finds the form's sheets, label rows and header rows in a read workbook, tolerant of how people edit forms. */
import type { CellValue, RawCell, RawSheet, RawWorkbook } from '../readers/types.js';
import { foldKey } from '../domain/text.js';
import { cellText } from './cell-values.js';

/** How far down a header row may sit below title rows. */
export const HEADER_SEARCH_ROWS = 10;

/** A sheet with its cells indexed by row and column. */
export class SheetGrid {
  private readonly rows = new Map<number, Map<number, RawCell>>();
  readonly maxRow: number;

  constructor(readonly sheet: RawSheet) {
    let maxRow = 0;
    for (const cell of sheet.cells) {
      let row = this.rows.get(cell.row);
      if (!row) this.rows.set(cell.row, (row = new Map()));
      row.set(cell.col, cell);
      if (cell.row > maxRow) maxRow = cell.row;
    }
    this.maxRow = maxRow;
  }

  get name(): string {
    return this.sheet.name;
  }

  cell(row: number, col: number): RawCell | undefined {
    return this.rows.get(row)?.get(col);
  }

  /** Row numbers that hold at least one cell, ascending. */
  rowNumbers(): number[] {
    return [...this.rows.keys()].sort((a, b) => a - b);
  }

  rowCells(row: number): RawCell[] {
    return [...(this.rows.get(row)?.values() ?? [])].sort((a, b) => a.col - b.col);
  }
}

/** The sheet whose name matches, ignoring case, diacritics, Unicode form and spaces. */
export function findSheet(workbook: RawWorkbook, name: string): RawSheet | undefined {
  const key = foldKey(name);
  return workbook.sheets.find((sheet) => foldKey(sheet.name) === key);
}

/** Every sheet that answers to `name` (more than one is a mistake the validator reports). */
export function findSheets(workbook: RawWorkbook, name: string): RawSheet[] {
  const key = foldKey(name);
  return workbook.sheets.filter((sheet) => foldKey(sheet.name) === key);
}

export interface ColumnSpec {
  key: string;
  label: string;
  required: boolean;
}

export interface HeaderMatch {
  row: number;
  /** Column number of each found column key. */
  columns: Map<string, number>;
  missingRequired: ColumnSpec[];
  /** Columns whose label appears again further right (the first is used): key → the other column numbers. */
  repeated: Map<string, number[]>;
}

/**
 * The header row: among the first rows, the one that matches most of the expected labels. A row matching one
 * label only counts when that label is all the sheet requires ("Nội dung kiến nghị" alone); otherwise two are
 * needed, so that a title row mentioning one label is not mistaken for the header.
 */
export function findHeader(grid: SheetGrid, specs: readonly ColumnSpec[]): HeaderMatch | undefined {
  const wanted = new Map(specs.map((spec) => [foldKey(spec.label), spec]));
  let best: HeaderMatch | undefined;
  let bestCount = 0;
  for (const row of grid.rowNumbers()) {
    if (row > HEADER_SEARCH_ROWS) break;
    const columns = new Map<string, number>();
    const repeated = new Map<string, number[]>();
    for (const cell of grid.rowCells(row)) {
      if (cell.value.kind !== 'text') continue;
      // "Kỳ này (*)" and "Lĩnh vực\n(chọn)" still name their column.
      const text = cell.value.text;
      const spec = wanted.get(foldKey(text)) ?? (text.includes('(') || text.includes('\n') ? wanted.get(foldKey(withoutHint(text))) : undefined);
      if (!spec) continue;
      if (!columns.has(spec.key)) columns.set(spec.key, cell.col);
      else repeated.set(spec.key, [...(repeated.get(spec.key) ?? []), cell.col]);
    }
    const missingRequired = specs.filter((s) => s.required && !columns.has(s.key));
    const enough = columns.size >= 2 || (columns.size === 1 && missingRequired.length === 0);
    if (enough && columns.size > bestCount) {
      bestCount = columns.size;
      best = { row, columns, missingRequired, repeated };
    }
  }
  return best;
}

const COLUMN_NUMBER = /^\(?(?:\d{1,2}|[A-Za-z])\)?$/;

/** A line of column numbers: at least two cells, each "(1)", "2", "(A)" and nothing else. */
function isColumnNumbering(cells: readonly RawCell[]): boolean {
  return cells.length >= 2 && cells.every((c) => (c.value.kind === 'number' ? Number.isInteger(c.value.number) && c.value.number < 100 : c.value.kind === 'text' && COLUMN_NUMBER.test(c.value.text.trim())));
}

/** A header's text without a parenthesised hint or a second line: linear, unlike a regular expression over both. */
function withoutHint(text: string): string {
  const line = text.split('\n', 1)[0]!;
  let out = '';
  let depth = 0;
  for (const ch of line) {
    if (ch === '(') depth += 1;
    else if (ch === ')' && depth > 0) depth -= 1;
    else if (depth === 0) out += ch;
  }
  return out;
}

export interface DataRow {
  row: number;
  values: Record<string, CellValue | undefined>;
  /** Column number of each key, to address problems. */
  columns: Map<string, number>;
}

/**
 * Rows under the header that hold something in a column other than STT: blank rows and rows that
 * only carry a pre-printed number are not items.
 */
export function dataRows(grid: SheetGrid, header: HeaderMatch): DataRow[] {
  const rows: DataRow[] = [];
  for (const row of grid.rowNumbers()) {
    if (row <= header.row) continue;
    // Forms often number their columns "(1) (2) (3)…" in the line under the header: that line is no item.
    if (row === header.row + 1 && isColumnNumbering(grid.rowCells(row))) continue;
    const values: Record<string, CellValue | undefined> = {};
    let meaningful = false;
    for (const [key, col] of header.columns) {
      const cell = grid.cell(row, col);
      values[key] = cell?.value;
      if (cell && key !== 'no') meaningful = true;
    }
    if (meaningful) rows.push({ row, values, columns: header.columns });
  }
  return rows;
}

export interface LabelledValue {
  /** Row of the label. */
  row: number;
  /** Column where the value is (or should be). */
  col: number;
  value: CellValue | undefined;
}

/**
 * "Thông tin" pairs: a label in one of the first columns and its value in the cell to its right
 * (column B in the form). Labels match ignoring case, diacritics, spaces and a trailing "*" or ":".
 */
export function findLabelledValues(grid: SheetGrid, labels: Record<string, string>): Map<string, LabelledValue> {
  const byFold = new Map(Object.entries(labels).map(([key, label]) => [foldKey(label), key]));
  const found = new Map<string, LabelledValue>();
  for (const row of grid.rowNumbers()) {
    const cells = grid.rowCells(row);
    for (const cell of cells) {
      if (cell.col > 3 || cell.value.kind !== 'text') continue;
      const key = byFold.get(foldKey(cellText(cell.value)));
      if (!key || found.has(key)) continue;
      // The value sits right beside its label; a mark further right ("*" for required) is not a value.
      found.set(key, { row, col: cell.col + 1, value: grid.cell(row, cell.col + 1)?.value });
      break;
    }
  }
  return found;
}

/** The plain workbook every reader produces: cell values with their addresses, nothing of any library's objects. */
import type { LimitBreach } from './limits.js';

/** A cell value as read: text is NFC and trimmed; a date cell (by its number format) is a `date` of its serial. */
export type CellValue =
  | { kind: 'text'; text: string }
  | { kind: 'number'; number: number }
  | { kind: 'boolean'; bool: boolean }
  /** A cell formatted as a date, kept as its Excel serial number (1900 system, already shifted if the workbook uses 1904). */
  | { kind: 'date'; serial: number }
  /** A formula whose cached result was an error (#DIV/0!…), or a cell of type error. */
  | { kind: 'error'; text: string }
  /**
   * A formula with no cached result: written by a program that does not calculate (openpyxl, some scripts), so
   * its value is unknown until a spreadsheet program opens and saves the file. `formula` may be "" (shared formula).
   */
  | {
      kind: 'formula';
      formula: string;
      /** The file holds a result, but declares it out of date (fullCalcOnLoad, manual calculation): Excel recomputes it. */
      stale?: true;
    };

export interface RawCell {
  /** A1-style address, e.g. "D7". */
  ref: string;
  /** 1-based row and column. */
  row: number;
  col: number;
  value: CellValue;
}

export interface RawSheet {
  name: string;
  /** Non-empty cells only, sorted by row then column. */
  cells: RawCell[];
}

export interface RawWorkbook {
  sheets: RawSheet[];
}

/** Why a file could not be read as a workbook at all; each maps to one Vietnamese message. */
export type UnreadableReason =
  | 'not-a-zip' // not an .xlsx at all (a text file, a PDF, an image renamed…)
  | 'truncated' // a zip whose end is missing (an interrupted copy or download)
  | 'not-a-workbook' // a zip without xl/workbook.xml (a .docx, an .ods, a random zip)
  | 'encrypted' // a password-protected workbook (an OLE container with EncryptionInfo)
  | 'legacy-xls' // the old Excel 97–2003 format, when it could not be converted (see xls-convert.ts)
  | 'ods' // an OpenDocument spreadsheet given to a reader that only reads .xlsx
  | 'too-large' // over the size limit
  | 'too-many-cells' // an .ods whose repeated cells expand past the per-sheet cap
  | 'corrupt' // a workbook part is broken XML, missing, or fails its CRC-32 or size check
  | 'over-limit' // over one of the budgets of readers/limits.ts (inflated bytes, rows, cells…)
  | 'empty-file'; // zero bytes

/** What a message can tell the user beyond the reason: the part of the package, the limit broken. */
export interface UnreadableInfo {
  /** Zip part name ("xl/worksheets/sheet2.xml") when one part is to blame. */
  part?: string;
  /** The sheet (as its tab reads) whose part is to blame, when the part is a worksheet. */
  sheet?: string;
  /** The budget broken, for 'over-limit'. */
  limit?: LimitBreach;
  /** The cell to blame ("D3"), when one cell cannot be read as the spreadsheet programs read it. */
  cell?: string;
  /** Why, for 'corrupt': what the user is told beyond "broken". */
  cause?: ReadCause;
}

/**
 * Things a spreadsheet program does not write and that its readers read in different ways: refused, never guessed.
 * - doctype: a DOCTYPE declaration in an XML part;
 * - cell-values: more than one value (or formula, or inline text) in one cell, or markup inside a value;
 * - cell-type: a cell type SpreadsheetML does not define (t="S"), or a value that its type cannot hold;
 * - cell-number: a number not in the lexical form of xsd:double ("0x10", "1 2", "Infinity");
 * - duplicate-cell: two cells with one address.
 */
export type ReadCause = 'doctype' | 'cell-values' | 'cell-type' | 'cell-number' | 'duplicate-cell';

export class UnreadableWorkbookError extends Error {
  constructor(
    readonly reason: UnreadableReason,
    /** For developers (DANVAN_DEBUG, tests); users read the message built from the reason and `info`. */
    readonly detail?: string,
    readonly info: UnreadableInfo = {},
  ) {
    super(`unreadable workbook: ${reason}${detail ? ` (${detail})` : ''}`);
  }
}

/** The one interface of every workbook reader: bytes in, plain cells out, or an UnreadableWorkbookError. */
export interface WorkbookReader {
  read(bytes: Uint8Array): Promise<RawWorkbook> | RawWorkbook;
}

/** "A1" for (1, 1); columns beyond Z go AA, AB… */
export function cellRef(row: number, col: number): string {
  let name = '';
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return `${name}${row}`;
}

/** (row, col) of "AB12". */
export function parseRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

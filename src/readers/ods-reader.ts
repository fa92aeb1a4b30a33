/**
 * The OpenDocument spreadsheet (.ods, LibreOffice's own format) reader: the same RawWorkbook as the .xlsx
 * reader, read with our zip reader and pull scanner from the package's content.xml.
 *
 * - Typed values: office:value-type float, percentage, currency (numbers), date (a date serial), time (a
 *   fraction of a day, as Excel keeps times), boolean, string; LibreOffice's calcext:value-type="error" is an
 *   error cell. A formula counts by its cached value.
 * - Repeats: table:number-columns-repeated / number-rows-repeated only move the position while the cells
 *   are empty (LibreOffice pads every row to the last column and the sheet to the last row this way, with
 *   counts like 16379 or 1048000), so nothing is allocated for them; repeated cells with a value are
 *   expanded, but a sheet may hold at most MAX_SHEET_CELLS cells with a value, the workbook MAX_WORKBOOK_CELLS.
 * - Covered cells (table:covered-table-cell, under a merge) are not what the user sees, as in the .xlsx
 *   reader: they only take their place.
 */

import { cleanText } from '../domain/text.js';
import { isoToSerial } from '../domain/excel-date.js';
import { sniffWorkbook } from './sniff.js';
import {
  UnreadableWorkbookError,
  cellRef,
  type CellValue,
  type RawCell,
  type RawSheet,
  type RawWorkbook,
  type WorkbookReader,
} from './types.js';
import { CLOSE, DoctypeError, END, OPEN, TEXT, XmlError, XmlScanner, attrValue } from './xml.js';
import type { ZipArchive } from '../zip/read.js';

/** Cells with a value in one sheet; a submission has a few hundred. Past this the file is refused, not read. */
export const MAX_SHEET_CELLS = 1_000_000;
/** And in the whole workbook, so that many sheets at the cap cannot add up past what memory holds. */
export const MAX_WORKBOOK_CELLS = 2_000_000;
const XSD_NUMBER = /^[ \t\r\n]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[ \t\r\n]*$/;

/** The OpenDocument namespaces of the elements read; an element of another namespace is no part of the sheet. */
const NS_OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const NS_TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const NS_TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';

/** Excel's grid, which a submission must fit anyway; positions past it are not kept. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export class OdsReader implements WorkbookReader {
  /** Throws only UnreadableWorkbookError, whatever the bytes. */
  read(bytes: Uint8Array): RawWorkbook {
    const sniff = sniffWorkbook(bytes);
    if (sniff.ok) throw new UnreadableWorkbookError('not-a-workbook', 'an .xlsx package, not OpenDocument');
    if (sniff.reason !== 'ods' || !sniff.zip) throw new UnreadableWorkbookError(sniff.reason, sniff.detail, sniff.info);
    try {
      return readOdsArchive(sniff.zip);
    } catch (error) {
      if (error instanceof UnreadableWorkbookError) throw error;
      // A bug of ours or an input nobody foresaw: still a clear "corrupt", never a raw exception.
      throw new UnreadableWorkbookError('corrupt', `unexpected: ${(error as Error)?.message ?? String(error)}`);
    }
  }
}

/** Reads an opened OpenDocument spreadsheet package. */
export function readOdsArchive(zip: ZipArchive): RawWorkbook {
  const bytes = zip.read('content.xml');
  if (bytes === undefined) throw new UnreadableWorkbookError('corrupt', 'missing part content.xml', { part: 'content.xml' });
  const xml = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  try {
    return { sheets: parseContent(xml) };
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) throw error;
    if (error instanceof DoctypeError) throw new UnreadableWorkbookError('corrupt', 'content.xml: DOCTYPE', { part: 'content.xml', cause: 'doctype' });
    const what = error instanceof XmlError ? 'malformed XML' : 'unreadable';
    throw new UnreadableWorkbookError('corrupt', `content.xml: ${what}: ${(error as Error)?.message ?? String(error)}`, { part: 'content.xml' });
  }
}

/** The sheets: the table:table children of office:spreadsheet (not the cached tables of DDE links and the like). */
function parseContent(xml: string): RawSheet[] {
  const s = new XmlScanner(xml);
  const sheets: RawSheet[] = [];
  let total = 0;
  let spreadsheetDepth = -1;
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t === CLOSE) {
      if (s.name === 'spreadsheet' && s.depth < spreadsheetDepth) spreadsheetDepth = -1;
      continue;
    }
    if (t !== OPEN) continue;
    if (spreadsheetDepth < 0) {
      if (s.name === 'spreadsheet' && s.namespace() === NS_OFFICE) spreadsheetDepth = s.depth;
      else if (s.name === 'automatic-styles' || s.name === 'font-face-decls' || s.name === 'scripts') s.skipElement();
      continue;
    }
    if (s.depth === spreadsheetDepth + 1 && s.name === 'table' && s.namespace() === NS_TABLE) {
      const sheet = parseTable(s, MAX_WORKBOOK_CELLS - total);
      total += sheet.cells.length;
      sheets.push(sheet);
    } else s.skipElement();
  }
  return sheets;
}

/** Elements between a table and its rows; every other child of a table (columns, shapes, forms…) is skipped. */
const ROW_CONTAINERS = new Set(['table-header-rows', 'table-rows', 'table-row-group']);

/** One sheet; `budget` is what the workbook's cap leaves for it. */
function parseTable(s: XmlScanner, budget: number): RawSheet {
  const name = cleanText(attrValue(s.attrs, 'table:name') ?? attrValue(s.attrs, 'name', true) ?? '');
  const cells: RawCell[] = [];
  if (s.selfClosing) {
    s.next();
    return { name, cells };
  }
  const base = s.depth;
  const limit = Math.min(MAX_SHEET_CELLS, budget);
  let row = 0; // rows taken so far
  for (;;) {
    const t = s.next();
    if (t === END) break;
    if (t === CLOSE) {
      if (s.depth < base) break;
      continue;
    }
    if (t !== OPEN) continue;
    if (s.namespace() !== NS_TABLE) {
      s.skipElement();
      continue;
    }
    if (ROW_CONTAINERS.has(s.name)) continue;
    if (s.name !== 'table-row') {
      s.skipElement();
      continue;
    }
    const repeat = repeatCount(s, 'number-rows-repeated');
    const rowCells = parseRow(s, name, row + 1);
    if (rowCells.length > 0) {
      const copies = Math.min(repeat, MAX_ROWS - row);
      if (cells.length + rowCells.length * copies > limit) throw tooManyCells(name, limit < MAX_SHEET_CELLS);
      for (let r = 1; r <= copies; r++) {
        for (const c of rowCells) cells.push({ ref: cellRef(row + r, c.col), row: row + r, col: c.col, value: c.value });
      }
    }
    row += repeat;
  }
  return { name, cells };
}

function tooManyCells(sheet: string, workbookCap = false): UnreadableWorkbookError {
  const cap = workbookCap ? `${MAX_WORKBOOK_CELLS} cells with a value in the workbook` : `${MAX_SHEET_CELLS} cells with a value`;
  return new UnreadableWorkbookError('too-many-cells', `${sheet}: more than ${cap}`);
}

/** The count of a repeat attribute: a whole number ≥ 1, else 1 (what LibreOffice does with nonsense). */
function repeatCount(s: XmlScanner, attr: string): number {
  const text = attrValue(s.attrs, `table:${attr}`) ?? attrValue(s.attrs, attr, true);
  if (text === undefined) return 1;
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** The cells with a value of the row just opened (consumed to its end), with their 1-based columns. */
function parseRow(s: XmlScanner, sheet: string, rowNumber: number): { col: number; value: CellValue }[] {
  const out: { col: number; value: CellValue }[] = [];
  if (s.selfClosing) {
    s.next();
    return out;
  }
  const base = s.depth;
  let col = 0;
  for (;;) {
    const t = s.next();
    if (t === END) break;
    if (t === CLOSE) {
      if (s.depth < base) break;
      continue;
    }
    if (t !== OPEN) continue;
    const covered = s.name === 'covered-table-cell';
    if ((!covered && s.name !== 'table-cell') || s.namespace() !== NS_TABLE) {
      s.skipElement();
      continue;
    }
    const repeat = repeatCount(s, 'number-columns-repeated');
    let value: CellValue | undefined;
    try {
      value = covered ? (s.skipElement(), undefined) : readCell(s);
    } catch (error) {
      // A value refused for its form is named by its cell, as the user sees it.
      if (error instanceof UnreadableWorkbookError && error.info.cause) {
        throw new UnreadableWorkbookError(error.reason, error.detail, { ...error.info, sheet, cell: cellRef(rowNumber, col + 1) });
      }
      throw error;
    }
    if (value !== undefined) {
      const copies = Math.min(repeat, MAX_COLS - col);
      if (out.length + copies > MAX_SHEET_CELLS) throw tooManyCells(sheet);
      for (let k = 1; k <= copies; k++) out.push({ col: col + k, value });
    }
    col += repeat;
  }
  return out;
}

/** The value of the table-cell just opened (consumed to its end), or undefined for an empty cell. */
function readCell(s: XmlScanner): CellValue | undefined {
  const attrs = s.attrs;
  const type = attrValue(attrs, 'office:value-type') ?? attrValue(attrs, 'value-type', true);
  const calcType = attrValue(attrs, 'calcext:value-type');
  const formula = attrValue(attrs, 'table:formula') ?? attrValue(attrs, 'formula', true);
  const text = s.selfClosing ? (s.next(), '') : cellText(s);
  if (calcType === 'error') return { kind: 'error', text: cleanText(text) || '#VALUE!' };
  // A formula counts by the result stored beside it; without one (no value of its type, or no type at all, its
  // text only a placeholder such as "0") LibreOffice computes it on opening and danvan cannot: no result yet.
  if (formula !== undefined && !hasCachedResult(attrs, type)) {
    return { kind: 'formula', formula: cleanText(formula.replace(/^(?:of|oooc|msoxl):=?/, '').replace(/^=/, '')) };
  }
  switch (type) {
    case 'float':
    case 'percentage':
    case 'currency': {
      const raw = attrValue(attrs, 'office:value') ?? attrValue(attrs, 'value', true);
      if (raw === undefined) return textValue(text);
      // xsd:double only: LibreOffice reads "0x10" as 0 where JavaScript's Number() reads 16.
      const n = XSD_NUMBER.test(raw) ? Number(raw) : Number.NaN;
      if (!Number.isFinite(n)) throw new UnreadableWorkbookError('corrupt', `content.xml: number "${raw.slice(0, 20)}"`, { part: 'content.xml', cause: 'cell-number' });
      return { kind: 'number', number: n };
    }
    case 'date': {
      const iso = attrValue(attrs, 'office:date-value') ?? attrValue(attrs, 'date-value', true);
      const serial = iso === undefined ? undefined : isoToSerial(iso.trim());
      return serial === undefined ? textValue(text) : { kind: 'date', serial };
    }
    case 'time': {
      const serial = durationToSerial(attrValue(attrs, 'office:time-value') ?? attrValue(attrs, 'time-value', true));
      return serial === undefined ? textValue(text) : { kind: 'date', serial };
    }
    case 'boolean': {
      const v = (attrValue(attrs, 'office:boolean-value') ?? attrValue(attrs, 'boolean-value', true))?.trim().toLowerCase();
      return v === undefined ? textValue(text) : { kind: 'boolean', bool: v === 'true' || v === '1' };
    }
    case 'string': {
      const v = attrValue(attrs, 'office:string-value') ?? attrValue(attrs, 'string-value', true);
      return textValue(v !== undefined && v !== '' ? v : text);
    }
    default:
      // No type: an empty cell, or text from a writer that left the type out.
      return textValue(text);
  }
}

/** Whether a formula cell holds the result of its type (office:value for a number, office:date-value for a date…). */
function hasCachedResult(attrs: string, type: string | undefined): boolean {
  const has = (name: string) => (attrValue(attrs, `office:${name}`) ?? attrValue(attrs, name, true)) !== undefined;
  switch (type) {
    case 'float':
    case 'percentage':
    case 'currency':
      return has('value');
    case 'date':
      return has('date-value');
    case 'time':
      return has('time-value');
    case 'boolean':
      return has('boolean-value');
    case 'string':
      return true; // the text is the result (LibreOffice writes a text result as the cell's paragraphs)
    default:
      return false;
  }
}

function textValue(raw: string): CellValue | undefined {
  const text = cleanText(raw);
  return text === '' ? undefined : { kind: 'text', text };
}

/** "PT12H30M00S" (or "PT36H", elapsed) → fraction of a day. */
function durationToSerial(text: string | undefined): number | undefined {
  const m = text === undefined ? null : /^-?P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(text.trim());
  if (!m) return undefined;
  const seconds = Number(m[1] ?? 0) * 86_400 + Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return (text!.trim().startsWith('-') ? -seconds : seconds) / 86_400;
}

/** A cell's paragraphs (text:p, text:h), joined by line breaks; comments (office:annotation) and drawings left out. */
function cellText(s: XmlScanner): string {
  const paragraphs: string[] = [];
  const base = s.depth;
  for (;;) {
    const t = s.next();
    if (t === END) break;
    if (t === CLOSE) {
      if (s.depth < base) break;
      continue;
    }
    if (t !== OPEN) continue;
    if ((s.name === 'p' || s.name === 'h') && s.namespace() === NS_TEXT) paragraphs.push(paragraphText(s));
    else s.skipElement();
  }
  return paragraphs.join('\n');
}

/** Text of the paragraph just opened: spans and links read through; text:s, text:tab, text:line-break expanded. */
function paragraphText(s: XmlScanner): string {
  if (s.selfClosing) {
    s.next();
    return '';
  }
  let out = '';
  const base = s.depth;
  for (;;) {
    const t = s.next();
    if (t === END) break;
    if (t === TEXT) {
      // Whitespace in ODF text is collapsed like in XML; spaces that count are written as <text:s/>.
      out += s.text().replace(/[\t\r\n]+/g, ' ');
      continue;
    }
    if (t === CLOSE) {
      if (s.depth < base) break;
      continue;
    }
    if (s.namespace() !== NS_TEXT) {
      s.skipElement();
      continue;
    }
    switch (s.name) {
      case 's': {
        const n = Number(attrValue(s.attrs, 'text:c') ?? attrValue(s.attrs, 'c', true) ?? 1);
        out += ' '.repeat(Number.isInteger(n) && n >= 1 ? Math.min(n, 1000) : 1);
        s.skipElement();
        break;
      }
      case 'tab':
        out += '\t';
        s.skipElement();
        break;
      case 'line-break':
        out += '\n';
        s.skipElement();
        break;
      case 'note':
      case 'annotation':
      case 'ruby-text':
      case 'frame':
        s.skipElement();
        break;
      default:
        break; // span, a, meta…: their text is the paragraph's
    }
  }
  return out;
}

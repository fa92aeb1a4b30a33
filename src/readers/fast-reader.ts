/** The production .xlsx reader: our zip reader plus a pull scanner over the few XML parts that hold cell values. */

import { cleanText } from '../domain/text.js';
import { isoToSerial } from '../domain/excel-date.js';
import { isDateFormat } from './number-format.js';
import { WorkbookLimitError } from './limit-error.js';
import { WORKBOOK_LIMITS } from './limits.js';
import { sniffWorkbook } from './sniff.js';
import {
  UnreadableWorkbookError,
  cellRef,
  type CellValue,
  type RawCell,
  type RawSheet,
  type RawWorkbook,
  type ReadCause,
  type WorkbookReader,
} from './types.js';
import { CLOSE, DoctypeError, END, OPEN, SPREADSHEETML, XmlError, XmlScanner, attrValue, decodeOoxmlEscapes } from './xml.js';
import type { ZipArchive } from '../zip/read.js';

/** Days between the 1904 and 1900 date systems' epochs. */
const DATE1904_OFFSET = 1462;

const REL_WORKSHEET = '/worksheet';
const REL_SHARED_STRINGS = '/sharedStrings';
const REL_STYLES = '/styles';

export class FastXlsxReader implements WorkbookReader {
  /** Throws only UnreadableWorkbookError, whatever the bytes. */
  read(bytes: Uint8Array): RawWorkbook {
    const sniff = sniffWorkbook(bytes);
    if (!sniff.ok) throw new UnreadableWorkbookError(sniff.reason, sniff.detail, sniff.info);
    try {
      return readXlsxArchive(sniff.zip, sniff.workbookPart);
    } catch (error) {
      if (error instanceof UnreadableWorkbookError) throw error;
      // A bug of ours or an input nobody foresaw: still a clear "corrupt", never a raw exception.
      throw new UnreadableWorkbookError('corrupt', `unexpected: ${(error as Error)?.message ?? String(error)}`);
    }
  }
}

interface Relationship {
  type: string;
  /** Zip entry name the target resolves to. */
  target: string;
}

interface Context {
  sharedStrings: string[];
  /** Indexes of shared strings longer than a cell may be (WORKBOOK_LIMITS.cellChars); refused where used. */
  longStrings: Set<number>;
  /** Per cellXfs index: does that style show a date? */
  dateStyles: boolean[];
  date1904: boolean;
  /** Value cells kept so far in all sheets (WORKBOOK_LIMITS.cellsPerWorkbook). */
  cellCount: number;
  /** The workbook declares its cached formula results out of date (fullCalcOnLoad, manual calculation). */
  staleFormulas: boolean;
}

/** Reads an opened package whose workbook part is known (see `sniffWorkbook`). */
export function readXlsxArchive(zip: ZipArchive, workbookPart: string): RawWorkbook {
  const workbookXml = partText(zip, workbookPart, true)!;
  const book = parsePart(workbookPart, () => parseWorkbook(workbookXml));
  if (book.sheets.length > WORKBOOK_LIMITS.sheets) {
    throw new WorkbookLimitError({ limit: 'sheets', max: WORKBOOK_LIMITS.sheets }, `${book.sheets.length} sheets`);
  }
  const rels = readRelationships(zip, workbookPart);

  const relOfType = (suffix: string): string | undefined => {
    for (const rel of rels.values()) if (rel.type.endsWith(suffix)) return rel.target;
    return undefined;
  };
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  const sstPart = relOfType(REL_SHARED_STRINGS) ?? `${folder}sharedStrings.xml`;
  const stylesPart = relOfType(REL_STYLES) ?? `${folder}styles.xml`;

  const sstXml = partText(zip, sstPart, false);
  const stylesXml = partText(zip, stylesPart, false);
  const longStrings = new Set<number>();
  const ctx: Context = {
    sharedStrings: sstXml === undefined ? [] : parsePart(sstPart, () => parseSharedStrings(sstXml, longStrings)),
    longStrings,
    dateStyles: stylesXml === undefined ? [] : parsePart(stylesPart, () => parseStyles(stylesXml)),
    date1904: book.date1904,
    cellCount: 0,
    staleFormulas: book.staleFormulas,
  };

  const sheets: RawSheet[] = [];
  // A part is read once however many sheets point at it: the others share its cells.
  const cellsOfPart = new Map<string, RawCell[]>();
  for (const sheet of book.sheets) {
    const rel = sheet.relId === undefined ? undefined : rels.get(sheet.relId);
    if (rel && !rel.type.endsWith(REL_WORKSHEET)) continue; // chartsheets, dialog and macro sheets hold no cells
    if (!rel) throw new UnreadableWorkbookError('corrupt', `no relationship for sheet "${sheet.name}"`);
    const name = cleanText(sheet.name);
    let cells = cellsOfPart.get(rel.target);
    if (!cells) {
      try {
        const xml = partText(zip, rel.target, true)!;
        cells = parsePart(rel.target, () => parseWorksheet(xml, ctx, rel.target, name));
      } catch (error) {
        // A user knows the sheet by its tab, not by its part: name it.
        if (error instanceof UnreadableWorkbookError && error.reason === 'corrupt' && !error.info.sheet) {
          throw new UnreadableWorkbookError('corrupt', error.detail, { ...error.info, part: error.info.part ?? rel.target, sheet: name });
        }
        throw error;
      }
      cellsOfPart.set(rel.target, cells);
    }
    sheets.push({ name, cells });
  }
  return { sheets };
}

/** Runs a part parser, turning malformed XML (or any surprise) into a 'corrupt' error naming the part. */
function parsePart<T>(part: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) throw error;
    if (error instanceof DoctypeError) throw new UnreadableWorkbookError('corrupt', `${part}: DOCTYPE`, { part, cause: 'doctype' });
    const what = error instanceof XmlError ? 'malformed XML' : 'unreadable';
    throw new UnreadableWorkbookError('corrupt', `${part}: ${what}: ${(error as Error)?.message ?? String(error)}`, { part });
  }
}

function partText(zip: ZipArchive, name: string, required: boolean): string | undefined {
  const bytes = zip.read(name);
  if (bytes === undefined) {
    if (required) throw new UnreadableWorkbookError('corrupt', `missing part ${name}`, { part: name });
    return undefined;
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // XML may be UTF-16 when it says so with a byte order mark; UTF-8 otherwise.
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return buf.toString('utf16le', 2);
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return Buffer.from(buf.subarray(2)).swap16().toString('utf16le');
  return buf.toString('utf8');
}

// ---------------------------------------------------------------------------------------------
// workbook.xml and its relationships

interface BookInfo {
  sheets: { name: string; relId: string | undefined }[];
  date1904: boolean;
  staleFormulas: boolean;
}

function parseWorkbook(xml: string): BookInfo {
  const s = new XmlScanner(xml);
  const sheets: BookInfo['sheets'] = [];
  let date1904 = false;
  let staleFormulas = false;
  let inSheets = false;
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t === CLOSE) {
      if (s.name === 'sheets') inSheets = false;
      continue;
    }
    if (t !== OPEN) continue;
    if (!s.inNamespace(SPREADSHEETML)) {
      // Only SpreadsheetML elements are the workbook's (a foreign root holds no sheets, as Excel and LibreOffice read it).
      if (s.depth === 1) break;
      s.skipElement();
      continue;
    }
    if (s.name === 'calcPr') {
      // Excel recomputes every formula on opening such a workbook: the results stored in it are not what it shows.
      const full = attrValue(s.attrs, 'fullCalcOnLoad');
      if (full === '1' || full === 'true' || attrValue(s.attrs, 'calcMode') === 'manual') staleFormulas = true;
    } else if (s.name === 'workbookPr') {
      const v = attrValue(s.attrs, 'date1904');
      date1904 = v === '1' || v === 'true';
    } else if (s.name === 'sheets') {
      inSheets = true;
    } else if (s.name === 'sheet' && inSheets) {
      sheets.push({ name: attrValue(s.attrs, 'name') ?? '', relId: attrValue(s.attrs, 'id', true) });
    }
  }
  return { sheets, date1904, staleFormulas };
}

function readRelationships(zip: ZipArchive, part: string): Map<string, Relationship> {
  const slash = part.lastIndexOf('/');
  const folder = part.slice(0, slash + 1);
  const relsPart = `${folder}_rels/${part.slice(slash + 1)}.rels`;
  const xml = partText(zip, relsPart, false);
  const rels = new Map<string, Relationship>();
  if (xml === undefined) return rels;
  return parsePart(relsPart, () => {
    const s = new XmlScanner(xml);
    for (let t = s.next(); t !== END; t = s.next()) {
      if (t !== OPEN || s.name !== 'Relationship') continue;
      const id = attrValue(s.attrs, 'Id');
      const target = attrValue(s.attrs, 'Target');
      if (!id || !target || attrValue(s.attrs, 'TargetMode') === 'External') continue;
      rels.set(id, { type: attrValue(s.attrs, 'Type') ?? '', target: resolveTarget(folder, target) });
    }
    return rels;
  });
}

/** "worksheets/sheet1.xml" from "xl/" → "xl/worksheets/sheet1.xml"; "/xl/…" is from the package root; ".." walks up. */
export function resolveTarget(folder: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : folder + target;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return decodeURIComponentSafe(out.join('/'));
}

function decodeURIComponentSafe(s: string): string {
  if (s.indexOf('%') < 0) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// sharedStrings.xml and styles.xml

function parseSharedStrings(xml: string, longStrings: Set<number>): string[] {
  const s = new XmlScanner(xml);
  const out: string[] = [];
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t !== OPEN) continue;
    if (!s.inNamespace(SPREADSHEETML)) {
      if (s.depth === 1) break;
      s.skipElement();
      continue;
    }
    if (s.name !== 'si') continue;
    const text = readStringItem(s);
    // Excel never writes a longer string; a cell that uses one is refused (the sheet and cell are known there).
    if (text.length > WORKBOOK_LIMITS.cellChars) {
      longStrings.add(out.length);
      out.push('');
    } else {
      out.push(cleanText(text));
    }
  }
  return out;
}

/**
 * Text of an `<si>` or `<is>` just opened: plain `<t>` or the `<t>` of every rich-text run, concatenated;
 * phonetic runs (`<rPh>`) are a reading aid, not cell text.
 */
function readStringItem(s: XmlScanner): string {
  if (s.selfClosing) {
    s.next();
    return '';
  }
  let out = '';
  const base = s.depth;
  for (;;) {
    const t = s.next();
    if (t === END) break;
    if (t === CLOSE) {
      if (s.depth < base) break;
    } else if (t === OPEN) {
      if (!s.inNamespace(SPREADSHEETML)) s.skipElement();
      else if (s.name === 't') {
        // Once past a cell's limit the rest is only scanned: the caller refuses the text by its length.
        if (out.length <= WORKBOOK_LIMITS.cellChars) out += decodeOoxmlEscapes(s.elementText());
        else s.skipElement();
      } else if (s.name === 'rPh') {
        s.skipElement();
      }
    }
  }
  return out;
}

function parseStyles(xml: string): boolean[] {
  const s = new XmlScanner(xml);
  const custom = new Map<number, string>();
  const xfNumFmts: number[] = [];
  let inCellXfs = false;
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t === OPEN) {
      if (!s.inNamespace(SPREADSHEETML)) {
        if (s.depth === 1) break;
        s.skipElement();
      } else if (s.name === 'numFmt') {
        const id = Number(attrValue(s.attrs, 'numFmtId'));
        if (Number.isInteger(id)) custom.set(id, attrValue(s.attrs, 'formatCode') ?? '');
      } else if (s.name === 'cellXfs') {
        inCellXfs = true;
      } else if (s.name === 'xf' && inCellXfs) {
        xfNumFmts.push(Number(attrValue(s.attrs, 'numFmtId') ?? 0));
        s.skipElement();
      }
    } else if (t === CLOSE && s.name === 'cellXfs') {
      inCellXfs = false;
    }
  }
  return xfNumFmts.map((id) => isDateFormat(id, custom));
}

// ---------------------------------------------------------------------------------------------
// worksheets

const REF = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

interface MergeRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function parseWorksheet(xml: string, ctx: Context, part: string, sheet: string): RawCell[] {
  const s = new XmlScanner(xml);
  const cells: RawCell[] = [];
  let merges: MergeRange[] | undefined;
  let mergeCount = 0;
  let row = 0;
  let col = 0;
  let inSheetData = false;
  let sorted = true;
  let lastRow = 0;
  let lastCol = 0;
  // Every <c>, with a value or not, in document order: two at one address are refused even when one is empty
  // (LibreOffice keeps the first, openpyxl the last). Only checked when the cells are out of order.
  // Every <c>, with a value or not, in document order: if one is not after the one before, the part is scanned
  // again for two at one address (see duplicateCell), which are refused even when one is empty.
  let inOrder = true;
  let lastAny = 0;
  let rowsWithValues = 0;
  const over = (limit: 'rowsPerSheet' | 'cellsPerSheet' | 'mergedRangesPerSheet' | 'cellsPerWorkbook') =>
    new WorkbookLimitError({ limit, max: WORKBOOK_LIMITS[limit], ...(limit === 'cellsPerWorkbook' ? {} : { sheet }), part }, `${part}: over ${limit}`);

  for (let t = s.next(); t !== END; t = s.next()) {
    if (t === CLOSE) {
      if (s.name === 'sheetData') inSheetData = false;
      continue;
    }
    if (t !== OPEN) continue;
    if (!s.inNamespace(SPREADSHEETML)) {
      // Elements of other namespaces are no part of the sheet, as Excel, LibreOffice and openpyxl read it; a root in
      // another namespace is not a worksheet at all (LibreOffice shows an empty sheet).
      if (s.depth === 1) break;
      s.skipElement();
      continue;
    }
    const name = s.name;
    if (!inSheetData) {
      if (name === 'sheetData') inSheetData = true;
      else if (name === 'mergeCell') {
        if (++mergeCount > WORKBOOK_LIMITS.mergedRangesPerSheet) throw over('mergedRangesPerSheet');
        const range = parseRange(attrValue(s.attrs, 'ref') ?? '');
        if (range) (merges ??= []).push(range);
      }
      continue;
    }
    if (name === 'row') {
      // A row without r follows the previous one (the spec allows omitting it).
      const r = attrValue(s.attrs, 'r');
      row = r === undefined ? row + 1 : toPositiveInt(r, part, 'row');
      col = 0;
      continue;
    }
    if (name !== 'c') {
      s.skipElement();
      continue;
    }

    const attrs = s.attrs;
    const r = attrValue(attrs, 'r');
    if (r === undefined) {
      col += 1;
      if (row === 0) row = 1;
    } else {
      const m = REF.exec(r);
      if (!m) throw new UnreadableWorkbookError('corrupt', `${part}: bad cell reference "${r.slice(0, 20)}"`, { part });
      col = columnNumber(m[1]!);
      row = Number(m[2]);
      if (row === 0) throw new UnreadableWorkbookError('corrupt', `${part}: bad cell reference "${r}"`, { part });
    }
    const position = row * 32_768 + col;
    if (position <= lastAny) inOrder = false;
    lastAny = position;
    const type = attrValue(attrs, 't') ?? 'n';
    const styleText = attrValue(attrs, 's');
    if (!CELL_TYPES.has(type)) throw refusal(part, sheet, row, col, 'cell-type', `type "${type.slice(0, 20)}"`);

    let v: string | undefined;
    let inline: string | undefined;
    let formula: string | undefined;
    if (!s.selfClosing) {
      const base = s.depth;
      for (;;) {
        const tok = s.next();
        if (tok === END) break;
        if (tok === CLOSE) {
          if (s.depth < base) break;
          continue;
        }
        if (tok !== OPEN) continue;
        if (!s.inNamespace(SPREADSHEETML)) s.skipElement();
        else if (s.name === 'v') {
          // One value per cell, and nothing but text in it: programs read `<v>1</v><v>2</v>` or `<v>1<x/>2</v>`
          // as 1, as 2 or as 12.
          if (v !== undefined) throw refusal(part, sheet, row, col, 'cell-values', 'two values');
          v = s.plainElementText();
          if (v === undefined) throw refusal(part, sheet, row, col, 'cell-values', 'markup in a value');
        } else if (s.name === 'is') {
          if (inline !== undefined) throw refusal(part, sheet, row, col, 'cell-values', 'two inline strings');
          inline = readStringItem(s);
        } else if (s.name === 'f') {
          if (formula !== undefined) throw refusal(part, sheet, row, col, 'cell-values', 'two formulas');
          formula = s.elementText();
        } else s.skipElement(); // <extLst>
      }
    } else {
      s.next();
    }

    const ref = cellRef(row, col);
    if (
      (v !== undefined && v.length > WORKBOOK_LIMITS.cellChars) ||
      (inline !== undefined && inline.length > WORKBOOK_LIMITS.cellChars) ||
      (formula !== undefined && formula.length > WORKBOOK_LIMITS.cellChars)
    ) {
      throw new WorkbookLimitError({ limit: 'cellChars', max: WORKBOOK_LIMITS.cellChars, sheet, part, cell: ref }, `${part}: cell ${ref} too long`);
    }
    // A formula whose cached value is missing has an unknown value: no <v> at all, or an empty <v> where only a
    // text result can be empty (openpyxl writes `<f>3+4</f><v></v>`; exceljs writes `t="str"` for an empty text).
    // An inline string is no formula result: LibreOffice computes such a formula, openpyxl shows the text.
    const uncomputed = formula !== undefined && (v === undefined || (v.trim() === '' && type !== 'str'));
    // A workbook that asks to be recalculated on opening shows other results than the ones it stores.
    const stale = formula !== undefined && ctx.staleFormulas;
    let value: CellValue | undefined;
    if (uncomputed || stale) {
      value = { kind: 'formula', formula: decodeOoxmlEscapes(formula!).trim(), ...(stale && !uncomputed ? { stale: true as const } : {}) };
    } else {
      const problem = lexicalProblem(type, v, inline);
      if (problem) throw refusal(part, sheet, row, col, problem.cause, problem.detail);
      value = cellValue(type, v, inline, styleText, ctx, part, ref, sheet);
    }
    if (value === undefined) continue;
    if (row < lastRow || (row === lastRow && col <= lastCol)) sorted = false;
    if (row !== lastRow && ++rowsWithValues > WORKBOOK_LIMITS.rowsPerSheet) throw over('rowsPerSheet');
    if (cells.length >= WORKBOOK_LIMITS.cellsPerSheet) throw over('cellsPerSheet');
    if (++ctx.cellCount > WORKBOOK_LIMITS.cellsPerWorkbook) throw over('cellsPerWorkbook');
    lastRow = row;
    lastCol = col;
    cells.push({ ref, row, col, value });
  }

  if (!inOrder) {
    const at = duplicateCell(xml);
    if (at) throw new UnreadableWorkbookError('corrupt', `${part}: cell ${at} twice`, { part, sheet, cell: at, cause: 'duplicate-cell' });
  }
  const out = sorted ? cells : sortAndDedupe(cells, part, sheet);
  // Cells hidden under a merge (not its top-left) are not what the user sees; drop them, as Excel shows them.
  return merges ? dropMergedCells(out, merges) : out;
}

/**
 * The first address two <c> elements of a worksheet share, or undefined: LibreOffice keeps the first, openpyxl the
 * last, also when one of them is empty. A second pass, made only for parts whose cells are out of order (no program
 * writes them so), placing cells exactly as parseWorksheet does.
 */
function duplicateCell(xml: string): string | undefined {
  const s = new XmlScanner(xml);
  const positions: number[] = [];
  let inSheetData = false;
  let row = 0;
  let col = 0;
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t === CLOSE) {
      if (s.name === 'sheetData') inSheetData = false;
      continue;
    }
    if (t !== OPEN) continue;
    if (!s.inNamespace(SPREADSHEETML)) {
      if (s.depth === 1) break;
      s.skipElement();
      continue;
    }
    if (!inSheetData) {
      if (s.name === 'sheetData') inSheetData = true;
      continue;
    }
    if (s.name === 'row') {
      const r = attrValue(s.attrs, 'r');
      row = r === undefined ? row + 1 : Number(r);
      col = 0;
      continue;
    }
    if (s.name !== 'c') {
      s.skipElement();
      continue;
    }
    const r = attrValue(s.attrs, 'r');
    const m = r === undefined ? null : REF.exec(r);
    if (m) {
      col = columnNumber(m[1]!);
      row = Number(m[2]);
    } else {
      col += 1;
      if (row === 0) row = 1;
    }
    positions.push(row * 32_768 + col);
    s.skipElement();
  }
  positions.sort((a, b) => a - b);
  for (let i = 1; i < positions.length; i++) {
    if (positions[i] === positions[i - 1]) return cellRef(Math.floor(positions[i]! / 32_768), positions[i]! % 32_768);
  }
  return undefined;
}

/** A cell refused for something Excel never writes and other programs read differently (ReadCause), named by its address. */
function refusal(part: string, sheet: string, row: number, col: number, cause: ReadCause, detail: string): UnreadableWorkbookError {
  const at = cellRef(row, col);
  return new UnreadableWorkbookError('corrupt', `${part}: cell ${at}: ${detail}`, { part, sheet, cell: at, cause });
}

function cellRefusal(part: string, sheet: string, ref: string, cause: ReadCause, detail: string): UnreadableWorkbookError {
  const at = ref.replace(/\$/g, '');
  return new UnreadableWorkbookError('corrupt', `${part}: cell ${at}: ${detail}`, { part, sheet, cell: at, cause });
}

/** Per char code below 128: may it appear in the text (digits; the characters of an xsd:double besides white space). */
const DIGIT_CHARS = charTable('0123456789 \t\r\n');
const NUMBER_CHARS = charTable('0123456789.+-eE');

function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

/** Whether every character of `text` is in `table`: with Number() finite, this is the lexical form of xsd:double. */
function onlyChars(text: string, table: Uint8Array): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || table[c] === 0) return false;
  }
  return true;
}

/** The cell types SpreadsheetML defines (ST_CellType), spelled as it spells them. */
const CELL_TYPES = new Set(['n', 's', 'b', 'e', 'str', 'inlineStr', 'd']);
/** The error values of ST_Xstring cells of type e: Excel's, including those of dynamic arrays and data types. */
const ERROR_VALUES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#UNKNOWN!', '#CONNECT!', '#BUSY!', '#PYTHON!']);
const BOOLEAN = /^[ \t\r\n]*[01][ \t\r\n]*$/;

/**
 * Why a cell's value is not one the spreadsheet programs agree on, or undefined. Excel writes none of these;
 * LibreOffice and openpyxl read them differently (LibreOffice reads "0x10" as 0, Python's int() as an error).
 */
function lexicalProblem(type: string, v: string | undefined, inline: string | undefined): { cause: ReadCause; detail: string } | undefined {
  // An inline string with a <v> too: openpyxl reads the <is>, LibreOffice neither (with <v> only, LibreOffice the <v>).
  if (type === 'inlineStr' && v !== undefined) return { cause: 'cell-values', detail: 'inline string with a <v>' };
  if (v === undefined || (v.trim() === '' && type !== 'inlineStr')) return undefined;
  switch (type) {
    // 'n' and 's' are checked where their number is parsed (cellValue), once per cell.
    case 'b':
      return BOOLEAN.test(v) ? undefined : { cause: 'cell-type', detail: `boolean "${v.slice(0, 20)}"` };
    case 'e':
      // LibreOffice reads t="e" with "1" as the number 1, openpyxl as an error "1": only Excel's error values are errors.
      return ERROR_VALUES.has(v.trim()) ? undefined : { cause: 'cell-type', detail: `error "${v.slice(0, 20)}"` };
    case 'd':
      return isoToSerial(v.trim()) !== undefined ? undefined : { cause: 'cell-type', detail: `date "${v.slice(0, 20)}"` };
    default:
      return undefined;
  }
}

function cellValue(
  type: string,
  v: string | undefined,
  inline: string | undefined,
  styleText: string | undefined,
  ctx: Context,
  part: string,
  ref: string,
  sheet: string,
): CellValue | undefined {
  switch (type) {
    case 's': {
      if (v === undefined || v.trim() === '') return undefined;
      const index = Number(v);
      // Digits only ("0x1" and "1.0" are numbers to Number(), an error to openpyxl's int()).
      if (!Number.isInteger(index) || !onlyChars(v, DIGIT_CHARS)) throw cellRefusal(part, sheet, ref, 'cell-type', `shared string index "${v.slice(0, 20)}"`);
      const text = ctx.sharedStrings[index];
      if (text === undefined) throw new UnreadableWorkbookError('corrupt', `${part}: cell ${ref} uses missing shared string ${v.slice(0, 20)}`, { part });
      if (ctx.longStrings.has(index)) {
        throw new WorkbookLimitError({ limit: 'cellChars', max: WORKBOOK_LIMITS.cellChars, sheet, part, cell: ref }, `${part}: cell ${ref} uses a shared string over the limit`);
      }
      return textValue(text);
    }
    case 'inlineStr':
      return textValue(cleanText(inline ?? v ?? ''));
    case 'str':
      // A formula's text result; a formula without a cached value is left out.
      return v === undefined ? undefined : textValue(cleanText(v));
    case 'b':
      if (v === undefined || v.trim() === '') return undefined;
      return { kind: 'boolean', bool: v.trim() === '1' };
    case 'e':
      return v === undefined || v.trim() === '' ? undefined : { kind: 'error', text: v.trim() };
    case 'd': {
      if (v === undefined || v.trim() === '') return undefined;
      const serial = isoToSerial(v.trim());
      return serial === undefined ? textValue(cleanText(v)) : { kind: 'date', serial };
    }
    default: {
      if (v === undefined) return undefined;
      const trimmed = v.trim();
      if (trimmed === '') return undefined;
      const number = Number(trimmed);
      // xsd:double only: what Number() reads beyond it ("0x10", "0b101", "0o17", "Infinity") LibreOffice reads as 0.
      if (!Number.isFinite(number) || !onlyChars(trimmed, NUMBER_CHARS)) throw cellRefusal(part, sheet, ref, 'cell-number', `number "${v.slice(0, 20)}"`);
      const style = styleText === undefined ? 0 : Number(styleText);
      if (ctx.dateStyles[style] === true) {
        return { kind: 'date', serial: ctx.date1904 ? number + DATE1904_OFFSET : number };
      }
      return { kind: 'number', number };
    }
  }
}

function textValue(text: string): CellValue | undefined {
  return text === '' ? undefined : { kind: 'text', text };
}

function columnNumber(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) col = col * 26 + ((letters.charCodeAt(i) | 0x20) - 96);
  return col;
}

function toPositiveInt(text: string, part: string, what: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UnreadableWorkbookError('corrupt', `${part}: bad ${what} number "${text.slice(0, 20)}"`, { part });
  return n;
}

function parseRange(ref: string): MergeRange | undefined {
  const [a, b] = ref.split(':');
  const ma = a === undefined ? null : REF.exec(a);
  const mb = b === undefined ? ma : REF.exec(b);
  if (!ma || !mb) return undefined;
  const r1 = Number(ma[2]);
  const r2 = Number(mb[2]);
  const c1 = columnNumber(ma[1]!);
  const c2 = columnNumber(mb[1]!);
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}

/** Columns of a sheet: Excel's last is XFD (16,384); references allow up to ZZZ. */
const MAX_COLUMN = 18_278;

/**
 * The cells not hidden under a merged range (a cell inside a range other than its top-left one). One sweep
 * down the rows with a Fenwick tree counting, per column, the ranges that cover the current row: time
 * O((cells + ranges) · log columns), whatever the ranges' sizes or overlaps. `cells` is sorted by row.
 */
function dropMergedCells(cells: RawCell[], merges: MergeRange[]): RawCell[] {
  // The tree spans the columns in use, not all 16,384: a form uses a few, and a tree per sheet of every file adds up.
  let width = 1;
  for (const m of merges) width = Math.max(width, m.c1, m.c2);
  for (const cell of cells) width = Math.max(width, cell.col);
  width = Math.min(width, MAX_COLUMN);
  const tree = new Int32Array(width + 2);
  const add = (col: number, delta: number) => {
    for (let i = col; i <= width + 1; i += i & -i) tree[i]! += delta;
  };
  const coverage = (col: number) => {
    let sum = 0;
    for (let i = col; i > 0; i -= i & -i) sum += tree[i]!;
    return sum;
  };
  const clamp = (col: number) => Math.min(Math.max(col, 1), width);
  const starts = [...merges].sort((a, b) => a.r1 - b.r1);
  const ends = [...merges].sort((a, b) => a.r2 - b.r2);
  // How many ranges have their top-left corner at a cell: that cell is covered by them but shown.
  const corners = new Map<string, number>();
  for (const m of merges) corners.set(`${m.r1},${m.c1}`, (corners.get(`${m.r1},${m.c1}`) ?? 0) + 1);
  let si = 0;
  let ei = 0;
  const out: RawCell[] = [];
  for (const cell of cells) {
    while (si < starts.length && starts[si]!.r1 <= cell.row) {
      const m = starts[si++]!;
      add(clamp(m.c1), 1);
      add(clamp(m.c2) + 1, -1);
    }
    while (ei < ends.length && ends[ei]!.r2 < cell.row) {
      const m = ends[ei++]!;
      add(clamp(m.c1), -1);
      add(clamp(m.c2) + 1, 1);
    }
    const covered = cell.col > width ? 0 : coverage(cell.col);
    if (covered === 0 || covered <= (corners.get(`${cell.row},${cell.col}`) ?? 0)) out.push(cell);
  }
  return out;
}

/**
 * Sort by row then column. Two cells at one address are refused: Excel calls the file damaged, LibreOffice and
 * openpyxl keep one of them, not always the same.
 */
function sortAndDedupe(cells: RawCell[], part: string, sheet: string): RawCell[] {
  const indexed = cells.map((cell, i) => ({ cell, i }));
  indexed.sort((x, y) => x.cell.row - y.cell.row || x.cell.col - y.cell.col || x.i - y.i);
  const out: RawCell[] = [];
  for (const { cell } of indexed) {
    const prev = out[out.length - 1];
    if (prev && prev.row === cell.row && prev.col === cell.col) {
      throw new UnreadableWorkbookError('corrupt', `${part}: cell ${cell.ref} twice`, { part, sheet, cell: cell.ref, cause: 'duplicate-cell' });
    }
    out.push(cell);
  }
  return out;
}

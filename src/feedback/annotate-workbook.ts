/**
 * The annotated copy of a unit's workbook (`kiemtra --phan-hoi`): the same package, every part byte for byte,
 * except for what carries the problems —
 *  - each problem cell is highlighted by a conditional format (always true) with a differential fill appended to
 *    styles.xml, so that the cell's own style, value and formula stay as they were;
 *  - each problem cell gets a note (a legacy comment; a cell's existing note keeps its text, ours follows);
 *  - a new first sheet "Kết quả kiểm tra" lists the problems with internal links, in inline strings (the shared
 *    strings part is untouched); defined names local to a sheet follow their sheet, and the workbook opens on it.
 * The exceljs round trip is avoided on purpose: it drops validations, shapes, themes and extensions it does not
 * know.
 */
import { readXlsxArchive } from '../readers/fast-reader.js';
import { sniffWorkbook } from '../readers/sniff.js';
import type { RawWorkbook } from '../readers/types.js';
import { attrValue } from '../readers/xml.js';
import { cleanText, foldKey } from '../domain/text.js';
import { feedbackMsg } from '../messages/vi.js';
import { addNotes, type Note } from './comments-part.js';
import { removeEarlierMarks, type EarlierMarks } from './earlier-marks.js';
import { CONTENT_TYPE, NS, REL_TYPE, OoxmlPackage, applyEdits, escapeXml, insertionPoint, scanTop, type TextEdit } from './ooxml-package.js';
import { addFeedbackStyles } from './styles-part.js';
import { summarySheetXml, type SummaryRow } from './summary-sheet.js';

export interface FeedbackIssue {
  severity: 'error' | 'warning';
  /** The sheet as the checker names it (the file's own name, cleaned), or null for the whole file. */
  sheet: string | null;
  cell: string | null;
  message: string;
}

export interface AnnotateOptions {
  /** The file's name as the unit knows it. */
  fileName: string;
  unit?: string | null;
  period?: string | null;
  /** A valid file that is not counted because its unit sent another one. */
  superseded?: boolean;
}

export type AnnotateFailure = 'not-xlsx' | 'strict' | 'corrupt';

export class AnnotateError extends Error {
  constructor(
    readonly reason: AnnotateFailure,
    readonly detail: string,
  ) {
    super(`cannot annotate: ${reason} (${detail})`);
  }
}

export interface AnnotatedWorkbook {
  bytes: Buffer;
  /** Name of the added summary sheet. */
  sheetName: string;
  /** Problems placed on a cell (highlighted, with a note) and problems listed on the summary sheet only. */
  placed: number;
  listedOnly: number;
  /** Marks of an earlier annotated copy found in the file and taken out first. */
  earlier: EarlierMarks;
}

/** CT_Worksheet children that come after <conditionalFormatting> / after <legacyDrawing>. */
const AFTER_CONDITIONAL_FORMATTING = new Set([
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF',
  'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst', 'AlternateContent',
]);
const AFTER_LEGACY_DRAWING = new Set(['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst', 'AlternateContent']);

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

interface CellPos {
  ref: string;
  row: number;
  col: number;
}

/** "$d$7" → D7 (row 7, column 4); anything else (a range, a name) is not one cell. */
export function parseCellRef(text: string): CellPos | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(text.trim());
  if (!m) return undefined;
  const letters = m[1]!.toUpperCase();
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (col > MAX_COL || row > MAX_ROW) return undefined;
  return { ref: `${letters}${row}`, row, col };
}

interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string | undefined;
  part: string | undefined;
  worksheet: boolean;
}

interface Placed {
  issue: FeedbackIssue;
  index: number;
  /** Index of the sheet in the workbook, -1 for a file-level problem, Infinity for a sheet the file lacks. */
  sheetIndex: number;
  sheetName: string | null;
  cell: CellPos | undefined;
}

/** The sheet a problem names, matched as the checker matched it (cleaned name, then folded). */
function findSheetIndex(sheets: readonly SheetEntry[], name: string): number {
  const exact = sheets.findIndex((s) => s.name === name || cleanText(s.name) === name);
  if (exact >= 0) return exact;
  const key = foldKey(name);
  return sheets.findIndex((s) => foldKey(s.name) === key);
}

/** Errors before warnings; then sheet order, row, column; then the checker's order. */
export function fixOrder<T extends { issue: FeedbackIssue; index: number; sheetIndex: number; sheetName: string | null; cell: CellPos | undefined }>(a: T, b: T): number {
  const severity = (x: T) => (x.issue.severity === 'error' ? 0 : 1);
  return (
    severity(a) - severity(b) ||
    a.sheetIndex - b.sheetIndex ||
    (a.sheetIndex === Infinity ? (a.sheetName ?? '').localeCompare(b.sheetName ?? '', 'vi') : 0) ||
    (a.cell?.row ?? 0) - (b.cell?.row ?? 0) ||
    (a.cell?.col ?? 0) - (b.cell?.col ?? 0) ||
    a.index - b.index
  );
}

/** A sheet name not already used (compared as Excel does, ignoring case). */
function freeSheetName(sheets: readonly SheetEntry[], base: string): string {
  const taken = new Set(sheets.map((s) => s.name.toLocaleLowerCase('vi')));
  if (!taken.has(base.toLocaleLowerCase('vi'))) return base;
  for (let n = 2; ; n += 1) {
    const name = `${base} (${n})`;
    if (!taken.has(name.toLocaleLowerCase('vi'))) return name;
  }
}

const TAB_SELECTED = /(<(?:[A-Za-z_][\w.-]*:)?sheetView\b[^>]*?)\s+tabSelected\s*=\s*(?:"[^"]*"|'[^']*')/g;
const CF_PRIORITY = /(<(?:[A-Za-z_][\w.-]*:)?cfRule\b[^>]*?\bpriority\s*=\s*)(["'])(\d+)\2/g;

export function annotateWorkbook(bytes: Uint8Array, issues: readonly FeedbackIssue[], options: AnnotateOptions): AnnotatedWorkbook {
  const sniff = sniffWorkbook(bytes);
  if (!sniff.ok) throw new AnnotateError('not-xlsx', sniff.reason);
  try {
    let book: RawWorkbook | undefined;
    try {
      book = readXlsxArchive(sniff.zip, sniff.workbookPart);
    } catch {
      book = undefined; // then no earlier summary sheet can be recognised, and none is removed
    }
    return annotate(new OoxmlPackage(sniff.zip), sniff.workbookPart, book, issues, options);
  } catch (error) {
    if (error instanceof AnnotateError) throw error;
    throw new AnnotateError('corrupt', (error as Error)?.message ?? String(error));
  }
}

function annotate(pkg: OoxmlPackage, workbookPart: string, book: RawWorkbook | undefined, issues: readonly FeedbackIssue[], options: AnnotateOptions): AnnotatedWorkbook {
  if (!pkg.has(workbookPart)) throw new AnnotateError('corrupt', `missing ${workbookPart}`);
  const stylesBefore = pkg.relationships(workbookPart).find((rel) => rel.type.endsWith('/styles') && !rel.external);
  // A copy sent back by its unit: danvan's earlier marks go first.
  const earlier = removeEarlierMarks(pkg, workbookPart, book, stylesBefore?.part);
  const workbookXml = pkg.text(workbookPart)!;
  const rels = pkg.relationships(workbookPart);
  const relById = new Map(rels.map((rel) => [rel.id, rel]));

  // workbook.xml: the sheets, their <sheets> list, defined names local to a sheet, the workbook views.
  const sheets: SheetEntry[] = [];
  let sheetsElement: { openEnd: number; firstSheet: number } | undefined;
  const edits: TextEdit[] = [];
  const root = scanTop(workbookXml, (s, depth) => {
    if (depth === 1 && s.name === 'sheets') sheetsElement = { openEnd: s.tagEnd, firstSheet: -1 };
    if (depth === 2 && s.name === 'sheet' && sheetsElement) {
      if (sheetsElement.firstSheet < 0) sheetsElement.firstSheet = s.tagStart;
      const relId = attrValue(s.attrs, 'id', true);
      const rel = relId === undefined ? undefined : relById.get(relId);
      sheets.push({
        name: attrValue(s.attrs, 'name') ?? '',
        sheetId: Number(attrValue(s.attrs, 'sheetId')) || 0,
        relId,
        part: rel && !rel.external ? rel.part : undefined,
        worksheet: !!rel && rel.type.endsWith('/worksheet'),
      });
    }
    if (depth === 2 && s.name === 'definedName') {
      const local = attrValue(s.attrs, 'localSheetId');
      if (local !== undefined && /^\d+$/.test(local)) {
        edits.push({ start: s.tagStart, end: s.tagEnd, text: replaceAttr(workbookXmlTag(s.tagStart, s.tagEnd), 'localSheetId', String(Number(local) + 1)) });
      }
    }
    if (depth === 2 && s.name === 'workbookView') {
      let tag = workbookXmlTag(s.tagStart, s.tagEnd);
      if (attrValue(s.attrs, 'activeTab') !== undefined) tag = replaceAttr(tag, 'activeTab', '0');
      if (attrValue(s.attrs, 'firstSheet') !== undefined) tag = replaceAttr(tag, 'firstSheet', '0');
      edits.push({ start: s.tagStart, end: s.tagEnd, text: tag });
    }
  });
  function workbookXmlTag(start: number, end: number): string {
    return workbookXml.slice(start, end);
  }
  if (root.attrs.includes(NS.strictMain)) throw new AnnotateError('strict', 'ISO/IEC 29500 Strict');
  if (!sheetsElement) throw new AnnotateError('corrupt', 'workbook without <sheets>');

  // Where each problem goes.
  const placed: Placed[] = issues.map((issue, index) => {
    const sheetIndex = issue.sheet === null ? -1 : findSheetIndex(sheets, issue.sheet);
    const sheet = sheetIndex >= 0 ? sheets[sheetIndex] : undefined;
    const cell = sheet?.worksheet && sheet.part && pkg.has(sheet.part) && issue.cell ? parseCellRef(issue.cell) : undefined;
    return { issue, index, sheetIndex: issue.sheet === null ? -1 : sheetIndex >= 0 ? sheetIndex : Infinity, sheetName: sheet ? sheet.name : issue.sheet, cell };
  });
  placed.sort(fixOrder);

  const stylesRel = rels.find((rel) => rel.type.endsWith('/styles') && !rel.external);
  const styles = addFeedbackStyles(pkg, workbookPart, stylesRel?.part, usedCellFormats(pkg, sheets));

  // Per sheet: the cells with their problems, in fixing order.
  const bySheet = new Map<number, Map<string, { cell: CellPos; items: Placed[] }>>();
  for (const item of placed) {
    if (!item.cell || item.sheetIndex < 0 || item.sheetIndex === Infinity) continue;
    const cells = bySheet.get(item.sheetIndex) ?? new Map<string, { cell: CellPos; items: Placed[] }>();
    const entry = cells.get(item.cell.ref) ?? { cell: item.cell, items: [] };
    entry.items.push(item);
    cells.set(item.cell.ref, entry);
    bySheet.set(item.sheetIndex, cells);
  }

  sheets.forEach((sheet, index) => {
    if (!sheet.part || !pkg.has(sheet.part)) return;
    const cells = bySheet.get(index);
    let xml = pkg.text(sheet.part)!;
    if (cells) xml = annotateSheet(pkg, sheet.part, xml, [...cells.values()], styles.dxf);
    const unselected = xml.replace(TAB_SELECTED, '$1');
    if (cells || unselected !== xml) pkg.setText(sheet.part, unselected);
  });

  // The summary sheet, first in the workbook.
  const sheetName = freeSheetName(sheets, feedbackMsg.sheetName);
  const folder = sheets.find((s) => s.worksheet && s.part)?.part?.replace(/[^/]*$/, '') ?? `${workbookPart.replace(/[^/]*$/, '')}worksheets/`;
  const summaryPart = pkg.freeName((n) => `${folder}sheet${n}.xml`);
  const rows: SummaryRow[] = placed.map((item) => ({
    severity: item.issue.severity,
    sheet: item.sheetName,
    cell: item.cell?.ref ?? null,
    linkSheet: item.sheetIndex >= 0 && item.sheetIndex !== Infinity && sheets[item.sheetIndex]!.worksheet ? sheets[item.sheetIndex]!.name : null,
    message: item.issue.message,
  }));
  const errors = issues.filter((i) => i.severity === 'error').length;
  pkg.setText(summaryPart, summarySheetXml({ fileName: options.fileName, unit: options.unit ?? null, period: options.period ?? null, errors, warnings: issues.length - errors, superseded: options.superseded ?? false, rows }, styles.xf));
  pkg.declareContentType(summaryPart, CONTENT_TYPE.worksheet);
  const relId = pkg.addRelationship(workbookPart, REL_TYPE.worksheet, summaryPart);
  const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
  const at = sheetsElement.firstSheet >= 0 ? sheetsElement.firstSheet : sheetsElement.openEnd;
  edits.push({ start: at, end: at, text: `<${root.prefix}sheet xmlns:r="${NS.rel}" name="${escapeXml(sheetName)}" sheetId="${sheetId}" r:id="${relId}"/>` });
  pkg.setText(workbookPart, applyEdits(workbookXml, edits));

  const placedCount = placed.filter((item) => item.cell && item.sheetIndex >= 0 && item.sheetIndex !== Infinity).length;
  return { bytes: pkg.toZip(), sheetName, placed: placedCount, listedOnly: placed.length - placedCount, earlier };
}

const STYLE_INDEX = /<(?:[A-Za-z_][\w.-]*:)?(?:c|row)\b[^>]*?\ss\s*=\s*"(\d+)"|<(?:[A-Za-z_][\w.-]*:)?col\b[^>]*?\sstyle\s*=\s*"(\d+)"/g;

/** One more than the highest cell format index any cell, row or column of the worksheets refers to. */
function usedCellFormats(pkg: OoxmlPackage, sheets: readonly SheetEntry[]): number {
  let max = -1;
  for (const sheet of sheets) {
    if (!sheet.worksheet || !sheet.part || !pkg.has(sheet.part)) continue;
    for (const m of pkg.text(sheet.part)!.matchAll(STYLE_INDEX)) max = Math.max(max, Number(m[1] ?? m[2]));
  }
  return max + 1;
}

/** Sets an attribute of a start tag (replacing its value, or adding it before the tag's end). */
function replaceAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)(["'])[^"']*\\2`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
}

/** Highlights and notes on one worksheet; returns its new XML. */
function annotateSheet(
  pkg: OoxmlPackage,
  part: string,
  xml: string,
  cells: readonly { cell: CellPos; items: Placed[] }[],
  dxf: { error: number; warning: number },
): string {
  let legacyDrawingId: string | undefined;
  const root = scanTop(xml, (s, depth) => {
    if (depth === 1 && s.name === 'legacyDrawing') legacyDrawingId = attrValue(s.attrs, 'id', true);
  });
  const p = root.prefix;
  const notes: Note[] = cells.map(({ cell, items }) => ({
    ref: cell.ref,
    row: cell.row,
    col: cell.col,
    lines: items.map((item) => feedbackMsg.noteLine(item.issue.severity, item.issue.message)),
  }));
  const { newLegacyDrawingId } = addNotes(pkg, { sheetPart: part, legacyDrawingId, notes });

  // Two always-true rules ahead of the sheet's own: red where any error is, yellow where only warnings are.
  const errorRefs = cells.filter((c) => c.items.some((i) => i.issue.severity === 'error')).map((c) => c.cell.ref);
  const warningRefs = cells.filter((c) => c.items.every((i) => i.issue.severity === 'warning')).map((c) => c.cell.ref);
  const rule = (refs: string[], dxfId: number, priority: number) =>
    refs.length
      ? `<${p}conditionalFormatting sqref="${refs.join(' ')}"><${p}cfRule type="expression" dxfId="${dxfId}" priority="${priority}"><${p}formula>TRUE</${p}formula></${p}cfRule></${p}conditionalFormatting>`
      : '';
  const added = [errorRefs.length ? 1 : 0, warningRefs.length ? 1 : 0].reduce((a, b) => a + b, 0);
  const shifted = added ? xml.replace(CF_PRIORITY, (_m, head: string, quote: string, n: string) => `${head}${quote}${Number(n) + added}${quote}`) : xml;
  // Shifting priorities never changes the length of a tag's start, but it can change offsets: scan again.
  const target = shifted === xml ? root : scanTop(shifted);
  const cfAt = insertionPoint(target, AFTER_CONDITIONAL_FORMATTING);
  const edits: TextEdit[] = [{ start: cfAt, end: cfAt, text: rule(errorRefs, dxf.error, 1) + rule(warningRefs, dxf.warning, errorRefs.length ? 2 : 1) }];
  if (newLegacyDrawingId) {
    const at = insertionPoint(target, AFTER_LEGACY_DRAWING);
    edits.push({ start: at, end: at, text: `<${p}legacyDrawing xmlns:r="${NS.rel}" r:id="${newLegacyDrawingId}"/>` });
  }
  return applyEdits(shifted, edits);
}

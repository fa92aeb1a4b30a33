/**
 * A Word document (.docx) read into plain blocks: paragraphs (text, style, list numbering as Word shows it,
 * bold, alignment) and tables (rows of cell texts), in body order. Built on the project's own zip reader and
 * XML scanner, so a hostile file meets the same inflate budgets as a workbook (readers/limits.ts), plus the
 * document's own (import/limits.ts): nesting depth, paragraphs, table rows and cells, characters.
 */
import { ZipArchive } from '../zip/read.js';
import { CLOSE, END, OPEN, TEXT, XmlError, XmlScanner, attrValue } from '../readers/xml.js';
import { UnreadableWorkbookError } from '../readers/types.js';
import { DOCX_LIMITS } from './limits.js';
import { ImportRefusal } from './refusal.js';
import { listLabel, readNumbering, type ListFormat, type Numbering } from './numbering.js';

export interface ListInfo {
  numId: string;
  level: number;
  format: ListFormat;
  /** The label Word shows before the text ("1.", "a)", "•", "II."). */
  label: string;
}

export interface DocParagraph {
  kind: 'paragraph';
  /** 1-based number among the body's paragraphs that hold text (what the origin notes cite). */
  number: number;
  text: string;
  /** The style's name as Word shows it ("Heading 1", "List Bullet"), or "". */
  style: string;
  list: ListInfo | null;
  /** Every run with text is bold. */
  bold: boolean;
  centered: boolean;
}

export interface DocTable {
  kind: 'table';
  /** 1-based number among the body's tables. */
  number: number;
  /** Cell texts; a cell's paragraphs joined by line breaks. */
  rows: string[][];
}

export type DocBlock = DocParagraph | DocTable;

export interface DocxContent {
  blocks: DocBlock[];
  /** Pictures in the body (w:drawing, w:pict): a document of pictures without text is a scan. */
  pictures: number;
}

interface StyleInfo {
  name: string;
  basedOn?: string;
  numId?: string;
  level?: number;
  bold?: boolean;
}

const DOCUMENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

function utf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** Opens the package; throws ImportRefusal for anything that is not a readable .docx. */
export function openDocx(bytes: Uint8Array): { zip: ZipArchive; documentPart: string } {
  let zip: ZipArchive;
  try {
    zip = ZipArchive.open(bytes, { partBytes: DOCX_LIMITS.partBytes, totalBytes: DOCX_LIMITS.totalInflatedBytes });
  } catch (error) {
    throw fromReaderError(error);
  }
  const documentPart = findDocumentPart(zip);
  if (!documentPart) throw new ImportRefusal('not-word', zip.has('xl/workbook.xml') ? 'xlsx' : 'no word/document.xml');
  return { zip, documentPart };
}

function fromReaderError(error: unknown): ImportRefusal {
  if (error instanceof ImportRefusal) return error;
  if (error instanceof UnreadableWorkbookError) {
    if (error.reason === 'over-limit') return new ImportRefusal('over-limit', error.detail ?? '', error.info.limit?.limit === 'partBytes' ? 'partBytes' : 'totalInflatedBytes');
    if (error.reason === 'truncated' || error.reason === 'corrupt') return new ImportRefusal('corrupt', error.detail ?? '');
    return new ImportRefusal('not-word', error.detail ?? error.reason);
  }
  if (error instanceof XmlError) return new ImportRefusal('corrupt', error.message);
  throw error;
}

function findDocumentPart(zip: ZipArchive): string | undefined {
  const rels = zip.read('_rels/.rels');
  if (rels) {
    try {
      const s = new XmlScanner(utf8(rels));
      for (let t = s.next(); t !== END; t = s.next()) {
        if (t !== OPEN || s.name !== 'Relationship') continue;
        if (!(attrValue(s.attrs, 'Type') ?? '').endsWith('/officeDocument')) continue;
        const target = (attrValue(s.attrs, 'Target') ?? '').replace(/^\/+/, '');
        const entry = target ? zip.entry(target) : undefined;
        if (entry && /\.xml$/i.test(entry.name) && !/workbook/i.test(entry.name)) return entry.name;
      }
    } catch {
      // Broken root rels: the conventional name below, as Word's repair would.
    }
  }
  const types = zip.read('[Content_Types].xml');
  if (types && utf8(types).includes(DOCUMENT_TYPE)) return zip.entry('word/document.xml')?.name;
  return zip.entry('word/document.xml')?.name;
}

/** The part's text, with the scanner's and zip's failures as refusals. */
function part(zip: ZipArchive, name: string): string | undefined {
  try {
    const bytes = zip.read(name);
    return bytes ? utf8(bytes) : undefined;
  } catch (error) {
    throw fromReaderError(error);
  }
}

/** Styles by id: name, the style it is based on, its list numbering and boldness. */
function readStyles(xml: string | undefined): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!xml) return styles;
  const s = new XmlScanner(xml);
  let current: StyleInfo | null = null;
  let currentId = '';
  let inRunProps = false;
  let inParaProps = false;
  for (let t = s.next(); t !== END; t = s.next()) {
    if (s.depth > DOCX_LIMITS.depth) throw new ImportRefusal('over-limit', 'styles depth', 'depth');
    if (t === OPEN) {
      if (s.name === 'style') {
        currentId = attrValue(s.attrs, 'w:styleId') ?? attrValue(s.attrs, 'styleId', true) ?? '';
        current = { name: '' };
      } else if (current) {
        const val = attrValue(s.attrs, 'val', true);
        if (s.name === 'name') current.name = val ?? '';
        else if (s.name === 'basedOn') current.basedOn = val;
        else if (s.name === 'pPr') inParaProps = true;
        else if (s.name === 'rPr') inRunProps = true;
        else if (inParaProps && s.name === 'numId') current.numId = val;
        else if (inParaProps && s.name === 'ilvl') current.level = Number(val ?? 0) || 0;
        else if (inRunProps && s.name === 'b') current.bold = val !== '0' && val !== 'false';
      }
    } else if (t === CLOSE) {
      if (s.name === 'style' && current) {
        if (currentId) styles.set(currentId, current);
        current = null;
      } else if (s.name === 'pPr') inParaProps = false;
      else if (s.name === 'rPr') inRunProps = false;
    }
  }
  return styles;
}

/** A style's property, looked up through the styles it is based on (a chain bounded against loops). */
function inherited<K extends keyof StyleInfo>(styles: Map<string, StyleInfo>, id: string | undefined, key: K): StyleInfo[K] | undefined {
  for (let i = 0, at = id; at && i < 20; i++) {
    const style = styles.get(at);
    if (!style) return undefined;
    if (style[key] !== undefined) return style[key];
    at = style.basedOn;
  }
  return undefined;
}

interface ParagraphState {
  text: string;
  styleId?: string;
  numId?: string;
  level?: number;
  centered: boolean;
  runs: number;
  boldRuns: number;
  runBold: boolean | undefined;
  runHasText: boolean;
}

/** Reads the body of the document: paragraphs and tables in order. */
export function readDocx(bytes: Uint8Array): DocxContent {
  const { zip, documentPart } = openDocx(bytes);
  try {
    return readParts(zip, documentPart);
  } catch (error) {
    throw fromReaderError(error);
  }
}

function readParts(zip: ZipArchive, documentPart: string): DocxContent {
  const dir = documentPart.includes('/') ? documentPart.slice(0, documentPart.lastIndexOf('/') + 1) : '';
  const styles = readStyles(part(zip, `${dir}styles.xml`));
  const numbering: Numbering = readNumbering(part(zip, `${dir}numbering.xml`), DOCX_LIMITS.depth);
  const xml = part(zip, documentPart);
  if (xml === undefined) throw new ImportRefusal('corrupt', `no ${documentPart}`);

  const blocks: DocBlock[] = [];
  const counters = new Map<string, number[]>();
  let pictures = 0;
  let paragraphs = 0;
  let textParagraphs = 0;
  let tables = 0;
  let tableRows = 0;
  let tableCells = 0;
  let chars = 0;

  // Tables nest; the outermost one is the block, inner ones add their text to the cell that holds them.
  /** `span`: the cell's w:gridSpan, so that a merged header cell keeps the columns below it aligned. */
  const tableStack: { rows: string[][]; row: string[] | null; cell: string[] | null; span: number }[] = [];
  let para: ParagraphState | null = null;
  let inPPr = false;
  let inRPr = false;

  const s = new XmlScanner(xml);
  for (let t = s.next(); t !== END; t = s.next()) {
    if (s.depth > DOCX_LIMITS.depth) throw new ImportRefusal('over-limit', `depth over ${DOCX_LIMITS.depth}`, 'depth');
    if (t === OPEN) {
      const name = s.name;
      switch (name) {
        case 'delText':
        case 'instrText':
        case 'txbxContent':
        case 'Fallback':
        case 'footnoteReference':
          skip(s);
          continue;
        case 'drawing':
        case 'pict':
        case 'object':
          pictures++;
          skip(s);
          continue;
        case 'tbl':
          tableStack.push({ rows: [], row: null, cell: null, span: 1 });
          continue;
        case 'tr':
          if (tableStack.length) {
            if (++tableRows > DOCX_LIMITS.tableRows) throw new ImportRefusal('over-limit', 'table rows', 'tableRows');
            const top = tableStack[tableStack.length - 1]!;
            top.row = [];
            top.rows.push(top.row);
          }
          continue;
        case 'tc':
          if (tableStack.length) {
            if (++tableCells > DOCX_LIMITS.tableCells) throw new ImportRefusal('over-limit', 'table cells', 'tableCells');
            const top = tableStack[tableStack.length - 1]!;
            top.cell = [];
            top.span = 1;
          }
          continue;
        case 'p':
          if (++paragraphs > DOCX_LIMITS.paragraphs) throw new ImportRefusal('over-limit', 'paragraphs', 'paragraphs');
          para = { text: '', centered: false, runs: 0, boldRuns: 0, runBold: undefined, runHasText: false };
          continue;
        case 'gridSpan': {
          const top = tableStack[tableStack.length - 1];
          const span = Number(attrValue(s.attrs, 'val', true) ?? 1);
          if (top && top.cell && !para && Number.isInteger(span) && span > 1) top.span = Math.min(span, 64);
          continue;
        }
        case 'pPr':
          inPPr = true;
          continue;
        case 'rPr':
          inRPr = true;
          continue;
        case 'r':
          if (para) {
            para.runBold = undefined;
            para.runHasText = false;
          }
          continue;
        default:
          break;
      }
      if (!para) continue;
      const val = attrValue(s.attrs, 'val', true);
      if (inPPr && !inRPr) {
        if (name === 'pStyle') para.styleId = val;
        else if (name === 'numId') para.numId = val;
        else if (name === 'ilvl') para.level = Number(val ?? 0) || 0;
        else if (name === 'jc') para.centered = val === 'center';
      } else if (inRPr && !inPPr) {
        if (name === 'b') para.runBold = val !== '0' && val !== 'false';
      } else if (name === 't') {
        const text = textOf(s);
        para.text += text;
        if (text.trim()) para.runHasText = true;
      } else if (name === 'tab') {
        para.text += '\t';
      } else if (name === 'br' || name === 'cr') {
        para.text += '\n';
      } else if (name === 'noBreakHyphen') {
        para.text += '-';
      }
      continue;
    }
    if (t === CLOSE) {
      const name = s.name;
      if (name === 'pPr') inPPr = false;
      else if (name === 'rPr') inRPr = false;
      else if (name === 'r' && para) {
        if (para.runHasText) {
          para.runs++;
          if (para.runBold ?? inherited(styles, para.styleId, 'bold')) para.boldRuns++;
        }
      } else if (name === 'p' && para) {
        const done = para;
        para = null;
        chars += done.text.length;
        if (chars > DOCX_LIMITS.chars) throw new ImportRefusal('over-limit', 'characters', 'chars');
        const list = listOf(done, styles, numbering, counters);
        // trimEnd, not /\s+$/, which backtracks over a long run of spaces (import/README: linear text processing).
        const text = done.text.trimEnd().replace(/^[ \t\u00a0]+/u, '').normalize('NFC');
        const top = tableStack[tableStack.length - 1];
        if (top) {
          // A cell's list items keep Word's label, so that "1." or "-" typed by numbering is not lost.
          if (top.cell && text) top.cell.push(list && list.format !== 'bullet' ? `${list.label} ${text}` : text);
          continue;
        }
        if (!text) continue;
        textParagraphs++;
        blocks.push({
          kind: 'paragraph',
          number: textParagraphs,
          text,
          style: styles.get(done.styleId ?? '')?.name ?? '',
          list,
          bold: done.runs > 0 && done.boldRuns === done.runs,
          centered: done.centered,
        });
      } else if (name === 'tc') {
        const top = tableStack[tableStack.length - 1];
        if (top && top.cell) {
          top.row?.push(top.cell.join('\n'));
          // The covered grid columns, as empty cells (bounded by the cell budget like real ones).
          for (let k = 1; k < top.span; k++) {
            if (++tableCells > DOCX_LIMITS.tableCells) throw new ImportRefusal('over-limit', 'table cells', 'tableCells');
            top.row?.push('');
          }
          top.cell = null;
        }
      } else if (name === 'tbl') {
        const table = tableStack.pop();
        if (!table) continue;
        const outer = tableStack[tableStack.length - 1];
        if (outer) {
          // A table inside a cell: its rows become lines of that cell.
          if (outer.cell) outer.cell.push(...table.rows.map((row) => row.filter(Boolean).join(' | ')).filter(Boolean));
          continue;
        }
        blocks.push({ kind: 'table', number: ++tables, rows: table.rows });
      }
      continue;
    }
    if (t === TEXT) continue;
  }
  return { blocks, pictures };
}

/** The paragraph's list numbering, its own or its style's, with the label Word would show now. */
function listOf(p: ParagraphState, styles: Map<string, StyleInfo>, numbering: Numbering, counters: Map<string, number[]>): ListInfo | null {
  const numId = p.numId ?? inherited(styles, p.styleId, 'numId');
  if (!numId || numId === '0') return null;
  const level = Math.min(8, Math.max(0, p.level ?? inherited(styles, p.styleId, 'level') ?? 0));
  const found = listLabel(numbering, numId, level, counters);
  if (!found) return null;
  return { numId, level, format: found.format, label: found.label };
}

function tooDeep(): ImportRefusal {
  return new ImportRefusal('over-limit', `depth over ${DOCX_LIMITS.depth}`, 'depth');
}

/** Skips the element just opened, keeping the depth budget (the scanner's own skip would not). */
function skip(s: XmlScanner): void {
  const target = s.depth - 1;
  while (s.depth > target) {
    if (s.depth > DOCX_LIMITS.depth) throw tooDeep();
    if (s.next() === END) return;
  }
}

/** The text inside the element just opened, keeping the depth budget. */
function textOf(s: XmlScanner): string {
  let out = '';
  const target = s.depth - 1;
  while (s.depth > target) {
    if (s.depth > DOCX_LIMITS.depth) throw tooDeep();
    const t = s.next();
    if (t === TEXT) out += s.text();
    else if (t === END) break;
  }
  return out;
}

/**
 * The rows of data tables, written as text from the docx library's own XML.
 *
 * A table of a few thousand rows costs the docx library an object per row, cell, paragraph, run and property,
 * then a JSON tree of them, then a string: on 10,000 submissions that was 350,000 paragraphs, most of the time
 * in garbage collection, and more memory than Node's default heap. Every data row of a table has the same
 * shape, so the docx library lays out only four prototype rows per table (text and blank cells, regular and
 * bold) with a marker in each text cell; `expand` then cuts the document's XML at those rows and repeats them,
 * each cell with its own escaped text in place of the marker. Every element comes from the docx library's own
 * output, so the XML is the same as if it had written every row (covered by a test that compares the two).
 */

import type { TableRow } from '../../model/doc-model.js';

/** A data row as the writer lays it out: the model's row, perhaps kept on the page of what follows the table. */
export interface WriterRow extends TableRow {
  /** Its paragraphs keep with the next: the table's last rows stay on the page of the note under it. */
  keepNext?: boolean;
}

/** Prototype rows per table: text and blank cells, regular and bold, each plain and kept with the next. */
const PROTOTYPES = 8;

interface ReservedTable {
  rows: readonly WriterRow[];
  columns: number;
  /** What the docx writer does to a cell's text before printing it (upper case for some styles). */
  text: (text: string) => string;
}

/** One prototype row cut into reusable pieces, as UTF-8 bytes. */
interface RowTemplate {
  /** `<w:tr>` and its properties, up to the first cell. */
  start: Buffer;
  /** Per column: the cell's XML before and after its text. */
  cells: { before: Buffer; after: Buffer }[];
  /** Per column: the XML of the same cell left blank (no run). */
  blank: Buffer[];
}

// Private-use characters: the docx library passes them through untouched, and no text of a report holds them.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const ROW_START = '<w:tr>';
const ROW_END = '</w:tr>';
const CELL_START = '<w:tc>';
const CELL_END = '</w:tc>';
/** Pieces handed to the zip writer are about this many bytes. */
const CHUNK_BYTES = 1 << 20;
const ROW_END_BYTES = Buffer.from(ROW_END, 'utf8');

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const NEEDS_ESCAPE = /[&"'<>]/;

/** Text as the docx library escapes it (its `xml` dependency): the five XML specials, nothing else. */
export function escapeText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(/[&"'<>]/g, (c) => XML_ESCAPES[c] as string) : text;
}

function marker(table: number, row: number, column: number): string {
  return `${OPEN}${table}.${row}.${column}${CLOSE}`;
}

function internal(detail: string): Error {
  return new Error(`docx table rows: ${detail}`);
}

/** Splits one `<w:tr>…</w:tr>` of a data table (no nested tables) into its start and its cells. */
function splitRow(xml: string): { start: string; cells: string[] } {
  const first = xml.indexOf(CELL_START);
  if (first < 0) throw internal('prototype row without cells');
  const cells: string[] = [];
  let at = first;
  while (xml.startsWith(CELL_START, at)) {
    const end = xml.indexOf(CELL_END, at);
    if (end < 0) throw internal('unclosed cell in prototype row');
    cells.push(xml.slice(at, end + CELL_END.length));
    at = end + CELL_END.length;
  }
  if (xml.slice(at) !== ROW_END) throw internal('unexpected content after the cells of a prototype row');
  return { start: xml.slice(0, first), cells };
}

export class TableRowSlots {
  private readonly tables: ReservedTable[] = [];

  /** Tables reserved so far. */
  get size(): number {
    return this.tables.length;
  }

  /**
   * Reserves the data rows of one table and returns the eight prototype rows that the docx library lays out in
   * their place: text in every cell, every cell blank, the same two in bold, and those four kept with the next.
   */
  reserve(rows: readonly WriterRow[], columns: number, text: (text: string) => string): WriterRow[] {
    const id = this.tables.length;
    this.tables.push({ rows, columns, text });
    const marked = (row: number) => Array.from({ length: columns }, (_, c) => marker(id, row, c));
    const blank = () => Array.from({ length: columns }, () => '');
    const four = (first: number, keepNext: boolean): WriterRow[] => [
      { cells: marked(first), keepNext },
      { cells: blank(), keepNext },
      { cells: marked(first + 2), bold: true, keepNext },
      { cells: blank(), bold: true, keepNext },
    ];
    return [...four(0, false), ...four(4, true)];
  }

  /**
   * The document's XML with every reserved table's prototype rows replaced by its real rows, as pieces in
   * document order. Throws when a prototype is not where it should be (a bug, never a user's input).
   */
  *expand(xml: string): Generator<string | Buffer> {
    let pos = 0;
    for (let id = 0; id < this.tables.length; id += 1) {
      const table = this.tables[id] as ReservedTable;
      const at = xml.indexOf(marker(id, 0, 0), pos);
      if (at < 0) throw internal(`prototype rows of table ${id} not found`);
      const start = xml.lastIndexOf(ROW_START, at);
      if (start < pos) throw internal(`prototype rows of table ${id} do not start a row`);
      const prototypes: string[] = [];
      let end = start;
      for (let r = 0; r < PROTOTYPES; r += 1) {
        if (!xml.startsWith(ROW_START, end)) throw internal(`prototype row ${r} of table ${id} missing`);
        const close = xml.indexOf(ROW_END, end);
        if (close < 0) throw internal(`prototype row ${r} of table ${id} not closed`);
        prototypes.push(xml.slice(end, close + ROW_END.length));
        end = close + ROW_END.length;
      }
      const templates: RowTemplates = {
        regular: template(prototypes[0] as string, prototypes[1] as string, id, 0, table.columns),
        bold: template(prototypes[2] as string, prototypes[3] as string, id, 2, table.columns),
        keptRegular: template(prototypes[4] as string, prototypes[5] as string, id, 4, table.columns),
        keptBold: template(prototypes[6] as string, prototypes[7] as string, id, 6, table.columns),
      };
      yield xml.slice(pos, start);
      yield* rowsXml(table, templates);
      pos = end;
    }
    yield xml.slice(pos);
  }
}

function template(marked: string, blank: string, id: number, row: number, columns: number): RowTemplate {
  const withText = splitRow(marked);
  const without = splitRow(blank);
  if (withText.cells.length !== columns || without.cells.length !== columns) throw internal(`prototype row of table ${id} has the wrong number of cells`);
  if (withText.start !== without.start) throw internal(`prototype rows of table ${id} differ in their row properties`);
  const cells = withText.cells.map((cell, c) => {
    const m = marker(id, row, c);
    const k = cell.indexOf(m);
    if (k < 0 || cell.indexOf(m, k + 1) >= 0) throw internal(`marker of cell ${c} of table ${id} not found once`);
    return { before: Buffer.from(cell.slice(0, k), 'utf8'), after: Buffer.from(cell.slice(k + m.length), 'utf8') };
  });
  return { start: Buffer.from(withText.start, 'utf8'), cells, blank: without.cells.map((cell) => Buffer.from(cell, 'utf8')) };
}

/**
 * Fills buffers of CHUNK_BYTES with template bytes and UTF-8 text, handing each over when full: the rows
 * never exist as strings, and the zip writer gets pieces it can deflate while the next ones are made.
 */
class ChunkWriter {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private length = 0;
  readonly full: Buffer[] = [];

  bytes(data: Buffer): void {
    if (this.length + data.length > this.buffer.length) this.flush(data.length);
    this.length += data.copy(this.buffer, this.length);
  }

  text(text: string): void {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
    if (this.length + text.length * 3 > this.buffer.length) this.flush(text.length * 3);
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  /** Hands over what was written; the next buffer holds at least `need` bytes. */
  flush(need = 0): void {
    if (this.length > 0) this.full.push(this.buffer.subarray(0, this.length));
    this.buffer = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, need));
    this.length = 0;
  }
}

interface RowTemplates {
  regular: RowTemplate;
  bold: RowTemplate;
  keptRegular: RowTemplate;
  keptBold: RowTemplate;
}

function* rowsXml(table: ReservedTable, templates: RowTemplates): Generator<Buffer> {
  const out = new ChunkWriter();
  for (const row of table.rows) {
    const t = row.keepNext ? (row.bold ? templates.keptBold : templates.keptRegular) : row.bold ? templates.bold : templates.regular;
    out.bytes(t.start);
    // Rows shorter than the header are padded so the grid stays rectangular; extra cells are dropped (as dataTable).
    for (let c = 0; c < table.columns; c += 1) {
      const text = row.cells[c] ?? '';
      if (text === '') {
        out.bytes(t.blank[c] as Buffer);
      } else {
        const cell = t.cells[c] as { before: Buffer; after: Buffer };
        out.bytes(cell.before);
        out.text(escapeText(table.text(text)));
        out.bytes(cell.after);
      }
    }
    out.bytes(ROW_END_BYTES);
    if (out.full.length > 0) yield* out.full.splice(0);
  }
  out.flush();
  yield* out.full.splice(0);
}

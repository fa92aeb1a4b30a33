/** Data tables (indicator tables in the body and appendices): caption, header row, grid, note. */

import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from 'docx';
import type { TableBlock } from '../../model/doc-model.js';
import type { LayoutProfile, TextStyle } from '../../layout/profile.js';
import type { TableRowSlots, WriterRow } from './table-rows.js';
import { alignment, run, spacing, upperVi } from './text.js';
import { columnWidths } from './column-widths.js';

export interface TableText {
  text: TextStyle;
  header: TextStyle;
}

const LINE = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000' });

/** Rows kept on the page of the note under the table: the last data row and the one before (often a total). */
const ROWS_KEPT_WITH_NOTE = 2;

/**
 * Tables of up to this many data rows are kept on one page: the report's own tables (models by field, the 18
 * indicators) fit a page; the appendices of hundreds of units do not and break between rows.
 */
export const KEEP_WHOLE_UP_TO = 20;

/** Rows that stay together at each end of a table that breaks: never one row under the header or above the total. */
const ROWS_KEPT_AT_EDGES = 3;

function cellParagraph(text: string, style: TextStyle, align: Parameters<typeof alignment>[0], profile: LayoutProfile, bold: boolean, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: alignment(align),
    ...(keepNext ? { keepNext: true } : {}),
    spacing: spacing(profile.table.cellSpacing),
    children: text === '' ? [] : [run(text, style, { bold })],
  });
}

function gridCell(paragraph: Paragraph, width: number, margin: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 0, bottom: 0, left: margin, right: margin },
    children: [paragraph],
  });
}

/**
 * The grid itself: a bold centred header row repeated on every page, then the data rows. With `slots`, the
 * data rows are reserved there and the docx library lays out only their prototypes (see table-rows.ts).
 */
export function dataTable(block: TableBlock, profile: LayoutProfile, textWidth: number, styles: TableText, slots?: TableRowSlots): Table {
  const t = profile.table;
  const widths = columnWidths(block, textWidth, { text: styles.text, header: styles.header, marginsTwips: 2 * t.cellMarginTwips });
  const border = LINE(t.borderEighths);

  // A table that fits on a page stays on one page (every row but the last keeps with the next). A longer one breaks
  // between rows, its header repeated, but never right under its header (the first rows keep together) nor just
  // before its total (the last rows keep together). A note under the table is never left alone either.
  const n = block.rows.length;
  const whole = n <= KEEP_WHOLE_UP_TO;
  const note = hasNote(block);
  const keptBefore = (i: number) =>
    whole ? i < n - 1 : i < ROWS_KEPT_AT_EDGES - 1 || (i >= n - (note ? ROWS_KEPT_WITH_NOTE : ROWS_KEPT_AT_EDGES) && (note || i < n - 1));
  const modelRows: readonly WriterRow[] = block.rows.map((r, i) => (keptBefore(i) || (whole && note && i === n - 1) ? { ...r, keepNext: true } : r));
  // The header row never stands alone at the foot of a page: it keeps with the first data row.
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) =>
      gridCell(cellParagraph(c.header, styles.header, 'center', profile, false, block.rows.length > 0), widths[i] ?? 0, t.cellMarginTwips)),
  });
  const dataRows = slots
    ? slots.reserve(modelRows, block.columns.length, (text) => (styles.text.upper ? upperVi(text) : text))
    : modelRows;
  const rows = dataRows.map((r) => new TableRow({
    cantSplit: true,
    // Rows shorter than the header are padded so the grid stays rectangular; extra cells are dropped.
    children: block.columns.map((c, i) =>
      gridCell(cellParagraph(r.cells[i] ?? '', styles.text, c.align, profile, Boolean(r.bold), Boolean(r.keepNext)), widths[i] ?? 0, t.cellMarginTwips)),
  }));

  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [header, ...rows],
  });
}

function hasNote(block: TableBlock): block is TableBlock & { note: string } {
  return block.note !== undefined && block.note !== '';
}

/** Caption, grid and note of a table block, in document order. */
export function tableWithCaption(block: TableBlock, profile: LayoutProfile, textWidth: number, styles: TableText, slots?: TableRowSlots): (Paragraph | Table)[] {
  const t = profile.table;
  const out: (Paragraph | Table)[] = [];
  // A table without columns has no grid Word could open; its caption and note still print.
  const grid = block.columns.length > 0 ? [dataTable(block, profile, textWidth, styles, slots)] : [];
  if (block.caption !== undefined && block.caption !== '') {
    out.push(new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: spacing(t.captionSpacing),
      keepNext: true,
      children: [run(block.caption, t.caption)],
    }));
  }
  out.push(...grid);
  if (hasNote(block)) {
    out.push(new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      spacing: spacing(t.noteSpacing),
      children: [run(block.note, t.note)],
    }));
  } else {
    // Word needs a paragraph between a table and whatever follows; give it the space a note would have.
    out.push(new Paragraph({ spacing: spacing({ beforePt: 0, afterPt: t.noteSpacing.afterPt }), run: { size: 12 }, children: [] }));
  }
  return out;
}

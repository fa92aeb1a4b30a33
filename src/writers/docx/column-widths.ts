/**
 * Column widths of a data table, in twips, adding up to the text width.
 *
 * Every table: no column is narrower than the longest word of its header (bold) and of its cells, so that
 * "STT" or a number never breaks inside; what a column lacks is taken from the columns that have room, in
 * proportion to that room.
 *
 * A table that asks for it (`TableBlock.widths === 'balanced'`, the appendix of indicators by unit): widths
 * follow the header texts instead of fixed weights. The smallest number of header lines that fits is found,
 * each indicator column gets what its header needs on that many lines, and the name column no more than its
 * longest name (at most a third of the table); what is left is shared out by need. Without it a long header
 * stood nine lines tall beside a name column twice as wide as any name.
 */
import type { TableBlock } from '../../model/doc-model.js';
import type { TextStyle } from '../../layout/profile.js';
import { estimateTextWidthTwips } from '../../layout/text-width.js';
import { scaleWidths } from './units.js';

export interface ColumnWidthStyles {
  text: TextStyle;
  header: TextStyle;
  /** Left + right cell margins, in twips. */
  marginsTwips: number;
}

/** Word wraps at spaces; a measured line is given this much slack against the estimate's error. */
const SLACK = 1.08;
/** More header lines than this is never the aim. */
const MAX_HEADER_LINES = 12;
/** A name column takes at most this share of the table. */
const NAME_SHARE = 1 / 3;
/** Cells read to measure contents: enough for every unit of a large report, bounded for 20,000. */
const MEASURED_ROWS = 5000;

// Ordinary spaces only: a no-break space (document/nobreak.ts) keeps its two words one word, measured as one.
const words = (text: string) => text.split(/[ \t\n\r]+/).filter((w) => w !== '');

function widest(texts: Iterable<string>, style: TextStyle, bold: boolean, measure: (t: string) => string[] = words): number {
  let max = 0;
  for (const text of texts) for (const piece of measure(text)) max = Math.max(max, estimateTextWidthTwips(piece, style.sizePt, bold));
  return max;
}

/** The rows measured: all of them up to MEASURED_ROWS, else that many and the last (a total). */
function measuredRows(block: TableBlock): TableBlock['rows'] {
  return block.rows.length > MEASURED_ROWS ? block.rows.slice(0, MEASURED_ROWS).concat(block.rows.slice(-1)) : block.rows;
}

function cellsOf(block: TableBlock, column: number): string[] {
  return measuredRows(block).map((r) => r.cells[column] ?? '');
}

/** The narrowest each column may be: its longest word, header or cell (bold rows measured bold), and the margins. */
function minimumWidths(block: TableBlock, styles: ColumnWidthStyles): number[] {
  const rows = measuredRows(block);
  return block.columns.map((column, i) => {
    const cells = (bold: boolean) => rows.filter((r) => Boolean(r.bold) === bold).map((r) => r.cells[i] ?? '');
    const longestWord = Math.max(
      widest([column.header], styles.header, true),
      widest(cells(false), styles.text, Boolean(styles.text.bold)),
      widest(cells(true), styles.text, true),
    );
    return Math.ceil(longestWord * SLACK) + styles.marginsTwips;
  });
}

/** Raises every column to its minimum, taking the difference from the others in proportion to their room. */
function respectMinimums(widths: number[], minimums: readonly number[], total: number): number[] {
  // Minimums that cannot all fit (a table of many wide words): shared in their proportion, still adding up.
  if (minimums.reduce((a, b) => a + b, 0) > total) return scaleWidths(minimums, total);
  const lacking = widths.reduce((sum, w, i) => sum + Math.max(0, minimums[i]! - w), 0);
  if (lacking === 0) return widths;
  // Σ minimums ≤ total, so the room of the columns above their minimum covers what the others lack.
  const room = widths.map((w, i) => Math.max(0, w - minimums[i]!));
  const roomTotal = room.reduce((a, b) => a + b, 0);
  const out = widths.map((w, i) => (w < minimums[i]! ? minimums[i]! : w - Math.floor((room[i]! * lacking) / roomTotal)));
  return adjustLast(out, total);
}

/** Rounding leaves the last column the remainder, so the columns add up to the table width exactly. */
function adjustLast(widths: number[], total: number): number[] {
  const used = widths.slice(0, -1).reduce((a, b) => a + b, 0);
  if (widths.length > 0) widths[widths.length - 1] = total - used;
  return widths;
}

/** Word widths of a text (and the width of a space), measured once, for wrapping at many widths. */
interface MeasuredText {
  words: number[];
  space: number;
}

function measure(text: string, style: TextStyle, bold: boolean): MeasuredText {
  return {
    words: words(text).map((w) => estimateTextWidthTwips(w, style.sizePt, bold)),
    space: estimateTextWidthTwips(' ', style.sizePt, bold),
  };
}

/** Lines a text takes when Word wraps it at spaces into `width` twips (a word too long takes a line of its own). */
function wrappedLines(text: MeasuredText, width: number): number {
  if (text.words.length === 0) return 1;
  let lines = 1;
  let used = 0;
  for (const w of text.words) {
    const needed = used === 0 ? w : used + text.space + w;
    if (needed <= width || used === 0) used = needed;
    else {
      lines += 1;
      used = w;
    }
  }
  return lines;
}

/** The narrowest width (twips, margins included) at which a header wraps into at most `lines` lines. */
function widthForLines(text: MeasuredText, lines: number, minimum: number, margins: number): number {
  let low = minimum;
  let high = Math.max(minimum, Math.ceil(text.words.reduce((a, b) => a + b, 0) + text.space * text.words.length) + margins);
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (wrappedLines(text, (mid - margins) / SLACK) <= lines) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * Widths that make the table shortest: for each width of the name column (from its longest word to its longest
 * name, at most a third of the table), the fewest header lines the other columns can then have, and the lines
 * the names take; the total height (header + rows) decides. What is left goes to the number columns by need.
 */
function balanced(block: TableBlock, total: number, minimums: readonly number[], styles: ColumnWidthStyles): number[] {
  const columns = block.columns;
  const margins = styles.marginsTwips;
  // The name column: the only left-aligned text column of the table (the unit names).
  const name = columns.findIndex((c) => c.align === 'left');
  const flexible = columns.map((c, i) => i !== name && c.align !== 'center');
  const headers = columns.map((c) => measure(c.header, styles.header, true));
  const needFor: number[][] = [];
  for (let lines = 1; lines <= MAX_HEADER_LINES; lines += 1) {
    needFor[lines] = columns.map((_, i) => (flexible[i] ? widthForLines(headers[i]!, lines, minimums[i]!, margins) : minimums[i]!));
  }
  const names = name >= 0 ? cellsOf(block, name).map((t) => measure(t, styles.text, false)) : [];
  const headerLine = styles.header.sizePt * 1.15 * 20;
  const rowLine = styles.text.sizePt * 1.15 * 20;
  const longestName = names.reduce((m, t) => Math.max(m, Math.ceil(t.words.reduce((a, b) => a + b, 0) + t.space * (t.words.length - 1))), 0);
  const nameMin = name >= 0 ? minimums[name]! : 0;
  const nameMax = name >= 0 ? Math.max(nameMin, Math.min(Math.ceil(longestName * SLACK) + margins, Math.floor(total * NAME_SHARE))) : 0;
  const steps = 24;
  let best: { widths: number[]; height: number } | undefined;
  for (let step = 0; step <= steps; step += 1) {
    const nameWidth = Math.round(nameMin + ((nameMax - nameMin) * step) / steps);
    const others = (widths: number[]) => widths.reduce((a, b, i) => a + (i === name ? 0 : b), 0);
    let lines = 1;
    while (lines < MAX_HEADER_LINES && others(needFor[lines]!) + nameWidth > total) lines += 1;
    const widths = [...needFor[lines]!];
    if (others(widths) + nameWidth > total) continue;
    if (name >= 0) widths[name] = nameWidth;
    const rowsHeight = names.reduce((h, t) => h + wrappedLines(t, (nameWidth - margins) / SLACK) * rowLine, 0);
    const height = lines * headerLine + rowsHeight;
    if (!best || height < best.height) best = { widths, height };
  }
  if (!best) return respectMinimums(scaleWidths(columns.map((c) => c.width), total), minimums, total);
  const widths = best.widths;
  // What is left goes to the number columns by their need (it shortens their headers further where it can).
  const left = total - widths.reduce((a, b) => a + b, 0);
  const shares = widths.map((w, i) => (flexible[i] ? w : 0));
  const shareTotal = shares.reduce((a, b) => a + b, 0);
  if (left > 0 && shareTotal > 0) for (let i = 0; i < widths.length; i += 1) widths[i] = widths[i]! + Math.floor((left * shares[i]!) / shareTotal);
  return adjustLast(widths, total);
}

/** A single word never claims more than this share of the table: Word breaks a word longer than its cell. */
const WORD_SHARE = 0.5;

export function columnWidths(block: TableBlock, total: number, styles: ColumnWidthStyles): number[] {
  if (block.columns.length === 0) return [];
  const minimums = minimumWidths(block, styles).map((m) => Math.min(m, Math.floor(total * WORD_SHARE)));
  if (block.widths === 'balanced') return balanced(block, total, minimums, styles);
  return respectMinimums(scaleWidths(block.columns.map((c) => c.width), total), minimums, total);
}

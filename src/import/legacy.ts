/**
 * TCVN3 and VNI text in a Word report (typed with .VnTime or VNI-Times fonts), repaired exactly as `kiemtra`
 * repairs a workbook's cells (check/legacy-text.ts): each paragraph and table cell is one "cell" of the same
 * decision, so one long paragraph typed in TCVN3 lets the short ones around it be converted too.
 */
import { repairWorkbookText, type RepairEncoding } from '../check/legacy-text.js';
import type { RawCell } from '../readers/types.js';
import type { DocBlock } from './docx-reader.js';

export interface DocTextRepair {
  blocks: DocBlock[];
  repaired: number;
  encodings: RepairEncoding[];
}

export function repairDocText(blocks: readonly DocBlock[]): DocTextRepair {
  const cells: RawCell[] = [];
  /** Where each cell's text lives: block index, and row and column for a table cell. */
  const places: { block: number; row: number; col: number }[] = [];
  blocks.forEach((block, b) => {
    if (block.kind === 'paragraph') {
      cells.push({ ref: `A${cells.length + 1}`, row: cells.length + 1, col: 1, value: { kind: 'text', text: block.text } });
      places.push({ block: b, row: -1, col: -1 });
    } else {
      block.rows.forEach((row, r) =>
        row.forEach((text, c) => {
          if (!text) return;
          cells.push({ ref: `A${cells.length + 1}`, row: cells.length + 1, col: 1, value: { kind: 'text', text } });
          places.push({ block: b, row: r, col: c });
        }),
      );
    }
  });
  const result = repairWorkbookText({ sheets: [{ name: 'Word', cells }] });
  if (result.repairs.length === 0) return { blocks: [...blocks], repaired: 0, encodings: [] };
  const out = blocks.map((block) => (block.kind === 'table' ? { ...block, rows: block.rows.map((row) => [...row]) } : { ...block }));
  const fixed = result.workbook.sheets[0]!.cells;
  fixed.forEach((cell, i) => {
    if (cell.value.kind !== 'text') return;
    const place = places[i]!;
    const block = out[place.block]!;
    if (block.kind === 'paragraph') block.text = cell.value.text;
    else block.rows[place.row]![place.col] = cell.value.text;
  });
  return { blocks: out, repaired: result.repairs.length, encodings: [...new Set(result.repairs.map((r) => r.encoding))] };
}

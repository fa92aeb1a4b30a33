/** Differential test: the fast reader must read what exceljs reads, cell for cell, on every workbook we can find. */

import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExceljsReader } from '../../src/readers/exceljs-reader.js';
import { FastXlsxReader } from '../../src/readers/fast-reader.js';
import { sniffWorkbook } from '../../src/readers/sniff.js';
import { UnreadableWorkbookError, parseRef, type CellValue, type RawWorkbook } from '../../src/readers/types.js';
import { decodeOoxmlEscapes } from '../../src/readers/xml.js';
import { cleanText } from '../../src/domain/text.js';
// The benchmark's submission builder doubles as a source of realistic workbooks.
import { buildSubmission } from '../../bench/submission.mjs';
import { CORPUS, FIXTURES, ROOT, isXlsx, listFiles } from './corpus.js';

const fast = new FastXlsxReader();
const reference = new ExceljsReader();

type Outcome = { book: RawWorkbook } | { error: unknown };

async function outcome(read: () => Promise<RawWorkbook> | RawWorkbook): Promise<Outcome> {
  try {
    return { book: await read() };
  } catch (error) {
    return { error };
  }
}

/**
 * exceljs expands every data validation range cell by cell while loading; a validation over whole
 * columns (odd/test-issue-1842.xlsx validates A1:XFD1048576) makes it run for many minutes. Such files
 * are not given to exceljs; the fast reader must still read them or refuse them cleanly.
 */
function validatedCellCount(bytes: Uint8Array): number {
  const sniff = sniffWorkbook(bytes);
  if (!sniff.ok) return 0;
  let total = 0;
  for (const name of sniff.zip.names()) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) continue;
    const xml = Buffer.from(sniff.zip.read(name)!).toString('utf8');
    for (const m of xml.matchAll(/<(?:\w+:)?dataValidation\b[^>]*?\ssqref="([^"]*)"/g)) {
      for (const range of m[1]!.trim().split(/\s+/)) {
        const [a, b] = range.split(':').map((r) => parseRef(r));
        if (!a) continue;
        const end = b ?? a;
        total += (Math.abs(end.row - a.row) + 1) * (Math.abs(end.col - a.col) + 1);
      }
    }
  }
  return total;
}
const EXCELJS_VALIDATION_LIMIT = 1_000_000;

function sameValue(a: CellValue, b: CellValue): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'number': {
      const y = (b as typeof a).number;
      return Math.abs(a.number - y) <= 1e-9 * Math.max(1, Math.abs(a.number));
    }
    case 'date':
      // exceljs goes through a JS Date rounded to the millisecond.
      return Math.abs(a.serial - (b as typeof a).serial) <= 2 / 86_400_000;
    case 'boolean':
      return a.bool === (b as typeof a).bool;
    default:
      return a.text === (b as typeof a).text;
  }
}

/**
 * Known exceljs mistake, accepted narrowly: exceljs reads `<is><t>` of inline strings without decoding
 * the `_xHHHH_` escapes (it does decode them in shared strings), so XlsxWriter's optimize06/07 give
 * "_x0000_" where Excel shows the control character. Accepted only when decoding exceljs's text gives
 * ours (or, for "_x000D_" and the like, blank text that we leave out).
 */
function exceljsMissedEscape(ours: CellValue | undefined, theirs: CellValue): boolean {
  if (theirs.kind !== 'text' || !/_x[0-9A-Fa-f]{4}_/.test(theirs.text)) return false;
  const decoded = cleanText(decodeOoxmlEscapes(theirs.text));
  return ours === undefined ? decoded === '' : ours.kind === 'text' && ours.text === decoded;
}

/**
 * Known exceljs loss, accepted narrowly: a formula whose cached result is empty text (`t="str"` with
 * `<v></v>`, as exceljs itself writes `{ result: '' }`) comes back from exceljs with no result at all. The
 * fast reader reports a formula without a result only when there is no `<v>`, so "nothing" on our side
 * against exceljs's uncomputed formula can only be this case.
 */
function exceljsLostEmptyResult(theirs: CellValue): boolean {
  return theirs.kind === 'formula';
}

/**
 * A difference by design: the workbook declares its cached results out of date (fullCalcOnLoad, manual calculation),
 * so Excel shows other values than the stored ones exceljs returns; danvan reports such a formula as without result.
 */
function staleByDesign(ours: CellValue): boolean {
  return ours.kind === 'formula' && ours.stale === true;
}

/** Every disagreement between the two readers' workbooks, as readable lines (empty when they agree). */
function disagreements(ours: RawWorkbook, theirs: RawWorkbook): string[] {
  const out: string[] = [];
  const names = (b: RawWorkbook) => b.sheets.map((s) => s.name);
  if (JSON.stringify(names(ours)) !== JSON.stringify(names(theirs))) {
    out.push(`sheets ${JSON.stringify(names(ours))} vs exceljs ${JSON.stringify(names(theirs))}`);
    return out;
  }
  ours.sheets.forEach((sheet, i) => {
    const other = new Map(theirs.sheets[i]!.cells.map((c) => [c.ref, c.value]));
    for (const cell of sheet.cells) {
      const value = other.get(cell.ref);
      other.delete(cell.ref);
      if (!value) out.push(`${sheet.name}!${cell.ref}: ${JSON.stringify(cell.value)} vs exceljs nothing`);
      else if (!sameValue(cell.value, value) && !exceljsMissedEscape(cell.value, value) && !staleByDesign(cell.value)) {
        out.push(`${sheet.name}!${cell.ref}: ${JSON.stringify(cell.value)} vs exceljs ${JSON.stringify(value)}`);
      }
    }
    for (const [ref, value] of other) {
      if (!exceljsMissedEscape(undefined, value) && !exceljsLostEmptyResult(value)) out.push(`${sheet.name}!${ref}: nothing vs exceljs ${JSON.stringify(value)}`);
    }
  });
  return out;
}

/** Compares both readers on one file's bytes; returns the problems (empty when all is well). */
async function compare(label: string, bytes: Uint8Array): Promise<string[]> {
  const ours = await outcome(() => fast.read(bytes));
  if ('error' in ours && !(ours.error instanceof UnreadableWorkbookError)) {
    return [`${label}: fast reader threw ${String(ours.error)}`];
  }
  if (validatedCellCount(bytes) > EXCELJS_VALIDATION_LIMIT) return [];
  const theirs = await outcome(() => reference.read(bytes));
  if ('error' in theirs) return []; // exceljs cannot read it: reading or a clean refusal are both fine
  if ('error' in ours) return [`${label}: exceljs reads it, fast reader says ${String(ours.error)}`];
  return disagreements(ours.book, theirs.book).map((line) => `${label}: ${line}`);
}

async function compareFiles(files: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const file of files) problems.push(...(await compare(relative(ROOT, file), readFileSync(file))));
  return problems;
}

describe('FastXlsxReader vs ExceljsReader', () => {
  it('agree on submissions generated here', async () => {
    const problems: string[] = [];
    for (let seed = 1; seed <= 8; seed++) {
      const wb = buildSubmission({ unitCode: `XA_${String(seed).padStart(5, '0')}`, unitName: `Xã Hòa Bình ${seed}`, seed });
      const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
      const book = fast.read(bytes);
      expect(book.sheets.map((s) => s.name)).toEqual(['Thông tin', 'Số liệu', 'Kết quả', 'Hạn chế', 'Nhiệm vụ', 'Kiến nghị', 'Mô hình']);
      problems.push(...(await compare(`generated #${seed}`, bytes)));
    }
    expect(problems).toEqual([]);
  });

  it('agree on every fixture workbook', async () => {
    const files = listFiles(FIXTURES, isXlsx);
    if (files.length === 0) console.warn(`no .xlsx under ${FIXTURES}: only generated workbooks were compared`);
    expect(await compareFiles(files)).toEqual([]);
  });

  it('agree on a deterministic sample of the public corpus', async (ctx) => {
    const all = listFiles(CORPUS, isXlsx);
    if (all.length === 0) {
      console.warn(`public corpus not found at ${CORPUS}: differential corpus test skipped`);
      ctx.skip();
    }
    // Every odd file (each is a different trap) and every 9th of the Excel-written ones: about 150 files.
    // DANVAN_DIFF_ALL=1 compares the whole corpus (a few seconds more).
    const step = process.env['DANVAN_DIFF_ALL'] === '1' ? 1 : 9;
    const odd = all.filter((f) => /[\\/]odd[\\/]/.test(f));
    const rest = all.filter((f) => !/[\\/]odd[\\/]/.test(f)).filter((_, i) => i % step === 0);
    const sample = [...odd, ...rest];
    expect(sample.length).toBeGreaterThan(100);
    expect(await compareFiles(sample)).toEqual([]);
  });
});

/**
 * The workbook-level repair of legacy-encoded Vietnamese (TCVN3, VNI; see `domain/legacy-encoding.ts`): every
 * text cell is read through each legacy table, and a cell is converted to Unicode when its reading is
 * clearly Vietnamese. Runs after reading and before validation, so closed lists, matching and the report
 * all see Unicode; each repair becomes a warning, and the list is kept on the FileResult.
 *
 * When is a cell converted?
 * - on its own, when at least two distinct words become Vietnamese syllables only after conversion and no
 *   word with legacy characters fails to (a "strong" cell);
 * - with the file as context, when at least two strong cells of the file, with four such words in all, are in
 *   one encoding and none in the other: then a short cell ("Kinh tÕ", one such word, none failing) is
 *   converted too (in a file typed with .VnTime fonts, "µ" can only have been "à");
 * - a short cell whose conversion is a value of a closed list (Lĩnh vực, Cấp công nhận) that the text as
 *   typed is not ("Kh¸c" → "Khác").
 * A word already a Vietnamese syllable as typed never counts for conversion, so Unicode text such as "Khác" or
 * "Ghi chú" (only Latin-1 letters) is left alone, even in a file typed in TCVN3.
 */
import { FIELDS, MODEL_FIELDS, RECOGNITION_LEVELS, matchClosed } from '../domain/fields.js';
import { cannotBeLegacy, readText, type LegacyEncoding, type LegacyReading } from '../domain/legacy-encoding.js';
import type { Issue } from '../diagnostics/issue.js';
import { msg } from '../messages/vi.js';
import type { RawCell, RawWorkbook } from '../readers/types.js';

/** How a repaired cell was typed: TCVN3 for .VnTime, TCVN3 in capitals for .VnTimeH, or VNI-Windows. */
export type RepairEncoding = 'tcvn3' | 'tcvn3-caps' | 'vni';

export interface TextRepair {
  sheet: string;
  cell: string;
  encoding: RepairEncoding;
  /** The text as read from the file, and as converted. */
  before: string;
  after: string;
}

export interface WorkbookTextRepair {
  /** The same workbook when nothing was repaired; otherwise a copy with the repaired cells replaced. */
  workbook: RawWorkbook;
  repairs: TextRepair[];
  /** The encoding the file as a whole was typed in, when its long texts say so; null otherwise. */
  fileEncoding: LegacyEncoding | null;
}

/** Distinct words that only make sense converted, for one cell to be repaired on its own. */
export const STRONG_CELL_WORDS = 2;
/** Strong cells, and such words over them, for the whole file to count as typed in one encoding. */
export const FILE_CELLS = 2;
export const FILE_WORDS = 4;

const CLOSED_LISTS: readonly (readonly string[])[] = [FIELDS, MODEL_FIELDS, RECOGNITION_LEVELS];

interface Candidate {
  sheet: number;
  index: number;
  text: string;
  /** Readings with something to repair and nothing against them. */
  readings: LegacyReading[];
}

export function repairWorkbookText(workbook: RawWorkbook): WorkbookTextRepair {
  const candidates: Candidate[] = [];
  workbook.sheets.forEach((sheet, s) => {
    sheet.cells.forEach((cell, index) => {
      if (cell.value.kind !== 'text') return;
      const text = cell.value.text;
      if (cannotBeLegacy(text)) return;
      const readings = (['tcvn3', 'vni'] as const).map((e) => readText(text, e)).filter((r) => r.bad === 0 && r.good > 0);
      if (readings.length) candidates.push({ sheet: s, index, text, readings });
    });
  });
  if (candidates.length === 0) return { workbook, repairs: [], fileEncoding: null };

  const evidence: Record<LegacyEncoding, number> = { tcvn3: 0, vni: 0 };
  const strongCells: Record<LegacyEncoding, number> = { tcvn3: 0, vni: 0 };
  for (const c of candidates) {
    for (const r of c.readings) {
      if (r.good < STRONG_CELL_WORDS) continue;
      evidence[r.encoding] += r.good;
      strongCells[r.encoding] += 1;
    }
  }
  let fileEncoding: LegacyEncoding | null = null;
  const typedIn = (e: LegacyEncoding, other: LegacyEncoding) => strongCells[e] >= FILE_CELLS && evidence[e] >= FILE_WORDS && strongCells[other] === 0;
  if (typedIn('tcvn3', 'vni')) fileEncoding = 'tcvn3';
  else if (typedIn('vni', 'tcvn3')) fileEncoding = 'vni';

  const repairs: TextRepair[] = [];
  const replaced = new Map<number, Map<number, RawCell>>();
  for (const c of candidates) {
    const reading = chooseReading(c, fileEncoding);
    if (!reading || reading.text === c.text) continue;
    const sheet = workbook.sheets[c.sheet]!;
    const cell = sheet.cells[c.index]!;
    let cells = replaced.get(c.sheet);
    if (!cells) replaced.set(c.sheet, (cells = new Map()));
    cells.set(c.index, { ...cell, value: { kind: 'text', text: reading.text } });
    repairs.push({
      sheet: sheet.name,
      cell: cell.ref,
      encoding: reading.encoding === 'vni' ? 'vni' : reading.capitals ? 'tcvn3-caps' : 'tcvn3',
      before: c.text,
      after: reading.text,
    });
  }
  if (repairs.length === 0) return { workbook, repairs, fileEncoding };
  const sheets = workbook.sheets.map((sheet, s) => {
    const cells = replaced.get(s);
    return cells ? { ...sheet, cells: sheet.cells.map((cell, i) => cells.get(i) ?? cell) } : sheet;
  });
  return { workbook: { ...workbook, sheets }, repairs, fileEncoding };
}

function chooseReading(c: Candidate, fileEncoding: LegacyEncoding | null): LegacyReading | undefined {
  const strong = c.readings.filter((r) => r.good >= STRONG_CELL_WORDS);
  if (strong.length === 1) return strong[0];
  if (strong.length > 1) return fileEncoding ? strong.find((r) => r.encoding === fileEncoding) : undefined;
  if (fileEncoding) {
    const inFileEncoding = c.readings.find((r) => r.encoding === fileEncoding);
    if (inFileEncoding) return inFileEncoding;
  }
  // A closed-list value that matches only once converted.
  const matching = c.readings.filter(
    (r) => CLOSED_LISTS.some((list) => matchClosed(list, r.text) !== undefined) && !CLOSED_LISTS.some((list) => matchClosed(list, c.text) !== undefined),
  );
  return matching.length === 1 ? matching[0] : undefined;
}

/**
 * The warnings for the repairs: one per cell; when the whole file was typed in a legacy encoding, one per
 * sheet instead, listing the cells.
 */
export function legacyTextWarnings(result: WorkbookTextRepair): Issue[] {
  const { repairs, fileEncoding } = result;
  if (repairs.length === 0) return [];
  if (!fileEncoding) {
    return repairs.map((r) => ({
      code: 'text.legacy-encoding',
      severity: 'warning' as const,
      sheet: r.sheet,
      cell: r.cell,
      message: msg.legacyRepaired(r.encoding, r.before, r.after),
    }));
  }
  const bySheet = new Map<string, TextRepair[]>();
  for (const r of repairs) {
    const list = bySheet.get(r.sheet) ?? [];
    list.push(r);
    bySheet.set(r.sheet, list);
  }
  return [...bySheet].map(([sheet, list]) => ({
    code: 'text.legacy-encoding',
    severity: 'warning' as const,
    sheet,
    cell: null,
    message: msg.legacyRepairedSheet([...new Set(list.map((r) => r.encoding))], list.map((r) => r.cell)),
  }));
}

/**
 * One Word report made into the form's content: who and when, the items under their fields, limitations and
 * causes, tasks with deadlines, proposals with addressees, the figures of its table; a note of origin for every
 * cell filled, and the list of what needs a person. Pure: blocks in, content out (or an ImportRefusal).
 */
import type { UnitEntry } from '../config/schema.js';
import type { Indicator } from '../domain/catalogue.js';
import type { Field } from '../domain/fields.js';
import { INFO_ROW } from '../form/info-sheet.js';
import { FIGURE_COLUMN, figureRows } from '../form/figures-sheet.js';
import { FIRST_DATA_ROW } from '../form/sheet-frame.js';
import type { FormContent } from '../form/types.js';
import { SHEET } from '../domain/form-layout.js';
import { periodLabel, type Period } from '../domain/period.js';
import { findUnitsByName, nameAgreement } from '../domain/unit-name.js';
import { foldKey } from '../domain/text.js';
import { LEGACY_ENCODING_NAME, nhapMsg } from '../messages/vi.js';
import { formatNumber } from '../render/format.js';
import { addresseeOf, addresseeOfHeading, deadlineOf, withoutDeadline } from './details.js';
import type { DocBlock, DocxContent } from './docx-reader.js';
import { offerSentenceFigures, readFigureTables } from './figures.js';
import { readFrame } from './header.js';
import { fieldOfHeading } from './headings.js';
import { repairDocText } from './legacy.js';
import { readOutline, type OutlineItem } from './outline.js';
import { ImportRefusal } from './refusal.js';

export interface CellNote {
  sheet: string;
  cell: string;
  text: string;
}

export type ReviewKind =
  | 'unit'
  | 'period'
  | 'date'
  | 'unknown-heading'
  | 'unknown-part'
  | 'field-guessed'
  | 'causes'
  | 'skipped-part'
  | 'unplaced-row'
  | 'offered-figure'
  | 'legacy-text';

export interface ReviewItem {
  kind: ReviewKind;
  message: string;
  /** Where in the Word file: "Đoạn 12", "Bảng 2, dòng 5", or "". */
  where: string;
}

export interface ImportCounts {
  results: number;
  limitations: number;
  causes: number;
  tasks: number;
  proposals: number;
  figures: number;
  offered: number;
  unplaced: number;
}

export interface ImportedReport {
  unit: { code: string; name: string } | null;
  /** The unit's name as the header gives it. */
  unitRead: string;
  period: Period | null;
  reportDate: Date | null;
  head: string | null;
  content: FormContent;
  notes: CellNote[];
  review: ReviewItem[];
  counts: ImportCounts;
  offered: { code: string; value: number; sentence: string; paragraph: number }[];
  unplaced: { label: string; value: string; reason: string; candidates: string[]; table: number; row: number }[];
}

export interface ImportContext {
  /** The file's name as shown to the user (notes cite it). */
  fileName: string;
  registry: readonly UnitEntry[];
  catalogue: readonly Indicator[];
  /** --ky: the period of a title that names none. */
  period?: Period;
}

function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.(docx|doc)$/i, '');
}

/**
 * The names the header's lines may be read as, most likely first: the issuing body under the body above it
 * ("BAN DÂN VẬN" under "HUYỆN ỦY ĐÔNG HÒA"), the lines top down ("ỦY BAN MTTQ VIỆT NAM" over "TỈNH BÌNH SƠN"),
 * adjacent pairs, then each line alone.
 */
export function headerNames(lines: readonly string[]): string[] {
  const out: string[] = [];
  const add = (text: string) => {
    const name = text.replace(/\s+/g, ' ').trim();
    if (name && !out.includes(name)) out.push(name);
  };
  add([...lines].reverse().join(' '));
  add(lines.join(' '));
  for (let i = lines.length - 1; i > 0; i--) {
    add(`${lines[i]} ${lines[i - 1]}`);
    add(`${lines[i - 1]} ${lines[i]}`);
  }
  for (let i = lines.length - 1; i >= 0; i--) add(lines[i]!);
  return out;
}

/** Issuing lines that name no organisation by themselves: they are the organ of the body named on the line above. */
const GENERIC_ISSUERS = new Set(['bandanvan', 'bantuyengiaovadanvan', 'banthuongvu', 'banchaphanh', 'thuongtruc', 'banthuongtruc']);

/** A line that only names a place ("TỈNH BÌNH SƠN", "HUYỆN ĐÔNG HÒA"): the end of the name on the line above. */
const PLACE_ONLY = /^(?:VIỆT NAM\s+)?(?:TỈNH|HUYỆN|THÀNH PHỐ|THỊ XÃ|THỊ TRẤN|XÃ|QUẬN|PHƯỜNG)\s+(?!ỦY|UỶ|ĐOÀN|ĐỘI)\S/iu;

/**
 * The issuing body's lines: the lowest name line of the header (the lines above it are superior bodies), with
 * the line above when the lowest one names no organisation by itself ("BAN DÂN VẬN", "TỈNH BÌNH SƠN").
 */
export function issuingLines(lines: readonly string[]): { lines: string[]; generic: boolean } {
  if (lines.length === 0) return { lines: [], generic: false };
  const last = lines[lines.length - 1]!;
  const generic = GENERIC_ISSUERS.has(foldKey(last).replace(/\s/g, '')) || PLACE_ONLY.test(last.normalize('NFC'));
  if (generic && lines.length >= 2) return { lines: lines.slice(-2), generic: true };
  return { lines: [last], generic };
}

/**
 * The unit of the report, read from the issuing body only (never from a superior body above it): the first
 * reading of the issuing lines that names exactly one registered unit, the file's name choosing among several;
 * else the file's name, unless the issuing body names another organisation. Only domain/unit-name.ts decides
 * whether names agree.
 */
function findUnit(lines: readonly string[], ctx: ImportContext, review: ReviewItem[]): { unit: UnitEntry | null; how: string; name: string } {
  const issuing = issuingLines(lines);
  const names = headerNames(issuing.lines);
  // Shown as the header reads, top down, whichever reading found the unit.
  const shown = lines.join(' ').replace(/\s+/g, ' ').trim();
  const issuer = issuing.lines.join(' ').replace(/\s+/g, ' ').trim();
  if (ctx.registry.length === 0) {
    review.push({ kind: 'unit', message: nhapMsg.review.noRegistry, where: nhapMsg.where.header });
    return { unit: null, how: '', name: issuer };
  }
  const byFile = findUnitsByName(baseName(ctx.fileName), ctx.registry);
  const disagrees = (unit: UnitEntry) => names.length > 0 && names.every((name) => nameAgreement(name, unit.name) === 'different');
  let several: UnitEntry[] = [];
  for (const name of names) {
    const found = findUnitsByName(name, ctx.registry);
    if (found.length === 1 && !disagrees(found[0]!)) return { unit: found[0]!, how: nhapMsg.how.byHeader, name: shown };
    if (found.length > 1 && several.length === 0) several = found;
  }
  // Several units the issuing body may be: the file's name chooses when it names one of them.
  const chosen = several.filter((unit) => byFile.includes(unit));
  if (chosen.length === 1) return { unit: chosen[0]!, how: nhapMsg.how.byFileName, name: shown };
  if (several.length === 0 && byFile.length === 1) {
    const unit = byFile[0]!;
    // The issuing body names another organisation: never the file's unit, never a superior body's.
    if (disagrees(unit)) {
      review.push({ kind: 'unit', message: nhapMsg.review.unitOther(issuer, `${unit.code} (${unit.name})`), where: nhapMsg.where.header });
      return { unit: null, how: '', name: issuer };
    }
    review.push({ kind: 'unit', message: nhapMsg.review.unitByFileName(`${unit.code} (${unit.name})`), where: nhapMsg.where.fileName });
    return { unit, how: nhapMsg.how.byFileName, name: shown };
  }
  if (several.length === 0 && byFile.length > 1) several = byFile;
  if (several.length > 1) review.push({ kind: 'unit', message: nhapMsg.review.unitAmbiguous(issuer || baseName(ctx.fileName), several.map((u) => u.code)), where: nhapMsg.where.header });
  else review.push({ kind: 'unit', message: nhapMsg.review.unitNotFound(issuer), where: nhapMsg.where.header });
  return { unit: null, how: '', name: issuer };
}

function scanned(content: DocxContent): boolean {
  return content.pictures > 0 && !content.blocks.some((b) => (b.kind === 'paragraph' ? /\p{L}{2}/u.test(b.text) : b.rows.some((r) => r.some((c) => /\p{L}{2}/u.test(c)))));
}

export function importReport(doc: DocxContent, ctx: ImportContext): ImportedReport {
  if (scanned(doc)) throw new ImportRefusal('scanned');
  const review: ReviewItem[] = [];
  const repair = repairDocText(doc.blocks);
  const blocks: DocBlock[] = repair.blocks;
  if (repair.repaired) {
    review.push({ kind: 'legacy-text', message: nhapMsg.review.legacy(repair.repaired, repair.encodings.map((e) => LEGACY_ENCODING_NAME[e]).join(', ')), where: '' });
  }
  const frame = readFrame(blocks);
  if (!frame) throw new ImportRefusal(doc.pictures > 0 && blocks.length < 5 ? 'scanned' : 'not-a-report');
  if (frame.kind === 'plan') throw new ImportRefusal('plan', frame.subject);
  if (frame.kind === 'decision') throw new ImportRefusal('decision', frame.subject);
  if (frame.kind === 'other') throw new ImportRefusal('other-kind', frame.kindWord);

  const outline = readOutline(blocks.slice(frame.bodyStart, frame.bodyEnd));
  // Figures tables sit in the body or after the signature, as an appendix ("Biểu số liệu kèm theo").
  const tables = blocks.slice(frame.bodyStart).filter((b) => b.kind === 'table');
  const figureReading = readFigureTables(tables, ctx.catalogue);
  // Nothing to import: pages scanned as pictures under a typed title, or no report at all.
  if (outline.items.length === 0 && figureReading.placed.length === 0) throw new ImportRefusal(doc.pictures > 0 ? 'scanned' : 'not-a-report');

  const notes: CellNote[] = [];
  const file = ctx.fileName;

  // Who.
  const { unit, how, name: unitRead } = findUnit(frame.unitLines, ctx, review);
  notes.push({ sheet: SHEET.info, cell: `B${INFO_ROW.unitCode}`, text: nhapMsg.note.unit(file, unitRead, how) });

  // When.
  let period = frame.period;
  if (!period && ctx.period) period = ctx.period;
  else if (!period) review.push({ kind: 'period', message: nhapMsg.review.noPeriod, where: nhapMsg.where.title });
  else if (ctx.period && periodLabel(ctx.period) !== periodLabel(period)) {
    review.push({ kind: 'period', message: nhapMsg.review.periodDiffers(frame.periodText, periodLabel(ctx.period)), where: nhapMsg.where.title });
  }
  if (period) notes.push({ sheet: SHEET.info, cell: `B${INFO_ROW.period}`, text: nhapMsg.note.period(file, frame.period ? frame.periodText : '') });
  if (frame.reportDate) notes.push({ sheet: SHEET.info, cell: `B${INFO_ROW.reportDate}`, text: nhapMsg.note.date(file, frame.dateText) });
  else review.push({ kind: 'date', message: nhapMsg.review.noDate, where: nhapMsg.where.header });
  if (frame.head) notes.push({ sheet: SHEET.info, cell: `B${INFO_ROW.head}`, text: nhapMsg.note.head(file) });

  // The items.
  const content: FormContent = {
    info: {
      ...(unit ? { unitCode: unit.code, unitName: unit.name } : unitRead ? { unitName: unitRead } : {}),
      ...(period ? { period: periodLabel(period) } : {}),
      ...(frame.reportDate ? { reportDate: frame.reportDate } : {}),
      ...(frame.head ? { head: frame.head } : {}),
    },
    results: [],
    limitations: [],
    tasks: [],
    proposals: [],
  };
  const of = (target: OutlineItem['target']) => outline.items.filter((i) => i.target === target);
  let guessed = 0;
  const fieldFor = (item: OutlineItem): { field: Field; note: string | null } => {
    if (item.field) return { field: item.field, note: null };
    if (item.unknownHeading) return { field: 'Khác', note: nhapMsg.note.fieldUnknown(item.unknownHeading) };
    guessed++;
    return { field: fieldOfHeading(item.text) ?? 'Khác', note: nhapMsg.note.fieldGuessed };
  };
  const originNote = (item: OutlineItem) => nhapMsg.note.origin(file, item.origin.part, item.origin.heading, item.origin.paragraph);
  const placeRow = (sheet: string, index: number, contentColumn: string, item: OutlineItem, fieldNote: string | null, fieldColumn = 'B') => {
    const row = FIRST_DATA_ROW + index;
    notes.push({ sheet, cell: `${contentColumn}${row}`, text: originNote(item) });
    if (fieldNote) notes.push({ sheet, cell: `${fieldColumn}${row}`, text: fieldNote });
    return row;
  };

  for (const item of of('results')) {
    const { field, note } = fieldFor(item);
    placeRow(SHEET.results, content.results!.length, 'C', item, note);
    content.results!.push({ field, content: item.text });
  }
  const limitations = of('limitations');
  const allCauses = of('causes');
  // Causes written under a limitation ("Nguyên nhân: …") go beside the limitations they explain.
  const inlineCauses = allCauses.filter((c) => c.causeOf);
  const causes = allCauses.filter((c) => !c.causeOf);
  for (const item of limitations) {
    const { field, note } = fieldFor(item);
    placeRow(SHEET.limitations, content.limitations!.length, 'C', item, note);
    content.limitations!.push({ field, content: item.text });
  }
  for (const cause of inlineCauses) {
    for (const rowIndex of cause.causeOf!) {
      const row = content.limitations![rowIndex];
      if (!row) continue;
      row.cause = row.cause ? `${row.cause}\n${cause.text}` : cause.text;
      const cell = `D${FIRST_DATA_ROW + rowIndex}`;
      const existing = notes.find((n) => n.sheet === SHEET.limitations && n.cell === cell);
      const text = originNote(cause);
      if (existing) existing.text = `${existing.text}\n\n${text}`;
      else notes.push({ sheet: SHEET.limitations, cell, text });
    }
  }
  if (causes.length) {
    // Causes sit beside limitations in the form: in order, the extra ones with the last limitation.
    if (content.limitations!.length === 0) {
      review.push({ kind: 'causes', message: nhapMsg.review.causesOnly(causes.length), where: '' });
    } else if (causes.length !== content.limitations!.length || causes.length > 1) {
      review.push({ kind: 'causes', message: nhapMsg.review.causesPaired(content.limitations!.length, causes.length), where: '' });
    }
    causes.forEach((cause, i) => {
      const rowIndex = Math.min(i, Math.max(0, content.limitations!.length - 1));
      if (content.limitations!.length === 0) content.limitations!.push({ field: 'Khác', content: '' });
      const row = content.limitations![rowIndex]!;
      row.cause = row.cause ? `${row.cause}\n${cause.text}` : cause.text;
      const cell = `D${FIRST_DATA_ROW + rowIndex}`;
      const existing = notes.find((n) => n.sheet === SHEET.limitations && n.cell === cell);
      const text = `${originNote(cause)}${causes.length > 1 ? `\n${nhapMsg.note.causePaired}` : ''}`;
      if (existing) existing.text = `${existing.text}\n\n${text}`;
      else notes.push({ sheet: SHEET.limitations, cell, text });
    });
  }
  for (const item of of('tasks')) {
    const { field, note } = fieldFor(item);
    const row = placeRow(SHEET.tasks, content.tasks!.length, 'C', item, note);
    const deadline = deadlineOf(item.text);
    if (deadline) notes.push({ sheet: SHEET.tasks, cell: `D${row}`, text: nhapMsg.note.deadline });
    // The deadline has its own column: the phrase it was read from leaves the task's text.
    content.tasks!.push({ field, content: deadline ? withoutDeadline(item.text) : item.text, ...(deadline ? { deadline } : {}) });
  }
  for (const item of of('proposals')) {
    const row = placeRow(SHEET.proposals, content.proposals!.length, 'B', item, null);
    // "Đề nghị <cơ quan> …" in the item, else the sub-heading it sits under ("Đối với Tỉnh ủy:").
    const own = addresseeOf(item.text);
    const addressee = own ?? addresseeOfHeading(item.origin.heading);
    if (addressee) notes.push({ sheet: SHEET.proposals, cell: `C${row}`, text: own ? nhapMsg.note.addressee : nhapMsg.note.addresseeFromHeading(item.origin.heading) });
    content.proposals!.push({ content: item.text, ...(addressee ? { addressee } : {}) });
  }
  if (guessed) review.push({ kind: 'field-guessed', message: nhapMsg.review.fieldGuessed(guessed), where: '' });

  const headingCounts = new Map<string, { paragraph: number; count: number }>();
  for (const item of outline.items) {
    if (!item.unknownHeading || item.field) continue;
    const seen = headingCounts.get(item.unknownHeading) ?? { paragraph: item.origin.paragraph, count: 0 };
    seen.count++;
    headingCounts.set(item.unknownHeading, seen);
  }
  const unknownParts = new Set(outline.unknownParts.map((p) => p.text));
  for (const [heading, { paragraph, count }] of headingCounts) {
    const isPart = unknownParts.has(heading);
    review.push({
      kind: isPart ? 'unknown-part' : 'unknown-heading',
      message: isPart ? nhapMsg.review.unknownPart(heading, count) : nhapMsg.review.unknownHeading(heading, count),
      where: nhapMsg.where.paragraph(paragraph),
    });
  }
  for (const part of outline.skippedParts) {
    if (part.items) review.push({ kind: 'skipped-part', message: nhapMsg.review.skippedPart(part.text, part.items), where: nhapMsg.where.paragraph(part.paragraph) });
  }

  // Figures: the table's rows that name one indicator; numbers in sentences only offered.
  const rows = figureRows(ctx.catalogue);
  content.figures = {};
  content.figureNotes = {};
  for (const figure of figureReading.placed) {
    content.figures[figure.code] = figure.value;
    notes.push({ sheet: SHEET.figures, cell: `${FIGURE_COLUMN.value}${rows.get(figure.code)}`, text: nhapMsg.note.table(file, figure.table, figure.row, figure.label) });
  }
  for (const row of figureReading.unplaced) {
    review.push({ kind: 'unplaced-row', message: nhapMsg.review.unplaced(row.label, row.value, row.reason, row.candidates), where: nhapMsg.where.tableRow(row.table, row.row) });
  }
  const resultParagraphs = of('results').map((item) => ({ text: item.text, paragraph: item.origin.paragraph }));
  const offers = offerSentenceFigures(resultParagraphs, ctx.catalogue, new Set(figureReading.placed.map((p) => p.code)));
  for (const offer of offers) {
    const value = formatNumber(offer.value, Number.isInteger(offer.value) ? 0 : 2);
    const line = nhapMsg.note.offered(value, offer.sentence);
    content.figureNotes[offer.code] = content.figureNotes[offer.code] ? `${content.figureNotes[offer.code]}\n${line}` : line;
    review.push({ kind: 'offered-figure', message: nhapMsg.review.offered(offer.code, value, offer.sentence), where: nhapMsg.where.paragraph(offer.paragraph) });
  }

  return {
    unit: unit ? { code: unit.code, name: unit.name } : null,
    unitRead,
    period,
    reportDate: frame.reportDate,
    head: frame.head,
    content,
    notes,
    review,
    counts: {
      results: content.results!.length,
      limitations: limitations.length,
      causes: allCauses.length,
      tasks: content.tasks!.length,
      proposals: content.proposals!.length,
      figures: figureReading.placed.length,
      offered: offers.length,
      unplaced: figureReading.unplaced.length,
    },
    offered: offers,
    unplaced: figureReading.unplaced,
  };
}


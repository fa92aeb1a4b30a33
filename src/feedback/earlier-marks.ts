/**
 * A unit that fixes its annotated copy and sends it back sends danvan's marks back too. Before a new copy is
 * annotated, the marks of an earlier one are taken out, so that the unit sees only what is still wrong:
 *  - the summary sheet (named "Kết quả kiểm tra" or "… (n)", with danvan's title in A1), its part, relationship,
 *    content type and the defined names local to it;
 *  - the highlight rules (one always-true rule whose format is one of danvan's two colours);
 *  - danvan's notes: a note that is danvan's alone goes with its shape, a unit's note keeps its own text.
 * Everything else stays as the unit saved it.
 */
import { cleanText } from '../domain/text.js';
import { feedbackMsg } from '../messages/vi.js';
import type { RawWorkbook } from '../readers/types.js';
import { CLOSE, END, OPEN, XmlScanner, attrValue } from '../readers/xml.js';
import { NOTE_AUTHOR } from './comments-part.js';
import { applyEdits, escapeXml, scanTop, type OoxmlPackage, type TextEdit } from './ooxml-package.js';
import { COLORS } from './styles-part.js';

export interface EarlierMarks {
  sheets: number;
  highlights: number;
  notes: number;
}

const SUMMARY_NAME = new RegExp(`^${feedbackMsg.sheetName}( \\(\\d+\\))?$`);
const DANVAN_RUN = new RegExp(`^\\s*${NOTE_AUTHOR}:`);
/** The always-true formula as danvan writes it (TRUE), as LibreOffice saves it back (1), or TRUE(). */
const ALWAYS = /<(?:[\w.-]+:)?formula>\s*(?:TRUE(?:\(\))?|1)\s*<\//i;
/** Line breaks a re-save moved from the start of danvan's run to the end of the unit's text. */
const TRAILING_BREAKS = /(?:&#10;|&#x[aA];|&#13;|&#x[dD];|\r|\n)+$/;

/** Indices of the differential formats that are danvan's highlights (an Excel or LibreOffice re-save keeps the colours). */
function danvanDxfs(pkg: OoxmlPackage, stylesPart: string | undefined): Set<number> {
  const ours = new Set<number>();
  const xml = stylesPart ? pkg.text(stylesPart) : undefined;
  if (!xml) return ours;
  const root = scanTop(xml);
  const dxfs = root.top.find((e) => e.name === 'dxfs');
  if (!dxfs || dxfs.selfClosing) return ours;
  const inner = xml.slice(dxfs.openEnd, dxfs.closeStart);
  const items = inner.match(/<(?:[\w.-]+:)?dxf\b(?:[^>]*\/>|[\s\S]*?<\/(?:[\w.-]+:)?dxf>)/g) ?? [];
  items.forEach((dxf, i) => {
    const upper = dxf.toUpperCase();
    const error = upper.includes(COLORS.errorFill.slice(2)) && upper.includes(COLORS.errorText.slice(2));
    const warning = upper.includes(COLORS.warningFill.slice(2)) && upper.includes(COLORS.warningText.slice(2));
    if (error || warning) ours.add(i);
  });
  return ours;
}

interface WorkbookSheet {
  name: string;
  relId: string | undefined;
  start: number;
  end: number;
  selfClosing: boolean;
}

/**
 * Removes an earlier copy's marks from the package in place. `book` is the package as the fast reader read it
 * (to recognise the summary sheet by its title); `sheetParts` maps each sheet name of workbook.xml to its part.
 */
export function removeEarlierMarks(pkg: OoxmlPackage, workbookPart: string, book: RawWorkbook | undefined, stylesPart: string | undefined): EarlierMarks {
  const marks: EarlierMarks = { sheets: 0, highlights: 0, notes: 0 };
  const rels = pkg.relationships(workbookPart);
  const relById = new Map(rels.map((rel) => [rel.id, rel]));

  // 1. Summary sheets of earlier copies.
  const workbookXml = pkg.text(workbookPart);
  if (workbookXml !== undefined && book) {
    const sheets: WorkbookSheet[] = [];
    const names: { start: number; end: number; local: number; tag: string }[] = [];
    scanTop(workbookXml, (s, depth) => {
      if (depth === 2 && s.name === 'sheet') {
        sheets.push({ name: attrValue(s.attrs, 'name') ?? '', relId: attrValue(s.attrs, 'id', true), start: s.tagStart, end: s.tagEnd, selfClosing: s.selfClosing });
      } else if (depth === 2 && s.name === 'definedName') {
        const start = s.tagStart;
        const tag = workbookXml.slice(s.tagStart, s.tagEnd);
        const local = attrValue(s.attrs, 'localSheetId');
        if (!s.selfClosing) s.skipElement();
        if (local !== undefined && /^\d+$/.test(local)) names.push({ start, end: s.tagEnd, local: Number(local), tag });
      }
    });
    const isSummary = (sheet: WorkbookSheet) => {
      if (!sheet.selfClosing || !SUMMARY_NAME.test(cleanText(sheet.name))) return false;
      const rel = sheet.relId ? relById.get(sheet.relId) : undefined;
      if (!rel || rel.external || !rel.type.endsWith('/worksheet')) return false;
      const read = book.sheets.find((s) => s.name === cleanText(sheet.name));
      const a1 = read?.cells.find((c) => c.row === 1 && c.col === 1)?.value;
      return a1?.kind === 'text' && a1.text === feedbackMsg.title;
    };
    const removed = sheets.map((sheet, i) => (isSummary(sheet) ? i : -1)).filter((i) => i >= 0);
    // Never every sheet: a workbook must keep one.
    if (removed.length && removed.length < sheets.length) {
      const edits: TextEdit[] = removed.map((i) => ({ start: sheets[i]!.start, end: sheets[i]!.end, text: '' }));
      for (const name of names) {
        if (removed.includes(name.local)) edits.push({ start: name.start, end: name.end, text: '' });
        else {
          const shift = removed.filter((i) => i < name.local).length;
          if (shift) edits.push({ start: name.start, end: name.start + name.tag.length, text: name.tag.replace(/(\blocalSheetId\s*=\s*["'])\d+/, `$1${name.local - shift}`) });
        }
      }
      pkg.setText(workbookPart, applyEdits(workbookXml, edits));
      for (const i of removed) {
        const rel = relById.get(sheets[i]!.relId!)!;
        pkg.removeRelationship(workbookPart, rel.id);
        pkg.remove(rel.part);
      }
      marks.sheets = removed.length;
    }
  }

  // 2. Highlights and notes on the remaining worksheets.
  const ours = danvanDxfs(pkg, stylesPart);
  for (const rel of pkg.relationships(workbookPart)) {
    if (rel.external || !rel.type.endsWith('/worksheet') || !pkg.has(rel.part)) continue;
    const xml = pkg.text(rel.part)!;
    let legacyDrawingId: string | undefined;
    const root = scanTop(xml, (s, depth) => {
      if (depth === 1 && s.name === 'legacyDrawing') legacyDrawingId = attrValue(s.attrs, 'id', true);
    });
    const edits: TextEdit[] = [];
    for (const element of root.top) {
      if (element.name !== 'conditionalFormatting' || ours.size === 0) continue;
      const text = xml.slice(element.start, element.end);
      const rules = text.match(/<(?:[\w.-]+:)?cfRule\b[^>]*>/g) ?? [];
      const dxfId = rules.length === 1 ? /\bdxfId\s*=\s*"(\d+)"/.exec(rules[0]!)?.[1] : undefined;
      if (dxfId !== undefined && ours.has(Number(dxfId)) && ALWAYS.test(text)) {
        edits.push({ start: element.start, end: element.end, text: '' });
        marks.highlights += 1;
      }
    }
    if (edits.length) pkg.setText(rel.part, applyEdits(xml, edits));
    marks.notes += removeNotes(pkg, rel.part, legacyDrawingId);
  }
  return marks;
}

interface NoteRun {
  /** Where the run starts and ends in the part (for a plain note, where its text content does). */
  start: number;
  end: number;
  /** Its decoded text. */
  text: string;
}

/** A line of danvan's note: its marker, a problem ("Lỗi: …", "Lưu ý: …"), or a blank line between them. */
const DANVAN_PROBLEM = /^(?:Lỗi|Lưu ý): /;

/**
 * The note without danvan's part: the "danvan:" line and the problem lines after it. The unit's own text before
 * it stays, and so does whatever the unit typed after it (a reply typed into danvan's note is the unit's).
 */
export function withoutDanvanLines(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (!DANVAN_RUN.test(lines[i]!)) {
      out.push(lines[i]!);
      continue;
    }
    // The blank lines that set danvan's part apart from the unit's text go with it.
    while (out.length && out[out.length - 1]!.trim() === '') out.pop();
    let j = i + 1;
    while (j < lines.length && (DANVAN_PROBLEM.test(lines[j]!) || (lines[j]!.trim() === '' && j + 1 < lines.length && DANVAN_PROBLEM.test(lines[j + 1]!)))) j += 1;
    while (j < lines.length && lines[j]!.trim() === '') j += 1;
    i = j - 1;
  }
  return out.join('\n');
}

/** How to take danvan's part out of one note: nothing to do ([]), the whole note, or edits to its text. */
function planNote(comment: { runs: NoteRun[]; plain?: NoteRun; prefix: string }, xml: string): TextEdit[] | 'whole' {
  const p = comment.prefix;
  if (comment.plain) {
    const kept = withoutDanvanLines(comment.plain.text);
    if (kept === comment.plain.text) return [];
    if (kept.trim() === '') return 'whole';
    return [{ start: comment.plain.start, end: comment.plain.end, text: escapeXml(kept) }];
  }
  const marker = comment.runs.findIndex((r) => DANVAN_RUN.test(r.text));
  if (marker < 0) return [];
  const fromMarker = comment.runs.slice(marker).map((r) => r.text).join('');
  const reply = withoutDanvanLines(fromMarker).replace(/^\s+/, '');
  if (marker === 0 && reply.trim() === '') return 'whole';
  const edits: TextEdit[] = [
    {
      start: comment.runs[marker]!.start,
      end: comment.runs[comment.runs.length - 1]!.end,
      // What the unit typed into danvan's note is kept, in a plain run of its own.
      text: reply.trim() === '' ? '' : `<${p}r><${p}t xml:space="preserve">${escapeXml(`${marker > 0 ? '\n' : ''}${reply}`)}</${p}t></${p}r>`,
    },
  ];
  // The unit's text ends where it ended before danvan's note was added to it.
  if (marker > 0) {
    const before = xml.slice(comment.runs[0]!.start, comment.runs[marker]!.start);
    const close = before.search(/<\/(?:[\w.-]+:)?t>\s*<\/(?:[\w.-]+:)?r>\s*$/);
    if (close >= 0) {
      const breaks = TRAILING_BREAKS.exec(before.slice(0, close));
      const at = comment.runs[0]!.start + close;
      if (breaks) edits.push({ start: at - breaks[0].length, end: at, text: '' });
    }
  }
  return edits;
}

/** Takes danvan's notes out of a sheet's comments part (and their shapes out of its VML drawing). */
function removeNotes(pkg: OoxmlPackage, sheetPart: string, legacyDrawingId: string | undefined): number {
  const rels = pkg.relationships(sheetPart);
  const comments = rels.find((rel) => !rel.external && rel.type.endsWith('/comments') && pkg.has(rel.part));
  if (!comments) return 0;
  const xml = pkg.text(comments.part)!;
  const s = new XmlScanner(xml);
  const edits: TextEdit[] = [];
  const gone: { row: number; col: number }[] = [];
  // A note's text as runs (Excel's notes) or as one plain text (openpyxl's), with where each lies in the part.
  let comment: { start: number; ref: string; runs: NoteRun[]; plain?: NoteRun; prefix: string } | undefined;
  let run: NoteRun | undefined;
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t === OPEN) {
      if (s.name === 'comment') comment = { start: s.tagStart, ref: attrValue(s.attrs, 'ref') ?? '', runs: [], prefix: s.qname.slice(0, s.qname.length - s.name.length) };
      else if (comment && s.name === 'r') run = { start: s.tagStart, end: -1, text: '' };
      else if (comment && s.name === 't' && run) run.text += s.elementText();
      else if (comment && s.name === 't' && !run && comment.runs.length === 0) {
        // The plain text's content, between its tags: elementText leaves the scanner on the closing tag.
        const start = s.tagEnd;
        comment.plain = { start, end: -1, text: s.elementText() };
        comment.plain.end = s.tagStart;
      }
    } else if (t === CLOSE) {
      if (s.name === 'r' && comment && run) {
        run.end = s.tagEnd;
        comment.runs.push(run);
        run = undefined;
      } else if (s.name === 'comment' && comment) {
        const plan = planNote(comment, xml);
        if (plan === 'whole') {
          edits.push({ start: comment.start, end: s.tagEnd, text: '' });
          const m = /^([A-Z]+)(\d+)$/i.exec(comment.ref);
          if (m) {
            let col = 0;
            for (const ch of m[1]!.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
            gone.push({ row: Number(m[2]) - 1, col: col - 1 });
          }
        } else edits.push(...plan);
        comment = undefined;
      }
    }
  }
  if (edits.length === 0) return 0;
  pkg.setText(comments.part, applyEdits(xml, edits));
  const vmlRel = legacyDrawingId ? rels.find((rel) => rel.id === legacyDrawingId && !rel.external && pkg.has(rel.part)) : undefined;
  if (vmlRel && gone.length) {
    const vml = pkg.bytes(vmlRel.part)!.toString('latin1');
    const kept = vml.replace(/<v:shape\b[^>]*>[\s\S]*?<\/v:shape>/g, (shape) => {
      if (!/ObjectType\s*=\s*"Note"/.test(shape)) return shape;
      const row = Number(/<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape)?.[1] ?? -1);
      const col = Number(/<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape)?.[1] ?? -1);
      return gone.some((g) => g.row === row && g.col === col) ? '' : shape;
    });
    pkg.setBytes(vmlRel.part, Buffer.from(kept, 'latin1'));
  }
  return edits.length;
}

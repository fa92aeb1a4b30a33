/**
 * The body of a report read as an outline: parts (I, II… or headings in capitals), sub-headings (1., a),
 * Word's numbered lists, bold lines), and the items under them — Word list items, "- ", "+", "•", "a)", or
 * plain paragraphs. Each item keeps where it came from (part, sub-heading, paragraph) for the origin note.
 */
import type { Field } from '../domain/fields.js';
import type { DocBlock, DocParagraph, DocTable } from './docx-reader.js';
import { addresseeOfHeading } from './details.js';
import { fieldOfHeading, partOfHeading, type PartKind } from './headings.js';

export type ItemTarget = 'results' | 'limitations' | 'causes' | 'tasks' | 'proposals';

export interface Origin {
  /** The part's heading as written ("I. KẾT QUẢ ĐẠT ĐƯỢC"), shortened. */
  part: string;
  /** The sub-heading, when there is one. */
  heading: string;
  /** Paragraph number in the body (see DocParagraph.number), or the table and row. */
  paragraph: number;
}

export interface OutlineItem {
  target: ItemTarget;
  text: string;
  /** The field its sub-heading names; null when none does (the caller decides, and says so). */
  field: Field | null;
  /** A sub-heading that names no field, which this item sits under. */
  unknownHeading: string | null;
  origin: Origin;
  /**
   * A cause written under the limitations ("Nguyên nhân: địa bàn rộng…"): the indexes, among the limitation
   * items, of the limitations it explains (the one before it, or all those of its sub-part since the last cause).
   */
  causeOf?: number[];
}

export interface Outline {
  items: OutlineItem[];
  /** Sub-headings of results, limitations or tasks that name no field ("Khác" with a note). */
  unknownHeadings: { text: string; paragraph: number }[];
  /** Parts whose heading says nothing danvan knows: their items were put under results, "Khác". */
  unknownParts: { text: string; paragraph: number }[];
  /** Parts left out because the form has no place for them ("Đặc điểm tình hình", "Ưu điểm"). */
  skippedParts: { text: string; paragraph: number; items: number }[];
  /** Tables of the body, with the part they sit in. */
  tables: { table: DocTable; part: PartKind | null; partText: string }[];
  /** Did the body have any part danvan knows? */
  knownParts: number;
}

type Marker =
  | { kind: 'roman'; rest: string }
  | { kind: 'number'; rest: string; depth: number }
  | { kind: 'letter'; rest: string }
  | { kind: 'bullet'; rest: string; sub: boolean }
  | { kind: 'plain'; rest: string };

const ROMAN = /^(?:PHẦN\s+(?:THỨ\s+\S+|[IVX]+)|[IVX]{1,5})\s*[.\-–:)]\s*(.*)$/su;
/** "1." "2)" "1.2." then text; or "1.2 " without a closing dot. Never "25 buổi" nor "1.234 lượt". */
const NUMBER = /^(\d{1,2}(?:\.\d{1,2}){0,3})[.)]\s*(?=\D)(.+)$/su;
const SUB_NUMBER = /^(\d{1,2}(?:\.\d{1,2}){1,3})\s+(?=\D)(.+)$/su;
const LETTER = /^([a-zđ])\s*[).]\s+(.+)$/su;
const BULLET = /^([-–—+•*·▪◦●○►➢✓])\s*(.+)$/su;

/** What marks the paragraph as written or numbered by Word, and its text without the marker. */
export function markerOf(p: DocParagraph): Marker {
  const text = p.text.trim();
  if (p.list) {
    switch (p.list.format) {
      case 'upperRoman':
        return { kind: 'roman', rest: text };
      case 'decimal':
        return { kind: 'number', rest: text, depth: p.list.level + 1 };
      case 'lowerLetter':
      case 'upperLetter':
        return { kind: 'letter', rest: text };
      case 'bullet':
        return { kind: 'bullet', rest: text.replace(BULLET, (_m, _b, rest: string) => rest), sub: p.list.level > 0 };
      default:
        return { kind: 'bullet', rest: text, sub: p.list.level > 0 };
    }
  }
  let m = ROMAN.exec(text);
  if (m && m[1]) return { kind: 'roman', rest: m[1].trim() };
  m = NUMBER.exec(text) ?? SUB_NUMBER.exec(text);
  if (m) return { kind: 'number', rest: m[2]!.trim(), depth: m[1]!.split('.').length };
  m = LETTER.exec(text);
  if (m) return { kind: 'letter', rest: m[2]!.trim() };
  m = BULLET.exec(text);
  if (m) return { kind: 'bullet', rest: m[2]!.trim(), sub: m[1] === '+' || m[1] === '◦' || m[1] === '○' };
  return { kind: 'plain', rest: text };
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * A short line that reads as a heading: a whole bold line; or, without a count in it ("Ban hành 05 văn bản…" is an
 * item), a line that names a field, or a short one without closing punctuation.
 */
function headingLike(p: DocParagraph, rest: string): boolean {
  const n = words(rest);
  if (n === 0 || n > 25) return false;
  if (p.bold && n <= 20 && !/;$/.test(rest)) return true;
  if (/\d/.test(rest.replace(/\b(?:19|20)\d{2}\b/g, ''))) return false;
  if (/[.;]$/.test(rest) && n > 8) return false;
  if (fieldOfHeading(rest) && n <= 20 && !/;$/.test(rest)) return true;
  return n <= 14 && !/[.;,]$/.test(rest);
}

/** Is the paragraph a part heading in capitals without a number ("KẾT QUẢ ĐẠT ĐƯỢC")? */
function capitalsHeading(p: DocParagraph): boolean {
  const text = p.text.trim();
  return words(text) <= 16 && text === text.toUpperCase() && /\p{Lu}{2}/u.test(text) && partOfHeading(text) !== null;
}

function shorten(text: string, max = 90): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}

/**
 * Markers a unit typed at the start of an item, after Word's own or the first one: "- ", "+ ", "• ", "* ",
 * "a) ", "b. ", "1) ", "1. " ("- + Trao 50 suất quà…" → "Trao 50 suất quà…"). A number needs a space after
 * its mark, so "1.250 lượt" stays.
 */
const TYPED_MARKER = /^(?:[-–—+•*·▪◦●○►➢✓]\s+|[a-zđ][.)]\s+|\d{1,2}[.)]\s+)(?=\S)/u;

export function withoutMarkers(text: string): string {
  let out = text.trim();
  for (let i = 0; i < 4 && TYPED_MARKER.test(out); i++) out = out.replace(TYPED_MARKER, '');
  return out;
}

/** An item's text as the form keeps it: no closing ";" or ",", no "./." of the last line. */
export function itemText(text: string): string {
  let out = text.replace(/\s+/g, ' ').trim();
  out = out.replace(/\s*\.\/\.\s*$/u, '.');
  while (/[;,]$/.test(out)) out = out.slice(0, -1).trimEnd();
  return out;
}

const TARGET: Partial<Record<PartKind, ItemTarget>> = {
  results: 'results',
  limitations: 'limitations',
  causes: 'causes',
  tasks: 'tasks',
  proposals: 'proposals',
};

/** "Nguyên nhân: …", "Nguyên nhân là …": a cause line; its words without the lead-in. */
const CAUSE_LINE = /^nguyên nhân(?:\s+chủ yếu|\s+chính)?\s*(?::|là(?=\s))\s*(.*)$/isu;

export function causeLine(text: string): string | null {
  const m = CAUSE_LINE.exec(text.trim());
  if (!m) return null;
  const rest = m[1]!.trim();
  return rest ? rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1) : null;
}

/** "Đối với Ủy ban nhân dân huyện:" alone on its line (a short line, not a sentence). */
function addresseeHeading(text: string): boolean {
  const line = text.replace(/\s+/g, ' ').trim();
  return /^đối với\s/iu.test(line) && words(line) <= 15 && !/[.;,]$/.test(line) && addresseeOfHeading(line) !== null;
}

export function readOutline(blocks: readonly DocBlock[]): Outline {
  const outline: Outline = { items: [], unknownHeadings: [], unknownParts: [], skippedParts: [], tables: [], knownParts: 0 };
  let part: PartKind | null = null;
  let partText = '';
  /** Within a part: its sub-part ("2. Nguyên nhân" inside "II. HẠN CHẾ, NGUYÊN NHÂN"). */
  let sub: PartKind | null = null;
  let field: Field | null = null;
  let heading = '';
  let unknownHeading: string | null = null;
  let headingDepth = 0;
  let leadIn: { p: DocParagraph; rest: string } | null = null;
  let skipped: Outline['skippedParts'][number] | null = null;
  let unknownPart = false;
  /** Limitation items so far, those of the current sub-part not yet explained, and what the last cause explained. */
  let limitationCount = 0;
  let unexplained: number[] = [];
  let lastExplained: number[] = [];
  /** Under a "Nguyên nhân:" lead-in among the limitations: its bullets are causes. */
  let causeBullets = false;

  const target = (): ItemTarget | null => {
    const kind = sub ?? part;
    if (kind === null) return null;
    if (kind === 'assessment') return null;
    return TARGET[kind] ?? null;
  };

  const emit = (p: DocParagraph, text: string) => {
    const t = target();
    const cleaned = itemText(withoutMarkers(text));
    if (!cleaned) return;
    if (!t) {
      if (skipped) skipped.items++;
      return;
    }
    const cause = t === 'limitations' ? (causeBullets ? cleaned : causeLine(cleaned)) : null;
    if (cause !== null && (unexplained.length || lastExplained.length)) {
      const explains = unexplained.length ? unexplained : lastExplained;
      lastExplained = explains;
      unexplained = [];
      outline.items.push({
        target: 'causes',
        text: cause,
        field: unknownPart ? null : field,
        unknownHeading: unknownPart ? shorten(partText) : unknownHeading,
        origin: { part: shorten(partText), heading: shorten(heading), paragraph: p.number },
        causeOf: explains,
      });
      return;
    }
    if (t === 'limitations') {
      unexplained.push(limitationCount++);
      lastExplained = [];
    }
    outline.items.push({
      target: t,
      text: cleaned,
      field: unknownPart ? null : field,
      unknownHeading: unknownPart ? shorten(partText) : unknownHeading,
      origin: { part: shorten(partText), heading: shorten(heading), paragraph: p.number },
    });
  };

  const flushLeadIn = () => {
    if (leadIn) emit(leadIn.p, leadIn.rest);
    leadIn = null;
  };

  const startPart = (p: DocParagraph, text: string) => {
    flushLeadIn();
    const kind = partOfHeading(text);
    part = kind;
    unexplained = [];
    lastExplained = [];
    causeBullets = false;
    partText = p.text.trim();
    sub = null;
    field = null;
    heading = '';
    unknownHeading = null;
    headingDepth = 0;
    skipped = null;
    unknownPart = false;
    if (kind === null) {
      // A part danvan cannot name: its items are results under "Khác", listed for a person.
      part = 'results';
      unknownPart = true;
      outline.unknownParts.push({ text: shorten(partText), paragraph: p.number });
      return;
    }
    outline.knownParts++;
    // "Đánh giá chung" itself has no sheet; its "Hạn chế", "Nguyên nhân" sub-parts do (below).
    if (kind === 'context' || kind === 'strengths' || kind === 'figures' || kind === 'assessment') {
      skipped = { text: shorten(partText), paragraph: p.number, items: 0 };
      if (kind !== 'figures') outline.skippedParts.push(skipped);
    }
    // "1. CÔNG TÁC DÂN VẬN CHÍNH QUYỀN" as a part of its own: the part is results, the heading names the field.
    if (kind === 'results') field = fieldOfHeading(text);
  };

  const nextParagraph = (from: number): DocParagraph | undefined => {
    for (let j = from + 1; j < blocks.length; j++) {
      const b = blocks[j]!;
      if (b.kind === 'paragraph') return b;
    }
    return undefined;
  };
  const depthOf = (m: Marker) => (m.kind === 'number' ? m.depth : m.kind === 'letter' ? 9 : 10);
  /**
   * Does a heading candidate head anything? Not when the part ends after it, nor when a line of the same rank
   * that also reads as a heading follows: then both were short items ("a) Chỉ đạo giải quyết…").
   */
  const headsItems = (at: number, marker: Marker): boolean => {
    const next = nextParagraph(at);
    if (!next) return false;
    const m = markerOf(next);
    if (m.kind === 'roman' || (m.kind === 'plain' && capitalsHeading(next))) return false;
    if ((m.kind === 'number' || m.kind === 'letter') && m.kind === marker.kind && depthOf(m) === depthOf(marker) && headingLike(next, m.rest)) {
      // Two sub-headings in a row naming fields or parts are headings (an empty one among them); else items.
      return fieldOfHeading(marker.rest) !== null && fieldOfHeading(m.rest) !== null && partOfHeading(marker.rest) === null;
    }
    return true;
  };

  for (const [index, block] of blocks.entries()) {
    if (block.kind === 'table') {
      flushLeadIn();
      outline.tables.push({ table: block, part: sub ?? part, partText });
      continue;
    }
    const p = block;
    const marker = markerOf(p);

    // Word's heading styles say the level themselves ("Heading 1", "Tiêu đề 1" in a Vietnamese Word).
    const styleLevel = /^(?:heading|tiêu đề|tieu de)\s*([1-4])$/iu.exec(p.style.trim())?.[1];
    if (styleLevel === '1' && marker.kind !== 'bullet' && partOfHeading(marker.rest || p.text) !== null) {
      startPart(p, marker.rest || p.text);
      continue;
    }
    if (marker.kind === 'roman' || (marker.kind === 'plain' && capitalsHeading(p))) {
      startPart(p, marker.rest || p.text);
      continue;
    }

    // Sub-headings: numbered or lettered short lines, or whole bold lines.
    const numbered = marker.kind === 'number' || marker.kind === 'letter';
    const boldLine = marker.kind === 'plain' && (p.bold || styleLevel !== undefined) && words(p.text) <= 20;
    // After a lead-in ("Kết quả cụ thể:"), numbered lines are its items, not headings.
    if ((numbered || boldLine) && !(leadIn && numbered) && headingLike(p, marker.rest) && headsItems(index, marker)) {
      flushLeadIn();
      const depth = depthOf(marker);
      const named = partOfHeading(marker.rest);
      const namedField = fieldOfHeading(marker.rest);
      // A sub-part inside a part (limitations ↔ causes, strengths), or a part written as a numbered line.
      if (part === null || ((named === 'causes' || named === 'limitations' || named === 'strengths' || named === 'proposals' || named === 'tasks') && !namedField)) {
        if (part === null && named) {
          startPart(p, marker.rest);
          continue;
        }
        if (named) {
          sub = named;
          heading = p.text.trim();
          unexplained = [];
          lastExplained = [];
          causeBullets = false;
          skipped = named === 'strengths' ? { text: shorten(heading), paragraph: p.number, items: 0 } : null;
          if (skipped) outline.skippedParts.push(skipped);
          continue;
        }
      }
      if (unknownPart) {
        heading = p.text.trim();
        continue;
      }
      if (namedField) {
        field = namedField;
        unknownHeading = null;
        headingDepth = depth;
      } else if (depth <= headingDepth || field === null || unknownHeading !== null) {
        // A heading of the same rank as the last named one (or the first): it names no field.
        field = null;
        unknownHeading = shorten(marker.rest);
        headingDepth = depth;
        if (target() && target() !== 'proposals' && target() !== 'causes') outline.unknownHeadings.push({ text: unknownHeading, paragraph: p.number });
      }
      // Else a deeper heading under a named field (a sub-topic): the field stays.
      heading = p.text.trim();
      unexplained = [];
      lastExplained = [];
      causeBullets = false;
      continue;
    }

    // "Đối với <cơ quan>:" typed as a plain or italic line under the proposals: a sub-heading naming the addressee.
    if (target() === 'proposals' && addresseeHeading(marker.rest)) {
      flushLeadIn();
      heading = marker.rest;
      continue;
    }

    // A caption over the figures table ("Bảng số liệu"): not an item.
    if (marker.kind === 'plain' && words(marker.rest) <= 10 && partOfHeading(marker.rest) === 'figures' && blocks[index + 1]?.kind === 'table') {
      flushLeadIn();
      continue;
    }

    // An item. A line ending with ":" followed by bullets only introduces them.
    if (leadIn) {
      if (marker.kind === 'bullet' || marker.kind === 'number' || marker.kind === 'letter') {
        // "Nguyên nhân:" over bullets among the limitations: the bullets are the causes of the limitations above.
        causeBullets = target() === 'limitations' && /^nguyên nhân\s*:$/iu.test((leadIn as { rest: string }).rest.trim());
        leadIn = null;
      } else flushLeadIn();
    } else if (marker.kind === 'plain') causeBullets = false;
    if (/:$/.test(marker.rest) && words(marker.rest) <= 30) {
      leadIn = { p, rest: marker.rest };
      continue;
    }
    emit(p, marker.rest);
  }
  flushLeadIn();
  return outline;
}

/**
 * The small markup report templates write, turned into blocks:
 *   "# Title" part (I., II.), "## Title" section (1., 2.), "### Title" point (a), b)),
 *   "[[bang:name]]" a table from the data, any other line a paragraph with **bold** and *italic*.
 * Numbering is automatic, so removing a section never leaves a gap; a heading with nothing under it is dropped.
 */
import { bindInText } from './nobreak.js';
import type { Block, HeadingBlock, TextRun } from '../model/doc-model.js';
import { isWhitespace, typographicQuotes } from '../domain/text.js';

export interface FrontMatter {
  [key: string]: string;
}

/** "---\nkey: value\n---\n" at the top of the rendered text sets frame values such as the subject line. */
export function splitFrontMatter(rendered: string): { front: FrontMatter; body: string } {
  const text = rendered.replace(/\r\n?/g, '\n');
  const match = /^\s*---\n([\s\S]*?)\n---\s*\n/.exec(text);
  if (!match) return { front: {}, body: text };
  const front: FrontMatter = {};
  for (const line of match[1]!.split('\n')) {
    const kv = /^\s*([\w-]+)\s*:\s*(.*)$/.exec(line);
    if (kv) front[kv[1]!] = kv[2]!.trim();
  }
  return { front, body: text.slice(match[0].length) };
}

const MARKUP_OR_BREAK = /[\\*#[\]\n]/;

/**
 * Data put into a template is escaped: markup characters get a backslash and line breaks become spaces,
 * so a unit's text can never open a heading, a table or an emphasis of the report.
 */
export function escapeMarkup(text: string): string {
  // Nearly every string has neither: the test saves a replacement and a scan per string of the view.
  if (!MARKUP_OR_BREAK.test(text)) return text;
  return joinLines(text.replace(/[\\*#[\]]/g, '\\$&'));
}

/**
 * Every run of whitespace that holds a line break becomes one space (what replacing /\s*\n\s*∕g with a
 * space does), in one pass: that pattern backtracks over a long run of spaces without a line break.
 */
function joinLines(text: string): string {
  if (text.indexOf('\n') < 0) return text;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; ) {
    if (!isWhitespace(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    let end = i;
    let lineBreak = false;
    while (end < text.length && isWhitespace(text.charCodeAt(end))) {
      if (text.charCodeAt(end) === 0x0a) lineBreak = true;
      end += 1;
    }
    if (lineBreak) {
      out += `${text.slice(from, i)} `;
      from = end;
    }
    i = end;
  }
  return out + text.slice(from);
}

function unescape(text: string): string {
  return text.replace(/\\([\\*#[\]])/g, '$1');
}

const STAR = 0x2a;
const BACKSLASH = 0x5c;
/** Characters that "." in a regular expression does not match. */
const isLineTerminator = (code: number) => code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;

/**
 * **bold** and *italic* runs of a paragraph. The rules are those of the pattern
 *   (?<!\\)\*\*((?:\\.|[^\\])+?)(?<!\\)\*\*  |  (?<!\\)\*((?:\\.|[^\\*])+?)(?<!\\)\*
 * ("\*" is a literal star; a backslash escapes the next character), decided here in linear time: the
 * pattern, tried at every star, scanned to the end of the line for each star left unclosed.
 */
export function parseInline(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const m of emphasisMatches(text)) {
    if (m.start > last) runs.push({ text: unescape(text.slice(last, m.start)) });
    const inner = unescape(text.slice(m.start + m.marks, m.end - m.marks));
    runs.push(m.marks === 2 ? { text: inner, bold: true } : { text: inner, italic: true });
    last = m.end;
  }
  if (last < text.length) runs.push({ text: unescape(text.slice(last)) });
  return runs.filter((run) => run.text.length > 0);
}

interface EmphasisMatch {
  start: number;
  end: number;
  /** 2 for bold, 1 for italic. */
  marks: number;
}

/**
 * The matches of the emphasis pattern, left to right. Content is read as tokens: a backslash with the
 * character after it, or any other single character. Tokenising starts just after a star, so every run
 * of backslashes is paired from its first one; that makes three facts independent of where a match starts:
 * - a "barrier" (tokenising fails) is the last backslash of an odd run followed by a line terminator or the end;
 * - a bold close is "**" not preceded by a backslash;
 * - an italic stop is a star at a token boundary (after an even run of backslashes): it closes the italic
 *   unless a backslash precedes it, in which case the italic fails (its content may not hold a bare star).
 * Each is looked up in a table of "next position at or after k", built once from the end.
 */
function emphasisMatches(text: string): EmphasisMatch[] {
  const n = text.length;
  if (text.indexOf('*') < 0) return [];
  const code = (i: number) => (i >= 0 && i < n ? text.charCodeAt(i) : -1);
  const nextBold = new Int32Array(n + 3).fill(n + 2);
  const nextBarrier = new Int32Array(n + 3).fill(n + 2);
  const nextStop = new Int32Array(n + 3).fill(n + 2);
  // Backslashes immediately before each position, counted forwards.
  const run = new Int32Array(n + 1);
  for (let i = 1; i <= n; i += 1) run[i] = code(i - 1) === BACKSLASH ? run[i - 1]! + 1 : 0;
  for (let i = n - 1; i >= 0; i -= 1) {
    nextBold[i] = code(i) === STAR && code(i + 1) === STAR && code(i - 1) !== BACKSLASH ? i : nextBold[i + 1]!;
    const after = code(i + 1);
    const barrier = code(i) === BACKSLASH && after !== BACKSLASH && run[i + 1]! % 2 === 1 && (after === -1 || isLineTerminator(after));
    nextBarrier[i] = barrier ? i : nextBarrier[i + 1]!;
    nextStop[i] = code(i) === STAR && run[i]! % 2 === 0 ? i : nextStop[i + 1]!;
  }
  const matches: EmphasisMatch[] = [];
  for (let s = 0; s < n; s += 1) {
    if (code(s) !== STAR || code(s - 1) === BACKSLASH) continue;
    if (code(s + 1) === STAR) {
      const close = nextBold[s + 3]!;
      if (close + 1 < n && close < nextBarrier[s + 2]!) {
        matches.push({ start: s, end: close + 2, marks: 2 });
        s = close + 1;
        continue;
      }
    }
    const stop = nextStop[s + 1]!;
    if (stop < n && stop > s + 1 && stop < nextBarrier[s + 1]! && code(stop - 1) !== BACKSLASH) {
      matches.push({ start: s, end: stop + 1, marks: 1 });
      s = stop;
    }
  }
  return matches;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const LETTERS = 'abcdđeghiklmnopqrstuvxy';

/** Resolves a table name to its block; unknown names are reported by the caller. */
export type TableResolver = (name: string) => Block[] | undefined;

export function parseMarkup(body: string, resolveTable: TableResolver): { blocks: Block[]; unknownTables: string[] } {
  const raw: Block[] = [];
  const unknownTables: string[] = [];
  for (const line of body.split(/\r?\n/)) {
    // One quote style in the whole document: units type straight quotes, templates curly ones.
    const text = typographicQuotes(line.trim());
    if (!text) continue;
    const heading = /^(#{1,3})\s+(.*)$/.exec(text);
    if (heading) {
      raw.push({ type: 'heading', level: heading[1]!.length as 1 | 2 | 3, number: '', text: unescape(heading[2]!.trim()) });
      continue;
    }
    const table = /^\[\[bang:([\w-]+)\]\]$/.exec(text);
    if (table) {
      const blocks = resolveTable(table[1]!);
      if (blocks) raw.push(...blocks);
      else unknownTables.push(table[1]!);
      continue;
    }
    raw.push({ type: 'paragraph', runs: parseInline(bindInText(text)) });
  }
  return { blocks: numberHeadings(dropEmptyHeadings(raw)), unknownTables };
}

/** A heading is kept only if some content stands under it before the next heading of its level or above. */
function dropEmptyHeadings(blocks: Block[]): Block[] {
  const keep = blocks.map(() => true);
  for (let i = blocks.length - 1; i >= 0; i -= 1) {
    const block = blocks[i]!;
    if (block.type !== 'heading') continue;
    let hasContent = false;
    for (let j = i + 1; j < blocks.length; j += 1) {
      const next = blocks[j]!;
      if (next.type === 'heading' && next.level <= block.level) break;
      if (keep[j] && next.type !== 'heading') {
        hasContent = true;
        break;
      }
    }
    keep[i] = hasContent;
  }
  return blocks.filter((_, i) => keep[i]);
}

function numberHeadings(blocks: Block[]): Block[] {
  const counters = [0, 0, 0];
  return blocks.map((block) => {
    if (block.type !== 'heading') return block;
    const level = block.level;
    counters[level - 1]! += 1;
    for (let k = level; k < 3; k += 1) counters[k] = 0;
    const n = counters[level - 1]!;
    const number = level === 1 ? `${ROMAN[n - 1] ?? n}.` : level === 2 ? `${n}.` : `${LETTERS[n - 1] ?? n})`;
    const heading: HeadingBlock = { ...block, number, text: level === 1 ? block.text.toLocaleUpperCase('vi') : block.text };
    return heading;
  });
}

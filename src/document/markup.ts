/**
 * The small markup report templates write, turned into blocks:
 *   "# Title" part (I., II.), "## Title" section (1., 2.), "### Title" point (a), b)),
 *   "[[bang:name]]" a table from the data, any other line a paragraph with **bold** and *italic*.
 * Numbering is automatic, so removing a section never leaves a gap; a heading with nothing under it is dropped.
 */
import type { Block, HeadingBlock, TextRun } from '../model/doc-model.js';

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
  // Nearly every string has neither; the test saves two replacements per string of the view.
  if (!MARKUP_OR_BREAK.test(text)) return text;
  return text.replace(/[\\*#[\]]/g, '\\$&').replace(/\s*\n\s*/g, ' ');
}


function unescape(text: string): string {
  return text.replace(/\\([\\*#[\]])/g, '$1');
}

export function parseInline(text: string): TextRun[] {
  const runs: TextRun[] = [];
  // Emphasis is only made of unescaped stars; "\*" is a literal star.
  const pattern = /(?<!\\)\*\*((?:\\.|[^\\])+?)(?<!\\)\*\*|(?<!\\)\*((?:\\.|[^\\*])+?)(?<!\\)\*/g;
  let last = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index > last) runs.push({ text: unescape(text.slice(last, m.index)) });
    runs.push(m[1] !== undefined ? { text: unescape(m[1]), bold: true } : { text: unescape(m[2]!), italic: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ text: unescape(text.slice(last)) });
  return runs.filter((run) => run.text.length > 0);
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const LETTERS = 'abcdđeghiklmnopqrstuvxy';

/** Resolves a table name to its block; unknown names are reported by the caller. */
export type TableResolver = (name: string) => Block[] | undefined;

export function parseMarkup(body: string, resolveTable: TableResolver): { blocks: Block[]; unknownTables: string[] } {
  const raw: Block[] = [];
  const unknownTables: string[] = [];
  for (const line of body.split(/\r?\n/)) {
    const text = line.trim();
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
    raw.push({ type: 'paragraph', runs: parseInline(text) });
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

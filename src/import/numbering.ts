/**
 * Word's list numbering (word/numbering.xml): which format each list level has, and the label Word shows
 * before a list paragraph ("1.", "a)", "II.", "•", "-"), counted the way Word counts: a level's counter
 * goes up with each item and restarts when a higher level moves on.
 */
import { CLOSE, END, OPEN, XmlScanner, attrValue } from '../readers/xml.js';
import { ImportRefusal } from './refusal.js';

export type ListFormat = 'bullet' | 'decimal' | 'upperRoman' | 'lowerRoman' | 'upperLetter' | 'lowerLetter' | 'none' | 'other';

interface Level {
  format: ListFormat;
  text: string;
  start: number;
}

export interface Numbering {
  /** numId → abstractNumId. */
  nums: Map<string, string>;
  /** abstractNumId → levels by ilvl. */
  abstracts: Map<string, Map<number, Level>>;
}

const FORMATS = new Set<ListFormat>(['bullet', 'decimal', 'upperRoman', 'lowerRoman', 'upperLetter', 'lowerLetter', 'none']);

export function readNumbering(xml: string | undefined, maxDepth: number): Numbering {
  const numbering: Numbering = { nums: new Map(), abstracts: new Map() };
  if (!xml) return numbering;
  const s = new XmlScanner(xml);
  let abstract: Map<number, Level> | null = null;
  let level: Level | null = null;
  let levelIndex = 0;
  let numId: string | null = null;
  for (let t = s.next(); t !== END; t = s.next()) {
    if (s.depth > maxDepth) throw new ImportRefusal('over-limit', 'numbering depth', 'depth');
    if (t === OPEN) {
      const val = attrValue(s.attrs, 'val', true);
      switch (s.name) {
        case 'abstractNum':
          abstract = new Map();
          numbering.abstracts.set(attrValue(s.attrs, 'abstractNumId', true) ?? '', abstract);
          break;
        case 'lvl':
          if (abstract) {
            levelIndex = Number(attrValue(s.attrs, 'ilvl', true) ?? 0) || 0;
            level = { format: 'decimal', text: '', start: 1 };
            abstract.set(levelIndex, level);
          }
          break;
        case 'numFmt':
          if (level) level.format = FORMATS.has(val as ListFormat) ? (val as ListFormat) : 'other';
          break;
        case 'lvlText':
          if (level) level.text = val ?? '';
          break;
        case 'start':
          if (level) level.start = Number(val ?? 1) || 0;
          break;
        case 'num':
          numId = attrValue(s.attrs, 'numId', true) ?? null;
          break;
        case 'abstractNumId':
          if (numId !== null && !abstract) numbering.nums.set(numId, val ?? '');
          break;
        default:
          break;
      }
    } else if (t === CLOSE) {
      if (s.name === 'abstractNum') abstract = null;
      else if (s.name === 'lvl') level = null;
      else if (s.name === 'num') numId = null;
    }
  }
  return numbering;
}

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

function roman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) while (n >= value && out.length < 40) (n -= value), (out += letters);
  return out;
}

function letter(n: number): string {
  if (n < 1) return String(n);
  const l = String.fromCharCode(97 + ((n - 1) % 26));
  return l.repeat(Math.floor((n - 1) / 26) + 1);
}

function formatNumber(n: number, format: ListFormat): string {
  switch (format) {
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letter(n).toUpperCase();
    case 'lowerLetter':
      return letter(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Counts one more item at `level` of list `numId` and returns its label and format; null for a list not defined. */
export function listLabel(numbering: Numbering, numId: string, level: number, counters: Map<string, number[]>): { label: string; format: ListFormat } | null {
  const abstractId = numbering.nums.get(numId);
  const levels = abstractId === undefined ? undefined : numbering.abstracts.get(abstractId);
  const lvl = levels?.get(level);
  if (!levels || !lvl) return null;
  if (lvl.format === 'bullet') return { label: '•', format: 'bullet' };
  // Lists sharing an abstract definition continue one another's numbering in Word unless restarted.
  const key = abstractId!;
  const counts = counters.get(key) ?? [];
  for (let i = 0; i <= level; i++) if (counts[i] === undefined) counts[i] = (levels.get(i)?.start ?? 1) - 1;
  counts[level] = counts[level]! + 1;
  counts.length = level + 1;
  counters.set(key, counts);
  const label = lvl.text.replace(/%([1-9])/g, (_m, d: string) => {
    const i = Number(d) - 1;
    const fmt = levels.get(i)?.format ?? 'decimal';
    return formatNumber(counts[i] ?? levels.get(i)?.start ?? 1, fmt);
  });
  return { label, format: lvl.format };
}

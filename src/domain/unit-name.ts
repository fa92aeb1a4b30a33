/**
 * Does the name a file gives itself ("Tên đơn vị") name a unit of the registry? Units write their own names in
 * many ways — "UBMTTQ huyện", "Hội CCB", "ĐU xã Bình Thạnh", in capitals, without diacritics, in TCVN3 or VNI,
 * with "Đảng ủy" or "Ban Dân vận" left out, without "huyện" or "tỉnh" at the end — and all of these are the unit;
 * but a name of another organisation ("Hội Người cao tuổi" for "Hội Cựu chiến binh") or another place ("xã Bình
 * Thành" for "xã Bình Thạnh") never is. Pure and linear in the names' length.
 *
 * How: each name becomes a list of words (abbreviations spelt out, the words units leave out dropped, the level at
 * the end dropped), and the two lists are compared word by word. A word typed without diacritics matches the
 * registry's word with them only when the whole name was typed without them: "xã Bình Thanh" is not "xã Bình
 * Thạnh" ("Thanh" is a name of its own), "xa Binh Thanh" may be.
 */
import type { UnitEntry } from '../config/schema.js';
import { cannotBeLegacy, readText } from './legacy-encoding.js';
import { isVietnameseSyllable } from './vietnamese-syllable.js';

export type NameAgreement = 'same' | 'different' | 'unclear';

interface Word {
  /** Lower case with its diacritics, the tone mark set apart: "hoà" and "hòa", "thuỷ" and "thủy" are one word. */
  text: string;
  /** Without diacritics ("đ" as "d"). */
  folded: string;
  /** Typed without any diacritic (as a whole name typed on a keyboard without Vietnamese input may be). */
  plain: boolean;
  /** Typed in capitals and neither a known abbreviation nor a Vietnamese word: an abbreviation danvan cannot read. */
  unknownAbbreviation: boolean;
  /** A well-formed Vietnamese syllable (with or without its diacritics). */
  syllable: boolean;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/**
 * Abbreviations as units write them (by their letters without diacritics, lower case), spelt out; several
 * spellings where the letters stand for more than one body ("TU": Tỉnh ủy or Thành ủy).
 */
const ABBREVIATIONS: Record<string, readonly string[]> = {
  ub: ['ủy ban'],
  ubnd: ['ủy ban nhân dân'],
  hdnd: ['hội đồng nhân dân'],
  ubmttq: ['ủy ban mặt trận tổ quốc'],
  ubmttqvn: ['ủy ban mặt trận tổ quốc việt nam'],
  ubmt: ['ủy ban mặt trận'],
  mttq: ['mặt trận tổ quốc'],
  mttqvn: ['mặt trận tổ quốc việt nam'],
  mt: ['mặt trận'],
  vn: ['việt nam'],
  hccb: ['hội cựu chiến binh'],
  ccb: ['cựu chiến binh'],
  hlhpn: ['hội liên hiệp phụ nữ'],
  lhpn: ['liên hiệp phụ nữ'],
  hpn: ['hội phụ nữ'],
  pn: ['phụ nữ'],
  hnd: ['hội nông dân'],
  nd: ['nông dân'],
  hnct: ['hội người cao tuổi'],
  nct: ['người cao tuổi'],
  hctd: ['hội chữ thập đỏ'],
  ctd: ['chữ thập đỏ'],
  hkh: ['hội khuyến học'],
  ldld: ['liên đoàn lao động'],
  dtn: ['đoàn thanh niên'],
  dtncs: ['đoàn thanh niên cộng sản'],
  tn: ['thanh niên'],
  tncs: ['thanh niên cộng sản'],
  hcm: ['hồ chí minh'],
  du: ['đảng ủy'],
  db: ['đảng bộ'],
  hu: ['huyện ủy'],
  tu: ['tỉnh ủy', 'thành ủy'],
  thu: ['thành ủy'],
  txu: ['thị xã ủy', 'thị ủy'],
  bdv: ['ban dân vận'],
  dv: ['dân vận'],
  btg: ['ban tuyên giáo'],
  btgdv: ['ban tuyên giáo và dân vận'],
  bch: ['ban chỉ huy'],
  chqs: ['chỉ huy quân sự'],
  bchqs: ['ban chỉ huy quân sự'],
  qs: ['quân sự'],
  bdbp: ['bộ đội biên phòng'],
  bp: ['biên phòng'],
  ca: ['công an'],
  tp: ['thành phố'],
  tx: ['thị xã'],
  tt: ['thị trấn'],
};

/** A sequence of words to replace (matched as `matches` does), and its replacement. */
const REWRITES: ReadonlyArray<readonly [string, string]> = [
  // The Youth Union, however a unit calls it: "Tỉnh đoàn", "Huyện đoàn", "Đoàn TNCS Hồ Chí Minh huyện".
  ['cộng sản hồ chí minh', ''],
  ['hồ chí minh', ''],
  ['đoàn thanh niên', 'đoàn'],
  ['tỉnh đoàn', 'đoàn'],
  ['huyện đoàn', 'đoàn'],
  ['thành đoàn', 'đoàn'],
  ['thị đoàn', 'đoàn'],
  // "Ban Chỉ huy Quân sự huyện", "Bộ Chỉ huy Quân sự tỉnh", "BCH Quân sự".
  ['bộ chỉ huy', 'chỉ huy'],
  ['ban chỉ huy', 'chỉ huy'],
  ['chỉ huy quân sự', 'quân sự'],
  ['chỉ huy bộ đội biên phòng', 'biên phòng'],
  ['bộ đội biên phòng', 'biên phòng'],
  // Words units leave out of their own names.
  ['ban dân vận', ''],
  ['đảng ủy', ''],
  ['đảng bộ', ''],
  ['việt nam', ''],
  ['ủy ban mặt trận', 'mặt trận'],
  ['mặt trận tổ quốc', 'mặt trận'],
  ['liên hiệp phụ nữ', 'phụ nữ'],
  ['hội', ''],
  ['cơ quan', ''],
];

/** The level a name may end with or leave out: "Hội Nông dân tỉnh", "Hội Nông dân". */
const LEVELS = ['tỉnh', 'huyện', 'thành phố', 'thị xã', 'quận'];
/** Kinds of commune a name may leave out before the commune's own name: "Bình Thạnh" for "xã Bình Thạnh". */
const COMMUNE_KINDS = ['xã', 'phường', 'thị trấn', 'đặc khu'];
/** The first words of those kinds, without diacritics. */
const FOLDED_KIND_WORDS = new Set(COMMUNE_KINDS.map((kind) => fold(kind.split(' ')[0]!)));

/** The tone marks (huyền, sắc, ngã, hỏi, nặng), which old and new spelling place on different vowels. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** A word with its tone mark moved to the end: "hoà" and "hòa" both give "hoa\u0300" (NFC letters, then the mark). */
function toneKey(word: string): string {
  const decomposed = word.normalize('NFD');
  const tone = decomposed.match(TONE_MARKS)?.[0] ?? '';
  return `${decomposed.replace(TONE_MARKS, '').normalize('NFC')}${tone}`;
}

function makeWord(text: string, typed: string): Word {
  const folded = fold(text);
  const plain = folded === text;
  const upper = typed.length >= 2 && typed === typed.toUpperCase() && typed !== typed.toLowerCase();
  const syllable = isVietnameseSyllable(text);
  return { text: toneKey(text), folded, plain, unknownAbbreviation: upper && !(folded in ABBREVIATIONS) && !syllable, syllable };
}

/** "Ủy ban MTTQ Việt Nam huyện" → the spellings of its words, each abbreviation spelt out (at most a few). */
function spellings(name: string): Word[][] {
  const typedWords = name.normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  let variants: Word[][] = [[]];
  for (const typed of typedWords) {
    const lower = typed.toLocaleLowerCase('vi');
    const folded = fold(lower);
    const expansions = ABBREVIATIONS[folded];
    // An abbreviation is written in capitals ("CA", "TU"), or is no Vietnamese word ("Hccb"): "ca", "tu" are words.
    const isAbbreviation = expansions && (typed === typed.toUpperCase() || !isVietnameseSyllable(lower));
    const options: Word[][] = isAbbreviation
      ? expansions.map((expansion) => expansion.split(' ').map((w) => ({ ...makeWord(w, w), plain: false })))
      : [[makeWord(lower, typed)]];
    const next: Word[][] = [];
    for (const variant of variants) for (const option of options) if (next.length < 8) next.push([...variant, ...option]);
    variants = next;
  }
  return variants.map(canonical);
}

/** One word of a name against a word of danvan's own lists: with diacritics, or by letters when typed without. */
function matches(word: Word, text: string): boolean {
  return word.plain ? word.folded === fold(text) : word.text === toneKey(text);
}

function startsWith(words: readonly Word[], at: number, phrase: readonly string[]): boolean {
  if (at + phrase.length > words.length) return false;
  return phrase.every((p, i) => matches(words[at + i]!, p));
}

/** The words that tell the unit apart: rewrites applied, the level at the end dropped. */
function canonical(words: Word[]): Word[] {
  let current = words;
  for (const [from, to] of REWRITES) {
    const phrase = from.split(' ');
    const replacement = to ? to.split(' ').map((w) => ({ ...makeWord(w, w), plain: false })) : [];
    const out: Word[] = [];
    for (let i = 0; i < current.length; ) {
      if (startsWith(current, i, phrase)) {
        out.push(...replacement);
        i += phrase.length;
      } else {
        out.push(current[i]!);
        i += 1;
      }
    }
    current = out;
  }
  for (const level of LEVELS) {
    const phrase = level.split(' ');
    if (current.length > phrase.length && startsWith(current, current.length - phrase.length, phrase)) {
      current = current.slice(0, current.length - phrase.length);
      break;
    }
  }
  return current;
}

type WordMatch = 'exact' | 'letters' | 'none';

function compareWords(a: Word, b: Word): WordMatch {
  if (a.text === b.text) return 'exact';
  if ((a.plain || b.plain) && a.folded === b.folded) return 'letters';
  return 'none';
}

/** Is `small` found in `large` in order (not necessarily side by side)? */
function isSubsequence(small: readonly Word[], large: readonly Word[]): boolean {
  let j = 0;
  for (const word of large) if (j < small.length && compareWords(small[j]!, word) !== 'none') j += 1;
  return j === small.length;
}

const RANK: Record<NameAgreement, number> = { different: 0, unclear: 1, same: 2 };

function agreeWords(file: readonly Word[], registry: readonly Word[], typedPlain: boolean): NameAgreement {
  if (file.length === 0 || registry.length === 0) return 'unclear';
  const pairwise = (a: readonly Word[], b: readonly Word[]) => {
    if (a.length !== b.length) return 'none' as const;
    let loose = false;
    for (let i = 0; i < a.length; i += 1) {
      const m = compareWords(a[i]!, b[i]!);
      if (m === 'none') return 'none' as const;
      if (m === 'letters') loose = true;
    }
    return loose && !typedPlain ? ('loose' as const) : ('same' as const);
  };
  const whole = pairwise(file, registry);
  if (whole === 'same') return 'same';
  if (whole === 'loose') return 'unclear';
  // The registry's name followed by where the unit is: "Hội Cựu chiến binh huyện Tân Lạc".
  const head = file.slice(0, registry.length);
  const rest = file.slice(registry.length);
  if (rest.length && pairwise(head, registry) === 'same' && LEVELS.some((level) => startsWith(rest, 0, level.split(' ')))) return 'same';
  // The commune's name without its kind: "Bình Thạnh" for "xã Bình Thạnh".
  for (const kind of COMMUNE_KINDS) {
    const phrase = kind.split(' ');
    if (startsWith(registry as Word[], 0, phrase) && pairwise(file, registry.slice(phrase.length)) === 'same') return 'same';
  }
  // One name inside the other, or an abbreviation danvan cannot read: not enough to call it another organisation.
  if (isSubsequence(file, registry) || isSubsequence(registry, file)) return 'unclear';
  if (file.some((w) => w.unknownAbbreviation)) return 'unclear';
  // No Vietnamese word at all ("x", "abc"): not a name of anything.
  if (!file.some((w) => w.syllable)) return 'unclear';
  return 'different';
}

/** The name as typed, and as TCVN3 or VNI text would read when its cell was not converted. */
function readings(name: string): string[] {
  const out = [name];
  if (!cannotBeLegacy(name)) {
    for (const encoding of ['tcvn3', 'vni'] as const) {
      const reading = readText(name, encoding);
      if (reading.bad === 0 && reading.good > 0) out.push(reading.text);
    }
  }
  return out;
}

/** A name's spellings, remembered: a registry's names come back for every file (bounded, like foldKey's cache). */
const spellingCache = new Map<string, Word[][]>();
const SPELLING_CACHE_SIZE = 20_000;

function cachedSpellings(name: string): Word[][] {
  let found = spellingCache.get(name);
  if (!found) {
    if (spellingCache.size >= SPELLING_CACHE_SIZE) spellingCache.clear();
    found = spellings(name);
    spellingCache.set(name, found);
  }
  return found;
}

/** A file's name read every way it may have been typed, each with whether it was typed without diacritics. */
function fileSpellings(fileName: string): { words: Word[]; typedPlain: boolean }[] {
  return readings(fileName).flatMap((reading) => {
    const typedPlain = fold(reading) === reading;
    return spellings(reading).map((words) => ({ words, typedPlain }));
  });
}

function agreement(file: readonly { words: Word[]; typedPlain: boolean }[], registryName: string): NameAgreement {
  let best: NameAgreement = 'different';
  for (const registry of cachedSpellings(registryName)) {
    for (const { words, typedPlain } of file) {
      const found = agreeWords(words, registry, typedPlain);
      if (RANK[found] > RANK[best]) best = found;
      if (best === 'same') return best;
    }
  }
  return best;
}

/**
 * Whether `fileName` (the file's "Tên đơn vị") names the registry unit called `registryName`: "same" when it is
 * the unit however written, "different" when it clearly names another organisation or place, "unclear" when it
 * cannot tell (a name left blank or generic, one name only part of the other, an abbreviation danvan does not know,
 * a word that matches only once its diacritics are ignored in a name typed with diacritics).
 */
export function nameAgreement(fileName: string, registryName: string): NameAgreement {
  return agreement(fileSpellings(fileName), registryName);
}

/** The registry units that `name` names (nameAgreement "same"), in registry order; several when it cannot tell them apart. */
export function findUnitsByName(name: string, registry: readonly UnitEntry[]): UnitEntry[] {
  if (!name.trim()) return [];
  const file = fileSpellings(name);
  // "same" needs every word of the registry's name (but a commune's kind) in the file's name: a cheap first test.
  const letters = new Set(file.flatMap(({ words }) => words.map((w) => w.folded)));
  const mayBeSame = (unit: UnitEntry) =>
    cachedSpellings(unit.name).some((words) => words.every((w, i) => letters.has(w.folded) || (i === 0 && FOLDED_KIND_WORDS.has(w.folded))));
  return registry.filter((unit) => mayBeSame(unit) && agreement(file, unit.name) === 'same');
}

/** A code or a file name in one shape: letters without diacritics in capitals, anything else as "_". */
function codeShape(text: string): string {
  return fold(text.normalize('NFC')).toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

/**
 * The registry units a file's name points to: by a code written in it ("XA_BINHTHANH_quy-3.xlsx"; of two codes
 * one inside the other, the longer) or by a unit's name between dashes ("Báo cáo Q1 - Công an tỉnh.xlsx").
 */
export function findUnitsInFileName(file: string, registry: readonly UnitEntry[]): UnitEntry[] {
  const base = file.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '');
  const shape = `_${codeShape(base)}_`;
  const spans: { unit: UnitEntry; start: number; end: number }[] = [];
  for (const unit of registry) {
    const code = codeShape(unit.code).replace(/^_+|_+$/g, '');
    if (!code) continue;
    let at = shape.indexOf(`_${code}_`);
    while (at >= 0) {
      spans.push({ unit, start: at + 1, end: at + 1 + code.length });
      at = shape.indexOf(`_${code}_`, at + 1);
    }
  }
  const byCode = spans.filter((s) => !spans.some((o) => o !== s && o.start <= s.start && o.end >= s.end && o.end - o.start > s.end - s.start));
  const found = new Set(byCode.map((s) => s.unit));
  for (const part of base.split(/\s+[-–—]\s+|[()[\]]/)) {
    const units = findUnitsByName(part, registry);
    if (units.length === 1) found.add(units[0]!);
  }
  return registry.filter((unit) => found.has(unit));
}

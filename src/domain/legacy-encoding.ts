/**
 * Vietnamese typed in the legacy 8-bit font encodings, as it reaches a workbook cell: every byte of the old
 * encoding shows up as the Windows-1252 (here: Latin-1) character of the same value, e.g. TCVN3 "MÆt trËn"
 * for "Mặt trận", VNI "Maët traän". This module holds the conversion tables (data), the converters both
 * ways, and the per-cell reading that says whether a text is such legacy text. The decision for a whole
 * workbook, using every cell as context, is in `check/legacy-text.ts`.
 *
 * Tables:
 * - TCVN3 ("ABC", the .VnTime/.VnTimeH fonts) is the VN3 repertoire of the Vietnamese standard TCVN 5712:1993:
 *   the 67 lower-case Vietnamese letters and the 7 capitals Ă Â Ê Ô Ơ Ư Đ, at the byte values of the
 *   standard's code table (the values glibc's TCVN5712-1 converter gives for these bytes; the test checks
 *   every one against `iconv` where it is installed). VN3 has no capitals with a tone mark: the .VnTimeH
 *   fonts draw the lower-case codes as capitals, so capitals come back from the case of the letters around.
 * - VNI-Windows is VNI Software's font encoding: a base letter followed by one mark byte (tone, or vowel
 *   modifier with tone), and single bytes for ơ ư đ and the i/ỵ vowels; capitals use the capital form
 *   of each byte. The rows below are that published chart, one row per vowel in the order
 *   plain, sắc, huyền, hỏi, ngã, nặng.
 *
 * VIQR ("Vie^.t Nam", plain ASCII) is deliberately not handled: its marks are ordinary punctuation
 * (? . ' ` ~ ^ ( +), so plain English reads as VIQR Vietnamese: in "He said no. She said so." the words "no."
 * and "so." are the well-formed syllables "nọ" and "sọ", two of them and nothing against, which is the
 * evidence this module needs to convert a cell. It cannot be repaired without also "repairing" ordinary text.
 */
import { isVietnameseSyllable } from './vietnamese-syllable.js';

export type LegacyEncoding = 'tcvn3' | 'vni';

/** TCVN 5712:1993 VN3: byte value → Unicode letter. */
export const TCVN3_TABLE: ReadonlyArray<readonly [byte: number, letter: string]> = [
  [0xa1, 'Ă'], [0xa2, 'Â'], [0xa3, 'Ê'], [0xa4, 'Ô'], [0xa5, 'Ơ'], [0xa6, 'Ư'], [0xa7, 'Đ'],
  [0xa8, 'ă'], [0xa9, 'â'], [0xaa, 'ê'], [0xab, 'ô'], [0xac, 'ơ'], [0xad, 'ư'], [0xae, 'đ'],
  [0xb5, 'à'], [0xb6, 'ả'], [0xb7, 'ã'], [0xb8, 'á'], [0xb9, 'ạ'],
  [0xbb, 'ằ'], [0xbc, 'ẳ'], [0xbd, 'ẵ'], [0xbe, 'ắ'], [0xc6, 'ặ'],
  [0xc7, 'ầ'], [0xc8, 'ẩ'], [0xc9, 'ẫ'], [0xca, 'ấ'], [0xcb, 'ậ'],
  [0xcc, 'è'], [0xce, 'ẻ'], [0xcf, 'ẽ'], [0xd0, 'é'], [0xd1, 'ẹ'],
  [0xd2, 'ề'], [0xd3, 'ể'], [0xd4, 'ễ'], [0xd5, 'ế'], [0xd6, 'ệ'],
  [0xd7, 'ì'], [0xd8, 'ỉ'], [0xdc, 'ĩ'], [0xdd, 'í'], [0xde, 'ị'],
  [0xdf, 'ò'], [0xe1, 'ỏ'], [0xe2, 'õ'], [0xe3, 'ó'], [0xe4, 'ọ'],
  [0xe5, 'ồ'], [0xe6, 'ổ'], [0xe7, 'ỗ'], [0xe8, 'ố'], [0xe9, 'ộ'],
  [0xea, 'ờ'], [0xeb, 'ở'], [0xec, 'ỡ'], [0xed, 'ớ'], [0xee, 'ợ'],
  [0xef, 'ù'], [0xf1, 'ủ'], [0xf2, 'ũ'], [0xf3, 'ú'], [0xf4, 'ụ'],
  [0xf5, 'ừ'], [0xf6, 'ử'], [0xf7, 'ữ'], [0xf8, 'ứ'], [0xf9, 'ự'],
  [0xfa, 'ỳ'], [0xfb, 'ỷ'], [0xfc, 'ỹ'], [0xfd, 'ý'], [0xfe, 'ỵ'],
];

/**
 * VNI-Windows, lower case: each row is a vowel in the order plain, sắc, huyền, hỏi, ngã, nặng, in Unicode
 * and in VNI (bytes shown as their Latin-1 characters). Capitals are the same rows in upper case.
 */
export const VNI_TABLE: ReadonlyArray<readonly [unicode: string, vni: string]> = [
  ['a á à ả ã ạ', 'a aù aø aû aõ aï'],
  ['ă ắ ằ ẳ ẵ ặ', 'aê aé aè aú aü aë'],
  ['â ấ ầ ẩ ẫ ậ', 'aâ aá aà aå aã aä'],
  ['e é è ẻ ẽ ẹ', 'e eù eø eû eõ eï'],
  ['ê ế ề ể ễ ệ', 'eâ eá eà eå eã eä'],
  ['i í ì ỉ ĩ ị', 'i í ì æ ó ò'],
  ['o ó ò ỏ õ ọ', 'o où oø oû oõ oï'],
  ['ô ố ồ ổ ỗ ộ', 'oâ oá oà oå oã oä'],
  ['ơ ớ ờ ở ỡ ợ', 'ô ôù ôø ôû ôõ ôï'],
  ['u ú ù ủ ũ ụ', 'u uù uø uû uõ uï'],
  ['ư ứ ừ ử ữ ự', 'ö öù öø öû öõ öï'],
  ['y ý ỳ ỷ ỹ ỵ', 'y yù yø yû yõ î'],
  ['đ', 'ñ'],
];

// ---------------------------------------------------------------------------------------------
// Lookup maps built from the tables.

/** TCVN3 character → letter (lower case, or one of the 7 capitals). */
const TCVN3_DECODE = new Map<string, string>();
/** Letter → TCVN3 character; a capital with a tone mark gets the lower-case code (the .VnTimeH way). */
const TCVN3_ENCODE = new Map<string, string>();
for (const [byte, letter] of TCVN3_TABLE) {
  const ch = String.fromCharCode(byte);
  TCVN3_DECODE.set(ch, letter);
  TCVN3_ENCODE.set(letter, ch);
}
for (const [byte, letter] of TCVN3_TABLE) {
  const upper = letter.toUpperCase();
  if (!TCVN3_ENCODE.has(upper)) TCVN3_ENCODE.set(upper, String.fromCharCode(byte));
}

/** VNI sequence with at least one non-ASCII character → letter; VNI letter → sequence. */
const VNI_DECODE = new Map<string, string>();
const VNI_ENCODE = new Map<string, string>();
for (const [unicodeRow, vniRow] of VNI_TABLE) {
  const letters = unicodeRow.split(' ');
  const codes = vniRow.split(' ');
  letters.forEach((letter, i) => {
    for (const [l, c] of [[letter, codes[i]!], [letter.toUpperCase(), codes[i]!.toUpperCase()]] as const) {
      VNI_ENCODE.set(l, c);
      if (/[^\x00-\x7f]/.test(c)) VNI_DECODE.set(c, l);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Converters.

/** Unicode → TCVN3 characters (for tests and benchmarks; danvan never writes legacy text). */
export function encodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += TCVN3_ENCODE.get(ch) ?? ch;
  return out;
}

/** Unicode → VNI-Windows characters (for tests and benchmarks). */
export function encodeVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += VNI_ENCODE.get(ch) ?? ch;
  return out;
}

/** TCVN3 → Unicode, every mapped character converted; capitals inferred as in `readText`. */
export function decodeTcvn3(text: string): string {
  return readText(text, 'tcvn3').text;
}

/** VNI → Unicode; a mark byte that follows no letter it can go with is kept as it is. */
export function decodeVni(text: string): string {
  return readText(text, 'vni').text;
}

// ---------------------------------------------------------------------------------------------
// Reading a cell's text through one encoding.

/** What the text says when read through one legacy encoding. */
export interface LegacyReading {
  encoding: LegacyEncoding;
  /** The converted text, NFC. */
  text: string;
  /**
   * Distinct words (lower case, converted) that are Vietnamese syllables only when converted: they hold an
   * ASCII letter next to legacy characters, and their Unicode reading is not Vietnamese ("tÕ" → "tế").
   */
  good: number;
  /** Words with legacy characters whose conversion is not a Vietnamese syllable (nor an acronym such as HĐND). */
  bad: number;
  /** Some letter was made a capital from the case around it (TCVN3 typed for the .VnTimeH fonts). */
  capitals: boolean;
}

const ASCII_LETTER = /[A-Za-z]/;
/** Characters outside Windows-1252's repertoire: a cell holding one is Unicode text, never legacy. */
const NOT_CP1252 = /[^\u0000-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;
/** The characters legacy letters turn into: without one of them a text has nothing to repair. */
const HIGH_LATIN1 = /[\u00a1-\u00ff]/;

/** Cheap first test, true for nearly every cell: the text cannot be legacy-encoded Vietnamese. */
export function cannotBeLegacy(text: string): boolean {
  return !HIGH_LATIN1.test(text) || NOT_CP1252.test(text);
}

function isLatin1Letter(code: number): boolean {
  return (code >= 0xc0 && code <= 0xff && code !== 0xd7 && code !== 0xf7) || code === 0xaa || code === 0xb5 || code === 0xba;
}

function isWordChar(ch: string, encoding: LegacyEncoding): boolean {
  const code = ch.charCodeAt(0);
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  if (code < 0xa0 || code > 0xff) return false;
  if (isLatin1Letter(code)) return true;
  return encoding === 'tcvn3' ? TCVN3_DECODE.has(ch) : false;
}

/** An upper-case abbreviation such as "HĐND", "BCĐ": not a syllable, but no sign against the encoding. */
function isAcronym(word: string): boolean {
  return word.length >= 2 && word.length <= 8 && /^[A-ZĐ]+$/.test(word);
}

/**
 * Converts one word; undefined when the word cannot be in this encoding (a Latin-1 letter the encoding
 * does not use, a VNI mark after a letter that takes no such mark).
 */
function convertWord(word: string, encoding: LegacyEncoding, capitals: boolean): string | undefined {
  let out = '';
  if (encoding === 'tcvn3') {
    for (const ch of word) {
      if (ch.charCodeAt(0) < 0x80) {
        out += ch;
        continue;
      }
      const letter = TCVN3_DECODE.get(ch);
      if (letter === undefined) return undefined;
      out += capitals ? letter.toUpperCase() : letter;
    }
    return out;
  }
  for (let i = 0; i < word.length; ) {
    const pair = VNI_DECODE.get(word.slice(i, i + 2));
    if (pair !== undefined && i + 1 < word.length) {
      out += pair;
      i += 2;
      continue;
    }
    const ch = word[i]!;
    if (ch.charCodeAt(0) < 0x80) out += ch;
    else {
      const single = VNI_DECODE.get(ch);
      if (single === undefined) return undefined;
      out += single;
    }
    i += 1;
  }
  return out;
}

/**
 * Do the ASCII letters of a word say capitals (true), lower case (false), or nothing (undefined)? A lower-case
 * letter anywhere means lower case; upper-case letters after the first mean capitals ("MÆT"); a capital
 * alone at the start says nothing ("Vµ" may be "Và" or "VÀ").
 */
function wordCase(word: string): boolean | undefined {
  let upper = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90 && i > 0) upper++;
  }
  return upper ? true : undefined;
}

/** A word as Unicode text would spell it: lower case, capitalised, or all capitals (not "tÕ", "MÆt"). */
function naturalCase(word: string): boolean {
  const rest = word.slice(1);
  return rest === rest.toLowerCase() || word === word.toUpperCase();
}

/** Is the word, read as the Unicode it claims to be, already Vietnamese? */
function isUnicodeVietnamese(word: string): boolean {
  return naturalCase(word) && isVietnameseSyllable(word);
}

/**
 * Reads `text` through `encoding`, word by word. Words are runs of ASCII letters, Latin-1 letters and (for
 * TCVN3) the symbols the encoding uses as letters ("µ", "¸", "®"…); digits, spaces and punctuation separate them.
 */
export function readText(text: string, encoding: LegacyEncoding): LegacyReading {
  // Every character here is a single UTF-16 unit (cannotBeLegacy keeps out anything past Windows-1252).
  const segments: { word: boolean; s: string }[] = [];
  let start = 0;
  let inWord = text.length > 0 && isWordChar(text[0]!, encoding);
  for (let i = 1; i <= text.length; i++) {
    const w = i < text.length && isWordChar(text[i]!, encoding);
    if (i === text.length || w !== inWord) {
      segments.push({ word: inWord, s: text.slice(start, i) });
      start = i;
      inWord = w;
    }
  }

  // Capitals of the whole text, for words that say nothing themselves ("Vµ" in "MÆT TRËN Vµ §OµN THÓ").
  let cellCapitals = false;
  if (encoding === 'tcvn3') {
    let upper = 0;
    let lower = 0;
    for (const seg of segments) {
      if (!seg.word) continue;
      const c = wordCase(seg.s);
      if (c === true) upper++;
      else if (c === false) lower++;
    }
    cellCapitals = upper > lower;
  }

  const good = new Set<string>();
  let bad = 0;
  let capitals = false;
  let out = '';
  for (const seg of segments) {
    if (!seg.word || !/[^\x00-\x7f]/.test(seg.s)) {
      out += seg.s;
      continue;
    }
    const caps = encoding === 'tcvn3' ? (wordCase(seg.s) ?? cellCapitals) : false;
    const converted = convertWord(seg.s, encoding, caps);
    if (converted === undefined) {
      bad++;
      out += seg.s;
      continue;
    }
    if (caps && converted !== convertWord(seg.s, encoding, false)) capitals = true;
    out += converted;
    const syllable = isVietnameseSyllable(converted);
    if (!syllable && !isAcronym(converted)) {
      bad++;
      continue;
    }
    if (syllable && ASCII_LETTER.test(seg.s) && !isUnicodeVietnamese(seg.s)) good.add(converted.toLowerCase());
  }
  // The table's letters are precomposed: only a combining mark already in the text could need composing.
  return { encoding, text: /[\u0300-\u036f]/.test(out) ? out.normalize('NFC') : out, good: good.size, bad, capitals };
}

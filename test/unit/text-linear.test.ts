/**
 * Text processing runs in time linear in the text's length: every function that handles cell, config or
 * template text is run on 32,000-character runs of spaces, ideographic spaces, dots and line breaks (each
 * took seconds per cell when a regular expression backtracked), and the loops that replaced regular
 * expressions are compared with those expressions on random strings. The time of each call is measured by
 * bench/linear.mjs against its budget (250 ms), never asserted in a test.
 */
import { describe, expect, it } from 'vitest';
import { cleanText, foldKey, itemKey } from '../../src/domain/text.js';
import { canonicalAddressee } from '../../src/domain/addressees.js';
import { parsePeriod } from '../../src/domain/period.js';
import { escapeMarkup, parseInline, parseMarkup, splitFrontMatter } from '../../src/document/markup.js';
import { helpers } from '../../src/render/helpers.js';
import { shown, unreadable } from '../../src/messages/vi.js';
import { parseVietnameseNumber, readDate } from '../../src/validate/cell-values.js';
import { decodeUtf8, firstInvalidUtf8, FileReadError } from '../../src/files/read.js';
import { random } from '../../scripts/hostile-inputs.mjs';

const RUNS: Record<string, string> = {
  'ideographic spaces': '\u3000',
  spaces: ' ',
  'no-break spaces': '\u00a0',
  dots: '.',
  'dots and spaces': '. ',
  tabs: '\t',
  'line breaks': '\n',
  parentheses: '(',
  stars: '*',
  backslashes: '\\',
  'hash signs': '#',
};

const cau = helpers.cau as (text: string) => string;

const FUNCTIONS: Record<string, (text: string) => unknown> = {
  cleanText,
  foldKey,
  itemKey,
  canonicalAddressee,
  escapeMarkup,
  'parseInline(escapeMarkup)': (t) => parseInline(escapeMarkup(t)),
  'parseInline(raw)': (t) => parseInline(t),
  parseMarkup: (t) => parseMarkup(t, () => []),
  splitFrontMatter,
  cau,
  shown,
  parsePeriod,
  parseVietnameseNumber,
  readDate: (t) => readDate({ kind: 'text', text: t }),
  'unreadable.corrupt': (t) => unreadable.corrupt(t, { part: t }),
};

describe('every text function is linear on long runs', () => {
  for (const [runName, ch] of Object.entries(RUNS)) {
    const run = ch.repeat(Math.ceil(32_000 / ch.length));
    // The run between words, and at the end: the two places where a backtracking pattern fails slowly.
    const texts = [`Nội dung${run}kết thúc`, `Nội dung${run}`, `${run}x`];
    it(`32,000 ${runName}`, () => {
      for (const [name, fn] of Object.entries(FUNCTIONS)) {
        // Each call ends (a backtracking pattern would hold the test to its timeout); how long it takes is
        // measured by bench/linear.mjs, not asserted here: a busy machine must not fail the suite.
        for (const text of texts) expect(() => fn(text), `${name} on ${runName}`).not.toThrow();
      }
    });
  }

  it('--ky of 4,000 line breaks is read (and refused) at once', () => {
    const kinds = { '6 tháng': '6T', 'Quý I': 'Q1', Năm: 'Y', '9 tháng đầu năm': '9T' } as const;
    for (const [text, kind] of Object.entries(kinds)) {
      expect(parsePeriod(`${text}${'\n'.repeat(4_000)}x`)).toBeUndefined();
      // Line breaks are spaces to a period: with a year after them it is a period.
      expect(parsePeriod(`${text}${' \n\t'.repeat(4_000)}2023`)).toEqual({ year: 2023, kind });
    }
    expect(parsePeriod('Quý  I \n/ 2023')).toEqual({ year: 2023, kind: 'Q1' });
    expect(parsePeriod('6 tháng\n\nđầu năm 2023')).toEqual({ year: 2023, kind: '6T' });
  });
});

/** Random strings over the characters that matter to a pattern, for comparing a loop with the pattern it replaced. */
function randomTexts(alphabet: string[], count: number, seed: number): string[] {
  const rnd = random(seed);
  return Array.from({ length: count }, () => {
    const length = Math.floor(rnd() * 24);
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
    return s;
  });
}

describe('the loops do what the patterns they replaced did', () => {
  it('parseInline matches the emphasis pattern', () => {
    const pattern = /(?<!\\)\*\*((?:\\.|[^\\])+?)(?<!\\)\*\*|(?<!\\)\*((?:\\.|[^\\*])+?)(?<!\\)\*/g;
    const unescape = (t: string) => t.replace(/\\([\\*#[\]])/g, '$1');
    const byPattern = (text: string) => {
      const runs: { text: string; bold?: boolean; italic?: boolean }[] = [];
      let last = 0;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        if (m.index > last) runs.push({ text: unescape(text.slice(last, m.index)) });
        runs.push(m[1] !== undefined ? { text: unescape(m[1]), bold: true } : { text: unescape(m[2]!), italic: true });
        last = m.index + m[0].length;
      }
      if (last < text.length) runs.push({ text: unescape(text.slice(last)) });
      return runs.filter((r) => r.text.length > 0);
    };
    for (const text of randomTexts(['*', '*', '\\', 'a', ' ', '\u2028', '\r', '#'], 20_000, 1)) {
      expect(parseInline(text), JSON.stringify(text)).toEqual(byPattern(text));
    }
  });

  it('escapeMarkup matches escaping plus /\\s*\\n\\s*/g → " "', () => {
    const byPattern = (t: string) => t.replace(/[\\*#[\]]/g, '\\$&').replace(/\s*\n\s*/g, ' ');
    for (const text of randomTexts(['\n', ' ', '\u3000', '\r', 'a', '*', '\t', '\u2028'], 20_000, 2)) {
      expect(escapeMarkup(text), JSON.stringify(text)).toBe(byPattern(text));
    }
  });

  it('cau and canonicalAddressee drop what /[\\s.;,:]+$/u and /[.:;,]+$/ dropped', () => {
    for (const text of randomTexts(['.', ';', ',', ':', ' ', '\u3000', 'x', 'đ'], 20_000, 4)) {
      const expected = text.trim().replace(/[\s.;,:]+$/u, '');
      expect(cau(text), JSON.stringify(text)).toBe(expected.charAt(0).toLocaleUpperCase('vi') + expected.slice(1));
      const addressee = text.trim().replace(/[.:;,]+$/, '');
      expect(canonicalAddressee(text).toLocaleLowerCase('vi'), JSON.stringify(text)).toBe(addressee.toLocaleLowerCase('vi'));
    }
  });

  it('cleanText makes every kind of space plain and collapses runs', () => {
    expect(cleanText('Nội\u3000\u3000dung\u00a0 kết\u2009thúc \n  dòng hai')).toBe('Nội dung kết thúc\ndòng hai');
    expect(cleanText(`a${'\u3000'.repeat(32_000)}b`)).toBe('a b');
  });
});

describe('UTF-8 check', () => {
  it('finds the first byte that is not UTF-8, as TextDecoder judges', () => {
    const rnd = random(5);
    const fatal = new TextDecoder('utf-8', { fatal: true });
    for (let round = 0; round < 20_000; round++) {
      const bytes = new Uint8Array(Math.floor(rnd() * 8));
      for (let i = 0; i < bytes.length; i++) bytes[i] = rnd() < 0.5 ? 0x41 : 0x80 + Math.floor(rnd() * 0x80);
      let valid = true;
      try {
        fatal.decode(bytes);
      } catch {
        valid = false;
      }
      const at = firstInvalidUtf8(bytes);
      expect(at === -1, Buffer.from(bytes).toString('hex')).toBe(valid);
      if (!valid) expect(() => fatal.decode(bytes.subarray(0, at))).not.toThrow();
    }
  });

  it('a byte order mark is allowed; the offset counts it', () => {
    expect(decodeUtf8(Buffer.from('\ufeffBan Dân vận'))).toBe('Ban Dân vận');
    try {
      decodeUtf8(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Ban D\u00e2n', 'latin1')]));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FileReadError);
      expect((error as FileReadError).details.offset).toBe(8);
    }
  });
});

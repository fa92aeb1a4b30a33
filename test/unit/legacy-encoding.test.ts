/** The legacy Vietnamese encodings (TCVN3, VNI): tables against published sources, round trips, and the reading of a cell. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  TCVN3_TABLE,
  VNI_TABLE,
  cannotBeLegacy,
  decodeTcvn3,
  decodeVni,
  encodeTcvn3,
  encodeVni,
  readText,
} from '../../src/domain/legacy-encoding.js';
import { isVietnameseSyllable } from '../../src/domain/vietnamese-syllable.js';

/** Every Vietnamese vowel with each of its six tones (plain, sắc, huyền, hỏi, ngã, nặng), from Unicode composition. */
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const LOWER_LETTERS = [...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))), 'đ'];
const UPPER_LETTERS = LOWER_LETTERS.map((l) => l.toUpperCase());

describe('the TCVN3 table', () => {
  it('has the 67 lower-case letters of Vietnamese (every vowel with every tone, and đ) and the 7 capitals Ă Â Ê Ô Ơ Ư Đ', () => {
    const letters = TCVN3_TABLE.map(([, letter]) => letter);
    // The 5 plain vowels a e i o u y are ASCII in TCVN3; everything else has its own byte.
    const expected = LOWER_LETTERS.filter((l) => !/^[aeiouy]$/.test(l));
    expect([...letters].filter((l) => l === l.toLowerCase()).sort()).toEqual([...expected].sort());
    expect(letters.filter((l) => l !== l.toLowerCase())).toEqual(['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ']);
    expect(new Set(TCVN3_TABLE.map(([byte]) => byte)).size).toBe(TCVN3_TABLE.length);
  });

  it("gives each byte the letter of TCVN 5712:1993 (glibc's TCVN5712-1 converter, via iconv)", (ctx) => {
    const bytes = Buffer.from(TCVN3_TABLE.flatMap(([byte]) => [byte, 0x0a]));
    const run = spawnSync('iconv', ['-f', 'TCVN5712-1', '-t', 'UTF-8'], { input: bytes, encoding: 'utf8' });
    if (run.error || run.status !== 0) {
      console.warn('iconv with TCVN5712-1 not available: the TCVN3 table is not checked against glibc here');
      ctx.skip();
      return;
    }
    const fromIconv = run.stdout.split('\n').slice(0, TCVN3_TABLE.length).map((s) => s.normalize('NFC'));
    expect(fromIconv).toEqual(TCVN3_TABLE.map(([, letter]) => letter));
  });

  it('round-trips every letter with every tone, capitals through the .VnTimeH convention', () => {
    for (const letter of LOWER_LETTERS) {
      expect(decodeTcvn3(encodeTcvn3(letter)), letter).toBe(letter);
      expect(decodeTcvn3(encodeTcvn3(`x${letter}x`)), letter).toBe(`x${letter}x`);
    }
    for (const letter of UPPER_LETTERS) {
      // A capital with a tone has no TCVN3 byte: the lower-case byte, drawn as a capital by .VnTimeH fonts.
      expect(decodeTcvn3(encodeTcvn3(`X${letter}X`)), letter).toBe(`X${letter}X`);
    }
  });

  it('decodes the text of the issue and the capitals of a .VnTimeH heading', () => {
    expect(decodeTcvn3('MÆt trËn vµ ®oµn thÓ')).toBe('Mặt trận và đoàn thể');
    expect(decodeTcvn3('MÆT TRËN Vµ §OµN THÓ')).toBe('MẶT TRẬN VÀ ĐOÀN THỂ');
    expect(decodeTcvn3('UBND, H§ND x·')).toBe('UBND, HĐND xã');
    expect(decodeTcvn3('Tr\u00adêng häc')).toBe('Trường học');
  });
});

describe('the VNI-Windows table', () => {
  it('has every letter with every tone, lower case and capitals', () => {
    const letters = VNI_TABLE.flatMap(([unicode]) => unicode.split(' '));
    expect([...letters].sort()).toEqual([...LOWER_LETTERS].sort());
  });

  it('follows the structure of the VNI chart: base letter, then one mark for tone and modifier', () => {
    // Derived independently from Unicode decomposition: what VNI writes after the base letter.
    const toneMark: Record<string, string> = { '\u0301': 'ù', '\u0300': 'ø', '\u0309': 'û', '\u0303': 'õ', '\u0323': 'ï' };
    const circumflex: Record<string, string> = { '': 'â', '\u0301': 'á', '\u0300': 'à', '\u0309': 'å', '\u0303': 'ã', '\u0323': 'ä' };
    const breve: Record<string, string> = { '': 'ê', '\u0301': 'é', '\u0300': 'è', '\u0309': 'ú', '\u0303': 'ü', '\u0323': 'ë' };
    const singleI: Record<string, string> = { '': 'i', '\u0301': 'í', '\u0300': 'ì', '\u0309': 'æ', '\u0303': 'ó', '\u0323': 'ò' };
    for (const letter of LOWER_LETTERS) {
      if (letter === 'đ') {
        expect(encodeVni(letter)).toBe('ñ');
        continue;
      }
      const nfd = letter.normalize('NFD');
      const base = nfd[0]!;
      const marks = nfd.slice(1);
      const tone = [...marks].find((m) => m in toneMark) ?? '';
      let expected: string;
      if (marks.includes('\u0302')) expected = base + circumflex[tone]!;
      else if (marks.includes('\u0306')) expected = base + breve[tone]!;
      else if (marks.includes('\u031b')) expected = (base === 'o' ? 'ô' : 'ö') + (tone ? toneMark[tone]! : '');
      else if (base === 'i') expected = singleI[tone]!;
      else if (base === 'y' && tone === '\u0323') expected = 'î';
      else expected = base + (tone ? toneMark[tone]! : '');
      expect(encodeVni(letter), letter).toBe(expected);
      expect(encodeVni(letter.toUpperCase()), letter.toUpperCase()).toBe(expected.toUpperCase());
    }
  });

  it('round-trips every letter with every tone, lower case and capitals', () => {
    for (const letter of [...LOWER_LETTERS, ...UPPER_LETTERS]) {
      expect(decodeVni(encodeVni(letter)), letter).toBe(letter);
      expect(decodeVni(encodeVni(`t${letter}n`)), letter).toBe(`t${letter}n`);
    }
  });

  it('decodes published VNI examples', () => {
    expect(decodeVni('Vieät Nam')).toBe('Việt Nam');
    expect(decodeVni('Xin chaøo caùc baïn')).toBe('Xin chào các bạn');
    expect(decodeVni('COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });
});

describe('isVietnameseSyllable', () => {
  it('accepts Vietnamese syllables, in any case', () => {
    for (const word of ['mặt', 'trận', 'và', 'đoàn', 'thể', 'nghiêng', 'khuyên', 'quốc', 'giữa', 'gì', 'gìn', 'thuở', 'khuỷu', 'xoong', 'ĐOÀN', 'Trường', 'ở', 'ấy', 'oái']) {
      expect(isVietnameseSyllable(word), word).toBe(true);
    }
  });

  it('rejects what is not one: foreign letters, impossible rhymes, a stop ending with the wrong tone', () => {
    for (const word of ['café', 'Müller', 'tỉt', 'mát̀', 'kan', 'ngi', 'ceo', 'quu', 'fa', 'aa', 'ẳ', 'nóo', 'strength']) {
      expect(isVietnameseSyllable(word), word).toBe(false);
    }
  });
});

describe('readText', () => {
  it('finds a TCVN3 sentence: every legacy word a syllable once converted', () => {
    const r = readText(encodeTcvn3('Tổ chức Hội nghị quán triệt Kết luận số 43-KL/TW của Ban Bí thư'), 'tcvn3');
    expect(r).toMatchObject({ text: 'Tổ chức Hội nghị quán triệt Kết luận số 43-KL/TW của Ban Bí thư', bad: 0, capitals: false });
    expect(r.good).toBeGreaterThanOrEqual(8);
    // The same bytes are not VNI.
    expect(readText(encodeTcvn3('Tổ chức Hội nghị quán triệt'), 'vni').bad).toBeGreaterThan(0);
  });

  it('finds a VNI sentence, and it is not TCVN3', () => {
    const vni = encodeVni('Vận động Nhân dân hiến đất làm đường giao thông nông thôn');
    expect(readText(vni, 'vni')).toMatchObject({ text: 'Vận động Nhân dân hiến đất làm đường giao thông nông thôn', bad: 0 });
    expect(readText(vni, 'tcvn3').bad).toBeGreaterThan(0);
  });

  it('marks capitals read from the case around (.VnTimeH)', () => {
    expect(readText('BAN D¢N VËN', 'tcvn3')).toMatchObject({ text: 'BAN DÂN VẬN', capitals: true });
  });

  it('a word already Vietnamese as typed never counts ("Khác", "Ghi chú", "có")', () => {
    for (const text of ['Khác', 'Ghi chú', 'có', 'Tôi là ai', 'Cà Mau']) {
      expect(readText(text, 'tcvn3').good, text).toBe(0);
      expect(readText(text, 'vni').good, text).toBe(0);
    }
  });

  it('cannotBeLegacy: ASCII, and anything outside Windows-1252, is never legacy text', () => {
    expect(cannotBeLegacy('DVK_MH_MOI')).toBe(true);
    expect(cannotBeLegacy('nguyen.van.a@binhson.gov.vn')).toBe(true);
    expect(cannotBeLegacy('Mặt trận và đoàn thể')).toBe(true);
    expect(cannotBeLegacy('Khác')).toBe(false);
    expect(cannotBeLegacy('MÆt trËn')).toBe(false);
  });
});

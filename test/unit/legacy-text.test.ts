/** The workbook-level repair of legacy-encoded text: which cells, with what context, the warnings, and no false repair. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { legacyTextWarnings, repairWorkbookText } from '../../src/check/legacy-text.js';
import { encodeTcvn3, encodeVni, readText } from '../../src/domain/legacy-encoding.js';
import { isVietnameseSyllable } from '../../src/domain/vietnamese-syllable.js';
import { readWorkbookFile } from '../../src/readers/index.js';
import { UnreadableWorkbookError, type RawWorkbook } from '../../src/readers/types.js';
import { validateWorkbook } from '../../src/validate/submission.js';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { CORPUS, FIXTURES, ROOT, listFiles } from '../readers/corpus.js';
import { sheet, wb } from './workbook-builder.js';

const SEEDS = process.env['DANVAN_SEEDS'] ?? resolve(ROOT, '../shared/seeds');

/** The form's content typed with a .VnTime font: labels stay Unicode (the form's), what the unit typed is TCVN3. */
function tcvn3Submission(): RawWorkbook {
  return wb()
    .set('Thông tin', 'B3', encodeTcvn3('Ban Dân vận Huyện ủy Đông Hòa'))
    .set('Thông tin', 'B6', encodeTcvn3('Nguyễn Thị Bình'))
    .set('Kết quả', 'B3', encodeTcvn3('Lãnh đạo, chỉ đạo'))
    .set('Kết quả', 'C3', encodeTcvn3('Tổ chức hội nghị quán triệt Kết luận 43-KL/TW.'))
    .set('Kết quả', 'B4', encodeTcvn3('Khác'))
    .set('Kết quả', 'C4', encodeTcvn3('Vận động Nhân dân hiến đất làm đường giao thông nông thôn.'))
    .set('Mô hình', 'B3', encodeTcvn3('Tuyến đường hoa'))
    .set('Mô hình', 'C3', encodeTcvn3('Kinh tế'))
    .set('Mô hình', 'D3', encodeTcvn3('Cơ sở'))
    .build();
}

function textOf(workbook: RawWorkbook, sheetName: string, ref: string): string | undefined {
  const cell = workbook.sheets.find((s) => s.name === sheetName)?.cells.find((c) => c.ref === ref);
  return cell?.value.kind === 'text' ? cell.value.text : undefined;
}

describe('repairWorkbookText', () => {
  it('converts a file typed in TCVN3, short cells too, and the file then validates', () => {
    const input = tcvn3Submission();
    // Before: the closed lists refuse the legacy text.
    expect(validateWorkbook(input, 'a.xlsx', DEFAULT_CATALOGUE).issues.some((i) => i.code === 'row.field-unknown')).toBe(true);
    const result = repairWorkbookText(input);
    expect(result.fileEncoding).toBe('tcvn3');
    expect(textOf(result.workbook, 'Kết quả', 'B3')).toBe('Lãnh đạo, chỉ đạo');
    expect(textOf(result.workbook, 'Kết quả', 'B4')).toBe('Khác');
    expect(textOf(result.workbook, 'Mô hình', 'C3')).toBe('Kinh tế');
    expect(textOf(result.workbook, 'Mô hình', 'D3')).toBe('Cơ sở');
    expect(textOf(result.workbook, 'Thông tin', 'B3')).toBe('Ban Dân vận Huyện ủy Đông Hòa');
    // Cells typed in Unicode (the form's labels, "Ghi chú", "Khác" as a label) are untouched.
    expect(result.repairs.map((r) => `${r.sheet}!${r.cell}`).sort()).toEqual(
      ['Kết quả!B3', 'Kết quả!B4', 'Kết quả!C3', 'Kết quả!C4', 'Mô hình!B3', 'Mô hình!C3', 'Mô hình!D3', 'Thông tin!B3', 'Thông tin!B6'].sort(),
    );
    expect(result.repairs.every((r) => r.encoding === 'tcvn3')).toBe(true);
    const validation = validateWorkbook(result.workbook, 'a.xlsx', DEFAULT_CATALOGUE);
    expect(validation.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(validation.submission?.results.map((r) => r.field)).toEqual(['Lãnh đạo, chỉ đạo', 'Khác']);
    // The input is not changed.
    expect(textOf(input, 'Kết quả', 'B3')).toBe(encodeTcvn3('Lãnh đạo, chỉ đạo'));
  });

  it('folds the warnings of a whole legacy file into one line per sheet, naming the cells', () => {
    const warnings = legacyTextWarnings(repairWorkbookText(tcvn3Submission()));
    expect(warnings.map((w) => [w.sheet, w.cell, w.code])).toEqual([
      ['Thông tin', null, 'text.legacy-encoding'],
      ['Kết quả', null, 'text.legacy-encoding'],
      ['Mô hình', null, 'text.legacy-encoding'],
    ]);
    expect(warnings[1]!.message).toBe(
      'Văn bản gõ bằng bảng mã TCVN3 (.VnTime) đã được chuyển sang Unicode ở 4 ô (B3, C3, B4, C4). ' +
        'Hãy đọc lại các ô này; lần sau nên gõ bằng bảng mã Unicode (phông Times New Roman).',
    );
  });

  it('one pasted TCVN3 cell in a Unicode file: that cell alone, with its own warning showing both texts', () => {
    const result = repairWorkbookText(wb().set('Kết quả', 'C3', 'MÆt trËn vµ ®oµn thÓ').build());
    expect(result.fileEncoding).toBeNull();
    expect(result.repairs).toEqual([
      { sheet: 'Kết quả', cell: 'C3', encoding: 'tcvn3', before: 'MÆt trËn vµ ®oµn thÓ', after: 'Mặt trận và đoàn thể' },
    ]);
    expect(legacyTextWarnings(result)).toEqual([
      {
        code: 'text.legacy-encoding',
        severity: 'warning',
        sheet: 'Kết quả',
        cell: 'C3',
        message: 'Văn bản gõ bằng bảng mã TCVN3 (.VnTime) đã được chuyển sang Unicode: "MÆt trËn vµ ®oµn thÓ" thành "Mặt trận và đoàn thể".',
      },
    ]);
  });

  it('a short cell alone is too short to tell, unless it is a closed-list value only once converted', () => {
    const short = repairWorkbookText(wb().set('Kết quả', 'C3', 'Tèt').build());
    expect(short.repairs).toEqual([]);
    const closed = repairWorkbookText(wb().set('Kết quả', 'B3', 'Kh¸c').set('Mô hình', 'C3', 'Kinh tÕ').set('Mô hình', 'D3', 'TØnh').build());
    expect(closed.fileEncoding).toBeNull();
    expect(closed.repairs.map((r) => [r.cell, r.after])).toEqual([
      ['B3', 'Khác'],
      ['C3', 'Kinh tế'],
      ['D3', 'Tỉnh'],
    ]);
  });

  it('names .VnTimeH capitals and VNI-Windows', () => {
    const caps = repairWorkbookText(wb().set('Kết quả', 'C3', encodeTcvn3('MẶT TRẬN VÀ ĐOÀN THỂ')).build());
    expect(caps.repairs).toMatchObject([{ encoding: 'tcvn3-caps', after: 'MẶT TRẬN VÀ ĐOÀN THỂ' }]);
    expect(legacyTextWarnings(caps)[0]!.message).toContain('TCVN3 chữ hoa (.VnTimeH)');
    const vni = repairWorkbookText(wb().set('Kết quả', 'C3', encodeVni('Vận động Nhân dân hiến đất làm đường')).build());
    expect(vni.repairs).toMatchObject([{ encoding: 'vni', after: 'Vận động Nhân dân hiến đất làm đường' }]);
    expect(legacyTextWarnings(vni)[0]!.message).toContain('VNI-Windows');
  });

  it('a file typed in VNI converts its short cells with the file as context', () => {
    const book = wb()
      .set('Kết quả', 'B3', encodeVni('Mặt trận và đoàn thể'))
      .set('Kết quả', 'C3', encodeVni('Phối hợp vận động Nhân dân xây dựng nông thôn mới.'))
      .set('Mô hình', 'C3', encodeVni('Kinh tế'))
      .build();
    const result = repairWorkbookText(book);
    expect(result.fileEncoding).toBe('vni');
    expect(textOf(result.workbook, 'Mô hình', 'C3')).toBe('Kinh tế');
  });

  it('leaves a Unicode workbook as it is (same object)', () => {
    const book = wb().build();
    const result = repairWorkbookText(book);
    expect(result.workbook).toBe(book);
    expect(result.repairs).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// No false repair: real Unicode text, English, numbers, e-mail addresses and codes are never converted.

/** Every text cell of a workbook, and the repairs of the whole workbook (which must be none). */
function sweep(workbook: RawWorkbook): { cells: number; suspicious: number; repairs: number; candidates: string[] } {
  let cells = 0;
  let suspicious = 0;
  const candidates: string[] = [];
  for (const s of workbook.sheets) {
    for (const c of s.cells) {
      if (c.value.kind !== 'text') continue;
      cells++;
      const text = c.value.text;
      if (/[\u00a1-\u00ff]/.test(text)) suspicious++;
      for (const e of ['tcvn3', 'vni'] as const) {
        const r = readText(text, e);
        if (r.bad === 0 && r.good > 0) candidates.push(`${s.name}!${c.ref} ${e}: ${text.slice(0, 60)}`);
      }
    }
  }
  return { cells, suspicious, repairs: repairWorkbookText(workbook).repairs.length, candidates };
}

async function sweepFiles(files: string[]) {
  const total = { files: 0, cells: 0, suspicious: 0, repairs: [] as string[], candidates: [] as string[] };
  for (const file of files) {
    let workbook: RawWorkbook;
    try {
      workbook = await readWorkbookFile(file);
    } catch (error) {
      if (error instanceof UnreadableWorkbookError) continue;
      throw error;
    }
    const r = sweep(workbook);
    total.files++;
    total.cells += r.cells;
    total.suspicious += r.suspicious;
    if (r.repairs) total.repairs.push(file);
    total.candidates.push(...r.candidates.map((c) => `${file}: ${c}`));
  }
  return total;
}

describe('no false repair', () => {
  it('every text cell of the fixtures', async () => {
    const r = await sweepFiles(listFiles(FIXTURES, (n) => /\.xlsx$/i.test(n)));
    console.info(`legacy text, fixtures: ${r.files} workbooks, ${r.cells} text cells (${r.suspicious} with Latin-1 letters or symbols), 0 conversions expected`);
    expect(r.files).toBeGreaterThan(30);
    expect(r.repairs).toEqual([]);
    // Not even one cell that a file context could tip over.
    expect(r.candidates).toEqual([]);
  });

  it('every text cell of the public corpus', async (ctx) => {
    const files = listFiles(CORPUS, (n) => /\.xlsx$/i.test(n));
    if (files.length === 0) {
      console.warn(`public corpus not found at ${CORPUS}: no-false-repair test on the corpus skipped`);
      ctx.skip();
      return;
    }
    const r = await sweepFiles(files);
    console.info(`legacy text, corpus: ${r.files} workbooks, ${r.cells} text cells (${r.suspicious} with Latin-1 letters or symbols), ${r.repairs.length} conversions`);
    expect(r.cells).toBeGreaterThan(10_000);
    expect(r.repairs).toEqual([]);
    expect(r.candidates).toEqual([]);
  });

  it('every sentence of the seed articles, and every word of them made only of Latin-1 letters', (ctx) => {
    if (!existsSync(SEEDS)) {
      console.warn(`seed articles not found at ${SEEDS}: no-false-repair test on them skipped`);
      ctx.skip();
      return;
    }
    const text = readdirSync(SEEDS).sort().map((f) => readFileSync(join(SEEDS, f), 'utf8')).join('\n').normalize('NFC');
    const sentences = text.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter(Boolean);
    // The words that pass the cheap test ("các", "là", "tôn giáo"…): the real test of the syllable rules.
    const latin1Words = [...new Set(text.split(/[^\p{L}]+/u).filter((w) => /[\u00a1-\u00ff]/.test(w) && !/[^\u0000-\u00ff]/.test(w)))];
    const cells = [...sentences, ...latin1Words, latin1Words.join(' ')];
    const book: RawWorkbook = { sheets: [sheet('Bài viết', cells.map((c) => [c]))] };
    const r = sweep(book);
    console.info(`legacy text, seeds: ${sentences.length} sentences and ${latin1Words.length} Latin-1-only words, 0 conversions expected`);
    expect(sentences.length).toBeGreaterThan(50);
    expect(latin1Words.length).toBeGreaterThan(50);
    expect(r.repairs).toBe(0);
    expect(r.candidates).toEqual([]);
  });

  it("every word of hunspell's Vietnamese dictionary, in lower case, capitalised and in capitals", (ctx) => {
    const dic = process.env['DANVAN_VI_DIC'] ?? '/usr/share/hunspell/vi_VN.dic';
    if (!existsSync(dic)) {
      console.warn(`${dic} not found (Debian package hunspell-vi): dictionary test of the legacy repair skipped`);
      ctx.skip();
      return;
    }
    const words = readFileSync(dic, 'utf8').split('\n').slice(1).map((l) => l.split('/')[0]!.normalize('NFC').trim()).filter(Boolean);
    const native = words.filter((w) => /^[a-zăâđêôơưàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]+$/.test(w));
    const rejected = native.filter((w) => !isVietnameseSyllable(w));
    console.info(`syllable check: ${native.length} native dictionary words, ${rejected.length} rejected: ${rejected.join(' ')}`);
    expect(native.length).toBeGreaterThan(5000);
    // What it rejects are loanwords (email, internet, web, gram, tivi…) and toneless -t/-p entries (têt, xit).
    expect(rejected.length).toBeLessThan(20);
    const variants = words.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]);
    // Each word alone, and runs of eight words as sentences.
    const cells = [...variants];
    for (let i = 0; i < variants.length; i += 8) cells.push(variants.slice(i, i + 8).join(' '));
    const book: RawWorkbook = { sheets: [sheet('Từ điển', cells.map((c) => [c]))] };
    const r = sweep(book);
    console.info(`legacy text, dictionary: ${cells.length} cells, ${r.repairs} conversions`);
    expect(r.repairs).toBe(0);
    // The one dictionary entry that reads better converted: "TÊT" (no tone on a -t rhyme, not a word) as TCVN3 "TẤT".
    expect(r.candidates.every((c) => /têt/i.test(c))).toBe(true);
  });

  it('English, other languages, numbers, addresses, codes and symbols, even in a file typed in TCVN3', () => {
    const texts = [
      'DVK_MH_MOI', 'KN_TL', 'nguyen.van.a@binhson.gov.vn', 'https://binhson.gov.vn/tin-tuc', '0257 3841 234',
      '1.250,5', '45 %', '25°C', '± 5', '½ kg', '2 × 3 × 4', '10 µm × 5 µm', '© 2023 Microsoft', 'Microsoft® Excel™',
      '«Bonjour»', 'Café au lait à la française', 'Müller Straße in Köln', 'São Paulo', 'niño, año, mañana',
      'naïve résumé', 'Øresund', 'Ærø', 'Grüße aus München', '¿Qué? ¡Sí!', 'Où est-il?', 'Jag går på bio',
      'Khác', 'Ghi chú', 'Tôi là ai', 'Cà Mau', 'có', 'Bà Rịa - Vũng Tàu', 'Hội nghị', 'STT', 'Quý I/2023',
    ];
    // Alone, in a Unicode workbook.
    expect(texts.flatMap((t) => (['tcvn3', 'vni'] as const).filter((e) => { const r = readText(t, e); return r.bad === 0 && r.good >= 2; }).map((e) => `${e}: ${t}`))).toEqual([]);
    expect(repairWorkbookText({ sheets: [sheet('Ghi chú', texts.map((t) => [t]))] }).repairs).toEqual([]);
    // In a workbook whose other cells are clearly TCVN3 (so that the file context is on). Not "10 µm": typed
    // with a .VnTime font, that byte can only have been "à".
    const book = tcvn3Submission();
    book.sheets.push(sheet('Ghi chú', texts.filter((t) => !t.includes('µ')).map((t) => [t])));
    const result = repairWorkbookText(book);
    expect(result.fileEncoding).toBe('tcvn3');
    expect(result.repairs.filter((r) => r.sheet === 'Ghi chú')).toEqual([]);
  });
});

// End-to-end: `tonghop --doi-chieu`, the reconciliation workbook — its figures checked by LibreOffice's own
// arithmetic and openpyxl's reading, its refusals, its determinism; and the roll-up's origin column one level up.
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONFIG, FIXTURES, danvan, expectNoStackTrace, tempDir } from './run-cli.js';
import { parseJsonOutput } from '../helpers/json-contract.js';
import { isInformational } from '../../src/diagnostics/issue.js';
import { dumpXlsx, hasOpenpyxl } from '../helpers/openpyxl.js';
import { hasCommand, resaveWithCalc } from '../helpers/soffice.js';

const QUARTER = join(FIXTURES, 'quy-1-2023');
/** Worked out by hand from the fixture data (fixtures/README.md), as in tonghop.test.ts. */
const EXPECTED_TOTALS: Record<string, number> = {
  DVK_MH_MOI: 92, DVK_MH_CN: 39, DVK_DH: 23, TT_BUOI: 2008, TT_LUOT: 107270, TH_LOP: 28, TH_LUOT: 2372,
  DT_HN: 35, KN_TIEP: 406, KN_GQ: 369, KN_TL: 90.89, KTGS_CUOC: 41, VD_TIEN: 20225.2, VD_NGAYCONG: 34100,
  VD_DAT: 21170, VD_NHA: 109, KT_TAPTHE: 66, KT_CANHAN: 157,
};

function run(args: string[], cwd = tempDir()) {
  const result = danvan(['tonghop', ...args], cwd);
  expectNoStackTrace(result);
  return { ...result, cwd };
}

describe('tonghop --doi-chieu on the quarter fixtures', () => {
  const first = run([QUARTER, '--config', CONFIG, '-o', 'bc.docx', '--doi-chieu', 'doi-chieu.xlsx', '--json']);
  const path = join(first.cwd, 'doi-chieu.xlsx');

  it('writes the workbook and names it in the output', () => {
    expect(first.code).toBe(0);
    expect(parseJsonOutput(first.stdout, 'tonghop').doiChieu).toBe('doi-chieu.xlsx');
    expect(existsSync(path)).toBe(true);
  });

  it('gives the same bytes for the same inputs', () => {
    const again = run([QUARTER, '--config', CONFIG, '-o', 'bc.docx', '--doi-chieu', 'doi-chieu.xlsx']);
    expect(readFileSync(join(again.cwd, 'doi-chieu.xlsx')).equals(readFileSync(path))).toBe(true);
  });

  it.skipIf(!hasCommand('soffice') || !hasOpenpyxl())('LibreOffice, adding up the unit sheet itself, finds every total danvan printed', () => {
    const book = dumpXlsx(resaveWithCalc(path), { values: true });
    const totals = book['Tổng hợp']!.rows.slice(2);
    expect(totals.map((r) => r[1])).toEqual(Object.keys(EXPECTED_TOTALS));
    for (const r of totals) {
      const code = String(r[1]);
      expect(Number(r[5]), `${code} (danvan)`).toBeCloseTo(EXPECTED_TOTALS[code]!, 2);
      expect(Number(r[7]), `${code} (LibreOffice)`).toBeCloseTo(EXPECTED_TOTALS[code]!, 2);
      expect(r[8], code).toBe('khớp');
    }
    // LibreOffice did recompute the ratio (369 / 406 × 100 = 90,8867…, stored 90,89): the check compares it at the
    // precision the report prints it, so the workbook agrees with itself after a recalculation.
    const ratio = totals.find((r) => r[1] === 'KN_TL')!;
    expect(Number(ratio[7])).toBeCloseTo(90.8867, 4);
    expect(Number(ratio[5])).toBe(90.89);
    const byUnit = book['Theo đơn vị']!.rows;
    expect(byUnit.at(-1)![2]).toBe('Tổng cộng');
    expect(byUnit.length - 3).toBe(15);
  });

  it.skipIf(!hasOpenpyxl())('the files sheet names the units that sent nothing, which the report to superiors only counts', () => {
    const rows = dumpXlsx(path)['Tệp']!.rows;
    expect(rows.filter((r) => String(r[4] ?? '').startsWith('chưa gửi báo cáo')).map((r) => [r[2], r[4]])).toEqual([
      ['HU_THACHBAN', 'chưa gửi báo cáo: Ban Dân vận Huyện ủy Thạch Bàn'],
    ]);
  });

  it.skipIf(!hasOpenpyxl())('the files sheet counts lưu ý and ghi chú as kiemtra and tong-hop-kiem-tra.xlsx do', () => {
    const rows = dumpXlsx(path)['Tệp']!.rows;
    const header = rows.findIndex((r) => r[0] === 'STT');
    expect(rows[header]).toEqual(['STT', 'Tệp', 'Mã đơn vị', 'Kỳ báo cáo', 'Trạng thái', 'Số lỗi', 'Số lưu ý', 'Số ghi chú', 'Lỗi hoặc lưu ý đầu tiên']);
    const check = parseJsonOutput(danvan(['kiemtra', QUARTER, '--config', CONFIG, '--json'], first.cwd).stdout, 'kiemtra');
    for (const file of check.files as { file: string; warnings: { code: string }[] }[]) {
      const row = rows.find((r) => r[1] === file.file)!;
      const notes = file.warnings.filter((w) => isInformational(w.code)).length;
      expect([row[6], row[7]], file.file).toEqual([file.warnings.length - notes, notes]);
    }
  });

  it.skipIf(!hasOpenpyxl())('every number in the unit sheet carries its origin, and the origin cell holds that number', () => {
    const book = dumpXlsx(path);
    const sheet = book['Theo đơn vị']!;
    const origins = Object.entries(sheet.notes).filter(([, note]) => note.includes('!Số liệu!'));
    expect(origins.length).toBeGreaterThan(200);
    // Read each origin cell in the unit's own file with openpyxl (values: formulas give their cached results).
    const cache = new Map<string, ReturnType<typeof dumpXlsx>>();
    let checked = 0;
    for (const [, note] of origins.slice(0, 60)) {
      const [file, sheetName, cell] = note.split('\n')[0]!.split('!') as [string, string, string];
      const absolute = resolve(first.cwd, file);
      if (!cache.has(absolute)) cache.set(absolute, dumpXlsx(absolute, { values: true }));
      const source = cache.get(absolute)![sheetName]!;
      const [, col, row] = /^([A-Z]+)(\d+)$/.exec(cell)!;
      const value = source.rows[Number(row) - 1]![col!.charCodeAt(0) - 65];
      const listed = book['Nguồn số liệu']!.rows.find((r) => r[9] === `${file}!${sheetName}!${cell}`)!;
      const asNumber = typeof value === 'number' ? value : Number(String(value).replace(/\./g, '').replace(',', '.'));
      expect(asNumber, note).toBeCloseTo(Number(listed[5]), 6);
      checked += 1;
    }
    expect(checked).toBe(60);
  });

  it.skipIf(!hasOpenpyxl())('lists each merged item once, with all its units, rows and wordings', () => {
    const results = dumpXlsx(path)['Kết quả']!.rows.slice(2);
    const kl43 = results.filter((r) => String(r[2]).includes('Kết luận số 43-KL/TW'));
    expect(kl43).toHaveLength(1);
    expect(kl43[0]![3]).toBe(4);
    expect(String(kl43[0]![5]).split('\n')).toHaveLength(4);
    expect(String(kl43[0]![5])).toContain('HU_TANLAC.xlsx!Kết quả!dòng 3');
    expect(String(kl43[0]![6])).toContain('HU_TANLAC: Tổ chức hội nghị quán triệt');
  });
});

describe('--doi-chieu refuses what would lose or mislabel a file', () => {
  it('a name that is not .xlsx', () => {
    const r = run([QUARTER, '--config', CONFIG, '-o', 'bc.docx', '--doi-chieu', 'doi-chieu.docx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('phải có đuôi .xlsx');
    expect(existsSync(join(r.cwd, 'bc.docx'))).toBe(false);
  });

  it('the same path as --xlsx', () => {
    const r = run([QUARTER, '--config', CONFIG, '-o', 'bc.docx', '--xlsx', 'a.xlsx', '--doi-chieu', 'a.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--xlsx và --doi-chieu cùng ghi vào');
  });

  it('an existing file without --force; with --force it is replaced', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'dc.xlsx'), 'cũ');
    const refused = run([QUARTER, '--config', CONFIG, '-o', 'bc.docx', '--doi-chieu', 'dc.xlsx'], cwd);
    expect(refused.code).toBe(2);
    expect(readFileSync(join(cwd, 'dc.xlsx'), 'utf8')).toBe('cũ');
    const forced = run([QUARTER, '--config', CONFIG, '-o', 'bc.docx', '--doi-chieu', 'dc.xlsx', '--force'], cwd);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(cwd, 'dc.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('a path inside an input folder', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'nop'));
    copyFileSync(join(QUARTER, 'MTTQ.xlsx'), join(cwd, 'nop', 'MTTQ.xlsx'));
    const r = run(['nop', '-o', 'bc.docx', '--doi-chieu', 'nop/dc.xlsx'], cwd);
    expect(r.code).toBe(2);
    expect(existsSync(join(cwd, 'nop', 'dc.xlsx'))).toBe(false);
  });
});

describe('the roll-up keeps who said what, one level up', () => {
  it.skipIf(!hasOpenpyxl())('--xlsx writes each row\'s units and the units\' notes; the next level shows them as origins', () => {
    const cwd = tempDir();
    const district = run([QUARTER, '--config', CONFIG, '-o', 'bc.docx', '--xlsx', 'tong-hop.xlsx'], cwd);
    expect(district.code).toBe(0);
    const rollUp = dumpXlsx(join(cwd, 'tong-hop.xlsx'));
    const results = rollUp['Kết quả']!.rows;
    expect(results[1]).toEqual(['STT', 'Lĩnh vực', 'Nội dung', 'Đơn vị báo cáo']);
    const kl43 = results.find((r) => String(r[2]).includes('Kết luận số 43-KL/TW'))!;
    expect(String(kl43[3]).split('; ').sort()).toEqual(
      ['Ban Dân vận Huyện ủy Đông Hòa', 'Ban Dân vận Huyện ủy Phúc Lâm', 'Ban Dân vận Huyện ủy Tân Lạc', 'Ban Dân vận Thành ủy Bình Sơn'].sort(),
    );
    // HU_DONGHOA noted VD_TIEN (Số liệu!E15 of its file); the roll-up's note names the unit.
    const figures = rollUp['Số liệu']!.rows;
    const vdTien = figures.find((r) => r[0] === 'VD_TIEN')!;
    expect(String(vdTien[4])).toContain('Ban Dân vận Huyện ủy Đông Hòa: Gồm tiền mặt và hiện vật quy đổi');

    mkdirSync(join(cwd, 'cap-tren'));
    copyFileSync(join(cwd, 'tong-hop.xlsx'), join(cwd, 'cap-tren', 'tong-hop.xlsx'));
    const province = run(['cap-tren', '-o', 'bc2.docx', '--doi-chieu', 'dc2.xlsx'], cwd);
    expect(province.code).toBe(0);
    const up = dumpXlsx(join(cwd, 'dc2.xlsx'))['Kết quả']!.rows.slice(2);
    const upKl43 = up.find((r) => String(r[2]).includes('Kết luận số 43-KL/TW'))!;
    expect(String(upKl43[7])).toContain('Ban Dân vận Huyện ủy Phúc Lâm');
  });
});

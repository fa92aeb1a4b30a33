// End-to-end: a unit's file typed in .VnTime (TCVN3) or VNI, or saved as .ods or .xls, is checked and aggregated
// like any other, and nothing danvan writes holds legacy-encoded text.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { danvan, expectNoStackTrace, FIXTURES, tempDir } from './run-cli.js';
import { documentText } from '../helpers/docx-xml.js';
import { parseJsonOutput } from '../helpers/json-contract.js';
import { dumpXlsx, hasOpenpyxl } from '../helpers/openpyxl.js';
import { convertWithLibreOffice, hasCommand } from '../helpers/soffice.js';
import { buildFormWorkbook } from '../../src/form/index.js';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { encodeTcvn3, encodeVni, readText } from '../../src/domain/legacy-encoding.js';
import { repairWorkbookText } from '../../src/check/legacy-text.js';
import { readWorkbookBytes } from '../../src/readers/index.js';
import type { FormContent } from '../../src/form/types.js';

/** A unit's submission whose every typed text went through `encode`; the form's own labels stay Unicode. */
function typedContent(code: string, name: string, encode: (s: string) => string): FormContent {
  return {
    info: {
      unitCode: code,
      unitName: encode(name),
      period: 'Quý I/2023',
      reportDate: new Date(Date.UTC(2023, 2, 30)),
      preparedBy: encode('Nguyễn Thị Hường'),
      head: encode('Trần Văn Đức'),
    },
    figures: { DVK_MH_MOI: 4, TT_BUOI: 25, KN_TIEP: 10, KN_GQ: 9 },
    results: [
      { field: encode('Mặt trận và đoàn thể'), content: encode(`Vận động Nhân dân hiến đất làm đường giao thông nông thôn (${code}).`) },
      { field: encode('Khác'), content: encode('Tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy với Nhân dân.') },
    ],
    limitations: [{ field: encode('Nắm tình hình Nhân dân'), content: encode('Việc nắm bắt tâm tư của người dân có lúc chưa kịp thời.'), cause: encode('Cán bộ kiêm nhiệm nhiều việc.') }],
    tasks: [{ field: encode('Dân vận khéo'), content: encode('Tiếp tục nhân rộng mô hình “Dân vận khéo” ở khu dân cư.') }],
    models: [{ name: encode('Đường làng sáng - xanh - sạch'), field: encode('Kinh tế'), level: encode('Cơ sở') }],
  };
}

/** Lines of text that read as legacy-encoded Vietnamese (something a legacy table would turn into syllables). */
function legacyLines(lines: string[]): string[] {
  return lines.filter((line) => (['tcvn3', 'vni'] as const).some((e) => {
    const r = readText(line, e);
    return r.bad === 0 && r.good > 0;
  }));
}

describe('legacy text and old formats, end to end', () => {
  const cwd = tempDir();
  mkdirSync(join(cwd, 'nop'));

  it('a folder with a .VnTime file, a VNI file, an .ods and an .xls: all valid, all aggregated, the report in Unicode', async (ctx) => {
    writeFileSync(join(cwd, 'nop', 'HU_A.xlsx'), await buildFormWorkbook({ catalogue: DEFAULT_CATALOGUE, content: typedContent('HU_A', 'Ban Dân vận Huyện ủy Ân Thi', encodeTcvn3) }));
    writeFileSync(join(cwd, 'nop', 'HU_B.xlsx'), await buildFormWorkbook({ catalogue: DEFAULT_CATALOGUE, content: typedContent('HU_B', 'Ban Dân vận Huyện ủy Bến Lức', encodeVni) }));
    const soffice = hasCommand('soffice');
    if (soffice) {
      const converted = [
        ...convertWithLibreOffice([{ name: 'LDLD.xlsx', bytes: readFileSync(join(FIXTURES, 'quy-1-2023', 'LDLD.xlsx')) }], 'ods'),
        ...convertWithLibreOffice([{ name: 'SNV.xlsx', bytes: readFileSync(join(FIXTURES, 'quy-1-2023', 'SNV.xlsx')) }], 'xls'),
      ];
      writeFileSync(join(cwd, 'nop', 'LDLD.ods'), converted[0]![1]);
      writeFileSync(join(cwd, 'nop', 'SNV.xls'), converted[1]![1]);
    } else {
      console.warn('soffice not found: the .ods and .xls files are left out of this end-to-end test');
    }

    const check = danvan(['kiemtra', '--json', 'nop'], cwd);
    expectNoStackTrace(check);
    expect(check.code, check.stdout).toBe(0);
    const files = parseJsonOutput(check.stdout, 'kiemtra').files as { file: string; valid: boolean; unit: string; warnings: { code: string; sheet: string; cell: string | null; message: string }[] }[];
    expect(files.map((f) => [f.file.split('/').pop(), f.valid, f.unit])).toEqual([
      ['HU_A.xlsx', true, 'HU_A'],
      ['HU_B.xlsx', true, 'HU_B'],
      ...(soffice ? [['LDLD.ods', true, 'LDLD'], ['SNV.xls', true, 'SNV']] : []),
    ]);
    // The typed files are said to be repaired, one line per sheet; the others are not.
    const repairs = (i: number) => files[i]!.warnings.filter((w) => w.code === 'text.legacy-encoding');
    expect(repairs(0).map((w) => w.sheet)).toEqual(['Thông tin', 'Kết quả', 'Hạn chế', 'Nhiệm vụ', 'Mô hình']);
    expect(repairs(0).every((w) => w.cell === null && w.message.includes('TCVN3 (.VnTime)'))).toBe(true);
    expect(repairs(1).every((w) => w.message.includes('VNI-Windows'))).toBe(true);
    for (const f of files.slice(2)) expect(f.warnings.filter((w) => w.code === 'text.legacy-encoding')).toEqual([]);
    // On the terminal each repaired sheet keeps its own line, with its name (an outside tester: they were folded
    // into one line that named the first sheet's cells but not the sheet).
    const human = danvan(['kiemtra', 'nop/HU_A.xlsx'], cwd).stdout;
    for (const sheet of ['Thông tin', 'Kết quả', 'Hạn chế', 'Nhiệm vụ', 'Mô hình']) {
      expect(human).toMatch(new RegExp(`^ {4}lưu ý: sheet ${sheet}: Văn bản gõ bằng bảng mã TCVN3 \\(\\.VnTime\\) đã được chuyển sang Unicode ở \\d+ ô \\(`, 'm'));
    }
    expect(human).not.toContain('chỗ khác');
    // In the unit's annotated copy every converted cell is marked, with what danvan read there (not the garbage).
    if (hasOpenpyxl()) {
      const ph = danvan(['kiemtra', 'nop/HU_A.xlsx', '--phan-hoi', 'ph-legacy'], cwd);
      expectNoStackTrace(ph);
      const copy = dumpXlsx(join(cwd, 'ph-legacy', 'HU_A.xlsx'));
      const repairs = parseJsonOutput(danvan(['kiemtra', 'nop/HU_A.xlsx', '--json'], cwd).stdout, 'kiemtra').files[0].repairs as { sheet: string; cell: string; after: string }[];
      expect(repairs.length).toBeGreaterThan(5);
      for (const r of repairs) {
        const note = copy[r.sheet]!.notes[r.cell] ?? '';
        expect(note, `${r.sheet}!${r.cell}`).toContain('Ô này gõ bằng bảng mã TCVN3 (.VnTime); danvan đã chuyển sang Unicode và đọc là');
        expect(note).toContain(r.after.slice(0, 20));
      }
    }

    const run = danvan(['tonghop', 'nop', '-o', 'bao-cao.docx', '--xlsx', 'tong-hop.xlsx', '--doi-chieu', 'doi-chieu.xlsx'], cwd);
    expectNoStackTrace(run);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const lines = documentText(readFileSync(join(cwd, 'bao-cao.docx')));
    const text = lines.join('\n');
    expect(text).toContain('Vận động Nhân dân hiến đất làm đường giao thông nông thôn (HU_A)');
    expect(text).toContain('Vận động Nhân dân hiến đất làm đường giao thông nông thôn (HU_B)');
    expect(text).toContain('Ban Dân vận Huyện ủy Ân Thi');
    expect(text).toContain('Ban Dân vận Huyện ủy Bến Lức');
    // Nothing danvan writes holds legacy-encoded text: not the report, not the aggregate workbook.
    expect(legacyLines(lines)).toEqual([]);
    expect(text).not.toMatch(/[µ¸¶·¹¨©ª«¬®»¼½¾]/);
    const aggregate = readWorkbookBytes(readFileSync(join(cwd, 'tong-hop.xlsx')));
    const cellsText = aggregate.sheets.flatMap((s) => s.cells.map((c) => (c.value.kind === 'text' ? c.value.text : ''))).filter(Boolean);
    expect(legacyLines(cellsText)).toEqual([]);
    expect(repairWorkbookText(aggregate).repairs).toEqual([]);
    expect(cellsText.join('\n')).toContain('Vận động Nhân dân hiến đất làm đường giao thông nông thôn (HU_A)');
    // Nor the reconciliation workbook, which quotes the units' wordings.
    const reconciliation = readWorkbookBytes(readFileSync(join(cwd, 'doi-chieu.xlsx')));
    const reconciliationText = reconciliation.sheets.flatMap((s) => s.cells.map((c) => (c.value.kind === 'text' ? c.value.text : ''))).filter(Boolean);
    expect(legacyLines(reconciliationText)).toEqual([]);
    expect(reconciliationText.join('\n')).toContain('Vận động Nhân dân hiến đất làm đường giao thông nông thôn (HU_B)');
    // It records which cells were repaired, file by file, with the encoding, as the check reported them.
    const repairSheet = reconciliation.sheets.find((s) => s.name === 'Chuyển mã')!;
    const listed = new Set(
      [...new Set(repairSheet.cells.map((c) => c.row))]
        .filter((row) => row > 2)
        .map((row) => repairSheet.cells.filter((c) => c.row === row).map((c) => (c.value.kind === 'text' ? c.value.text : '')).slice(1, 4).join('!')),
    );
    const reported = JSON.parse(danvan(['kiemtra', '--json', 'nop'], cwd).stdout).files.flatMap((f: { file: string; repairs: { sheet: string; cell: string }[] }) =>
      f.repairs.map((r) => `${f.file}!${r.sheet}!${r.cell}`),
    );
    expect(reported.length).toBeGreaterThan(10);
    expect([...listed].sort()).toEqual([...reported].sort());
  });

  it('with LibreOffice, the .xls fixture is read as the submission it is', (ctx) => {
    if (!hasCommand('soffice')) {
      console.warn('soffice not found: .xls fixture test skipped');
      ctx.skip();
      return;
    }
    const run = danvan(['kiemtra', '--json', join(FIXTURES, 'loi', 'dinh-dang-cu.xls')], cwd);
    expectNoStackTrace(run);
    const [file] = parseJsonOutput(run.stdout, 'kiemtra').files;
    expect(file).toMatchObject({ valid: true, unit: 'HU_NGOCTHANH', period: '2023-Q1', errors: [] });
  });
});

// End-to-end: the form a unit fills in, checked as sent back; a year's report (tổng kết); the state layout.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { FIXTURES, danvan, expectNoStackTrace, tempDir } from './run-cli.js';
import { parseJsonOutput } from '../helpers/json-contract.js';
import { PYTHON, dumpXlsx, hasOpenpyxl } from '../helpers/openpyxl.js';
import { execFileSync } from 'node:child_process';
import { documentText } from '../helpers/docx-xml.js';
import { buildFormWorkbook } from '../../src/form/index.js';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';

describe('danvan mau → a unit fills it in → danvan kiemtra', () => {
  const cwd = tempDir();

  it('a blank form is refused with what is missing, cell by cell', () => {
    expect(danvan(['mau', '-o', 'bieu-mau.xlsx'], cwd).code).toBe(0);
    mkdirSync(join(cwd, 'nop'));
    writeFileSync(join(cwd, 'nop', 'trong.xlsx'), readFileSync(join(cwd, 'bieu-mau.xlsx')));
    const result = danvan(['kiemtra', '--json', 'nop'], cwd);
    expectNoStackTrace(result);
    expect(result.code).toBe(1);
    const [file] = parseJsonOutput(result.stdout, 'kiemtra').files;
    const missing = file.errors.filter((e: { code: string }) => e.code === 'info.missing').map((e: { cell: string }) => e.cell);
    expect(missing).toEqual(['B2', 'B3', 'B4', 'B5']);
  });

  it('the form filled in as a unit would (typed values, a date cell, dropdown values) is valid', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(cwd, 'bieu-mau.xlsx')));
    const info = workbook.getWorksheet('Thông tin')!;
    info.getCell('B2').value = 'HU_DONGHOA';
    info.getCell('B3').value = 'Ban Dân vận Huyện ủy Đông Hòa';
    info.getCell('B4').value = 'Quý I/2023';
    info.getCell('B5').value = new Date(Date.UTC(2023, 3, 5));
    const figures = workbook.getWorksheet('Số liệu')!;
    figures.getCell('D3').value = 12;
    figures.getCell('D6').value = '1.250';
    const results = workbook.getWorksheet('Kết quả')!;
    results.getCell('B3').value = 'Dân vận khéo';
    results.getCell('C3').value = 'Vận động Nhân dân hiến 2.000 m² đất làm đường giao thông nông thôn.';
    writeFileSync(join(cwd, 'nop', 'trong.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));
    const result = danvan(['kiemtra', '--json', 'nop'], cwd);
    expect(result.code).toBe(0);
    const [file] = parseJsonOutput(result.stdout, 'kiemtra').files;
    expect(file).toMatchObject({ valid: true, unit: 'HU_DONGHOA', period: '2023-Q1' });
    // Left blank: not reported, which the unit is told about.
    expect(file.warnings.some((w: { code: string; cell: string }) => w.code === 'figure.blank' && w.cell === 'D4')).toBe(true);
  });

  it('with a registry, one pre-filled form per unit', () => {
    writeFileSync(
      join(cwd, 'cau-hinh.json'),
      JSON.stringify({ units: [{ code: 'HND', name: 'Hội Nông dân tỉnh' }, { code: 'MTTQ', name: 'Ủy ban MTTQ Việt Nam tỉnh' }] }),
    );
    const result = danvan(['mau', '--config', 'cau-hinh.json', '--theo-don-vi', 'bieu-mau', '--ky', '2023-Q1'], cwd);
    expect(result.code).toBe(0);
    // Named as the form's own guide tells the unit to name the file: code and period.
    expect(readdirSync(join(cwd, 'bieu-mau')).sort()).toEqual(['HND_quy-1-2023.xlsx', 'MTTQ_quy-1-2023.xlsx']);
    const check = danvan(['kiemtra', '--json', 'bieu-mau/HND_quy-1-2023.xlsx'], cwd);
    const [file] = parseJsonOutput(check.stdout, 'kiemtra').files;
    // Code, name and period are there; only the report date is left for the unit to fill in.
    expect(file).toMatchObject({ unit: 'HND', period: '2023-Q1' });
    expect(file.errors.map((e: { cell: string }) => e.cell)).toEqual(['B5']);
  });

  it('per-unit forms need --ky', () => {
    const result = danvan(['mau', '--config', 'cau-hinh.json', '--theo-don-vi', 'bieu-mau-2'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('thêm --ky');
  });

  it.skipIf(!hasOpenpyxl())('a per-unit form shows its own unit and period as examples, a dropdown of the year, and a locked code', () => {
    const book = dumpXlsx(join(cwd, 'bieu-mau', 'HND_quy-1-2023.xlsx'));
    const guide = book['Hướng dẫn']!.rows.flat().map(String).join('\n');
    expect(guide).toContain('ví dụ: HND_quy-1-2023.xlsx');
    expect(guide).toContain('Quý I/2023, Quý II/2023, 6 tháng/2023, Quý III/2023, 9 tháng/2023, Quý IV/2023, Năm 2023');
    expect(guide).not.toContain('HU_DONGHOA');
    const info = book['Thông tin']!.rows;
    expect(String(info[1]![2])).toContain('ví dụ: HND');
    expect(String(info[4]![2])).toContain('31/03/2023');
    expect(book['DanhMuc']!.rows.map((r) => r[3]).filter(Boolean)).toEqual(['Kỳ báo cáo', 'Quý I/2023', 'Quý II/2023', '6 tháng/2023', 'Quý III/2023', '9 tháng/2023', 'Quý IV/2023', 'Năm 2023']);
    const props = formCellProperties(join(cwd, 'bieu-mau', 'HND_quy-1-2023.xlsx'));
    expect(props.B2).toMatchObject({ locked: true });
    expect(props.B3).toMatchObject({ locked: false });
    expect(props.protected).toBe(true);
    expect(props.validations.find((v: { sqref: string }) => v.sqref === 'B4')).toMatchObject({ type: 'list', formula1: 'DanhMuc!$D$2:$D$8', errorStyle: 'warning' });
  });

  it.skipIf(!hasOpenpyxl())('a blank form with a registry shows a unit of the registry as its example', () => {
    expect(danvan(['mau', '--config', 'cau-hinh.json', '-o', 'trang.xlsx'], cwd).code).toBe(0);
    const guide = dumpXlsx(join(cwd, 'trang.xlsx'))['Hướng dẫn']!.rows.flat().map(String).join('\n');
    expect(guide).toContain('ví dụ HND');
    expect(guide).not.toContain('HU_DONGHOA');
  });
});

/** Protection, locked cells and validations of "Thông tin", as openpyxl reads them. */
function formCellProperties(file: string): any {
  const script = [
    'import json, sys, openpyxl',
    'ws = openpyxl.load_workbook(sys.argv[1])["Thông tin"]',
    'out = {c: {"locked": ws[c].protection.locked} for c in ["B2", "B3", "B4"]}',
    'out["protected"] = bool(ws.protection.sheet)',
    'out["validations"] = [{"sqref": str(v.sqref), "type": v.type, "formula1": v.formula1, "errorStyle": v.errorStyle} for v in ws.data_validations.dataValidation]',
    'print(json.dumps(out))',
  ].join('\n');
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' }));
}

async function yearSubmission(code: string, name: string, figures: Record<string, number>) {
  return buildFormWorkbook({
    catalogue: DEFAULT_CATALOGUE,
    content: {
      info: { unitCode: code, unitName: name, period: 'Năm 2023', reportDate: new Date(Date.UTC(2023, 11, 15)) },
      figures,
      results: [{ field: 'Dân vận khéo', content: 'Xây dựng 12 mô hình “Dân vận khéo” trong phát triển kinh tế.' }],
      limitations: [{ field: 'Tổ chức, cán bộ', content: 'Cán bộ dân vận cơ sở kiêm nhiệm nhiều việc.', cause: 'Biên chế hạn chế.' }],
      tasks: [{ field: 'Dân chủ ở cơ sở', content: 'Tiếp tục triển khai Luật Thực hiện dân chủ ở cơ sở.' }],
    },
  });
}

describe('a year report (tổng kết)', () => {
  it('uses the tổng kết template and looks ahead to the next year', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'nam-2023'));
    writeFileSync(join(cwd, 'nam-2023', 'a.xlsx'), await yearSubmission('HU_A', 'Ban Dân vận Huyện ủy A', { DVK_MH_MOI: 30, TT_BUOI: 500 }));
    writeFileSync(join(cwd, 'nam-2023', 'b.xlsx'), await yearSubmission('HU_B', 'Ban Dân vận Huyện ủy B', { DVK_MH_MOI: 12, TT_BUOI: 250 }));
    const run = danvan(['tonghop', 'nam-2023'], cwd);
    expectNoStackTrace(run);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Đã ghi báo cáo: bao-cao-nam-2023.docx');
    const lines = documentText(readFileSync(join(cwd, 'bao-cao-nam-2023.docx')));
    expect(lines).toContain('tổng kết công tác dân vận năm 2023,');
    expect(lines).toContain('phương hướng, nhiệm vụ năm 2024');
    expect(lines).toContain('II. ĐÁNH GIÁ CHUNG');
    expect(lines).toContain('III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024');
    expect(lines).toContain('1. Ưu điểm');
    expect(lines.join('\n')).toContain('phong trào thi đua “Dân vận khéo” có 42 mô hình đăng ký, xây dựng mới');
    expect(lines.join('\n')).toContain('tiếp tục quán triệt quan điểm “Dân là gốc”');
    // Items of both units merged into one, naming both.
    expect(lines).toContain('- Xây dựng 12 mô hình “Dân vận khéo” trong phát triển kinh tế (Ban Dân vận Huyện ủy A, Ban Dân vận Huyện ủy B).');
  });

  it('--template naming khoitao\'s folder picks tong-ket.hbs for a year and so-ket.hbs for a quarter', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'nam-2023'));
    writeFileSync(join(cwd, 'nam-2023', 'a.xlsx'), await yearSubmission('HU_A', 'Ban Dân vận Huyện ủy A', { TT_BUOI: 5 }));
    expect(danvan(['khoitao'], cwd).code).toBe(0);
    const year = danvan(['tonghop', 'nam-2023', '--template', 'mau-bao-cao', '-o', 'nam.docx', '--json'], cwd);
    expect(year.code).toBe(0);
    expect(documentText(readFileSync(join(cwd, 'nam.docx')))).toContain('tổng kết công tác dân vận năm 2023,');
    expect(parseJsonOutput(year.stdout, 'tonghop').warnings.map((w: { code: string }) => w.code)).not.toContain('template.period-mismatch');
    const quarter = danvan(['tonghop', join(FIXTURES, 'quy-1-2023'), '--template', 'mau-bao-cao', '-o', 'quy.docx'], cwd);
    expect(quarter.code).toBe(0);
    expect(documentText(readFileSync(join(cwd, 'quy.docx')))).toContain('sơ kết công tác dân vận quý I năm 2023,');
  });

  it('a single sơ kết template on a year report is used, with a warning that says which to use', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'nam-2023'));
    writeFileSync(join(cwd, 'nam-2023', 'a.xlsx'), await yearSubmission('HU_A', 'Ban Dân vận Huyện ủy A', { TT_BUOI: 5 }));
    danvan(['khoitao'], cwd);
    const run = danvan(['tonghop', 'nam-2023', '--template', 'mau-bao-cao/so-ket.hbs', '-o', 'nam.docx', '--json'], cwd);
    expect(run.code).toBe(0);
    const warning = parseJsonOutput(run.stdout, 'tonghop').warnings.find((w: { code: string }) => w.code === 'template.period-mismatch');
    expect(warning.message).toContain('Hãy dùng tong-ket.hbs');
  });

  it('a template folder without the kind the period needs is exit 2 naming the missing file', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'nam-2023'));
    mkdirSync(join(cwd, 'mau'));
    writeFileSync(join(cwd, 'nam-2023', 'a.xlsx'), await yearSubmission('HU_A', 'Ban Dân vận Huyện ủy A', { TT_BUOI: 5 }));
    writeFileSync(join(cwd, 'mau', 'so-ket.hbs'), '---\ntrich-yeu: sơ kết\n---\nNội dung.\n');
    const run = danvan(['tonghop', 'nam-2023', '--template', 'mau', '-o', 'nam.docx'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('thiếu tong-ket.hbs');
    expect(existsSync(join(cwd, 'nam.docx'))).toBe(false);
  });

  it('the state layout (nd30) takes the Quốc hiệu and tiêu ngữ from the config', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'in'));
    writeFileSync(join(cwd, 'in', 'a.xlsx'), await yearSubmission('HU_A', 'Ban Dân vận Huyện ủy A', { TT_BUOI: 5 }));
    writeFileSync(
      join(cwd, 'cau-hinh.json'),
      JSON.stringify({
        layout: 'nd30',
        organization: { partyName: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', motto: 'Độc lập - Tự do - Hạnh phúc', superiorBody: 'UBND TỈNH BÌNH SƠN', issuingBody: 'SỞ NỘI VỤ', abbreviation: 'SNV' },
      }),
    );
    const run = danvan(['tonghop', 'in', '--config', 'cau-hinh.json', '-o', 'bc.docx'], cwd);
    expect(run.code).toBe(0);
    const lines = documentText(readFileSync(join(cwd, 'bc.docx')));
    expect(lines).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(lines).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(lines.some((l) => l.startsWith('Số:'))).toBe(true);
  });
});

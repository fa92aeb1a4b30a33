// End-to-end: `danvan nhap` on Word reports written by python-docx and LibreOffice (scripts/make-word-reports.py),
// read back with openpyxl and compared with what the script put in them; kiemtra and tonghop on the forms.
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, cpSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CONFIG, FIXTURES, ROOT, danvan, expectNoStackTrace, folderFingerprint, tempDir } from './run-cli.js';
import { parseJsonOutput } from '../helpers/json-contract.js';
import { PYTHON, dumpXlsx, type DumpedSheet } from '../helpers/openpyxl.js';
import { hasCommand } from '../helpers/soffice.js';
import { VALIDATOR_MODES, unavailableReason, validationErrors } from '../helpers/ooxml-validator.js';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { parsePeriod, periodLabel } from '../../src/domain/period.js';

const HAS_DOCX = spawnSync(PYTHON, ['-c', 'import docx, openpyxl'], { stdio: 'ignore' }).status === 0;
const HAS_SOFFICE = hasCommand('soffice');
if (!HAS_DOCX) console.warn('SKIPPED: danvan nhap end-to-end tests need python3-docx and python3-openpyxl');
if (HAS_DOCX && !HAS_SOFFICE) console.warn('danvan nhap: LibreOffice missing, the .doc and LibreOffice-written reports are not tested');

interface Expected {
  refused?: string;
  writer?: string;
  unit: string;
  period: string;
  reportDate: string;
  head: string;
  results: { field: string; content: string }[];
  limitations: string[];
  causes: string[];
  tasks: { content: string; deadline: string | null }[];
  proposals: { content: string; addressee: string }[];
  figures: Record<string, number>;
  unplaced: string[];
  offered: { code: string; value: number }[];
  unknownHeadings: string[];
}

/** Data rows (from row 3) of a table sheet, without the blank rows left for the unit. */
function dataRows(sheet: DumpedSheet, width: number): unknown[][] {
  return sheet.rows.slice(2).filter((row) => row.slice(1, width).some((v) => v !== null && v !== '')).map((row) => row.slice(0, width));
}

describe.skipIf(!HAS_DOCX)('danvan nhap on Word reports', () => {
  let src: string;
  let cwd: string;
  let expected: Record<string, Expected>;
  let json: any;
  let code: number;
  let human: ReturnType<typeof danvan>;
  let before: string;

  beforeAll(() => {
    cwd = tempDir('danvan-nhap-');
    src = join(cwd, 'bao-cao-word');
    execFileSync(PYTHON, [join(ROOT, 'scripts', 'make-word-reports.py'), src, ...(HAS_SOFFICE ? [] : ['--no-libreoffice'])], { stdio: 'pipe', timeout: 600_000 });
    expected = JSON.parse(readFileSync(join(src, 'expected.json'), 'utf8'));
    before = folderFingerprint(src);
    const run = danvan(['nhap', 'bao-cao-word', '-o', 'bieu-mau', '--config', CONFIG, '--json'], cwd);
    expectNoStackTrace(run);
    code = run.code;
    json = parseJsonOutput(run.stdout, 'nhap');
    human = danvan(['nhap', 'bao-cao-word', '-o', 'bieu-mau', '--config', CONFIG], cwd);
  }, 900_000);

  const reports = () => Object.entries(expected).filter(([, e]) => !e.refused);
  const fileOf = (name: string) => json.files.find((f: { file: string }) => f.file.endsWith(name));

  it('imports every report, refuses the plan by name, and exits 1 (some input not imported)', () => {
    expect(code).toBe(1);
    expect(json.imported).toBe(reports().length);
    expect(json.refused).toBe(1);
    const plan = fileOf('Ke hoach dan van 2023 - Dong Hoa.docx');
    expect(plan.refused.reason).toBe('plan');
    expect(plan.refused.message).toContain('KẾ HOẠCH');
    expect(human.stdout).toMatch(/✗ bao-cao-word\/Ke hoach dan van 2023 - Dong Hoa\.docx: không nhập — đây là KẾ HOẠCH/);
  });

  it('leaves the Word files untouched', () => {
    expect(folderFingerprint(src)).toBe(before);
  });

  it('finds the unit in the registry and the period, the date and the head in the document', () => {
    for (const [name, e] of reports()) {
      const file = fileOf(name);
      expect(file, name).toBeTruthy();
      expect(file.unit, name).toBe(e.unit);
      expect(file.period, name).toBe(e.period);
      expect(file.reportDate, name).toBe(e.reportDate);
      expect(file.output, name).toBe(`bieu-mau/${e.unit}_${e.period === '2025-6T' ? '6-thang-2025' : 'quy-1-2023'}.xlsx`);
      const info = dumpXlsx(join(cwd, file.output))['Thông tin']!;
      expect(info.rows[1]!.slice(0, 2), name).toEqual(['Mã đơn vị', e.unit]);
      expect(info.rows[3]![1], name).toBe(periodLabel(parsePeriod(e.period)!));
      expect(String(info.rows[4]![1]).slice(0, 10), name).toBe(e.reportDate);
      expect(String(info.rows[8]![1]), name).toContain(e.head);
    }
  });

  it('puts every result under the field its sub-heading names, and limitations, causes, tasks, proposals on their sheets', () => {
    for (const [name, e] of reports()) {
      const book = dumpXlsx(join(cwd, fileOf(name).output));
      expect(dataRows(book['Kết quả']!, 3).map((r) => ({ field: r[1], content: r[2] })), name).toEqual(e.results);
      const limitations = dataRows(book['Hạn chế']!, 4);
      expect(limitations.map((r) => r[2]), name).toEqual(e.limitations);
      expect(limitations.flatMap((r) => (r[3] ? String(r[3]).split('\n') : [])), name).toEqual(e.causes);
      expect(dataRows(book['Nhiệm vụ']!, 4).map((r) => ({ content: r[2], deadline: r[3] ?? null })), name).toEqual(e.tasks);
      expect(dataRows(book['Kiến nghị']!, 3).map((r) => ({ content: r[1], addressee: r[2] })), name).toEqual(e.proposals);
    }
  });

  it('fills "Số liệu" from the figures table only; a number of a sentence is offered beside its indicator, never placed', () => {
    for (const [name, e] of reports()) {
      const figures = dumpXlsx(join(cwd, fileOf(name).output))['Số liệu']!;
      const byCode = new Map(figures.rows.slice(2).map((row) => [row[0], row]));
      for (const indicator of DEFAULT_CATALOGUE.filter((i) => !i.derived)) {
        const row = byCode.get(indicator.code)!;
        expect(row[3] ?? null, `${name} ${indicator.code}`).toBe(e.figures[indicator.code] ?? null);
        const offer = e.offered.find((o) => o.code === indicator.code);
        if (offer) expect(String(row[4]), `${name} ${indicator.code}`).toContain(`Đề xuất: ${offer.value.toLocaleString('de-DE')}`);
        else expect(String(row[4] ?? ''), `${name} ${indicator.code}`).not.toContain('Đề xuất');
      }
    }
  });

  it('lists on the first sheet the rows not placed, the unknown headings and the offers', () => {
    for (const [name, e] of reports()) {
      const file = fileOf(name);
      const book = dumpXlsx(join(cwd, file.output));
      expect(Object.keys(book)[0]).toBe('Nhập từ Word');
      const sheetText = book['Nhập từ Word']!.rows.flat().join('\n');
      for (const label of e.unplaced) expect(sheetText, name).toContain(label);
      for (const heading of e.unknownHeadings) expect(sheetText, name).toContain(heading);
      expect(file.review.filter((r: { kind: string }) => r.kind === 'unplaced-row')).toHaveLength(e.unplaced.length);
      expect(file.review.filter((r: { kind: string }) => r.kind === 'offered-figure')).toHaveLength(e.offered.length);
      expect(file.review.filter((r: { kind: string }) => r.kind === 'unknown-heading').map((r: { message: string }) => r.message).join('\n')).toSatisfy(
        (text: string) => e.unknownHeadings.every((h) => text.includes(h)),
      );
    }
  });

  it('notes the origin of every imported cell: file, part, paragraph', () => {
    for (const [name] of reports()) {
      const book = dumpXlsx(join(cwd, fileOf(name).output));
      const sheets: [string, number][] = [['Kết quả', 2], ['Hạn chế', 2], ['Nhiệm vụ', 2], ['Kiến nghị', 1]];
      for (const [sheet, column] of sheets) {
        book[sheet]!.rows.forEach((row, i) => {
          if (i < 2 || !row[column]) return;
          const cell = `${'ABCD'[column]}${i + 1}`;
          const note = book[sheet]!.notes[cell];
          expect(note, `${name} ${sheet}!${cell}`).toContain(`Nhập từ: ${name}`);
          expect(note, `${name} ${sheet}!${cell}`).toMatch(/Phần: .+\n(?:Đề mục: .+\n)?Đoạn \d+/);
        });
      }
      const figures = book['Số liệu']!;
      figures.rows.forEach((row, i) => {
        if (i >= 2 && typeof row[3] === 'number') expect(figures.notes[`D${i + 1}`], `${name} Số liệu!D${i + 1}`).toMatch(/Bảng số liệu \d+, dòng \d+/);
      });
    }
  });

  /** One golden per kind of layout: what was imported, as openpyxl reads the form (rows with content, notes). */
  const LAYOUTS: Record<string, string> = {
    'BC quy I-2023 BDV Thach Ban.docx': 'python-docx-gach-dau-dong',
    'MTTQ tinh - bao cao quy I.docx': 'python-docx-danh-so-cua-word',
    'Hoi Nong dan Q1.docx': 'libreoffice-docx-khong-bang-dau',
    'HCCB 6 thang 2025.doc': 'libreoffice-doc',
    'LDLD bao cao quy I.doc': 'libreoffice-doc-danh-so-cua-word',
  };
  it('matches the golden of each kind of layout', async () => {
    for (const [name] of reports()) {
      const layout = LAYOUTS[name];
      if (!layout) continue;
      const book = dumpXlsx(join(cwd, fileOf(name).output));
      const golden: Record<string, unknown> = {};
      for (const [sheet, content] of Object.entries(book)) {
        if (sheet === 'Hướng dẫn' || sheet === 'DanhMuc') continue;
        const rows = sheet === 'Số liệu' ? content.rows.filter((r) => r[3] !== null || r[4] !== null).map((r) => [r[0], r[3], r[4]]) : content.rows.filter((r) => r.slice(1).some((v) => v !== null && v !== ''));
        golden[sheet] = { rows, notes: content.notes };
      }
      await expect(`${JSON.stringify(golden, null, 1)}\n`).toMatchFileSnapshot(join(ROOT, 'test', 'golden', 'nhap', `${layout}.json`));
    }
  });

  it('writes forms that pass the Open XML SDK validator (notes and the first sheet included)', async (ctx) => {
    for (const [name] of reports()) {
      for (const mode of VALIDATOR_MODES) {
        let errors: string[];
        try {
          errors = await validationErrors(join(cwd, fileOf(name).output), mode);
        } catch (error) {
          const reason = unavailableReason(error);
          if (reason === null || process.env.CI) throw error;
          console.warn(`SKIPPED: the Open XML SDK validator cannot run here (${reason})`);
          ctx.skip();
          return;
        }
        expect(errors, `${name}, ${mode}`).toEqual([]);
      }
    }
  }, 240_000);

  it('writes forms that kiemtra accepts with no error', () => {
    const byPeriod = new Map<string, string[]>();
    for (const [name, e] of reports()) byPeriod.set(e.period, [...(byPeriod.get(e.period) ?? []), fileOf(name).output]);
    for (const [period, files] of byPeriod) {
      const check = danvan(['kiemtra', ...files, '--config', CONFIG, '--ky', period, '--json'], cwd);
      const result = parseJsonOutput(check.stdout, 'kiemtra');
      for (const file of result.files) expect(file.errors, file.file).toEqual([]);
      expect(check.code).toBe(0);
    }
  });

  it('leaves unchanged forms alone on a second run, and never overwrites a changed one without --force', () => {
    const out = join(cwd, 'bieu-mau');
    const stamps = readdirSync(out).map((f) => statSync(join(out, f)).mtimeMs);
    const again = parseJsonOutput(danvan(['nhap', 'bao-cao-word', '-o', 'bieu-mau', '--config', CONFIG, '--json'], cwd).stdout, 'nhap');
    expect(again.files.filter((f: { imported: boolean }) => f.imported).every((f: { unchanged: boolean }) => f.unchanged)).toBe(true);
    expect(readdirSync(out).map((f) => statSync(join(out, f)).mtimeMs)).toEqual(stamps);
    // A --ky other than the titles' period is listed on each form's first sheet: the same names, other bytes.
    const other = danvan(['nhap', 'bao-cao-word', '-o', 'bieu-mau', '--config', CONFIG, '--ky', 'Quý II/2023', '--json'], cwd);
    expect(other.code).toBe(2);
    expect(parseJsonOutput(other.stdout, 'nhap').error.message).toMatch(/--force/);
  });

  it('without a registry, imports every report, names each form after its Word file, and lists the unit for a person', () => {
    const run = danvan(['nhap', 'bao-cao-word', '-o', 'khong-danh-sach', '--json'], cwd);
    const out = parseJsonOutput(run.stdout, 'nhap');
    expect(run.code).toBe(1);
    for (const file of out.files.filter((f: { imported: boolean }) => f.imported)) {
      expect(file.unit).toBeNull();
      expect(file.output).toMatch(/^khong-danh-sach\/nhap_[a-z0-9-]+\.xlsx$/);
      expect(file.review.map((r: { kind: string }) => r.kind)).toContain('unit');
    }
    // The form is written, and kiemtra says what is missing: the unit's code, in its cell.
    const first = out.files.find((f: { imported: boolean }) => f.imported).output;
    const check = parseJsonOutput(danvan(['kiemtra', first, '--json'], cwd).stdout, 'kiemtra');
    expect(check.files[0].errors.map((e: { sheet: string; cell: string }) => `${e.sheet}!${e.cell}`)).toContain('Thông tin!B2');
    // kiemtra --phan-hoi marks the imported form as any other: its note follows the origin note of the cell.
    expect(danvan(['kiemtra', first, '--phan-hoi', 'phan-hoi-nhap'], cwd).code).toBe(1);
    const copy = dumpXlsx(join(cwd, 'phan-hoi-nhap', first.split('/').pop()));
    expect(Object.keys(copy).slice(0, 2)).toEqual(['Kết quả kiểm tra', 'Nhập từ Word']);
    expect(copy['Thông tin']!.notes['B2']).toMatch(/^Nhập từ: [\s\S]*Mã đơn vị/);
  });

  it('tonghop aggregates a folder of imported forms and ordinary forms, the imported figures included', () => {
    const alone = join(cwd, 'chi-bieu-mau');
    cpSync(join(FIXTURES, 'quy-1-2023'), alone, { recursive: true });
    const mixed = join(cwd, 'hon-hop');
    cpSync(join(FIXTURES, 'quy-1-2023'), mixed, { recursive: true });
    const dash = reports().find(([, e]) => e.unit === 'HU_THACHBAN')!;
    copyFileSync(join(cwd, fileOf(dash[0]).output), join(mixed, 'HU_THACHBAN_quy-1-2023.xlsx'));
    const a = parseJsonOutput(danvan(['tonghop', 'chi-bieu-mau', '--config', CONFIG, '-o', 'a.docx', '--json'], cwd).stdout, 'tonghop');
    const run = danvan(['tonghop', 'hon-hop', '--config', CONFIG, '-o', 'b.docx', '--json'], cwd);
    expectNoStackTrace(run);
    const b = parseJsonOutput(run.stdout, 'tonghop');
    expect(existsSync(join(cwd, 'b.docx'))).toBe(true);
    expect(b.files.find((f: { unit: string }) => f.unit === 'HU_THACHBAN').valid).toBe(true);
    expect(b.units.missing).not.toContain('HU_THACHBAN');
    for (const [code, value] of Object.entries(dash[1].figures)) expect(b.indicators[code] - (a.indicators[code] ?? 0), code).toBeCloseTo(value, 6);
  });
});

describe.skipIf(!HAS_DOCX)('kiemtra and tonghop meeting a Word report', () => {
  it('say it is a Word report and show the danvan nhap command', () => {
    const cwd = tempDir('danvan-nhap-kt-');
    const dir = join(cwd, 'nop');
    cpSync(join(FIXTURES, 'quy-1-2023'), dir, { recursive: true });
    execFileSync(PYTHON, [join(ROOT, 'scripts', 'make-word-reports.py'), join(cwd, 'w'), '--no-libreoffice'], { stdio: 'pipe' });
    copyFileSync(join(cwd, 'w', 'BC quy I-2023 BDV Thach Ban.docx'), join(dir, 'BC Thach Ban.docx'));
    for (const command of ['kiemtra', 'tonghop']) {
      const run = danvan([command, 'nop', '--config', CONFIG, ...(command === 'tonghop' ? ['-o', 'r.docx', '--force'] : [])], cwd);
      expect(run.stdout, command).toContain('nop/BC Thach Ban.docx: tệp Word, không phải biểu mẫu Excel');
      expect(run.stdout, command).toContain('nếu đây là báo cáo Word của đơn vị, chuyển thành biểu mẫu bằng');
      expect(run.stdout, command).toContain('danvan nhap "nop/BC Thach Ban.docx" -o');
      const json = danvan([command, 'nop', '--config', CONFIG, '--json', ...(command === 'tonghop' ? ['-o', 'r.docx', '--force'] : [])], cwd);
      const parsed = parseJsonOutput(json.stdout, command as 'kiemtra' | 'tonghop');
      expect(parsed.skipped).toContainEqual({ file: 'nop/BC Thach Ban.docx', reason: 'word-report' });
    }
    // Named explicitly, the file is checked, as every file named is: invalid, with the same pointer.
    const named = danvan(['kiemtra', 'nop/BC Thach Ban.docx', '--json'], cwd);
    expect(named.code).toBe(1);
    expect(parseJsonOutput(named.stdout, 'kiemtra').files[0].errors[0].message).toContain('danvan nhap');
  });
});

describe('danvan nhap, the command', () => {
  it('answers to "import" too, with Vietnamese help and an example; -o is required', () => {
    const cwd = tempDir('danvan-nhap-help-');
    const help = danvan(['import', '--help'], cwd);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Cách dùng: danvan nhap|import');
    expect(help.stdout).toMatch(/Ví dụ:\n {2}danvan nhap /);
    const missing = danvan(['nhap', 'x.docx', '--json'], cwd);
    expect(missing.code).toBe(2);
    expect(parseJsonOutput(missing.stdout, 'nhap').error).toMatchObject({ code: 'usage' });
    expect(missing.stderr).toContain('Thiếu tùy chọn bắt buộc -o');
  });
});

// End-to-end (issue 16): every file belongs to the right unit, and units keep their protocol order. A district's
// inbox written by openpyxl (two files re-saved by LibreOffice) by test/helpers/make_identity_inbox.py, which
// states what danvan must conclude in expected.json; danvan's outputs are read back with openpyxl and the docx text.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, danvan, expectNoStackTrace, tempDir } from './run-cli.js';
import { parseJsonOutput } from '../helpers/json-contract.js';
import { PYTHON, dumpXlsx, hasOpenpyxl } from '../helpers/openpyxl.js';
import { documentText } from '../helpers/docx-xml.js';
import { hasCommand } from '../helpers/soffice.js';

interface ExpectedFile {
  unit: string | null;
  typedUnit: string | null;
  counted: boolean;
  error: string | null;
  warning: string | null;
  name: string;
  result: string;
}
interface Expected {
  period: string;
  libreoffice: boolean;
  files: Record<string, ExpectedFile>;
  missing: string[];
  counted: { code: string; name: string }[];
  TT_BUOI: number;
  absentResults: string[];
  registry: { code: string; name: string; group: string }[];
  toFix: string[];
}

const openpyxl = hasOpenpyxl();
const soffice = hasCommand('soffice');
if (!openpyxl) console.warn('unit-identity.test.ts: python3-openpyxl absent, the identity tests are skipped');
if (openpyxl && !soffice) console.warn('unit-identity.test.ts: LibreOffice (soffice) absent, no file of the inbox is re-saved by it');

describe.skipIf(!openpyxl)('who sent what: files of a district written by openpyxl and LibreOffice', () => {
  const dir = tempDir('danvan-identity-');
  if (openpyxl) {
    execFileSync(PYTHON, [join(ROOT, 'test', 'helpers', 'make_identity_inbox.py'), dir, ...(soffice ? [] : ['--no-libreoffice'])], { stdio: 'pipe', timeout: 300_000 });
  }
  const expected: Expected = openpyxl ? JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) : ({} as Expected);
  const config = join(dir, 'danvan.config.json');
  const position = (code: string | null) => {
    const i = code === null ? -1 : expected.registry.findIndex((u) => u.code === code);
    return i < 0 ? expected.registry.length : i;
  };
  const registryNames = () => expected.registry.map((u) => u.name);
  const namesOf = (codes: string[]) => codes.map((code) => expected.registry.find((u) => u.code === code)!.name);

  const check = danvan(['kiemtra', 'nop', '--config', config, '--json', '--phan-hoi', 'phan-hoi'], dir);
  const checked = openpyxl ? parseJsonOutput(check.stdout, 'kiemtra') : null;

  it('the inbox is what the script says: two files re-saved by LibreOffice when it is installed', () => {
    expect(expected.libreoffice).toBe(soffice);
    if (soffice) {
      const app = execFileSync('unzip', ['-p', join(dir, 'nop', 'XA_BINHTHANH_quy-3-2026.xlsx'), 'docProps/app.xml'], { encoding: 'utf8' });
      expect(app).toMatch(/LibreOffice/);
    }
  });

  it('kiemtra: each file belongs to the unit the script decided, counted or not, with the problem it decided', () => {
    expectNoStackTrace(check);
    expect(check.code).toBe(1);
    const files = checked.files as { file: string; unit: string | null; typedUnit: string | null; valid: boolean; superseded: unknown; errors: { code: string; message: string }[]; warnings: { code: string }[] }[];
    expect(files.map((f) => f.file).sort()).toEqual(Object.keys(expected.files).sort());
    for (const file of files) {
      const want = expected.files[file.file]!;
      expect({ file: file.file, unit: file.unit, typedUnit: file.typedUnit, counted: file.valid && !file.superseded }).toEqual({
        file: file.file,
        unit: want.unit,
        typedUnit: want.typedUnit,
        counted: want.counted,
      });
      if (want.error) expect(file.errors[0]?.code, file.file).toBe(want.error);
      else expect(file.errors, file.file).toEqual([]);
      if (want.warning) expect(file.warnings.map((w) => w.code), file.file).toContain(want.warning);
    }
  });

  it('a file with one unit\'s code and another organisation\'s name never takes that unit\'s place', () => {
    const files = checked.files as { file: string; unit: string | null; superseded: { by: string } | null; errors: { code: string; message: string }[] }[];
    const hccb = files.find((f) => f.file === 'nop/HCCB_quy-3-2026.xlsx')!;
    // The other organisation's file has a later report date, and still replaces nothing.
    expect(hccb.superseded).toBeNull();
    const other = files.find((f) => f.file === 'nop/Hoi Nguoi cao tuoi - bao cao quy 3.xlsx')!;
    expect(other.errors[0]!.message).toContain('Hội Cựu chiến binh huyện');
    expect(other.errors[0]!.message).toContain('Hội Người cao tuổi huyện');
    // An organisation the registry does not know is told how to be added, with the key to fill.
    expect(other.errors[0]!.message).toContain('{ "code": "…", "name": "Hội Người cao tuổi huyện", "group": "…" }');
  });

  it('no hint points an organisation outside the registry at a registry unit; it is told to ask for its addition', () => {
    const files = checked.files as { file: string; errors: { message: string }[] }[];
    const outside = files.find((f) => f.file === 'nop/HNCT.xlsx')!;
    const message = outside.errors[0]!.message;
    for (const unit of expected.registry) {
      expect(message).not.toContain(`"${unit.code}"`);
      expect(message).not.toContain(unit.name);
    }
    expect(message).toContain('"units"');
    expect(message).toContain('{ "code": "HNCT", "name": "Hội Người cao tuổi huyện", "group": "…" }');
    expect(message).not.toMatch(/gần giống/);
  });

  it('kiemtra: a unit whose only file has a mistyped code is never "chưa gửi"; files and missing units in the registry\'s order', () => {
    expect(checked.units.missing).toEqual(expected.missing);
    expect(checked.missingUnits.map((u: { code: string }) => u.code)).toEqual(expected.missing);
    const ranks = (checked.files as { unit: string | null }[]).map((f) => position(f.unit));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const text = danvan(['kiemtra', 'nop', '--config', config], dir).stdout;
    const missingPart = text.slice(text.indexOf('Chưa gửi báo cáo'), text.indexOf('Kỳ báo cáo:'));
    const named = registryNames().filter((name) => missingPart.includes(name));
    expect(named).toEqual(namesOf(expected.missing));
    // The Mặt trận's file comes first, although "Ủy ban…" sorts last.
    expect(text.split('\n')[0]).toMatch(/^✓ nop\/MTTQ\.xlsx/);
  });

  it('tong-hop-kiem-tra.xlsx: units in the registry\'s order, "chưa gửi" only for the units without a file', () => {
    const summaryPath = join(dir, 'phan-hoi', 'tong-hop-kiem-tra.xlsx');
    expect(existsSync(summaryPath)).toBe(true);
    const sheet = Object.values(dumpXlsx(summaryPath))[0]!;
    const header = sheet.rows.findIndex((row) => row.some((v) => v === 'Mã đơn vị'));
    const codeCol = sheet.rows[header]!.indexOf('Mã đơn vị');
    const statusCol = sheet.rows[header]!.indexOf('Trạng thái');
    const rows = sheet.rows.slice(header + 1).filter((row) => row[codeCol]);
    const nameCol = sheet.rows[header]!.indexOf('Tên đơn vị');
    // The registry's units (a file of another organisation shows the code it typed beside its own name, after them).
    const registryRows = rows
      .filter((row) => expected.registry.some((u) => u.code === row[codeCol] && u.name === row[nameCol]))
      .map((row) => String(row[codeCol]));
    expect(registryRows.length).toBeGreaterThanOrEqual(expected.registry.length);
    expect(registryRows).toEqual([...registryRows].sort((a, b) => position(a) - position(b)));
    const missingRows = rows.filter((row) => row.some((v) => v === 'chưa gửi')).map((row) => String(row[codeCol]));
    expect(missingRows).toEqual(expected.missing);
    expect(statusCol).toBeGreaterThan(-1);
  });

  it('tonghop: the totals, the units counted in the registry\'s order, and nothing of a file that is not counted', () => {
    const run = danvan(['tonghop', 'nop', '--config', config, '-o', 'bao-cao.docx', '--json'], dir);
    expectNoStackTrace(run);
    const out = parseJsonOutput(run.stdout, 'tonghop');
    expect(out.units.missing).toEqual(expected.missing);
    expect(out.indicators.TT_BUOI).toBe(expected.TT_BUOI);
    expect(out.sources.TT_BUOI.map((s: { unit: string }) => s.unit)).toEqual(expected.counted.map((u) => u.code));
    const text = documentText(readFileSync(join(dir, 'bao-cao.docx'))).join('\n');
    for (const result of expected.absentResults) expect(text).not.toContain(result);
    expect(text).toContain('Thăm, tặng 120 suất quà cho hội viên cựu chiến binh khó khăn (Hội Cựu chiến binh huyện)');
    expect(text).toContain('(Đảng ủy xã Bình Thạnh)');
    // The appendix and lists name the counted units in the registry's order.
    const appendix = text.slice(text.lastIndexOf('PHỤ LỤC') >= 0 ? text.lastIndexOf('PHỤ LỤC') : 0);
    const at = expected.counted.map((u) => appendix.indexOf(u.name));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('nhac: the letter names units by name, never by code, and no unit that sent is "chưa gửi"', () => {
    const run = danvan(['nhac', 'nop', '--config', config, '--han', '20/10/2026', '-o', 'cong-van.docx', '--json'], dir);
    expectNoStackTrace(run);
    const out = parseJsonOutput(run.stdout, 'nhac');
    expect(out.missingUnits.map((u: { code: string }) => u.code)).toEqual(expected.missing);
    const lines = documentText(readFileSync(join(dir, 'cong-van.docx')));
    const text = lines.join('\n');
    const missingStart = text.indexOf('chưa gửi báo cáo:');
    const fixStart = text.indexOf('cần sửa và gửi lại');
    expect(missingStart).toBeGreaterThan(-1);
    const missingPart = text.slice(missingStart, fixStart > missingStart ? fixStart : undefined);
    expect(registryNames().filter((name) => missingPart.includes(`- ${name}`))).toEqual(namesOf(expected.missing));
    // Every unit line starts with a name: no code is an addressee.
    const unitLines = lines.filter((l) => l.startsWith('- ') && !/^- (Như trên|Lưu)/.test(l));
    for (const line of unitLines) {
      for (const unit of expected.registry) expect(line.startsWith(`- ${unit.code}`), line).toBe(false);
      expect(line, line).not.toMatch(/^- [A-Z0-9_]{2,}[:;.]/);
    }
    // The commune whose code is mistyped is asked to correct its file, by name.
    for (const code of expected.toFix) expect(unitLines.some((l) => l.startsWith(`- ${namesOf([code])[0]}:`))).toBe(true);
  });
});

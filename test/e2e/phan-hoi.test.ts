/**
 * `danvan kiemtra … --phan-hoi DIR` as a user runs it: annotated copies for the files with problems, none for the
 * others, tong-hop-kiem-tra.xlsx with a row per registry unit, the input folder untouched, the output rules
 * (never in an input folder, no different file overwritten without --force), and the same bytes every run.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG, FIXTURES, danvan, expectNoStackTrace, folderFingerprint, tempDir } from './run-cli.js';
import { dumpXlsx, hasOpenpyxl } from '../helpers/openpyxl.js';
import { hasCommand, profileArg } from '../helpers/soffice.js';
import { slash } from '../helpers/capabilities.js';
import { parseJsonOutput } from '../helpers/json-contract.js';

const OPENPYXL = hasOpenpyxl();
const SOFFICE = hasCommand('soffice');
const FOREIGN_CONFIG = join(FIXTURES, 'khac-phan-mem.config.json');

/** "Người lập", "Điện thoại", "Email" of a file's "Thông tin" sheet, as openpyxl reads them. */
function contactOf(file: string): Record<string, string> {
  const info = dumpXlsx(file)['Thông tin']!.rows;
  const out: Record<string, string> = {};
  for (const row of info) {
    const label = String(row[0] ?? '').trim();
    if (['Người lập', 'Điện thoại', 'Email'].includes(label) && row[1] != null) out[label] = String(row[1]);
  }
  return out;
}

describe('kiemtra --phan-hoi on files written by other programs', () => {
  const cwd = tempDir('danvan-phan-hoi-');
  const input = join(cwd, 'nop');
  cpSync(join(FIXTURES, 'khac-phan-mem'), input, { recursive: true });
  // An invalid file (a negative figure, a word in a figure cell) of a unit the registry knows: the unit's only file
  // (with its valid one beside it, the newer of the two would be its report and the other not sent back).
  cpSync(join(FIXTURES, 'loi', 'so-am.xlsx'), join(input, 'con', 'so-am.xlsx'), { recursive: true });
  rmSync(join(input, 'TINHDOAN.xlsx'));
  const before = folderFingerprint(input);

  it('writes a copy for each file with a problem, the summary, and leaves the input folder alone', () => {
    const run = danvan(['kiemtra', 'nop', '--config', FOREIGN_CONFIG, '--phan-hoi', 'phan-hoi'], cwd);
    expectNoStackTrace(run);
    expect(run.code).toBe(1);
    expect(folderFingerprint(input)).toBe(before);
    const written = readdirSync(join(cwd, 'phan-hoi')).sort();
    expect(written).toContain('tong-hop-kiem-tra.xlsx');
    // A file found in a subfolder keeps its subfolder.
    expect(existsSync(join(cwd, 'phan-hoi', 'con', 'so-am.xlsx'))).toBe(true);
    // A copy for each file with an error or a warning that asks something of the unit; a blank indicator
    // (allowed: "not reported") or an empty sheet alone earns none.
    const checked = JSON.parse(danvan(['kiemtra', 'nop', '--config', FOREIGN_CONFIG, '--json'], cwd).stdout) as {
      files: { file: string; errors: unknown[]; warnings: { code: string }[] }[];
    };
    const informational = new Set(['figure.blank', 'figure.row-missing', 'section.empty', 'sheet.missing-optional', 'unit.duplicate']);
    const expected = checked.files.filter((f) => f.errors.length || f.warnings.some((w) => !informational.has(w.code))).map((f) => f.file.replace(/^nop\//, ''));
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(run.stdout).toContain(`Đã ghi ${expected.length} bản phản hồi`);
    for (const name of readdirSync(input).filter((n) => n.endsWith('.xlsx'))) expect(written.includes(name), name).toBe(expected.includes(name));
  });

  it.skipIf(!OPENPYXL)('tong-hop-kiem-tra.xlsx: one row per registry unit, status, counts, first problem, contact from the file', () => {
    const summary = dumpXlsx(join(cwd, 'phan-hoi', 'tong-hop-kiem-tra.xlsx'));
    const rows = Object.values(summary)[0]!.rows;
    const header = rows.findIndex((row) => row[0] === 'STT');
    expect(rows[header]).toEqual(['STT', 'Mã đơn vị', 'Tên đơn vị', 'Khối', 'Tệp', 'Trạng thái', 'Số lỗi', 'Số lưu ý', 'Vấn đề đầu tiên', 'Người lập', 'Điện thoại', 'Email', 'Bản phản hồi']);
    const body = rows.slice(header + 1).filter((row) => row[0] != null);
    const registry = JSON.parse(readFileSync(FOREIGN_CONFIG, 'utf8')) as { units: { code: string }[] };
    // Every registry unit has a row; the registry's 14th unit sent nothing.
    for (const unit of registry.units) expect(body.some((row) => row[1] === unit.code), unit.code).toBe(true);
    expect(body.filter((row) => row[5] === 'chưa gửi').length).toBeGreaterThanOrEqual(1);
    const invalid = body.find((row) => String(row[4]).endsWith('so-am.xlsx'))!;
    expect(invalid[5]).toBe('có lỗi');
    // A report of another period with a negative figure: the period comes first (sheet order, then row).
    expect(invalid[6]).toBeGreaterThanOrEqual(2);
    expect(String(invalid[8])).toMatch(/^sheet Thông tin, ô B\d+: Kỳ báo cáo/);
    expect(invalid[12]).toBe('con/so-am.xlsx');
    // Contacts as the writing program stored them (openpyxl reads the original).
    for (const row of body.filter((r) => r[4] && slash(String(r[4])).startsWith('nop/') && !slash(String(r[4])).includes('con/'))) {
      const contact = contactOf(join(cwd, String(row[4])));
      expect(row[9] ?? undefined, String(row[4])).toBe(contact['Người lập']);
      expect(row[10] ?? undefined).toBe(contact['Điện thoại']);
      expect(row[11] ?? undefined).toBe(contact['Email']);
      expect(row[5]).toBe('đã gửi hợp lệ');
    }
  });

  it('gives the same bytes on a second run, which then overwrites nothing', () => {
    const again = danvan(['kiemtra', 'nop', '--config', FOREIGN_CONFIG, '--phan-hoi', 'phan-hoi-2'], cwd);
    expect(again.code).toBe(1);
    for (const name of ['tong-hop-kiem-tra.xlsx', 'DU_XA_HOALAC.xlsx', 'con/so-am.xlsx']) {
      expect(readFileSync(join(cwd, 'phan-hoi-2', name)).equals(readFileSync(join(cwd, 'phan-hoi', name))), name).toBe(true);
    }
    // Same folder, same content: nothing to refuse, nothing rewritten, and it says so (an outside tester saw "Đã ghi").
    const mtime = statSync(join(cwd, 'phan-hoi', 'tong-hop-kiem-tra.xlsx')).mtimeMs;
    const rerun = danvan(['kiemtra', 'nop', '--config', FOREIGN_CONFIG, '--phan-hoi', 'phan-hoi'], cwd);
    expect(rerun.code).toBe(1);
    expect(rerun.stdout).not.toContain('Đã ghi');
    expect(rerun.stdout).toMatch(/Không thay đổi \(giống hệt tệp đã có, không ghi lại\): \d+ bản phản hồi và tong-hop-kiem-tra\.xlsx trong "phan-hoi"\./);
    expect(statSync(join(cwd, 'phan-hoi', 'tong-hop-kiem-tra.xlsx')).mtimeMs).toBe(mtime);
    const json = parseJsonOutput(danvan(['kiemtra', 'nop', '--config', FOREIGN_CONFIG, '--phan-hoi', 'phan-hoi', '--json'], cwd).stdout, 'kiemtra');
    expect([...json.feedback.unchanged].sort()).toEqual([json.feedback.summary, ...json.feedback.copies.map((c: { copy: string }) => c.copy)].sort());
  });

  it('refuses to overwrite a different file without --force, and writes nothing then', () => {
    const changed = join(cwd, 'phan-hoi', 'DU_XA_HOALAC.xlsx');
    writeFileSync(changed, 'sửa tay');
    const untouched = readFileSync(join(cwd, 'phan-hoi', 'tong-hop-kiem-tra.xlsx'));
    const refused = danvan(['kiemtra', 'nop', '--config', FOREIGN_CONFIG, '--phan-hoi', 'phan-hoi'], cwd);
    expectNoStackTrace(refused);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"DU_XA_HOALAC.xlsx"');
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(changed, 'utf8')).toBe('sửa tay');
    expect(readFileSync(join(cwd, 'phan-hoi', 'tong-hop-kiem-tra.xlsx')).equals(untouched)).toBe(true);
    const forced = danvan(['kiemtra', 'nop', '--config', FOREIGN_CONFIG, '--phan-hoi', 'phan-hoi', '--force'], cwd);
    expect(forced.code).toBe(1);
    expect(readFileSync(changed).equals(readFileSync(join(cwd, 'phan-hoi-2', 'DU_XA_HOALAC.xlsx')))).toBe(true);
  });

  it('refuses a folder inside an input folder, an input folder itself, a file, before reading anything', () => {
    for (const dir of ['nop/phan-hoi', 'nop', 'nop/con']) {
      const run = danvan(['kiemtra', 'nop', '--phan-hoi', dir], cwd);
      expectNoStackTrace(run);
      expect(run.code, dir).toBe(2);
      expect(run.stderr).toContain('thư mục báo cáo đầu vào');
    }
    // A file given alone: its own folder counts as an input folder (the copy would take the original's name).
    expect(danvan(['kiemtra', 'nop/CA_TINH.xlsx', '--phan-hoi', 'nop'], cwd).code).toBe(2);
    writeFileSync(join(cwd, 'la-tep'), '');
    const file = danvan(['kiemtra', 'nop', '--phan-hoi', 'la-tep'], cwd);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('là một tệp');
    expect(folderFingerprint(input)).toBe(before);
    expect(existsSync(join(input, 'phan-hoi'))).toBe(false);
  });

  it('says what it wrote in --json, matching the published schema', () => {
    const run = danvan(['kiemtra', 'nop', '--config', FOREIGN_CONFIG, '--phan-hoi', 'phan-hoi-json', '--json'], cwd);
    const json = parseJsonOutput(run.stdout, 'kiemtra');
    expect(json.feedback.dir).toBe('phan-hoi-json');
    expect(json.feedback.summary).toBe('tong-hop-kiem-tra.xlsx');
    expect(json.feedback.copies).toContainEqual({ file: 'nop/con/so-am.xlsx', copy: 'con/so-am.xlsx' });
    expect(json.feedback.notCopied).toEqual([]);
    expect(parseJsonOutput(danvan(['kiemtra', 'nop', '--config', FOREIGN_CONFIG, '--json'], cwd).stdout, 'kiemtra').feedback).toBeNull();
  });
});

describe('kiemtra --phan-hoi into a folder of an earlier run', () => {
  it('names the copies left there for files that get none now, and deletes nothing', () => {
    const cwd = tempDir('danvan-phan-hoi-stale-');
    mkdirSync(join(cwd, 'nop'));
    cpSync(join(FIXTURES, 'hon-hop', 'HU_TANLAC.xlsx'), join(cwd, 'nop', 'HU_TANLAC.xlsx'));
    expect(danvan(['kiemtra', 'nop', '--ky', 'Quý I/2023', '--phan-hoi', 'ph'], cwd).code).toBe(1);
    expect(existsSync(join(cwd, 'ph', 'HU_TANLAC.xlsx'))).toBe(true);
    // The unit sends a corrected file; its old one stays in the folder and is now superseded.
    cpSync(join(FIXTURES, 'quy-1-2023', 'HU_TANLAC.xlsx'), join(cwd, 'nop', 'HU_TANLAC (1).xlsx'));
    const later = Date.now() / 1000 + 60;
    utimesSync(join(cwd, 'nop', 'HU_TANLAC (1).xlsx'), later, later);
    const again = danvan(['kiemtra', 'nop', '--ky', 'Quý I/2023', '--phan-hoi', 'ph', '--force'], cwd);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Chú ý: trong "ph" còn 1 bản phản hồi của lần kiểm tra trước không còn đúng');
    expect(again.stdout).toMatch(/đừng gửi chúng cho đơn vị: HU_TANLAC\.xlsx\./);
    expect(existsSync(join(cwd, 'ph', 'HU_TANLAC.xlsx'))).toBe(true);
    const json = parseJsonOutput(danvan(['kiemtra', 'nop', '--ky', 'Quý I/2023', '--phan-hoi', 'ph', '--json'], cwd).stdout, 'kiemtra');
    expect(json.feedback.stale).toEqual(['HU_TANLAC.xlsx']);
  });
});

describe('kiemtra --phan-hoi with clean, superseded, unreadable and non-.xlsx files', () => {
  it('copies only .xlsx/.xlsm files with a problem; lists every file and missing unit in the summary', () => {
    const cwd = tempDir('danvan-phan-hoi-mix-');
    mkdirSync(join(cwd, 'nop'));
    for (const name of ['HU_DONGHOA.xlsx', 'HCCB.xlsx', 'HCCB (ban sua 03-4).xlsx', 'HU_TANLAC.xlsx']) cpSync(join(FIXTURES, 'hon-hop', name), join(cwd, 'nop', name));
    cpSync(join(FIXTURES, 'loi', 'zip-cut.xlsx'), join(cwd, 'nop', 'zip-cut.xlsx'));
    if (SOFFICE) {
      // The same unit's report saved as .ods: read, checked, listed, but not copied.
      execFileSync('soffice', [profileArg(cwd), '--headless', '--norestore', '--convert-to', 'ods', '--outdir', join(cwd, 'nop'), join(FIXTURES, 'loi', 'so-am.xlsx')], { stdio: 'pipe', timeout: 120_000 });
    }
    const run = danvan(['kiemtra', 'nop', '--config', CONFIG, '--ky', 'Quý I/2023', '--phan-hoi', 'ph'], cwd);
    expectNoStackTrace(run);
    expect(run.code).toBe(1);
    const written = readdirSync(join(cwd, 'ph')).sort();
    // HU_DONGHOA.xlsx has no problem: no copy. The damaged zip and the .ods: no copy, said so.
    expect(written).not.toContain('HU_DONGHOA.xlsx');
    expect(written).toContain('HU_TANLAC.xlsx');
    expect(written).not.toContain('zip-cut.xlsx');
    expect(run.stdout).toContain('Không có bản phản hồi cho:');
    expect(run.stdout).toMatch(/zip-cut\.xlsx: không tạo: không mở được tệp/);
    if (SOFFICE) expect(run.stdout).toMatch(/so-am\.ods: không tạo: tệp \.ods/);
    if (!OPENPYXL) return;
    const rows = Object.values(dumpXlsx(join(cwd, 'ph', 'tong-hop-kiem-tra.xlsx')))[0]!.rows;
    const byFile = (name: string) => rows.find((row) => String(row[4] ?? '').endsWith(name))!;
    expect(byFile('HU_DONGHOA.xlsx')[5]).toBe('đã gửi hợp lệ');
    expect(byFile('HU_DONGHOA.xlsx')[12]).toBe('không cần (không có vấn đề)');
    expect(byFile('HCCB.xlsx')[5]).toBe('tệp cũ không tính');
    // A replaced file gets no copy: its problems may be fixed in the newer one (an outside tester).
    expect(byFile('HCCB.xlsx')[12]).toBe('không cần (tệp cũ: đơn vị đã gửi tệp mới hơn)');
    expect(written).not.toContain('HCCB.xlsx');
    expect(byFile('HCCB (ban sua 03-4).xlsx')[5]).toBe('đã gửi hợp lệ');
    expect(byFile('HU_TANLAC.xlsx')[5]).toBe('có lỗi');
    expect(byFile('zip-cut.xlsx')[5]).toBe('có lỗi');
    expect(rows.filter((row) => row[5] === 'chưa gửi').length).toBeGreaterThan(3);
    if (SOFFICE) expect(byFile('so-am.ods')[12]).toMatch(/^không tạo: tệp \.ods/);
  });
});

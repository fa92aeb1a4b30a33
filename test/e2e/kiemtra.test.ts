// End-to-end: `danvan kiemtra` on the fixtures, every bad input of SPEC §6 with its message and cell.
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { PYTHON, hasOpenpyxl } from '../helpers/openpyxl.js';
import { CONFIG, FIXTURES, danvan, expectNoStackTrace, folderFingerprint, tempDir } from './run-cli.js';
import { parseJsonOutput } from '../helpers/json-contract.js';

interface JsonIssue {
  sheet: string | null;
  cell: string | null;
  message: string;
  code: string;
}
interface JsonFile {
  file: string;
  valid: boolean;
  unit: string | null;
  period: string | null;
  errors: JsonIssue[];
  warnings: JsonIssue[];
}

const cwd = tempDir();

function checkJson(args: string[], env: Record<string, string> = {}): { code: number; files: JsonFile[]; skipped: { file: string; reason: string }[]; period: string | null } {
  const result = danvan(['kiemtra', '--json', ...args], cwd, env);
  expectNoStackTrace(result);
  const parsed = parseJsonOutput(result.stdout, 'kiemtra');
  return { code: result.code, ...parsed };
}

describe('danvan kiemtra on a clean folder', () => {
  it('finds the 15 submissions of quý I/2023 valid, exit 0, and prints one ✓ line per file', () => {
    const before = folderFingerprint(join(FIXTURES, 'quy-1-2023'));
    const result = danvan(['kiemtra', join(FIXTURES, 'quy-1-2023'), '--config', CONFIG], cwd);
    expectNoStackTrace(result);
    expect(result.code).toBe(0);
    const fileLines = result.stdout.split('\n').filter((l) => /^[✓✗] /.test(l));
    expect(fileLines).toHaveLength(15);
    expect(fileLines.every((l) => l.startsWith('✓'))).toBe(true);
    expect(result.stdout).toContain('Kỳ báo cáo: quý I năm 2023 (2023-Q1).');
    expect(result.stdout).toContain('Tổng cộng 15 tệp: 15 hợp lệ, 0 không hợp lệ; 1 đơn vị chưa gửi.');
    // The registry unit that sent nothing, by name and group, after the details.
    expect(result.stdout).toContain('Chưa gửi báo cáo (1 đơn vị):\n    Các huyện ủy, thành ủy: Ban Dân vận Huyện ủy Thạch Bàn (HU_THACHBAN)');
    expect(folderFingerprint(join(FIXTURES, 'quy-1-2023'))).toBe(before);
  });

  it('prints the JSON of SPEC §5 with unit and period of each file', () => {
    const { code, files, period } = checkJson([join(FIXTURES, 'quy-1-2023')]);
    expect(code).toBe(0);
    expect(period).toBe('2023-Q1');
    expect(files.map((f) => f.unit).sort()).toEqual(
      ['BCHQS', 'BDBP', 'CA', 'HCCB', 'HLHPN', 'HND', 'HU_DONGHOA', 'HU_NGOCTHANH', 'HU_PHUCLAM', 'HU_TANLAC', 'LDLD', 'MTTQ', 'SNV', 'TINHDOAN', 'TU_BINHSON'],
    );
    for (const f of files) {
      expect(Object.keys(f)).toEqual(['file', 'valid', 'unit', 'typedUnit', 'period', 'superseded', 'errors', 'warnings', 'repairs']);
      expect(f).toMatchObject({ valid: true, period: '2023-Q1', errors: [] });
    }
  });

  it('warns about a blank indicator (blank is not 0) with its cell', () => {
    const { files } = checkJson([join(FIXTURES, 'quy-1-2023')]);
    const bdbp = files.find((f) => f.unit === 'BDBP')!;
    expect(bdbp.warnings.filter((w) => w.code === 'figure.blank').map((w) => w.cell)).toEqual(['D10', 'D11', 'D12']);
  });
});

/** Each bad input of SPEC §6: the file, the error code, and where it is (sheet and cell). */
const BAD_INPUTS: [file: string, code: string, sheet: string | null, cell: string | null, says: RegExp][] = [
  ['khong-phai-workbook.xlsx', 'file.not-a-zip', null, null, /không phải bảng tính Excel/],
  ['zip-cut.xlsx', 'file.truncated', null, null, /thiếu phần cuối/],
  ['zip-khong-phai-workbook.xlsx', 'file.not-a-workbook', null, null, /không phải bảng tính Excel/],
  ['co-mat-khau.xlsx', 'file.encrypted', null, null, /mật khẩu/],
  ['dinh-dang-cu.xls', 'file.legacy-xls', null, null, /Excel cũ \(\.xls/],
  ['workbook-rong.xlsx', 'workbook.not-a-submission', null, null, /không phải biểu mẫu báo cáo/],
  ['thieu-sheet-so-lieu.xlsx', 'sheet.missing', 'Số liệu', null, /Thiếu sheet "Số liệu"/],
  ['thieu-tieu-de.xlsx', 'header.missing', 'Số liệu', null, /không có dòng tiêu đề cột/],
  ['thieu-ma-don-vi.xlsx', 'info.missing', 'Thông tin', 'B2', /Chưa điền "Mã đơn vị"/],
  ['chu-trong-o-so.xlsx', 'figure.not-a-number', 'Số liệu', 'D6', /"khoảng chục buổi" không phải là số; hãy nhập một số nguyên không âm, ví dụ 12/],
  ['so-am.xlsx', 'figure.negative', 'Số liệu', 'D8', /Số âm \(-2\)/],
  ['ma-chi-tieu-la.xlsx', 'figure.unknown-code', 'Số liệu', 'A21', /"TT_XYZ" không có trong danh mục/],
  ['linh-vuc-la.xlsx', 'row.field-unknown', 'Kết quả', 'B3', /Lĩnh vực "Văn nghệ" không có trong danh sách/],
  ['ky-bao-cao-sai.xlsx', 'info.period-invalid', 'Thông tin', 'B4', /"Quý 5\/2023" không hợp lệ/],
  ['ngay-khong-ton-tai.xlsx', 'info.date-impossible', 'Thông tin', 'B5', /"31\/02\/2023" không phải ngày có thật/],
  ['khac-ky.xlsx', 'period.mismatch', 'Thông tin', 'B4', /Kỳ báo cáo của tệp là quý II năm 2023, khác với kỳ đang kiểm tra, tổng hợp là quý I năm 2023/],
];

describe('danvan kiemtra on every bad input', () => {
  // Without LibreOffice (DANVAN_SOFFICE=none), as on a machine that has none: the .xls is refused.
  const { code, files } = checkJson([join(FIXTURES, 'loi'), '--ky', 'Quý I/2023'], { DANVAN_SOFFICE: 'none' });

  it('exits 1 because some input is invalid', () => {
    expect(code).toBe(1);
  });

  it.each(BAD_INPUTS)('%s → %s at %s!%s', (file, errorCode, sheet, cell, says) => {
    const result = files.find((f) => f.file.endsWith(file));
    expect(result, `${file} is reported`).toBeDefined();
    expect(result!.valid).toBe(false);
    const error = result!.errors.find((e) => e.code === errorCode);
    expect(error, `${file}: ${JSON.stringify(result!.errors)}`).toBeDefined();
    expect(error).toMatchObject({ sheet, cell });
    expect(error!.message).toMatch(says);
    // Exactly the one problem the fixture was made to show.
    expect(result!.errors).toHaveLength(1);
  });

  it('KN_GQ larger than KN_TIEP is a warning on the KN_GQ cell, not an error', () => {
    const result = files.find((f) => f.file.endsWith('dieu-chinh-kn.xlsx'))!;
    expect(result.valid).toBe(true);
    expect(result.warnings.find((w) => w.code === 'figure.resolved-exceeds-received')).toMatchObject({ sheet: 'Số liệu', cell: 'D12' });
  });

  it('a file over the size limit is refused without being read', () => {
    const dir = tempDir();
    const big = join(dir, 'qua-lon.xlsx');
    // 21 MiB of zeros: over the default 20 MB limit.
    writeFileSync(big, Buffer.alloc(21 * 1024 * 1024));
    const { files: [result] } = checkJson([big]);
    expect(result!.errors[0]).toMatchObject({ code: 'file.too-large', sheet: null, cell: null });
    expect(result!.errors[0]!.message).toMatch(/Tệp quá lớn \(21,0 MB, giới hạn 20,0 MB\)/);
  });
});

describe('danvan kiemtra on a mixed inbox', () => {
  const { files, skipped } = checkJson([join(FIXTURES, 'hon-hop')]);

  it('skips the Excel lock file, hidden files and other files with a note, not silently', () => {
    const reasons = Object.fromEntries(skipped.map((s) => [s.file.split('/').pop(), s.reason]));
    expect(reasons).toEqual({ '~$HU_DONGHOA.xlsx': 'lock-file', '.DS_Store': 'hidden', 'ghi-chu.txt': 'not-a-spreadsheet' });
    expect(files.some((f) => f.file.includes('~$'))).toBe(false);
  });

  it('two files of one unit: the later Ngày báo cáo is used, and both files say so; the older one is not an error', () => {
    const used = files.find((f) => f.file.endsWith('HCCB (ban sua 03-4).xlsx'))!;
    const ignored = files.find((f) => f.file.endsWith('hon-hop/HCCB.xlsx'))!;
    expect(used.valid).toBe(true);
    expect(used.superseded).toBeNull();
    expect(used.warnings.find((w) => w.code === 'unit.duplicate')!.message).toMatch(/dùng tệp này \(ngày báo cáo 03\/04\/2023 muộn hơn\)/);
    expect(ignored.valid).toBe(true);
    expect(ignored.errors).toEqual([]);
    expect(ignored.superseded).toEqual({ by: expect.stringContaining('HCCB (ban sua 03-4).xlsx'), reason: 'ngày báo cáo 03/04/2023 muộn hơn' });
    const note = ignored.warnings.find((w) => w.code === 'unit.superseded')!;
    expect(note).toMatchObject({ sheet: 'Thông tin' });
    expect(note.message).toContain('HCCB (ban sua 03-4).xlsx');
    expect(note.message).toContain('không phải lỗi');
  });

  it('a resubmission alone is not an error: exit 0', () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'hon-hop', 'HCCB.xlsx'), join(dir, 'HCCB.xlsx'));
    copyFileSync(join(FIXTURES, 'hon-hop', 'HCCB (ban sua 03-4).xlsx'), join(dir, 'HCCB (ban sua 03-4).xlsx'));
    const result = danvan(['kiemtra', dir], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^○ .*HCCB\.xlsx.*hợp lệ nhưng không tính/m);
    expect(result.stdout).toContain('Tổng cộng 2 tệp: 1 hợp lệ, 0 không hợp lệ, 1 tệp cũ không tính (đơn vị đã gửi tệp mới hơn).');
  });

  // A unit sends a file, then a newer one (openpyxl, as another program writes it) with a mistake in it.
  const resend = (dir: string, name: string, date: string, buoi: string | number) =>
    execFileSync(PYTHON, ['-c', [
      'import sys, datetime, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      'wb["Thông tin"]["B5"] = datetime.datetime.strptime(sys.argv[3], "%Y-%m-%d")',
      'v = sys.argv[4]',
      'wb["Số liệu"]["D6"] = int(v) if v.isdigit() else v',
      'wb.save(sys.argv[2])',
    ].join('\n'), join(FIXTURES, 'quy-1-2023', 'HU_TANLAC.xlsx'), join(dir, name), date, String(buoi)]);

  it.skipIf(!hasOpenpyxl())('a newer file with a mistake: the unit must fix it, and its older valid file is not counted in its place', () => {
    const dir = tempDir();
    resend(dir, 'HU_TANLAC.xlsx', '2023-03-20', 10);
    resend(dir, 'HU_TANLAC (1).xlsx', '2023-03-28', '2,5');
    copyFileSync(join(FIXTURES, 'quy-1-2023', 'SNV.xlsx'), join(dir, 'SNV.xlsx'));
    const check = checkJson([dir]);
    expect(check.code).toBe(1);
    const older = check.files.find((f) => f.file.endsWith('HU_TANLAC.xlsx'))!;
    const newer = check.files.find((f) => f.file.endsWith('HU_TANLAC (1).xlsx'))!;
    expect(older.valid).toBe(true);
    expect((older as JsonFile & { superseded: unknown }).superseded).toEqual({ by: expect.stringContaining('HU_TANLAC (1).xlsx'), reason: 'ngày báo cáo 28/03/2023 muộn hơn' });
    expect(newer.valid).toBe(false);
    expect(newer.errors[0]).toMatchObject({ sheet: 'Số liệu', cell: 'D6' });

    const human = danvan(['kiemtra', dir], cwd);
    expect(human.stdout).toMatch(/^○ .*HU_TANLAC\.xlsx.*hợp lệ nhưng không tính/m);
    expect(human.stdout).toMatch(/Cần đơn vị sửa và gửi lại \(1 tệp\):\n {4}✗ .*HU_TANLAC \(1\)\.xlsx \(HU_TANLAC\): sheet Số liệu, ô D6/);
    expect(human.stdout).toContain('Tổng cộng 3 tệp: 1 hợp lệ, 1 không hợp lệ, 1 tệp cũ không tính (đơn vị đã gửi tệp mới hơn).');

    // tonghop counts SNV alone and names HU_TANLAC among the units whose file must be fixed.
    const out = join(tempDir(), 'bc.docx');
    const agg = danvan(['tonghop', dir, '-o', out, '--json'], cwd);
    expect(agg.code).toBe(1);
    const report = parseJsonOutput(agg.stdout, 'tonghop');
    expect(report.units).toEqual({ submitted: 3, valid: 1, invalid: 1, superseded: 1, missing: [] });
    expect(report.sources['TT_BUOI'].map((s: { unit: string }) => s.unit)).toEqual(['SNV']);
    const docText = execFileSync('unzip', ['-p', out, 'word/document.xml'], { encoding: 'utf8' }).replace(/<[^>]+>/g, '');
    // The report to superiors says how many reports it sums, and names no unit left out (kiemtra and the letter do).
    expect(docText).toContain('tổng hợp từ báo cáo của 1 cơ quan, đơn vị');
    expect(docText).not.toContain('Tân Lạc');
  });

  it.skipIf(!hasOpenpyxl())('an older file with a mistake, corrected and sent again: nothing left to fix, exit 0', () => {
    const dir = tempDir();
    resend(dir, 'HU_TANLAC.xlsx', '2023-03-20', '2,5');
    resend(dir, 'HU_TANLAC (1).xlsx', '2023-03-28', 12);
    const human = danvan(['kiemtra', dir], cwd);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^○ .*HU_TANLAC\.xlsx.*có 1 lỗi nhưng không cần sửa, không tính: đơn vị đã gửi tệp khác/m);
    expect(human.stdout).not.toContain('Cần đơn vị sửa');
    expect(human.stdout).not.toMatch(/sheet Số liệu, ô D6/); // the old file's error is the unit's past
    expect(human.stdout).toContain('Tổng cộng 2 tệp: 1 hợp lệ, 0 không hợp lệ, 1 tệp cũ không tính (đơn vị đã gửi tệp mới hơn).');
  });

  it.skipIf(!hasOpenpyxl())('a file\'s errors are listed in the order a person fixes them, as the feedback workbook lists them', () => {
    const dir = tempDir();
    execFileSync(PYTHON, ['-c', [
      'import sys, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      'wb["Thông tin"]["B4"] = "Quý II/2023"',
      'wb["Thông tin"]["B5"] = "31/02/2023"',
      'wb.save(sys.argv[2])',
    ].join('\n'), join(FIXTURES, 'quy-1-2023', 'HU_TANLAC.xlsx'), join(dir, 'HU_TANLAC.xlsx')]);
    for (const name of ['SNV.xlsx', 'MTTQ.xlsx']) copyFileSync(join(FIXTURES, 'quy-1-2023', name), join(dir, name));
    const human = danvan(['kiemtra', dir], cwd).stdout;
    // The period's error (B4) is found after the date's (B5), across files; it is still listed first.
    const lines = human.split('\n');
    const at = lines.findIndex((l) => l.startsWith('✗') && l.includes('HU_TANLAC.xlsx'));
    expect(lines[at + 1]).toMatch(/^ {4}sheet Thông tin, ô B4: /);
    expect(lines[at + 2]).toMatch(/^ {4}sheet Thông tin, ô B5: /);
    expect(human).toMatch(/✗ .*HU_TANLAC\.xlsx \(HU_TANLAC\): sheet Thông tin, ô B4: .*\(và 1 lỗi khác\)/);
  });

  it('the human report groups problems under each file with ✗ and the cell', () => {
    const result = danvan(['kiemtra', join(FIXTURES, 'hon-hop'), '--khong-luu-y'], cwd);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('✗') && l.includes('HU_TANLAC.xlsx'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toMatch(/^ {4}sheet Số liệu, ô D7: "hơn 6 nghìn" không phải là số/);
    expect(result.stdout).toMatch(/~\$HU_DONGHOA\.xlsx: tệp khóa tạm của Excel/);
  });

  it('ends with the files to fix, one line each, after the details; the superseded file is not one of them', () => {
    const result = danvan(['kiemtra', join(FIXTURES, 'hon-hop')], cwd);
    const closing = result.stdout.slice(result.stdout.indexOf('Cần đơn vị sửa và gửi lại (3 tệp):'));
    const lines = closing.split('\n').slice(1, 4);
    // In the registry's order: the huyện ủy block first, then the Mặt trận's block in its own order.
    expect(lines.map((l) => /✗ (.*?) \(/.exec(l)?.[1]?.split(/[\\/]/).pop())).toEqual(['HU_TANLAC.xlsx', 'HLHPN.xlsx', 'TINHDOAN.xlsx']);
    expect(lines[0]).toContain('sheet Số liệu, ô D7: "hơn 6 nghìn" không phải là số');
    expect(result.stdout.indexOf('Cần đơn vị sửa')).toBeGreaterThan(result.stdout.lastIndexOf('✓ '));
  });

  it('--chi-loi shows only the files with errors, and still counts all of them', () => {
    const result = danvan(['kiemtra', join(FIXTURES, 'hon-hop'), '--chi-loi'], cwd);
    const fileLines = result.stdout.split('\n').filter((l) => /^[✓✗○] /.test(l));
    expect(fileLines).toHaveLength(3);
    expect(fileLines.every((l) => l.startsWith('✗'))).toBe(true);
    expect(result.stdout).toContain('Tổng cộng 10 tệp: 6 hợp lệ, 3 không hợp lệ, 1 tệp cũ');
  });

  it('folds alike warnings of one file into one line naming the indicators', () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'khac-phan-mem', 'SO_NONGNGHIEP.xlsx'), join(dir, 'SO_NONGNGHIEP.xlsx'));
    const result = danvan(['kiemtra', dir], cwd);
    const folded = result.stdout.split('\n').filter((l) => l.includes('chỉ tiêu để trống'));
    expect(folded).toHaveLength(1);
    expect(folded[0]).toMatch(/^ {4}ghi chú: 5 chỉ tiêu để trống \(đơn vị không có số liệu hoặc không theo dõi; khác với ghi 0\): DVK_MH_MOI, DVK_MH_CN, TT_LUOT, TH_LUOT, DT_HN$/);
    // Nothing tells the unit to type 0 for what it does not track.
    expect(result.stdout).not.toMatch(/hãy nhập 0/i);
  });
});

describe('usage errors', () => {
  it('a missing folder is a usage error (exit 2) in Vietnamese', () => {
    const result = danvan(['kiemtra', 'khong-co-thu-muc-nay'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Không tìm thấy tệp hoặc thư mục "khong-co-thu-muc-nay"');
  });
  it('an unparseable --ky is a usage error', () => {
    const result = danvan(['kiemtra', join(FIXTURES, 'quy-1-2023'), '--ky', 'quý năm'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Kỳ báo cáo "quý năm" không hợp lệ/);
  });
  it('--ky makes files of the folder\'s own period invalid when it differs', () => {
    const { code, files } = checkJson([join(FIXTURES, 'quy-1-2023'), '--ky', '6 tháng/2023']);
    expect(code).toBe(1);
    expect(files.every((f) => f.errors.some((e) => e.code === 'period.mismatch'))).toBe(true);
  });
  it('help is Vietnamese with examples and the exit codes', () => {
    const result = danvan(['--help'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Cách dùng: danvan');
    expect(result.stdout).toMatch(/Mã thoát:\n {2}0 +thành công.*\n {2}1 +đã ghi kết quả, nhưng có tệp báo cáo không hợp lệ\n {2}2 +sai cách dùng.*\n {2}3 +không ghi gì vì đầu vào.*\n {2}70 +lỗi nội bộ/);
    const sub = danvan(['kiemtra', '--help'], cwd);
    expect(sub.stdout).toContain('Tùy chọn:');
    expect(sub.stdout).toContain('Ví dụ:');
    // The three levels of a line, and how to hide the notes.
    expect(sub.stdout).toMatch(/^ {2}lỗi +tệp chưa được tổng hợp/m);
    expect(sub.stdout).toMatch(/^ {2}lưu ý +tệp vẫn được tổng hợp/m);
    expect(sub.stdout).toMatch(/^ {2}ghi chú +chỉ để biết.*--khong-ghi-chu$/m);
    // No word of commander's English in any help: "[options]", "Usage", "display help".
    for (const command of ['', 'mau', 'kiemtra', 'tonghop', 'nhac', 'lo', 'khoitao', 'help']) {
      const help = danvan([...(command ? [command] : []), '--help'], cwd).stdout;
      expect(help, command).toMatch(/^Cách dùng: danvan/);
      expect(help, command).not.toMatch(/\[options\]|\[command\]|Usage|display help|output the version/);
    }
  });
  it('a command whose usage was not set still reads "[tùy chọn]" in the list and in its own help', async () => {
    const { buildProgram } = await import('../../src/cli/main.js');
    const program = buildProgram(() => {});
    program.command('thu').description('lệnh thử').option('--a', 'a').argument('<x>');
    expect(program.helpInformation()).toMatch(/^ {2}thu \[tùy chọn\] <x> +lệnh thử$/m);
    const sub = program.commands.find((c) => c.name() === 'thu')!;
    expect(sub.helpInformation()).toMatch(/^Cách dùng: danvan thu \[tùy chọn\] <x>$/m);
  });
  it('--khong-ghi-chu hides the notes and keeps errors and lưu ý; --khong-luu-y hides both kinds of warning', () => {
    const all = danvan(['kiemtra', join(FIXTURES, 'hon-hop')], cwd).stdout;
    const quiet = danvan(['kiemtra', join(FIXTURES, 'hon-hop'), '--khong-ghi-chu'], cwd).stdout;
    const errorsOnly = danvan(['kiemtra', join(FIXTURES, 'hon-hop'), '--khong-luu-y'], cwd).stdout;
    const count = (text: string, re: RegExp) => text.split('\n').filter((l) => re.test(l)).length;
    expect(count(all, /^ {4}ghi chú: /)).toBeGreaterThan(0);
    expect(count(quiet, /^ {4}ghi chú: /)).toBe(0);
    expect(count(quiet, /^ {4}lưu ý: /)).toBe(count(all, /^ {4}lưu ý: /));
    expect(count(quiet, /^ {4}lưu ý: /)).toBeGreaterThan(0);
    expect(count(errorsOnly, /^ {4}(lưu ý|ghi chú): /)).toBe(0);
    // The lines of errors and the counts stay the same whatever is hidden.
    const errorLines = (text: string) => text.split('\n').filter((l) => /^ {4}sheet /.test(l) || /^[✓✗○] /.test(l));
    expect(errorLines(quiet)).toEqual(errorLines(all));
    expect(errorLines(errorsOnly)).toEqual(errorLines(all));
  });
  it('an unknown command or option is exit 2 in Vietnamese', () => {
    expect(danvan(['tonghopp'], cwd)).toMatchObject({ code: 2, stderr: expect.stringContaining('Lệnh không có: tonghopp') });
    expect(danvan(['kiemtra', '--khong-co'], cwd)).toMatchObject({ code: 2, stderr: expect.stringContaining('Tùy chọn không có: --khong-co') });
  });
});

describe('the public corpus of workbooks (none is a submission)', () => {
  const corpus = join(FIXTURES, '..', '..', 'shared', 'corpus');
  const present = existsSync(corpus);
  if (!present) console.warn(`SKIPPED: ${corpus} is not here; the corpus test runs where shared/ sits beside the repository.`);

  it.skipIf(!present)('every workbook gets a clear Vietnamese message naming the file, never an internal error', () => {
    const result = danvan(['kiemtra', '--json', corpus], cwd);
    expectNoStackTrace(result);
    expect(result.code).toBe(1);
    const { files } = parseJsonOutput(result.stdout, 'kiemtra') as { files: JsonFile[] };
    expect(files.length).toBeGreaterThan(900);
    for (const file of files) {
      expect(file.valid, file.file).toBe(false);
      expect(file.errors.length, file.file).toBeGreaterThan(0);
      expect(file.errors.every((e) => e.code !== 'internal'), file.file).toBe(true);
      expect(file.errors[0]!.message, file.file).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u);
    }
  });
});

// The contract with scripts: exit codes, one JSON object (valid against docs/json/) for every outcome including
// failures, outputs that say what they are, quiet pipes, and a tie between periods that is never decided silently.
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { spawn } from 'node:child_process';
import { CONFIG, FIXTURES, ROOT, danvan, expectNoStackTrace, tempDir } from './run-cli.js';
import { parseJsonOutput } from '../helpers/json-contract.js';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { SKIP_REASONS } from '../../src/check/discover.js';

const QUARTER = join(FIXTURES, 'quy-1-2023');
const MIXED = join(FIXTURES, 'hon-hop');
const CODES = DEFAULT_CATALOGUE.map((i) => i.code);

function json(args: string[], command: 'kiemtra' | 'tonghop' | 'lo', cwd = tempDir()) {
  const result = danvan(args, cwd);
  expectNoStackTrace(result);
  return { ...result, cwd, out: parseJsonOutput(result.stdout, command) };
}

/** A folder with copies of some fixtures. */
function folderOf(files: string[]): string {
  const dir = tempDir('danvan-in-');
  for (const file of files) copyFileSync(file, join(dir, basename(file)));
  return dir;
}

describe('exit codes', () => {
  it('0: everything valid and written', () => {
    expect(json(['tonghop', QUARTER, '--config', CONFIG, '--json', '-o', 'a.docx'], 'tonghop').code).toBe(0);
  });
  it('1: written, but some input was invalid', () => {
    const r = json(['tonghop', MIXED, '--config', CONFIG, '--json', '-o', 'a.docx'], 'tonghop');
    expect(r.code).toBe(1);
    expect(r.out.output).toBe('a.docx');
  });
  it('3: nothing written because no file is valid; every key still there, indicators with no value', () => {
    const dir = folderOf([join(FIXTURES, 'loi', 'so-am.xlsx'), join(FIXTURES, 'loi', 'chu-trong-o-so.xlsx')]);
    const r = json(['tonghop', dir, '--json', '-o', 'a.docx'], 'tonghop');
    expect(r.code).toBe(3);
    expect(r.out.error).toMatchObject({ code: 'no-valid-file' });
    expect(r.out.output).toBeNull();
    expect(r.out.units).toMatchObject({ submitted: 2, valid: 0, invalid: 2 });
    expect(Object.keys(r.out.indicators)).toEqual(CODES);
    expect(Object.values(r.out.indicators).every((v) => v === null)).toBe(true);
    expect(r.out.files).toHaveLength(2);
    expect(existsSync(join(r.cwd, 'a.docx'))).toBe(false);
  });
  it('3: --strict with an invalid file', () => {
    const r = json(['tonghop', MIXED, '--config', CONFIG, '--json', '--strict', '-o', 'a.docx'], 'tonghop');
    expect(r.code).toBe(3);
    expect(r.out.error.code).toBe('strict');
    expect(existsSync(join(r.cwd, 'a.docx'))).toBe(false);
  });
  it('2: usage errors print one JSON object too, for an unknown option and for a bad --ky', () => {
    const unknown = json(['tonghop', QUARTER, '--json', '--khong-co'], 'tonghop');
    expect(unknown.code).toBe(2);
    expect(unknown.out.error).toMatchObject({ code: 'usage', message: expect.stringContaining('Tùy chọn không có: --khong-co') });
    expect(unknown.out.units).toBeNull();
    const badPeriod = json(['kiemtra', QUARTER, '--json', '--ky', 'Quý 5/2023'], 'kiemtra');
    expect(badPeriod.code).toBe(2);
    expect(badPeriod.out.error.code).toBe('usage');
  });
  it('2: a broken config, with the key, in JSON', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'cfg.json'), '{ "signer": { "nmae": "x" } }');
    const r = json(['tonghop', QUARTER, '--json', '--config', 'cfg.json'], 'tonghop', cwd);
    expect(r.code).toBe(2);
    expect(r.out.error).toMatchObject({ code: 'config', message: expect.stringContaining('signer: khóa không được hỗ trợ "nmae"') });
  });
});

describe('a tie between periods is never decided silently', () => {
  const dir = folderOf([join(QUARTER, 'MTTQ.xlsx'), join(FIXTURES, 'loi', 'khac-ky.xlsx')]);
  it('exit 2 naming both periods and asking for --ky, in kiemtra and tonghop', () => {
    const check = json(['kiemtra', dir, '--json'], 'kiemtra');
    expect(check.code).toBe(2);
    expect(check.out.error.code).toBe('period-tie');
    expect(check.out.error.message).toMatch(/quý I năm 2023 \(2023-Q1\) và quý II năm 2023 \(2023-Q2\).*--ky 2023-Q2/);
    const aggregate = danvan(['tonghop', dir, '-o', 'a.docx'], tempDir());
    expect(aggregate.code).toBe(2);
    expect(aggregate.stderr).toContain('--ky');
  });
  it('with --ky the other period is an error of its file', () => {
    const check = json(['kiemtra', dir, '--json', '--ky', '2023-Q1'], 'kiemtra');
    expect(check.code).toBe(1);
    expect(check.out.period).toBe('2023-Q1');
  });
});

describe('kiemtra --json carries the counts and, with a registry, who has not sent', () => {
  it('units and missingUnits', () => {
    const r = json(['kiemtra', MIXED, '--json', '--config', CONFIG], 'kiemtra');
    expect(r.out.units).toEqual({ submitted: 10, valid: 6, invalid: 3, superseded: 1, missing: expect.any(Array) });
    expect(r.out.missingUnits.map((u: { code: string }) => u.code)).toEqual(r.out.units.missing);
    expect(r.out.units.missing).toContain('HU_THACHBAN');
    // HU_TANLAC sent a file (an invalid one): it has sent, and is told what to fix, not listed as missing.
    expect(r.out.units.missing).not.toContain('HU_TANLAC');
    expect(r.out.missingUnits[0]).toEqual({ code: expect.any(String), name: expect.any(String), group: expect.any(String) });
  });
  it('without a registry nobody is missing, and missingUnits is null', () => {
    const r = json(['kiemtra', QUARTER, '--json'], 'kiemtra');
    expect(r.out.units.missing).toEqual([]);
    expect(r.out.missingUnits).toBeNull();
  });
});

describe('outputs say what they are', () => {
  for (const [flag, name, ext] of [['-o', 'bao-cao.pdf', '.docx'], ['--xlsx', 'tong-hop.docx', '.xlsx'], ['--doi-chieu', 'doi-chieu.csv', '.xlsx']] as const) {
    it(`${flag} ${name} is a usage error naming ${ext}`, () => {
      const args = ['tonghop', QUARTER, '--config', CONFIG, ...(flag === '-o' ? [] : ['-o', 'a.docx']), flag, name];
      const r = danvan(args, tempDir());
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`phải có đuôi ${ext}`);
    });
  }
  it('mau -o bieu-mau.txt and nhac -o cong-van.pdf are usage errors too, and write nothing', () => {
    const cwd = tempDir();
    const form = danvan(['mau', '-o', 'bieu-mau.txt'], cwd);
    expect(form.code).toBe(2);
    expect(form.stderr).toContain('-o "bieu-mau.txt": danvan ghi biểu mẫu Excel, nên tên tệp phải có đuôi .xlsx (ví dụ "bieu-mau.xlsx").');
    const letter = danvan(['nhac', QUARTER, '--config', CONFIG, '-o', 'cong-van.pdf'], cwd);
    expect(letter.code).toBe(2);
    expect(letter.stderr).toContain('phải có đuôi .docx');
    expect(existsSync(join(cwd, 'bieu-mau.txt')) || existsSync(join(cwd, 'cong-van.pdf'))).toBe(false);
  });
});

describe('pipes', () => {
  /** Runs danvan with its output read by a reader that goes away after the first bytes, like `| head -c 1` (no shell needed). */
  function closedAfterFirstBytes(args: string[]): Promise<string> {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'danvan.js'), ...args], { cwd: tempDir() });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    return new Promise((done) => child.on('close', () => done(stderr)));
  }

  it('a closed pipe ends quietly: no stack trace, no message', async () => {
    for (const args of [['kiemtra', MIXED], ['kiemtra', QUARTER, '--json'], ['--help']]) {
      expect(await closedAfterFirstBytes(args), args.join(' ')).toBe('');
    }
  });
});

describe('danvan lo', () => {
  function batchDir(jobs: unknown[], extra: Record<string, unknown> = {}): string {
    const dir = tempDir('danvan-lo-');
    mkdirSync(join(dir, 'ket-qua'));
    writeFileSync(join(dir, 'lo.json'), `// lô thử\n${JSON.stringify({ ...extra, jobs }, null, 2)}\n`);
    return dir;
  }

  it('runs every job even after one fails; --json has a result per job; exit is the highest code', () => {
    const dir = batchDir(
      [
        { name: 'quý I', inputs: QUARTER, output: 'ket-qua/q1.docx', doiChieu: 'ket-qua/q1-doi-chieu.xlsx' },
        { name: 'không có tệp hợp lệ', inputs: [join(FIXTURES, 'loi', 'so-am.xlsx')], output: 'ket-qua/loi.docx' },
        { name: 'hộp thư', inputs: MIXED, output: 'ket-qua/hon-hop.docx', xlsx: 'ket-qua/hon-hop.xlsx' },
      ],
      { config: CONFIG },
    );
    const r = json(['lo', 'lo.json', '--json'], 'lo', dir);
    expect(r.code).toBe(3);
    expect(r.out.exitCode).toBe(3);
    expect(r.out.jobs.map((j: { exitCode: number }) => j.exitCode)).toEqual([0, 3, 1]);
    expect(r.out.jobs[1].result.error.code).toBe('no-valid-file');
    for (const file of ['q1.docx', 'q1-doi-chieu.xlsx', 'hon-hop.docx', 'hon-hop.xlsx']) expect(existsSync(join(dir, 'ket-qua', file)), file).toBe(true);
    expect(existsSync(join(dir, 'ket-qua', 'loi.docx'))).toBe(false);
    // A batch shows no list of errors: the job's message names the kiemtra command that does, run from here.
    expect(r.out.jobs[1].result.error.message).toBe(
      `Không có tệp báo cáo hợp lệ nào để tổng hợp; xem lỗi của từng tệp bằng lệnh: danvan kiemtra ${join(FIXTURES, 'loi', 'so-am.xlsx')} --config ${CONFIG}`,
    );
  });

  it('the closing table gives the real reason a job wrote nothing, and points to kiemtra, not to a list "above"', () => {
    const dir = batchDir(
      [
        { name: 'chặt', inputs: MIXED, output: 'ket-qua/chat.docx', strict: true },
        { name: 'hỏng', inputs: 'hong', output: 'ket-qua/hong.docx', period: '2023-Q1' },
        { name: 'đủ', inputs: QUARTER, output: 'ket-qua/du.docx' },
      ],
      { config: CONFIG },
    );
    mkdirSync(join(dir, 'hong'));
    copyFileSync(join(FIXTURES, 'loi', 'so-am.xlsx'), join(dir, 'hong', 'so-am.xlsx'));
    const run = danvan(['lo', 'lo.json', '--workers', '1'], dir);
    expectNoStackTrace(run);
    expect(run.code).toBe(3);
    expect(run.stdout).not.toContain('ở trên');
    expect(run.stdout).toMatch(/^✗ \[1\/3\] việc 1 \(chặt\) — mã 3: Có 3 tệp không hợp lệ; với "strict": true, danvan không ghi báo cáo của việc này\. Xem lỗi của từng tệp bằng lệnh: danvan kiemtra \S+hon-hop --config \S+$/m);
    expect(run.stdout).toContain('việc 2 (hỏng) — mã 3: Không có tệp báo cáo hợp lệ nào để tổng hợp; xem lỗi của từng tệp bằng lệnh: danvan kiemtra hong --config');
    expect(run.stdout).toMatch(/ --ky 2023-Q1\n/);
    const rows = run.stdout.split('\n').filter((l) => /^\d  /.test(l));
    expect(rows[0]).toMatch(/ 3 {3}không ghi: có tệp không hợp lệ và "strict": true$/);
    expect(rows[1]).toMatch(/ 3 {3}không ghi: không có tệp hợp lệ nào$/);
    expect(rows[2]).toMatch(/ 0 {3}đã ghi, mọi tệp hợp lệ$/);
    // Run again: the job that wrote is now "không thay đổi" in the table too.
    const again = danvan(['lo', 'lo.json', '--workers', '1'], dir);
    expect(again.stdout.split('\n').filter((l) => /^\d  /.test(l))[2]).toMatch(/ 0 {3}không thay đổi, mọi tệp hợp lệ$/);
    // tonghop alone, which prints the list of errors first, keeps its own words.
    const alone = json(['tonghop', 'hong', '--json', '-o', 'x.docx'], 'tonghop', dir);
    expect(alone.out.error.message).toBe('Không có tệp báo cáo hợp lệ nào để tổng hợp; hãy xem danh sách lỗi ở trên (hoặc chạy "danvan kiemtra").');
  });

  it('makes a missing output folder before any job runs and says so in the table; refuses, running nothing, a folder it cannot make', () => {
    const dir = batchDir(
      [
        { name: 'đủ', inputs: QUARTER, output: 'ket-qua/quy-1/bao-cao.docx', doiChieu: 'ket-qua/quy-1/doi-chieu/dc.xlsx' },
        { name: 'hai', inputs: QUARTER, output: 'ket-qua/quy-1/hai.docx' },
      ],
      { config: CONFIG },
    );
    const run = danvan(['lo', 'lo.json', '--workers', '1'], dir);
    expectNoStackTrace(run);
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, 'ket-qua', 'quy-1', 'doi-chieu', 'dc.xlsx'))).toBe(true);
    const rows = run.stdout.split('\n').filter((l) => /^\d  /.test(l));
    expect(rows[0]).toMatch(/đã ghi, mọi tệp hợp lệ; đã tạo thư mục "ket-qua\/quy-1"; đã tạo thư mục "ket-qua\/quy-1\/doi-chieu"$/);
    expect(rows[1]).toMatch(/đã ghi, mọi tệp hợp lệ$/);

    // A file where a folder should be: the whole batch is refused before any job, naming the key, the folder and why.
    const blocked = batchDir(
      [
        { name: 'đủ', inputs: QUARTER, output: 'ket-qua/a.docx' },
        { name: 'chặn', inputs: QUARTER, output: 'ket-qua/b.docx', pdf: 'pdf/quy-1/b.pdf' },
      ],
      { config: CONFIG },
    );
    writeFileSync(join(blocked, 'pdf'), 'không phải thư mục');
    const refused = danvan(['lo', 'lo.json', '--workers', '1'], blocked);
    expectNoStackTrace(refused);
    expect(refused.code).toBe(2);
    expect(refused.stderr + refused.stdout).toContain('chưa chạy việc nào');
    expect(refused.stderr + refused.stdout).toContain('jobs[1].pdf: không ghi được vào thư mục "pdf/quy-1": thư mục chưa có và không tạo được, vì "pdf" là một tệp, không phải thư mục');
    expect(existsSync(join(blocked, 'ket-qua', 'a.docx'))).toBe(false);
    const asJson = json(['lo', 'lo.json', '--json'], 'lo', blocked);
    expect(asJson.out.error.message).toContain('jobs[1].pdf');
    // --json says which folders were made, by job.
    const fresh = batchDir([{ name: 'mới', inputs: QUARTER, output: 'moi/bc.docx' }], { config: CONFIG });
    expect(json(['lo', 'lo.json', '--json'], 'lo', fresh).out.createdFolders).toEqual([{ folder: 'moi', job: 1 }]);
  });

  it('gives the same bytes as tonghop run alone, whatever the number of workers', () => {
    const dir = batchDir([
      { inputs: QUARTER, output: 'ket-qua/a.docx', config: CONFIG },
      { inputs: MIXED, output: 'ket-qua/b.docx', config: CONFIG },
    ]);
    const batch = danvan(['lo', 'lo.json', '--workers', '2'], dir);
    expect(batch.code).toBe(1);
    expect(batch.stdout).toMatch(/^✓ \[\d\/2\] việc 1 \(ket-qua\/a\.docx\) — mã 0: \d+ tệp hợp lệ, 0 không hợp lệ, \d+ đơn vị chưa gửi\n {4}Đã ghi báo cáo: ket-qua\/a\.docx$/m);
    expect(batch.stdout).toMatch(/Mã thoát của cả lô: 1/);
    const alone = tempDir();
    danvan(['tonghop', QUARTER, '--config', CONFIG, '-o', 'a.docx'], alone);
    danvan(['tonghop', MIXED, '--config', CONFIG, '-o', 'b.docx'], alone);
    for (const name of ['a.docx', 'b.docx']) {
      expect(readFileSync(join(dir, 'ket-qua', name)).equals(readFileSync(join(alone, name))), name).toBe(true);
    }
  });

  it('a bad batch file is exit 2 with located messages, and runs nothing', () => {
    const dir = batchDir([
      { inputs: QUARTER, output: 'ket-qua/a.docx', ouput: 'x' },
      { inputs: 'khong-co', output: 'ket-qua/a.docx' },
      { inputs: QUARTER, output: 'b.docx' },
      { inputs: 'ket-qua', output: 'ket-qua/trong-dau-vao.docx' },
    ]);
    const r = json(['lo', 'lo.json', '--json'], 'lo', dir);
    expect(r.code).toBe(2);
    expect(r.out.error.code).toBe('batch');
    const message: string = r.out.error.message;
    expect(message).toContain('jobs[0]: khóa không được hỗ trợ "ouput"');
    // The keys it lists are every key of docs/lo.md's table ("pdf" was once left out).
    const documented = [...readFileSync(join(ROOT, 'docs', 'lo.md'), 'utf8').matchAll(/^\| `"(\w+)"` \|/gm)].map((m) => m[1]);
    const listed = /mỗi việc chỉ nhận: (.*)$/m.exec(message)![1]!.split(', ');
    expect(listed).toContain('pdf');
    expect([...listed].sort()).toEqual([...documented].sort());
    // All at once, in the order of the jobs: a typo does not hide the paths, each problem with its key.
    const lines = message.split('\n').slice(1).map((l) => l.replace(/^ {2}- /, ''));
    expect(lines).toEqual([
      expect.stringMatching(/^jobs\[0\]: khóa không được hỗ trợ "ouput"/),
      'jobs[0].output: "ket-qua/a.docx" nằm trong "ket-qua" (jobs[3].inputs), nơi danvan đọc báo cáo; hãy ghi kết quả ra chỗ khác',
      'jobs[1].inputs: không tìm thấy "khong-co" (đường dẫn tính từ thư mục của tệp lô)',
      expect.stringMatching(/^jobs\[1\]\.output: "ket-qua\/a\.docx" đã được jobs\[0\]\.output ghi; hai việc/),
      expect.stringMatching(/^jobs\[1\]\.output: "ket-qua\/a\.docx" nằm trong "ket-qua" \(jobs\[3\]\.inputs\)/),
      expect.stringMatching(/^jobs\[3\]\.output: "ket-qua\/trong-dau-vao\.docx" nằm trong "ket-qua" \(jobs\[3\]\.inputs\)/),
    ]);
    expect(r.out.error.message.split('\n')[0]).toBe('Tệp lô "lo.json" có 6 lỗi; chưa chạy việc nào:');
    expect(existsSync(join(dir, 'ket-qua', 'a.docx'))).toBe(false);
  });

  it('a key of the wrong type is told so, with the type it needs; only an absent key is "thiếu"; the paths are checked in the same pass', () => {
    const dir = batchDir([
      { inputs: QUARTER, output: 'ket-qua/a.docx', strict: 'yes', compare: 5, force: null },
      { inputs: 3, output: ['x'] },
      { inputs: [QUARTER, 4], output: 'ket-qua/c.docx' },
      { output: 'ket-qua/d.docx' },
      // A job with a schema error still has its usable paths checked, in the same pass.
      { inputs: 'khong-co', output: 'ket-qua/d.docx', strict: 'yes' },
      // One job writing two of its outputs to one file is that job's mistake, not a clash of two jobs.
      { inputs: QUARTER, output: 'ket-qua/e.docx', doiChieu: 'ket-qua/e.docx' },
    ]);
    const r = json(['lo', 'lo.json', '--json'], 'lo', dir);
    expect(r.code).toBe(2);
    const lines: string[] = r.out.error.message.split('\n').slice(1).map((l: string) => l.replace(/^ {2}- /, ''));
    expect(lines).toEqual([
      'jobs[0].compare: sai kiểu dữ liệu (cần chuỗi chữ)',
      'jobs[0].strict: sai kiểu dữ liệu (cần true/false)',
      'jobs[0].force: sai kiểu dữ liệu (cần true/false)',
      'jobs[1].inputs: sai kiểu dữ liệu (cần chuỗi chữ hoặc danh sách [...])',
      'jobs[1].output: sai kiểu dữ liệu (cần chuỗi chữ)',
      'jobs[2].inputs[1]: sai kiểu dữ liệu (cần chuỗi chữ)',
      'jobs[3].inputs: thiếu (bắt buộc)',
      'jobs[4].strict: sai kiểu dữ liệu (cần true/false)',
      'jobs[4].inputs: không tìm thấy "khong-co" (đường dẫn tính từ thư mục của tệp lô)',
      'jobs[4].output: "ket-qua/d.docx" đã được jobs[3].output ghi; hai việc không được ghi cùng một tệp',
      'jobs[5].doiChieu: "ket-qua/e.docx" trùng với jobs[5].output; việc này ghi hai kết quả của mình vào cùng một tệp, hãy đặt tên khác cho một trong hai',
    ]);
  });
});

describe('the published schema knows every value danvan prints', () => {
  it('skipped[].reason: the schema enum is the list discovery uses', () => {
    const common = JSON.parse(readFileSync(join(ROOT, 'docs', 'json', 'common.schema.json'), 'utf8'));
    expect([...common.$defs.skipped.items.properties.reason.enum].sort()).toEqual([...SKIP_REASONS].sort());
  });
});

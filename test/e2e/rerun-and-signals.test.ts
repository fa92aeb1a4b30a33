// Reruns and interruptions, as the colleague who scripts the quarter end meets them: a rerun with nothing new
// touches nothing; a late file changes only what depends on it; Ctrl-C or SIGTERM leaves nothing behind.
import { describe, expect, it } from 'vitest';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { CONFIG, FIXTURES, ROOT, danvan, expectNoStackTrace, tempDir } from './run-cli.js';
import { parseJsonOutput } from '../helpers/json-contract.js';
import { POSIX_SIGNALS } from '../helpers/capabilities.js';

const QUARTER = join(FIXTURES, 'quy-1-2023');

/** Inode and modification time: the same pair means the file was not written again. */
const stamp = (path: string) => {
  const s = statSync(path);
  return `${s.ino}:${s.mtimeMs}`;
};

describe('unchanged means untouched', () => {
  it('tonghop run again with nothing new needs no --force, says "không thay đổi" and leaves every output as it was', () => {
    const cwd = tempDir();
    const args = [QUARTER, '--config', CONFIG, '-o', 'bc.docx', '--xlsx', 'th.xlsx', '--doi-chieu', 'dc.xlsx'];
    expect(danvan(['tonghop', ...args], cwd).code).toBe(0);
    const before = ['bc.docx', 'th.xlsx', 'dc.xlsx'].map((f) => stamp(join(cwd, f)));
    const again = danvan(['tonghop', ...args, '--json'], cwd);
    expectNoStackTrace(again);
    expect(again.code).toBe(0);
    expect(parseJsonOutput(again.stdout, 'tonghop').unchanged.sort()).toEqual(['bc.docx', 'dc.xlsx', 'th.xlsx']);
    expect(['bc.docx', 'th.xlsx', 'dc.xlsx'].map((f) => stamp(join(cwd, f)))).toEqual(before);
    expect(danvan(['tonghop', ...args], cwd).stdout).toContain('Không thay đổi (giống hệt tệp đã có, không ghi lại): bc.docx');
  });

  it('after a late file, the changed outputs need --force; without it nothing of the run is written', () => {
    const cwd = tempDir();
    const input = join(cwd, 'nop');
    mkdirSync(input);
    for (const name of ['MTTQ.xlsx', 'HLHPN.xlsx']) copyFileSync(join(QUARTER, name), join(input, name));
    const args = ['nop', '--config', CONFIG, '-o', 'bc.docx', '--xlsx', 'th.xlsx'];
    expect(danvan(['tonghop', ...args], cwd).code).toBe(0);
    const before = stamp(join(cwd, 'bc.docx'));
    copyFileSync(join(QUARTER, 'SNV.xlsx'), join(input, 'SNV.xlsx'));
    const refused = danvan(['tonghop', ...args], cwd);
    expect(refused.code).toBe(2);
    // Every output that would change is named, not only the first (an outside tester).
    expect(refused.stderr).toContain('Lỗi: Các tệp "bc.docx" (-o), "th.xlsx" (--xlsx) đã có (nội dung mới sẽ khác); danvan không ghi đè và không ghi tệp nào của lần chạy này. Dùng --force để ghi đè hoặc chọn tên khác.');
    expect(stamp(join(cwd, 'bc.docx'))).toBe(before);
    expect(readdirSync(cwd).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // --json says what was checked next to the error.
    const json = parseJsonOutput(danvan(['tonghop', ...args, '--json'], cwd).stdout, 'tonghop');
    expect(json.error.code).toBe('output');
    expect(json.units).toMatchObject({ submitted: 3, valid: 3, invalid: 0 });
    expect(json.period).toBe('2023-Q1');
    const forced = danvan(['tonghop', ...args, '--force'], cwd);
    expect(forced.code).toBe(0);
    expect(stamp(join(cwd, 'bc.docx'))).not.toBe(before);
  });

  it('lo rerun after one late file rewrites only the outputs of the job that reads it', () => {
    const dir = tempDir('danvan-lo-');
    for (const name of ['a', 'b']) mkdirSync(join(dir, 'nop', name), { recursive: true });
    copyFileSync(join(QUARTER, 'MTTQ.xlsx'), join(dir, 'nop', 'a', 'MTTQ.xlsx'));
    copyFileSync(join(QUARTER, 'HLHPN.xlsx'), join(dir, 'nop', 'b', 'HLHPN.xlsx'));
    mkdirSync(join(dir, 'ket-qua'));
    writeFileSync(
      join(dir, 'lo.json'),
      JSON.stringify({
        config: CONFIG,
        jobs: [
          { name: 'A', inputs: 'nop/a', output: 'ket-qua/a.docx', doiChieu: 'ket-qua/a.xlsx' },
          { name: 'B', inputs: 'nop/b', output: 'ket-qua/b.docx', doiChieu: 'ket-qua/b.xlsx' },
        ],
      }),
    );
    const first = danvan(['lo', 'lo.json'], dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('    Đã ghi báo cáo: ket-qua/a.docx\n    Đã ghi bảng đối chiếu (nguồn của từng số liệu, từng nội dung): ket-qua/a.xlsx\n');
    const files = ['a.docx', 'a.xlsx', 'b.docx', 'b.xlsx'].map((f) => join(dir, 'ket-qua', f));
    const before = files.map(stamp);
    // Nothing new: every output is said to be unchanged, in tonghop's words, and none is touched.
    const same = danvan(['lo', 'lo.json'], dir);
    expect(same.code).toBe(0);
    for (const name of ['a.docx', 'a.xlsx', 'b.docx', 'b.xlsx']) {
      expect(same.stdout).toContain(`    Không thay đổi (giống hệt tệp đã có, không ghi lại): ket-qua/${name}\n`);
    }
    expect(same.stdout).not.toContain('Đã ghi');
    expect(files.map(stamp)).toEqual(before);
    copyFileSync(join(QUARTER, 'SNV.xlsx'), join(dir, 'nop', 'b', 'SNV.xlsx'));
    // Without force, the job is told in the batch file's own words (its keys and "force"), not tonghop's options.
    const refused = danvan(['lo', 'lo.json'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('Các tệp "ket-qua/b.docx" ("output"), "ket-qua/b.xlsx" ("doiChieu") đã có (nội dung mới sẽ khác)');
    expect(refused.stdout).toContain('Dùng "force": true cho việc này (hoặc danvan lo --force) để ghi đè');
    // The job was checked before its outputs were refused: its period and counts are known, and shown.
    expect(refused.stdout).toMatch(/^2 +B +2023-Q1 +2 +0 +\d+ +2 +không ghi: tệp kết quả đã có \(thêm "force": true để ghi đè\)$/m);
    expect(files.map(stamp)).toEqual(before);
    const rerun = danvan(['lo', 'lo.json', '--force', '--json'], dir);
    expect(rerun.code).toBe(0);
    const result = parseJsonOutput(rerun.stdout, 'lo');
    expect(result.jobs[0].result.unchanged.sort()).toEqual(['ket-qua/a.docx', 'ket-qua/a.xlsx']);
    expect(result.jobs[1].result.unchanged).toEqual([]);
    const after = files.map(stamp);
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(after[2]).not.toBe(before[2]);
    expect(after[3]).not.toBe(before[3]);
    // Another late file, seen on the terminal: job A's outputs unchanged, job B's written.
    copyFileSync(join(QUARTER, 'MTTQ.xlsx'), join(dir, 'nop', 'b', 'MTTQ.xlsx'));
    const human = danvan(['lo', 'lo.json', '--force'], dir);
    expect(human.code).toBe(0);
    const jobLines = (n: number) => human.stdout.split('\n').filter((l, i, all) => i > all.findIndex((x) => x.includes(`việc ${n} (`)) && l.startsWith('    ')).slice(0, 2);
    expect(jobLines(1)).toEqual(['    Không thay đổi (giống hệt tệp đã có, không ghi lại): ket-qua/a.docx', '    Không thay đổi (giống hệt tệp đã có, không ghi lại): ket-qua/a.xlsx']);
    expect(jobLines(2)).toEqual(['    Đã ghi báo cáo: ket-qua/b.docx', '    Đã ghi bảng đối chiếu (nguồn của từng số liệu, từng nội dung): ket-qua/b.xlsx']);
  });
});

// Windows cannot send a child SIGINT or SIGTERM (it ends it outright): test/unit/windows-cli.test.ts injects the signals.
describe.skipIf(!POSIX_SIGNALS)('Ctrl-C and SIGTERM', () => {
  /** A folder of many submissions, so that the run is still working when the signal comes. */
  function bigInbox(): string {
    const dir = tempDir('danvan-big-');
    for (let i = 0; i < 40; i += 1) cpSync(QUARTER, join(dir, `q${i}`), { recursive: true });
    return dir;
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal}: exit ${signal === 'SIGINT' ? 130 : 143}, one JSON object saying so, and no output or temp file`, async () => {
      const inbox = bigInbox();
      const cwd = tempDir();
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'danvan.js'), 'tonghop', inbox, '--config', CONFIG, '-o', 'bc.docx', '--doi-chieu', 'dc.xlsx', '--json', '--workers', '1'], { cwd });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      await new Promise((r) => setTimeout(r, 1500));
      child.kill(signal);
      const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
      expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(stderr).toContain('Đã dừng theo yêu cầu');
      expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(parseJsonOutput(stdout, 'tonghop').error.code).toBe('interrupted');
      expect(readdirSync(cwd)).toEqual([]);
      expect(existsSync(join(cwd, 'bc.docx'))).toBe(false);
    });
  }
});

/**
 * Issue 7 end to end: every crafted input of the issue through the built CLI, each run held to the promise
 * "no input makes danvan run past ten seconds or one gigabyte for one file, crash, or print anything but a
 * Vietnamese message; no run writes onto an input or silently replaces another output". The crafted files
 * are made here by scripts/hostile-inputs.mjs (the large ones in a temp folder, never committed).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  RECURSIVE_PARTIAL_TEMPLATE,
  bigStringConfig,
  bigTemplate,
  bitFlippedPart,
  latin1Config,
  longRunsXlsx,
  manyRowsXlsx,
  mergedCellsXlsx,
  nestedLoopsTemplate,
  sharedHugePartXlsx,
  storedSubmissionXlsx,
  submissionXlsx,
} from '../../scripts/hostile-inputs.mjs';
import { documentText, unzipDocx } from '../helpers/docx-xml.js';
import { CONFIG, FIXTURES, ROOT, expectNoStackTrace, folderFingerprint, tempDir, type CliResult } from './run-cli.js';

const QUARTER = join(FIXTURES, 'quy-1-2023');
const MEASURED = join(ROOT, 'test', 'e2e', 'measured-cli.mjs');
const MiB = 1024 * 1024;
/** The promise for one file. */
const SECONDS_PER_FILE = 10;
const RSS_PER_FILE_MB = 1024;

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
function dir(prefix = 'danvan-hostile-'): string {
  const d = tempDir(prefix);
  made.push(d);
  return d;
}

interface Measured extends CliResult {
  seconds: number;
  rssMB: number;
}

/** Runs the CLI once, as a user would, with its wall time and peak memory; never more than 60 s. */
function run(args: string[], cwd: string, options: { uid?: number } = {}): Measured {
  // Another user (a test of permissions) could not write the usage file here: measured as the test's user only.
  const usage = options.uid === undefined ? join(cwd, `.rusage-${Math.random().toString(36).slice(2)}.json`) : '';
  const t0 = performance.now();
  const result = spawnSync(process.execPath, [MEASURED, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, DANVAN_RUSAGE_FILE: usage, DANVAN_DEBUG: '' },
    timeout: 60_000,
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
  });
  const seconds = (performance.now() - t0) / 1000;
  let rssMB = NaN;
  if (usage && existsSync(usage)) {
    rssMB = JSON.parse(readFileSync(usage, 'utf8')).maxRssKB / 1024;
    rmSync(usage);
  }
  const out: Measured = { code: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? '', seconds, rssMB };
  expectNoStackTrace(out);
  expect(out.code, out.stderr).not.toBe(70);
  expect(out.code, `killed: ${result.signal ?? ''} ${result.error?.message ?? ''}`).not.toBe(-1);
  return out;
}

/** One file's run within the bounds. */
function withinBounds(result: Measured): void {
  expect(result.seconds).toBeLessThan(SECONDS_PER_FILE);
  expect(result.rssMB).toBeLessThan(RSS_PER_FILE_MB);
}

/** A folder holding one file. */
function folderWith(name: string, data: Uint8Array): string {
  const d = dir();
  mkdirSync(join(d, 'nop'));
  writeFileSync(join(d, 'nop', name), data);
  return d;
}

function checkJson(result: Measured): { files: { file: string; valid: boolean; errors: { sheet: string | null; cell: string | null; message: string }[] }[]; skipped: { file: string; reason: string; sameAs?: string }[] } {
  return JSON.parse(result.stdout);
}

describe('crafted workbooks: refused or read within ten seconds and one gigabyte', () => {
  it('nine sheets pointing at one 255 MB part (61 s and 1.7 GB before): refused by the part limit', () => {
    const cwd = folderWith('phan-chung.xlsx', sharedHugePartXlsx({ sheetCount: 9, partBytes: 255 * MiB }));
    const result = run(['kiemtra', 'nop', '--json'], cwd);
    withinBounds(result);
    expect(result.code).toBe(1);
    const [file] = checkJson(result).files;
    expect(file!.errors[0]!.message).toMatch(/^Tệp quá lớn khi giải nén: phần xl\/worksheets\/big\.xml vượt giới hạn 32 MB/);
  });

  it('150,000 merged cells (24 s before): refused by the merged-range limit, naming the sheet', () => {
    const cwd = folderWith('gop-o.xlsx', mergedCellsXlsx({ count: 150_000 }));
    const result = run(['kiemtra', 'nop', '--json'], cwd);
    withinBounds(result);
    const [file] = checkJson(result).files;
    expect(file!.errors[0]).toMatchObject({ sheet: 'Gộp ô', message: expect.stringMatching(/^Sheet "Gộp ô" có quá nhiều vùng gộp ô \(giới hạn 10\.000 vùng một sheet\)/) });
  });

  it('1,048,547 result rows (kiemtra: valid after 21 s and 2.2 GB; tonghop: out of memory): refused by both within bounds', () => {
    const cwd = folderWith('nhieu-dong.xlsx', manyRowsXlsx({ rows: 1_048_547 }));
    // tonghop checks as kiemtra does, then refuses to aggregate: one run covers both.
    const result = run(['tonghop', 'nop', '-o', 'bc.docx', '--json'], cwd);
    withinBounds(result);
    expect(result.code, result.stderr).toBe(1);
    // The sheet's part (about 90 MB of XML) is over the part limit before its rows are counted.
    const [file] = checkJson(result).files;
    expect(file!.errors[0]!.message).toMatch(/^Tệp quá lớn khi giải nén: phần xl\/worksheets\/sheet3\.xml vượt giới hạn 32 MB/);
    expect(existsSync(join(cwd, 'bc.docx'))).toBe(false);
  });

  it('20,001 result rows in a small part: refused by the rows limit, naming the sheet', () => {
    const cwd = folderWith('dong.xlsx', manyRowsXlsx({ rows: 20_001 }));
    const result = run(['kiemtra', 'nop', '--json'], cwd);
    withinBounds(result);
    const [file] = checkJson(result).files;
    expect(file!.errors[0]).toMatchObject({ sheet: 'Kết quả', message: expect.stringContaining('quá nhiều dòng có dữ liệu (giới hạn 20.000 dòng một sheet)') });
  });

  // The issue: 40 cells of 32,000 ideographic spaces kept tonghop running past 120 s; dots took 48 s.
  for (const [name, char, length] of [
    ['ideographic spaces', '\u3000', 32_000],
    ['dots', '.', 32_000],
    ['dots and spaces', '. ', 16_000],
  ] as const) {
    it(`40 cells of 32,000 ${name} go through tonghop into the report, quickly`, () => {
      const cwd = folderWith('dai.xlsx', longRunsXlsx({ char, length }));
      const result = run(['tonghop', 'nop', '-o', 'bc.docx'], cwd);
      withinBounds(result);
      expect(result.code, result.stderr).toBe(0);
      const text = documentText(readFileSync(join(cwd, 'bc.docx'))).join('\n');
      for (const i of [0, 9, 17, 25, 33]) expect(text).toContain(`Nội dung ${i}`);
      if (char === '.') expect(text).toContain('.'.repeat(1000));
    });
  }

  it('a flipped bit in a stored part (accepted before, with garbled text): "tệp bị hỏng" naming the part', () => {
    const cwd = folderWith('lat-bit.xlsx', bitFlippedPart(storedSubmissionXlsx(), 'xl/worksheets/sheet1.xml'));
    const result = run(['kiemtra', 'nop'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Tệp bị hỏng, không đọc được (phần xl/worksheets/sheet1.xml trong tệp bị lỗi).');
  });

  it('--ky holding 4,000 line breaks (23 s before) is refused at once', () => {
    const result = run(['kiemtra', QUARTER, '--ky', `6 tháng${'\n'.repeat(4_000)}x`], dir());
    expect(result.code).toBe(2);
    expect(result.seconds).toBeLessThan(5);
    expect(result.stderr).toMatch(/^Lỗi: Kỳ báo cáo "6 tháng x" không hợp lệ/);
  });
});

describe('templates and configs', () => {
  const cwd = dir();
  const write = (name: string, data: string | Uint8Array) => {
    writeFileSync(join(cwd, name), data);
    return name;
  };
  mkdirSync(join(cwd, 'nop'));
  copyFileSync(join(QUARTER, 'MTTQ.xlsx'), join(cwd, 'nop', 'MTTQ.xlsx'));
  const tonghop = (...args: string[]) => run(['tonghop', 'nop', '--config', CONFIG, '-o', 'bc.docx', ...args], cwd);

  // Every hostile template is also a unit test (test/unit/template-config-limits.test.ts); here, one of each
  // stage (file, compile, render) as a user meets it.
  it('hostile templates end in a Vietnamese message naming the template, exit 2, nothing written', () => {
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['lon.hbs', bigTemplate(60 * MiB), /^Lỗi: Mẫu báo cáo lon\.hbs quá lớn \(giới hạn 256 KB/],
      // Seven loops over the 18 indicators: 18⁷ runs if nothing stopped them.
      ['vong-lap.hbs', `---\ntrich-yeu: thử\n---\n${nestedLoopsTemplate(7, 'indicators')}`, /^Lỗi: Mẫu báo cáo vong-lap\.hbs: các khối (lặp chạy|tạo ra) quá/],
      ['de-quy.hbs', RECURSIVE_PARTIAL_TEMPLATE, /^Lỗi: Mẫu báo cáo de-quy\.hbs, dòng 1: mẫu con "vong" được gọi lồng nhau quá 16 tầng/],
    ];
    for (const [name, data, message] of cases) {
      const result = tonghop('--template', write(name, data));
      expect(result.code, name).toBe(2);
      expect(result.stderr, name).toMatch(message);
      withinBounds(result);
      expect(existsSync(join(cwd, 'bc.docx'))).toBe(false);
    }
  });

  it('hostile configs end in a Vietnamese message naming the config, exit 2', () => {
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['lon.json', bigStringConfig(50 * MiB), /^Lỗi: Tệp cấu hình lon\.json quá lớn \(giới hạn 1 MB/],
      ['latin1.json', latin1Config(), /^Lỗi: Tệp cấu hình latin1\.json không phải văn bản UTF-8 \(byte thứ 34 tính từ 0 không hợp lệ\)/],
    ];
    for (const [name, data, message] of cases) {
      const result = run(['tonghop', 'nop', '--config', write(name, data), '-o', 'bc.docx'], cwd);
      expect(result.code, name).toBe(2);
      expect(result.stderr, name).toMatch(message);
      withinBounds(result);
    }
  });

  it.skipIf(process.platform === 'win32')('a FIFO given as --config or --template is refused, never waited on', () => {
    execFileSync('mkfifo', [join(cwd, 'ong-dan')]);
    for (const args of [['--template', 'ong-dan'], ['--config', 'ong-dan']]) {
      const result = run(['tonghop', 'nop', '-o', 'bc.docx', ...args], cwd);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/không phải một tệp thường/);
      expect(result.seconds).toBeLessThan(5);
    }
  });
});

describe('the file system', () => {
  const canDropPrivileges = process.platform !== 'win32' && process.getuid?.() === 0;
  const canChmod = process.platform !== 'win32' && process.getuid?.() !== 0;

  it.skipIf(!canDropPrivileges && !canChmod)('an unreadable subfolder is a Vietnamese message with exit 2, not 70', () => {
    const cwd = dir();
    chmodSync(cwd, 0o755);
    mkdirSync(join(cwd, 'nop', 'khoa'), { recursive: true });
    copyFileSync(join(QUARTER, 'MTTQ.xlsx'), join(cwd, 'nop', 'MTTQ.xlsx'));
    chmodSync(join(cwd, 'nop'), 0o755);
    chmodSync(join(cwd, 'nop', 'khoa'), 0o000);
    try {
      // As root every folder is readable: run as "nobody" to meet the refusal a user would meet.
      const result = run(['kiemtra', 'nop'], cwd, canDropPrivileges ? { uid: 65534 } : {});
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('Lỗi: Không đọc được thư mục "nop/khoa": không có quyền truy cập.\n');
    } finally {
      chmodSync(join(cwd, 'nop', 'khoa'), 0o755);
    }
  });

  it.skipIf(process.platform === 'win32')('a symlink in an input folder is followed once; a looping link is listed as skipped; one file reached twice counts once', () => {
    const cwd = dir();
    const elsewhere = dir();
    mkdirSync(join(cwd, 'nop'));
    copyFileSync(join(QUARTER, 'MTTQ.xlsx'), join(cwd, 'nop', 'MTTQ.xlsx'));
    copyFileSync(join(QUARTER, 'HLHPN.xlsx'), join(elsewhere, 'HLHPN.xlsx'));
    symlinkSync(join(elsewhere, 'HLHPN.xlsx'), join(cwd, 'nop', 'lien-ket.xlsx'));
    symlinkSync(join(cwd, 'nop', 'MTTQ.xlsx'), join(cwd, 'nop', 'MTTQ-ban-sao.xlsx'));
    symlinkSync('vong.xlsx', join(cwd, 'nop', 'vong.xlsx'));
    symlinkSync(join(cwd, 'nop'), join(cwd, 'nop', 'chinh-no'));
    const result = run(['kiemtra', 'nop', '--json'], cwd);
    const report = checkJson(result);
    expect(report.files.map((f) => f.file)).toEqual(['nop/MTTQ-ban-sao.xlsx', 'nop/lien-ket.xlsx']);
    expect(report.files.every((f) => f.valid)).toBe(true);
    expect(report.skipped).toEqual([
      { file: 'nop/MTTQ.xlsx', reason: 'duplicate', sameAs: 'nop/MTTQ-ban-sao.xlsx' },
      { file: 'nop/chinh-no', reason: 'link-loop' },
      { file: 'nop/vong.xlsx', reason: 'link-loop' },
    ].sort((a, b) => (a.file < b.file ? -1 : 1)));
    const human = run(['kiemtra', 'nop'], cwd);
    expect(human.stdout).toContain('nop/vong.xlsx: liên kết tượng trưng (symlink) trỏ vòng');
  });
});

describe('outputs never land on inputs or on each other', () => {
  const inbox = () => {
    const cwd = dir();
    mkdirSync(join(cwd, 'nop'));
    for (const name of ['MTTQ.xlsx', 'HLHPN.xlsx']) copyFileSync(join(QUARTER, name), join(cwd, 'nop', name));
    return cwd;
  };

  it('-o X --xlsx X is refused before any work; nothing is written', () => {
    const cwd = inbox();
    const result = run(['tonghop', 'nop', '-o', 'X', '--xlsx', 'X'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('Lỗi: -o và --xlsx cùng chỉ tới một tệp ("X"); mỗi kết quả cần một tệp riêng.\n');
    expect(existsSync(join(cwd, 'X'))).toBe(false);
  });

  it('-o onto an input file is refused even with --force, directly or through a symlink alias of the input folder', () => {
    const cwd = inbox();
    if (process.platform !== 'win32') symlinkSync(join(cwd, 'nop'), join(cwd, 'bi-danh'));
    const before = folderFingerprint(join(cwd, 'nop'));
    const attempts = [['-o', 'nop/MTTQ.xlsx'], ['--xlsx', 'nop/HLHPN.xlsx', '-o', 'bc.docx'], ...(process.platform !== 'win32' ? [['-o', 'bi-danh/MTTQ.xlsx'], ['-o', 'bi-danh/moi.docx']] : [])];
    for (const args of attempts) {
      const result = run(['tonghop', 'nop', '--force', ...args], cwd);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/đầu vào/);
    }
    expect(folderFingerprint(join(cwd, 'nop'))).toBe(before);
    expect(existsSync(join(cwd, 'bc.docx'))).toBe(false);
  });

  it('of two runs racing for one -o, exactly one writes; the other says the file exists', async () => {
    const cwd = inbox();
    const configs = ['Alpha', 'Beta'].map((name) => {
      writeFileSync(join(cwd, `${name}.json`), JSON.stringify({ organization: { name: `Ban Thử Nghiệm ${name}` } }));
      return `${name}.json`;
    });
    const results = await Promise.all(
      configs.map(
        (config) =>
          new Promise<{ config: string; code: number; stderr: string }>((done) => {
            const child = spawn(process.execPath, [MEASURED, 'tonghop', 'nop', '--config', config, '-o', 'bc.docx'], { cwd });
            let stderr = '';
            child.stderr.on('data', (chunk) => (stderr += chunk));
            child.on('exit', (code) => done({ config, code: code ?? -1, stderr }));
          }),
      ),
    );
    const winners = results.filter((r) => r.code === 0);
    const losers = results.filter((r) => r.code !== 0);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]!.code).toBe(2);
    expect(losers[0]!.stderr).toMatch(/Tệp "bc\.docx" (đã có|vừa được tạo ra trong lúc danvan chạy)/);
    // The file is the winner's, whole.
    const parts = [...unzipDocx(readFileSync(join(cwd, 'bc.docx'))).values()].join('\n');
    const nameOf = (config: string) => `Ban Thử Nghiệm ${config.replace('.json', '')}`;
    expect(parts).toContain(nameOf(winners[0]!.config));
    expect(parts).not.toContain(nameOf(losers[0]!.config));
    expect(readdirSync(cwd).filter((n) => n.includes('.danvan-'))).toEqual([]);
  });

  it('a temp file left by a killed run is removed by the next run in that folder and never taken for a submission', () => {
    const cwd = inbox();
    const stale = '.bc.docx.danvan-00000000-1-0badf00d.tmp';
    writeFileSync(join(cwd, stale), 'left behind');
    writeFileSync(join(cwd, 'nop', stale), submissionXlsx());
    // 24 hours old: abandoned whoever made it.
    const old = new Date(Date.now() - 2 * 86_400_000);
    utimesSync(join(cwd, stale), old, old);
    const checked = run(['kiemtra', 'nop', '--json'], cwd);
    expect(checkJson(checked).files.map((f) => f.file)).toEqual(['nop/HLHPN.xlsx', 'nop/MTTQ.xlsx']);
    const result = run(['tonghop', 'nop', '-o', 'bc.docx'], cwd);
    expect(result.code).toBe(0);
    expect(existsSync(join(cwd, stale))).toBe(false);
  });
});

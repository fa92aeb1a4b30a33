/**
 * Issue 7 end to end, file system and outputs: unreadable folders, symbolic links, and outputs that never land
 * on inputs or on each other, never silently replace a file, and leave no temp file behind.
 */
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { submissionXlsx } from '../../scripts/hostile-inputs.mjs';
import { unzipDocx } from '../helpers/docx-xml.js';
import { folderFingerprint } from './run-cli.js';
import { MEASURED, QUARTER, checkJson, dir, run } from './hostile-helpers.js';

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

  it.skipIf(!canDropPrivileges && !canChmod)('a file this machine cannot read is counted out but not blamed on its unit', () => {
    const cwd = dir();
    chmodSync(cwd, 0o755);
    mkdirSync(join(cwd, 'nop'));
    chmodSync(join(cwd, 'nop'), 0o755);
    copyFileSync(join(QUARTER, 'MTTQ.xlsx'), join(cwd, 'nop', 'MTTQ.xlsx'));
    copyFileSync(join(QUARTER, 'HLHPN.xlsx'), join(cwd, 'nop', 'HLHPN.xlsx'));
    chmodSync(join(cwd, 'nop', 'MTTQ.xlsx'), 0o644);
    chmodSync(join(cwd, 'nop', 'HLHPN.xlsx'), 0o000);
    try {
      const result = run(['kiemtra', 'nop'], cwd, canDropPrivileges ? { uid: 65534 } : {});
      expect(result.code).toBe(1); // not everything could be counted
      expect(result.stdout).toContain('Không mở được trên máy này, cần kiểm tra quyền đọc tệp hoặc ổ đĩa (1 tệp; không phải lỗi của đơn vị):');
      expect(result.stdout).toMatch(/✗ nop\/HLHPN\.xlsx: Không mở được tệp trên máy này \(tài khoản đang chạy danvan không có quyền đọc tệp\)/);
      expect(result.stdout).not.toContain('Cần đơn vị sửa và gửi lại');
      // Nor does the signed report ask the units to correct it (a second outside tester).
      const out = join(dir(), 'bc.docx');
      chmodSync(dirname(out), 0o777);
      const report = run(['tonghop', 'nop', '-o', out], cwd, canDropPrivileges ? { uid: 65534 } : {});
      expect(report.code, report.stderr).toBe(1);
      const text = unzipDocx(readFileSync(out)).get('word/document.xml')!.replace(/<[^>]+>/g, '');
      expect(text).not.toContain('HLHPN.xlsx');
      expect(text).not.toContain('chưa hợp lệ nên chưa được tổng hợp');
    } finally {
      chmodSync(join(cwd, 'nop', 'HLHPN.xlsx'), 0o644);
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
    // Without a registry, files are listed by the unit names they give, the Vietnamese way: Hội… before Ủy ban….
    expect(report.files.map((f) => f.file)).toEqual(['nop/lien-ket.xlsx', 'nop/MTTQ-ban-sao.xlsx']);
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

  it('two outputs of a run on one file (the issue: -o X --xlsx X) are refused before any work; nothing is written', () => {
    const cwd = inbox();
    // -o must end in .docx and --xlsx in .xlsx, so the pair is refused by its extension; two workbooks can still meet.
    const result = run(['tonghop', 'nop', '--xlsx', 'X.xlsx', '--doi-chieu', './X.xlsx'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('Lỗi: --xlsx và --doi-chieu cùng ghi vào "./X.xlsx"; hãy đặt hai tên khác nhau.\n');
    expect(existsSync(join(cwd, 'X.xlsx'))).toBe(false);
  });

  it('-o onto an input file is refused even with --force, directly or through a symlink alias of the input folder', () => {
    const cwd = inbox();
    if (process.platform !== 'win32') symlinkSync(join(cwd, 'nop'), join(cwd, 'bi-danh'));
    const before = folderFingerprint(join(cwd, 'nop'));
    const attempts = [
      ['--xlsx', 'nop/HLHPN.xlsx', '-o', 'bc.docx'],
      ['--doi-chieu', 'nop/MTTQ.xlsx', '-o', 'bc.docx'],
      ...(process.platform !== 'win32' ? [['--xlsx', 'bi-danh/MTTQ.xlsx', '-o', 'bc.docx'], ['-o', 'bi-danh/moi.docx']] : []),
    ];
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

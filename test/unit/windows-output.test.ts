// Outputs on any Windows volume, tested on Linux by injecting Windows' answers into the OutputPlan's commit:
// link(2) answering EISDIR on a FAT32/exFAT stick, a report open in Word (EPERM/EBUSY/EACCES to rename), and
// 64-bit file ids.
import { copyFileSync, linkSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OutputError } from '../../src/diagnostics/errors.js';
import { identityOf, LOCK_RETRY_MS, OutputPlan, type CommitHost } from '../../src/output/plan.js';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'danvan-winplan-'));
  dirs.push(dir);
  return dir;
}

const errno = (code: string, syscall: string) => Object.assign(new Error(`${code}: simulated, ${syscall}`), { code, syscall });

/** A FAT32/exFAT volume seen through libuv on Windows: link(2) fails with EISDIR (ERROR_INVALID_FUNCTION). */
function usbStick(): Partial<CommitHost> & { copies: number } {
  const host = {
    copies: 0,
    platform: 'win32' as const,
    link: () => {
      throw errno('EISDIR', 'link');
    },
    copyFile: (from: string, to: string, mode: number) => {
      host.copies += 1;
      copyFileSync(from, to, mode);
    },
  };
  return host;
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(OutputError);
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('an output on a USB stick where link(2) answers EISDIR', () => {
  it('is written by an exclusive copy, and no temp file is left', () => {
    const cwd = folder();
    const stick = usbStick();
    const plan = new OutputPlan({ cwd, force: false, host: stick });
    plan.add('-o', 'bieu-mau.xlsx');
    plan.write('-o', Buffer.from('the form'));
    expect(plan.commit().written).toEqual(['bieu-mau.xlsx']);
    expect(stick.copies).toBe(1);
    expect(readFileSync(join(cwd, 'bieu-mau.xlsx'), 'utf8')).toBe('the form');
    expect(readdirSync(cwd)).toEqual(['bieu-mau.xlsx']);
  });

  it('never replaces a file that appeared meanwhile: the copy is exclusive, and what the commit wrote is taken back', () => {
    const cwd = folder();
    const plan = new OutputPlan({ cwd, force: false, host: usbStick() });
    plan.add('-o', 'a-bao-cao.docx');
    plan.add('--xlsx', 'b-tong-hop.xlsx');
    plan.write('-o', Buffer.from('report'));
    plan.write('--xlsx', Buffer.from('workbook'));
    // Another run (or a person) creates the second name after the plan checked it.
    writeFileSync(join(cwd, 'b-tong-hop.xlsx'), 'somebody else');
    expect(refusal(() => plan.commit())).toContain('vừa được tạo ra trong lúc danvan chạy');
    expect(readFileSync(join(cwd, 'b-tong-hop.xlsx'), 'utf8')).toBe('somebody else');
    // All or none: the report copied first is removed again, and no temp file remains.
    expect(readdirSync(cwd)).toEqual(['b-tong-hop.xlsx']);
  });

  it('any other failure of link(2) but EEXIST (EPERM, ENOTSUP, EXDEV, EINVAL…) takes the copy too', () => {
    for (const code of ['EPERM', 'ENOTSUP', 'EXDEV', 'EINVAL', 'EIO']) {
      const cwd = folder();
      const plan = new OutputPlan({ cwd, force: false, host: { link: () => { throw errno(code, 'link'); } } });
      plan.add('-o', 'x.docx');
      plan.write('-o', Buffer.from(code));
      plan.commit();
      expect(readFileSync(join(cwd, 'x.docx'), 'utf8'), code).toBe(code);
    }
  });

  it('EEXIST from link(2) is never turned into a copy', () => {
    const cwd = folder();
    let copies = 0;
    const plan = new OutputPlan({ cwd, force: false, host: { link: () => { throw errno('EEXIST', 'link'); }, copyFile: () => void (copies += 1) } });
    plan.add('-o', 'x.docx');
    plan.write('-o', Buffer.from('new'));
    expect(refusal(() => plan.commit())).toContain('vừa được tạo ra');
    expect(copies).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('a report open in Word when --force replaces it', () => {
  /** Windows with the output locked for the first `locks` tries of rename; the waits are counted, not slept. */
  function lockedFor(locks: number, code = 'EPERM', platform: NodeJS.Platform = 'win32') {
    const host = {
      platform,
      tries: 0,
      waits: [] as number[],
      rename: (from: string, to: string) => {
        host.tries += 1;
        if (host.tries <= locks) throw errno(code, 'rename');
        renameSync(from, to);
      },
      sleep: (ms: number) => void host.waits.push(ms),
      link: linkSync,
    };
    return host;
  }

  function replace(host: Partial<CommitHost>): { cwd: string; run: () => unknown } {
    const cwd = folder();
    writeFileSync(join(cwd, 'bao-cao.docx'), 'signed last week');
    const plan = new OutputPlan({ cwd, force: true, host });
    plan.add('-o', 'bao-cao.docx');
    plan.write('-o', Buffer.from('new report'));
    return { cwd, run: () => plan.commit() };
  }

  it('a short lock (an antivirus, the indexer) is waited for, and the file is replaced', () => {
    const host = lockedFor(2, 'EBUSY');
    const { cwd, run } = replace(host);
    run();
    expect(host.tries).toBe(3);
    expect(host.waits).toEqual(LOCK_RETRY_MS.slice(0, 2));
    expect(readFileSync(join(cwd, 'bao-cao.docx'), 'utf8')).toBe('new report');
    expect(readdirSync(cwd)).toEqual(['bao-cao.docx']);
  });

  for (const code of ['EPERM', 'EBUSY', 'EACCES']) {
    it(`a file that stays open (${code}) is named as open in Word/Excel; it is left as it was, with no temp file`, () => {
      const host = lockedFor(Infinity, code);
      const { cwd, run } = replace(host);
      expect(refusal(run)).toBe('Không ghi đè được tệp "bao-cao.docx": tệp đang mở trong Word/Excel, hãy đóng rồi chạy lại.');
      // A few tries, bounded: one more than the waits.
      expect(host.tries).toBe(LOCK_RETRY_MS.length + 1);
      expect(readFileSync(join(cwd, 'bao-cao.docx'), 'utf8')).toBe('signed last week');
      expect(readdirSync(cwd)).toEqual(['bao-cao.docx']);
    });
  }

  it('on Linux EACCES is a permission, said at once, not a lock', () => {
    const host = lockedFor(Infinity, 'EACCES', 'linux');
    const { run } = replace(host);
    const message = refusal(run);
    expect(message).not.toContain('đang mở trong Word');
    expect(message).toContain('bao-cao.docx');
    expect(host.tries).toBe(1);
  });
});

describe('file identities', () => {
  it('keep 64-bit Windows file ids apart (a JS number would round them into one)', () => {
    const a = { dev: 2_914_541_036n, ino: 2n ** 60n + 1n };
    const b = { dev: 2_914_541_036n, ino: 2n ** 60n };
    expect(Number(a.ino)).toBe(Number(b.ino));
    expect(identityOf(a)).not.toBe(identityOf(b));
    expect(identityOf(a)).toBe('2914541036:1152921504606846977');
  });

  it('a file system without ids (0) gives no two files the same identity', () => {
    expect(identityOf({ dev: 5n, ino: 0n })).not.toBe(identityOf({ dev: 5n, ino: 0n }));
  });
});

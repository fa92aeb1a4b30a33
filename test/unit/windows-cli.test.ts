// The command line's Windows behaviour, tested on Linux by injection: Ctrl+Break (SIGBREAK) handled like Ctrl-C,
// and a pipe closed at the other end, which libuv reports as EOF on Windows, ending output quietly.
import { PassThrough } from 'node:stream';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INTERRUPT_SIGNALS, installInterruptHandlers, type InterruptSignal } from '../../src/cli/interrupt.js';
import { guardStdout, stdoutClosed } from '../../src/cli/stdout.js';
import { OutputPlan } from '../../src/output/plan.js';
import { marksFor } from '../../src/cli/symbols.js';
import { interruptedMessage } from '../../src/messages/vi.js';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'danvan-wincli-'));
  dirs.push(dir);
  return dir;
}

describe('standard output whose reader went away', () => {
  it('EOF (Windows\' answer for a closed pipe, `| more` ended) is quiet like EPIPE; other errors are not swallowed', () => {
    const stream = new PassThrough() as unknown as NodeJS.WriteStream;
    guardStdout(stream);
    expect(stdoutClosed()).toBe(false);
    const eof = Object.assign(new Error('write EOF'), { code: 'EOF', syscall: 'write', errno: -4095 });
    expect(() => stream.emit('error', eof)).not.toThrow();
    expect(stdoutClosed()).toBe(true);
    const other = new PassThrough() as unknown as NodeJS.WriteStream;
    guardStdout(other);
    expect(() => other.emit('error', Object.assign(new Error('write EIO'), { code: 'EIO' }))).toThrow('write EIO');
  });
});

describe('signals Windows sends', () => {
  /** Installs the handlers with an injected platform and exit; returns what they did and a way to remove them. */
  function install(platform: NodeJS.Platform, report?: () => void) {
    const before = new Map(INTERRUPT_SIGNALS.map((s) => [s, process.listeners(s)]));
    const seen: { reported: InterruptSignal[]; exits: number[] } = { reported: [], exits: [] };
    installInterruptHandlers(report ?? ((signal) => void seen.reported.push(signal)), { platform, exit: (code) => void seen.exits.push(code) });
    const added = (s: InterruptSignal) => process.listeners(s).filter((l) => !before.get(s)!.includes(l));
    const remove = () => {
      for (const s of INTERRUPT_SIGNALS) for (const l of added(s)) process.removeListener(s, l as (...args: unknown[]) => void);
    };
    return { seen, added, remove };
  }

  it('Ctrl+Break (SIGBREAK) on Windows removes what was staged and ends LibreOffice\'s folder, then exits 149', () => {
    const cwd = folder();
    const tmp = folder();
    const saved = process.env['TMPDIR'];
    process.env['TMPDIR'] = tmp;
    const { seen, remove } = install('win32');
    try {
      const plan = new OutputPlan({ cwd, force: false });
      plan.add('-o', 'bao-cao.docx');
      plan.write('-o', Buffer.from('staged'));
      const conversion = join(tmp, `danvan-soffice-${process.pid}-xyz`);
      mkdirSync(join(conversion, 'profile'), { recursive: true });
      expect(readdirSync(cwd)).toHaveLength(1);
      process.emit('SIGBREAK' as NodeJS.Signals);
      expect(seen.reported).toEqual(['SIGBREAK']);
      expect(seen.exits).toEqual([149]);
      expect(readdirSync(cwd)).toEqual([]);
      expect(existsSync(conversion)).toBe(false);
    } finally {
      remove();
      if (saved === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = saved;
    }
  });

  it('SIGHUP is handled everywhere, SIGBREAK only where it exists (Windows)', () => {
    const linux = install('linux');
    expect(linux.added('SIGHUP')).toHaveLength(1);
    expect(linux.added('SIGBREAK')).toHaveLength(0);
    linux.remove();
    const windows = install('win32');
    expect(windows.added('SIGBREAK')).toHaveLength(1);
    windows.remove();
  });

  it('a handler that fails to report (the console is gone) still exits with the signal\'s code', () => {
    const { seen, remove } = install('win32', () => {
      throw Object.assign(new Error('write EOF'), { code: 'EOF' });
    });
    try {
      process.emit('SIGHUP');
      expect(seen.exits).toEqual([129]);
    } finally {
      remove();
    }
  });

  it('each signal is named in Vietnamese', () => {
    expect(interruptedMessage('SIGHUP')).toContain('cửa sổ dòng lệnh bị đóng');
    expect(interruptedMessage('SIGBREAK')).toContain('Ctrl+Break');
  });
});

describe('marks before each file and job', () => {
  it('the Windows 10 console gets √ and × (it shows ✓ and ✗ as boxes); Windows Terminal, VS Code and other systems ✓ and ✗', () => {
    expect(marksFor('win32', {}, true)).toEqual({ ok: '√', bad: '×', superseded: '○' });
    expect(marksFor('win32', { WT_SESSION: '7c6e0b1a' }, true).ok).toBe('✓');
    expect(marksFor('win32', { TERM_PROGRAM: 'vscode' }, true).bad).toBe('✗');
    expect(marksFor('linux', {}, true).ok).toBe('✓');
    expect(marksFor('win32', { DANVAN_KY_HIEU: 'unicode' }, true).ok).toBe('✓');
    expect(marksFor('linux', { DANVAN_KY_HIEU: 'wgl4' }, true).ok).toBe('√');
    // Sent to a pipe or a file (> ket-qua.txt): UTF-8 text for another program, with the originals.
    expect(marksFor('win32', {}, false).ok).toBe('✓');
  });

  it('the console-safe marks are in the Windows console fonts\' WGL4 set (Latin-1 and a few symbols), ✓ and ✗ are not', () => {
    // WGL4 holds √ (U+221A), × (U+00D7) and ○ (U+25CB); the Dingbats block (✓ U+2713, ✗ U+2717) is outside it.
    const wgl4 = new Set([0x221a, 0xd7, 0x25cb]);
    for (const mark of Object.values(marksFor('win32', {}, true))) expect(wgl4.has(mark.codePointAt(0)!), mark).toBe(true);
    expect(wgl4.has('✓'.codePointAt(0)!)).toBe(false);
  });
});

// Signals Windows sends, and what a killed run leaves: a closed console window (SIGHUP) is handled like Ctrl-C,
// with a real child process sent SIGHUP while LibreOffice converts; a run killed outright (SIGKILL, a power cut)
// leaves a temp file and a conversion folder that the next run removes. POSIX signals only: skipped on Windows,
// where a child cannot be sent SIGHUP (the unit tests inject the win32 branches).
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG, FIXTURES, ROOT, danvan, tempDir } from './run-cli.js';
import { POSIX_SIGNALS as SIGNALS, SHEBANG_SCRIPTS } from '../helpers/capabilities.js';

const QUARTER = join(FIXTURES, 'quy-1-2023');
/** A child sent SIGHUP, and a stand-in LibreOffice started from its shebang. */
const POSIX_SIGNALS = SIGNALS && SHEBANG_SCRIPTS;
if (!POSIX_SIGNALS) console.warn('SKIPPED windows-signals: a child process cannot be sent SIGHUP on Windows (test/unit/windows-cli.test.ts injects the signals)');

/** A stand-in for LibreOffice that records its pid and waits for ever (until killed). A node script, no shell. */
function hangingSoffice(): { program: string; pidFile: string } {
  const dir = tempDir('danvan-fake-lo-');
  const program = join(dir, 'fake-soffice');
  const pidFile = join(dir, 'soffice.pid');
  writeFileSync(program, `#!${process.execPath}\nrequire('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));\nsetInterval(() => {}, 1000);\n`);
  chmodSync(program, 0o755);
  return { program, pidFile };
}

const started: number[] = [];
afterAll(() => {
  for (const pid of started) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie waiting for a reaper (a container's init may never reap it) has ended all the same.
  const status = `/proc/${pid}/status`;
  return !(existsSync(status) && /State:\s+Z/.test(readFileSync(status, 'utf8')));
}

/** Starts `tonghop … --pdf` with the hanging LibreOffice and resolves once LibreOffice has started (the .docx is staged). */
async function runUntilConverting(cwd: string, tmp: string): Promise<{ child: ChildProcess; soffice: number; stderr: () => string }> {
  const { program, pidFile } = hangingSoffice();
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'danvan.js'), 'tonghop', QUARTER, '--config', CONFIG, '-o', 'bc.docx', '--pdf', 'bc.pdf'], {
    cwd,
    env: { ...process.env, DANVAN_SOFFICE: program, TMPDIR: tmp },
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  for (let waited = 0; !existsSync(pidFile) && waited < 60_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  const soffice = Number(readFileSync(pidFile, 'utf8'));
  started.push(soffice);
  return { child, soffice, stderr: () => stderr };
}

const temps = (dir: string) => readdirSync(dir).filter((n) => /\.danvan-.+\.tmp$/.test(n));
const conversions = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('danvan-soffice-'));

describe.skipIf(!POSIX_SIGNALS)('a closed console window (SIGHUP)', () => {
  it('is handled like Ctrl-C: exit 129, LibreOffice ended, no output, no temp file, no conversion folder', async () => {
    const cwd = tempDir();
    const tmp = tempDir();
    const { child, soffice, stderr } = await runUntilConverting(cwd, tmp);
    // The run is caught with something to clean: the report staged beside its name, LibreOffice's folder.
    expect(temps(cwd)).toHaveLength(1);
    expect(conversions(tmp)).toHaveLength(1);
    expect(alive(soffice)).toBe(true);
    child.kill('SIGHUP');
    const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
    expect(code).toBe(129);
    expect(stderr()).toContain('Đã dừng theo yêu cầu (cửa sổ dòng lệnh bị đóng)');
    expect(stderr()).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(readdirSync(cwd)).toEqual([]);
    expect(conversions(tmp)).toEqual([]);
    for (let waited = 0; alive(soffice) && waited < 5_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(alive(soffice)).toBe(false);
  }, 90_000);
});

describe.skipIf(!POSIX_SIGNALS)('what a run killed outright leaves', () => {
  it('the next run removes it: the temp file beside the output and the LibreOffice folder in the temp folder', async () => {
    const cwd = tempDir();
    const tmp = tempDir();
    const { child, soffice } = await runUntilConverting(cwd, tmp);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    // SIGKILL cannot be handled: the leftovers are there, recognisable by name and by a process that is gone.
    expect(temps(cwd)).toHaveLength(1);
    expect(conversions(tmp)).toHaveLength(1);
    process.kill(soffice, 'SIGKILL');
    const next = danvan(['tonghop', QUARTER, '--config', CONFIG, '-o', 'bc.docx'], cwd, { TMPDIR: tmp, DANVAN_SOFFICE: 'none' });
    expect(next.code).toBe(0);
    expect(readdirSync(cwd)).toEqual(['bc.docx']);
    expect(conversions(tmp)).toEqual([]);
  }, 90_000);
});

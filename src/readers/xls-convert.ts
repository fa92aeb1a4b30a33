/**
 * Legacy .xls (Excel 97–2003, BIFF) read by converting it to .xlsx with LibreOffice, when `soffice` is on
 * the machine. Only files classified as .xls come here (LibreOffice takes seconds to start), and:
 * - the input is never given to LibreOffice: its bytes are copied into a private temporary folder first
 *   (LibreOffice leaves lock files beside what it opens);
 * - LibreOffice runs headless with a private profile (-env:UserInstallation) and temp folder, so it neither
 *   shares nor disturbs a running office or another conversion;
 * - a timeout kills it (its whole process group), and the temporary folder is removed in every case.
 * Every failure is an UnreadableWorkbookError('legacy-xls', detail), whose message says what to do.
 * `DANVAN_SOFFICE` names the program to use, or `none` to never convert.
 */

import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UnreadableWorkbookError } from './types.js';

/** LibreOffice's cold start with a fresh profile takes a few seconds; a file that needs more is refused. */
export const XLS_TIMEOUT_MS = 90_000;

export interface XlsConvertOptions {
  /** Default XLS_TIMEOUT_MS. */
  timeoutMs?: number;
  /** The soffice program; default from DANVAN_SOFFICE or PATH. */
  soffice?: string | null;
}

let found: string | null | undefined;

/** The LibreOffice program to convert with, or null when there is none (or DANVAN_SOFFICE=none). */
export function findSoffice(): string | null {
  const configured = process.env['DANVAN_SOFFICE'];
  if (configured !== undefined && configured !== '') {
    if (configured === 'none') return null;
    return isExecutable(configured) ? configured : null;
  }
  if (found !== undefined) return found;
  found = null;
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    for (const name of ['soffice', 'libreoffice']) {
      const path = join(dir, name);
      if (isExecutable(path)) return (found = path);
    }
  }
  return found;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The .xlsx bytes LibreOffice makes of `bytes` (an .xls); throws UnreadableWorkbookError('legacy-xls', why) otherwise. */
export async function convertXlsToXlsx(bytes: Uint8Array, options: XlsConvertOptions = {}): Promise<Uint8Array> {
  const soffice = options.soffice === undefined ? findSoffice() : options.soffice;
  if (!soffice) throw new UnreadableWorkbookError('legacy-xls', 'soffice-missing');
  const timeoutMs = options.timeoutMs ?? XLS_TIMEOUT_MS;
  const dir = mkdtempSync(join(tmpdir(), 'danvan-xls-'));
  try {
    const inDir = join(dir, 'in');
    const outDir = join(dir, 'out');
    const tmp = join(dir, 'tmp');
    for (const d of [inDir, outDir, tmp]) mkdirSync(d);
    const input = join(inDir, 'bao-cao.xls');
    writeFileSync(input, bytes);
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--invisible',
      '--nologo',
      '--norestore',
      '--nolockcheck',
      '--nodefault',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      outDir,
      input,
    ];
    const outcome = await run(soffice, args, { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp }, timeoutMs);
    if (outcome.timedOut) throw new UnreadableWorkbookError('legacy-xls', `convert-timeout after ${timeoutMs} ms`);
    const output = join(outDir, 'bao-cao.xlsx');
    if (!existsSync(output)) {
      const why = outcome.error ?? (outcome.output.trim().split('\n').pop() || `exit ${outcome.code}`);
      throw new UnreadableWorkbookError('legacy-xls', `convert-failed: ${why}`);
    }
    return readFileSync(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface RunOutcome {
  code: number | null;
  timedOut: boolean;
  output: string;
  error?: string;
}

function run(program: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<RunOutcome> {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    let settled = false;
    // Its own process group, so that a timeout ends soffice.bin too, not only the launcher script.
    const child = spawn(program, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const collect = (chunk: Buffer) => {
      if (output.length < 4096) output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    const finish = (outcome: RunOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    child.on('error', (error) => finish({ code: null, timedOut, output, error: error.message }));
    child.on('close', (code) => {
      // A launcher may exit and leave soffice.bin behind: end the group in any case.
      killGroup(child.pid);
      finish({ code, timedOut, output });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

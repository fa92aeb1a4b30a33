/**
 * LibreOffice run as a converter, the one way danvan uses it (legacy .xls in, PDF out):
 * - the input is never given to LibreOffice: its bytes are written into a private temporary folder first
 *   (LibreOffice leaves lock files beside what it opens);
 * - headless, with a private profile (-env:UserInstallation) and temp folder, so it neither shares nor
 *   disturbs a running office or another conversion (lo's jobs convert side by side);
 * - TZ=UTC, so that the dates it stamps have one shape (the PDF writer makes them deterministic);
 * - a timeout kills it (its whole process group), and the temporary folder is removed in every case.
 * `DANVAN_SOFFICE` names the program to use, or `none` to never convert.
 */

import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Why a conversion gave nothing: no program, too slow, or LibreOffice wrote no file (with its last words). */
export class SofficeError extends Error {
  constructor(
    readonly reason: 'missing' | 'timeout' | 'failed',
    readonly detail: string,
    /** For a timeout: the time allowed. */
    readonly timeoutMs?: number,
  ) {
    super(`soffice ${reason}: ${detail}`);
    this.name = 'SofficeError';
  }
}

/** Temporary folders of this process's conversions (any thread's): "danvan-soffice-<pid>-XXXXXX". */
const OWN_PREFIX = `danvan-soffice-${process.pid}-`;

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

export interface SofficeConversion {
  /** The input's bytes and the extension LibreOffice recognises it by ("xls", "docx"). */
  bytes: Uint8Array;
  from: string;
  /** The --convert-to argument ("xlsx:Calc MS Excel 2007 XML", "pdf:writer_pdf_Export:{…}"). */
  to: string;
  /** The extension of the file LibreOffice writes ("xlsx", "pdf"). */
  extension: string;
  timeoutMs: number;
  /** The program; default findSoffice(). */
  soffice?: string | null;
}

/** The bytes LibreOffice makes of `bytes`; throws SofficeError otherwise. */
export async function convertWithSoffice(conversion: SofficeConversion): Promise<Uint8Array> {
  const soffice = conversion.soffice === undefined ? findSoffice() : conversion.soffice;
  if (!soffice) throw new SofficeError('missing', 'soffice not found');
  const dir = mkdtempSync(join(tmpdir(), OWN_PREFIX));
  try {
    const inDir = join(dir, 'in');
    const outDir = join(dir, 'out');
    const tmp = join(dir, 'tmp');
    for (const d of [inDir, outDir, tmp]) mkdirSync(d);
    const input = join(inDir, `bao-cao.${conversion.from}`);
    writeFileSync(input, conversion.bytes);
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--invisible',
      '--nologo',
      '--norestore',
      '--nolockcheck',
      '--nodefault',
      '--convert-to',
      conversion.to,
      '--outdir',
      outDir,
      input,
    ];
    const env = { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp, TZ: 'UTC' };
    const outcome = await run(soffice, args, env, conversion.timeoutMs, dir);
    if (outcome.timedOut) throw new SofficeError('timeout', `after ${conversion.timeoutMs} ms`, conversion.timeoutMs);
    const output = join(outDir, `bao-cao.${conversion.extension}`);
    if (!existsSync(output)) {
      throw new SofficeError('failed', outcome.error ?? (outcome.output.trim().split('\n').pop() || `exit ${outcome.code}`));
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

function run(program: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number, dir: string): Promise<RunOutcome> {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    let settled = false;
    // Its own process group, so that a timeout ends soffice.bin too, not only the launcher script.
    const child = spawn(program, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    // Recorded in the folder, so that an interrupt can end it from whichever thread started it.
    if (child.pid !== undefined) writeFileSync(join(dir, 'pid'), String(child.pid));
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

/**
 * On Ctrl-C or SIGTERM: ends every LibreOffice this process started, in any of its threads (they run in their
 * own process group, which the terminal's signal does not reach), and removes their temporary folders.
 */
export function stopOwnConversions(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir()).filter((name) => name.startsWith(OWN_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const dir = join(tmpdir(), name);
    try {
      killGroup(Number(readFileSync(join(dir, 'pid'), 'utf8')));
    } catch {
      // not started yet, or already ended
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined || !Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

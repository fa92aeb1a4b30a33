/**
 * LibreOffice run as a converter, the one way danvan uses it (legacy .xls in, PDF out):
 * - the input is never given to LibreOffice: its bytes are written into a private temporary folder first
 *   (LibreOffice leaves lock files beside what it opens);
 * - headless, with a private profile (-env:UserInstallation) and temp folder, so it neither shares nor
 *   disturbs a running office or another conversion (lo's jobs convert side by side);
 * - TZ=UTC, so that the dates it stamps have one shape where it is honoured (the PDF writer makes dates of any
 *   time zone deterministic: LibreOffice on Windows ignores TZ);
 * - a timeout kills it (its whole process group; on Windows, its process tree with taskkill), and the temporary
 *   folder is removed in every case (with retries; one still held is removed by a later run).
 * `DANVAN_SOFFICE` names the program to use, or `none` to never convert. Otherwise it is looked for on PATH and,
 * on Windows, where the installer puts it (locateSoffice).
 */

import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { accessSync, constants, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, win32, type PlatformPath } from 'node:path';
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

/** Temporary folders of conversions: "danvan-soffice-<pid>-XXXXXX", so that a later run can tell whose they are. */
const PREFIX = 'danvan-soffice-';
/** Temporary folders of this process's conversions (any thread's). */
const OWN_PREFIX = `${PREFIX}${process.pid}-`;
/** A conversion folder this old is abandoned, whoever made it (a conversion takes seconds; process ids are reused). */
const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * What finding LibreOffice depends on, injectable so that the Windows branch is tested on any machine: the
 * platform, its path rules (path.win32 there), the environment (PATH, PATHEXT, ProgramFiles…), whether a file
 * is a program, and a registry query (`reg query <key> /ve`, the key's default value, or null).
 */
export interface SofficeHost {
  platform: NodeJS.Platform;
  path: PlatformPath;
  env: NodeJS.ProcessEnv;
  isProgram: (path: string) => boolean;
  queryRegistry: (key: string) => string | null;
}

/** Where the LibreOffice installer records its program folder (the key's default value), 64- and 32-bit, machine and user. */
export const REGISTRY_KEYS = [
  'HKLM\\SOFTWARE\\LibreOffice\\UNO\\InstallPath',
  'HKLM\\SOFTWARE\\WOW6432Node\\LibreOffice\\UNO\\InstallPath',
  'HKCU\\SOFTWARE\\LibreOffice\\UNO\\InstallPath',
];

const thisHost = (): SofficeHost => ({
  platform: process.platform,
  path: process.platform === 'win32' ? win32 : posix,
  env: process.env,
  isProgram: process.platform === 'win32' ? isFile : isExecutable,
  queryRegistry,
});

let found: string | null | undefined;

/** The LibreOffice program to convert with, or null when there is none (or DANVAN_SOFFICE=none). */
export function findSoffice(): string | null {
  const host = thisHost();
  const configured = host.env['DANVAN_SOFFICE'];
  if (configured !== undefined && configured !== '') {
    if (configured === 'none') return null;
    return configuredProgram(configured, host);
  }
  if (found === undefined) found = locateSoffice(host);
  return found;
}

/** DANVAN_SOFFICE as a program: on Windows "…\program\soffice" also names soffice.com or soffice.exe beside it. */
export function configuredProgram(configured: string, host: SofficeHost): string | null {
  if (host.isProgram(configured)) return configured;
  if (host.platform !== 'win32' || host.path.extname(configured) !== '') return null;
  return ['.com', '.exe'].map((ext) => configured + ext).find((candidate) => host.isProgram(candidate)) ?? null;
}

/**
 * Looks for LibreOffice where it is installed. Everywhere: `soffice` and `libreoffice` in the folders of PATH.
 * On Windows, where the installer puts nothing on PATH: the names with the extensions of PATHEXT that can be
 * started without a shell (soffice.com, the console launcher that waits for the conversion, before
 * soffice.exe), then "%ProgramFiles%\LibreOffice\program" (and the 32-bit Program Files (x86)), then the
 * program folder the installer recorded in the registry.
 */
export function locateSoffice(host: SofficeHost): string | null {
  const { path, env } = host;
  const windows = host.platform === 'win32';
  // Windows' environment names are case-insensitive; a copied env object is not.
  const variable = (name: string) => env[name] ?? (windows ? Object.entries(env).find(([k]) => k.toUpperCase() === name.toUpperCase())?.[1] : undefined);
  const extensions = windows
    ? (variable('PATHEXT') ?? '.COM;.EXE').split(';').map((e) => e.trim().toLowerCase()).filter((e) => e === '.com' || e === '.exe')
    : [''];
  const names = ['soffice', 'libreoffice'].flatMap((name) => extensions.map((ext) => name + ext));
  const inFolder = (dir: string, only = names) => {
    for (const name of only) {
      const candidate = path.join(dir, name);
      if (host.isProgram(candidate)) return candidate;
    }
    return null;
  };
  // On Windows a folder holding ";" is quoted in PATH, and the quotes are not part of its name.
  const folders = windows ? (variable('PATH') ?? '').match(/(?:"[^"]*"|[^;])+/g)?.map((f) => f.replace(/"/g, '').trim()) ?? [] : (variable('PATH') ?? '').split(':');
  for (const dir of folders) {
    if (!dir || !path.isAbsolute(dir)) continue;
    const hit = inFolder(dir);
    if (hit) return hit;
  }
  if (!windows) return null;
  const programs = ['soffice.com', 'soffice.exe'];
  for (const root of ['ProgramFiles', 'ProgramW6432', 'ProgramFiles(x86)'].map(variable)) {
    if (!root) continue;
    const hit = inFolder(path.join(root, 'LibreOffice', 'program'), programs);
    if (hit) return hit;
  }
  for (const key of REGISTRY_KEYS) {
    const dir = host.queryRegistry(key);
    if (!dir || !path.isAbsolute(dir)) continue;
    const hit = inFolder(dir, programs);
    if (hit) return hit;
  }
  return null;
}

/** The default value of a registry key, read with `reg query` (Windows only), or null. */
function queryRegistry(key: string): string | null {
  const result = spawnSync('reg', ['query', key, '/ve'], { encoding: 'utf8', windowsHide: true, timeout: 10_000 });
  return result.status === 0 ? parseRegQuery(result.stdout) : null;
}

/** The value in `reg query … /ve` output: "    (Default)    REG_SZ    C:\Program Files\LibreOffice\program". */
export function parseRegQuery(output: string): string | null {
  const m = /\sREG_(?:EXPAND_)?SZ[ \t]+(.+?)\s*$/m.exec(output);
  return m ? m[1]! : null;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
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

/**
 * How a conversion starts and ends LibreOffice, injectable so that the Windows branch is tested on any
 * machine (a fake LibreOffice, a recorded taskkill).
 */
export interface ProcessHost {
  platform: NodeJS.Platform;
  spawn: (program: string, args: readonly string[], options: SpawnOptions) => ChildProcess;
  /** Runs a program to its end (taskkill), its output ignored. */
  runSync: (program: string, args: readonly string[]) => void;
}

const thisProcessHost = (): ProcessHost => ({
  platform: process.platform,
  spawn: (program, args, options) => spawn(program, args, options),
  runSync: (program, args) => {
    spawnSync(program, args, { stdio: 'ignore', windowsHide: true, timeout: 30_000 });
  },
});

/** The bytes LibreOffice makes of `bytes`; throws SofficeError otherwise. */
export async function convertWithSoffice(conversion: SofficeConversion, host: ProcessHost = thisProcessHost()): Promise<Uint8Array> {
  const soffice = conversion.soffice === undefined ? findSoffice() : conversion.soffice;
  if (!soffice) throw new SofficeError('missing', 'soffice not found');
  removeLeftoverConversions();
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
    // TZ=UTC is honoured on Linux and macOS only; the PDF writer stabilises dates of any offset (writers/pdf).
    const env = { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp, TZ: 'UTC' };
    const outcome = await run(host, soffice, args, env, conversion.timeoutMs, dir);
    if (outcome.timedOut) throw new SofficeError('timeout', `after ${conversion.timeoutMs} ms`, conversion.timeoutMs);
    const output = join(outDir, `bao-cao.${conversion.extension}`);
    if (!existsSync(output)) {
      throw new SofficeError('failed', outcome.error ?? (outcome.output.trim().split('\n').pop() || `exit ${outcome.code}`));
    }
    return readFileSync(output);
  } finally {
    // A file still held (an antivirus scan, a LibreOffice slow to go) must not replace the result: the folder
    // is then left to the next run (removeLeftoverConversions).
    removeQuietly(dir);
  }
}

/** Removes a file or folder, retrying briefly where Windows holds it (EBUSY, EPERM…); never throws. */
export function removeQuietly(path: string): boolean {
  try {
    rmSync(path, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    return true;
  } catch {
    return false;
  }
}

interface RunOutcome {
  code: number | null;
  timedOut: boolean;
  output: string;
  error?: string;
}

function run(host: ProcessHost, program: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number, dir: string): Promise<RunOutcome> {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    let settled = false;
    // Its own process group, so that a timeout ends soffice.bin too, not only the launcher script. Windows has
    // no process groups (and `detached` there opens a console window): taskkill /T ends the tree instead.
    const windows = host.platform === 'win32';
    const child = host.spawn(program, args, { env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, ...(windows ? {} : { detached: true }) });
    // Recorded in the folder, so that an interrupt can end it from whichever thread started it.
    if (child.pid !== undefined) writeFileSync(join(dir, 'pid'), String(child.pid));
    const collect = (chunk: Buffer) => {
      if (output.length < 4096) output += chunk.toString('utf8');
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child.pid, host);
    }, timeoutMs);
    const finish = (outcome: RunOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    child.on('error', (error) => finish({ code: null, timedOut, output, error: error.message }));
    child.on('close', (code: number | null) => {
      // A launcher may exit and leave soffice.bin behind: end the group in any case (on Windows soffice.com
      // waits for soffice.bin, and taskkill of an ended process would only cost a process start).
      if (!windows) killTree(child.pid, host);
      finish({ code, timedOut, output });
    });
  });
}

/**
 * On Ctrl-C, SIGTERM, a closed console (SIGHUP) or Ctrl+Break: ends every LibreOffice this process started, in
 * any of its threads (they run in their own process group, which the terminal's signal does not reach), and
 * removes their temporary folders. Never throws: it runs in a signal handler.
 */
export function stopOwnConversions(host: ProcessHost = thisProcessHost()): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir()).filter((name) => name.startsWith(OWN_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const dir = join(tmpdir(), name);
    try {
      killTree(Number(readFileSync(join(dir, 'pid'), 'utf8')), host);
    } catch {
      // not started yet, or already ended
    }
    removeQuietly(dir);
  }
}

/**
 * Removes the conversion folders that killed runs left in the temp folder (a closed console window, a power
 * cut): those of a process that is gone, and anyone's after a day. Returns how many were removed.
 */
export function removeLeftoverConversions(folder = tmpdir(), alive: (pid: number) => boolean = processAlive, now = Date.now()): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return 0;
  }
  for (const name of names) {
    const m = /^danvan-soffice-(\d+)-[^/\\]+$/.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid) continue;
    const path = join(folder, name);
    try {
      const stats = lstatSync(path);
      if (!stats.isDirectory()) continue;
      if (alive(pid) && now - stats.mtimeMs <= STALE_MS) continue;
    } catch {
      continue;
    }
    if (removeQuietly(path)) removed += 1;
  }
  return removed;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Ends a LibreOffice and whatever it started: its process group on POSIX (it was spawned detached), its
 * process tree on Windows (`taskkill /PID n /T /F`; Windows has no process groups). Never throws.
 */
export function killTree(pid: number | undefined, host: Pick<ProcessHost, 'platform' | 'runSync'> = thisProcessHost()): void {
  if (pid === undefined || !Number.isInteger(pid) || pid <= 0) return;
  try {
    if (host.platform === 'win32') host.runSync('taskkill', ['/PID', String(pid), '/T', '/F']);
    else process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

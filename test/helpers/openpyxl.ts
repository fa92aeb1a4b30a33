/** Test helpers around Debian's python3-openpyxl: write workbooks the way another program does, and read ours back. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Debian's python3, where python3-openpyxl installs (a python3 earlier on PATH may lack it); "python" on Windows; DANVAN_PYTHON overrides. */
export const PYTHON = process.env['DANVAN_PYTHON'] ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : process.platform === 'win32' ? 'python' : 'python3');

/** True when PYTHON can import openpyxl. */
export function hasOpenpyxl(): boolean {
  return spawnSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;
}

export interface DumpedSheet {
  rows: unknown[][];
  /** Cell address → note (Excel comment) text. */
  notes: Record<string, string>;
}

/** The workbook as openpyxl reads it; `values` gives formulas' cached results instead of their text. */
export function dumpXlsx(file: string, options: { values?: boolean } = {}): Record<string, DumpedSheet> {
  const args = [join(ROOT, 'test', 'helpers', 'dump_xlsx.py'), file, ...(options.values ? ['--values'] : [])];
  return JSON.parse(execFileSync(PYTHON, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as Record<string, DumpedSheet>;
}

/** Runs scripts/make-foreign-fixtures.py into `dir` (its .expected.json and .config.json land beside it). */
export function makeForeignFixtures(dir: string, seed: number, options: { libreoffice: boolean }): void {
  const args = [join(ROOT, 'scripts', 'make-foreign-fixtures.py'), dir, '--seed', String(seed), ...(options.libreoffice ? [] : ['--no-libreoffice'])];
  execFileSync(PYTHON, args, { stdio: 'pipe', timeout: 300_000 });
}

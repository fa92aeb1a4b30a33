/** Running the built CLI for the hostile-input tests (issue 7): wall time and peak memory of each run. */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { FIXTURES, ROOT, expectNoStackTrace, tempDir, type CliResult } from './run-cli.js';
import { parseJsonOutput } from '../helpers/json-contract.js';

export const QUARTER = join(FIXTURES, 'quy-1-2023');
export const MEASURED = join(ROOT, 'test', 'e2e', 'measured-cli.mjs');
export const MiB = 1024 * 1024;
/**
 * The promise for one file: one gigabyte, asserted here (bytes do not depend on how busy the machine is);
 * ten seconds, measured by bench/hostile.mjs and never asserted in a test (a busy 2-vCPU machine took 16 s for
 * a run that takes 10 s alone).
 */
export const SECONDS_PER_FILE = 10;
const RSS_PER_FILE_MB = 1024;

const made: string[] = [];
// Each test file runs in its own process (vitest forks): its temp folders go when it is done.
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function dir(prefix = 'danvan-hostile-'): string {
  const d = tempDir(prefix);
  made.push(d);
  return d;
}

export interface Measured extends CliResult {
  seconds: number;
  rssMB: number;
}

/** Runs the CLI once, as a user would, with its wall time and peak memory; never more than 60 s. */
export function run(args: string[], cwd: string, options: { uid?: number } = {}): Measured {
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

/** One file's run within the memory bound; its wall time goes to DANVAN_TIMINGS_FILE for bench/hostile.mjs. */
export function withinBounds(result: Measured, what = ''): void {
  expect(result.rssMB).toBeLessThan(RSS_PER_FILE_MB);
  recordTime(result, what);
}

/** Appends a run's wall time to DANVAN_TIMINGS_FILE (set by bench/hostile.mjs), one JSON line each; else nothing. */
export function recordTime(result: Measured, what = ''): void {
  const file = process.env['DANVAN_TIMINGS_FILE'];
  if (file) appendFileSync(file, `${JSON.stringify({ what: what || expect.getState().currentTestName, seconds: result.seconds })}\n`);
}

/** A folder holding one file. */
export function folderWith(name: string, data: Uint8Array): string {
  const d = dir();
  mkdirSync(join(d, 'nop'));
  writeFileSync(join(d, 'nop', name), data);
  return d;
}

export function checkJson(result: Measured): { files: { file: string; valid: boolean; errors: { sheet: string | null; cell: string | null; message: string }[] }[]; skipped: { file: string; reason: string; sameAs?: string }[] } {
  // kiemtra's or tonghop's output, each checked against its own published schema.
  const command = /"schema": "urn:danvan:(\w+):/.exec(result.stdout)?.[1] === 'tonghop' ? 'tonghop' : 'kiemtra';
  return parseJsonOutput(result.stdout, command);
}


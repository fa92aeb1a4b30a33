// Runs the built danvan CLI as a user would, in a temporary working directory, and captures what it prints.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = join(ROOT, 'fixtures');
export const CONFIG = join(FIXTURES, 'danvan.config.json');
const BIN = join(ROOT, 'bin', 'danvan.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function tempDir(prefix = 'danvan-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function danvan(args: string[], cwd: string, env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
    // tonghop --json on hundreds of units carries every source cell: megabytes, past spawnSync's 1 MB default.
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fingerprint of a folder (names, sizes, contents, mtimes), to prove that danvan left it alone. */
export function folderFingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const stats = statSync(path);
      hash.update(`${relative(dir, path)}|${stats.size}|${stats.mtimeMs}\n`);
      if (stats.isDirectory()) walk(path);
      else hash.update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** No stack trace may ever reach a user. */
export function expectNoStackTrace(result: CliResult): void {
  const all = result.stdout + result.stderr;
  if (/\n\s+at .+:\d+:\d+/.test(all) || /Lỗi nội bộ/.test(all)) {
    throw new Error(`stack trace or internal error in output:\n${all.slice(0, 2000)}`);
  }
}

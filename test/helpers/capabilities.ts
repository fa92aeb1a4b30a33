/**
 * What the machine running the tests can do, so that a test needing a POSIX feature skips (visibly) where it is
 * missing instead of failing on Windows: programs found on PATH without a shell, symbolic links, signals sent to
 * a child, stand-in programs written as scripts with a shebang. And paths compared independently of "\" or "/".
 */
import { mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const WINDOWS = process.platform === 'win32';

/** The program `command` on PATH (with PATHEXT's extensions on Windows), found without a shell; null if none. */
export function findOnPath(command: string): string | null {
  const extensions = WINDOWS ? ['', ...(process.env['PATHEXT'] ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)] : [''];
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const ext of extensions) {
      const candidate = join(dir.replace(/^"(.*)"$/, '$1'), command + ext);
      try {
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

let symlinks: boolean | undefined;

/** Whether this account can create symbolic links (Windows needs Developer Mode or an administrator). */
export function canSymlink(): boolean {
  if (symlinks === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'danvan-cap-'));
    try {
      writeFileSync(join(dir, 'a'), '');
      symlinkSync(join(dir, 'a'), join(dir, 'b'));
      symlinks = true;
    } catch {
      symlinks = false;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    if (!symlinks) console.warn('SKIPPED symbolic-link tests: this account cannot create symbolic links');
  }
  return symlinks;
}

/** Stand-in programs written as "#!/bin/sh" scripts run only where the kernel reads shebangs (not on Windows). */
export const SHEBANG_SCRIPTS = !WINDOWS;

/** A child process can be sent SIGINT, SIGTERM or SIGHUP and handle it (Windows ends it outright). */
export const POSIX_SIGNALS = !WINDOWS;

/** A path with "/" as its only separator, to compare paths the same way on every system. */
export const slash = (path: string): string => (WINDOWS ? path.replace(/\\/g, '/') : path);

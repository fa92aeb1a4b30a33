/**
 * The marks the terminal report puts before each file and job: ✓ valid, ✗ to fix, ○ superseded. The Windows 10
 * console (conhost, with Consolas or Lucida Console) has no ✓ or ✗ and shows boxes; it does have √ and × (both in
 * the WGL4 set every Windows console font covers). Windows Terminal (the default of Windows 11), the VS Code
 * terminal and every other system show the originals, and so does output sent to a pipe or a file (UTF-8 text,
 * read by another program). DANVAN_KY_HIEU=unicode or =wgl4 chooses either set.
 */
export interface Marks {
  ok: string;
  bad: string;
  superseded: string;
}

const UNICODE: Marks = { ok: '✓', bad: '✗', superseded: '○' };
const CONSOLE_SAFE: Marks = { ok: '√', bad: '×', superseded: '○' };

/** The marks for this terminal; platform and environment injectable for tests. */
export function marksFor(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, console: boolean = process.stdout.isTTY === true): Marks {
  const chosen = env['DANVAN_KY_HIEU'];
  if (chosen === 'unicode') return UNICODE;
  if (chosen === 'wgl4') return CONSOLE_SAFE;
  if (platform !== 'win32' || !console) return UNICODE;
  const modernTerminal = Boolean(env['WT_SESSION']) || env['TERM_PROGRAM'] === 'vscode' || Boolean(env['ConEmuANSI']);
  return modernTerminal ? UNICODE : CONSOLE_SAFE;
}

/** The marks of this process, chosen once. */
export const MARKS: Marks = marksFor();

/**
 * The feedback folder of `kiemtra --phan-hoi DIR`: refused inside an input folder, created when missing, never
 * holding a different file overwritten without --force, each file written at once. One place, so that it can move
 * onto a general output plan later.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { OutputError } from '../diagnostics/errors.js';
import { feedbackMsg } from '../messages/vi.js';
import { writeFileAtomic } from './atomic-write.js';

function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Refuses, before anything is read, a folder that is a file or lies in (or is) an input folder. For a file named
 * as an input, its own folder counts as an input folder: a copy there would take the original's name.
 */
export function checkFeedbackDir(dir: string, inputs: readonly string[], cwd: string): void {
  const absolute = resolve(cwd, dir);
  if (existsSync(absolute) && !statSync(absolute).isDirectory()) throw new OutputError(feedbackMsg.dirIsFile(dir));
  for (const input of inputs) {
    const path = resolve(cwd, input);
    let folder: string;
    try {
      folder = statSync(path).isDirectory() ? path : dirname(path);
    } catch {
      continue;
    }
    if (absolute === folder) throw new OutputError(feedbackMsg.dirIsInput(dir));
    if (inside(absolute, folder)) throw new OutputError(feedbackMsg.dirInInput(dir, input));
  }
}

export interface WrittenFeedback {
  written: string[];
  /** Files already there with the same bytes. */
  unchanged: string[];
}

/** Writes every file, or none: a different file already in the folder needs --force. */
export function writeFeedbackDir(dir: string, files: readonly { path: string; bytes: Uint8Array }[], options: { force: boolean; cwd: string }): WrittenFeedback {
  const root = resolve(options.cwd, dir);
  const conflicts: string[] = [];
  const unchanged: string[] = [];
  for (const file of files) {
    const target = join(root, file.path);
    if (!existsSync(target)) continue;
    if (statSync(target).isDirectory()) throw new OutputError(feedbackMsg.notADirectory(target));
    if (Buffer.compare(readFileSync(target), Buffer.from(file.bytes)) === 0) unchanged.push(file.path);
    else if (!options.force) conflicts.push(file.path);
  }
  if (conflicts.length) throw new OutputError(feedbackMsg.overwrite(dir, conflicts));
  const written: string[] = [];
  for (const file of files) {
    if (unchanged.includes(file.path)) continue;
    const target = join(root, file.path);
    try {
      mkdirSync(dirname(target), { recursive: true });
    } catch {
      throw new OutputError(feedbackMsg.notADirectory(dirname(target)));
    }
    writeFileAtomic(target, file.bytes);
    written.push(file.path);
  }
  return { written, unchanged };
}

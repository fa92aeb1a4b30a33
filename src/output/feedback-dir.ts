/**
 * The feedback folder of `kiemtra --phan-hoi DIR`: refused inside an input folder, created when missing, never
 * holding a different file overwritten without --force, written through the OutputPlan.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { OutputError } from '../diagnostics/errors.js';
import { feedbackMsg } from '../messages/vi.js';
import { OutputPlan } from './plan.js';

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

/**
 * Writes every file, or none: a different file already in the folder needs --force (all of them are named at
 * once); a file holding the same bytes is left untouched. The files go through an OutputPlan like every other
 * output: checked against the inputs, staged, committed together, taken back on Ctrl-C.
 */
export function writeFeedbackDir(
  dir: string,
  files: readonly { path: string; bytes: Uint8Array }[],
  options: { force: boolean; cwd: string; inputs: readonly string[] },
): WrittenFeedback {
  const root = resolve(options.cwd, dir);
  const conflicts: string[] = [];
  for (const file of files) {
    const target = join(root, file.path);
    if (!existsSync(target)) continue;
    if (statSync(target).isDirectory()) throw new OutputError(feedbackMsg.notADirectory(target));
    if (!options.force && Buffer.compare(readFileSync(target), Buffer.from(file.bytes)) !== 0) conflicts.push(file.path);
  }
  if (conflicts.length) throw new OutputError(feedbackMsg.overwrite(dir, conflicts));
  for (const file of files) {
    try {
      mkdirSync(dirname(join(root, file.path)), { recursive: true });
    } catch {
      throw new OutputError(feedbackMsg.notADirectory(dirname(join(root, file.path))));
    }
  }
  const plan = new OutputPlan({ cwd: options.cwd, force: options.force });
  plan.addInputs(options.inputs);
  try {
    for (const file of files) plan.add('--phan-hoi', join(root, file.path));
    for (const file of files) plan.write(join(root, file.path), file.bytes);
    const done = plan.commit();
    const shown = (path: string) => relative(root, resolve(options.cwd, path));
    return { written: done.written.map(shown), unchanged: done.unchanged.map(shown) };
  } finally {
    plan.discard();
  }
}

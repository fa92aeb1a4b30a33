/**
 * Before any job of a batch runs: every folder a job writes into exists, or can be made, and can be written to.
 * A folder that is missing is created here, up front, and said so in the table; a folder that cannot be made or
 * written refuses the whole batch (exit 2, no job run), naming the folder, the job's key and why.
 */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { batchMsg } from '../messages/vi.js';
import type { Batch, BatchJob } from './batch-file.js';
import { BatchFileError } from './json.js';

const OUTPUT_KEYS = ['output', 'xlsx', 'doiChieu', 'pdf'] as const;

/** A folder made for the batch: as the batch file names it (relative to the batch file's folder) and the job that needs it. */
export interface CreatedFolder {
  folder: string;
  jobIndex: number;
}

function isDirectory(path: string): boolean | null {
  try {
    return statSync(path).isDirectory();
  } catch {
    return null;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why `folder` cannot receive the job's output, or null; `missing` the folders to create for it, outermost first. */
function inspect(folder: string): { problem: 'file' | 'read-only' | 'parent-file' | 'parent-read-only' | null; blocker: string; missing: string[] } {
  const missing: string[] = [];
  let current = folder;
  for (;;) {
    const kind = isDirectory(current);
    if (kind === true) {
      if (!writable(current)) return { problem: missing.length ? 'parent-read-only' : 'read-only', blocker: current, missing };
      return { problem: null, blocker: current, missing: missing.reverse() };
    }
    if (kind === false) return { problem: missing.length ? 'parent-file' : 'file', blocker: current, missing };
    missing.push(current);
    const parent = dirname(current);
    // The root of a drive that does not exist: nothing to create it in.
    if (parent === current) return { problem: 'parent-file', blocker: current, missing };
    current = parent;
  }
}

/**
 * Checks the output folders of every job; refuses the batch (BatchFileError, listing every problem by job) or
 * creates the missing folders and returns them, by job, before any job runs.
 */
export function prepareOutputFolders(batch: Batch): CreatedFolder[] {
  const problems: string[] = [];
  const toCreate = new Map<string, CreatedFolder>();
  batch.jobs.forEach((job: BatchJob, i) => {
    for (const key of OUTPUT_KEYS) {
      const path = job[key];
      if (!path) continue;
      const folder = dirname(resolve(job.cwd, path));
      const shown = relative(job.cwd, folder) || '.';
      const { problem, blocker, missing } = inspect(folder);
      const blockerShown = relative(job.cwd, blocker) || '.';
      if (problem) problems.push(batchMsg.outputFolder(`jobs[${i}].${key}`, shown, problem, blockerShown));
      else for (const created of missing) if (!toCreate.has(created)) toCreate.set(created, { folder: relative(job.cwd, created) || '.', jobIndex: job.index });
    }
  });
  if (problems.length) throw new BatchFileError(batchMsg.problems(batch.file, [...new Set(problems)]), batch.file);
  const created: CreatedFolder[] = [];
  for (const [absolute, entry] of toCreate) {
    try {
      mkdirSync(absolute, { recursive: true });
      created.push(entry);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      throw new BatchFileError(batchMsg.problems(batch.file, [batchMsg.outputFolderFailed(entry.folder, code)]), batch.file);
    }
  }
  return created;
}

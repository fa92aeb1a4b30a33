/** Expands the files and folders a user names into submission candidates, noting every file it passes over. */
import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, isAbsolute } from 'node:path';
import { UsageError } from '../diagnostics/errors.js';

/** Extensions worth opening: .xlsx, and the formats people send by mistake, which get a precise message. */
const CANDIDATE_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.ods']);

export type SkipReason = 'lock-file' | 'hidden' | 'not-a-spreadsheet';

export interface SkippedFile {
  file: string;
  reason: SkipReason;
}

export interface Discovery {
  /** Paths to check, as the user will see them, sorted so that every run processes them in the same order. */
  files: string[];
  skipped: SkippedFile[];
}

/** A path as shown to the user: relative to the working directory when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const absolute = resolve(cwd, path);
  const rel = relative(cwd, absolute);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
}

function classify(name: string): SkipReason | 'candidate' {
  if (name.startsWith('~$')) return 'lock-file';
  if (name.startsWith('.')) return 'hidden';
  return CANDIDATE_EXTENSIONS.has(extname(name).toLowerCase()) ? 'candidate' : 'not-a-spreadsheet';
}

export function discoverInputs(inputs: readonly string[], cwd = process.cwd()): Discovery {
  if (inputs.length === 0) throw new UsageError('Chưa chỉ ra tệp hoặc thư mục báo cáo cần xử lý.');
  const files = new Set<string>();
  const skipped: SkippedFile[] = [];

  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.')) continue; // .git and the like are not where reports live
        walk(path);
      } else if (entry.isFile()) {
        const kind = classify(entry.name);
        if (kind === 'candidate') files.add(displayPath(path, cwd));
        else skipped.push({ file: displayPath(path, cwd), reason: kind });
      }
    }
  };

  for (const input of inputs) {
    const path = resolve(cwd, input);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new UsageError(`Không tìm thấy tệp hoặc thư mục "${input}".`);
    }
    if (stats.isDirectory()) walk(path);
    else if (basename(path).startsWith('~$')) skipped.push({ file: displayPath(path, cwd), reason: 'lock-file' });
    // A file named explicitly is always checked: the user wants to hear about it, whatever its name.
    else files.add(displayPath(path, cwd));
  }
  return { files: [...files].sort(), skipped };
}

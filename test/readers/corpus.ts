/** Where the test workbooks are: the project's fixtures and the shared public corpus (absent in a user's clone). */

import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = join(ROOT, 'fixtures');
/** The public corpus lives beside the repository (../shared/corpus); DANVAN_CORPUS may point elsewhere. */
export const CORPUS = process.env['DANVAN_CORPUS'] ?? resolve(ROOT, '../shared/corpus');

/** Every file under `dir`, recursively, sorted (so samples are deterministic); [] when it does not exist. */
export function listFiles(dir: string, filter: (name: string) => boolean = () => true): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path, filter));
    else if (entry.isFile() && filter(entry.name)) out.push(path);
  }
  return out.sort();
}

export const isXlsx = (name: string): boolean => name.toLowerCase().endsWith('.xlsx');

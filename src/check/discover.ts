/** Expands the files and folders a user names into submission candidates, noting every file it passes over. */
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, extname, join, relative, resolve, isAbsolute, sep as pathSep } from 'node:path';
import { FileAccessError, UsageError } from '../diagnostics/errors.js';
import { fsMsg } from '../messages/vi.js';

/** Extensions worth opening: .xlsx, and the formats people send by mistake, which get a precise message. */
const CANDIDATE_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.ods']);

/**
 * Why a path under the inputs is not checked. link-loop: a symbolic link that leads back to itself, or to a
 * folder that contains it; broken-link: a link to nothing; duplicate: the same file or folder reached a second
 * time (through a link or a second input), checked once; not-a-file: a pipe, a socket, a device. The JSON
 * schema's enum (docs/json/common.schema.json) lists the same values, tested.
 */
export const SKIP_REASONS = ['lock-file', 'hidden', 'not-a-spreadsheet', 'word-report', 'link-loop', 'broken-link', 'duplicate', 'not-a-file'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface SkippedFile {
  file: string;
  reason: SkipReason;
  /** For 'duplicate': the path under which that file or folder is checked. */
  sameAs?: string;
}

export interface Discovery {
  /** Paths to check, as the user will see them, sorted so that every run processes them in the same order. */
  files: string[];
  skipped: SkippedFile[];
  /** Real paths (links resolved) of every file checked and every folder walked: outputs must stay off them. */
  realFiles: string[];
  realDirs: string[];
}

/** A path as shown to the user: relative to the working directory when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const absolute = resolve(cwd, path);
  const rel = relative(cwd, absolute);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
}

/**
 * Folders Windows keeps for itself on a drive or a USB stick (System and Hidden, most not even readable:
 * walking into "System Volume Information" stopped `danvan kiemtra E:\` with exit 2). Node cannot read the
 * Hidden and System attributes, so they are known by name, without case. Skipped like ".git".
 */
const SYSTEM_FOLDERS = new Set(['system volume information', '$recycle.bin', 'recycler', '$recycled', 'config.msi', '$winreagent', '$sysreset', '$windows.~bt', '$windows.~ws', '$getcurrent']);
/** Files Windows Explorer writes into folders (Hidden and System): folder settings, thumbnail caches. Skipped without a word. */
const SYSTEM_FILES = new Set(['desktop.ini', 'thumbs.db', 'ehthumbs.db', 'ehthumbs_vista.db']);

/** Whether a folder is skipped without a word: a dot folder (.git and the like) or one of Windows' own. */
export function isSystemFolder(name: string): boolean {
  return name.startsWith('.') || SYSTEM_FOLDERS.has(name.toLowerCase());
}

/**
 * Paths in an order that does not depend on the separator: "nop\a.xlsx" and "nop2\b.xlsx" on Windows come in
 * the order of "nop/a.xlsx" and "nop2/b.xlsx" elsewhere (a backslash sorts after digits and capitals, "/" before).
 */
export function sortPaths(paths: Iterable<string>, sep: string = pathSep): string[] {
  const slashed = (path: string) => (sep === '\\' ? path.replace(/\\/g, '/') : path);
  return [...paths].map((path) => ({ path, key: slashed(path) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((e) => e.path);
}

/** A unit's report typed in Word: `danvan nhap` turns it into the form, which is what to tell the user. */
const WORD_EXTENSIONS = new Set(['.docx', '.doc', '.docm', '.rtf']);

function classify(name: string): SkipReason | 'candidate' {
  if (name.startsWith('~$')) return 'lock-file';
  if (name.startsWith('.')) return 'hidden';
  if (WORD_EXTENSIONS.has(extname(name).toLowerCase())) return 'word-report';
  return CANDIDATE_EXTENSIONS.has(extname(name).toLowerCase()) ? 'candidate' : 'not-a-spreadsheet';
}

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException)?.code;
}

function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

/**
 * The files under the inputs. Folders are walked recursively in name order; a symbolic link is followed
 * once: to a file, that file is a candidate; to a folder, it is walked unless it was walked already (a loop
 * or an alias, listed as skipped); a link to nothing or to itself is listed as skipped. A file reached twice
 * (through links or two inputs) is checked once, under the first path that reached it. A folder that cannot
 * be read is a FileAccessError: the result would silently miss its files otherwise.
 */
export function discoverInputs(inputs: readonly string[], cwd = process.cwd()): Discovery {
  if (inputs.length === 0) throw new UsageError('Chưa chỉ ra tệp hoặc thư mục báo cáo cần xử lý.');
  const files = new Set<string>();
  const skipped: SkippedFile[] = [];
  /** Real path of each file taken → the path it is checked under. */
  const fileByReal = new Map<string, string>();
  /** Real path of each folder walked → the path it was walked under. */
  const dirByReal = new Map<string, string>();

  const addFile = (path: string, real: string) => {
    const shown = displayPath(path, cwd);
    const first = fileByReal.get(real);
    if (first !== undefined) {
      if (first !== shown) skipped.push({ file: shown, reason: 'duplicate', sameAs: first });
      return;
    }
    fileByReal.set(real, shown);
    files.add(shown);
  };

  /** `ancestors`: real paths of the folders on the way down, to tell a loop from an alias. */
  const walk = (dir: string, real: string, ancestors: readonly string[]) => {
    dirByReal.set(real, displayPath(dir, cwd));
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      throw new FileAccessError(fsMsg.readDir(displayPath(dir, cwd), errnoOf(error)));
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const chain = [...ancestors, real];
    for (const entry of entries) {
      const path = join(dir, entry.name);
      let kind: 'dir' | 'file' | 'other';
      let linked = false;
      if (entry.isSymbolicLink()) {
        linked = true;
        let target: Stats;
        try {
          target = statSync(path);
        } catch (error) {
          const errno = errnoOf(error);
          if (errno === 'ELOOP') skipped.push({ file: displayPath(path, cwd), reason: 'link-loop' });
          else if (errno === 'ENOENT' || errno === 'ENOTDIR') skipped.push({ file: displayPath(path, cwd), reason: 'broken-link' });
          else throw new FileAccessError(fsMsg.open(displayPath(path, cwd), errno));
          continue;
        }
        kind = target.isDirectory() ? 'dir' : target.isFile() ? 'file' : 'other';
      } else {
        kind = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
      }

      if (kind === 'dir') {
        if (isSystemFolder(entry.name)) continue; // .git, System Volume Information and the like are not where reports live
        const targetReal = realPath(path);
        if (linked && chain.includes(targetReal)) {
          skipped.push({ file: displayPath(path, cwd), reason: 'link-loop' });
        } else if (dirByReal.has(targetReal)) {
          skipped.push({ file: displayPath(path, cwd), reason: 'duplicate', sameAs: dirByReal.get(targetReal)! });
        } else {
          walk(path, targetReal, chain);
        }
        continue;
      }
      if (SYSTEM_FILES.has(entry.name.toLowerCase())) continue;
      const reason = classify(entry.name);
      if (reason === 'hidden' || reason === 'lock-file') {
        skipped.push({ file: displayPath(path, cwd), reason });
      } else if (kind === 'other') {
        skipped.push({ file: displayPath(path, cwd), reason: 'not-a-file' });
      } else if (reason === 'candidate') {
        addFile(path, realPath(path));
      } else {
        skipped.push({ file: displayPath(path, cwd), reason });
      }
    }
  };

  for (const input of inputs) {
    const path = resolve(cwd, input);
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (error) {
      const errno = errnoOf(error);
      if (errno === 'ENOENT' || errno === 'ENOTDIR') throw new UsageError(`Không tìm thấy tệp hoặc thư mục "${input}".`);
      if (errno === 'ELOOP') throw new UsageError(`"${input}" là liên kết tượng trưng (symlink) trỏ vòng, không dẫn tới tệp hay thư mục nào.`);
      throw new FileAccessError(fsMsg.open(input, errno));
    }
    if (stats.isDirectory()) {
      const real = realPath(path);
      if (dirByReal.has(real)) skipped.push({ file: displayPath(path, cwd), reason: 'duplicate', sameAs: dirByReal.get(real)! });
      else walk(path, real, []);
    } else if (basename(path).startsWith('~$')) {
      skipped.push({ file: displayPath(path, cwd), reason: 'lock-file' });
    } else {
      // A file named explicitly is always checked: the user wants to hear about it, whatever its name.
      addFile(path, realPath(path));
    }
  }
  return { files: sortPaths(files), skipped, realFiles: [...fileByReal.keys()], realDirs: [...dirByReal.keys()] };
}

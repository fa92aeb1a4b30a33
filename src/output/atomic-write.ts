/** Writes an output file all at once: a temporary file beside it, then a rename, so no reader ever sees half a file. */
import { existsSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { OutputError } from '../diagnostics/errors.js';

/** Refuses before any work is done: an existing file without --force, a missing folder, a path inside an input folder. */
export function checkOutputPath(path: string, options: { force: boolean; inputDirs: readonly string[]; flag: string }): void {
  const absolute = resolve(path);
  if (!existsSync(dirname(absolute))) throw new OutputError(`Thư mục "${dirname(path)}" để ghi ${options.flag} không tồn tại.`);
  for (const dir of options.inputDirs) {
    const rel = relative(resolve(dir), absolute);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) {
      throw new OutputError(`Không ghi "${path}" vào thư mục báo cáo đầu vào "${dir}" (danvan không thay đổi thư mục đầu vào). Hãy chọn nơi khác bằng ${options.flag}.`);
    }
  }
  if (existsSync(absolute) && !options.force) {
    throw new OutputError(`Tệp "${path}" đã có; danvan không ghi đè. Dùng --force để ghi đè hoặc chọn tên khác bằng ${options.flag}.`);
  }
}

export function writeFileAtomic(path: string, data: Uint8Array): void {
  const absolute = resolve(path);
  const temporary = join(dirname(absolute), `.${basename(absolute)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, absolute);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was written, or it is already gone
    }
    throw new OutputError(`Không ghi được tệp "${path}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
}

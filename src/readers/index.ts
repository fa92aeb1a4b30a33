/** Entry point of the readers: a file path in, a RawWorkbook or an UnreadableWorkbookError out, nothing else. */

import { readFile, stat } from 'node:fs/promises';
import { readXlsxArchive } from './fast-reader.js';
import { sniffWorkbook } from './sniff.js';
import { UnreadableWorkbookError, type RawWorkbook } from './types.js';

export { FastXlsxReader, readXlsxArchive } from './fast-reader.js';
export { ExceljsReader } from './exceljs-reader.js';
export { sniffWorkbook, type SniffResult } from './sniff.js';
export * from './types.js';

/** A submission is a few dozen KB; anything past this is refused before it is read. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface ReadOptions {
  /** Size limit in bytes (default `DEFAULT_MAX_BYTES`); a larger file is 'too-large' without being read. */
  maxBytes?: number;
}

/**
 * Reads one workbook file with the fast reader. Errors of the file system (missing file, no permission)
 * are passed through as they are; every problem of the content is an UnreadableWorkbookError.
 */
export async function readWorkbookFile(path: string, options: ReadOptions = {}): Promise<RawWorkbook> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const info = await stat(path);
  if (info.size > maxBytes) {
    throw new UnreadableWorkbookError('too-large', `${info.size} bytes, limit ${maxBytes}`);
  }
  const bytes = await readFile(path);
  // The file may have grown between stat and read.
  if (bytes.length > maxBytes) throw new UnreadableWorkbookError('too-large', `${bytes.length} bytes, limit ${maxBytes}`);
  return readWorkbookBytes(bytes);
}

/** Same as `readWorkbookFile` for bytes already in memory. */
export function readWorkbookBytes(bytes: Uint8Array): RawWorkbook {
  const sniff = sniffWorkbook(bytes);
  if (!sniff.ok) throw new UnreadableWorkbookError(sniff.reason, sniff.detail);
  try {
    return readXlsxArchive(sniff.zip, sniff.workbookPart);
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) throw error;
    // A bug of ours or an input nobody foresaw: still a clear "corrupt", never a raw exception.
    throw new UnreadableWorkbookError('corrupt', `unexpected: ${(error as Error)?.message ?? String(error)}`);
  }
}

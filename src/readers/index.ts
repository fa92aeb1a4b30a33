/** Entry point of the readers: a file path in, a RawWorkbook or an UnreadableWorkbookError out, nothing else. */

import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { FastXlsxReader } from './fast-reader.js';
import { OdsReader } from './ods-reader.js';
import { looksLikeXls } from './sniff.js';
import { UnreadableWorkbookError, type RawWorkbook } from './types.js';
import { convertXlsToXlsx, type XlsConvertOptions } from './xls-convert.js';

export { FastXlsxReader, readXlsxArchive } from './fast-reader.js';
export { OdsReader, readOdsArchive } from './ods-reader.js';
export { convertXlsToXlsx, findSoffice } from './xls-convert.js';
export { ExceljsReader } from './exceljs-reader.js';
export { sniffWorkbook, type SniffResult } from './sniff.js';
export * from './types.js';

/** A submission is a few dozen KB; anything past this is refused before it is read. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

const fastReader = new FastXlsxReader();
const odsReader = new OdsReader();

export interface ReadOptions {
  /** Size limit in bytes (default `DEFAULT_MAX_BYTES`); a larger file is 'too-large' without being read. */
  maxBytes?: number;
  /** How a legacy .xls is converted (LibreOffice); `false` refuses it without trying. */
  xls?: XlsConvertOptions | false;
}

/**
 * Reads one workbook file: .xlsx with the fast reader, .ods with the ODS reader, .xls converted by
 * LibreOffice when it is installed. Errors of the file system (missing file, no permission) are passed
 * through as they are; every problem of the content is an UnreadableWorkbookError.
 */
export async function readWorkbookFile(path: string, options: ReadOptions = {}): Promise<RawWorkbook> {
  const bytes = readFileBytes(path, options.maxBytes ?? DEFAULT_MAX_BYTES);
  try {
    return readWorkbookBytes(bytes);
  } catch (error) {
    if (!(error instanceof UnreadableWorkbookError) || error.reason !== 'legacy-xls' || options.xls === false) throw error;
    // Only a real .xls is worth the seconds LibreOffice takes to start.
    if (!looksLikeXls(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) throw new UnreadableWorkbookError('legacy-xls', 'not-xls');
    const converted = await convertXlsToXlsx(bytes, options.xls);
    try {
      return fastReader.read(converted);
    } catch (inner) {
      if (inner instanceof UnreadableWorkbookError) throw new UnreadableWorkbookError('legacy-xls', `convert-failed: ${inner.message}`);
      throw inner;
    }
  }
}

/**
 * The file's bytes, refusing what is too large or not a regular file before reading. Synchronous on
 * purpose: for files of a few dozen KB, fs/promises' round trips cost more than the parsing itself.
 */
function readFileBytes(path: string, maxBytes: number): Uint8Array {
  // A FIFO or device would block or never end; only a regular file is read.
  const info = statSync(path);
  if (!info.isFile()) throw new UnreadableWorkbookError('not-a-zip', 'not a regular file');
  if (info.size > maxBytes) throw new UnreadableWorkbookError('too-large', `${info.size} bytes, limit ${maxBytes}`);
  // Opened without blocking: had a FIFO replaced the file since the stat, opening it would wait for a writer.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    // The file actually opened (it may have been replaced or grown since the stat).
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw new UnreadableWorkbookError('not-a-zip', 'not a regular file');
    const size = opened.size;
    if (size > maxBytes) throw new UnreadableWorkbookError('too-large', `${size} bytes, limit ${maxBytes}`);
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return read === size ? bytes : bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Same as `readWorkbookFile` for bytes already in memory, without .xls conversion. */
export function readWorkbookBytes(bytes: Uint8Array): RawWorkbook {
  try {
    return fastReader.read(bytes);
  } catch (error) {
    // The sniff found an OpenDocument package: the ODS reader opens it (again: cheap next to the rest).
    if (error instanceof UnreadableWorkbookError && error.reason === 'ods') return odsReader.read(bytes);
    throw error;
  }
}

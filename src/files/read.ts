/**
 * Reading the small text files a user hands danvan (config, template): only a regular file, never more
 * than a limit, and only UTF-8. Failures are FileReadError with a kind the caller turns into its message.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';

export type FileReadProblem =
  /** Nothing at that path. */
  | 'not-found'
  /** A folder, FIFO, socket or device: reading it would fail, block or never end. */
  | 'not-regular'
  /** Larger than the limit. */
  | 'too-large'
  /** Not UTF-8 (`offset` is the first bad byte). */
  | 'not-utf8'
  /** Any other error of the file system (`errno`: EACCES, EIO…). */
  | 'io';

export class FileReadError extends Error {
  constructor(
    readonly problem: FileReadProblem,
    readonly details: { offset?: number; errno?: string; size?: number } = {},
  ) {
    super(`${problem}${details.errno ? ` (${details.errno})` : ''}`);
  }
}

/**
 * The bytes of a regular file of at most `maxBytes`. The file is opened without blocking (a FIFO would
 * otherwise wait for a writer) and checked on the open descriptor, so nothing swapped in after a check is
 * read; at most `maxBytes + 1` bytes are read whatever the file's size says.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw fromErrno(error);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new FileReadError('not-regular');
    if (info.size > maxBytes) throw new FileReadError('too-large', { size: info.size });
    const buffer = Buffer.allocUnsafe(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) throw new FileReadError('too-large', { size: length });
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw fromErrno(error);
  } finally {
    closeSync(fd);
  }
}

/** A regular file of at most `maxBytes`, decoded as UTF-8 (a byte order mark is dropped); anything else is refused. */
export function readUtf8File(path: string, maxBytes: number): string {
  return decodeUtf8(readRegularFile(path, maxBytes));
}

/** UTF-8 bytes as text, without a leading byte order mark; FileReadError('not-utf8') with the offset of the first bad byte. */
export function decodeUtf8(bytes: Uint8Array): string {
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  if (!isUtf8(body)) throw new FileReadError('not-utf8', { offset: start + firstInvalidUtf8(body) });
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  const cont = (i: number, lo = 0x80, hi = 0xbf) => i < n && bytes[i]! >= lo && bytes[i]! <= hi;
  for (let i = 0; i < n; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
    } else if (b >= 0xc2 && b <= 0xdf) {
      if (!cont(i + 1)) return i;
      i += 2;
    } else if (b >= 0xe0 && b <= 0xef) {
      // No overlong forms (E0 A0..), no surrogates (ED ..9F).
      const lo = b === 0xe0 ? 0xa0 : 0x80;
      const hi = b === 0xed ? 0x9f : 0xbf;
      if (!cont(i + 1, lo, hi) || !cont(i + 2)) return i;
      i += 3;
    } else if (b >= 0xf0 && b <= 0xf4) {
      // Nothing above U+10FFFF, no overlong forms.
      const lo = b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xf4 ? 0x8f : 0xbf;
      if (!cont(i + 1, lo, hi) || !cont(i + 2) || !cont(i + 3)) return i;
      i += 4;
    } else {
      return i;
    }
  }
  return -1;
}

function fromErrno(error: unknown): FileReadError {
  const errno = (error as NodeJS.ErrnoException)?.code;
  if (errno === 'ENOENT') return new FileReadError('not-found', { errno });
  if (errno === 'EISDIR') return new FileReadError('not-regular', { errno });
  return new FileReadError('io', { errno: errno ?? String((error as Error)?.message ?? error) });
}

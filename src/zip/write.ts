/** The deterministic ZIP writer (deflate via node:zlib) for OOXML packages; reading is src/zip/read.ts. */

import { once } from 'node:events';
import * as zlib from 'node:zlib';
import { crc32 } from './crc32.js';
import { ZipArchive } from './read.js';

export { crc32 };

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** A part given as pieces in order (text as UTF-8), deflated as they come: a large part is never one string. */
export interface StreamedZipEntry {
  name: string;
  chunks: Iterable<string | Uint8Array>;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
/** Sizes and offsets of a ZIP without the ZIP64 extension are 32-bit. */
const ZIP32_MAX = 0xffffffff;
const DEFLATE_LEVEL = 9;

/**
 * Reads every file entry of a ZIP archive (directories skipped), checking each CRC. The parsing is the
 * workbook reader's (one zip reader in the project), without its size limit for submissions: this reads
 * danvan's own output, which may hold a part of hundreds of megabytes. This adds the CRC check a repacker wants.
 */
export function readZip(zip: Buffer): ZipEntry[] {
  let archive: ZipArchive;
  try {
    archive = ZipArchive.open(zip, undefined, { maxEntryBytes: Number.POSITIVE_INFINITY });
  } catch (error) {
    throw new Error(`not a ZIP archive: ${(error as Error).message}`);
  }
  return archive.entries
    .filter((entry) => !entry.name.endsWith('/'))
    .map((entry) => {
      const data = Buffer.from(archive.extract(entry));
      if (crc32(data) !== entry.crc32) throw new Error(`CRC mismatch for ${entry.name}`);
      return { name: entry.name, data };
    });
}

const UTF8_NAMES = 0x0800;

/** An entry ready to store: its bytes as stored, how (0 stored, 8 deflated), its size and CRC-32 uncompressed. */
export interface PackedZipEntry {
  name: string;
  method?: 0 | 8;
  compressed: Uint8Array;
  size: number;
  crc: number;
}
type Deflated = PackedZipEntry;

/** MS-DOS time and date words of every entry. */
export interface DosStamp {
  time: number;
  date: number;
}

/** 1980-01-01 00:00:00, the earliest DOS date: no build time leaks into the archive. */
export const EARLIEST_DOS_STAMP: DosStamp = { time: 0, date: (0 << 9) | (1 << 5) | 1 };

/** The DOS time and date words (2-second resolution, years 1980–2107) of the UTC fields of `date`. */
export function dosStamp(date: Date): DosStamp {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

function deflateEntry(entry: ZipEntry): Deflated {
  return { name: entry.name, compressed: zlib.deflateRawSync(entry.data, { level: DEFLATE_LEVEL }), size: entry.data.length, crc: crc32(entry.data) };
}

/**
 * Deflates pieces through a zlib stream (in libuv's thread pool, so the next pieces are made meanwhile).
 * Deflate's output does not depend on how its input was cut, so the bytes equal a one-shot deflate's.
 */
async function deflateStreamed(entry: StreamedZipEntry): Promise<Deflated> {
  // A buffer of a few pieces lets the next ones be made while zlib deflates (in libuv's thread pool).
  // (zlib streams pass stream options on to Transform; @types/node's ZlibOptions does not list them.)
  const deflate = zlib.createDeflateRaw({ level: DEFLATE_LEVEL, writableHighWaterMark: 8 * 1024 * 1024 } as zlib.ZlibOptions);
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const finished = once(deflate, 'end');
  let size = 0;
  let crc = 0;
  for (const piece of entry.chunks) {
    if (piece.length === 0) continue;
    const data = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    size += data.length;
    crc = crc32(data, crc);
    if (!deflate.write(data)) await once(deflate, 'drain');
  }
  deflate.end();
  await finished;
  return { name: entry.name, compressed: Buffer.concat(out), size, crc };
}

/** Lays out local headers, data and the central directory of `parts`, in order, all stamped `stamp`. */
export function assembleZip(parts: readonly PackedZipEntry[], stamp: DosStamp = EARLIEST_DOS_STAMP): Buffer {
  const locals: Uint8Array[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const { compressed, crc, size } = part;
    const method = part.method ?? 8;
    if (size > ZIP32_MAX || offset > ZIP32_MAX) throw new Error(`zip: part ${part.name} needs ZIP64 (over 4 GiB), which this writer does not produce`);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG_LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(stamp.time, 10);
    local.writeUInt16LE(stamp.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(SIG_CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(stamp.time, 12);
    central.writeUInt16LE(stamp.date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + compressed.length;
  }
  if (offset > ZIP32_MAX) throw new Error('zip: archive needs ZIP64 (over 4 GiB), which this writer does not produce');
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG_END, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** Writes entries in the given order, deflated, with fixed timestamps and no extra fields. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  return assembleZip(entries.map(deflateEntry));
}

/** As writeZip, where some parts come as text pieces deflated as they are made (a large document.xml). */
export async function writeZipStreamed(entries: readonly (ZipEntry | StreamedZipEntry)[]): Promise<Buffer> {
  const parts: Deflated[] = [];
  for (const entry of entries) parts.push('data' in entry ? deflateEntry(entry) : await deflateStreamed(entry));
  return assembleZip(parts);
}

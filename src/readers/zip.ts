/** A minimal, defensive zip reader (stored and deflate entries) over bytes already in memory. */

import { inflateRawSync } from 'node:zlib';
import { UnreadableWorkbookError } from './types.js';

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;

/** No single part of a submission is anywhere near this; it stops a zip bomb before it fills memory. */
export const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

export interface ZipEntry {
  /** The name as stored (forward slashes, no leading slash). */
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** CRC-32 of the uncompressed data, as the directory declares it. */
  crc32: number;
}

/** Offset of the end-of-central-directory record, or -1; searched backwards because a comment may follow it. */
export function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const view = viewOf(bytes);
  const last = bytes.length - EOCD_SIZE;
  const stop = Math.max(0, last - MAX_COMMENT);
  for (let i = last; i >= stop; i--) {
    // Cheap first-byte test before the 32-bit read ('P' of "PK\x05\x06").
    if (bytes[i] !== 0x50 || view.getUint32(i, true) !== SIG_EOCD) continue;
    const commentLength = view.getUint16(i + 20, true);
    // A record whose comment would run past the end is a false match inside data (or a cut file).
    if (i + EOCD_SIZE + commentLength <= bytes.length) return i;
  }
  return -1;
}

export interface ZipOpenOptions {
  /**
   * Largest uncompressed entry accepted; default MAX_ENTRY_BYTES, the guard for submissions. danvan's own
   * output (the docx re-packer) passes Infinity: a limit for untrusted input must not fail a large report.
   */
  maxEntryBytes?: number;
}

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  private lowerNames: Map<string, ZipEntry> | undefined;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly maxEntryBytes: number,
  ) {}

  /** Parses the central directory; entry data is only inflated when asked for. */
  static open(bytes: Uint8Array, options: ZipOpenOptions = {}): ZipArchive {
    const zip = new ZipArchive(bytes, options.maxEntryBytes ?? MAX_ENTRY_BYTES);
    zip.parseDirectory();
    return zip;
  }

  get entries(): ZipEntry[] {
    return [...this.byName.values()];
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  /** Part names are case-insensitive in OPC; an exact match wins, then a case-folded one. */
  entry(name: string): ZipEntry | undefined {
    const exact = this.byName.get(name);
    if (exact) return exact;
    if (!this.lowerNames) {
      this.lowerNames = new Map();
      for (const [key, value] of this.byName) this.lowerNames.set(key.toLowerCase(), value);
    }
    return this.lowerNames.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  /** The uncompressed bytes of one entry, or undefined when there is no such entry. */
  read(name: string): Uint8Array | undefined {
    const entry = this.entry(name);
    return entry ? this.extract(entry) : undefined;
  }

  /** The bytes of one entry as stored (deflated or not), without its headers. */
  stored(entry: ZipEntry): Uint8Array {
    const { bytes } = this;
    const view = viewOf(bytes);
    const at = entry.localHeaderOffset;
    if (at + LOCAL_SIZE > bytes.length) throw new UnreadableWorkbookError('truncated', `zip entry ${entry.name}`);
    if (view.getUint32(at, true) !== SIG_LOCAL) throw corrupt(`bad local header of ${entry.name}`);
    // Local name/extra lengths may differ from the central directory's; the data starts after the local ones.
    const start = at + LOCAL_SIZE + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw new UnreadableWorkbookError('truncated', `zip entry ${entry.name}`);
    return bytes.subarray(start, end);
  }

  extract(entry: ZipEntry): Uint8Array {
    const data = this.stored(entry);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) throw corrupt(`stored size mismatch in ${entry.name}`);
      return data;
    }
    let out: Buffer;
    try {
      // The declared size bounds the output, so a lying header cannot inflate without limit.
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      throw corrupt(`cannot inflate ${entry.name}: ${(error as Error).message}`);
    }
    if (out.length !== entry.uncompressedSize) throw corrupt(`size mismatch in ${entry.name}`);
    return out;
  }

  private parseDirectory(): void {
    const { bytes } = this;
    const view = viewOf(bytes);
    const eocd = findEndOfCentralDirectory(bytes);
    if (eocd < 0) throw new UnreadableWorkbookError('truncated', 'no end of central directory');
    const disk = view.getUint16(eocd + 4, true);
    const cdDisk = view.getUint16(eocd + 6, true);
    const count = view.getUint16(eocd + 10, true);
    const cdSize = view.getUint32(eocd + 12, true);
    const cdOffset = view.getUint32(eocd + 16, true);
    const zip64 =
      (eocd >= 20 && view.getUint32(eocd - 20, true) === SIG_ZIP64_LOCATOR) ||
      count === 0xffff ||
      cdSize === 0xffffffff ||
      cdOffset === 0xffffffff;
    if (zip64) throw corrupt('zip64 archives are not supported');
    if (disk !== 0 || cdDisk !== 0) throw corrupt('multi-disk archive');
    if (cdOffset + cdSize > eocd) {
      // The directory claims to lie past its own end record: bytes are missing in the middle.
      throw new UnreadableWorkbookError('truncated', 'central directory out of range');
    }
    let p = cdOffset;
    const end = cdOffset + cdSize;
    for (let i = 0; i < count; i++) {
      if (p + CENTRAL_SIZE > end || view.getUint32(p, true) !== SIG_CENTRAL) {
        throw corrupt(`bad central directory entry #${i}`);
      }
      const flags = view.getUint16(p + 8, true);
      const method = view.getUint16(p + 10, true);
      const crc32 = view.getUint32(p + 16, true);
      const compressedSize = view.getUint32(p + 20, true);
      const uncompressedSize = view.getUint32(p + 24, true);
      const nameLength = view.getUint16(p + 28, true);
      const extraLength = view.getUint16(p + 30, true);
      const commentLength = view.getUint16(p + 32, true);
      const localHeaderOffset = view.getUint32(p + 42, true);
      const nameStart = p + CENTRAL_SIZE;
      p = nameStart + nameLength + extraLength + commentLength;
      if (p > end) throw corrupt(`central directory entry #${i} overruns the directory`);
      // Both code pages agree on ASCII, which is all OOXML part names use.
      const name = Buffer.from(bytes.buffer, bytes.byteOffset + nameStart, nameLength)
        .toString((flags & 0x800) !== 0 ? 'utf8' : 'latin1')
        .replace(/\\/g, '/')
        .replace(/^\/+/, '');
      if (name.endsWith('/')) continue; // a folder entry
      if ((flags & 0x1) !== 0) throw corrupt(`entry ${name} is encrypted`);
      if (method !== 0 && method !== 8) throw corrupt(`entry ${name} uses compression method ${method}`);
      // A small file claiming a huge part is damaged or a zip bomb; either way it cannot be read.
      if (uncompressedSize > this.maxEntryBytes) throw corrupt(`entry ${name} claims ${uncompressedSize} bytes`);
      if (!this.byName.has(name)) {
        this.byName.set(name, { name, method, flags, compressedSize, uncompressedSize, localHeaderOffset, crc32 });
      }
    }
  }
}

function corrupt(detail: string): UnreadableWorkbookError {
  return new UnreadableWorkbookError('corrupt', detail);
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A minimal, defensive zip reader (stored and deflate entries) over bytes already in memory. */

import { inflateRawSync } from 'node:zlib';
import { crc32 } from './crc32.js';
import { WorkbookLimitError } from '../readers/limit-error.js';
import { UnreadableWorkbookError } from '../readers/types.js';

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR_SIZE = 20;
const ZIP64_EOCD_SIZE = 56;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;

/** No part of a package danvan reads comes near this; it stops a zip bomb before it fills memory. */
export const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

export interface ZipOpenOptions {
  /**
   * Largest uncompressed entry the directory may declare; default MAX_ENTRY_BYTES, the guard for input.
   * danvan's own output (the re-packers) passes Infinity: a report of 20,000 units has a 330 MB document.xml.
   */
  maxEntryBytes?: number;
}

/** What one archive may inflate in all (see readers/limits.ts for a workbook's figures). */
export interface InflateBudget {
  /** Uncompressed bytes of one entry. */
  partBytes: number;
  /** Uncompressed bytes of all the entries extracted, each counted once. */
  totalBytes: number;
}

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

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  private lowerNames: Map<string, ZipEntry> | undefined;
  /** Entries whose name appears more than once (ignoring case): which copy is meant cannot be known. */
  private readonly duplicates = new Set<string>();
  /** Each entry is inflated and verified at most once, however often it is asked for. */
  private readonly extracted = new Map<ZipEntry, Uint8Array>();
  private inflatedTotal = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly budget: InflateBudget | undefined,
    private readonly maxEntryBytes: number,
  ) {}

  /**
   * Parses the central directory; entry data is only inflated when asked for. With a budget, an entry
   * larger than `partBytes`, or extractions adding up past `totalBytes`, are refused (WorkbookLimitError).
   */
  static open(bytes: Uint8Array, budget?: InflateBudget, options: ZipOpenOptions = {}): ZipArchive {
    const zip = new ZipArchive(bytes, budget, options.maxEntryBytes ?? MAX_ENTRY_BYTES);
    zip.parseDirectory();
    return zip;
  }

  /** Uncompressed bytes extracted so far (each entry once). */
  get inflatedBytes(): number {
    return this.inflatedTotal;
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

  /**
   * The entry's uncompressed bytes, verified: the local header agrees with the central directory, the
   * data inflates to exactly the declared size, and its CRC-32 is the declared one. Any mismatch is a
   * 'corrupt' error naming the part. Inflated once; later calls return the same bytes.
   */
  extract(entry: ZipEntry): Uint8Array {
    const done = this.extracted.get(entry);
    if (done) return done;
    const name = entry.name;
    if (this.duplicates.has(name)) throw corrupt(`part ${name} appears twice in the zip directory`, name);
    if (this.budget) {
      // Checked before inflating: the declared size bounds the output (below), so nothing larger is ever made.
      if (entry.uncompressedSize > this.budget.partBytes) {
        throw new WorkbookLimitError({ limit: 'partBytes', max: this.budget.partBytes, part: name }, `${name} declares ${entry.uncompressedSize} bytes`);
      }
      if (this.inflatedTotal + entry.uncompressedSize > this.budget.totalBytes) {
        throw new WorkbookLimitError({ limit: 'totalInflatedBytes', max: this.budget.totalBytes, part: name }, `${name} brings the total past the budget`);
      }
    }
    const data = this.stored(entry);
    let out: Uint8Array;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) throw corrupt(`stored size mismatch in ${name}`, name);
      out = data;
    } else {
      try {
        // The declared size bounds the output, so a lying header cannot inflate without limit.
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
      } catch (error) {
        throw corrupt(`cannot inflate ${name}: ${(error as Error).message}`, name);
      }
      if (out.length !== entry.uncompressedSize) throw corrupt(`size mismatch in ${name}`, name);
    }
    if (crc32(out) !== entry.crc32) throw corrupt(`CRC-32 mismatch in ${name}`, name);
    this.inflatedTotal += out.length;
    this.extracted.set(entry, out);
    return out;
  }

  /**
   * The entry's bytes as stored (deflated or not), after the same checks of its local header as `extract`:
   * what a re-packer copies without inflating it.
   */
  stored(entry: ZipEntry): Uint8Array {
    const name = entry.name;
    const { bytes } = this;
    const view = viewOf(bytes);
    const at = entry.localHeaderOffset;
    if (at + LOCAL_SIZE > bytes.length) throw new UnreadableWorkbookError('truncated', `zip entry ${name}`, { part: name });
    if (view.getUint32(at, true) !== SIG_LOCAL) throw corrupt(`bad local header of ${name}`, name);
    // Local name/extra lengths may differ from the central directory's; the data starts after the local ones.
    const start = at + LOCAL_SIZE + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw new UnreadableWorkbookError('truncated', `zip entry ${name}`, { part: name });
    const localFlags = view.getUint16(at + 6, true);
    if (view.getUint16(at + 8, true) !== entry.method) throw corrupt(`local header of ${name} names another method`, name);
    // Without a data descriptor (flag bit 3) the local header repeats the CRC and sizes: they must agree.
    if ((localFlags & 0x8) === 0 && (entry.flags & 0x8) === 0) {
      const localCrc = view.getUint32(at + 14, true);
      let localCompressed = view.getUint32(at + 18, true);
      let localSize = view.getUint32(at + 22, true);
      if (localCompressed === 0xffffffff || localSize === 0xffffffff) {
        // Zip64: the local header's sizes are in its zip64 extra, uncompressed first (both present here).
        const wide = zip64Extra(view, at + LOCAL_SIZE + view.getUint16(at + 26, true), view.getUint16(at + 28, true)) ?? [];
        let k = 0;
        if (localSize === 0xffffffff) localSize = wide[k++] ?? -1;
        if (localCompressed === 0xffffffff) localCompressed = wide[k++] ?? -1;
      }
      if (localCrc !== entry.crc32 || localCompressed !== entry.compressedSize || localSize !== entry.uncompressedSize) {
        throw corrupt(`local header of ${name} disagrees with the central directory`, name);
      }
    }
    return bytes.subarray(start, end);
  }

  private parseDirectory(): void {
    const { bytes } = this;
    const view = viewOf(bytes);
    const eocd = findEndOfCentralDirectory(bytes);
    if (eocd < 0) throw new UnreadableWorkbookError('truncated', 'no end of central directory');
    const disk = view.getUint16(eocd + 4, true);
    const cdDisk = view.getUint16(eocd + 6, true);
    let count = view.getUint16(eocd + 10, true);
    let cdSize = view.getUint32(eocd + 12, true);
    let cdOffset = view.getUint32(eocd + 16, true);
    if (disk !== 0 || cdDisk !== 0) throw corrupt('multi-disk archive');
    // Where the directory ends: the end record, or the zip64 end record before its locator.
    let directoryEnd = eocd;
    if (eocd >= ZIP64_LOCATOR_SIZE && view.getUint32(eocd - ZIP64_LOCATOR_SIZE, true) === SIG_ZIP64_LOCATOR) {
      // Zip64 (some streaming writers use it even for small files). As Python's zipfile and LibreOffice do, the
      // zip64 end record is the one just before its locator; its offset field is relative like the directory's.
      const record = eocd - ZIP64_LOCATOR_SIZE - ZIP64_EOCD_SIZE;
      if (record < 0 || view.getUint32(record, true) !== SIG_ZIP64_EOCD) throw corrupt('zip64 end record missing');
      if (view.getUint32(record + 16, true) !== 0 || view.getUint32(record + 20, true) !== 0 || view.getUint32(eocd - 16, true) !== 0) {
        throw corrupt('multi-disk archive');
      }
      const count64 = uint64(view, record + 32);
      const size64 = uint64(view, record + 40);
      const offset64 = uint64(view, record + 48);
      // The 32-bit fields either repeat the zip64 ones or say "see zip64"; anything else is two archives in one.
      if ((count !== 0xffff && count !== count64) || (cdSize !== 0xffffffff && cdSize !== size64) || (cdOffset !== 0xffffffff && cdOffset !== offset64)) {
        throw corrupt('zip64 end record disagrees with the end record');
      }
      count = count64;
      cdSize = size64;
      cdOffset = offset64;
      directoryEnd = record;
    } else if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      throw corrupt('zip64 values without a zip64 end record');
    }
    // Offsets are relative to the archive, which may not start at byte 0: data before it (a self-extractor's stub,
    // or a whole other archive when two are concatenated) shifts every offset. Conformant readers (Python's
    // zipfile, LibreOffice) place the directory just before its end record and shift the rest by the same amount.
    const shift = directoryEnd - cdSize - cdOffset;
    if (shift < 0 || !Number.isSafeInteger(shift)) {
      // The directory claims to lie past its own end record: bytes are missing in the middle.
      throw new UnreadableWorkbookError('truncated', 'central directory out of range');
    }
    let p = cdOffset + shift;
    const end = directoryEnd;
    const seen = new Map<string, string>();
    for (let i = 0; i < count; i++) {
      if (p + CENTRAL_SIZE > end || view.getUint32(p, true) !== SIG_CENTRAL) {
        throw corrupt(`bad central directory entry #${i}`);
      }
      const flags = view.getUint16(p + 8, true);
      const method = view.getUint16(p + 10, true);
      const crc32 = view.getUint32(p + 16, true);
      let compressedSize = view.getUint32(p + 20, true);
      let uncompressedSize = view.getUint32(p + 24, true);
      const nameLength = view.getUint16(p + 28, true);
      const extraLength = view.getUint16(p + 30, true);
      const commentLength = view.getUint16(p + 32, true);
      let localHeaderOffset = view.getUint32(p + 42, true);
      const nameStart = p + CENTRAL_SIZE;
      p = nameStart + nameLength + extraLength + commentLength;
      if (p > end) throw corrupt(`central directory entry #${i} overruns the directory`);
      if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
        const wide = zip64Extra(view, nameStart + nameLength, extraLength);
        if (!wide) throw corrupt(`entry #${i} lacks its zip64 sizes`);
        let k = 0;
        const next = (): number => {
          const value = wide[k++];
          if (value === undefined) throw corrupt(`entry #${i} lacks its zip64 sizes`);
          return value;
        };
        // The zip64 extra holds, in this order, only the fields whose 32-bit value is all ones.
        if (uncompressedSize === 0xffffffff) uncompressedSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      localHeaderOffset += shift;
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
      const key = name.toLowerCase();
      if (seen.has(key)) {
        // Two entries of one name (OPC names ignore case): readers disagree on which one is meant.
        this.duplicates.add(seen.get(key)!);
        this.duplicates.add(name);
      } else {
        seen.set(key, name);
      }
      if (!this.byName.has(name)) {
        this.byName.set(name, { name, method, flags, compressedSize, uncompressedSize, localHeaderOffset, crc32 });
      }
    }
  }
}

/** A little-endian 64-bit field, or Infinity past 2^53 (no file danvan reads comes near). */
function uint64(view: DataView, at: number): number {
  const value = view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x1_0000_0000;
  return Number.isSafeInteger(value) ? value : Number.POSITIVE_INFINITY;
}

/** The 64-bit values of the zip64 extended-information extra field (id 1) in an extra area, or undefined. */
function zip64Extra(view: DataView, start: number, length: number): number[] | undefined {
  let q = start;
  const stop = start + length;
  while (q + 4 <= stop) {
    const id = view.getUint16(q, true);
    const size = view.getUint16(q + 2, true);
    if (q + 4 + size > stop) return undefined;
    if (id === 1) {
      const out: number[] = [];
      for (let k = 0; k + 8 <= size; k += 8) out.push(uint64(view, q + 4 + k));
      return out;
    }
    q += 4 + size;
  }
  return undefined;
}

function corrupt(detail: string, part?: string): UnreadableWorkbookError {
  return new UnreadableWorkbookError('corrupt', detail, part === undefined ? undefined : { part });
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

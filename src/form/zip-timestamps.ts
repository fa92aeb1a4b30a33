/** Pins the modification time of every entry of a zip, so that the same workbook gives the same bytes. */

import { findEndOfCentralDirectory } from '../zip/read.js';

const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** MS-DOS time and date words (2-second resolution, years from 1980), from the UTC fields of `date`. */
function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return { time, day };
}

/**
 * Rewrites the time stamps in the central directory and in each local header it points to (JSZip stamps
 * entries with the current time). Walks the directory rather than scanning for signatures, which can occur
 * inside compressed data. Returns a new buffer; throws on a zip it does not understand.
 */
export function pinZipTimestamps(zip: Buffer, date: Date): Buffer {
  const out = Buffer.from(zip);
  const { time, day } = dosDateTime(date);
  const eocd = findEndOfCentralDirectory(out);
  if (eocd < 0) throw new Error('zip: end of central directory not found');
  const entries = out.readUInt16LE(eocd + 10);
  let offset = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(offset) !== CENTRAL_SIGNATURE) throw new Error('zip: bad central directory entry');
    out.writeUInt16LE(time, offset + 12);
    out.writeUInt16LE(day, offset + 14);
    const local = out.readUInt32LE(offset + 42);
    if (out.readUInt32LE(local) !== LOCAL_SIGNATURE) throw new Error('zip: bad local header');
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(day, local + 12);
    offset += 46 + out.readUInt16LE(offset + 28) + out.readUInt16LE(offset + 30) + out.readUInt16LE(offset + 32);
  }
  return out;
}

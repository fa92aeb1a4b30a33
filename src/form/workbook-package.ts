/**
 * Re-packs a workbook written by exceljs (the form, the per-unit forms, the --xlsx roll-up, the reconciliation
 * workbook): every entry stamped with one given time, so the same workbook gives the same bytes, and the
 * children of every `<font>` in xl/styles.xml put in the order of the schema, so the package passes the Open
 * XML SDK validator. Other entries are copied as stored, byte for byte, never inflated.
 */

import { deflateRawSync } from 'node:zlib';
import { ZipArchive } from '../zip/read.js';
import { assembleZip, crc32, dosStamp, type PackedZipEntry } from '../zip/write.js';

/**
 * CT_Font's children in the order of the Open XML SDK's schema (and of Excel's own files). exceljs writes
 * them in the order of its style object's keys (`<color/><family/><scheme/><sz/><name/>`), which the SDK
 * reports as "unexpected child element" in both Office 2007 and Microsoft 365 modes.
 */
export const FONT_CHILD_ORDER = ['b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow', 'u', 'vertAlign', 'sz', 'color', 'name', 'family', 'charset', 'scheme'] as const;

const STYLES_PART = 'xl/styles.xml';
const FONT = /<font>([\s\S]*?)<\/font>/g;
// An empty element, or one with text only: all that CT_Font's children ever are.
const CHILD = /<([A-Za-z]+)\b[^<>]*?(?:\/>|>[^<]*<\/\1>)/g;

/**
 * The same styles part with the children of each `<font>` (in `<fonts>` and in differential formats) in
 * schema order; children of one name keep their order. A font holding anything else is left as it is.
 */
export function orderFontChildren(styles: string): string {
  return styles.replace(FONT, (whole, inner: string) => {
    const children = [...inner.matchAll(CHILD)].map((m, index) => ({ xml: m[0], rank: (FONT_CHILD_ORDER as readonly string[]).indexOf(m[1] as string), index }));
    if (children.map((c) => c.xml).join('') !== inner || children.some((c) => c.rank < 0)) return whole;
    children.sort((a, b) => a.rank - b.rank || a.index - b.index);
    return `<font>${children.map((c) => c.xml).join('')}</font>`;
  });
}

/** The workbook's package, re-zipped in its own entry order with fixed time stamps and schema-ordered fonts. */
export function normaliseWorkbookPackage(zip: Buffer, date: Date): Buffer {
  // danvan's own output: the submission reader's size limit does not apply.
  const archive = ZipArchive.open(zip, undefined, { maxEntryBytes: Number.POSITIVE_INFINITY });
  const entries: PackedZipEntry[] = archive.entries.map((entry) => {
    if (entry.name === STYLES_PART) {
      const data = Buffer.from(orderFontChildren(Buffer.from(archive.extract(entry)).toString('utf8')), 'utf8');
      return { name: entry.name, method: 8, compressed: deflateRawSync(data, { level: 9 }), size: data.length, crc: crc32(data) };
    }
    if (entry.method !== 0 && entry.method !== 8) throw new Error(`zip: entry ${entry.name} uses compression method ${entry.method}`);
    return { name: entry.name, method: entry.method, compressed: archive.stored(entry), size: entry.uncompressedSize, crc: entry.crc32 };
  });
  return assembleZip(entries, dosStamp(date));
}

/** Classifies a file's bytes before reading: an .xlsx package, or which kind of thing it is instead. */

import { WORKBOOK_LIMITS } from './limits.js';
import { UnreadableWorkbookError, type UnreadableInfo, type UnreadableReason } from './types.js';
import { ZipArchive, findEndOfCentralDirectory } from '../zip/read.js';
import { END, OPEN, XmlScanner, attrValue } from './xml.js';

export type SniffResult =
  | { ok: true; zip: ZipArchive; /** Zip entry name of the workbook part, usually "xl/workbook.xml". */ workbookPart: string }
  | { ok: false; reason: UnreadableReason; detail?: string; info?: UnreadableInfo; /** The opened package of an OpenDocument spreadsheet ('ods'). */ zip?: ZipArchive };

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptionInfo" as UTF-16LE, the stream name Office puts in the OLE container of a password-protected OOXML file. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
const WORKBOOK_STREAM = Buffer.from('Workbook\0', 'utf16le');
const BOOK_STREAM = Buffer.from('Book\0', 'utf16le');
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';
const DEFAULT_WORKBOOK_PART = 'xl/workbook.xml';

/** Never throws: every outcome is a result, so callers can map it to a message. */
export function sniffWorkbook(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty-file' };
  if (startsWith(bytes, CFB_MAGIC)) {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buf.indexOf(ENCRYPTION_INFO) >= 0) return { ok: false, reason: 'encrypted' };
    // A password-protected .xls is a plain BIFF8 workbook whose first record after BOF is FILEPASS.
    if (isEncryptedBiff(buf)) return { ok: false, reason: 'encrypted', detail: 'xls' };
    return { ok: false, reason: 'legacy-xls' };
  }
  // "PK\x03\x04" starts a zip with entries; "PK\x05\x06" is an empty zip (still a zip, just not a workbook).
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
  // Data before the archive (a self-extractor's stub, another file) is allowed, as Python's zipfile and LibreOffice
  // allow it: then only an end record that opens as a zip makes it one.
  if (!isZip && findEndOfCentralDirectory(bytes) < 0) return { ok: false, reason: 'not-a-zip' };
  let zip: ZipArchive;
  try {
    // The workbook's inflate budget holds for every part read from here on (readers/limits.ts).
    zip = ZipArchive.open(bytes, { partBytes: WORKBOOK_LIMITS.partBytes, totalBytes: WORKBOOK_LIMITS.totalInflatedBytes });
  } catch (error) {
    if (!isZip) return { ok: false, reason: 'not-a-zip' };
    if (error instanceof UnreadableWorkbookError) return { ok: false, reason: error.reason, detail: error.detail, info: error.info };
    return { ok: false, reason: 'corrupt', detail: String((error as Error)?.message ?? error) };
  }
  const workbookPart = findWorkbookPart(zip);
  if (workbookPart) return { ok: true, zip, workbookPart };
  if (isOds(zip)) return { ok: false, reason: 'ods', zip };
  return { ok: false, reason: 'not-a-workbook', detail: 'no xl/workbook.xml' };
}

/** The workbook part named by the package's root relationships, else the conventional xl/workbook.xml. */
function findWorkbookPart(zip: ZipArchive): string | undefined {
  try {
    const rels = zip.read('_rels/.rels');
    if (rels) {
      const scanner = new XmlScanner(Buffer.from(rels.buffer, rels.byteOffset, rels.byteLength).toString('utf8'));
      for (let t = scanner.next(); t !== END; t = scanner.next()) {
        if (t !== OPEN || scanner.name !== 'Relationship') continue;
        const type = attrValue(scanner.attrs, 'Type') ?? '';
        if (!type.endsWith('/officeDocument')) continue;
        const target = (attrValue(scanner.attrs, 'Target') ?? '').replace(/^\/+/, '');
        const entry = target ? zip.entry(target) : undefined;
        // A .docx or .pptx names its own main part here (word/document.xml): only a workbook part will do.
        if (entry && /(^|\/)workbook[^/]*\.xml$/i.test(entry.name)) return entry.name;
      }
    }
  } catch {
    // Broken root rels: fall back to the conventional name, as Excel's repair would.
  }
  return zip.entry(DEFAULT_WORKBOOK_PART)?.name;
}

function isOds(zip: ZipArchive): boolean {
  try {
    const mimetype = zip.read('mimetype');
    return mimetype !== undefined && Buffer.from(mimetype).toString('latin1').trim() === ODS_MIMETYPE;
  } catch {
    return false;
  }
}

/** BOF record of a BIFF8 workbook globals substream: type 0x0809, length 16, version 0x0600, kind 0x0005. */
const BIFF8_GLOBALS_BOF = Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]);
const FILEPASS = 0x002f;

/**
 * True when the workbook stream starts with BOF then FILEPASS (an .xls saved with a password). The stream
 * starts on a sector boundary (512 or 64 bytes), so its first 24 bytes are contiguous in the file.
 */
export function isEncryptedBiff(buf: Buffer): boolean {
  for (let at = buf.indexOf(BIFF8_GLOBALS_BOF, 512); at >= 0; at = buf.indexOf(BIFF8_GLOBALS_BOF, at + 1)) {
    if (at % 64 !== 0) continue;
    if (at + 22 <= buf.length && buf.readUInt16LE(at + 20) === FILEPASS) return true;
    return false;
  }
  return false;
}

/**
 * A well-formed compound file header holding a "Workbook" (BIFF8) or "Book" (BIFF5) stream: what LibreOffice
 * can convert. A .doc or a damaged file is not worth starting LibreOffice for.
 */
export function looksLikeXls(buf: Buffer): boolean {
  if (buf.length < 1024 || !startsWith(buf, CFB_MAGIC)) return false;
  const major = buf.readUInt16LE(0x1a);
  const byteOrder = buf.readUInt16LE(0x1c);
  const sectorShift = buf.readUInt16LE(0x1e);
  if (byteOrder !== 0xfffe || !((major === 3 && sectorShift === 9) || (major === 4 && sectorShift === 12))) return false;
  return buf.indexOf(WORKBOOK_STREAM) >= 0 || buf.indexOf(BOOK_STREAM) >= 0;
}
function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

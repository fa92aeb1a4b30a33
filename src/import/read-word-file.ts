/**
 * A Word file's bytes made into blocks: a .docx read directly; a .doc (Word 97–2003, or RTF under a .doc name) converted to .docx by
 * the sandboxed LibreOffice runner that .xls uses (files/soffice.ts), then read the same way. An encrypted
 * document, a file of another kind, or one over the size limit is an ImportRefusal.
 */
import { convertWithSoffice, SofficeError } from '../files/soffice.js';
import { FileReadError, readRegularFile } from '../files/read.js';
import { readDocx, type DocxContent } from './docx-reader.js';
import { DOCX_LIMITS } from './limits.js';
import { ImportRefusal } from './refusal.js';
import { nhapMsg } from '../messages/vi.js';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
const WORD_STREAM = Buffer.from('WordDocument', 'utf16le');

/** LibreOffice's cold start with a fresh profile takes a few seconds; a file that needs more is refused. */
export const DOC_TIMEOUT_MS = 90_000;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** The bytes of the file; a directory, a device or an over-large file is refused. */
export function readWordBytes(path: string): Buffer {
  try {
    return readRegularFile(path, DOCX_LIMITS.fileBytes);
  } catch (error) {
    if (error instanceof FileReadError && error.problem === 'too-large') {
      throw new ImportRefusal('too-large', `${Math.round((error.details.size ?? 0) / 1024 / 1024)} MB`);
    }
    // A pipe or device named .docx, a file that vanished or cannot be opened: this file is not imported, the others are.
    if (error instanceof FileReadError) throw new ImportRefusal('unreadable', error.problem === 'not-regular' ? 'not-regular' : error.details.errno ?? error.problem);
    throw error;
  }
}

/** Reads a .docx or .doc; `soffice` overrides the LibreOffice program (tests), null meaning none. */
export async function readWordDocument(bytes: Buffer, options: { soffice?: string | null } = {}): Promise<DocxContent> {
  if (bytes.length === 0) throw new ImportRefusal('empty-file');
  // Word's "Rich Text Format", often saved under a .doc name: LibreOffice reads it as it reads a .doc.
  const rtf = bytes.subarray(0, 5).toString('latin1') === '{\\rtf';
  if (startsWith(bytes, CFB_MAGIC) || rtf) {
    // An OLE container holding EncryptionInfo is a password-protected .docx (or .xlsx); a WordDocument stream is a .doc.
    if (!rtf && bytes.indexOf(ENCRYPTION_INFO) >= 0) throw new ImportRefusal('encrypted');
    if (!rtf && bytes.indexOf(WORD_STREAM) < 0) throw new ImportRefusal('not-word', 'ole without WordDocument');
    let docx: Uint8Array;
    try {
      docx = await convertWithSoffice({
        bytes,
        from: rtf ? 'rtf' : 'doc',
        to: 'docx:MS Word 2007 XML',
        extension: 'docx',
        timeoutMs: DOC_TIMEOUT_MS,
        ...(options.soffice !== undefined ? { soffice: options.soffice } : {}),
      });
    } catch (error) {
      if (!(error instanceof SofficeError)) throw error;
      throw new ImportRefusal('doc-convert', error.reason === 'missing' ? 'soffice-missing' : error.reason === 'timeout' ? nhapMsg.convertTimeout(DOC_TIMEOUT_MS / 1000) : error.detail);
    }
    return readDocx(docx);
  }
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) throw new ImportRefusal('not-word', 'not a zip');
  return readDocx(bytes);
}

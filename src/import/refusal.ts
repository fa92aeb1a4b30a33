/** Why a Word file is not imported: one reason code each, worded in messages/vi.ts (nhapMsg.refused). */
import type { DocxLimitName } from './limits.js';

export type RefusalReason =
  | 'unreadable' // not a regular file, or the file system refused to read it
  | 'empty-file'
  | 'too-large'
  | 'not-word' // neither a .docx package nor a .doc
  | 'encrypted' // a password-protected document (an OLE container with EncryptionInfo)
  | 'corrupt' // a broken package or broken XML
  | 'over-limit' // over one of DOCX_LIMITS
  | 'doc-convert' // a .doc that LibreOffice could not convert (or is missing)
  | 'scanned' // pictures only, no text: a scan
  | 'plan' // KẾ HOẠCH
  | 'decision' // QUYẾT ĐỊNH
  | 'other-kind' // another kind of document (Thông báo, Tờ trình, Công văn…)
  | 'not-a-report'; // no "BÁO CÁO" title, no section of a report

export class ImportRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    /** For the message: the kind of document named in its title, the limit broken, the converter's words. */
    readonly detail: string = '',
    readonly limit?: DocxLimitName,
  ) {
    super(`not imported: ${reason}${detail ? ` (${detail})` : ''}`);
  }
}

/**
 * The budgets of one Word report: what `danvan nhap` will inflate, scan and keep, whatever the file claims.
 * The zip budgets are the workbook's (readers/limits.ts): one place bounds hostile packages. A real report
 * is a few pages: tens of KB of document.xml, a few hundred paragraphs, a figures table of 20–40 rows.
 */
import { WORKBOOK_LIMITS } from '../readers/limits.js';

export const DOCX_LIMITS = {
  /** Bytes of the file itself, .docx or .doc. */
  fileBytes: 50 * 1024 * 1024,
  totalInflatedBytes: WORKBOOK_LIMITS.totalInflatedBytes,
  partBytes: WORKBOOK_LIMITS.partBytes,
  /** Elements open at once in document.xml (Word itself nests a few dozen at most). */
  depth: 256,
  /** Paragraphs, in the body and in table cells together. */
  paragraphs: 50_000,
  /** Table rows and cells in the whole document. */
  tableRows: 10_000,
  tableCells: 200_000,
  /** Characters of text kept from the whole document. */
  chars: 4_000_000,
} as const;

export type DocxLimitName = keyof typeof DOCX_LIMITS;

/**
 * Legacy .xls (Excel 97–2003, BIFF) read by converting it to .xlsx with LibreOffice, when `soffice` is on
 * the machine. Only files classified as .xls come here (LibreOffice takes seconds to start). The conversion
 * runs sandboxed (files/soffice.ts: a private copy, profile and temp folder, a timeout). Every failure is an
 * UnreadableWorkbookError('legacy-xls', detail), whose message says what to do.
 */

import { convertWithSoffice, findSoffice, SofficeError } from '../files/soffice.js';
import { UnreadableWorkbookError } from './types.js';

export { findSoffice };

/** LibreOffice's cold start with a fresh profile takes a few seconds; a file that needs more is refused. */
export const XLS_TIMEOUT_MS = 90_000;

export interface XlsConvertOptions {
  /** Default XLS_TIMEOUT_MS. */
  timeoutMs?: number;
  /** The soffice program; default from DANVAN_SOFFICE or PATH. */
  soffice?: string | null;
}

/** The .xlsx bytes LibreOffice makes of `bytes` (an .xls); throws UnreadableWorkbookError('legacy-xls', why) otherwise. */
export async function convertXlsToXlsx(bytes: Uint8Array, options: XlsConvertOptions = {}): Promise<Uint8Array> {
  try {
    return await convertWithSoffice({
      bytes,
      from: 'xls',
      to: 'xlsx:Calc MS Excel 2007 XML',
      extension: 'xlsx',
      timeoutMs: options.timeoutMs ?? XLS_TIMEOUT_MS,
      soffice: options.soffice,
    });
  } catch (error) {
    if (!(error instanceof SofficeError)) throw error;
    // The reader's messages know these details (messages/vi.ts).
    const detail = error.reason === 'missing' ? 'soffice-missing' : error.reason === 'timeout' ? `convert-timeout ${error.detail}` : `convert-failed: ${error.detail}`;
    throw new UnreadableWorkbookError('legacy-xls', detail);
  }
}

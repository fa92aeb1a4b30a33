/** tonghop --pdf: the report's PDF staged in the run's OutputPlan beside the .docx, or a PdfError that says why not. */
import { PdfError } from '../diagnostics/errors.js';
import { findSoffice, SofficeError } from '../files/soffice.js';
import type { OutputPlan } from '../output/plan.js';
import { convertReportToPdf, pdfMadeFrom } from '../writers/pdf/index.js';
import { pdfMsg } from '../messages/vi.js';

/** Refused before any submission is read: without LibreOffice there will be no PDF. */
export function requirePdfConverter(): void {
  if (!findSoffice()) throw new PdfError(pdfMsg.sofficeMissing(process.env['DANVAN_SOFFICE']));
}

/**
 * Stages the PDF of `docx` under `flag` (already added to the plan), unless the file there is already the PDF
 * of exactly this report: then it is left untouched and LibreOffice is not started. Returns whether the PDF
 * declares PDF/A.
 */
export async function stageReportPdf(plan: OutputPlan, flag: string, path: string, docx: Uint8Array, date: string): Promise<{ pdfA: boolean; substitutes: string[] }> {
  let existing: { pdfA: boolean; substitutes: string[] } | null = null;
  // A PDF left as it is was reported on when it was written: no font to tell of again.
  const kept = plan.keepIf(flag, (real) => {
    const made = pdfMadeFrom(real, docx);
    existing = made && { ...made, substitutes: [] };
    return made !== null;
  });
  if (kept) return existing!;
  try {
    const { bytes, pdfA, substitutes } = await convertReportToPdf(docx, { date });
    plan.write(flag, bytes);
    return { pdfA, substitutes };
  } catch (error) {
    if (!(error instanceof SofficeError)) throw error;
    if (error.reason === 'missing') throw new PdfError(pdfMsg.sofficeMissing(process.env['DANVAN_SOFFICE']));
    if (error.reason === 'timeout') throw new PdfError(pdfMsg.timeout(path, Math.round((error.timeoutMs ?? 0) / 1000)));
    throw new PdfError(pdfMsg.failed(path, error.detail));
  }
}

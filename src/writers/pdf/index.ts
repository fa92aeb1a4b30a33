/**
 * The report as PDF, for digital signing: danvan's .docx converted by LibreOffice (files/soffice.ts), as
 * PDF/A-2b where the installed LibreOffice can (7.4 and later take the export options as JSON; an older one
 * writes plain PDF, which the outcome says).
 *
 * LibreOffice stamps each PDF with the time of conversion (Info /CreationDate, XMP CreateDate) and a random
 * /ID and /DocChecksum. These are the only bytes that differ between two conversions of one .docx; danvan
 * replaces them in place, with strings of the same length (so no offset of the file moves), by the report's
 * date and a digest of the .docx. The same report thus gives the same PDF, but for one thing: LibreOffice's
 * PDF/A colour profile carries its own creation time inside a compressed stream. So the PDF is recognised by
 * the digest it carries (`madeFrom`): a rerun whose report has not changed leaves the PDF untouched (even one
 * signed since, which keeps its first /ID) and does not start LibreOffice at all.
 */

import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { convertWithSoffice } from '../../files/soffice.js';

/** PDF/A-2b (ISO 19005-2, level B: the look is preserved, fonts embedded), asked in LibreOffice's JSON form. */
const PDF_A_EXPORT = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}';

/** A cold LibreOffice takes seconds; a long report more, by its size. */
export function pdfTimeoutMs(docxBytes: number): number {
  return 120_000 + Math.ceil(docxBytes / (1024 * 1024)) * 60_000;
}

export interface PdfOptions {
  /** The date the PDF says it was made: the report's date (ISO yyyy-mm-dd). */
  date: string;
  /** Default pdfTimeoutMs(docx.length). */
  timeoutMs?: number;
  /** The soffice program; default from DANVAN_SOFFICE or PATH. */
  soffice?: string | null;
}

export interface PdfOutcome {
  bytes: Uint8Array;
  /** Whether the PDF declares PDF/A conformance (pdfaid:part in its XMP metadata). */
  pdfA: boolean;
  /** Fonts embedded in place of Times New Roman ("LiberationSerif") when the machine lacks it; empty when none. */
  substitutes: string[];
}

/** Throws SofficeError when LibreOffice is missing, too slow or writes nothing. */
export async function convertReportToPdf(docx: Uint8Array, options: PdfOptions): Promise<PdfOutcome> {
  const bytes = await convertWithSoffice({
    bytes: docx,
    from: 'docx',
    to: PDF_A_EXPORT,
    extension: 'pdf',
    timeoutMs: options.timeoutMs ?? pdfTimeoutMs(docx.length),
    soffice: options.soffice,
  });
  const digest = fingerprint(docx);
  const stable = stabilisePdf(Buffer.from(bytes), options.date, digest);
  return { bytes: stable, pdfA: declaresPdfA(stable), substitutes: fontSubstitutes(stable) };
}

/**
 * The families LibreOffice embedded instead of the report's Times New Roman, read from the PDF's font
 * dictionaries ("/BaseFont/BAAAAA+LiberationSerif-Bold" → "LiberationSerif"): the text is the same, the metrics
 * of Liberation Serif are Times New Roman's, but a signer should know that the glyphs are another font's.
 */
export function fontSubstitutes(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString('latin1');
  const families = new Set<string>();
  for (const m of text.matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([A-Za-z0-9]+?)(?:[-,][A-Za-z]+)?(?=[\s/>\]])/g)) families.add(m[1]!);
  return [...families].filter((family) => !/^TimesNewRoman(PS)?(MT)?$/i.test(family) && !/^Symbol|^OpenSymbol/i.test(family)).sort();
}

/**
 * Replaces, in place and with strings of the same length, the conversion time and the random identifiers
 * LibreOffice writes: "D:20261129195105Z'" (Info, TZ=UTC; "+07'00'" on Windows, which ignores TZ),
 * "2026-11-29T19:51:05Z" (XMP; "+07:00" on Windows), the two /ID
 * strings and /DocChecksum. Anything in another shape is left as it is (the PDF stays valid, only not
 * byte-stable).
 */
export function stabilisePdf(pdf: Buffer, isoDate: string, digest: string): Buffer {
  const [y, m, d] = isoDate.split('-');
  // latin1 keeps one character per byte, so indexes and lengths are those of the file.
  let text = pdf.toString('latin1');
  // LibreOffice on Windows ignores TZ=UTC and writes the local offset ("+07'00'", "+07:00"): any offset becomes
  // one of the same length at UTC, so that the PDF does not depend on the machine's time zone.
  const utc = (offset: string) => (offset.startsWith('Z') ? offset : offset.replace(/[+-]\d{2}([':]?)\d{2}/, '+00$100'));
  text = text.replace(/(\/(?:CreationDate|ModDate)\s*\(D:)\d{14}(Z'?|[+-]\d{2}'\d{2}'?)(\))/g, (_, open: string, offset: string, close: string) => `${open}${y}${m}${d}000000${utc(offset)}${close}`);
  text = text.replace(
    /(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})(<\/xmp:)/g,
    (_, open: string, fraction: string | undefined, offset: string, close: string) =>
      `${open}${y}-${m}-${d}T00:00:00${(fraction ?? '').replace(/\d/g, '0')}${utc(offset)}${close}`,
  );
  text = text.replace(/(\/ID\s*\[\s*<)[0-9A-Fa-f]{32}(>\s*<)[0-9A-Fa-f]{32}(>\s*\])/g, `$1${digest}$2${digest}$3`);
  text = text.replace(/(\/DocChecksum\s*\/)[0-9A-Fa-f]{32}/g, `$1${digest}`);
  const out = Buffer.from(text, 'latin1');
  // Same-length replacements only: the cross-reference offsets still hold.
  return out.length === pdf.length ? out : pdf;
}

function declaresPdfA(pdf: Buffer): boolean {
  return /<pdfaid:part>\s*[1-4]\s*<\/pdfaid:part>|pdfaid:part="[1-4]"/.test(pdf.toString('latin1'));
}

/** The digest of the .docx that a danvan PDF carries as its /ID. */
function fingerprint(docx: Uint8Array): string {
  return createHash('md5').update(docx).digest('hex').toUpperCase();
}

/** The tail of a PDF that holds its last trailer (LibreOffice's is a few hundred bytes). */
const TRAILER_BYTES = 16 * 1024;

/**
 * Whether the PDF at `path` was made by danvan from exactly these .docx bytes: its trailer's first /ID is
 * their digest. A PDF signed since (an incremental update) keeps that first /ID, so it counts as made from
 * them too. Also says whether it declares PDF/A. Null when it is not such a PDF or cannot be read.
 */
export function pdfMadeFrom(path: string, docx: Uint8Array): { pdfA: boolean } | null {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const length = Math.min(size, TRAILER_BYTES);
    const tail = Buffer.alloc(length);
    readSync(fd, tail, 0, length, size - length);
    const head = Buffer.alloc(Math.min(size, 8));
    readSync(fd, head, 0, head.length, 0);
    if (!head.toString('latin1').startsWith('%PDF-')) return null;
    const ids = [...tail.toString('latin1').matchAll(/\/ID\s*\[\s*<([0-9A-Fa-f]{32})>/g)];
    const last = ids[ids.length - 1];
    if (!last || last[1]!.toUpperCase() !== fingerprint(docx)) return null;
    return { pdfA: declaresPdfA(readAll(fd, size)) };
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readAll(fd: number, size: number): Buffer {
  const all = Buffer.alloc(size);
  for (let done = 0; done < size; ) {
    const n = readSync(fd, all, done, size - done, done);
    if (n === 0) break;
    done += n;
  }
  return all;
}

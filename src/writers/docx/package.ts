/** Re-packs the docx library's output so that the same DocModel always gives the same bytes. */

import { readZip, writeZipStreamed } from '../../zip/write.js';
import type { StreamedZipEntry, ZipEntry } from '../../zip/write.js';

/**
 * What varies between runs of docx 9.7.1, checked on its output:
 * - docProps/core.xml carries dcterms:created/modified set to the current time: removed (both are
 *   optional in OPC core properties);
 * - JSZip stamps every entry with the current time and writes folder entries: timestamps fixed to
 *   1980-01-01 and folders dropped;
 * - random ids (nanoid) appear only with hyperlinks, text boxes and embedded fonts, which this writer
 *   does not produce; numbering and relationship ids are counted per document, so they are stable.
 */
const VOLATILE_CORE = /<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g;

/** A part rewritten on the way through, as text pieces in order (word/document.xml with its table rows). */
export type PartExpander = (xml: string) => Iterable<string | Uint8Array>;

function normalisePart(entry: ZipEntry): ZipEntry {
  if (entry.name !== 'docProps/core.xml') return entry;
  return { name: entry.name, data: Buffer.from(entry.data.toString('utf8').replace(VOLATILE_CORE, ''), 'utf8') };
}

/** Package order: [Content_Types].xml first (some readers sniff it), then the package rels, then by name. */
function partOrder(a: ZipEntry, b: ZipEntry): number {
  const rank = (n: string) => (n === '[Content_Types].xml' ? 0 : n === '_rels/.rels' ? 1 : 2);
  const d = rank(a.name) - rank(b.name);
  if (d !== 0) return d;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The docx library's package, re-zipped in a fixed order with fixed timestamps and no creation dates. Parts
 * named in `expand` are rewritten through their expander and deflated piece by piece.
 */
export async function normalisePackage(docx: Buffer, expand: Readonly<Record<string, PartExpander>> = {}): Promise<Buffer> {
  const entries = readZip(docx).map(normalisePart).sort(partOrder);
  const parts = entries.map((entry): ZipEntry | StreamedZipEntry => {
    const expander = Object.hasOwn(expand, entry.name) ? expand[entry.name] : undefined;
    return expander ? { name: entry.name, chunks: expander(entry.data.toString('utf8')) } : entry;
  });
  return writeZipStreamed(parts);
}

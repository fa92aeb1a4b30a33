/** The docx writer: a DocModel and a layout profile in, the bytes of a report ready to sign out. */

import { Document, Packer } from 'docx';
import type { DocModel } from '../../model/doc-model.js';
import type { LayoutProfile } from '../../layout/profile.js';
import { appendixSection } from './appendix.js';
import { bodyChildren, withEndMark } from './blocks.js';
import { closingTable } from './closing.js';
import { headerTable, titleBlock } from './frame.js';
import { pageGeometry } from './geometry.js';
import { normalisePackage } from './package.js';
import { sectionHeaders, sectionProperties } from './sections.js';
import { documentStyles } from './styles.js';
import { TableRowSlots } from './table-rows.js';

/**
 * The docx library's document for `model`; exposed for tests that inspect it before packing. With `slots`,
 * the data rows of every table are reserved there and only their prototypes are laid out (see table-rows.ts);
 * without, the docx library builds every row (the reference the tests compare the fast path with).
 */
export function buildDocument(model: DocModel, profile: LayoutProfile, slots?: TableRowSlots): Document {
  const geometry = pageGeometry(profile, false);
  const titlePage = profile.pageNumber.fromSecondPage;
  const body = withEndMark(model.body, model.endMark);
  const main = {
    properties: sectionProperties(geometry, { titlePage, newPage: false, restartNumbering: false }),
    headers: sectionHeaders(profile, titlePage),
    children: [
      headerTable(model.frame, profile, geometry.textWidth),
      ...titleBlock(model.frame, profile, geometry.textWidth),
      ...bodyChildren(body, profile, geometry.textWidth, slots),
      closingTable(model.signature, model.recipients, profile, geometry.textWidth),
    ],
  };
  return new Document({
    title: model.meta.title,
    creator: model.meta.author,
    lastModifiedBy: model.meta.author,
    revision: 1,
    styles: documentStyles(profile),
    sections: [main, ...model.appendices.map((a) => appendixSection(a, profile, slots))],
  });
}

/**
 * Renders `model` as a .docx; the same model and profile always give the same bytes. The docx library writes
 * the document with one prototype of each kind of table row; the re-packer repeats those for every data row
 * and deflates word/document.xml piece by piece, so the cost stays linear and no part is ever one string.
 */
export async function writeDocx(model: DocModel, profile: LayoutProfile): Promise<Buffer> {
  const slots = new TableRowSlots();
  const packed = await Packer.toBuffer(buildDocument(model, profile, slots));
  return normalisePackage(packed, { 'word/document.xml': (xml) => slots.expand(xml) });
}

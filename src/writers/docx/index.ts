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

/** The docx library's document for `model`; exposed for tests that inspect it before packing. */
export function buildDocument(model: DocModel, profile: LayoutProfile): Document {
  const geometry = pageGeometry(profile, false);
  const titlePage = profile.pageNumber.fromSecondPage;
  const body = withEndMark(model.body, model.endMark);
  const main = {
    properties: sectionProperties(geometry, { titlePage, newPage: false, restartNumbering: false }),
    headers: sectionHeaders(profile, titlePage),
    children: [
      headerTable(model.frame, profile, geometry.textWidth),
      ...titleBlock(model.frame, profile, geometry.textWidth),
      ...bodyChildren(body, profile, geometry.textWidth),
      closingTable(model.signature, model.recipients, profile, geometry.textWidth),
    ],
  };
  return new Document({
    title: model.meta.title,
    creator: model.meta.author,
    lastModifiedBy: model.meta.author,
    revision: 1,
    styles: documentStyles(profile),
    sections: [main, ...model.appendices.map((a) => appendixSection(a, profile))],
  });
}

/** Renders `model` as a .docx; the same model and profile always give the same bytes. */
export async function writeDocx(model: DocModel, profile: LayoutProfile): Promise<Buffer> {
  const packed = await Packer.toBuffer(buildDocument(model, profile));
  return normalisePackage(packed);
}

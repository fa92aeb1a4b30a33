/** The closing table: "Nơi nhận:" and the recipients left, the signature block right, kept on one page. */

import { AlignmentType, Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from 'docx';
import type { Signature } from '../../model/doc-model.js';
import type { LayoutProfile } from '../../layout/profile.js';
import { centredLine, run, spacing } from './text.js';
import { scaleWidths } from './units.js';

const ZERO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };
// Every paragraph keeps with the next and the row cannot split, so the block moves to a page as a whole.
const KEEP = { keepNext: true, keepLines: true } as const;
/** The width of "- " in the recipients' size, by which a wrapped line of "Nơi nhận:" is indented. */
const RECIPIENT_HANGING_TWIPS = 140;

function recipientsCell(recipients: readonly string[], profile: LayoutProfile, width: number): TableCell {
  const c = profile.closing;
  const w = profile.words;
  const label = new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: spacing({ beforePt: c.beforePt, afterPt: 0 }),
    ...KEEP,
    // The underline stops before the colon, as printed in Party documents.
    children: [run(w.recipientsLabel, c.recipientsLabel), run(w.recipientsLabelSuffix, { ...c.recipientsLabel, underline: false })],
  });
  const lines = recipients.map((line) => new Paragraph({
    alignment: AlignmentType.LEFT,
    // A line that wraps continues under its text, not under its dash.
    indent: { left: RECIPIENT_HANGING_TWIPS, hanging: RECIPIENT_HANGING_TWIPS },
    ...KEEP,
    children: [run(line, c.recipientsList)],
  }));
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: ZERO_MARGINS,
    verticalAlign: VerticalAlignTable.TOP,
    children: [label, ...lines],
  });
}

function signatureCell(signature: Signature, profile: LayoutProfile, width: number): TableCell {
  const c = profile.closing;
  const lines: Paragraph[] = [];
  const first = { beforePt: c.beforePt, afterPt: 0 };
  if (signature.authority !== '') lines.push(centredLine(signature.authority, c.authority, first, KEEP));
  lines.push(centredLine(signature.title, c.title, lines.length === 0 ? first : undefined, KEEP));
  for (let i = 0; i < c.signatureBlankLines; i += 1) lines.push(centredLine('', c.name, undefined, KEEP));
  lines.push(centredLine(signature.name, c.name, undefined, KEEP));
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: ZERO_MARGINS,
    verticalAlign: VerticalAlignTable.TOP,
    children: lines,
  });
}

export function closingTable(signature: Signature, recipients: readonly string[], profile: LayoutProfile, textWidth: number): Table {
  const [leftWidth, rightWidth] = scaleWidths(profile.closing.columnsTwips, textWidth) as [number, number];
  return new Table({
    width: { size: leftWidth + rightWidth, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: ZERO_MARGINS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [recipientsCell(recipients, profile, leftWidth), signatureCell(signature, profile, rightWidth)],
      }),
    ],
  });
}

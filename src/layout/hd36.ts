/** The Party profile (Hướng dẫn 36-HD/VPTW as applied by current tools; FORMAT.md §A), the default layout. */

import type { LayoutProfile } from './profile.js';

/**
 * Figures from FORMAT.md A1–A6. Choices where the sources give a range or disagree:
 * - document type 16 pt (range 15–16);
 * - body line spacing exactly 18 pt (tools use 18–19 pt): fits 14 pt Times New Roman with stacked
 *   Vietnamese diacritics and keeps about 38 lines on a page;
 * - first-line indent 10 mm, 6 pt before and after each paragraph (Party tools);
 * - "Nơi nhận:" 14 pt upright, "Nơi nhận" underlined and the colon not; the list 12 pt (A5);
 * - signature title bold (NĐ 30 and most Party samples), four blank lines for signature and seal;
 * - part numbers printed "I." (the older "I-" is a profile switch).
 */
export const HD36: LayoutProfile = {
  name: 'hd36',
  description: 'Văn bản của Đảng: Hướng dẫn 36-HD/VPTW (A4, Times New Roman, lề 20/20/30/15 mm)',
  page: {
    widthMm: 210,
    heightMm: 297,
    margins: { topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 },
    headerMm: 10,
    footerMm: 10,
  },
  font: { family: 'Times New Roman', language: 'vi-VN' },
  words: { recipientsLabel: 'Nơi nhận', recipientsLabelSuffix: ':', numberLabel: 'Số', numberStyle: 'party', recipientLineEnd: ',', appendixNumerals: 'arabic' },
  frame: {
    columnsTwips: [4000, 5355],
    superiorBody: { sizePt: 14, upper: true },
    issuingBody: { sizePt: 14, bold: true, upper: true },
    issuingBodyMark: { kind: 'star', text: '*', style: { sizePt: 14 } },
    documentNumber: { sizePt: 14 },
    partyName: { sizePt: 15, bold: true, upper: true },
    motto: { sizePt: 14, bold: true },
    titleRule: { widthRatio: 1, thicknessEighths: 6 },
    placeAndDate: { sizePt: 14, italic: true },
    documentType: { sizePt: 16, bold: true, upper: true },
    documentTypeSpacing: { beforePt: 24, afterPt: 0 },
    subject: { sizePt: 14, bold: true },
    subjectRule: { kind: 'text', text: '-----', style: { sizePt: 14 } },
    afterSubjectPt: 6,
    // Party công văn: the trích yếu under the number, lower case, 12 pt italic (HD 36, Phụ lục 3; UNVERIFIED size).
    letterSubject: { sizePt: 12, italic: true },
    salutation: { sizePt: 14 },
    salutationSpacing: { beforePt: 12, afterPt: 12 },
  },
  body: {
    text: { sizePt: 14 },
    align: 'justify',
    firstLineIndentMm: 10,
    spacing: { beforePt: 6, afterPt: 6, lineExactPt: 18 },
  },
  headings: {
    1: { sizePt: 14, bold: true, upper: true, indentFirstLine: true },
    2: { sizePt: 14, bold: true, indentFirstLine: true },
    3: { sizePt: 14, italic: true, indentFirstLine: true },
    partNumberStyle: 'I.',
  },
  table: {
    text: { sizePt: 13 },
    header: { sizePt: 13, bold: true },
    cellSpacing: { beforePt: 2, afterPt: 2 },
    cellMarginTwips: 85,
    borderEighths: 4,
    caption: { sizePt: 14, bold: true },
    captionSpacing: { beforePt: 6, afterPt: 6 },
    note: { sizePt: 13, italic: true },
    noteSpacing: { beforePt: 3, afterPt: 6 },
  },
  closing: {
    columnsTwips: [4400, 4955],
    beforePt: 12,
    recipientsLabel: { sizePt: 14, underline: true },
    recipientsList: { sizePt: 12 },
    authority: { sizePt: 14, bold: true, upper: true },
    title: { sizePt: 14, bold: true, upper: true },
    signatureBlankLines: 4,
    name: { sizePt: 14, bold: true },
  },
  pageNumber: { text: { sizePt: 14 }, fromSecondPage: true },
  appendix: {
    title: { sizePt: 14, bold: true, upper: true },
    subtitle: { sizePt: 14, bold: true },
    subtitleNote: { sizePt: 14, italic: true },
    table: { sizePt: 12 },
    tableHeader: { sizePt: 12, bold: true },
    landscapeMargins: 'rotate',
    pageNumbering: 'continue',
  },
};

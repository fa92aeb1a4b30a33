/** The state profile (Nghị định 30/2020/NĐ-CP, Phụ lục I; FORMAT.md A2 "State differences"). */

import { HD36 } from './hd36.js';
import type { LayoutProfile } from './profile.js';

/**
 * Differences from hd36 only; the frame words ("Số:", TM./KT., the Quốc hiệu and tiêu ngữ) are data.
 * Choices: Quốc hiệu 13 pt, issuing bodies 13 pt, a rule of 40% under the issuing body, type name
 * 14 pt, "Nơi nhận:" 12 pt bold italic with an 11 pt list, first-line indent 1.27 cm, page numbers
 * 13 pt, appendices numbered on their own.
 */
export const ND30: LayoutProfile = {
  ...HD36,
  name: 'nd30',
  description: 'Văn bản hành chính: Nghị định 30/2020/NĐ-CP, Phụ lục I (A4, Times New Roman)',
  words: { recipientsLabel: 'Nơi nhận', recipientsLabelSuffix: ':', numberLabel: 'Số:', numberStyle: 'state', recipientLineEnd: ';', appendixNumerals: 'roman' },
  frame: {
    ...HD36.frame,
    // The Quốc hiệu line is longer than the Party name, so the right column is wider.
    columnsTwips: [3600, 5755],
    superiorBody: { sizePt: 13, upper: true },
    issuingBody: { sizePt: 13, bold: true, upper: true },
    issuingBodyMark: { kind: 'rule', rule: { widthRatio: 0.4, thicknessEighths: 6 } },
    documentNumber: { sizePt: 13 },
    partyName: { sizePt: 13, bold: true, upper: true },
    motto: { sizePt: 14, bold: true },
    titleRule: { widthRatio: 1, thicknessEighths: 6 },
    documentType: { sizePt: 14, bold: true, upper: true },
    documentTypeSpacing: { beforePt: 18, afterPt: 0 },
    subject: { sizePt: 14, bold: true },
    subjectRule: { kind: 'rule', widthTwips: 1700, thicknessEighths: 6 },
    // NĐ 30/2020, Phụ lục I: "V/v" and the trích yếu of a công văn in lower case, 12–13 pt, upright.
    letterSubject: { sizePt: 12 },
  },
  body: {
    ...HD36.body,
    firstLineIndentMm: 12.7,
    spacing: { beforePt: 0, afterPt: 6, lineExactPt: 18 },
  },
  headings: {
    ...HD36.headings,
    3: { sizePt: 14, indentFirstLine: true },
  },
  closing: {
    ...HD36.closing,
    recipientsLabel: { sizePt: 12, bold: true, italic: true },
    recipientsList: { sizePt: 11 },
  },
  pageNumber: { text: { sizePt: 13 }, fromSecondPage: true },
  // NĐ 30/2020, Phụ lục I, III.1: "Phụ lục" and its number on a line of their own, lower case, 14 pt bold; the
  // pages of each appendix numbered on their own (đ) — from 1 at its first page, on through all its parts.
  appendix: { ...HD36.appendix, title: { sizePt: 14, bold: true }, pageNumbering: 'restart' },
};

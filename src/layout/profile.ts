/** The layout profile type: every size, margin, font and spacing the report writer uses, plus the profile registry. */

import { HD36 } from './hd36.js';
import { ND30 } from './nd30.js';

export type TextAlign = 'left' | 'center' | 'right' | 'justify';

/** Character formatting of one element. Sizes are in points (the writer converts to half-points). */
export interface TextStyle {
  sizePt: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Upper-case the text when writing (the data may come in any case). */
  upper?: boolean;
}

/** Vertical rhythm of a paragraph, in points. `lineExactPt` fixes the line height; omitted means single spacing. */
export interface Spacing {
  beforePt: number;
  afterPt: number;
  lineExactPt?: number;
}

/**
 * A short horizontal rule under a line of the frame, drawn as the bottom border of an empty paragraph.
 * `widthRatio` is relative to the estimated width of the text above it (1 = same length).
 */
export interface RuleStyle {
  widthRatio: number;
  /** Border thickness in eighths of a point (w:sz): 6 = 0.75 pt. */
  thicknessEighths: number;
}

export interface HeadingStyle extends TextStyle {
  /** Headings sit on the body's first-line indent, as the body paragraphs do. */
  indentFirstLine: boolean;
}

export interface LayoutProfile {
  /** Registry key: "hd36", "nd30". */
  name: string;
  /** One line saying which rules the profile follows. */
  description: string;

  page: {
    widthMm: number;
    heightMm: number;
    margins: { topMm: number; bottomMm: number; leftMm: number; rightMm: number };
    /** Distance from the top edge to the page-number header. */
    headerMm: number;
    footerMm: number;
  };

  font: {
    family: string;
    /** BCP-47 tag written as w:lang so spelling and hyphenation use Vietnamese. */
    language: string;
  };

  /** Fixed words of the format that are not report data. */
  words: {
    /** Label over the recipients list, written without its colon; the colon follows un-underlined. */
    recipientsLabel: string;
    recipientsLabelSuffix: string;
    /** How the document builder starts the number line: "Số" (Party) or "Số:" (state). */
    numberLabel: string;
    /** Party documents write "Số 45-BC/BDVTU"; state documents "Số: 45/BC-SNV" (NĐ 30/2020). */
    numberStyle: 'party' | 'state';
    /** How appendices are numbered: "Phụ lục 1" (Party practice) or "Phụ lục I" (NĐ 30/2020, Phụ lục I, III.1.a). */
    appendixNumerals: 'arabic' | 'roman';
    /** How a line of "Nơi nhận:" ends before the last: "," in Party practice, ";" under NĐ 30/2020 (FORMAT.md A5). */
    recipientLineEnd: ',' | ';';
  };

  frame: {
    /** Header table column widths in twips for the nominal text width; scaled if the text width differs. */
    columnsTwips: [number, number];
    superiorBody: TextStyle;
    issuingBody: TextStyle;
    /** Under the issuing body: the Party's "*" or the state's short rule. */
    issuingBodyMark: { kind: 'star'; text: string; style: TextStyle } | { kind: 'rule'; rule: RuleStyle };
    documentNumber: TextStyle;
    partyName: TextStyle;
    /** State documents only: the tiêu ngữ under the Quốc hiệu. */
    motto: TextStyle;
    /** Rule under the last line of the right column's title group (party name, or motto when present). */
    titleRule: RuleStyle;
    placeAndDate: TextStyle;
    documentType: TextStyle;
    documentTypeSpacing: Spacing;
    subject: TextStyle;
    /** Under the subject: a printed "-----" (Party practice) or a drawn rule (state). */
    subjectRule: { kind: 'text'; text: string; style: TextStyle } | { kind: 'rule'; widthTwips: number; thicknessEighths: number };
    /** Space between the subject block and the first body paragraph. */
    afterSubjectPt: number;
    /** A letter's (công văn) trích yếu under its number: "V/v …". */
    letterSubject: TextStyle;
    /** A letter's "Kính gửi:" and its addressees; the space around them. */
    salutation: TextStyle;
    salutationSpacing: Spacing;
  };

  body: {
    text: TextStyle;
    align: TextAlign;
    firstLineIndentMm: number;
    spacing: Spacing;
  };

  headings: {
    1: HeadingStyle;
    2: HeadingStyle;
    3: HeadingStyle;
    /**
     * How a part number is printed: "I." as written in the model, or the older Party habit "I-"
     * (the writer then turns a trailing "." of a level-1 number into "-").
     */
    partNumberStyle: 'I.' | 'I-';
  };

  table: {
    text: TextStyle;
    header: TextStyle;
    /** Cell paragraphs use single spacing with this much air above and below. */
    cellSpacing: Spacing;
    /** Left/right cell padding. */
    cellMarginTwips: number;
    /** Grid line thickness in eighths of a point. */
    borderEighths: number;
    caption: TextStyle;
    captionSpacing: Spacing;
    note: TextStyle;
    noteSpacing: Spacing;
  };

  closing: {
    /** Recipients / signature table column widths in twips (scaled like the header's). */
    columnsTwips: [number, number];
    /** Space above the closing table. */
    beforePt: number;
    recipientsLabel: TextStyle;
    recipientsList: TextStyle;
    authority: TextStyle;
    title: TextStyle;
    /** Blank lines between the title and the name, for the signature and seal. */
    signatureBlankLines: number;
    name: TextStyle;
  };

  pageNumber: {
    text: TextStyle;
    /** Hidden on the first page (title page header left empty). */
    fromSecondPage: boolean;
  };

  appendix: {
    title: TextStyle;
    /** Subtitle lines; a line wrapped in parentheses ("(Kèm theo Báo cáo số …)") uses `subtitleNote`. */
    subtitle: TextStyle;
    subtitleNote: TextStyle;
    table: TextStyle;
    tableHeader: TextStyle;
    /**
     * Landscape pages are rotated so that the binding edge stays the same: the portrait left margin
     * becomes the landscape top margin ('rotate'), or the portrait margins are kept ('same').
     */
    landscapeMargins: 'rotate' | 'same';
    /** Appendix pages go on numbering from the body ('continue') or start again at 1 ('restart'). */
    pageNumbering: 'continue' | 'restart';
  };
}

const PROFILES: Readonly<Record<string, LayoutProfile>> = { hd36: HD36, nd30: ND30 };

/** The default profile name when a DocModel or config names none. */
export const DEFAULT_PROFILE = 'hd36';

/** The named profile, or undefined for an unknown name. */
export function getLayoutProfile(name: string = DEFAULT_PROFILE): LayoutProfile | undefined {
  return Object.prototype.hasOwnProperty.call(PROFILES, name) ? PROFILES[name] : undefined;
}

/** Names of the registered profiles, for usage messages. */
export function layoutProfileNames(): string[] {
  return Object.keys(PROFILES);
}

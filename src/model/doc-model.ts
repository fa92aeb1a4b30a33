/**
 * DocModel: the report as blocks and frame data, independent of the docx library. The document builder
 * makes it from the ReportModel and the rendered template; the docx writer maps it, with a layout profile,
 * onto OOXML. Plain JSON, so it can be snapshotted.
 */

export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface HeadingBlock {
  type: 'heading';
  /** 1 = part ("I. KẾT QUẢ…", upper case, bold), 2 = section ("1. Công tác…", bold), 3 = point ("a) …", italic). */
  level: 1 | 2 | 3;
  /** The numbering as printed: "I.", "1.", "a)". Empty for an unnumbered heading. */
  number: string;
  text: string;
}

export interface ParagraphBlock {
  type: 'paragraph';
  runs: TextRun[];
  /** Body paragraphs are justified with a first-line indent; "centered" is for notes under tables. */
  align?: Align;
  /** false for paragraphs that must not take the first-line indent. Default true. */
  indent?: boolean;
}

export interface TableColumn {
  header: string;
  /** Relative width; the writer scales the columns to the text width. */
  width: number;
  align: Align;
}

export interface TableRow {
  cells: string[];
  /** A total or group row, printed bold. */
  bold?: boolean;
}

export interface TableBlock {
  type: 'table';
  /** Printed above the table, centred and bold ("Bảng 1. Kết quả thực hiện các chỉ tiêu"). */
  caption?: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** Printed under the table, italic ("Ghi chú: …"). */
  note?: string;
  /**
   * 'balanced': the writer sets the widths by the header texts and the names (fewest header lines), not by the
   * columns' weights — for the appendix of indicators by unit, whose headers are long and cells short numbers.
   */
  widths?: 'balanced';
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock;

/** The official frame of the first page (header table, title, subject line). */
export interface DocFrame {
  /** Left column, line 1, regular: "TỈNH ỦY BÌNH SƠN". May be empty. */
  superiorBody: string;
  /** Left column, line 2, bold: "BAN DÂN VẬN". */
  issuingBody: string;
  /** Left column, under the star: "Số 45-BC/BDVTU" ("Số" with no colon in hd36). */
  documentNumber: string;
  /** Right column, bold, with a rule under it: "ĐẢNG CỘNG SẢN VIỆT NAM". */
  partyName: string;
  /** State documents (nd30) only: the tiêu ngữ under the Quốc hiệu ("Độc lập - Tự do - Hạnh phúc"). */
  motto?: string;
  /** Right column, italic: "Bình Sơn, ngày 05 tháng 4 năm 2023". */
  placeAndDate: string;
  /** "BÁO CÁO"; empty for a letter (công văn), which has no type name. */
  documentType: string;
  /** The trích yếu, bold and centred; one string per line (a report's; a letter's is `letterSubject`). */
  subject: string[];
  /** A letter's trích yếu, under its number: "V/v đôn đốc gửi báo cáo …". */
  letterSubject?: string;
  /** A letter's "Kính gửi:" addressees, under the header. */
  addressees?: string[];
}

export interface Signature {
  /** "K/T TRƯỞNG BAN", "T/M BAN THƯỜNG VỤ", or empty when the head signs. */
  authority: string;
  /** "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN". */
  title: string;
  /** The signer's name, lower case bold ("Nguyễn Văn An"). */
  name: string;
}

export interface Appendix {
  /** "Phụ lục" heading and title, e.g. "PHỤ LỤC" / "SỐ LIỆU CÁC CHỈ TIÊU THEO ĐƠN VỊ". */
  title: string;
  subtitle: string[];
  table: TableBlock;
  /** A wide table gets a landscape section of its own. */
  landscape: boolean;
  /** A later part of the appendix before it (a table cut in parts): its pages are numbered on from that one. */
  continued?: boolean;
}

export interface DocModel {
  /** Name of the layout profile that sets every size, margin and font ("hd36"). */
  profile: string;
  frame: DocFrame;
  body: Block[];
  /** Appended to the last body paragraph: "./." in Party practice (FORMAT.md A3); may be empty. */
  endMark: string;
  signature: Signature;
  /** "Nơi nhận:" list, each line as printed ("- Ban Dân vận Trung ương (để b/c),"), last one "- Lưu Văn phòng.". */
  recipients: string[];
  appendices: Appendix[];
  /** Document properties: title and author written into docProps (no dates: the output is deterministic). */
  meta: { title: string; author: string };
}

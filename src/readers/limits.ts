/**
 * The budgets of one workbook: what the reader will inflate, scan and keep, whatever the file claims.
 * Each figure is far above the largest honest submission (a filled-in form inflates to 100–200 KB; the
 * largest of ~1,000 public workbooks of the corpus to 0.7 MB, with 20 sheets, 460 rows, 8,525 cells and 524
 * merged ranges in one sheet) and low enough that one file stays within seconds and a few hundred MB.
 * README.md ("Giới hạn") lists them for users; a file over a limit is refused with a message naming it.
 */

const MiB = 1024 * 1024;

export const WORKBOOK_LIMITS = {
  /** Uncompressed bytes of all the parts read (each part counted once). */
  totalInflatedBytes: 64 * MiB,
  /** Uncompressed bytes of one part (a worksheet, the shared strings…). */
  partBytes: 32 * MiB,
  /** Sheets listed in the workbook. */
  sheets: 256,
  /** Rows that hold at least one value, per sheet. */
  rowsPerSheet: 20_000,
  /** Cells that hold a value, per sheet. */
  cellsPerSheet: 200_000,
  /** Cells that hold a value, in all sheets: what the reader keeps in memory (about 150 bytes a cell). */
  cellsPerWorkbook: 500_000,
  /** Merged ranges, per sheet. */
  mergedRangesPerSheet: 10_000,
  /** Characters in one cell: Excel's own limit. */
  cellChars: 32_767,
} as const;

export type WorkbookLimitName = keyof typeof WORKBOOK_LIMITS;

/** Which limit a file broke, and where: enough for a message that names the limit and the place. */
export interface LimitBreach {
  limit: WorkbookLimitName;
  /** The limit's figure. */
  max: number;
  /** Sheet name, when the limit is per sheet. */
  sheet?: string;
  /** Zip part name, when the limit is per part. */
  part?: string;
  /** A cell address, for the characters of a cell. */
  cell?: string;
}

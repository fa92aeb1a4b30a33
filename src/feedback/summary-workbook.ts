/**
 * tong-hop-kiem-tra.xlsx (`kiemtra --phan-hoi`): for the staff member who writes to the units — one row per file
 * (and per registry unit that sent nothing), its status, its counts, its first problem, whom to contact, and the
 * annotated copy to attach. A new workbook of danvan's own, so exceljs is fine here.
 */
import ExcelJS from 'exceljs';
import { isInformational } from '../diagnostics/issue.js';
import type { CheckReport } from '../check/check.js';
import { isUsed, needsFixing, type FileResult } from '../check/file-result.js';
import type { UnitEntry } from '../config/schema.js';
import { parsePeriod, periodName } from '../domain/period.js';
import { orderUnits } from '../domain/units.js';
import { BASE_FONT, BOLD_FONT, BORDER, HEADER_FILL, TITLE_FONT, WRAP_TOP, wrappedRowHeight } from '../form/styles.js';
import { normaliseWorkbookPackage } from '../form/workbook-package.js';
import { feedbackMsg } from '../messages/vi.js';
import { fixOrderOf } from './issues.js';

export type UnitStatus = keyof typeof feedbackMsg.status;

export interface SummaryLine {
  code: string | null;
  name: string | null;
  group: string | null;
  file: string | null;
  status: UnitStatus;
  errors: number;
  warnings: number;
  firstProblem: string | null;
  preparedBy: string | null;
  phone: string | null;
  email: string | null;
  /** The annotated copy's path inside the feedback folder, or why there is none. */
  copy: { path: string } | { reason: string } | null;
}

export function statusOf(file: FileResult): UnitStatus {
  if (file.superseded) return 'superseded';
  return file.valid ? 'valid' : 'invalid';
}

/** "sheet Số liệu, ô D7: …", the first thing to fix in the file. */
export function firstProblem(file: FileResult): string | null {
  const first = fixOrderOf(file)[0];
  if (!first) return null;
  const where = feedbackMsg.where(first.sheet, first.cell);
  return where ? `${where}: ${first.message}` : first.message;
}

/**
 * The rows: with a registry, its units in report order (each file of a unit, then a "chưa gửi" row for a unit
 * without one), then files whose unit the registry does not know; without a registry, one row per file.
 */
export function summaryLines(report: CheckReport, registry: readonly UnitEntry[], copies: ReadonlyMap<string, SummaryLine['copy']>): SummaryLine[] {
  const line = (file: FileResult, unit: UnitEntry | undefined): SummaryLine => ({
    code: file.unit ?? file.typedUnit ?? unit?.code ?? null,
    name: unit?.name ?? file.contact?.unitName ?? null,
    group: unit?.group ?? null,
    file: file.file,
    status: statusOf(file),
    errors: file.errors.length,
    warnings: file.warnings.filter((w) => !isInformational(w.code)).length,
    firstProblem: firstProblem(file),
    preparedBy: file.contact?.preparedBy ?? null,
    phone: file.contact?.phone ?? null,
    email: file.contact?.email ?? null,
    copy: copies.get(file.file) ?? null,
  });
  // A unit's files: the one used first, then the others, by name.
  const byFile = (a: FileResult, b: FileResult) => Number(!!a.superseded) - Number(!!b.superseded) || Number(!a.valid) - Number(!b.valid) || (a.file < b.file ? -1 : 1);
  // The check lists files in report order already (without a registry, by the names they give, the Vietnamese way).
  if (registry.length === 0) return report.files.map((f) => line(f, undefined));

  const lines: SummaryLine[] = [];
  const known = new Set(registry.map((u) => u.code));
  for (const unit of orderUnits(registry, registry)) {
    const files = report.files.filter((f) => f.unit === unit.code).sort(byFile);
    for (const file of files) lines.push(line(file, unit));
    if (files.length === 0) {
      lines.push({ code: unit.code, name: unit.name, group: unit.group, file: null, status: 'missing', errors: 0, warnings: 0, firstProblem: null, preparedBy: null, phone: null, email: null, copy: null });
    }
  }
  const others = report.files.filter((f) => !f.unit || !known.has(f.unit));
  for (const file of others) lines.push(line(file, undefined));
  return lines;
}

const COLUMNS: readonly { width: number; center?: boolean }[] = [
  { width: 6, center: true },
  { width: 16 },
  { width: 30 },
  { width: 16 },
  { width: 30 },
  { width: 16, center: true },
  { width: 8, center: true },
  { width: 9, center: true },
  { width: 60 },
  { width: 22 },
  { width: 15 },
  { width: 28 },
  { width: 30 },
];

const STATUS_FILL: Partial<Record<UnitStatus, ExcelJS.Fill>> = {
  invalid: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } },
  missing: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } },
  superseded: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } },
};

const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));
const HEADER_ROW = 4;

/** A relative link to a file of the same folder ("HU_X.xlsx", "quy-1/HU_X.xlsx"), each segment escaped. */
function relativeLink(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export async function buildSummaryWorkbook(report: CheckReport, lines: readonly SummaryLine[]): Promise<Buffer> {
  const latest = report.files.map((f) => f.reportDate).filter((d): d is string => !!d).sort().pop();
  const stamp = latest ? new Date(`${latest}T00:00:00Z`) : FIXED_DATE;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'danvan';
  workbook.lastModifiedBy = 'danvan';
  workbook.created = stamp;
  workbook.modified = stamp;
  const sheet = workbook.addWorksheet(feedbackMsg.summarySheet);
  COLUMNS.forEach((column, i) => (sheet.getColumn(i + 1).width = column.width));

  const period = report.period ? periodName(parsePeriod(report.period)!) : null;
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  sheet.getCell(1, 1).value = feedbackMsg.summaryTitle(period);
  sheet.getCell(1, 1).font = TITLE_FONT;
  sheet.getRow(1).height = 22;
  const counts = feedbackMsg.summaryCounts({
    files: report.files.length,
    valid: report.files.filter(isUsed).length,
    invalid: report.files.filter(needsFixing).length,
    superseded: report.files.filter((f) => f.superseded).length,
    missing: report.missing === null ? null : report.missing.length,
  });
  sheet.mergeCells(2, 1, 2, COLUMNS.length);
  sheet.getCell(2, 1).value = counts;
  sheet.getCell(2, 1).font = BOLD_FONT;
  sheet.mergeCells(3, 1, 3, COLUMNS.length);
  sheet.getCell(3, 1).value = feedbackMsg.summaryHint;
  sheet.getCell(3, 1).font = BASE_FONT;
  sheet.getCell(3, 1).alignment = WRAP_TOP;
  sheet.getRow(3).height = 32;

  const header = sheet.getRow(HEADER_ROW);
  header.height = 32;
  feedbackMsg.summaryHeader.forEach((label, i) => {
    const cell = header.getCell(i + 1);
    cell.value = label;
    cell.font = BOLD_FONT;
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });

  lines.forEach((line, i) => {
    const row = sheet.getRow(HEADER_ROW + 1 + i);
    const copy = line.copy && 'path' in line.copy ? ({ text: line.copy.path, hyperlink: relativeLink(line.copy.path) } as ExcelJS.CellHyperlinkValue) : line.copy?.reason ?? null;
    // Nothing known stays an empty cell, not an empty text.
    const values: (string | number | ExcelJS.CellHyperlinkValue | null)[] = [
      i + 1,
      line.code,
      line.name,
      line.group,
      line.file,
      feedbackMsg.status[line.status],
      line.status === 'missing' ? null : line.errors,
      line.status === 'missing' ? null : line.warnings,
      line.firstProblem,
      line.preparedBy,
      line.phone,
      line.email,
      copy,
    ];
    values.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      cell.value = value;
      cell.font = c === 12 && value !== null && typeof value === 'object' ? { ...BASE_FONT, underline: true, color: { argb: 'FF0563C1' } } : BASE_FONT;
      cell.border = BORDER;
      cell.alignment = COLUMNS[c]!.center ? { horizontal: 'center', vertical: 'top', wrapText: true } : WRAP_TOP;
      const fill = STATUS_FILL[line.status];
      if (fill && c === 5) cell.fill = fill;
    });
    row.height = wrappedRowHeight([
      { text: line.firstProblem ?? '', width: COLUMNS[8]!.width },
      { text: line.file ?? '', width: COLUMNS[4]!.width },
      { text: line.name ?? '', width: COLUMNS[2]!.width },
    ]);
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}`, activeCell: `A${HEADER_ROW + 1}` }];
  if (lines.length) sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW + lines.length, column: COLUMNS.length } };
  sheet.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return normaliseWorkbookPackage(Buffer.from(await workbook.xlsx.writeBuffer()), stamp);
}

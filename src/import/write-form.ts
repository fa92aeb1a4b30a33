/**
 * The imported report written as danvan's own form (form/index.ts, the writer `mau` uses), filled, with a
 * note of origin on every imported cell and a first sheet "Nhập từ Word": the source, what was imported, and
 * what needs a person.
 */
import type ExcelJS from 'exceljs';
import type { Indicator } from '../domain/catalogue.js';
import { SHEET } from '../domain/form-layout.js';
import { periodLabel } from '../domain/period.js';
import { buildFormWorkbook } from '../form/index.js';
import { BASE_FONT, BOLD_FONT, BORDER, HEADER_FILL, HINT_FONT, TITLE_FONT, WRAP_TOP } from '../form/styles.js';
import { NHAP_SHEET, nhapMsg } from '../messages/vi.js';
import type { ImportedReport } from './import-report.js';

function dateText(date: Date): string {
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${date.getUTCFullYear()}`;
}

/** Excel shows notes up to about 32,767 characters; ours stay short, but a pasted paragraph must not break it. */
function noteText(text: string): string {
  return text.length > 2000 ? `${text.slice(0, 1999)}…` : text;
}

function addReviewSheet(workbook: ExcelJS.Workbook, report: ImportedReport, fileName: string): void {
  const sheet = workbook.addWorksheet(NHAP_SHEET, { properties: { tabColor: { argb: 'FFC00000' } } });
  // First in the tab order: the person opening the form sees what needs doing before anything else.
  (sheet as unknown as { orderNo: number }).orderNo = 0;
  sheet.getColumn(1).width = 8;
  sheet.getColumn(2).width = 100;
  sheet.getColumn(3).width = 30;
  const s = nhapMsg.sheet;
  let r = 1;
  const title = sheet.getCell(r, 1);
  title.value = s.title;
  title.font = TITLE_FONT;
  sheet.mergeCells(r, 1, r, 3);
  r += 2;
  const info: [string, string][] = [
    [s.source, fileName],
    [s.unit, report.unit ? `${report.unit.code} — ${report.unit.name}` : `${s.notRead}${report.unitRead ? `: ${report.unitRead}` : ''}`],
    [s.period, report.period ? periodLabel(report.period) : s.notRead],
    [s.date, report.reportDate ? dateText(report.reportDate) : s.notRead],
    [s.head, report.head ?? s.notRead],
  ];
  for (const [label, value] of info) {
    sheet.getCell(r, 1).value = label;
    sheet.getCell(r, 1).font = BOLD_FONT;
    sheet.mergeCells(r, 2, r, 3);
    sheet.getCell(r, 2).value = value;
    sheet.getCell(r, 2).font = BASE_FONT;
    r++;
  }
  r++;
  sheet.getCell(r, 1).value = s.imported;
  sheet.getCell(r, 1).font = BOLD_FONT;
  r++;
  const header = (labels: readonly string[]) => {
    labels.forEach((label, c) => {
      const cell = sheet.getCell(r, c + 1);
      cell.value = label;
      cell.font = BOLD_FONT;
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
    });
    r++;
  };
  const row = (values: readonly (string | number)[]) => {
    values.forEach((value, c) => {
      const cell = sheet.getCell(r, c + 1);
      cell.value = value;
      cell.font = BASE_FONT;
      cell.border = BORDER;
      cell.alignment = WRAP_TOP;
    });
    r++;
  };
  header(s.importedHeader);
  const c = report.counts;
  row([SHEET.results, c.results, '']);
  row([SHEET.limitations, c.limitations, c.causes ? nhapMsg.counts.causes(c.causes) : '']);
  row([SHEET.tasks, c.tasks, '']);
  row([SHEET.proposals, c.proposals, '']);
  row([SHEET.figures, c.figures, [c.offered ? nhapMsg.counts.offered(c.offered) : '', c.unplaced ? nhapMsg.counts.unplaced(c.unplaced) : ''].filter(Boolean).join('; ')]);
  r++;
  sheet.getCell(r, 1).value = `${s.review} (${report.review.length})`;
  sheet.getCell(r, 1).font = { ...BOLD_FONT, color: { argb: 'FFC00000' } };
  r++;
  if (report.review.length === 0) {
    sheet.mergeCells(r, 1, r, 3);
    sheet.getCell(r, 1).value = s.noReview;
    sheet.getCell(r, 1).font = BASE_FONT;
    r++;
  } else {
    header(s.reviewHeader);
    report.review.forEach((item, i) => row([i + 1, item.message, item.where]));
  }
  r++;
  sheet.mergeCells(r, 1, r, 3);
  sheet.getCell(r, 1).value = s.howTo;
  sheet.getCell(r, 1).font = HINT_FONT;
  sheet.getCell(r, 1).alignment = WRAP_TOP;
  sheet.getRow(r).height = 32;
}

function addNotes(workbook: ExcelJS.Workbook, report: ImportedReport): void {
  for (const note of report.notes) {
    const sheet = workbook.getWorksheet(note.sheet);
    if (!sheet) continue;
    sheet.getCell(note.cell).note = { texts: [{ text: noteText(note.text) }], editAs: 'absolute' } as ExcelJS.Comment;
  }
}

/** The form's bytes: the same report gives the same bytes (the report's date, else a fixed date, stamps the package). */
export async function writeImportedForm(report: ImportedReport, catalogue: readonly Indicator[], fileName: string): Promise<Buffer> {
  return buildFormWorkbook({
    catalogue,
    content: report.content,
    blankRows: 10,
    finish: (workbook) => {
      addNotes(workbook, report);
      addReviewSheet(workbook, report, fileName);
      workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
    },
  });
}

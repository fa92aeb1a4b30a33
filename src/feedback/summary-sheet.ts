/** The worksheet XML of "Kết quả kiểm tra", the first sheet of an annotated copy: inline strings only. */
import { wrappedRowHeight } from '../form/styles.js';
import { feedbackMsg } from '../messages/vi.js';
import { NS, escapeXml, escapeXstring } from './ooxml-package.js';
import type { SummaryStyle } from './styles-part.js';

export interface SummaryRow {
  severity: 'error' | 'warning';
  /** The sheet as the file names it (or as the checker named a missing one), null for the whole file. */
  sheet: string | null;
  cell: string | null;
  /** The worksheet to link to, when the file has it. */
  linkSheet: string | null;
  message: string;
}

export interface SummaryContent {
  fileName: string;
  unit: string | null;
  period: string | null;
  errors: number;
  warnings: number;
  /** A valid file not counted because its unit sent another one. */
  superseded: boolean;
  rows: readonly SummaryRow[];
}

const WIDTHS = [6, 9, 16, 10, 95];
const HEADER_ROW = 6;

/** "'Số liệu'!D7": a location for an internal link; quotes in a sheet name are doubled. */
export function linkLocation(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

function columnLetter(col: number): string {
  return String.fromCharCode(64 + col);
}

export function summarySheetXml(content: SummaryContent, xf: Record<SummaryStyle, number>): string {
  const rows: string[] = [];
  const links: string[] = [];
  const text = (ref: string, value: string, style: SummaryStyle) =>
    `<c r="${ref}" s="${xf[style]}" t="inlineStr"><is><t xml:space="preserve">${escapeXstring(value)}</t></is></c>`;
  const row = (r: number, cells: string, height?: number) => rows.push(`<row r="${r}"${height ? ` ht="${height}" customHeight="1"` : ''}>${cells}</row>`);
  const fullWidth = WIDTHS.reduce((a, b) => a + b, 0);

  row(1, text('A1', feedbackMsg.title, 'title'), 24);
  const fileLine = feedbackMsg.fileLine(content.fileName, content.unit, content.period);
  row(2, text('A2', fileLine, 'text'), wrappedRowHeight([{ text: fileLine, width: fullWidth }]));
  const counts = feedbackMsg.counts(content.errors, content.warnings, content.superseded);
  row(3, text('A3', counts, 'bold'), wrappedRowHeight([{ text: counts, width: fullWidth }]));
  row(4, text('A4', feedbackMsg.howTo, 'text'), wrappedRowHeight([{ text: feedbackMsg.howTo, width: fullWidth }]));
  row(HEADER_ROW, feedbackMsg.header.map((label, i) => text(`${columnLetter(i + 1)}${HEADER_ROW}`, label, 'header')).join(''), 22);

  content.rows.forEach((item, i) => {
    const r = HEADER_ROW + 1 + i;
    const where = item.cell ?? (item.sheet ? feedbackMsg.wholeSheet : feedbackMsg.wholeFile);
    const linked = item.linkSheet !== null;
    const cells =
      `<c r="A${r}" s="${xf.center}"><v>${i + 1}</v></c>` +
      text(`B${r}`, feedbackMsg.severity[item.severity], item.severity) +
      text(`C${r}`, item.sheet ?? '', 'cell') +
      text(`D${r}`, where, linked ? 'link' : 'center') +
      text(`E${r}`, item.message, 'cell');
    row(r, cells, wrappedRowHeight([{ text: item.message, width: WIDTHS[4]! }, { text: item.sheet ?? '', width: WIDTHS[2]! }]));
    if (linked) links.push(`<hyperlink ref="D${r}" location="${escapeXml(linkLocation(item.linkSheet!, item.cell ?? 'A1'))}" display="${escapeXml(where)}"/>`);
  });

  const last = HEADER_ROW + Math.max(1, content.rows.length);
  const first = HEADER_ROW + 1;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
    `<sheetPr><tabColor rgb="FFC00000"/><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:E${last}"/>` +
    `<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="${HEADER_ROW}" topLeftCell="A${first}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="D${first}" sqref="D${first}"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15.75"/>` +
    `<cols>${WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    `<mergeCells count="4"><mergeCell ref="A1:E1"/><mergeCell ref="A2:E2"/><mergeCell ref="A3:E3"/><mergeCell ref="A4:E4"/></mergeCells>` +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    `<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
    `</worksheet>`
  );
}

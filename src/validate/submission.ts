/** Validates one read workbook against the form of SPEC §3, collecting every problem with its cell. */
import type { z } from 'zod';
import type { RawWorkbook } from '../readers/types.js';
import { cellRef } from '../readers/types.js';
import type { Issue } from '../diagnostics/issue.js';
import type { Indicator } from '../domain/catalogue.js';
import { COLUMNS, INFO_LABEL, REQUIRED_INFO, SHEET, TABLE_SHEETS, type TableSheetKey } from '../domain/form-layout.js';
import { msg } from '../messages/vi.js';
import { infoSchema, figureRowSchema, rowSchemas, submissionSchema, type Submission } from '../schemas/submission.js';
import { cellText } from './cell-values.js';
import { cleanText } from '../domain/text.js';
import { SheetGrid, dataRows, findHeader, findLabelledValues, findSheet, type DataRow } from './locate.js';

export interface WorkbookValidation {
  /** Present only when the file has no error. */
  submission?: Submission;
  /** Unit code and period key as far as they could be read, even from an invalid file. */
  unit: string | null;
  period: string | null;
  reportDate: string | null;
  /** Where "Mã đơn vị" and "Kỳ báo cáo" were found, for problems found later across files. */
  unitCell: string | null;
  periodCell: string | null;
  issues: Issue[];
}

class IssueList {
  readonly items: Issue[] = [];
  error(code: string, sheet: string | null, cell: string | null, message: string): void {
    this.items.push({ code, severity: 'error', sheet, cell, message });
  }
  warning(code: string, sheet: string | null, cell: string | null, message: string): void {
    this.items.push({ code, severity: 'warning', sheet, cell, message });
  }
  /** zod issues of one row, each placed on the cell of the column it concerns. */
  fromZod(error: z.ZodError, sheet: string, row: number, columns: Map<string, number>): void {
    for (const issue of error.issues) {
      const key = String(issue.path[0]);
      const col = columns.get(key);
      const code = (issue as { params?: { code?: string } }).params?.code ?? 'value.invalid';
      this.error(code, sheet, col === undefined ? null : cellRef(row, col), issue.message);
    }
  }
  get hasErrors(): boolean {
    return this.items.some((issue) => issue.severity === 'error');
  }
}

export function validateWorkbook(workbook: RawWorkbook, file: string, catalogue: readonly Indicator[]): WorkbookValidation {
  const issues = new IssueList();
  const infoSheet = findSheet(workbook, SHEET.info);
  const figuresSheet = findSheet(workbook, SHEET.figures);
  if (!infoSheet && !figuresSheet) {
    issues.error('workbook.not-a-submission', null, null, msg.notSubmission(workbook.sheets.map((s) => s.name)));
    return { unit: null, period: null, reportDate: null, unitCell: null, periodCell: null, issues: issues.items };
  }

  const info = infoSheet ? validateInfo(new SheetGrid(infoSheet), issues) : undefined;
  if (!infoSheet) issues.error('sheet.missing', SHEET.info, null, msg.sheetMissing(SHEET.info));

  const figures = figuresSheet ? validateFigures(new SheetGrid(figuresSheet), catalogue, issues) : undefined;
  if (!figuresSheet) issues.error('sheet.missing', SHEET.figures, null, msg.sheetMissing(SHEET.figures));

  const tables = {} as { [K in TableSheetKey]?: Array<Record<string, unknown> & { row: number }> };
  for (const key of TABLE_SHEETS) {
    if (key === 'figures') continue;
    tables[key] = validateTable(workbook, key, issues);
  }

  const result: WorkbookValidation = {
    unit: info?.unitCode ?? null,
    period: info?.period ?? null,
    reportDate: info?.reportDate ?? null,
    unitCell: info?.cells.unitCode ?? null,
    periodCell: info?.cells.period ?? null,
    issues: issues.items,
  };
  if (issues.hasErrors || !info?.complete || !figures) return result;

  result.submission = submissionSchema.parse({
    file,
    info: info.values,
    figures,
    results: tables.results ?? [],
    limitations: tables.limitations ?? [],
    tasks: tables.tasks ?? [],
    proposals: tables.proposals ?? [],
    models: tables.models ?? [],
  });
  return result;
}

interface InfoResult {
  unitCode?: string;
  period?: string;
  reportDate?: string;
  complete: boolean;
  values: Record<string, unknown>;
  cells: Partial<Record<keyof typeof INFO_LABEL, string>>;
}

function validateInfo(grid: SheetGrid, issues: IssueList): InfoResult {
  const found = findLabelledValues(grid, INFO_LABEL);
  for (const key of REQUIRED_INFO) {
    if (!found.has(key)) issues.error('info.label-missing', grid.name, null, msg.infoLabelMissing(INFO_LABEL[key]));
  }
  const input: Record<string, unknown> = {};
  const cells: InfoResult['cells'] = {};
  for (const [key, place] of found) {
    input[key] = place.value;
    cells[key as keyof typeof INFO_LABEL] = cellRef(place.row, place.col);
  }
  const parsed = infoSchema.safeParse(input);
  if (parsed.success) return { ...parsed.data, complete: true, values: parsed.data, cells };

  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0]) as keyof typeof INFO_LABEL;
    const place = found.get(key);
    if (!place) continue; // already reported as a missing label
    const code = (issue as { params?: { code?: string } }).params?.code ?? 'value.invalid';
    const message = code === 'info.missing' ? msg.infoRequired(INFO_LABEL[key]) : issue.message;
    issues.error(code, grid.name, cellRef(place.row, place.col), message);
  }
  // Keep what did parse, so that an invalid file still shows its unit and period.
  const partial: InfoResult = { complete: false, values: {}, cells };
  for (const key of ['unitCode', 'period', 'reportDate'] as const) {
    const one = infoSchema.shape[key].safeParse(input[key]);
    if (one.success) partial[key] = one.data;
  }
  return partial;
}

function validateFigures(grid: SheetGrid, catalogue: readonly Indicator[], issues: IssueList): Record<string, number | null> | undefined {
  const header = findHeader(grid, COLUMNS.figures);
  if (!header) {
    issues.error('header.missing', grid.name, null, msg.headerMissing(grid.name, COLUMNS.figures.map((c) => c.label)));
    return undefined;
  }
  for (const spec of header.missingRequired) issues.error('header.column-missing', grid.name, null, msg.columnMissing(grid.name, spec.label));
  if (header.missingRequired.length) return undefined;

  const byCode = new Map(catalogue.map((indicator) => [indicator.code, indicator]));
  const figures: Record<string, number | null> = {};
  const seenAt = new Map<string, string>();
  const valueCell = (row: DataRow) => cellRef(row.row, header.columns.get('value')!);
  const valueRows = new Map<string, DataRow>();

  for (const row of dataRows(grid, header)) {
    const codeCell = cellRef(row.row, header.columns.get('code')!);
    const code = row.values.code ? cleanText(cellText(row.values.code)).toUpperCase() : '';
    if (!code) {
      // A line with neither code nor value is a note under the table; a value without its code is a mistake.
      if (row.values.value !== undefined) {
        issues.error('value.missing', grid.name, codeCell, msg.valueMissing(COLUMNS.figures[0].label));
      }
      continue;
    }
    const indicator = byCode.get(code);
    if (!indicator) {
      issues.error('figure.unknown-code', grid.name, codeCell, msg.unknownIndicator(code));
      continue;
    }
    const first = seenAt.get(code);
    if (first) {
      issues.error('figure.duplicate-code', grid.name, codeCell, msg.duplicateIndicator(code, first));
      continue;
    }
    seenAt.set(code, codeCell);
    // A derived indicator (KN_TL) is recomputed from the summed parts; what its cell holds is not used.
    if (indicator.derived) continue;
    const parsed = figureRowSchema.safeParse(row.values);
    if (!parsed.success) {
      issues.fromZod(parsed.error, grid.name, row.row, row.columns);
      continue;
    }
    const { value } = parsed.data;
    figures[code] = value;
    valueRows.set(code, row);
    if (value === null) issues.warning('figure.blank', grid.name, valueCell(row), msg.indicatorBlank(code, indicator.name));
  }

  for (const indicator of catalogue) {
    if (indicator.derived || seenAt.has(indicator.code)) continue;
    figures[indicator.code] = null;
    issues.warning('figure.row-missing', grid.name, null, msg.indicatorRowMissing(indicator.code, indicator.name));
  }

  const received = figures.KN_TIEP;
  const solved = figures.KN_GQ;
  const solvedRow = valueRows.get('KN_GQ');
  if (typeof received === 'number' && typeof solved === 'number' && solved > received && solvedRow) {
    const text = (row: DataRow | undefined) => (row?.values.value ? cellText(row.values.value) : '');
    issues.warning('figure.resolved-exceeds-received', grid.name, valueCell(solvedRow), msg.resolvedExceedsReceived(text(solvedRow), text(valueRows.get('KN_TIEP'))));
  }
  return figures;
}

function validateTable(workbook: RawWorkbook, key: Exclude<TableSheetKey, 'figures'>, issues: IssueList) {
  const sheetName = SHEET[key];
  const sheet = findSheet(workbook, sheetName);
  if (!sheet) {
    issues.warning('sheet.missing-optional', sheetName, null, msg.sheetMissingOptional(sheetName));
    return [];
  }
  const grid = new SheetGrid(sheet);
  const specs = COLUMNS[key];
  const header = findHeader(grid, specs);
  if (!header) {
    issues.error('header.missing', grid.name, null, msg.headerMissing(grid.name, specs.map((c) => c.label)));
    return [];
  }
  for (const spec of header.missingRequired) issues.error('header.column-missing', grid.name, null, msg.columnMissing(grid.name, spec.label));
  if (header.missingRequired.length) return [];

  const schema = rowSchemas[key];
  const items: Array<Record<string, unknown> & { row: number }> = [];
  for (const row of dataRows(grid, header)) {
    const parsed = schema.safeParse(row.values);
    if (parsed.success) items.push({ ...parsed.data, row: row.row });
    else issues.fromZod(parsed.error, grid.name, row.row, row.columns);
  }
  if (items.length === 0 && !issues.items.some((i) => i.sheet === grid.name && i.severity === 'error')) {
    issues.warning('section.empty', grid.name, null, msg.sectionEmpty(grid.name));
  }
  return items;
}

/** Validates one read workbook against the form of SPEC §3, collecting every problem with its cell. */
import type { z } from 'zod';
import type { RawWorkbook } from '../readers/types.js';
import { cellRef } from '../readers/types.js';
import type { Issue } from '../diagnostics/issue.js';
import type { Indicator } from '../domain/catalogue.js';
import { COLUMNS, INFO_LABEL, ORIGIN, REQUIRED_INFO, SHEET, TABLE_SHEETS, type TableSheetKey } from '../domain/form-layout.js';
import { InternalError } from '../diagnostics/errors.js';
import { msg } from '../messages/vi.js';
import { infoSchema, figureRowSchema, rowSchemas, submissionSchema, type Submission } from '../schemas/submission.js';
import { cellText, displayDate } from './cell-values.js';
import { parsePeriod, periodName } from '../domain/period.js';
import { cleanText, foldKey } from '../domain/text.js';

/** What people write in the code column of a total line under the indicators. */
const TOTAL_ROW_KEYS = new Set(['tongcong', 'tong', 'cong', 'tongso']);
import { SheetGrid, dataRows, findHeader, findLabelledValues, findSheet, findSheets, type DataRow, type HeaderMatch } from './locate.js';

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
  /** Who to ask about the file, as far as "Thông tin" could be read, even from an invalid file; absent when none. */
  contact?: Contact;
  issues: Issue[];
}

/** The unit's name and the contact lines of "Thông tin" as typed (text of the cell beside each label). */
export interface Contact {
  unitName?: string;
  preparedBy?: string;
  phone?: string;
  email?: string;
}

const CONTACT_KEYS = ['unitName', 'preparedBy', 'phone', 'email'] as const;

class IssueList {
  readonly items: Issue[] = [];
  error(code: string, sheet: string | null, cell: string | null, message: string, subject?: string): void {
    this.items.push({ code, severity: 'error', sheet, cell, message, ...(subject ? { subject } : {}) });
  }
  warning(code: string, sheet: string | null, cell: string | null, message: string, subject?: string): void {
    this.items.push({ code, severity: 'warning', sheet, cell, message, ...(subject ? { subject } : {}) });
  }
  /** zod issues of one row, each placed on the cell of the column it concerns. */
  fromZod(error: z.ZodError, sheet: string, row: number, columns: Map<string, number>, labels: ReadonlyMap<string, string>, subject?: string): void {
    for (const issue of error.issues) {
      const key = String(issue.path[0]);
      const col = columns.get(key);
      const { code, message } = issueText(issue, labels.get(key) ?? key);
      this.error(code, sheet, col === undefined ? null : cellRef(row, col), message, subject);
    }
  }
  get hasErrors(): boolean {
    return this.items.some((issue) => issue.severity === 'error');
  }
}

/**
 * Our cell schemas write Vietnamese messages and tag them with a code; any other issue (a rule of zod's own)
 * gets a Vietnamese sentence about its column, never zod's English text.
 */
function issueText(issue: z.core.$ZodIssue, label: string): { code: string; message: string } {
  const code = (issue as { params?: { code?: string } }).params?.code;
  return code ? { code, message: issue.message } : { code: 'value.invalid', message: msg.valueInvalid(label) };
}

const labelsOf = (specs: readonly { key: string; label: string }[]) => new Map(specs.map((spec) => [spec.key, spec.label]));
const INFO_LABELS: ReadonlyMap<string, string> = new Map(Object.entries(INFO_LABEL));

export function validateWorkbook(workbook: RawWorkbook, file: string, catalogue: readonly Indicator[]): WorkbookValidation {
  const issues = new IssueList();
  // Two sheets that both answer to a form sheet's name: which one holds the report is anybody's guess.
  for (const name of Object.values(SHEET)) {
    const same = findSheets(workbook, name);
    if (same.length > 1) issues.error('sheet.duplicate', same[1]!.name, null, msg.sheetDuplicate(name, same.map((s) => s.name)));
  }
  const infoSheet = findSheet(workbook, SHEET.info);
  const figuresSheet = findSheet(workbook, SHEET.figures);
  if (!infoSheet && !figuresSheet) {
    issues.error('workbook.not-a-submission', null, null, msg.notSubmission(workbook.sheets.map((s) => s.name)));
    return { unit: null, period: null, reportDate: null, unitCell: null, periodCell: null, issues: issues.items };
  }

  const info = infoSheet ? validateInfo(new SheetGrid(infoSheet), issues) : undefined;
  if (info?.complete && infoSheet) checkReportDate(info, infoSheet.name, issues);
  if (!infoSheet) issues.error('sheet.missing', SHEET.info, null, msg.sheetMissing(SHEET.info));

  const figures = figuresSheet ? validateFigures(new SheetGrid(figuresSheet), catalogue, issues) : undefined;
  if (!figuresSheet) issues.error('sheet.missing', SHEET.figures, null, msg.sheetMissing(SHEET.figures));

  const sheets: Record<string, string> = {};
  if (infoSheet) sheets.info = infoSheet.name;
  if (figuresSheet) sheets.figures = figuresSheet.name;
  const tables = {} as { [K in TableSheetKey]?: Array<Record<string, unknown> & { row: number }> };
  for (const key of TABLE_SHEETS) {
    if (key === 'figures') continue;
    const table = validateTable(workbook, key, issues);
    tables[key] = table.items;
    if (table.sheet) sheets[key] = table.sheet;
  }

  const result: WorkbookValidation = {
    unit: info?.unitCode ?? null,
    period: info?.period ?? null,
    reportDate: info?.reportDate ?? null,
    unitCell: info?.cells.unitCode ?? null,
    periodCell: info?.cells.period ?? null,
    ...(info?.contact ? { contact: info.contact } : {}),
    issues: issues.items,
  };
  if (issues.hasErrors) return result;
  // A file without errors must yield a submission that counts; anything else is our bug, not the unit's.
  if (!info?.complete || !figures) {
    throw new InternalError(`validation of ${file} found no error but produced no submission (info ${info?.complete ? 'complete' : 'incomplete'}, figures ${figures ? 'read' : 'missing'})`);
  }

  const parsed = submissionSchema.safeParse({
    file,
    info: info.values,
    figures: figures.values,
    figureSources: figures.sources,
    sheets,
    results: tables.results ?? [],
    limitations: tables.limitations ?? [],
    tasks: tables.tasks ?? [],
    proposals: tables.proposals ?? [],
    models: tables.models ?? [],
  });
  if (!parsed.success) throw new InternalError(`submission of ${file} does not match its own schema: ${parsed.error.message}`);
  result.submission = parsed.data;
  return result;
}

/** A report dated years away from its period is almost always a mistyped year: said, not refused. */
function checkReportDate(info: InfoResult, sheet: string, issues: IssueList): void {
  const period = parsePeriod(info.period!)!;
  const year = Number(info.reportDate!.slice(0, 4));
  if (year < period.year || year > period.year + 1) {
    issues.warning('info.date-outside-period', sheet, info.cells.reportDate ?? null, msg.dateOutsidePeriod(displayDate(info.reportDate!), periodName(period)));
  }
}

interface InfoResult {
  unitCode?: string;
  period?: string;
  reportDate?: string;
  complete: boolean;
  values: Record<string, unknown>;
  cells: Partial<Record<keyof typeof INFO_LABEL, string>>;
  contact?: Contact;
}

/** The contact lines as text, whatever else is wrong with the sheet: the staff need them most for invalid files. */
function readContact(found: ReturnType<typeof findLabelledValues>): Contact | undefined {
  const contact: Contact = {};
  for (const key of CONTACT_KEYS) {
    const value = found.get(key)?.value;
    const text = value ? cleanText(cellText(value)) : '';
    if (text) contact[key] = text;
  }
  return Object.keys(contact).length ? contact : undefined;
}

function validateInfo(grid: SheetGrid, issues: IssueList): InfoResult {
  const found = findLabelledValues(grid, INFO_LABEL);
  for (const key of REQUIRED_INFO) {
    if (!found.has(key)) issues.error('info.label-missing', grid.name, null, msg.infoLabelMissing(INFO_LABEL[key]), key);
  }
  // Every label is a key, present or not: an optional label left out of the sheet is simply undefined.
  const input: Record<string, unknown> = Object.fromEntries(Object.keys(INFO_LABEL).map((key) => [key, undefined]));
  const cells: InfoResult['cells'] = {};
  for (const [key, place] of found) {
    input[key] = place.value;
    cells[key as keyof typeof INFO_LABEL] = cellRef(place.row, place.col);
  }
  const contact = readContact(found);
  const parsed = infoSchema.safeParse(input);
  if (parsed.success) return { ...parsed.data, complete: true, values: parsed.data, cells, ...(contact ? { contact } : {}) };

  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0]) as keyof typeof INFO_LABEL;
    const place = found.get(key);
    const label = INFO_LABELS.get(key) ?? key;
    // A required label that is missing altogether was reported above; an optional one can never fail.
    if (!place && (REQUIRED_INFO as readonly string[]).includes(key)) continue;
    const text = issueText(issue, label);
    const message = text.code === 'info.missing' ? msg.infoRequired(label) : text.message;
    issues.error(text.code, grid.name, place ? cellRef(place.row, place.col) : null, message, key);
  }
  // Keep what did parse, so that an invalid file still shows its unit and period.
  const partial: InfoResult = { complete: false, values: {}, cells, ...(contact ? { contact } : {}) };
  for (const key of ['unitCode', 'period', 'reportDate'] as const) {
    const one = infoSchema.shape[key].safeParse(input[key]);
    if (one.success) partial[key] = one.data;
  }
  return partial;
}

/** A repeated STT is harmless; any other repeated column leaves it unclear which one holds the data. */
function repeatsMatter(header: HeaderMatch): boolean {
  return [...header.repeated.keys()].some((key) => key !== 'no');
}

function reportRepeatedColumns(sheet: string, header: HeaderMatch, specs: readonly { key: string; label: string }[], issues: IssueList): void {
  for (const [key, others] of header.repeated) {
    if (key === 'no') continue;
    const label = specs.find((s) => s.key === key)!.label;
    const cells = [header.columns.get(key)!, ...others].map((col) => cellRef(header.row, col));
    issues.error('header.duplicate-column', sheet, cells[1]!, msg.columnDuplicate(sheet, label, cells));
  }
}

interface FiguresResult {
  values: Record<string, number | null>;
  sources: Record<string, { cell: string | null; note?: string }>;
}

function validateFigures(grid: SheetGrid, catalogue: readonly Indicator[], issues: IssueList): FiguresResult | undefined {
  const header = findHeader(grid, COLUMNS.figures);
  if (!header) {
    issues.error('header.missing', grid.name, null, msg.headerMissing(grid.name, COLUMNS.figures.map((c) => c.label)));
    return undefined;
  }
  for (const spec of header.missingRequired) issues.error('header.column-missing', grid.name, null, msg.columnMissing(grid.name, spec.label));
  reportRepeatedColumns(grid.name, header, COLUMNS.figures, issues);
  if (header.missingRequired.length || repeatsMatter(header)) return undefined;

  const byCode = new Map(catalogue.map((indicator) => [indicator.code, indicator]));
  const values: Record<string, number | null> = {};
  const sources: FiguresResult['sources'] = {};
  const seenAt = new Map<string, string>();
  const valueCell = (row: DataRow) => cellRef(row.row, header.columns.get('value')!);
  const valueRows = new Map<string, DataRow>();
  const labels = labelsOf(COLUMNS.figures);

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
    // A "Tổng cộng" line added under the indicators adds up unlike things: it is not an indicator, and not read.
    if (TOTAL_ROW_KEYS.has(foldKey(code))) {
      issues.warning('figure.total-row-ignored', grid.name, codeCell, msg.totalRowIgnored());
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
    const parsed = figureRowSchema(indicator.kind, indicator.unit).safeParse(row.values);
    if (!parsed.success) {
      // The indicator a figure problem is about, so that a letter can name it in words (reminder/plain-problems.ts).
      issues.fromZod(parsed.error, grid.name, row.row, row.columns, labels, code);
      continue;
    }
    const { value: reading, note } = parsed.data;
    values[code] = reading.value;
    sources[code] = { cell: valueCell(row), ...(note ? { note } : {}) };
    valueRows.set(code, row);
    if (reading.warning) issues.warning(reading.warning.code, grid.name, valueCell(row), reading.warning.message, code);
    if (reading.value === null) issues.warning('figure.blank', grid.name, valueCell(row), msg.indicatorBlank(code, indicator.name), code);
  }

  for (const indicator of catalogue) {
    if (indicator.derived || seenAt.has(indicator.code)) continue;
    values[indicator.code] = null;
    sources[indicator.code] = { cell: null };
    issues.warning('figure.row-missing', grid.name, null, msg.indicatorRowMissing(indicator.code, indicator.name), indicator.code);
  }

  const received = values.KN_TIEP;
  const solved = values.KN_GQ;
  const solvedRow = valueRows.get('KN_GQ');
  if (typeof received === 'number' && typeof solved === 'number' && solved > received && solvedRow) {
    const text = (row: DataRow | undefined) => (row?.values.value ? cellText(row.values.value) : '');
    issues.warning('figure.resolved-exceeds-received', grid.name, valueCell(solvedRow), msg.resolvedExceedsReceived(text(solvedRow), text(valueRows.get('KN_TIEP'))));
  }
  return { values, sources };
}

function validateTable(workbook: RawWorkbook, key: Exclude<TableSheetKey, 'figures'>, issues: IssueList) {
  const sheetName = SHEET[key];
  const sheet = findSheet(workbook, sheetName);
  const items: Array<Record<string, unknown> & { row: number }> = [];
  if (!sheet) {
    issues.warning('sheet.missing-optional', sheetName, null, msg.sheetMissingOptional(sheetName));
    return { items };
  }
  const grid = new SheetGrid(sheet);
  const specs = COLUMNS[key];
  const header = findHeader(grid, specs);
  // A sheet kept but left empty, or holding only its title, is what the form's guide asks for: nothing to report.
  if (!header && new Set(sheet.cells.map((c) => c.row)).size <= 1) {
    issues.warning('section.empty', grid.name, null, msg.sectionEmpty(grid.name));
    return { items, sheet: sheet.name };
  }
  if (!header) {
    // The roll-up's extra column is not part of the units' form: the message shows the form's own header.
    const labels = specs.filter((c) => c.key !== ORIGIN.key).map((c) => c.label);
    issues.error('header.missing', grid.name, null, msg.headerMissing(grid.name, labels));
    return { items, sheet: sheet.name };
  }
  for (const spec of header.missingRequired) issues.error('header.column-missing', grid.name, null, msg.columnMissing(grid.name, spec.label));
  reportRepeatedColumns(grid.name, header, specs, issues);
  if (header.missingRequired.length || repeatsMatter(header)) return { items, sheet: sheet.name };

  const schema = rowSchemas[key];
  const labels = labelsOf(specs);
  let rowErrors = false;
  for (const row of dataRows(grid, header)) {
    const parsed = schema.safeParse(row.values);
    if (parsed.success) {
      items.push({ ...parsed.data, row: row.row });
    } else {
      rowErrors = true;
      issues.fromZod(parsed.error, grid.name, row.row, row.columns, labels);
    }
  }
  if (items.length === 0 && !rowErrors) issues.warning('section.empty', grid.name, null, msg.sectionEmpty(grid.name));
  return { items, sheet: sheet.name };
}

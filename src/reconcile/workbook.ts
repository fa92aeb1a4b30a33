/**
 * The reconciliation workbook (`tonghop --doi-chieu`): for a person who must show where every figure and every
 * sentence of the report comes from — each number with its file, sheet and cell, each item with its rows.
 */
import { isInformational } from '../diagnostics/issue.js';
import ExcelJS from 'exceljs';
import type { CheckReport } from '../check/check.js';
import type { FileResult } from '../check/file-result.js';
import type { Indicator } from '../domain/catalogue.js';
import { SHEET } from '../domain/form-layout.js';
import { periodName, parsePeriod, type Period } from '../domain/period.js';
import type { FieldGroup, FigureSource, GatheredItem, ItemSource, LimitationItem, ReportModel, TaskItem } from '../model/report-model.js';
import { BASE_FONT, BOLD_FONT, BORDER, HEADER_FILL, TITLE_FONT, WRAP_TOP, wrappedRowHeight } from '../form/styles.js';
import { normaliseWorkbookPackage } from '../form/workbook-package.js';
import { LEGACY_ENCODING_NAME, recon } from '../messages/vi.js';

export interface ReconciliationInput {
  model: ReportModel;
  check: CheckReport;
  catalogue: readonly Indicator[];
}

/** Sheet names of the workbook, in order. */
export const RECON_SHEET = {
  totals: 'Tổng hợp',
  byUnit: 'Theo đơn vị',
  figures: 'Nguồn số liệu',
  results: SHEET.results,
  limitations: SHEET.limitations,
  tasks: SHEET.tasks,
  proposals: SHEET.proposals,
  models: SHEET.models,
  files: 'Tệp',
  repairs: 'Chuyển mã',
} as const;

const TITLE_ROW = 1;
const HEADER_ROW = 2;
const FIRST_ROW = 3;
const KIND_NAME: Record<Indicator['kind'], string> = { count: 'số đếm', amount: 'số lượng', ratio: 'tỷ lệ (tính)' };
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/** "quy-1-2023/HU_DONGHOA.xlsx!Số liệu!D7": a figure's origin as the issue and the people who check it write it. */
export function cellOrigin(source: { file: string; sheet: string; cell: string }): string {
  return `${source.file}!${source.sheet}!${source.cell}`;
}

/** "…xlsx!Kết quả!dòng 5": an item's row in a unit's file. */
export function rowOrigin(source: ItemSource): string {
  return `${source.file}!${source.sheet}!${recon.row(source.row)}`;
}

interface Column {
  label: string;
  width: number;
  /** Number format of numeric cells. */
  numFmt?: string;
}

type CellInput = string | number | null | ExcelJS.CellFormulaValue;

/** A sheet with a title, a bold header and frozen panes; rows are plain values, wrapped and bordered. */
function tableSheet(workbook: ExcelJS.Workbook, name: string, title: string, columns: readonly Column[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  const titleCell = sheet.getCell(TITLE_ROW, 1);
  titleCell.value = title;
  titleCell.font = TITLE_FONT;
  sheet.getRow(TITLE_ROW).height = 22;
  const header = sheet.getRow(HEADER_ROW);
  header.height = 32;
  columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.width;
    const cell = header.getCell(i + 1);
    cell.value = column.label;
    cell.font = BOLD_FONT;
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${FIRST_ROW}`, activeCell: `A${FIRST_ROW}` }];
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: columns.length } };
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` };
  return sheet;
}

function addRow(sheet: ExcelJS.Worksheet, columns: readonly Column[], values: readonly CellInput[], bold = false): ExcelJS.Row {
  const row = sheet.addRow([...values]);
  values.forEach((value, i) => {
    const cell = row.getCell(i + 1);
    cell.font = bold ? BOLD_FONT : BASE_FONT;
    cell.border = BORDER;
    cell.alignment = WRAP_TOP;
    if (columns[i]?.numFmt && value !== null && typeof value !== 'string') cell.numFmt = columns[i]!.numFmt!;
  });
  row.height = wrappedRowHeight(values.map((v, i) => ({ text: typeof v === 'string' ? v : '', width: columns[i]?.width ?? 10 })));
  return row;
}

/** Excel column letters of a 1-based index. */
function letter(index: number): string {
  let name = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** `'Theo đơn vị'!D4:D20`, quoted as Excel requires for a name with spaces. */
function rangeRef(sheet: string, column: number, first: number, last: number): string {
  return `'${sheet}'!${letter(column)}${first}:${letter(column)}${last}`;
}

const NUMBER_FORMAT = '#,##0.###';

interface ByUnitLayout {
  /** First and last unit row of "Theo đơn vị" (last < first when no unit counted). */
  first: number;
  last: number;
  /** Column of each indicator there. */
  columnOf: Map<string, number>;
}

const BY_UNIT_FIXED: Column[] = [
  { label: 'STT', width: 6 },
  { label: 'Mã đơn vị', width: 14 },
  { label: 'Tên đơn vị', width: 36 },
  { label: 'Tệp', width: 30 },
];

/** Where "Theo đơn vị" puts each unit and indicator, known before either sheet is written. */
function byUnitLayout(model: ReportModel): ByUnitLayout {
  return {
    first: FIRST_ROW,
    last: FIRST_ROW + model.byUnit.length - 1,
    columnOf: new Map(model.indicators.map((indicator, i) => [indicator.code, BY_UNIT_FIXED.length + i + 1])),
  };
}

function addTotalsSheet(workbook: ExcelJS.Workbook, input: ReconciliationInput, byUnitRows: ByUnitLayout): void {
  const columns: Column[] = [
    { label: 'STT', width: 6 },
    { label: 'Mã chỉ tiêu', width: 14 },
    { label: 'Chỉ tiêu', width: 50 },
    { label: 'Đơn vị tính', width: 12 },
    { label: 'Loại', width: 12 },
    { label: 'Tổng cộng (danvan)', width: 16, numFmt: NUMBER_FORMAT },
    { label: 'Số đơn vị báo cáo', width: 12 },
    { label: 'Excel cộng lại từ sheet "Theo đơn vị"', width: 20, numFmt: NUMBER_FORMAT },
    { label: 'Đối chiếu', width: 12 },
  ];
  const { model } = input;
  const sheet = tableSheet(workbook, RECON_SHEET.totals, recon.totalsTitle(periodName(parsePeriod(model.period) as Period), model.status.valid.length), columns);
  const rowOf = new Map<string, number>();
  model.indicators.forEach((indicator, i) => rowOf.set(indicator.code, FIRST_ROW + i));
  model.indicators.forEach((indicator, i) => {
    const rowNumber = FIRST_ROW + i;
    const total = indicator.total;
    let check: ExcelJS.CellFormulaValue;
    if (indicator.derived) {
      const spec = input.catalogue.find((c) => c.code === indicator.code)!.derived!;
      const num = `H${rowOf.get(spec.numerator)}`;
      const den = `H${rowOf.get(spec.denominator)}`;
      check = { formula: `IF(N(${den})>0,N(${num})/N(${den})*100,"")`, result: total ?? '' };
    } else {
      const col = byUnitRows.columnOf.get(indicator.code)!;
      // With no unit row the range would run backwards; a plain 0 says the same.
      check =
        byUnitRows.last >= byUnitRows.first
          ? { formula: `SUM(${rangeRef(RECON_SHEET.byUnit, col, byUnitRows.first, byUnitRows.last)})`, result: total ?? 0 }
          : { formula: '0', result: 0 };
    }
    // A ratio is compared at the precision the report prints it (one decimal: 90,9%), since Excel's own quotient
    // carries more digits than the stored total; a sum is compared to the last of its decimals.
    const same = indicator.derived
      ? `ROUND(N(F${rowNumber}),1)=ROUND(N(H${rowNumber}),1)`
      : `ABS(N(F${rowNumber})-N(H${rowNumber}))<0.0005`;
    const agrees: ExcelJS.CellFormulaValue = {
      formula: `IF(${same},"${recon.agrees}","${recon.differs}")`,
      result: recon.agrees,
    };
    addRow(sheet, columns, [
      i + 1,
      indicator.code,
      indicator.name,
      indicator.unit,
      KIND_NAME[indicator.kind],
      total === null ? null : indicator.derived ? Math.round(total * 100) / 100 : total,
      indicator.derived ? recon.derivedCount(indicator.reported, indicator.of) : `${indicator.reported}/${indicator.of}`,
      check,
      agrees,
    ]);
  });
}

function addByUnitSheet(workbook: ExcelJS.Workbook, input: ReconciliationInput, layout: ByUnitLayout): void {
  const { model } = input;
  const indicatorColumns: Column[] = model.indicators.map((i) => ({ label: `${i.code}\n(${i.unit})`, width: 13, numFmt: NUMBER_FORMAT }));
  const columns = [...BY_UNIT_FIXED, ...indicatorColumns];
  const sheet = tableSheet(workbook, RECON_SHEET.byUnit, recon.byUnitTitle, columns);
  sheet.getRow(HEADER_ROW).height = 45;
  sheet.views = [{ state: 'frozen', xSplit: 3, ySplit: HEADER_ROW, topLeftCell: `D${FIRST_ROW}`, activeCell: `D${FIRST_ROW}` }];
  const { columnOf, first, last } = layout;

  // Each unit's cell for an indicator: the value, with its origin as a note on the cell.
  const sourceOf = new Map<string, FigureSource>();
  for (const [code, sources] of Object.entries(model.sources)) for (const s of sources) sourceOf.set(`${code}\u0000${s.unit}`, s);

  model.byUnit.forEach((entry, u) => {
    const file = model.status.valid.find((v) => v.code === entry.unit.code)?.file ?? '';
    const values: CellInput[] = [u + 1, entry.unit.code, entry.unit.name, file];
    model.indicators.forEach((indicator, i) => {
      const value = entry.values[i] ?? null;
      values.push(value === null ? null : indicator.derived ? Math.round(value * 100) / 100 : value);
    });
    const row = addRow(sheet, columns, values);
    model.indicators.forEach((indicator) => {
      const source = sourceOf.get(`${indicator.code}\u0000${entry.unit.code}`);
      const cell = row.getCell(columnOf.get(indicator.code)!);
      if (source) cell.note = source.note ? `${cellOrigin(source)}\n${recon.unitNote(source.note)}` : cellOrigin(source);
      else if (indicator.derived) cell.note = recon.derivedNote(input.catalogue.find((c) => c.code === indicator.code)!.derived!);
    });
  });
  const totals: CellInput[] = ['', '', recon.totalRow, ''];
  for (const indicator of model.indicators) {
    const col = columnOf.get(indicator.code)!;
    if (indicator.derived || last < first) totals.push(indicator.derived ? null : 0);
    else totals.push({ formula: `SUM(${letter(col)}${first}:${letter(col)}${last})`, result: indicator.total ?? 0 });
  }
  addRow(sheet, columns, totals, true);
}

function addFigureSourcesSheet(workbook: ExcelJS.Workbook, input: ReconciliationInput): void {
  const { model } = input;
  const columns: Column[] = [
    { label: 'STT', width: 6 },
    { label: 'Mã chỉ tiêu', width: 14 },
    { label: 'Chỉ tiêu', width: 40 },
    { label: 'Mã đơn vị', width: 14 },
    { label: 'Tên đơn vị', width: 32 },
    { label: 'Giá trị', width: 12, numFmt: NUMBER_FORMAT },
    { label: 'Tệp', width: 30 },
    { label: 'Sheet', width: 12 },
    { label: 'Ô', width: 7 },
    { label: 'Nguồn (tệp!sheet!ô)', width: 44 },
    { label: 'Ghi chú của đơn vị', width: 32 },
  ];
  const sheet = tableSheet(workbook, RECON_SHEET.figures, recon.figuresTitle, columns);
  const names = new Map(model.status.valid.map((u) => [u.code, u.name]));
  let n = 0;
  for (const indicator of model.indicators) {
    for (const source of model.sources[indicator.code] ?? []) {
      addRow(sheet, columns, [
        ++n,
        indicator.code,
        indicator.name,
        source.unit,
        names.get(source.unit) ?? source.unit,
        source.value,
        source.file,
        source.sheet,
        source.cell,
        cellOrigin(source),
        source.note ?? null,
      ]);
    }
  }
}

interface ItemColumns {
  /** The label and text of the column that groups items (Lĩnh vực, Cơ quan nhận). */
  group: string;
  /** An extra column of the sheet (Nguyên nhân, Thời hạn), with its text for an item. */
  extra?: { label: string; text: (item: GatheredItem) => string };
}

function addItemSheet<T extends GatheredItem>(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  groups: readonly { group: string; items: readonly T[] }[],
  spec: ItemColumns,
): void {
  const columns: Column[] = [
    { label: 'STT', width: 6 },
    { label: spec.group, width: 22 },
    { label: 'Nội dung (như trong báo cáo)', width: 60 },
    ...(spec.extra ? [{ label: spec.extra.label, width: 36 }] : []),
    { label: 'Số đơn vị', width: 9 },
    { label: 'Đơn vị', width: 36 },
    { label: 'Nguồn (tệp!sheet!dòng)', width: 50 },
    { label: 'Lời văn của từng đơn vị', width: 60 },
    { label: 'Đơn vị gốc (cấp dưới)', width: 30 },
  ];
  const sheet = tableSheet(workbook, name, title, columns);
  let n = 0;
  for (const group of groups) {
    for (const item of group.items) {
      // The wording of each source row, where it differs from the item's: merged items must be checkable.
      const wordings = item.sources.filter((s) => s.text !== item.text).map((s) => `${s.unit}: ${s.text}`);
      const origins = item.sources.filter((s) => s.origin).map((s) => `${s.unit}: ${s.origin}`);
      addRow(sheet, columns, [
        ++n,
        group.group,
        item.text,
        ...(spec.extra ? [spec.extra.text(item)] : []),
        item.units.length,
        item.units.map((u) => u.name).join('\n'),
        item.sources.map(rowOrigin).join('\n'),
        wordings.join('\n') || null,
        origins.join('\n') || null,
      ]);
    }
  }
  if (n === 0) addRow(sheet, columns, ['', '', recon.noItems]);
}

function addModelsSheet(workbook: ExcelJS.Workbook, input: ReconciliationInput): void {
  const columns: Column[] = [
    { label: 'STT', width: 6 },
    { label: 'Tên mô hình', width: 50 },
    { label: 'Lĩnh vực', width: 24 },
    { label: 'Cấp công nhận', width: 14 },
    { label: 'Ghi chú', width: 30 },
    { label: 'Đơn vị', width: 34 },
    { label: 'Nguồn (tệp!sheet!dòng)', width: 50 },
    { label: 'Đơn vị gốc (cấp dưới)', width: 30 },
  ];
  const sheet = tableSheet(workbook, RECON_SHEET.models, recon.modelsTitle, columns);
  input.model.models.list.forEach((m, i) =>
    addRow(sheet, columns, [i + 1, m.name, m.field, m.level, m.note || null, m.unit.name, rowOrigin(m.source), m.source.origin ? `${m.source.unit}: ${m.source.origin}` : null]),
  );
  if (input.model.models.list.length === 0) addRow(sheet, columns, ['', recon.noItems]);
}

function fileStatus(file: FileResult): string {
  if (file.superseded) return recon.statusSuperseded;
  return file.valid ? recon.statusCounted : recon.statusInvalid;
}

function addFilesSheet(workbook: ExcelJS.Workbook, input: ReconciliationInput): void {
  const columns: Column[] = [
    { label: 'STT', width: 6 },
    { label: 'Tệp', width: 40 },
    { label: 'Mã đơn vị', width: 14 },
    { label: 'Kỳ báo cáo', width: 12 },
    { label: 'Trạng thái', width: 22 },
    { label: 'Số lỗi', width: 8 },
    { label: 'Số lưu ý', width: 8 },
    { label: 'Số ghi chú', width: 9 },
    { label: 'Lỗi hoặc lưu ý đầu tiên', width: 70 },
  ];
  const sheet = tableSheet(workbook, RECON_SHEET.files, recon.filesTitle, columns);
  let n = 0;
  for (const file of input.check.files) {
    // Counted as kiemtra and tong-hop-kiem-tra.xlsx count them: a "lưu ý" asks something of the unit, a "ghi chú" informs.
    const asks = file.warnings.filter((w) => !isInformational(w.code));
    const first = file.errors[0] ?? asks[0] ?? file.warnings[0];
    const where = first?.sheet && first.cell ? `${first.sheet}!${first.cell}: ` : first?.sheet ? `${first.sheet}: ` : '';
    addRow(sheet, columns, [++n, file.file, file.unit, file.period, fileStatus(file), file.errors.length, asks.length, file.warnings.length - asks.length, first ? `${where}${first.message}` : null]);
  }
  for (const skipped of input.check.skipped) addRow(sheet, columns, [++n, skipped.file, null, null, recon.statusSkipped, 0, 0, 0, null]);
  // The units that sent nothing: the report to superiors gives only their number, the staff need their names.
  for (const unit of input.model.status.missing) addRow(sheet, columns, [++n, recon.noFile, unit.code, null, recon.statusMissing(unit.name), 0, 0, 0, null]);
}

/**
 * Every cell typed in a legacy encoding (TCVN3, VNI) that danvan converted, so that a person can check each one
 * against the unit's file. The converted text only: nothing danvan writes holds legacy-encoded text.
 */
function addRepairsSheet(workbook: ExcelJS.Workbook, input: ReconciliationInput): void {
  const columns: Column[] = [
    { label: 'STT', width: 6 },
    { label: 'Tệp', width: 36 },
    { label: 'Sheet', width: 12 },
    { label: 'Ô', width: 7 },
    { label: 'Bảng mã', width: 18 },
    { label: 'Đã chuyển thành (Unicode)', width: 60 },
  ];
  const sheet = tableSheet(workbook, RECON_SHEET.repairs, recon.repairsTitle, columns);
  let n = 0;
  for (const file of input.check.files) {
    for (const r of file.repairs ?? []) addRow(sheet, columns, [++n, file.file, r.sheet, r.cell, LEGACY_ENCODING_NAME[r.encoding], r.after]);
  }
  if (n === 0) addRow(sheet, columns, ['', recon.noRepairs]);
}

const fieldGroups = <T extends GatheredItem>(groups: readonly FieldGroup<T>[]) => groups.map((g) => ({ group: g.field, items: g.items }));

/** The whole workbook, as deterministic bytes: the same inputs give the same file. */
export async function buildReconciliationWorkbook(input: ReconciliationInput): Promise<Buffer> {
  const { model } = input;
  const stamp = model.latestReportDate ? new Date(`${model.latestReportDate}T00:00:00Z`) : FIXED_DATE;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'danvan';
  workbook.lastModifiedBy = 'danvan';
  workbook.created = stamp;
  workbook.modified = stamp;
  workbook.title = recon.workbookTitle;
  workbook.calcProperties = { fullCalcOnLoad: true };

  // "Tổng hợp" comes first and adds up the columns of "Theo đơn vị", whose layout is fixed beforehand.
  const layout = byUnitLayout(model);
  addTotalsSheet(workbook, input, layout);
  addByUnitSheet(workbook, input, layout);
  addFigureSourcesSheet(workbook, input);
  addItemSheet(workbook, RECON_SHEET.results, recon.itemsTitle('kết quả'), fieldGroups(model.results), { group: 'Lĩnh vực' });
  addItemSheet<LimitationItem>(workbook, RECON_SHEET.limitations, recon.itemsTitle('hạn chế'), fieldGroups(model.limitations), {
    group: 'Lĩnh vực',
    extra: { label: 'Nguyên nhân', text: (item) => (item as LimitationItem).causes.join('\n') },
  });
  addItemSheet<TaskItem>(workbook, RECON_SHEET.tasks, recon.itemsTitle('nhiệm vụ'), fieldGroups(model.tasks), {
    group: 'Lĩnh vực',
    extra: { label: 'Thời hạn', text: (item) => (item as TaskItem).deadlines.join('\n') },
  });
  addItemSheet(
    workbook,
    RECON_SHEET.proposals,
    recon.itemsTitle('kiến nghị'),
    [
      ...model.proposals.map((p) => ({ group: p.addressee || recon.noAddressee, items: p.items })),
      // Proposals to bodies below the issuer are not in the report to superiors: listed here for the staff.
      ...model.proposalsBelow.map((p) => ({ group: recon.notInReport(p.addressee), items: p.items })),
    ],
    { group: 'Cơ quan nhận' },
  );
  addModelsSheet(workbook, input);
  addFilesSheet(workbook, input);
  addRepairsSheet(workbook, input);

  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return normaliseWorkbookPackage(Buffer.from(await workbook.xlsx.writeBuffer()), stamp);
}

/** Tables built from the ReportModel: indicator totals, models by field and level, and the appendices. */
import { MODEL_FIELDS, RECOGNITION_LEVELS } from '../domain/fields.js';
import type { Appendix, TableBlock, TableColumn } from '../model/doc-model.js';
import type { GatheredItem, IndicatorTotal, ReportModel } from '../model/report-model.js';
import { attribution, bodySelection, type ReportSettings } from '../render/selection.js';
import { POINTS, formatChange, formatNumber, formatPercent, inSentence } from '../render/format.js';

const BLANK = '—';

/**
 * An indicator's name as printed in a report: without the formula the form shows units ("(= KN_GQ / KN_TIEP)"),
 * whose codes mean nothing to the reader of a signed document.
 */
export function printedName(name: string): string {
  const cut = name.indexOf('(=');
  if (cut < 0) return name;
  const close = name.indexOf(')', cut);
  return `${name.slice(0, cut)}${close < 0 ? '' : name.slice(close + 1)}`.replace(/\s+/g, ' ').trim();
}

export function formatTotal(indicator: Pick<IndicatorTotal, 'derived'>, value: number | null): string {
  if (value === null) return BLANK;
  return indicator.derived ? formatPercent(value) : formatNumber(value);
}

/** Indicator totals: STT | Chỉ tiêu | ĐVT | Kết quả | Đơn vị báo cáo, with the year-earlier figure when comparing. */
export function indicatorTable(model: ReportModel, caption: string): TableBlock {
  const compare = model.comparedWith !== null;
  const columns: TableColumn[] = [
    { header: 'STT', width: 7, align: 'center' },
    { header: 'Chỉ tiêu', width: compare ? 31 : 43, align: 'left' },
    { header: 'Đơn vị tính', width: 12, align: 'center' },
    { header: 'Kết quả', width: 12, align: 'right' },
  ];
  if (compare) {
    columns.push({ header: 'Cùng kỳ năm trước', width: 12, align: 'right' }, { header: 'So sánh', width: 14, align: 'center' });
  }
  // Of the units whose reports are summed, how many gave this figure (a blank is not a 0).
  columns.push({ header: 'Số đơn vị có số liệu', width: compare ? 12 : 14, align: 'center' });
  const rows = model.indicators.map((ind, i) => {
    const cells = [String(i + 1), printedName(ind.name), ind.unit, formatTotal(ind, ind.total)];
    if (compare) {
      cells.push(formatTotal(ind, ind.previous), ind.change ? formatChange(ind.change, ind.derived ? POINTS : ind.unit).replace(' so với cùng kỳ', '') : BLANK);
    }
    cells.push(`${ind.reported}/${ind.of}`);
    return { cells };
  });
  // No note under it: how a ratio is computed or what "—" means is for the staff (README, the reconciliation
  // workbook), not for the text to be signed.
  return { type: 'table', caption, columns, rows };
}

/** Models counted by field (rows) and recognition level (columns); a level no model has is left out. */
export function modelTable(model: ReportModel, caption: string): TableBlock | undefined {
  if (model.models.total === 0) return undefined;
  const levels = RECOGNITION_LEVELS.map((level, j) => ({ level, j })).filter(({ j }) => model.models.byLevel[j]!.count > 0);
  const columns: TableColumn[] = [
    { header: 'Lĩnh vực', width: 30, align: 'left' },
    ...levels.map(({ level }) => ({ header: level, width: 11, align: 'center' as const })),
    { header: 'Tổng số', width: 15, align: 'center' },
  ];
  const rows = MODEL_FIELDS.map((field, i) => ({
    cells: [field, ...levels.map(({ j }) => String(model.models.matrix[i]![j])), String(model.models.byField[i]!.count)],
  }));
  rows.push({ cells: ['Tổng cộng', ...levels.map(({ j }) => String(model.models.byLevel[j]!.count)), String(model.models.total)], bold: true } as (typeof rows)[number]);
  return { type: 'table', caption, columns, rows };
}

/** Appendix tables of each indicator by unit; split so that each table stays readable in landscape. */
export function unitAppendices(model: ReportModel, label = '1', columnsPerTable = 7): Appendix[] {
  if (model.byUnit.length === 0) return [];
  const indices = model.indicators.map((_, i) => i);
  // As few parts as the columns allow, the indicators shared evenly between them (18 → 6 + 6 + 6, not 7 + 7 + 4).
  const parts = Math.ceil(indices.length / columnsPerTable);
  const perPart = Math.ceil(indices.length / parts);
  const chunks: number[][] = [];
  for (let i = 0; i < indices.length; i += perPart) chunks.push(indices.slice(i, i + perPart));
  return chunks.map((chunk, part) => {
    const columns: TableColumn[] = [
      { header: 'STT', width: 6, align: 'center' },
      { header: 'Đơn vị', width: 26, align: 'left' },
      ...chunk.map((i) => {
        const ind = model.indicators[i]!;
        return { header: `${printedName(ind.name)} (${ind.unit})`, width: 10, align: 'right' as const };
      }),
    ];
    const rows = model.byUnit.map((row, r) => ({
      cells: [String(r + 1), row.unit.name, ...chunk.map((i) => formatTotal(model.indicators[i]!, row.values[i] ?? null))],
    }));
    rows.push({
      cells: ['', 'Tổng cộng', ...chunk.map((i) => formatTotal(model.indicators[i]!, model.indicators[i]!.total))],
      bold: true,
    } as (typeof rows)[number]);
    const partLabel = chunks.length > 1 ? ` (phần ${part + 1}/${chunks.length})` : '';
    return {
      title: `Phụ lục ${label}`,
      subtitle: [`SỐ LIỆU CÁC CHỈ TIÊU THEO ĐƠN VỊ${partLabel}`],
      ...(part > 0 ? { continued: true } : {}),
      table: { type: 'table', columns, rows, widths: 'balanced' },
      landscape: true,
    };
  });
}

/** Appendix listing every "Dân vận khéo" model with its unit. */
export function modelAppendix(model: ReportModel, label = '2'): Appendix | undefined {
  if (model.models.total === 0) return undefined;
  return {
    title: `Phụ lục ${label}`,
    subtitle: ['DANH SÁCH MÔ HÌNH “DÂN VẬN KHÉO”'],
    landscape: false,
    table: {
      type: 'table',
      columns: [
        { header: 'STT', width: 7, align: 'center' },
        { header: 'Tên mô hình', width: 38, align: 'left' },
        { header: 'Lĩnh vực', width: 18, align: 'left' },
        { header: 'Cấp công nhận', width: 12, align: 'center' },
        { header: 'Đơn vị báo cáo', width: 26, align: 'left' },
      ],
      rows: model.models.list.map((m, i) => ({ cells: [String(i + 1), m.name, m.field, m.level, m.unit.name] })),
    },
  };
}

/** Numbers of the appendices the report has, in their order; null for one it does not have. */
export interface AppendixNumbers {
  donVi: number | null;
  moHinh: number | null;
  khac: number | null;
}

/** Items the body leaves out (selection.ts), to be listed in an appendix of their own. */
export function itemsLeftOut(model: ReportModel, settings: ReportSettings): { part: string; group: string; item: GatheredItem; detail: string }[] {
  const picked = bodySelection(model, settings);
  const fieldOf = new Map<GatheredItem, string>();
  for (const g of [...model.limitations, ...model.tasks]) for (const item of g.items) fieldOf.set(item, g.field);
  return [
    ...picked.results.flatMap((r) => r.rest.map((item) => ({ part: 'Kết quả', group: r.group.field, item, detail: '' }))),
    ...picked.limitations.rest.map((item) => ({ part: 'Hạn chế', group: fieldOf.get(item) ?? '', item, detail: item.causes.length ? `Nguyên nhân: ${item.causes.join('; ')}` : '' })),
    ...picked.tasks.rest.map((item) => ({ part: 'Nhiệm vụ', group: fieldOf.get(item) ?? '', item, detail: item.deadlines.length ? `Thời hạn: ${item.deadlines.map(inSentence).join('; ')}` : '' })),
    ...picked.proposals.flatMap((p) => p.rest.map((item) => ({ part: 'Kiến nghị', group: p.group.addressee || 'Không ghi cơ quan nhận', item, detail: '' }))),
  ];
}

export function appendixNumbers(model: ReportModel, settings: ReportSettings): AppendixNumbers {
  let next = 1;
  const donVi = model.byUnit.length ? next++ : null;
  const moHinh = model.models.total > 0 ? next++ : null;
  const khac = itemsLeftOut(model, settings).length > 0 ? next++ : null;
  return { donVi, moHinh, khac };
}

/** How appendices are referred to and titled: "1", "2" (Party practice) or "I", "II" (NĐ 30/2020). */
export type AppendixLabels = { [K in keyof AppendixNumbers]: string | null };

export function appendixLabels(numbers: AppendixNumbers, numerals: 'arabic' | 'roman'): AppendixLabels {
  const label = (n: number | null) => (n === null ? null : numerals === 'roman' ? romanNumeral(n) : String(n));
  return { donVi: label(numbers.donVi), moHinh: label(numbers.moHinh), khac: label(numbers.khac) };
}

/** 1 → "I", 4 → "IV", 9 → "IX" (a report has a handful of appendices). */
export function romanNumeral(n: number): string {
  const marks: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, mark] of marks) for (; n >= value; n -= value) out += mark;
  return out;
}

/** The appendix of the items the body leaves out, so that nothing a unit reported is lost from the document. */
export function otherItemsAppendix(model: ReportModel, settings: ReportSettings, label: string): Appendix | undefined {
  const rows = itemsLeftOut(model, settings).map((r, i) => ({
    cells: [String(i + 1), r.part, r.group, r.detail ? `${r.item.text} (${r.detail})` : r.item.text, attribution(r.item.units, settings)],
  }));
  if (rows.length === 0) return undefined;
  return {
    title: `Phụ lục ${label}`,
    subtitle: ['CÁC NỘI DUNG KHÁC TRONG BÁO CÁO CỦA CÁC ĐƠN VỊ'],
    landscape: false,
    table: {
      type: 'table',
      columns: [
        { header: 'STT', width: 7, align: 'center' },
        { header: 'Phần', width: 11, align: 'left' },
        { header: 'Lĩnh vực', width: 17, align: 'left' },
        { header: 'Nội dung', width: 43, align: 'left' },
        { header: 'Đơn vị báo cáo', width: 22, align: 'left' },
      ],
      rows,
    },
  };
}

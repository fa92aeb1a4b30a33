/** The data a report template sees: the ReportModel, the period's names and the frame settings, and nothing else. */
import type { Config } from '../config/schema.js';
import { isFinalReview, nextPeriodName, parsePeriod, periodLabel, periodName, type Period } from '../domain/period.js';
import type { FieldGroup, GatheredItem, IndicatorTotal, LimitationItem, ReportModel, TaskItem } from '../model/report-model.js';
import { attribution, bodySelection, causesText, fieldCap, selectItems, validUnitsText } from './selection.js';
import { causeGroups, earliestDeadline, movements, type CauseGroup, type Movement } from './synthesis.js';
import { joinList } from './format.js';
import { escapeMarkup } from '../document/markup.js';
import { appendixLabels, appendixNumbers, printedName, type AppendixLabels } from '../document/tables.js';
import { getLayoutProfile } from '../layout/profile.js';

function byId<G extends { id: string }>(groups: G[]): Record<string, G> {
  return Object.fromEntries(groups.map((group) => [group.id, group]));
}

/** An item as the body shows it: with who said it, worded for the number of units (selection.ts). */
export type ShownItem<T extends GatheredItem = GatheredItem> = T & { nguon: string };
export type ShownLimitation = ShownItem<LimitationItem> & { nguyenNhan: string };
export type ShownGroup<T extends GatheredItem = GatheredItem> = Omit<FieldGroup<T>, 'items'> & {
  items: ShownItem<T>[];
  /** Items of the field left for the appendix of other items (most widely reported ones are shown). */
  more: number;
};

export interface ReportView {
  period: { key: string; name: string; nextName: string; label: string; year: number; isFinal: boolean };
  organization: Config['organization'];
  document: Config['document'];
  units: ReportModel['status'] & { validCount: number; invalidCount: number; missingCount: number; validText: string; validNamed: boolean; invalidText: string; reportingText: string };
  /** Totals by code: {{chiTieu.TT_BUOI.total}}. */
  chiTieu: Record<string, IndicatorTotal>;
  indicators: IndicatorTotal[];
  results: ShownGroup[];
  resultsById: Record<string, ShownGroup>;
  /** Fields that have at least one result, in report order. */
  resultsWithItems: ShownGroup[];
  limitations: ShownGroup<ShownLimitation>[];
  /** Limitations of every field, flattened in field order, each with its causes (nguyenNhan). */
  limitationItems: ShownLimitation[];
  /** Every distinct cause given for a limitation. */
  causes: string[];
  tasks: ShownGroup<TaskItem>[];
  taskItems: ShownItem<TaskItem>[];
  proposals: (Omit<ReportModel['proposals'][number], 'items'> & { items: ShownItem[]; more: number })[];
  models: ReportModel['models'];
  hasCompare: boolean;
  comparedWith: string | null;
  /** Appendix numbers, null when the appendix is not there: per-unit figures, models, the other items. */
  /** How the body refers to each appendix ("1", or "I" in the nd30 layout); null for one the report does not have. */
  phuLuc: AppendixLabels;
  /** How many items in all the body leaves to the appendix of other items. */
  khac: number;
  /** "Đặc điểm tình hình": the staff's paragraphs for the period (config document.situation); empty leaves the part out. */
  situation: string[];
  /** The committee's assessment ("Đánh giá chung") and its own voice for what comes next. */
  danhGia: {
    /** Indicators that rose against the same period, and those that fell notably, each with its own figure. */
    tang: Movement[];
    giam: Movement[];
    /** Every limitation once, whatever field the units tagged it with, most widely reported first. */
    hanChe: ShownItem<LimitationItem>[];
    hanCheMore: number;
    /** Every cause once, grouped khách quan / chủ quan where the units marked them. */
    nguyenNhan: (Omit<CauseGroup, 'items'> & { items: ShownItem[] })[];
    nguyenNhanMore: number;
  };
  /** The committee's tasks for the next period: each once, with at most its earliest concrete deadline. */
  nhiemVu: (ShownItem<TaskItem> & { thoiHan: string })[];
  nhiemVuMore: number;
}

export function buildView(model: ReportModel, config: Config): ReportView {
  const period = parsePeriod(model.period) as Period;
  const settings = config.report;
  const units = new Map(model.status.valid.map((u) => [u.code, u]));
  const shown = <T extends GatheredItem>(item: T): ShownItem<T> => ({ ...item, nguon: attribution(item.units, settings) });
  const picked = bodySelection(model, settings);
  const results = picked.results.map(({ group, shown: items, rest }) => ({ ...group, items: items.map(shown), more: rest.length }));
  // Limitations and tasks are one list each (selection.ts); by field too, for templates that print them so.
  const byField = <T extends GatheredItem, S>(groups: FieldGroup<T>[], list: { shown: T[]; rest: T[] }, decorate: (item: T) => S) => {
    const shownSet = new Set(list.shown);
    return groups.map((group) => ({
      ...group,
      items: group.items.filter((item) => shownSet.has(item)).map(decorate),
      more: group.items.filter((item) => !shownSet.has(item)).length,
    }));
  };
  const limitation = (item: LimitationItem): ShownLimitation => ({ ...shown(item), nguyenNhan: causesText(item, units, settings) });
  const limitations = byField(model.limitations, picked.limitations, limitation);
  const tasks = byField(model.tasks, picked.tasks, shown);
  const proposals = picked.proposals.map(({ group, shown: items, rest }) => ({ ...group, items: items.map(shown), more: rest.length }));
  const limitationItems = limitations.flatMap((g) => g.items);
  // A set beside the list: one lookup per cause, not a pass over the list (thousands of rows make thousands of causes).
  const causes: string[] = [];
  const seen = new Set<string>();
  for (const item of limitationItems) {
    for (const cause of item.causes) {
      if (seen.has(cause)) continue;
      seen.add(cause);
      causes.push(cause);
    }
  }
  // Every cause once, at most as many in all as a list shows, shared between the kinds.
  const allCauses = causeGroups(model.limitations.flatMap((g) => g.items), units, { similarity: settings.similarity });
  const perKind = fieldCap(allCauses.map((g) => g.items.length), { ...settings, itemsPerPart: settings.itemsPerField });
  const nguyenNhan = allCauses.map((g) => ({ kind: g.kind, ...selectItems(g.items, perKind) }));
  // Templates print names as the report does: without the form's formula of codes.
  const printed = model.indicators.map((i) => ({ ...i, name: printedName(i.name) }));
  const phuLuc = appendixLabels(appendixNumbers(model, settings), getLayoutProfile(config.layout)?.words.appendixNumerals ?? 'arabic');
  const view: ReportView = {
    period: {
      key: model.period,
      name: periodName(period),
      nextName: nextPeriodName(period),
      label: periodLabel(period),
      year: period.year,
      isFinal: isFinalReview(period),
    },
    organization: config.organization,
    document: config.document,
    units: {
      ...model.status,
      validCount: model.status.valid.length,
      invalidCount: model.status.invalid.length,
      invalidText: joinList(model.status.invalid.map((i) => i.name ?? (i.unit ? `đơn vị ${i.unit}` : `tệp “${i.file}”`))),
      missingCount: model.status.missing.length,
      validText: validUnitsText(model.status.valid, config.units, settings, phuLuc.donVi ?? ''),
      validNamed: model.status.valid.length <= settings.unitListUpTo || config.units.length > 0,
      // The reporting situation in one phrase: "291/300 cơ quan, đơn vị" (who is missing is for kiemtra and the letter).
      reportingText: model.status.hasRegistry ? `${model.status.valid.length}/${model.status.expected}` : String(model.status.valid.length),
    },
    chiTieu: Object.fromEntries(printed.map((i) => [i.code, i])),
    indicators: printed,
    results,
    resultsById: byId(results),
    resultsWithItems: results.filter((g) => g.items.length > 0),
    limitations,
    limitationItems,
    causes,
    tasks,
    taskItems: tasks.flatMap((g) => g.items),
    proposals,
    models: model.models,
    hasCompare: model.comparedWith !== null,
    comparedWith: model.comparedWith,
    phuLuc,
    khac: [...results, ...proposals].reduce((n, g) => n + g.more, 0) + picked.limitations.rest.length + picked.tasks.rest.length,
    situation: config.document.situation,
    danhGia: {
      ...(({ rises, falls }) => ({ tang: rises, giam: falls }))(movements(printed)),
      hanChe: picked.limitations.shown.map(shown),
      hanCheMore: picked.limitations.rest.length,
      nguyenNhan: nguyenNhan.map((g) => ({ kind: g.kind, items: g.shown.map(shown) })),
      nguyenNhanMore: nguyenNhan.reduce((n, g) => n + g.rest.length, 0),
    },
    nhiemVu: picked.tasks.shown.map((item) => ({ ...shown(item), thoiHan: earliestDeadline(item) })),
    nhiemVuMore: picked.tasks.rest.length,
  };
  // A deep copy of plain data: the template reaches nothing but values. Every string is escaped, so that
  // what units typed ("5*3 hộ", a line starting with "#") is printed as typed, never read as report markup.
  return plainCopy(view, new Map()) as ReportView;
}

/**
 * What `JSON.parse(JSON.stringify(value))` gives, with every string passed through escapeMarkup, but an object
 * reached twice (a field group under `results`, `resultsById` and `resultsWithItems`; an item under
 * `limitations` and `limitationItems`) is copied once and shared: nothing a template or helper does can modify
 * it. On 10,000 units the JSON round trip with a reviver took about as long as checking the files.
 */
export function plainCopy(value: unknown, copies: Map<object, unknown> = new Map()): unknown {
  switch (typeof value) {
    case 'string':
      return escapeMarkup(value);
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      // undefined, functions, symbols, bigints: JSON leaves them out of objects (and the model holds none).
      return undefined;
  }
  if (value === null) return null;
  const known = copies.get(value);
  if (known !== undefined) return known;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return plainCopy((value as { toJSON: () => unknown }).toJSON(), copies);
  if (Array.isArray(value)) {
    const array: unknown[] = [];
    copies.set(value, array);
    for (const item of value) {
      const copy = plainCopy(item, copies);
      array.push(copy === undefined ? null : copy);
    }
    return array;
  }
  const object: Record<string, unknown> = {};
  copies.set(value, object);
  for (const key of Object.keys(value)) {
    const copy = plainCopy((value as Record<string, unknown>)[key], copies);
    if (copy !== undefined) object[key] = copy;
  }
  return object;
}

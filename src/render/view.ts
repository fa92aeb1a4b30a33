/** The data a report template sees: the ReportModel, the period's names and the frame settings, and nothing else. */
import type { Config } from '../config/schema.js';
import { isFinalReview, nextPeriodName, parsePeriod, periodLabel, periodName, type Period } from '../domain/period.js';
import type { FieldGroup, GatheredItem, IndicatorTotal, ReportModel } from '../model/report-model.js';
import { escapeMarkup } from '../document/markup.js';

function byId<T extends GatheredItem>(groups: FieldGroup<T>[]): Record<string, FieldGroup<T>> {
  return Object.fromEntries(groups.map((group) => [group.id, group]));
}

export interface ReportView {
  period: { key: string; name: string; nextName: string; label: string; year: number; isFinal: boolean };
  organization: Config['organization'];
  document: Config['document'];
  units: ReportModel['status'] & { validCount: number; invalidCount: number; missingCount: number };
  /** Totals by code: {{chiTieu.TT_BUOI.total}}. */
  chiTieu: Record<string, IndicatorTotal>;
  indicators: IndicatorTotal[];
  results: FieldGroup[];
  resultsById: Record<string, FieldGroup>;
  /** Fields that have at least one result, in report order. */
  resultsWithItems: FieldGroup[];
  limitations: ReportModel['limitations'];
  /** Limitations of every field, flattened in field order. */
  limitationItems: ReportModel['limitations'][number]['items'];
  /** Every distinct cause given for a limitation. */
  causes: string[];
  tasks: ReportModel['tasks'];
  taskItems: ReportModel['tasks'][number]['items'];
  proposals: ReportModel['proposals'];
  models: ReportModel['models'];
  hasCompare: boolean;
  comparedWith: string | null;
}

export function buildView(model: ReportModel, config: Config): ReportView {
  const period = parsePeriod(model.period) as Period;
  const limitationItems = model.limitations.flatMap((g) => g.items);
  const causes = [...new Set(limitationItems.flatMap((item) => item.causes))];
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
      missingCount: model.status.missing.length,
    },
    chiTieu: Object.fromEntries(model.indicators.map((i) => [i.code, i])),
    indicators: model.indicators,
    results: model.results,
    resultsById: byId(model.results),
    resultsWithItems: model.results.filter((g) => g.items.length > 0),
    limitations: model.limitations,
    limitationItems,
    causes,
    tasks: model.tasks,
    taskItems: model.tasks.flatMap((g) => g.items),
    proposals: model.proposals,
    models: model.models,
    hasCompare: model.comparedWith !== null,
    comparedWith: model.comparedWith,
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

/** The data a report template sees: the ReportModel, the period's names and the frame settings, and nothing else. */
import type { Config } from '../config/schema.js';
import { isFinalReview, nextPeriodName, parsePeriod, periodLabel, periodName, type Period } from '../domain/period.js';
import type { FieldGroup, GatheredItem, IndicatorTotal, ReportModel } from '../model/report-model.js';
import { escapeMarkup } from '../document/markup.js';
import { printedName } from '../document/tables.js';

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
  // Templates print names as the report does: without the form's formula of codes.
  const printed = model.indicators.map((i) => ({ ...i, name: printedName(i.name) }));
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
    chiTieu: Object.fromEntries(printed.map((i) => [i.code, i])),
    indicators: printed,
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
  return JSON.parse(JSON.stringify(view), (_key, value: unknown) => (typeof value === 'string' ? escapeMarkup(value) : value)) as ReportView;
}

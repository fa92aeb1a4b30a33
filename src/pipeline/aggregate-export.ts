/** The aggregate written back as a submission of the committee itself, so the next level up can check and aggregate it. */
import type { Config } from '../config/schema.js';
import { isUnfilled } from '../config/frame-gaps.js';
import { parsePeriod, periodLabel, type Period } from '../domain/period.js';
import type { FormContent } from '../form/index.js';
import type { GatheredItem, ReportModel, UnitRef } from '../model/report-model.js';

/** Who a row came from, for the next level up: the units' names, and where a unit's row itself came from a roll-up, its origin. */
function originOf(item: GatheredItem): string {
  return item.units.map((unit) => withOrigin(unit, item)).join('; ');
}

function withOrigin(unit: UnitRef, item: GatheredItem): string {
  const below = [...new Set(item.sources.filter((s) => s.unit === unit.code && s.origin).map((s) => s.origin!))];
  return below.length ? `${unit.name} (${below.join('; ')})` : unit.name;
}

/** The units' own notes on a figure, each with its unit, so that attribution survives one level up. */
function figureNotes(model: ReportModel): Record<string, string> {
  const names = new Map(model.status.valid.map((u) => [u.code, u.name]));
  const notes: Record<string, string> = {};
  for (const [code, sources] of Object.entries(model.sources)) {
    const noted = sources.filter((s) => s.note).map((s) => `${names.get(s.unit) ?? s.unit}: ${s.note}`);
    if (noted.length) notes[code] = noted.join('; ');
  }
  return notes;
}

export function aggregateAsSubmission(model: ReportModel, config: Config): FormContent {
  const period = parsePeriod(model.period) as Period;
  const items = <T extends { items: GatheredItem[]; field: string }>(groups: T[]) =>
    groups.flatMap((g) => g.items.map((item) => ({ field: g.field, item })));
  return {
    info: {
      unitCode: config.organization.unitCode,
      unitName: config.organization.name,
      period: periodLabel(period),
      // The latest date any unit reported keeps the export deterministic; staff may change it before sending.
      reportDate: model.latestReportDate ? new Date(`${model.latestReportDate}T00:00:00Z`) : new Date(Date.UTC(period.year, 11, 31)),
      head: isUnfilled(config.signer.name) ? undefined : config.signer.name,
    },
    figures: Object.fromEntries(model.indicators.filter((i) => !i.derived).map((i) => [i.code, i.total])),
    figureNotes: figureNotes(model),
    results: items(model.results).map(({ field, item }) => ({ field, content: item.text, origin: originOf(item) })),
    limitations: model.limitations.flatMap((g) =>
      g.items.map((item) => ({ field: g.field, content: item.text, cause: item.causes.join('; ') || undefined, origin: originOf(item) })),
    ),
    tasks: model.tasks.flatMap((g) =>
      g.items.map((item) => ({ field: g.field, content: item.text, deadline: item.deadlines.join('; ') || undefined, origin: originOf(item) })),
    ),
    proposals: model.proposals.flatMap((g) =>
      g.items.map((item) => ({ content: item.text, addressee: g.addressee || undefined, origin: originOf(item) })),
    ),
    models: model.models.list.map((m) => ({
      name: m.name,
      field: m.field,
      level: m.level,
      note: m.note || undefined,
      origin: m.source.origin ? `${m.unit.name} (${m.source.origin})` : m.unit.name,
    })),
  };
}

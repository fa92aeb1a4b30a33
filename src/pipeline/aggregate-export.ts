/** The aggregate written back as a submission of the committee itself, so the next level up can check and aggregate it. */
import type { Config } from '../config/schema.js';
import { parsePeriod, periodLabel, type Period } from '../domain/period.js';
import type { FormContent } from '../form/index.js';
import type { ReportModel } from '../model/report-model.js';

export function aggregateAsSubmission(model: ReportModel, config: Config): FormContent {
  const period = parsePeriod(model.period) as Period;
  const items = <T extends { items: { text: string }[]; field: string }>(groups: T[]) =>
    groups.flatMap((g) => g.items.map((item) => ({ field: g.field, item })));
  return {
    info: {
      unitCode: config.organization.unitCode,
      unitName: config.organization.name,
      period: periodLabel(period),
      // The latest date any unit reported keeps the export deterministic; staff may change it before sending.
      reportDate: model.latestReportDate ? new Date(`${model.latestReportDate}T00:00:00Z`) : new Date(Date.UTC(period.year, 11, 31)),
      head: config.signer.name || undefined,
    },
    figures: Object.fromEntries(model.indicators.filter((i) => !i.derived).map((i) => [i.code, i.total])),
    results: items(model.results).map(({ field, item }) => ({ field, content: item.text })),
    limitations: model.limitations.flatMap((g) =>
      g.items.map((item) => ({ field: g.field, content: item.text, cause: item.causes.join('; ') || undefined })),
    ),
    tasks: model.tasks.flatMap((g) =>
      g.items.map((item) => ({ field: g.field, content: item.text, deadline: item.deadlines.join('; ') || undefined })),
    ),
    proposals: model.proposals.flatMap((g) => g.items.map((item) => ({ content: item.text, addressee: g.addressee || undefined }))),
    models: model.models.list.map((m) => ({ name: m.name, field: m.field, level: m.level, note: m.note || m.unit.name })),
  };
}

/** The machine output of SPEC §5: only the documented fields (and `code` of each issue), in a stable order. */
import type { CheckReport } from '../check/check.js';
import type { FileResult } from '../check/file-result.js';
import type { ReportModel } from '../model/report-model.js';

export function fileJson(result: FileResult) {
  return {
    file: result.file,
    valid: result.valid,
    unit: result.unit,
    period: result.period,
    errors: result.errors,
    warnings: result.warnings,
  };
}

export function checkJson(report: CheckReport) {
  return {
    period: report.period,
    files: report.files.map(fileJson),
    skipped: report.skipped,
  };
}

/** Totals keyed by code; a ratio as a percentage rounded to 2 places; null where no unit reported. */
export function aggregateJson(
  report: CheckReport,
  model: ReportModel,
  output: string | null,
  xlsx: string | null,
  warnings: readonly { code: string; message: string; keys?: string[] }[] = [],
  doiChieu: string | null = null,
) {
  return {
    period: model.period,
    output,
    xlsx,
    doiChieu,
    units: {
      submitted: report.files.length,
      valid: report.files.filter((f) => f.valid).length,
      invalid: report.files.filter((f) => !f.valid).length,
      missing: model.status.missing.map((u) => u.code),
    },
    indicators: Object.fromEntries(
      model.indicators.map((i) => [i.code, i.total === null ? null : i.derived ? Math.round(i.total * 100) / 100 : i.total]),
    ),
    sources: model.sources,
    warnings,
    files: report.files.map(fileJson),
    skipped: report.skipped,
  };
}

/**
 * The machine output of SPEC §5, as a versioned contract: every object names its schema (docs/json/*.schema.json),
 * the same keys are always present (null where there is no value), and a failure is one object with `error`.
 */
import type { CheckReport } from '../check/check.js';
import { isUsed, needsFixing, type FileResult } from '../check/file-result.js';
import type { ReportModel } from '../model/report-model.js';
import type { FailureCode } from '../diagnostics/errors.js';
import type { ReminderModel } from '../reminder/model.js';
import { sep as pathSep } from 'node:path';

/**
 * Schema names with their major version. A version only ever gains fields; removing or changing the meaning of
 * one makes a new major version, with a new schema file.
 */
export const SCHEMA = {
  kiemtra: 'urn:danvan:kiemtra:1',
  tonghop: 'urn:danvan:tonghop:1',
  lo: 'urn:danvan:lo:1',
  nhac: 'urn:danvan:nhac:1',
} as const;

/**
 * Keys whose values are paths (or lists of paths) in the --json objects: file, skipped sameAs, superseded.by, the
 * outputs, unchanged, the batch file, feedback's dir, summary, copies and stale, toFix[].files.
 */
const PATH_KEYS = new Set(['file', 'sameAs', 'by', 'output', 'xlsx', 'doiChieu', 'pdf', 'unchanged', 'batch', 'dir', 'summary', 'copy', 'stale', 'files']);

/**
 * A --json object as printed: every path with one separator, "/", on every system (Windows' "\" too: Windows
 * accepts "/", and a reader of the JSON needs no second rule). `sep` is the system's path separator, injectable
 * for tests; on POSIX a "\" is a character of a file name and is left as it is.
 */
export function stringifyJson(value: unknown, sep: string = pathSep): string {
  const slash = (path: string) => (sep === '\\' ? path.replace(/\\/g, '/') : path);
  return JSON.stringify(
    value,
    (key: string, v: unknown) => {
      if (!PATH_KEYS.has(key)) return v;
      if (typeof v === 'string') return slash(v);
      if (Array.isArray(v) && v.every((item) => typeof item === 'string')) return v.map((item: string) => slash(item));
      return v;
    },
    2,
  );
}

export interface Failure {
  code: FailureCode;
  message: string;
}

export interface RunWarningJson {
  code: string;
  message: string;
  keys?: string[];
}

export function fileJson(result: FileResult) {
  return {
    file: result.file,
    valid: result.valid,
    unit: result.unit,
    typedUnit: result.typedUnit ?? null,
    period: result.period,
    superseded: result.superseded ?? null,
    errors: result.errors,
    warnings: result.warnings,
    /** Cells typed in a legacy encoding (TCVN3, VNI) and converted to Unicode before validation. */
    repairs: result.repairs ?? [],
  };
}

/** The counts of files (a lock file is not a submission) and the registry units that sent nothing. */
function unitsJson(report: CheckReport) {
  return {
    submitted: report.files.length,
    valid: report.files.filter(isUsed).length,
    invalid: report.files.filter(needsFixing).length,
    superseded: report.files.filter((f) => f.superseded).length,
    missing: (report.missing ?? []).map((u) => u.code),
  };
}

function missingUnitsJson(report: CheckReport) {
  return report.missing === null ? null : report.missing.map(({ code, name, group }) => ({ code, name, group }));
}

/** What `kiemtra --phan-hoi DIR` wrote: the folder, the summary workbook, each annotated copy, the files without one. */
export interface FeedbackJson {
  dir: string;
  summary: string;
  copies: { file: string; copy: string }[];
  notCopied: { file: string; reason: string }[];
  /** Files of DIR (summary or copies) that already held the same bytes and were left untouched. */
  unchanged: string[];
  /** Copies an earlier run left in DIR for files that get none now: kept, but out of date. */
  stale: string[];
}

export function checkJson(report: CheckReport, error: Failure | null = null, feedback: FeedbackJson | null = null) {
  return {
    schema: SCHEMA.kiemtra,
    period: report.period,
    units: unitsJson(report),
    missingUnits: missingUnitsJson(report),
    files: report.files.map(fileJson),
    skipped: report.skipped,
    feedback,
    error,
  };
}

/** kiemtra's object when it failed before any file was checked. */
export function checkFailureJson(error: Failure) {
  return { schema: SCHEMA.kiemtra, period: null, units: null, missingUnits: null, files: [], skipped: [], feedback: null, error };
}

export interface AggregateOutputs {
  output: string | null;
  xlsx: string | null;
  doiChieu: string | null;
  pdf: string | null;
  /** Outputs already there with the same bytes, left untouched. */
  unchanged: string[];
}

/** Totals keyed by code; a ratio as a percentage rounded to 2 places; null where no unit reported. */
export function aggregateJson(report: CheckReport, model: ReportModel, outputs: AggregateOutputs, warnings: readonly RunWarningJson[] = []) {
  return {
    schema: SCHEMA.tonghop,
    period: model.period,
    ...outputs,
    units: unitsJson(report),
    missingUnits: missingUnitsJson(report),
    indicators: Object.fromEntries(
      model.indicators.map((i) => [i.code, i.total === null ? null : i.derived ? Math.round(i.total * 100) / 100 : i.total]),
    ),
    sources: model.sources,
    warnings,
    files: report.files.map(fileJson),
    skipped: report.skipped,
    error: null,
  };
}

/**
 * tonghop's object when nothing was written: whatever the check found (or null before it), every indicator
 * of the catalogue with no value, and the error.
 */
export function aggregateFailureJson(error: Failure, report: CheckReport | null, indicatorCodes: readonly string[] | null) {
  return {
    schema: SCHEMA.tonghop,
    period: report?.period ?? null,
    output: null,
    xlsx: null,
    doiChieu: null,
    pdf: null,
    unchanged: [],
    units: report ? unitsJson(report) : null,
    missingUnits: report ? missingUnitsJson(report) : null,
    indicators: indicatorCodes ? Object.fromEntries(indicatorCodes.map((code) => [code, null])) : null,
    sources: indicatorCodes ? Object.fromEntries(indicatorCodes.map((code) => [code, []])) : null,
    warnings: [],
    files: report ? report.files.map(fileJson) : [],
    skipped: report ? report.skipped : [],
    error,
  };
}

export type AggregateJson = ReturnType<typeof aggregateJson> | ReturnType<typeof aggregateFailureJson>;

/** nhac's object: the letter written (or null when nobody needs reminding), who it names, and the check behind it. */
export function reminderJson(report: CheckReport, model: ReminderModel, output: string | null, unchanged: readonly string[], warnings: readonly RunWarningJson[]) {
  return {
    schema: SCHEMA.nhac,
    period: report.period,
    output,
    unchanged,
    units: unitsJson(report),
    missingUnits: missingUnitsJson(report),
    toFix: model.toFix,
    warnings,
    files: report.files.map(fileJson),
    skipped: report.skipped,
    error: null,
  };
}

export function reminderFailureJson(error: Failure) {
  return { schema: SCHEMA.nhac, period: null, output: null, unchanged: [], units: null, missingUnits: null, toFix: null, warnings: [], files: [], skipped: [], error };
}

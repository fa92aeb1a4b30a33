/** The check stage of the pipeline: discover files, analyse each, then apply the rules across files. */
import { UsageError } from '../diagnostics/errors.js';
import { parsePeriod } from '../domain/period.js';
import { compareVietnamese } from '../domain/text.js';
import { unitComparator } from '../domain/units.js';
import type { Config, UnitEntry } from '../config/schema.js';
import { catalogueOf } from '../config/load.js';
import { analyzeFile, type AnalyzeOptions } from './analyze-file.js';
import { applyDuplicateRule, applyPeriodRule, applyRegistryRule, missingUnits, resolvePeriod } from './cross-file.js';
import { discoverInputs, type Discovery, type SkippedFile } from './discover.js';
import { shown } from '../messages/vi.js';
import type { FileResult } from './file-result.js';
import { MIN_FILES_FOR_WORKERS, analyzeInWorkers, defaultWorkerCount, workersAvailable } from './pool.js';

export interface CheckRequest {
  inputs: readonly string[];
  config: Config;
  /** --ky: the expected period in any accepted spelling; by default the one most units declare. */
  period?: string;
  cwd?: string;
  /** The inputs already expanded (tonghop expands them first, to check its outputs against every file). */
  discovery?: Discovery;
  /** Worker threads; 1 reads in this thread. Default: one per core. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface CheckReport {
  /** Period key the files were checked against, or null when no file declared one. */
  period: string | null;
  files: FileResult[];
  skipped: SkippedFile[];
  /** Registry units that sent no file; null without a registry. */
  missing: UnitEntry[] | null;
}

/** Files whose check ended in a bug of danvan's own (code "internal"): the run must end with exit 70, not a verdict. */
export function internalFailures(report: CheckReport): FileResult[] {
  return report.files.filter((f) => f.errors.some((e) => e.code === 'internal'));
}

/**
 * The files in report order of their units (domain/units.ts: the registry's order; outside it, or without one, by
 * the name the file gives, the Vietnamese way), a unit's file used first, then by name: kiemtra, its --json and the feedback
 * workbook list them so.
 */
function orderFiles(results: readonly FileResult[], registry: readonly UnitEntry[]): FileResult[] {
  const byCode = new Map(registry.map((unit) => [unit.code, unit]));
  const compare = unitComparator(registry);
  const keyed = results.map((file) => {
    const entry = file.unit ? byCode.get(file.unit) : undefined;
    return { file, key: { code: file.unit ?? '', name: entry?.name ?? file.contact?.unitName ?? file.file, group: entry?.group ?? '' } };
  });
  // A unit's file used first, the files it replaced after it.
  const later = (f: FileResult) => Number(Boolean(f.superseded));
  return keyed.sort((a, b) => compare(a.key, b.key) || later(a.file) - later(b.file) || compareVietnamese(a.file.file, b.file.file)).map(({ file }) => file);
}

export async function checkSubmissions(request: CheckRequest): Promise<CheckReport> {
  if (request.period !== undefined && !parsePeriod(request.period)) {
    throw new UsageError(`Kỳ báo cáo ${shown(request.period)} không hợp lệ; hãy ghi như Quý I/2023, 6 tháng/2023, 9 tháng/2023, Năm 2023 hoặc 2023-Q1.`);
  }
  const discovery = request.discovery ?? discoverInputs(request.inputs, request.cwd);
  const options: AnalyzeOptions = { cwd: request.cwd ?? process.cwd(), catalogue: catalogueOf(request.config), maxBytes: request.config.maxFileMB * 1024 * 1024 };
  const files = discovery.files;
  const results: FileResult[] = new Array(files.length);
  let done = 0;
  const record = (index: number, result: FileResult) => {
    results[index] = result;
    done += 1;
    request.onProgress?.(done, files.length);
  };

  // Drawn before the first file is read: a long run shows its progress at once, not after the first batch.
  request.onProgress?.(0, files.length);
  const workers = request.workers ?? defaultWorkerCount();
  if (workers > 1 && files.length >= MIN_FILES_FOR_WORKERS && workersAvailable()) {
    await analyzeInWorkers(files, options, workers, record);
  } else {
    for (let i = 0; i < files.length; i += 1) record(i, await analyzeFile(files[i]!, options));
  }

  const period = resolvePeriod(results, request.period);
  if (period) applyPeriodRule(results, period);
  applyRegistryRule(results, request.config.units);
  applyDuplicateRule(results);
  return { period, files: orderFiles(results, request.config.units), skipped: discovery.skipped, missing: missingUnits(results, request.config.units) };
}

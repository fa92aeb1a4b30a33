/**
 * One tonghop run as a value: the exit code and the machine output, never an exception. The batch command
 * runs its jobs through this, so that a job gives exactly what `danvan tonghop … --json` would.
 */
import { needsFixing } from '../check/file-result.js';
import { loadConfig } from '../config/load.js';
import { DanvanError, EXIT, InternalError } from '../diagnostics/errors.js';
import { runAggregate } from './aggregate-run.js';
import { knownCheck } from './json-output.js';
import { aggregateFailureJson, aggregateJson, type AggregateJson } from './json-output.js';

/** A tonghop job: its options, with paths as the user wrote them, relative to `cwd`. */
/** A batch job names its outputs and --force by its keys (docs/lo.md), and messages say so. */
const BATCH_NAMING = {
  flags: { '-o': '"output"', '--xlsx': '"xlsx"', '--doi-chieu': '"doiChieu"', '--pdf': '"pdf"' },
  force: '"force": true cho việc này (hoặc danvan lo --force)',
};

export interface AggregateJobSpec {
  cwd: string;
  inputs: string[];
  period?: string;
  output?: string;
  xlsx?: string;
  doiChieu?: string;
  pdf?: string;
  template?: string;
  /** Config file; without one, danvan.config.json in `cwd` if there is one, else the default. */
  config?: string;
  compare?: string;
  strict?: boolean;
  force?: boolean;
  /** Threads for the check stage of this job. */
  workers?: number;
  /** The kiemtra command that lists this job's file errors (a batch prints no list of them). */
  checkCommand?: string;
}

export interface JobOutcome {
  exitCode: number;
  json: AggregateJson;
  /** The Vietnamese message of a failure, for the terminal. */
  message: string | null;
}

export async function runAggregateJob(spec: AggregateJobSpec): Promise<JobOutcome> {
  let indicatorCodes: string[] | null = null;
  try {
    const { config, path: configPath } = loadConfig(spec.config, spec.cwd);
    const outcome = await runAggregate({
      inputs: spec.inputs,
      config,
      configPath: configPath ? (spec.config ?? 'danvan.config.json') : null,
      cwd: spec.cwd,
      period: spec.period,
      output: spec.output,
      xlsx: spec.xlsx,
      doiChieu: spec.doiChieu,
      pdf: spec.pdf,
      template: spec.template,
      compare: spec.compare,
      strict: spec.strict,
      force: spec.force,
      naming: BATCH_NAMING,
      workers: spec.workers,
      checkCommand: spec.checkCommand,
    });
    const { check, model, output, xlsx, doiChieu, pdf, unchanged, warnings } = outcome;
    indicatorCodes = model.indicators.map((i) => i.code);
    return {
      exitCode: check.files.some(needsFixing) ? EXIT.invalidInput : EXIT.ok,
      json: aggregateJson(check, model, { output, xlsx, doiChieu, pdf, unchanged }, warnings),
      message: null,
    };
  } catch (error) {
    const failure =
      error instanceof DanvanError && !(error instanceof InternalError)
        ? error
        : new InternalError((error as Error)?.message ?? String(error));
    const json = aggregateFailureJson({ code: failure.code, message: failure.message }, knownCheck(failure)?.check ?? null, knownCheck(failure)?.indicatorCodes ?? indicatorCodes);
    return { exitCode: failure.exitCode, json, message: failure.message };
  }
}

/**
 * Reads a batch file (`danvan lo`): JSON with comments, an optional "config" for every job and a "jobs" array of
 * tonghop options. Every problem is refused before any job runs, located by its key ("jobs[2].output").
 */
import { existsSync } from 'node:fs';
import { FileReadError, readUtf8File } from '../files/read.js';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { CONFIG_FILE_NAME } from '../config/load.js';
import { z } from 'zod';
import '../schemas/zod-locale.js';
import { JsoncSyntaxError, parseJsonc } from '../config/jsonc.js';
import type { AggregateJobSpec } from '../pipeline/aggregate-job.js';
import { batchMsg } from '../messages/vi.js';
import { BatchFileError } from './json.js';
import { describeSchemaIssue } from '../schemas/issue-text.js';
import { readBackslashPaths } from './backslashes.js';

const text = z.string().trim().min(1);

const jobSchema = z
  .object({
    /** A name for the terminal and the JSON; by default the output's name. */
    name: text.optional(),
    inputs: z.union([text, z.array(text).min(1)]),
    period: text.optional(),
    output: text,
    xlsx: text.optional(),
    doiChieu: text.optional(),
    pdf: text.optional(),
    template: text.optional(),
    config: text.optional(),
    compare: text.optional(),
    strict: z.boolean().optional(),
    force: z.boolean().optional(),
  })
  .strict();

const batchSchema = z.object({ config: text.optional(), jobs: z.array(jobSchema).min(1) }).strict();

export interface BatchJob extends AggregateJobSpec {
  name: string;
  /** 1-based position in the file. */
  index: number;
}

export interface Batch {
  /** The batch file as the user named it. */
  file: string;
  jobs: BatchJob[];
}

/** Largest batch file read: a quarter's batch is a few KB. */
const MAX_BATCH_BYTES = 1024 * 1024;

/** Unknown keys of a job or of the batch file, with the keys accepted there, from the schema itself. */
const unknownBatchKeys = (where: string, keys: readonly string[]) =>
  batchMsg.unknownKeys(where, keys, Object.keys((where ? jobSchema : batchSchema).shape));

const isInside = (parent: string, child: string) => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** Reads, validates and resolves a batch file; throws BatchFileError listing every problem found. */
export function readBatchFile(file: string, cwd = process.cwd()): Batch {
  const path = resolve(cwd, file);
  let source: string;
  try {
    // Like a config: only a regular file (opened without blocking, so a FIFO is refused), bounded, UTF-8 only.
    source = readUtf8File(path, MAX_BATCH_BYTES);
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    if (error.problem === 'not-regular') throw new BatchFileError(batchMsg.notAFile(file), file);
    if (error.problem === 'too-large') throw new BatchFileError(batchMsg.tooLarge(file, MAX_BATCH_BYTES), file);
    if (error.problem === 'not-utf8') throw new BatchFileError(batchMsg.notUtf8(file, error.details.offset ?? 0), file);
    throw new BatchFileError(batchMsg.unreadable(file, error.details.errno), file);
  }
  let data: unknown;
  // "C:\Users\An\nop" typed with single backslashes, as Explorer shows it (batch/backslashes.ts).
  const windows = readBackslashPaths(source);
  try {
    data = parseJsonc(windows.source);
  } catch (error) {
    const where = error instanceof JsoncSyntaxError && error.line ? batchMsg.lineColumn(error.line, error.column) : '';
    // A path ending in a single backslash ("D:\bao-cao\") escapes its closing quote.
    const hint = /\\"\s*(?:[,\]}]|$)/m.test(source) ? batchMsg.backslashHint : '';
    throw new BatchFileError(batchMsg.syntax(file, where) + hint, file);
  }
  const parsed = batchSchema.safeParse(data, { reportInput: true });
  // Every problem in one pass: the paths are checked even in a file with schema errors, each one that is usable.
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.flatMap((issue) => describeSchemaIssue(issue, unknownBatchKeys))),
    ...pathProblems(data, dirname(path), windows.ambiguous),
  ];
  if (!parsed.success || problems.length) throw new BatchFileError(batchMsg.problems(file, byJob(problems)), file);

  // Relative paths are relative to the batch file, wherever danvan is run from.
  const base = dirname(path);
  const jobs: BatchJob[] = parsed.data.jobs.map((job, i) => {
    const config = job.config ?? parsed.data.config;
    const inputs = typeof job.inputs === 'string' ? [job.inputs] : job.inputs;
    return {
      index: i + 1,
      name: job.name ?? job.output,
      cwd: base,
      inputs,
      output: job.output,
      checkCommand: checkCommand(inputs, config, job.period, base, cwd),
      ...(job.period ? { period: job.period } : {}),
      ...(job.xlsx ? { xlsx: job.xlsx } : {}),
      ...(job.doiChieu ? { doiChieu: job.doiChieu } : {}),
      ...(job.pdf ? { pdf: job.pdf } : {}),
      ...(job.template ? { template: job.template } : {}),
      ...(config ? { config } : {}),
      ...(job.compare ? { compare: job.compare } : {}),
      ...(job.strict !== undefined ? { strict: job.strict } : {}),
      ...(job.force !== undefined ? { force: job.force } : {}),
    };
  });
  return { file, jobs };
}

/** A word of a shell command, quoted when it needs to be (POSIX shells; on Windows, cmd.exe, where paths have no quotes). */
function shellWord(word: string): string {
  const windows = process.platform === 'win32';
  if ((windows ? /^[\p{L}\p{N}_@%+=:,./\\-]+$/u : /^[\p{L}\p{N}_@%+=:,./-]+$/u).test(word)) return word;
  return windows ? `"${word}"` : `"${word.replace(/(["\\$`])/g, '\\$1')}"`;
}

/**
 * The kiemtra command that shows a job's file errors as the job sees them (same inputs, config and period), to be
 * run where `danvan lo` was run: the batch file's relative paths are rewritten from there.
 */
function checkCommand(inputs: readonly string[], config: string | undefined, period: string | undefined, base: string, cwd: string): string {
  const fromHere = (path: string) => (isAbsolute(path) ? path : relative(cwd, resolve(base, path)) || '.');
  // Without a config, the job reads danvan.config.json of the batch file's folder, which kiemtra finds only when run there.
  const configFile = config ?? (resolve(cwd) !== base && existsSync(join(base, CONFIG_FILE_NAME)) ? CONFIG_FILE_NAME : undefined);
  const args = ['danvan', 'kiemtra', ...inputs.map(fromHere), ...(configFile ? ['--config', fromHere(configFile)] : []), ...(period ? ['--ky', period] : [])];
  return args.map(shellWord).join(' ');
}

/** A path of the batch file with the key that names it ("jobs[2].inputs[0]"). */
interface KeyedPath {
  key: string;
  path: string;
}

/** The outputs of a job, in the order tonghop names them. */
const OUTPUT_KEYS = ['output', 'xlsx', 'doiChieu', 'pdf'] as const;

/**
 * The paths of a batch file that can be checked, whatever else is wrong with it: a job's key is used when its
 * value is a usable path (a key of the wrong type, or in a job that is not an object, is left to the schema's message).
 */
function usablePaths(data: unknown) {
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  const usable = (key: string, value: unknown): KeyedPath[] => {
    const parsed = text.safeParse(value);
    return parsed.success ? [{ key, path: parsed.data }] : [];
  };
  const root = isObject(data) ? data : {};
  const shared = usable('config', root.config)[0];
  const jobs = (Array.isArray(root.jobs) ? root.jobs : []).map((job, i) => {
    if (!isObject(job)) return { inputs: [], outputs: [], config: undefined };
    const at = `jobs[${i}]`;
    const inputs = Array.isArray(job.inputs) ? job.inputs.flatMap((input, k) => usable(`${at}.inputs[${k}]`, input)) : usable(`${at}.inputs`, job.inputs);
    const outputs = OUTPUT_KEYS.flatMap((key) => usable(`${at}.${key}`, job[key]));
    // A job's own config replaces the shared one, even when it is not usable itself.
    const config = job.config === undefined ? shared : usable(`${at}.config`, job.config)[0];
    return { inputs, outputs, config };
  });
  return { jobs };
}

/**
 * Paths whose backslashes cannot be read either way, missing inputs and configs, one file written twice (names
 * compared without case: Windows and macOS take "A.docx" and "a.docx" for one file), an output where a job reads
 * its reports.
 */
function pathProblems(data: unknown, base: string, ambiguous: ReadonlySet<string> = new Set()): string[] {
  const { jobs } = usablePaths(data);
  const problems: string[] = [];
  const unclear = (keyed: KeyedPath) => ambiguous.has(keyed.path) && (problems.push(batchMsg.ambiguousBackslash(keyed.key, keyed.path)), true);
  jobs.forEach((job) => {
    for (const input of job.inputs) {
      if (!unclear(input) && !existsSync(resolve(base, input.path))) problems.push(batchMsg.inputMissing(input.key, input.path));
    }
  });
  // The shared config is told about once, however many jobs use it.
  const configs = new Map(jobs.flatMap((job) => (job.config ? [[job.config.key, job.config] as const] : [])));
  for (const config of configs.values()) {
    if (!unclear(config) && !existsSync(resolve(base, config.path))) problems.push(batchMsg.configMissing(config.key, config.path));
  }
  for (const job of jobs) for (const output of job.outputs) unclear(output);

  // Two jobs writing one file, or a job writing into what another job reads: the batch would depend on job order.
  const writers = new Map<string, { key: string; job: number; path: string; absolute: string }>();
  jobs.forEach((job, i) => {
    for (const output of job.outputs) {
      const absolute = resolve(base, output.path);
      const first = writers.get(absolute.toLowerCase());
      if (first && first.absolute !== absolute) problems.push(batchMsg.sameOutputCase(output.key, first.key, output.path, first.path));
      else if (first) problems.push((first.job === i ? batchMsg.sameOutputInJob : batchMsg.sameOutput)(output.key, first.key, output.path));
      else writers.set(absolute.toLowerCase(), { key: output.key, job: i, path: output.path, absolute });
      for (const other of jobs) {
        for (const input of other.inputs) {
          if (isInside(resolve(base, input.path), absolute)) problems.push(batchMsg.outputInInputs(output.key, output.path, input.key, input.path));
        }
      }
    }
  });
  return problems;
}

/** Problems in the order of the jobs they concern (the file's own first), each job's in the order found. */
function byJob(problems: readonly string[]): string[] {
  const job = (line: string) => Number(/^jobs\[(\d+)\]/.exec(line)?.[1] ?? -1);
  return [...problems].sort((a, b) => job(a) - job(b));
}

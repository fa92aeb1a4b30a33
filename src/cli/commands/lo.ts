/** `danvan lo`: runs a batch file of tonghop jobs; one line per job as it ends, a final table, or one JSON object. */
import { availableParallelism } from 'node:os';
import { readBatchFile } from '../../batch/batch-file.js';
import { batchJson } from '../../batch/json.js';
import { stringifyJson } from '../../pipeline/json-output.js';
import { runBatch } from '../../batch/run-batch.js';
import { prepareOutputFolders } from '../../batch/output-folders.js';
import type { JobOutcome } from '../../pipeline/aggregate-job.js';
import { formatBatchTable, formatJobLine } from '../output.js';
import { writeOut } from '../stdout.js';
import { onInterrupt } from '../interrupt.js';
import { removeOwnTemps } from '../../output/plan.js';
import { dirname, resolve } from 'node:path';

export interface LoOptions {
  json?: boolean;
  workers?: number;
  force?: boolean;
}

export async function loCommand(file: string, options: LoOptions): Promise<number> {
  const workers = options.workers ?? Math.max(1, Math.min(availableParallelism(), 8));
  const batch = readBatchFile(file);
  // Every output folder is usable before any job runs: missing ones are made now, an unusable one refuses the batch.
  const created = prepareOutputFolders(batch);
  const total = batch.jobs.length;
  // Jobs stage their outputs in worker threads: an interrupted batch removes what they staged, by folder.
  onInterrupt(() => removeOwnTemps(batch.jobs.flatMap((job) => [job.output, job.xlsx, job.doiChieu, job.pdf].filter((p): p is string => Boolean(p)).map((p) => dirname(resolve(job.cwd, p))))));
  const outcomes: JobOutcome[] = await runBatch({
    batch,
    workers,
    force: options.force,
    onJobDone: options.json ? undefined : (job, outcome, done) => writeOut(`${formatJobLine(job, outcome, done, total)}\n`),
  });
  const jobs = batch.jobs.map((job, i) => ({ index: job.index, name: job.name, exitCode: outcomes[i]!.exitCode, result: outcomes[i]!.json }));
  const result = batchJson(batch.file, jobs, created);
  if (options.json) writeOut(`${stringifyJson(result)}\n`);
  else writeOut(`\n${formatBatchTable(batch.jobs, outcomes, created)}\n`);
  return result.exitCode;
}

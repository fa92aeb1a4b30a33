/**
 * Runs a batch's jobs, every one even after one fails, up to `workers` at a time in worker threads (rendering is
 * CPU-bound; threads give the parallelism that promises in one thread cannot). Results keep the batch's order.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { EXIT } from '../diagnostics/errors.js';
import { aggregateFailureJson } from '../pipeline/json-output.js';
import { runAggregateJob, type JobOutcome } from '../pipeline/aggregate-job.js';
import type { Batch, BatchJob } from './batch-file.js';

const workerPath = fileURLToPath(new URL('./job-worker.js', import.meta.url));

export interface BatchRequest {
  batch: Batch;
  /** Jobs at a time. */
  workers: number;
  /** --force for every job (a job's own "force" also counts). */
  force?: boolean;
  onJobDone?: (job: BatchJob, outcome: JobOutcome, done: number) => void;
}

/** A job that could not run at all (its thread died): an internal failure of that job only. */
function crashed(message: string): JobOutcome {
  return { exitCode: EXIT.internal, json: aggregateFailureJson({ code: 'internal', message }, null, null), message };
}

export async function runBatch(request: BatchRequest): Promise<JobOutcome[]> {
  const { jobs } = request.batch;
  const workers = Math.max(1, Math.min(request.workers, jobs.length));
  const outcomes: JobOutcome[] = new Array(jobs.length);
  // With several jobs at a time, each job checks its files in its own thread: nested pools would oversubscribe the cores.
  const specOf = (job: BatchJob) => ({ ...job, force: job.force || request.force, workers: workers > 1 ? 1 : undefined });
  let next = 0;
  let done = 0;
  const finish = (index: number, outcome: JobOutcome) => {
    outcomes[index] = outcome;
    done += 1;
    request.onJobDone?.(jobs[index]!, outcome, done);
  };

  // Threads need the compiled worker; under the test runner's TypeScript sources the jobs run here, in turn.
  if (workers === 1 || !existsSync(workerPath)) {
    for (let i = 0; i < jobs.length; i += 1) finish(i, await runAggregateJob(specOf(jobs[i]!)));
    return outcomes;
  }

  const lane = () =>
    new Promise<void>((resolveLane) => {
      let worker = new Worker(workerPath);
      let current = -1;
      const feed = () => {
        if (next >= jobs.length) {
          void worker.terminate().then(() => resolveLane());
          return;
        }
        current = next++;
        worker.postMessage(specOf(jobs[current]!));
      };
      const attach = () => {
        worker.on('message', (outcome: JobOutcome) => {
          finish(current, outcome);
          feed();
        });
        // A thread that dies takes only its own job with it; the lane starts a new thread for the rest.
        worker.on('error', (error) => {
          finish(current, crashed(error.message));
          worker = new Worker(workerPath);
          attach();
          feed();
        });
      };
      attach();
      feed();
    });
  await Promise.all(Array.from({ length: workers }, lane));
  return outcomes;
}

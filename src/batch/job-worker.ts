/** Worker thread body of `danvan lo`: runs the tonghop jobs it is sent, one at a time, and posts back their outcomes. */
import { parentPort } from 'node:worker_threads';
import { runAggregateJob, type AggregateJobSpec } from '../pipeline/aggregate-job.js';

parentPort!.on('message', async (spec: AggregateJobSpec) => {
  parentPort!.postMessage(await runAggregateJob(spec));
});

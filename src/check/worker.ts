/** Worker thread body: analyses the batches of files it is sent and posts back their results. */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeFile, type AnalyzeOptions } from './analyze-file.js';

const options = workerData as AnalyzeOptions;
parentPort!.on('message', async (files: string[]) => {
  const results = [];
  for (const file of files) results.push(await analyzeFile(file, options));
  parentPort!.postMessage(results);
});

/** Spreads file analysis over worker threads: reading and validating is CPU-bound and files are independent. */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions } from './analyze-file.js';
import type { FileResult } from './file-result.js';

/** Below this many files, starting threads costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 64;
/** Files handed to a worker at a time: large enough to amortise messaging, small enough to balance load. */
const BATCH = 16;

const workerPath = fileURLToPath(new URL('./worker.js', import.meta.url));

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

/** Whether a compiled worker script is there (it is not when the sources run untranspiled, as under vitest). */
export function workersAvailable(): boolean {
  return existsSync(workerPath);
}

export async function analyzeInWorkers(
  files: readonly string[],
  options: AnalyzeOptions,
  workerCount: number,
  onResult: (index: number, result: FileResult) => void,
): Promise<void> {
  let next = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(workerPath, { workerData: options });
      let batch: number[] = [];
      const feed = () => {
        batch = [];
        while (batch.length < BATCH && next < files.length) batch.push(next++);
        if (batch.length === 0) {
          void worker.terminate().then(() => resolve());
          return;
        }
        worker.postMessage(batch.map((i) => files[i]));
      };
      worker.on('message', (results: FileResult[]) => {
        results.forEach((result, k) => onResult(batch[k]!, result));
        feed();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0 && code !== 1) reject(new Error(`worker exited with code ${code}`));
      });
      feed();
    });
  await Promise.all(Array.from({ length: Math.min(workerCount, files.length) }, runWorker));
}

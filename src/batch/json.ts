/** The batch command's machine output (docs/json/lo.schema.json) and the error for a batch file it cannot use. */
import { DanvanError, EXIT } from '../diagnostics/errors.js';
import { SCHEMA, type AggregateJson, type Failure } from '../pipeline/json-output.js';

/** The batch file cannot be used (missing, not JSON, unknown key, conflicting outputs…): exit 2, no job runs. */
export class BatchFileError extends DanvanError {
  constructor(
    message: string,
    readonly batch: string,
  ) {
    super(message, EXIT.usage, 'batch');
  }
}

export interface JobResultJson {
  /** 1-based, in the order of the batch file. */
  index: number;
  name: string;
  exitCode: number;
  result: AggregateJson;
}

/** `createdFolders`: the output folders made before any job ran, each with the first job that needed it. */
export function batchJson(batch: string, jobs: readonly JobResultJson[], createdFolders: readonly { folder: string; jobIndex: number }[] = []) {
  return {
    schema: SCHEMA.lo,
    batch,
    exitCode: jobs.reduce<number>((max, job) => Math.max(max, job.exitCode), EXIT.ok),
    jobs,
    createdFolders: createdFolders.map(({ folder, jobIndex }) => ({ folder, job: jobIndex })),
    error: null,
  };
}

export function batchFailureJson(error: Failure, batch: string | null) {
  return { schema: SCHEMA.lo, batch, exitCode: EXIT.usage, jobs: [], error };
}

/** The machine output of `danvan nhap --json` (docs/json/nhap.schema.json): every key always present. */
import type { Failure } from '../pipeline/json-output.js';
import type { ImportOutcome } from './import-run.js';

export const NHAP_SCHEMA = 'urn:danvan:nhap:1';

export function nhapJson(outcome: ImportOutcome): object {
  return {
    schema: NHAP_SCHEMA,
    dir: outcome.dir,
    imported: outcome.files.filter((f) => f.imported).length,
    refused: outcome.files.filter((f) => !f.imported).length,
    files: outcome.files,
    error: null,
  };
}

/** A run that failed as a whole (usage, config, an output that exists without --force). */
export function nhapFailureJson(failure: Failure): object {
  return { schema: NHAP_SCHEMA, dir: null, imported: 0, refused: 0, files: [], error: failure };
}

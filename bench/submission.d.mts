// Types of submission.mjs, for the TypeScript tests that import it.
import type ExcelJS from 'exceljs';

/** The catalogue rows written to "Số liệu": [code, indicator, unit]. */
export declare const INDICATORS: readonly (readonly [string, string, string])[];

export interface SubmissionOptions {
  unitCode: string;
  unitName: string;
  /** Values, item counts and dates vary with the seed (default 1). */
  seed?: number;
  /** Default "Quý I/2023". */
  period?: string;
}

/** One realistic submission workbook with the seven sheets of SPEC §3. */
export declare function buildSubmission(options: SubmissionOptions): ExcelJS.Workbook;

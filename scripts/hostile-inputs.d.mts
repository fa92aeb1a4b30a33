// Types of hostile-inputs.mjs, for the TypeScript tests that import it.

export interface ZipEntryInput {
  name: string;
  data?: string | Uint8Array;
  method?: 0 | 8;
  level?: number;
  body?: Uint8Array;
  crc?: number;
  size?: number;
}
export declare function crc32(data: Uint8Array): number;
export declare function makeZip(entries: ZipEntryInput[], comment?: string): Buffer;
export declare function makeZip64(entries: { name: string; data: string | Uint8Array; method?: 0 | 8 }[]): Buffer;
export declare function readingMutant(
  bytes: Uint8Array,
  index: number,
  seed?: number,
  other?: Uint8Array,
): { kind: string; bytes: Buffer; part?: string; cell?: string };
export declare function readZip(bytes: Uint8Array): { name: string; method: number; data: Buffer }[];

export declare const FIGURES: Record<string, number>;
export declare function columnName(n: number): string;
export declare function worksheetXml(rows: (unknown[] | undefined)[], options?: { merges?: string[] }): string;

export interface SheetSpec {
  name: string;
  rows?: (unknown[] | undefined)[];
  merges?: string[];
  xml?: string;
  part?: string;
}
export interface SubmissionOptions {
  unitCode?: string;
  unitName?: string;
  period?: string;
  date?: number;
  figures?: Record<string, number | string | null>;
  items?: {
    results?: unknown[][];
    limitations?: unknown[][];
    tasks?: unknown[][];
    proposals?: unknown[][];
    models?: unknown[][];
  };
}
export declare function submissionSheets(options?: SubmissionOptions): SheetSpec[];
export declare function workbookXlsx(
  sheets: SheetSpec[],
  options?: { extraParts?: ZipEntryInput[]; zipOptions?: Record<string, Partial<ZipEntryInput>>; sharedStrings?: string },
): Buffer;
export declare function submissionXlsx(options?: SubmissionOptions): Buffer;

export declare function blankPart(bytes: number): { body: Buffer; crc: number; size: number };
export declare function sharedHugePartXlsx(options?: { sheetCount?: number; partBytes?: number }): Buffer;
export declare function hugePartXlsx(options?: { partBytes?: number }): Buffer;
export declare function lyingSizeXlsx(): Buffer;
export declare function mergedCellsXlsx(options?: { count?: number }): Buffer;
export declare function longRunsXlsx(options?: { char?: string; length?: number; cells?: number }): Buffer;
export declare function manyRowsXlsx(options?: { rows?: number }): Buffer;
export declare function rowsXlsx(options: { rows: number }): Buffer;
export declare function cellsXlsx(options: { cells: number; perRow?: number }): Buffer;
export declare function manySheetsXlsx(options: { count: number }): Buffer;
export declare function longCellXlsx(options: { length: number }): Buffer;
export declare function bitFlippedPart(bytes: Uint8Array, part: string, options?: { stored?: boolean }): Buffer;
export declare function storedSubmissionXlsx(): Buffer;

export declare function bigTemplate(bytes: number): string;
export declare function manyTagsTemplate(count: number): string;
export declare function nestedBlocksTemplate(depth: number): string;
export declare function nestedLoopsTemplate(depth: number, list?: string): string;
export declare const MISSING_PARTIAL_TEMPLATE: string;
export declare const RECURSIVE_PARTIAL_TEMPLATE: string;
export declare function bigStringConfig(bytes: number): string;
export declare function manyIndicatorsConfig(count: number): string;
export declare function manyUnitsConfig(count: number): string;
export declare function latin1Config(): Buffer;

export declare function random(seed: number): () => number;
export declare function mutate(bytes: Uint8Array, index: number, seed?: number): { kind: 'flip' | 'truncate' | 'xml'; bytes: Buffer; part?: string };

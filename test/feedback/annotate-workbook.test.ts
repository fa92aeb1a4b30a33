/**
 * The annotated copy (kiemtra --phan-hoi): on files written by other programs (openpyxl, LibreOffice, hand-written
 * SpreadsheetML, Excel), every part of the unit's workbook is kept, the problems are highlighted and noted, and
 * the first sheet lists them with links. Expected values come from the program that wrote each file (openpyxl
 * reads both the original and the copy), never from danvan.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotateError, annotateWorkbook, parseCellRef, type FeedbackIssue } from '../../src/feedback/annotate-workbook.js';
import { OoxmlPackage, relativeTarget } from '../../src/feedback/ooxml-package.js';
import { withoutDanvanLines } from '../../src/feedback/earlier-marks.js';
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
import { ZipArchive } from '../../src/readers/zip.js';
import { writeZip } from '../../src/writers/docx/zip.js';
import { dumpXlsx, hasOpenpyxl, PYTHON } from '../helpers/openpyxl.js';
import { hasCommand, profileArg } from '../helpers/soffice.js';
import { CORPUS, FIXTURES, listFiles } from '../readers/corpus.js';
import { openpyxlCompare, packageDiffs } from './preservation.js';

const reader = new FastXlsxReader();
const OPENPYXL = hasOpenpyxl();
const SOFFICE = hasCommand('soffice');
const work = join(tmpdir(), `danvan-feedback-${process.pid}`);
mkdirSync(work, { recursive: true });

async function realIssues(file: string): Promise<{ issues: FeedbackIssue[]; unit: string | null }> {
  const result = await analyzeFile(file, { cwd: process.cwd(), catalogue: DEFAULT_CATALOGUE, maxBytes: 64 * 1024 * 1024 });
  return { issues: feedbackIssues(result).map(toFeedbackIssue), unit: result.unit };
}

/** Annotates `file` with the checker's own findings and writes the copy beside the test's other outputs. */
async function annotateFixture(file: string, folder: string): Promise<{ copy: string; issues: FeedbackIssue[] } | undefined> {
  const { issues, unit } = await realIssues(file);
  if (issues.length === 0 || issues.some((i) => i.message.startsWith('Không mở được'))) return undefined;
  let out;
  try {
    out = annotateWorkbook(readFileSync(file), issues, { fileName: basename(file), unit });
  } catch (error) {
    if (error instanceof AnnotateError && error.reason === 'not-xlsx') return undefined;
    throw error;
  }
  const dir = join(work, folder);
  mkdirSync(dir, { recursive: true });
  const copy = join(dir, basename(file));
  writeFileSync(copy, out.bytes);
  return { copy, issues };
}

const fixtureFiles = ['khac-phan-mem', 'hon-hop', 'loi', 'quy-1-2023'].flatMap((folder) =>
  listFiles(join(FIXTURES, folder), (name) => name.endsWith('.xlsx') && !name.startsWith('~$')).map((file) => ({ folder, file })),
);

describe('annotated copies of the fixtures (danvan form, openpyxl, LibreOffice, hand-written SpreadsheetML)', () => {
  const made: { original: string; copy: string; issues: FeedbackIssue[] }[] = [];

  it('annotates every readable fixture with a problem, keeping every part and every cell', async () => {
    for (const { folder, file } of fixtureFiles) {
      const result = await annotateFixture(file, folder);
      if (!result) continue;
      made.push({ original: file, ...result });
      const original = readFileSync(file);
      const copy = readFileSync(result.copy);
      expect(packageDiffs(original, copy), file).toEqual([]);
      // The fast reader sees the same cells, behind one new first sheet.
      const before = reader.read(original);
      const after = reader.read(copy);
      expect(after.sheets[0]!.name).toBe('Kết quả kiểm tra');
      expect(after.sheets.slice(1)).toEqual(before.sheets);
    }
    expect(made.length).toBeGreaterThanOrEqual(30);
  });

  it.skipIf(!OPENPYXL)('reads the same through openpyxl: values, formulas, styles, validations, merges, protection, names', () => {
    const results = openpyxlCompare(made.map((m) => [m.original, m.copy]));
    expect(results).toHaveLength(made.length);
    for (const result of results) {
      expect(result.error, result.file).toBeUndefined();
      expect(result.diffs, result.file).toEqual([]);
    }
    const total = (key: string) => results.reduce((n, r) => n + (r.counts?.[key] ?? 0), 0);
    expect(total('cells')).toBeGreaterThan(10_000);
    expect(total('validations')).toBeGreaterThan(100);
    expect(total('merged')).toBeGreaterThan(100);
    expect(total('protected')).toBeGreaterThan(10);
  });

  it.skipIf(!OPENPYXL)('puts a note with every message on its cell, and lists every problem on the first sheet in fixing order', () => {
    for (const { copy, issues } of made) {
      const book = dumpXlsx(copy);
      const names = Object.keys(book);
      expect(names[0]).toBe('Kết quả kiểm tra');
      const summary = book['Kết quả kiểm tra']!.rows;
      const header = summary.findIndex((row) => row[0] === 'STT');
      const listed = summary.slice(header + 1).filter((row) => typeof row[0] === 'number');
      expect(listed.map((row) => row[4]).sort()).toEqual(issues.map((i) => i.message).sort());
      // Errors first.
      const levels = listed.map((row) => row[1]);
      expect(levels).toEqual([...levels].sort((x, y) => (x === 'Lỗi' ? 0 : 1) - (y === 'Lỗi' ? 0 : 1)));
      const errors = issues.filter((i) => i.severity === 'error').length;
      expect(String(summary[2]?.[0])).toContain(errors ? `${errors} lỗi` : 'không có lỗi');
      for (const issue of issues) {
        if (!issue.cell || !issue.sheet || !names.includes(issue.sheet)) continue;
        const note = book[issue.sheet]!.notes[issue.cell];
        expect(note, `${copy} ${issue.sheet}!${issue.cell}`).toContain(issue.message);
        expect(note).toContain(issue.severity === 'error' ? 'Lỗi:' : 'Lưu ý:');
      }
    }
  });

  it('gives the same bytes for the same file and problems', async () => {
    const file = join(FIXTURES, 'khac-phan-mem', 'SO_NONGNGHIEP.xlsx');
    const { issues } = await realIssues(file);
    const one = annotateWorkbook(readFileSync(file), issues, { fileName: 'x.xlsx' }).bytes;
    const two = annotateWorkbook(readFileSync(file), issues, { fileName: 'x.xlsx' }).bytes;
    expect(one.equals(two)).toBe(true);
  });
});

describe.skipIf(!OPENPYXL)('a workbook with notes, merges, validations, protection, local names, conditional formats, links', () => {
  const dir = join(work, 'rich');
  mkdirSync(dir, { recursive: true });
  const original = join(dir, 'HND_TINH.xlsx');
  const made = OPENPYXL ? (JSON.parse(execFileSync(PYTHON, [join(FIXTURES, '..', 'test', 'helpers', 'make_rich_workbook.py'), original], { encoding: 'utf8' })) as Record<string, string>) : {};
  const variants: { name: string; file: string }[] = [{ name: 'openpyxl', file: original }];
  if (SOFFICE) {
    const lo = join(dir, 'lo');
    mkdirSync(lo, { recursive: true });
    execFileSync('soffice', [profileArg(dir), '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', lo, original], { stdio: 'pipe', timeout: 120_000 });
    variants.push({ name: 'LibreOffice', file: join(lo, 'HND_TINH.xlsx') });
    // The macro-enabled package (.xlsm): another main content type, the same surgery.
    execFileSync('soffice', [profileArg(dir), '--headless', '--norestore', '--convert-to', 'xlsm:Calc MS Excel 2007 VBA XML', '--outdir', lo, original], { stdio: 'pipe', timeout: 120_000 });
    variants.push({ name: 'LibreOffice .xlsm', file: join(lo, 'HND_TINH.xlsm') });
  }

  for (const variant of variants) {
    it(`keeps everything of the ${variant.name} file and annotates its problems`, async () => {
      const result = (await annotateFixture(variant.file, `rich-${variant.name}`))!;
      expect(result).toBeDefined();
      expect(packageDiffs(readFileSync(variant.file), readFileSync(result.copy))).toEqual([]);
      const [comparison] = openpyxlCompare([[variant.file, result.copy]]);
      expect(comparison!.diffs).toEqual([]);
      expect(comparison!.counts).toMatchObject({ validations: 2, merged: 2, protected: 1, conditional: 2, hyperlinks: 2, notes: 2, localNames: 1 });

      const book = dumpXlsx(result.copy);
      // The unit's own note stays first; ours follows it.
      const note = book['Số liệu']!.notes[made['negative']!]!;
      expect(note.indexOf('Số liệu tạm tính')).toBeLessThan(note.indexOf('Số âm (-3)'));
      expect(book['Số liệu']!.notes[made['word']!]).toContain('mười hai');
      // The copy opens on its first sheet; the hidden sheet stays hidden; the local name follows its sheet.
      const script = `import openpyxl,json,sys
wb=openpyxl.load_workbook(sys.argv[1])
ws=wb['Kết quả kiểm tra']
print(json.dumps({"active": wb.active.title, "hidden": wb['DanhMuc'].sheet_state,
  "local": [(wb.sheetnames[d.localSheetId], d.name) for d in wb.defined_names.definedName if d.localSheetId is not None],
  "links": [(c.coordinate, c.hyperlink.location) for r in ws.iter_rows() for c in r if c.hyperlink]}, ensure_ascii=False))`;
      const facts = JSON.parse(execFileSync(PYTHON, ['-c', script, result.copy], { encoding: 'utf8' })) as { active: string; hidden: string; local: [string, string][]; links: [string, string][] };
      expect(facts.active).toBe('Kết quả kiểm tra');
      expect(facts.hidden).toBe('hidden');
      expect(facts.local).toContainEqual(['Ghi chú', 'GhiChuRieng']);
      // Links in fixing order: errors first (their cells top to bottom), then warnings.
      const targets = facts.links.map(([, location]) => location);
      expect(targets.slice(0, 2)).toEqual([`'Số liệu'!${made['negative']}`, `'Số liệu'!${made['word']}`]);
    });
  }
});

describe.skipIf(!OPENPYXL)('a copy sent back by its unit is annotated afresh, without the earlier marks', () => {
  const dir = join(work, 'again');
  mkdirSync(dir, { recursive: true });
  const original = join(dir, 'HND_TINH.xlsx');
  if (OPENPYXL) execFileSync(PYTHON, [join(FIXTURES, '..', 'test', 'helpers', 'make_rich_workbook.py'), original], { encoding: 'utf8' });

  /** Each note's text, and how many always-true rules each sheet has. */
  function marks(file: string): { sheets: string[]; notes: Record<string, string>; rules: number[] } {
    const book = dumpXlsx(file);
    const notes: Record<string, string> = {};
    for (const [sheet, content] of Object.entries(book)) for (const [cell, text] of Object.entries(content.notes)) notes[`${sheet}!${cell}`] = text;
    const pkg = new OoxmlPackage(ZipArchive.open(readFileSync(file)));
    const rules = pkg.names().filter((n) => /worksheets\/[^/]+\.xml$/.test(n)).map((n) => (pkg.text(n)!.match(/<formula>(TRUE|1)<\/formula>/g) ?? []).length);
    return { sheets: Object.keys(book), notes, rules };
  }

  async function again(copy: string, name: string) {
    const { issues } = await realIssues(copy);
    const out = annotateWorkbook(readFileSync(copy), issues, { fileName: 'HND_TINH.xlsx' });
    const file = join(dir, name);
    writeFileSync(file, out.bytes);
    return { file, issues, out };
  }

  it('as danvan wrote it: one summary sheet, each note once, the unit\'s own note and everything else kept', async () => {
    const first = (await annotateFixture(original, 'again-1'))!;
    const { file, issues, out } = await again(first.copy, 'second.xlsx');
    expect(out.earlier.sheets).toBe(1);
    expect(out.earlier.highlights).toBeGreaterThan(0);
    expect(out.earlier.notes).toBeGreaterThan(0);
    const seen = marks(file);
    expect(seen.sheets).toEqual(['Kết quả kiểm tra', 'Thông tin', 'Số liệu', 'Ghi chú', 'DanhMuc']);
    for (const text of Object.values(seen.notes)) expect(text.split('danvan:').length - 1).toBeLessThanOrEqual(1);
    expect(seen.notes['Số liệu!D6']).toMatch(/^Số liệu tạm tính\n\ndanvan:\nLỗi: Số âm/);
    expect(Math.max(...seen.rules)).toBeLessThanOrEqual(2);
    expect(Object.keys(seen.notes).filter((k) => seen.notes[k]!.includes('danvan:')).length).toBe(new Set(issues.filter((i) => i.cell).map((i) => `${i.sheet}!${i.cell}`)).size);
    const [comparison] = openpyxlCompare([[original, file]]);
    expect(comparison!.diffs).toEqual([]);
  });

  it.skipIf(!OPENPYXL)('after the unit saved the copy with openpyxl, which flattens every note to plain text: no note doubled, the unit\'s own kept', async () => {
    const first = (await annotateFixture(original, 'again-openpyxl'))!;
    const saved = join(dir, 'openpyxl-saved.xlsx');
    execFileSync(PYTHON, ['-c', 'import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])', first.copy, saved]);
    // As an outside tester found it: before, every note of danvan's came back twice on the second copy.
    const { file, issues, out } = await again(saved, 'after-openpyxl.xlsx');
    expect(out.earlier.notes).toBeGreaterThan(0);
    const seen = marks(file);
    for (const [at, text] of Object.entries(seen.notes)) expect(text.split('danvan:').length - 1, at).toBeLessThanOrEqual(1);
    expect(seen.notes['Số liệu!D6']).toMatch(/^Số liệu tạm tính\n+danvan:\nLỗi: Số âm/);
    expect(Object.keys(seen.notes).filter((k) => seen.notes[k]!.includes('danvan:')).length).toBe(new Set(issues.filter((i) => i.cell).map((i) => `${i.sheet}!${i.cell}`)).size);
  });

  it.skipIf(!OPENPYXL)('a reply the unit typed into danvan\'s note is kept when the copy is annotated again', async () => {
    const first = (await annotateFixture(original, 'again-reply'))!;
    const replied = join(dir, 'replied.xlsx');
    execFileSync(PYTHON, ['-c', [
      'import sys, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      'c = wb["Số liệu"]["D6"]',
      'c.comment = openpyxl.comments.Comment(c.comment.text + "\\n\\nĐơn vị: số liệu này đúng, xin giữ nguyên.", "Đơn vị")',
      'wb.save(sys.argv[2])',
    ].join('\n'), first.copy, replied]);
    const { file } = await again(replied, 'after-reply.xlsx');
    const note = marks(file).notes['Số liệu!D6']!;
    expect(note).toContain('Số liệu tạm tính');
    expect(note).toContain('Đơn vị: số liệu này đúng, xin giữ nguyên.');
    expect(note.split('danvan:').length - 1).toBe(1);
  });

  it.skipIf(!SOFFICE)('after the unit fixed a cell and saved the copy with LibreOffice: the fixed cell loses its mark', async () => {
    const first = (await annotateFixture(original, 'again-lo'))!;
    const lo = join(dir, 'lo');
    mkdirSync(lo, { recursive: true });
    // LibreOffice computes the formula of D14 on saving: that problem is gone, and so must be its note and colour.
    execFileSync('soffice', [profileArg(dir), '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', lo, first.copy], { stdio: 'pipe', timeout: 120_000 });
    const saved = join(lo, 'HND_TINH.xlsx');
    expect(marks(saved).notes['Số liệu!D14']).toContain('danvan:');
    const { file, issues } = await again(saved, 'after-lo.xlsx');
    expect(issues.some((i) => i.cell === 'D14')).toBe(false);
    const seen = marks(file);
    expect(seen.sheets[0]).toBe('Kết quả kiểm tra');
    expect(seen.sheets).not.toContain('Kết quả kiểm tra (2)');
    expect(seen.notes['Số liệu!D14']).toBeUndefined();
    expect(seen.notes['Số liệu!D6']).toMatch(/^Số liệu tạm tính\n\ndanvan:\nLỗi: Số âm/);
    for (const text of Object.values(seen.notes)) expect(text.split('danvan:').length - 1).toBeLessThanOrEqual(1);
    expect(Math.max(...seen.rules)).toBeLessThanOrEqual(2);
    expect(readFileSync(file).includes(Buffer.from('D6 D8 D14'))).toBe(false);
  });
});

describe('danvan\'s part of a note', () => {
  it('is its "danvan:" line and the problem lines after it; the unit\'s text before and its reply after stay', () => {
    expect(withoutDanvanLines('danvan:\nLỗi: a\nLưu ý: b')).toBe('');
    expect(withoutDanvanLines('Số liệu tạm tính\n\ndanvan:\nLỗi: a')).toBe('Số liệu tạm tính');
    expect(withoutDanvanLines('danvan:\nLỗi: a\n\nĐã sửa.')).toBe('Đã sửa.');
    expect(withoutDanvanLines('Ghi chú\n\ndanvan:\nLỗi: a\n\nLưu ý: b\nĐã sửa.')).toBe('Ghi chú\nĐã sửa.');
    expect(withoutDanvanLines('Không có gì của danvan')).toBe('Không có gì của danvan');
  });
});

describe('the structure of the copy', () => {
  /** A hand-written package whose SpreadsheetML uses an "x:" prefix and has neither styles nor shared strings. */
  function prefixedPackage(): Buffer {
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const parts: Record<string, string> = {
      '[Content_Types].xml':
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="${main}" xmlns:rel="${rel}"><x:sheets><x:sheet name="Kết quả kiểm tra" sheetId="7" rel:id="rId1"/></x:sheets><x:definedNames><x:definedName name="Vung" localSheetId="0">'Kết quả kiểm tra'!$A$1</x:definedName></x:definedNames></x:workbook>`,
      'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${main}"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>abc</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
    };
    return writeZip(Object.entries(parts).map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8') })));
  }

  it('works with a prefixed namespace, no styles part, and a sheet already named "Kết quả kiểm tra"', () => {
    const original = prefixedPackage();
    const out = annotateWorkbook(original, [{ severity: 'error', sheet: 'Kết quả kiểm tra', cell: 'B2', message: 'Sai ở B2' }], { fileName: 'x.xlsx' });
    expect(out.sheetName).toBe('Kết quả kiểm tra (2)');
    expect(packageDiffs(original, out.bytes)).toEqual([]);
    const pkg = new OoxmlPackage(ZipArchive.open(out.bytes));
    const sheet = pkg.text('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('<x:conditionalFormatting sqref="B2">');
    expect(sheet).toMatch(/<x:legacyDrawing xmlns:r="[^"]+" r:id="rId\d+"\/><\/x:worksheet>$/);
    expect(pkg.text('xl/workbook.xml')).toContain('localSheetId="1"');
    expect(pkg.has('xl/styles.xml')).toBe(true);
    expect(pkg.text('[Content_Types].xml')).toContain('/xl/styles.xml');
    const book = reader.read(out.bytes);
    expect(book.sheets.map((s) => s.name)).toEqual(['Kết quả kiểm tra (2)', 'Kết quả kiểm tra']);
  });

  it('lists problems without a cell, or on a sheet the file lacks, on the first sheet only', () => {
    const out = annotateWorkbook(prefixedPackage(), [
      { severity: 'warning', sheet: 'Kết quả kiểm tra', cell: null, message: 'Cả sheet' },
      { severity: 'error', sheet: 'Số liệu', cell: 'D7', message: 'Thiếu sheet Số liệu' },
      { severity: 'error', sheet: null, cell: null, message: 'Cả tệp' },
    ], { fileName: 'x.xlsx' });
    expect(out.placed).toBe(0);
    expect(out.listedOnly).toBe(3);
    const rows = reader.read(out.bytes).sheets[0]!.cells.filter((c) => c.col === 5 && c.row > 6).map((c) => (c.value.kind === 'text' ? c.value.text : ''));
    // Errors first; the whole file before any sheet; then the warning.
    expect(rows).toEqual(['Cả tệp', 'Thiếu sheet Số liệu', 'Cả sheet']);
    expect(new OoxmlPackage(ZipArchive.open(out.bytes)).names().some((n) => /comments/.test(n))).toBe(false);
  });

  it('never lets a cell format index past the end of the list land on one of its own formats', () => {
    const pkg = new OoxmlPackage(ZipArchive.open(prefixedPackage()));
    pkg.setText('xl/worksheets/sheet1.xml', pkg.text('xl/worksheets/sheet1.xml')!.replace('<x:c r="B2" t="inlineStr">', '<x:c r="B2" s="4" t="inlineStr">'));
    const out = new OoxmlPackage(ZipArchive.open(annotateWorkbook(pkg.toZip(), [{ severity: 'error', sheet: 'Kết quả kiểm tra', cell: 'B2', message: 'x' }], { fileName: 'x.xlsx' }).bytes));
    const summary = out.names().find((n) => /worksheets\/sheet\d+\.xml$/.test(n) && n !== 'xl/worksheets/sheet1.xml')!;
    const used = [...out.text(summary)!.matchAll(/ s="(\d+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...used)).toBeGreaterThanOrEqual(5);
    // Index 4 is a plain format, like index 0.
    const xfs = out.text('xl/styles.xml')!.match(/<xf [^>]*?(\/>|>)/g)!;
    expect(xfs[4 + 1]).toBe('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
  });

  it('refuses what it cannot annotate with a reason', () => {
    expect(() => annotateWorkbook(Buffer.from('not a zip'), [], { fileName: 'x' })).toThrow(AnnotateError);
    const strict = new OoxmlPackage(ZipArchive.open(prefixedPackage()));
    strict.setText('xl/workbook.xml', strict.text('xl/workbook.xml')!.replace('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'));
    try {
      annotateWorkbook(strict.toZip(), [], { fileName: 'x' });
      expect.unreachable();
    } catch (error) {
      expect((error as AnnotateError).reason).toBe('strict');
    }
  });

  it('reads cell references and relationship targets', () => {
    expect(parseCellRef('$d$7')).toEqual({ ref: 'D7', row: 7, col: 4 });
    expect(parseCellRef('XFD1048576')).toEqual({ ref: 'XFD1048576', row: 1048576, col: 16384 });
    expect(parseCellRef('XFE1')).toBeUndefined();
    expect(parseCellRef('A1:B2')).toBeUndefined();
    expect(relativeTarget('xl/worksheets/sheet1.xml', 'xl/comments1.xml')).toBe('../comments1.xml');
    expect(relativeTarget('xl/worksheets/sheet1.xml', 'xl/drawings/vmlDrawing1.vml')).toBe('../drawings/vmlDrawing1.vml');
    expect(relativeTarget('xl/workbook.xml', 'xl/worksheets/sheet9.xml')).toBe('worksheets/sheet9.xml');
  });
});

/** Workbooks Excel wrote (XlsxWriter's comparison files: charts, images, comments, tables, names…) and odd ones. */
const corpus = listFiles(CORPUS, (name) => name.toLowerCase().endsWith('.xlsx'));
const everyCorpusFile = process.env['DANVAN_FEEDBACK_ALL'] === '1';

describe.skipIf(corpus.length === 0)('annotated copies of the public corpus (Excel, Google Sheets, LibreOffice)', () => {
  if (corpus.length === 0) console.warn(`public corpus not found at ${CORPUS}: corpus feedback tests skipped`);
  const pairs: [string, string][] = [];

  it('annotates every readable workbook: every part kept, the same cells behind the new sheet', () => {
    const dir = join(work, 'corpus');
    mkdirSync(dir, { recursive: true });
    let annotated = 0;
    const kept = { media: 0, charts: 0, drawings: 0, tables: 0, comments: 0 };
    for (const file of corpus) {
      const bytes = readFileSync(file);
      let book;
      try {
        book = reader.read(bytes);
      } catch {
        continue; // unreadable: kiemtra gives no copy
      }
      // Problems on every sheet: an error at A1 (a cell that often holds a value), a warning at C3, one for the sheet.
      const issues: FeedbackIssue[] = [{ severity: 'error', sheet: null, cell: null, message: 'Lỗi của cả tệp' }];
      for (const sheet of book.sheets) {
        issues.push({ severity: 'error', sheet: sheet.name, cell: 'A1', message: `Lỗi ở A1 của ${sheet.name}` });
        issues.push({ severity: 'warning', sheet: sheet.name, cell: 'C3', message: 'Lưu ý ở C3' });
        issues.push({ severity: 'warning', sheet: sheet.name, cell: null, message: 'Lưu ý cả sheet' });
      }
      const out = annotateWorkbook(bytes, issues, { fileName: basename(file) });
      expect(packageDiffs(bytes, out.bytes), file).toEqual([]);
      expect(reader.read(out.bytes).sheets.slice(1), file).toEqual(book.sheets);
      const copy = join(dir, `${annotated}-${basename(file)}`);
      writeFileSync(copy, out.bytes);
      pairs.push([file, copy]);
      annotated += 1;
      // packageDiffs proved these parts identical; count them, to know what the corpus exercised.
      for (const name of new OoxmlPackage(ZipArchive.open(bytes)).names()) {
        if (/\/media\//i.test(name)) kept.media += 1;
        else if (/\/charts\/chart[^/]*\.xml$/i.test(name)) kept.charts += 1;
        else if (/\/drawings\/drawing[^/]*\.xml$/i.test(name)) kept.drawings += 1;
        else if (/\/tables\/table[^/]*\.xml$/i.test(name)) kept.tables += 1;
        else if (/comments[^/]*\.xml$/i.test(name)) kept.comments += 1;
      }
    }
    expect(annotated).toBeGreaterThan(corpus.length * 0.95);
    for (const [what, count] of Object.entries(kept)) expect(count, what).toBeGreaterThan(10);
  }, 300_000);

  it.skipIf(!OPENPYXL)('reads the same through openpyxl (every file with DANVAN_FEEDBACK_ALL=1, else every third)', () => {
    const sample = everyCorpusFile ? pairs : pairs.filter((_, i) => i % 3 === 0);
    const results = openpyxlCompare(sample);
    let compared = 0;
    for (const result of results) {
      // A file openpyxl cannot read at all tells nothing about the copy; the copy must then fail the same way.
      if (result.error) continue;
      compared += 1;
      expect(result.diffs, result.file).toEqual([]);
    }
    expect(compared).toBeGreaterThan(sample.length * 0.9);
    const total = (key: string) => results.reduce((n, r) => n + (r.counts?.[key] ?? 0), 0);
    // The corpus carries what the form never does: make sure those were compared. (Images need Pillow in
    // openpyxl; the package test above proves their parts identical.)
    expect(total('notes')).toBeGreaterThan(5);
    expect(total('hyperlinks')).toBeGreaterThan(5);
    expect(total('names')).toBeGreaterThan(5);
  }, 900_000);

  it.skipIf(!SOFFICE)('opens in LibreOffice: a copy with charts, images and notes converts to PDF with the summary first', () => {
    const names = ['chart_bar01.xlsx', 'image01.xlsx', 'comment01.xlsx'];
    const chosen = pairs.filter(([file]) => names.includes(basename(file)));
    expect(chosen.length).toBe(names.length);
    const dir = join(work, 'lo-pdf');
    mkdirSync(dir, { recursive: true });
    for (const [, copy] of chosen) copyFileSync(copy, join(dir, basename(copy)));
    execFileSync('soffice', [profileArg(dir), '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...chosen.map(([, copy]) => join(dir, basename(copy)))], { stdio: 'pipe', timeout: 180_000 });
    for (const [, copy] of chosen) {
      const text = execFileSync('pdftotext', ['-layout', join(dir, basename(copy).replace(/\.xlsx$/, '.pdf')), '-'], { encoding: 'utf8' });
      expect(text).toContain('KẾT QUẢ KIỂM TRA BÁO CÁO');
      expect(text.indexOf('KẾT QUẢ KIỂM TRA BÁO CÁO')).toBeLessThan(text.indexOf('Lỗi ở A1'));
    }
  }, 240_000);
});

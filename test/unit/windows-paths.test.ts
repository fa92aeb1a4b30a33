// Windows paths and names, tested on Linux by injecting the separator: a drive's system folders and Explorer's
// files are passed over, --json writes every path with "/", and files come in an order independent of "\" or "/".
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverInputs, sortPaths } from '../../src/check/discover.js';
import { stringifyJson } from '../../src/pipeline/json-output.js';
import { CONFIG, FIXTURES, danvan } from '../e2e/run-cli.js';
import { parseJsonOutput } from '../helpers/json-contract.js';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A USB stick as Windows leaves it: system folders at the root, Explorer's files beside the reports. */
function driveRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'danvan-drive-'));
  dirs.push(root);
  const report = join(FIXTURES, 'quy-1-2023', 'MTTQ.xlsx');
  for (const system of ['System Volume Information', '$RECYCLE.BIN', 'Config.Msi']) {
    mkdirSync(join(root, system, 'S-1-5-21'), { recursive: true });
    // A report in the recycle bin is not a submission, and the folder must not even be walked.
    copyFileSync(report, join(root, system, 'S-1-5-21', '$R0A1B2C.xlsx'));
  }
  mkdirSync(join(root, 'nop'));
  copyFileSync(report, join(root, 'nop', 'MTTQ.xlsx'));
  for (const noise of ['desktop.ini', 'Thumbs.db', 'DESKTOP.INI']) writeFileSync(join(root, 'nop', noise), 'x');
  writeFileSync(join(root, 'ghi-chu.txt'), 'not a report');
  return root;
}

describe('a drive root or USB stick', () => {
  it('is walked without its system folders (System Volume Information, $RECYCLE.BIN…) and without desktop.ini or Thumbs.db', () => {
    const root = driveRoot();
    const found = discoverInputs([root], root);
    expect(found.files).toEqual([join('nop', 'MTTQ.xlsx')]);
    // Windows' own files are not even listed as skipped; a real stray file still is.
    expect(found.skipped).toEqual([{ file: 'ghi-chu.txt', reason: 'not-a-spreadsheet' }]);
    expect(found.realDirs.some((d) => /System Volume|RECYCLE/i.test(d))).toBe(false);
  });

  it('kiemtra on it exits as for any folder, with one file checked', () => {
    const root = driveRoot();
    const result = danvan(['kiemtra', '.', '--config', CONFIG, '--json'], root);
    const json = parseJsonOutput(result.stdout, 'kiemtra');
    expect(json.files.map((f: { file: string }) => f.file)).toEqual(['nop/MTTQ.xlsx']);
    expect(json.error).toBeNull();
  });
});

describe('--json paths', () => {
  const windowsObject = {
    output: 'ket-qua\\bao-cao.docx',
    pdf: null,
    unchanged: ['ket-qua\\bao-cao.docx'],
    files: [{ file: 'nop\\q1\\MTTQ.xlsx', superseded: { by: 'nop\\q1\\MTTQ (2).xlsx', reason: 'mới hơn' }, errors: [{ message: 'Ô B7 của "nop\\q1\\MTTQ.xlsx"', sheet: 'Số liệu' }] }],
    skipped: [{ file: 'nop\\lien-ket', reason: 'duplicate', sameAs: 'nop\\q1' }],
    feedback: { dir: 'phan-hoi\\q1', summary: 'tong-hop-kiem-tra.xlsx', copies: [{ file: 'nop\\q1\\MTTQ.xlsx', copy: 'MTTQ.xlsx' }], notCopied: [], unchanged: [], stale: ['cu\\SNV.xlsx'] },
    sources: { TONG: [{ file: 'nop\\q1\\MTTQ.xlsx', unit: 'MTTQ', sheet: 'Số liệu', cell: 'D7', value: 3 }] },
    toFix: [{ code: 'SNV', files: ['nop\\SNV.xlsx'], problems: [] }],
    batch: 'lo\\lo-cuoi-quy.json',
  };

  it('on Windows, every path is written with "/" (one separator in the whole object); messages are left as written', () => {
    const printed = stringifyJson(windowsObject, '\\');
    const back = JSON.parse(printed);
    expect(back.output).toBe('ket-qua/bao-cao.docx');
    expect(back.unchanged).toEqual(['ket-qua/bao-cao.docx']);
    expect(back.files[0].file).toBe('nop/q1/MTTQ.xlsx');
    expect(back.files[0].superseded.by).toBe('nop/q1/MTTQ (2).xlsx');
    expect(back.skipped[0]).toEqual({ file: 'nop/lien-ket', reason: 'duplicate', sameAs: 'nop/q1' });
    expect(back.feedback.dir).toBe('phan-hoi/q1');
    expect(back.feedback.copies[0].file).toBe('nop/q1/MTTQ.xlsx');
    expect(back.feedback.stale).toEqual(['cu/SNV.xlsx']);
    expect(back.sources.TONG[0].file).toBe('nop/q1/MTTQ.xlsx');
    expect(back.toFix[0].files).toEqual(['nop/SNV.xlsx']);
    expect(back.batch).toBe('lo/lo-cuoi-quy.json');
    // A message is text for people: it keeps the path as the user typed it.
    expect(back.files[0].errors[0].message).toBe('Ô B7 của "nop\\q1\\MTTQ.xlsx"');
    // Nothing else in the object still holds a backslash.
    delete back.files[0].errors[0].message;
    expect(JSON.stringify(back)).not.toContain('\\');
  });

  it('on Linux and macOS a backslash is part of a file name and is kept', () => {
    expect(JSON.parse(stringifyJson({ file: 'nop/a\\b.xlsx' }, '/')).file).toBe('nop/a\\b.xlsx');
  });

  it('files come in the same order whatever the separator', () => {
    const posix = ['nop2/b.xlsx', 'nop/a.xlsx', 'nop/Z/c.xlsx', 'nop-cu/d.xlsx'];
    const windows = posix.map((p) => p.replace(/\//g, '\\'));
    const order = sortPaths(posix, '/');
    expect(order).toEqual(['nop-cu/d.xlsx', 'nop/Z/c.xlsx', 'nop/a.xlsx', 'nop2/b.xlsx']);
    expect(sortPaths(windows, '\\')).toEqual(order.map((p) => p.replace(/\//g, '\\')));
    // A plain sort would put "nop2\" before "nop\" ("\" sorts after "2").
    expect([...windows].sort()).not.toEqual(order.map((p) => p.replace(/\//g, '\\')));
  });
});

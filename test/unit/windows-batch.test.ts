// Windows paths in batch files (typed with single backslashes, as Explorer shows them), output names that differ
// only in case (one file on Windows), and unit codes that can name a file on every system.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBatchFile } from '../../src/batch/batch-file.js';
import { readBackslashPaths } from '../../src/batch/backslashes.js';
import { parseJsonc } from '../../src/config/jsonc.js';
import { parseConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/diagnostics/errors.js';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A folder holding "nop" and the batch file with `source` (written as is: the backslashes are the test). */
function batch(source: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'danvan-winlo-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'nop'));
  writeFileSync(join(dir, 'lo.json'), source);
  return { dir, file: 'lo.json' };
}

function refusal(dir: string, file: string): string {
  try {
    readBatchFile(file, dir);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('batch file accepted');
}

describe('paths written with single backslashes', () => {
  const source = String.raw`{
  // cấu hình chung
  "config": "D:\bao-cao\nam-2023\danvan.config.json",
  "jobs": [
    { "name": "quý\tI", "inputs": ["C:\Users\An\nop", "nop\\q1", "nop/q2"], "output": "D:\bao-cao\nam-2023\bc.docx", /* "pdf": "x\y" */ "compare": "E:\2022\bc.xlsx" }
  ]
}`;

  it('are read as typed: "D:\\bao-cao\\nam-2023" is not a path with a backspace and a line break, "C:\\Users" not a syntax error', () => {
    const read = readBackslashPaths(source);
    const data = parseJsonc(read.source) as { config: string; jobs: { name: string; inputs: string[]; output: string; compare: string }[] };
    expect(data.config).toBe('D:\\bao-cao\\nam-2023\\danvan.config.json');
    expect(data.jobs[0]!.inputs).toEqual(['C:\\Users\\An\\nop', 'nop\\q1', 'nop/q2']);
    expect(data.jobs[0]!.output).toBe('D:\\bao-cao\\nam-2023\\bc.docx');
    expect(data.jobs[0]!.compare).toBe('E:\\2022\\bc.xlsx');
    // Not a path: JSON as written ("\t" is a tab in a name).
    expect(data.jobs[0]!.name).toBe('quý\tI');
    expect(read.ambiguous.size).toBe(0);
    // The same lines, so that a later syntax error is located where the user sees it.
    expect(read.source.split('\n')).toHaveLength(source.split('\n').length);
  });

  it('the batch file is read with those paths: a missing one is named as typed', () => {
    const { dir, file } = batch(source);
    const message = refusal(dir, file);
    expect(message).not.toContain('cú pháp');
    expect(message).toContain('jobs[0].inputs[0]: không tìm thấy "C:\\Users\\An\\nop"');
    expect(message).toContain('config: không tìm thấy tệp cấu hình "D:\\bao-cao\\nam-2023\\danvan.config.json"');
  });

  it('a job with a Windows output path and a relative input runs with the output as typed', () => {
    const { dir, file } = batch(String.raw`{ "jobs": [ { "inputs": "nop", "output": "D:\bao-cao\nam-2023\bc.docx", "pdf": "D:\bao-cao\bc.pdf" } ] }`);
    const [job] = readBatchFile(file, dir).jobs;
    expect(job!.output).toBe('D:\\bao-cao\\nam-2023\\bc.docx');
    expect(job!.pdf).toBe('D:\\bao-cao\\bc.pdf');
  });

  it('single and double backslashes mixed in one path are refused by key: "hãy viết / hoặc \\\\"', () => {
    const { dir, file } = batch(String.raw`{ "jobs": [ { "inputs": "nop", "output": "C:\\Users\nop\bc.docx" } ] }`);
    const message = refusal(dir, file);
    expect(message).toContain('jobs[0].output: đường dẫn "C:\\\\Users\\nop\\bc.docx" có dấu \\ lúc đơn lúc kép');
    expect(message).toContain('hãy viết / hoặc \\\\');
  });

  it('a path ending in a single backslash (which escapes the quote) gets the same advice with the syntax error', () => {
    const { dir, file } = batch(String.raw`{ "jobs": [ { "inputs": "D:\bao-cao\",
      "output": "bc.docx" } ] }`);
    const message = refusal(dir, file);
    expect(message).toContain('không đúng cú pháp JSON');
    expect(message).toContain('hãy viết / hoặc \\\\');
  });

  it('JSON written properly ("\\\\" and "/") is read as before', () => {
    const read = readBackslashPaths(String.raw`{ "output": "D:\\bao-cao\\bc.docx", "inputs": ["a/b", "c\u00e9"] }`);
    expect(parseJsonc(read.source)).toEqual({ output: 'D:\\bao-cao\\bc.docx', inputs: ['a/b', 'cé'] });
  });
});

describe('outputs whose names differ only in case', () => {
  it('are one file on Windows: two jobs writing "A.docx" and "a.docx" are refused before any job runs', () => {
    const { dir, file } = batch(JSON.stringify({ jobs: [{ inputs: 'nop', output: 'ket-qua/A.docx' }, { inputs: 'nop', output: 'ket-qua/a.docx' }] }));
    const message = refusal(dir, file);
    expect(message).toContain('jobs[1].output: "ket-qua/a.docx" và "ket-qua/A.docx" (jobs[0].output) chỉ khác nhau chữ hoa, chữ thường');
  });

  it('within one job too (the report and its PDF named alike)', () => {
    const { dir, file } = batch(JSON.stringify({ jobs: [{ inputs: 'nop', output: 'BC.docx', xlsx: 'x.xlsx', doiChieu: 'X.XLSX' }] }));
    expect(refusal(dir, file)).toContain('jobs[0].doiChieu: "X.XLSX" và "x.xlsx" (jobs[0].xlsx) chỉ khác nhau chữ hoa, chữ thường');
  });
});

describe('unit codes', () => {
  function configError(source: string): string {
    try {
      parseConfig(source, 'danvan.config.json');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('config accepted');
  }

  it('take letters (Vietnamese too), digits, "_" and "-"', () => {
    const units = parseConfig('{"units": [{"code": "HU_A", "name": "A"}, {"code": "xã-1", "name": "B"}, {"code": "ĐTN", "name": "C"}]}', 'c').units;
    expect(units.map((u) => u.code)).toEqual(['HU_A', 'XÃ-1', 'ĐTN']);
  });

  for (const code of ['HU:A', 'HU/A', 'HU\\A', 'HU*', 'A?', 'A"B', 'A<B>', 'A|B', 'HU A', 'HU.A']) {
    it(`refuse ${JSON.stringify(code)}, naming the config key, in Vietnamese`, () => {
      const message = configError(JSON.stringify({ units: [{ code: 'OK', name: 'A' }, { code, name: 'B' }] }));
      expect(message).toContain('units[1].code');
      expect(message).toContain('mã đơn vị chỉ gồm chữ, số, "_" và "-"');
    });
  }
});

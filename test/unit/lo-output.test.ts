// The terminal view of `danvan lo`: each job's line names every output it wrote or left unchanged, in tonghop's words.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatJobLine } from '../../src/cli/output.js';
import { readBatchFile } from '../../src/batch/batch-file.js';
import type { JobOutcome } from '../../src/pipeline/aggregate-job.js';

/** A finished job's outcome with only what the terminal view reads. */
function outcome(exitCode: number, json: Partial<JobOutcome['json']>, message: string | null = null): JobOutcome {
  const base = { period: '2023-Q1', output: null, xlsx: null, doiChieu: null, pdf: null, unchanged: [], units: { submitted: 3, valid: 3, invalid: 0, superseded: 0, missing: ['A'] }, error: null };
  return { exitCode, json: { ...base, ...json } as unknown as JobOutcome['json'], message };
}

describe('lo: a job line', () => {
  it('lists every output (docx, xlsx, doiChieu, pdf), each written or unchanged as tonghop says it', () => {
    const job = { index: 2, name: 'quý I' };
    const line = formatJobLine(
      job,
      outcome(0, { output: 'a.docx', xlsx: 'a.xlsx', doiChieu: 'dc.xlsx', pdf: 'a.pdf', unchanged: ['a.docx', 'dc.xlsx', 'a.pdf'] }),
      1,
      3,
    );
    expect(line.split('\n')).toEqual([
      '✓ [1/3] việc 2 (quý I) — mã 0: 3 tệp hợp lệ, 0 không hợp lệ, 1 đơn vị chưa gửi',
      '    Không thay đổi (giống hệt tệp đã có, không ghi lại): a.docx',
      '    Đã ghi số liệu tổng hợp theo biểu mẫu: a.xlsx',
      '    Không thay đổi (giống hệt tệp đã có, không ghi lại): dc.xlsx',
      '    Không thay đổi (đã là bản PDF của đúng báo cáo này, không ghi lại): a.pdf',
    ]);
    expect(formatJobLine(job, outcome(1, { output: 'a.docx', pdf: 'a.pdf' }), 3, 3).split('\n').slice(1)).toEqual([
      '    Đã ghi báo cáo: a.docx',
      '    Đã ghi bản PDF để ký số: a.pdf',
    ]);
  });

  it('a job that wrote nothing says why, on one line', () => {
    const line = formatJobLine({ index: 1, name: 'x' }, outcome(2, { units: null }, 'Không có bộ định dạng "x".\nchi tiết'), 1, 1);
    expect(line).toBe('✗ [1/1] việc 1 (x) — mã 2: Không có bộ định dạng "x".');
  });
});

describe('lo: the kiemtra command a job names when it writes nothing', () => {
  it('runs from where lo was run, with the job\'s inputs, config and period, quoted where a shell needs it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'danvan-lo-unit-'));
    mkdirSync(join(dir, 'lo', 'nộp quý 1'), { recursive: true });
    writeFileSync(join(dir, 'lo', 'cfg.json'), '{}');
    writeFileSync(join(dir, 'x.xlsx'), '');
    writeFileSync(
      join(dir, 'lo', 'lo.json'),
      JSON.stringify({ config: 'cfg.json', jobs: [{ inputs: ['nộp quý 1', join(dir, 'x.xlsx')], output: 'a.docx', period: 'Quý I/2023' }] }),
    );
    const [job] = readBatchFile('lo/lo.json', dir).jobs;
    expect(job!.checkCommand).toBe(`danvan kiemtra "${join('lo', 'nộp quý 1')}" ${join(dir, 'x.xlsx')} --config ${join('lo', 'cfg.json')} --ky "Quý I/2023"`);
  });
});

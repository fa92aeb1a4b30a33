// Interruptible work (issue 17): Ctrl-C during a long check in one thread ends the run, instead of waiting for the
// check of every file (Node handles a signal only between turns of the event loop; the check now gives it turns).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { submissionXlsx } from '../../scripts/hostile-inputs.mjs';
import { parseJsonOutput } from '../helpers/json-contract.js';
import { ROOT, tempDir } from './run-cli.js';

describe('Ctrl-C during a long check in one thread', () => {
  it('ends the run with exit 130 before the check of 200 long submissions is done', async () => {
    const inbox = tempDir('danvan-long-');
    mkdirSync(join(inbox, 'nop'));
    // 200 submissions of 20,000 results each: several seconds of reading in one thread.
    const results = Array.from({ length: 20_000 }, (_, i) => ['Dân vận chính quyền', `Tổ chức hội nghị đối thoại với Nhân dân lần thứ ${i + 1}.`]);
    for (let i = 0; i < 200; i += 1) writeFileSync(join(inbox, 'nop', `dv${i}.xlsx`), submissionXlsx({ unitCode: `DV_${i}`, items: { results } }));
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'danvan.js'), 'kiemtra', inbox, '--json', '--workers', '1'], { cwd: tempDir() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    // Once the check has begun (the first files take a moment), the signal comes.
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
    expect(code).toBe(130);
    expect(stderr).toContain('Đã dừng theo yêu cầu');
    // Stopped in the middle: one JSON object saying so, not the report of the 200 files (before, the signal waited
    // until every file was checked).
    expect((parseJsonOutput(stdout, 'kiemtra') as { error?: { code: string } }).error?.code).toBe('interrupted');
  }, 120_000);
});

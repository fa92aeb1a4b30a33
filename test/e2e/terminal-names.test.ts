// Names that cannot drive a terminal (issue 17): control characters in a submitted file's name, a sheet's name or a
// cell's text are shown escaped ("\r", "\x1b", "\u202e") in human output, so that no name retitles the terminal,
// hides text or prints a line that looks like a result of its own; --json keeps the real names.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { submissionSheets, workbookXlsx } from '../../scripts/hostile-inputs.mjs';
import { parseJsonOutput } from '../helpers/json-contract.js';
import { danvan, expectNoStackTrace, tempDir } from './run-cli.js';

const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('control characters in names and cell text', () => {
  it('are escaped in kiemtra\'s human output and kept raw in --json', () => {
    const dir = tempDir('danvan-names-');
    mkdirSync(join(dir, 'nop'));
    const name = 'a\r✓ gia-mao.xlsx: hợp lệ\x1b]0;tieu-de\x07\n✓ b.xlsx';
    const sheets = submissionSheets({ unitCode: 'DV_THU' });
    // A figure that is no number, whose text holds a right-to-left override (U+202E) and a C1 control (U+009B).
    sheets.find((s) => s.name === 'Số liệu')!.rows![2]![3] = 'mười\u202e hai\u009b';
    writeFileSync(join(dir, 'nop', name), workbookXlsx(sheets));

    const human = danvan(['kiemtra', 'nop'], dir);
    expectNoStackTrace(human);
    expect(human.code).toBe(1);
    const lines = human.stdout.split('\n');
    for (const line of lines) expect(RAW_CONTROL.test(line), JSON.stringify(line)).toBe(false);
    // The forged "✓ b.xlsx" is inside the name's line, escaped, never a line of its own.
    expect(lines.some((line) => line.startsWith('✓ b.xlsx'))).toBe(false);
    expect(human.stdout).toContain('a\\r✓ gia-mao.xlsx: hợp lệ\\x1b]0;tieu-de\\x07\\n✓ b.xlsx');
    expect(human.stdout).toContain('\\u202e');

    const json = danvan(['kiemtra', 'nop', '--json'], dir);
    const report = parseJsonOutput(json.stdout, 'kiemtra') as { files: { file: string }[] };
    expect(report.files.map((f) => f.file)).toEqual([`nop/${name}`]);
  });
});

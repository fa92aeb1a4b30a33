// Formulas without a result and dates no calendar has (issue 17): openpyxl writes `="Kinh tế"` as a formula with an
// empty cached value, a phone number lands in a date-formatted cell, a date goes past 31/12/9999. Each is an error at
// its cell, in every column; kiemtra and tonghop answer for every other unit and never exit 70.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { submissionSheets } from '../../scripts/hostile-inputs.mjs';
import { parseJsonOutput } from '../helpers/json-contract.js';
import { PYTHON, hasOpenpyxl } from '../helpers/openpyxl.js';
import { danvan, expectNoStackTrace, tempDir } from './run-cli.js';

const OPENPYXL = hasOpenpyxl();
if (!OPENPYXL) console.warn('formulas and dates: skipped, python3-openpyxl is not installed');

/**
 * Writes a submission with openpyxl: the sheets of submissionSheets(), then `cells` (sheet → ref → value; a string
 * starting with "=" is a formula openpyxl stores without a result; { date: n } a number in a date-formatted cell).
 */
function writeWithOpenpyxl(file: string, cells: Record<string, Record<string, unknown>>): void {
  const script = `
import json, sys, openpyxl
spec = json.loads(sys.stdin.read())
book = openpyxl.Workbook()
book.remove(book.active)
for sheet in spec['sheets']:
    ws = book.create_sheet(sheet['name'])
    for r, row in enumerate(sheet['rows'], start=1):
        for c, value in enumerate(row or [], start=1):
            if value is not None:
                ws.cell(row=r, column=c, value=value)
for name, refs in spec['cells'].items():
    ws = book[name]
    for ref, value in refs.items():
        if isinstance(value, dict):
            ws[ref] = value['date']
            ws[ref].number_format = 'dd/mm/yyyy'
        else:
            ws[ref] = value
book.save(spec['file'])
`;
  execFileSync(PYTHON, ['-c', script], { input: JSON.stringify({ sheets: submissionSheets({ unitCode: file.includes('b.xlsx') ? 'DV_HAI' : 'DV_THU' }), cells, file }) });
}

describe.skipIf(!OPENPYXL)('formulas without a result and dates out of range, in files openpyxl writes', () => {
  it('are errors at their cells in every column; the other unit is aggregated; never exit 70', () => {
    const dir = tempDir('danvan-formulas-');
    mkdirSync(join(dir, 'nop'));
    writeWithOpenpyxl(join(dir, 'nop', 'a.xlsx'), {
      'Mô hình': { C2: '="Kinh tế"', D2: '="Cơ sở"' },
      'Kết quả': { B2: '="Dân vận chính quyền"' },
      'Thông tin': { B4: { date: 123456789 } },
      'Số liệu': { D3: '=SUM(D8:D10)' },
      'Nhiệm vụ': { D2: { date: 3_000_000 } },
    });
    writeWithOpenpyxl(join(dir, 'nop', 'b.xlsx'), {});
    const check = danvan(['kiemtra', 'nop', '--json'], dir);
    expectNoStackTrace(check);
    expect(check.code, check.stderr).toBe(1);
    const report = parseJsonOutput(check.stdout, 'kiemtra') as {
      files: { file: string; valid: boolean; errors: { code: string; sheet: string | null; cell: string | null; message: string }[] }[];
    };
    const a = report.files.find((f) => f.file.endsWith('a.xlsx'))!;
    const at = (sheet: string, cell: string) => a.errors.find((e) => e.sheet === sheet && e.cell === cell);
    for (const [sheet, cell] of [['Mô hình', 'C2'], ['Mô hình', 'D2'], ['Kết quả', 'B2'], ['Số liệu', 'D3']] as const) {
      expect(at(sheet, cell)?.code, `${sheet}!${cell}`).toBe('value.formula-uncomputed');
      expect(at(sheet, cell)?.message).toContain('chưa có kết quả');
    }
    expect(at('Thông tin', 'B4')?.message).toContain('không phải là ngày');
    for (const error of a.errors) expect(error.message).not.toMatch(/undefined|Invalid time value|\+0\d{5}/);
    expect(report.files.find((f) => f.file.endsWith('b.xlsx'))!.valid).toBe(true);

    const aggregate = danvan(['tonghop', 'nop', '-o', 'bc.docx', '--ky', 'Quý I/2023'], dir);
    expectNoStackTrace(aggregate);
    expect(aggregate.code, aggregate.stderr).toBe(1);
  }, 120_000);
});

/** Test helpers for the form writer: load bytes with exceljs, read its untyped parts, run LibreOffice. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { profileArg } from '../helpers/soffice.js';
import ExcelJS from 'exceljs';

export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

export function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`sheet not found: ${name}`);
  return sheet;
}

/** exceljs expands each validation range to one entry per cell when reading. */
export function validationAt(sheet: ExcelJS.Worksheet, address: string): ExcelJS.DataValidation | undefined {
  const model = (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } })
    .dataValidations.model;
  return model[address];
}

export function protectionOf(sheet: ExcelJS.Worksheet): Record<string, unknown> | null | undefined {
  return (sheet as unknown as { sheetProtection?: Record<string, unknown> | null }).sheetProtection;
}

export function hasSoffice(): boolean {
  const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  return !probe.error && probe.status === 0;
}

/** Re-saves a workbook with LibreOffice Calc as xlsx, in a temp dir with a private profile. */
export function resaveWithLibreOffice(bytes: Buffer): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'danvan-lo-'));
  try {
    const input = join(dir, 'in', 'mau.xlsx');
    const outDir = join(dir, 'out');
    spawnSync('mkdir', ['-p', join(dir, 'in'), outDir]);
    writeFileSync(input, bytes);
    const run = spawnSync(
      'soffice',
      [profileArg(dir), '--headless', '--convert-to', 'xlsx', '--outdir', outDir, input],
      { encoding: 'utf8', timeout: 120_000 },
    );
    if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr || run.stdout}`);
    return readFileSync(join(outDir, 'mau.xlsx'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Vietnamese text: has at least one letter only Vietnamese uses, and is NFC. */
export function isVietnamese(text: string | undefined): boolean {
  return !!text && text === text.normalize('NFC') && /[ăâđêôơưàáạảãèéẹẻẽìíịỉĩòóọỏõùúụủũỳýỵỷỹ]/i.test(text);
}

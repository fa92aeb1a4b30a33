/** Legacy .xls through LibreOffice: same cells as LibreOffice's own .xlsx, input untouched, timeout, refusals. */

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FastXlsxReader } from '../../src/readers/fast-reader.js';
import { readWorkbookFile } from '../../src/readers/index.js';
import { convertXlsToXlsx } from '../../src/readers/xls-convert.js';
import { UnreadableWorkbookError, type UnreadableReason } from '../../src/readers/types.js';
import { unreadable } from '../../src/messages/vi.js';
import { folderFingerprint } from '../e2e/run-cli.js';
import { convertWithLibreOffice, hasCommand } from '../helpers/soffice.js';
import { SHEBANG_SCRIPTS } from '../helpers/capabilities.js';
import { FIXTURES, ROOT, isXlsx, listFiles } from './corpus.js';
import { roundedWorkbook, tempDir } from './helpers.js';

const SOFFICE = hasCommand('soffice');
const PYTHON_UNO = spawnSync('/usr/bin/python3', ['-c', 'import uno'], { stdio: 'ignore' }).status === 0;

async function failure(read: () => Promise<unknown>): Promise<{ reason: UnreadableReason | 'ok'; detail?: string }> {
  try {
    await read();
    return { reason: 'ok' };
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) return { reason: error.reason, detail: error.detail };
    throw error;
  }
}

/** Runs `body` with TMPDIR pointing to a fresh folder, and returns what was left in that folder afterwards. */
async function leftInTemp(body: () => Promise<void>): Promise<string[]> {
  const dir = tempDir();
  const saved = process.env['TMPDIR'];
  process.env['TMPDIR'] = dir;
  try {
    await body();
  } finally {
    if (saved === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = saved;
  }
  return readdirSync(dir);
}

/** A stand-in for soffice: a shell script (where shebangs run; test/unit/windows-soffice.test.ts injects a fake spawn instead). */
function fakeSoffice(dir: string, body: string): string {
  const path = join(dir, 'fake-soffice');
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('an .xls read through LibreOffice', () => {
  it('gives the cells LibreOffice gives when it re-saves the same workbook as .xlsx; the input folder is untouched', async (ctx) => {
    if (!SOFFICE) {
      console.warn('soffice not found: .xls conversion test skipped (the refusal is tested below)');
      ctx.skip();
      return;
    }
    // A LibreOffice-written fixture and a hand-rolled one (inline strings, numbers as text).
    const sources = ['SNV.xlsx', 'BCHQS_Q1_2023.xlsx'].map((n) => join(FIXTURES, 'quy-1-2023', n));
    const inputs = sources.map((f, i) => ({ name: `f${i}.xlsx`, bytes: readFileSync(f) }));
    const asXls = convertWithLibreOffice(inputs, 'xls');
    const asXlsx = convertWithLibreOffice(inputs.map((f) => ({ name: f.name.replace('.xlsx', '.in.xlsx'), bytes: f.bytes })), 'xlsx');
    const dir = tempDir();
    for (const input of inputs) writeFileSync(join(dir, input.name.replace('.xlsx', '.xls')), asXls.get(input.name)!);
    const before = folderFingerprint(dir);
    const fast = new FastXlsxReader();
    const left = await leftInTemp(async () => {
      for (const input of inputs) {
        const fromXls = await readWorkbookFile(join(dir, input.name.replace('.xlsx', '.xls')));
        const expected = fast.read(asXlsx.get(input.name.replace('.xlsx', '.in.xlsx'))!);
        expect(roundedWorkbook(fromXls), input.name).toEqual(roundedWorkbook(expected));
      }
    });
    // Not a byte changed, no lock file left beside the inputs, no temporary folder left behind.
    expect(folderFingerprint(dir)).toBe(before);
    expect(left).toEqual([]);
  });

  it('a password-protected .xls keeps its own message, and LibreOffice is not started for it', async (ctx) => {
    if (!SOFFICE || !PYTHON_UNO) {
      console.warn('soffice or python3-uno not found: encrypted .xls test skipped');
      ctx.skip();
      return;
    }
    const dir = tempDir();
    const plain = join(dir, 'plain.xlsx');
    writeFileSync(plain, readFileSync(listFiles(join(FIXTURES, 'quy-1-2023'), isXlsx)[0]!));
    const encrypted = join(dir, 'co-mat-khau.xls');
    const run = spawnSync('/usr/bin/python3', [join(ROOT, 'scripts', 'lo-encrypt.py'), plain, encrypted, '123456'], { encoding: 'utf8', timeout: 180_000 });
    expect(run.status, run.stderr).toBe(0);
    // A stand-in that would fail loudly if it were started.
    const never = fakeSoffice(dir, 'echo started > "$0.started"; exit 1');
    expect(await failure(() => readWorkbookFile(encrypted, { xls: { soffice: never } }))).toEqual({ reason: 'encrypted', detail: 'xls' });
    expect(existsSync(`${never}.started`)).toBe(false);
    expect(unreadable.encrypted('xls')).toMatch(/mật khẩu/);
  });
});

describe('when the .xls cannot be converted', () => {
  const xlsBytes = () => readFileSync(join(FIXTURES, 'loi', 'dinh-dang-cu.xls'));

  it('without LibreOffice: the refusal says how to re-save, and that LibreOffice would read it', async () => {
    const dir = tempDir();
    const file = join(dir, 'cu.xls');
    writeFileSync(file, xlsBytes());
    const result = await failure(() => readWorkbookFile(file, { xls: { soffice: null } }));
    expect(result).toEqual({ reason: 'legacy-xls', detail: 'soffice-missing' });
    expect(unreadable['legacy-xls'](result.detail)).toBe(
      'Tệp ở định dạng Excel cũ (.xls, Excel 97–2003). Hãy mở và lưu lại dưới dạng "Sổ làm việc Excel (.xlsx)". (Nếu máy có cài LibreOffice, danvan tự đọc được tệp .xls.)',
    );
  });

  it.skipIf(!SHEBANG_SCRIPTS)('a conversion that hangs is killed at the timeout, and its temporary folder removed', async () => {
    const dir = tempDir();
    const pidFile = join(dir, 'pid');
    const hang = fakeSoffice(dir, `echo $$ > "${pidFile}"; sleep 30`);
    let result: Awaited<ReturnType<typeof failure>> = { reason: 'ok' };
    const left = await leftInTemp(async () => {
      result = await failure(() => convertXlsToXlsx(xlsBytes(), { soffice: hang, timeoutMs: 500 }));
    });
    expect(result.reason).toBe('legacy-xls');
    expect(result.detail).toMatch(/^convert-timeout/);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(() => process.kill(pid, 0)).toThrow();
    expect(left).toEqual([]);
    expect(unreadable['legacy-xls'](result.detail)).toMatch(/quá thời gian/);
  });

  it.skipIf(!SHEBANG_SCRIPTS)('a conversion that writes nothing is a failure with its own message', async () => {
    const dir = tempDir();
    const broken = fakeSoffice(dir, 'echo "Error: source file could not be loaded" >&2; exit 0');
    const result = await failure(() => convertXlsToXlsx(xlsBytes(), { soffice: broken }));
    expect(result).toEqual({ reason: 'legacy-xls', detail: 'convert-failed: Error: source file could not be loaded' });
    expect(unreadable['legacy-xls'](result.detail)).toMatch(/LibreOffice không chuyển được/);
  });

  it('an OLE file that is no .xls workbook is refused without starting LibreOffice', async () => {
    const dir = tempDir();
    const never = fakeSoffice(dir, 'echo started > "$0.started"; exit 1');
    const file = join(dir, 'gia.xls');
    writeFileSync(file, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(2048)]));
    expect(await failure(() => readWorkbookFile(file, { xls: { soffice: never } }))).toEqual({ reason: 'legacy-xls', detail: 'not-xls' });
    expect(existsSync(`${never}.started`)).toBe(false);
  });
});

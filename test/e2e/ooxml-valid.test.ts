// Every .docx and .xlsx danvan writes passes the Open XML SDK validator with zero errors, in Microsoft 365 and
// Office 2007 modes (issue 10): the report (hd36 and nd30), the reminder letter, the blank form, a per-unit form,
// the --xlsx roll-up, the reconciliation workbook (of clean files, and of a folder with invalid, superseded and
// skipped files) and kiemtra --phan-hoi's summary workbook. (The annotated copies of units' workbooks keep what
// their writers put in them: test/feedback/ooxml-validator.test.ts proves a copy adds no error.)
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG, FIXTURES, danvan, expectNoStackTrace, tempDir } from './run-cli.js';
import { VALIDATOR_MODES, unavailableReason, validationErrors } from '../helpers/ooxml-validator.js';

const QUARTER = join(FIXTURES, 'quy-1-2023');
const MIXED = join(FIXTURES, 'hon-hop');

function run(args: string[], cwd: string): void {
  const result = danvan(args, cwd);
  expectNoStackTrace(result);
  if (result.code > 1) throw new Error(`danvan ${args.join(' ')} → ${result.code}\n${result.stderr}`);
}

describe('Open XML SDK validator: every package danvan writes', () => {
  const dir = tempDir('danvan-ooxml-');
  const outputs: Record<string, string> = {};

  beforeAll(() => {
    const nd30 = join(dir, 'nd30.config.json');
    // The fixture config is JSON with comments; only its layout changes.
    writeFileSync(nd30, readFileSync(CONFIG, 'utf8').replace(/\{/, '{\n  "layout": "nd30",'));
    run(['tonghop', QUARTER, '--config', CONFIG, '-o', 'bao-cao.docx', '--xlsx', 'tong-hop.xlsx', '--doi-chieu', 'doi-chieu.xlsx'], dir);
    run(['tonghop', QUARTER, '--config', nd30, '-o', 'bao-cao-nd30.docx'], dir);
    run(['tonghop', MIXED, '--config', CONFIG, '-o', 'bao-cao-hon-hop.docx', '--doi-chieu', 'doi-chieu-hon-hop.xlsx'], dir);
    run(['nhac', MIXED, '--config', CONFIG, '--han', '10/04/2023', '-o', 'cong-van.docx'], dir);
    run(['kiemtra', MIXED, '--config', CONFIG, '--phan-hoi', 'phan-hoi'], dir);
    run(['mau', '-o', 'bieu-mau.xlsx', '--ky', 'Quý I/2023'], dir);
    run(['mau', '--config', CONFIG, '--ky', 'Quý I/2023', '--theo-don-vi', 'theo-don-vi'], dir);
    const perUnit = readdirSync(join(dir, 'theo-don-vi')).sort()[0];
    if (!perUnit) throw new Error('mau --theo-don-vi wrote no form');
    Object.assign(outputs, {
      'report (hd36)': 'bao-cao.docx',
      'report (nd30)': 'bao-cao-nd30.docx',
      'report of a folder with invalid files': 'bao-cao-hon-hop.docx',
      'reminder letter (nhac)': 'cong-van.docx',
      'blank form (mau)': 'bieu-mau.xlsx',
      'per-unit form (mau --theo-don-vi)': join('theo-don-vi', perUnit),
      'roll-up (tonghop --xlsx)': 'tong-hop.xlsx',
      'reconciliation workbook (tonghop --doi-chieu)': 'doi-chieu.xlsx',
      'reconciliation workbook of a folder with invalid files': 'doi-chieu-hon-hop.xlsx',
      'summary of the feedback (kiemtra --phan-hoi)': join('phan-hoi', 'tong-hop-kiem-tra.xlsx'),
    });
  }, 180_000);

  const kinds = [
    'report (hd36)',
    'report (nd30)',
    'report of a folder with invalid files',
    'reminder letter (nhac)',
    'blank form (mau)',
    'per-unit form (mau --theo-don-vi)',
    'roll-up (tonghop --xlsx)',
    'reconciliation workbook (tonghop --doi-chieu)',
    'reconciliation workbook of a folder with invalid files',
    'summary of the feedback (kiemtra --phan-hoi)',
  ];
  for (const kind of kinds) {
    it(`${kind}: no error in ${VALIDATOR_MODES.join(' or ')}`, async (ctx) => {
      const file = join(dir, outputs[kind] as string);
      for (const mode of VALIDATOR_MODES) {
        let errors: string[];
        try {
          errors = await validationErrors(file, mode);
        } catch (error) {
          const reason = unavailableReason(error);
          if (reason === null || process.env.CI) throw error;
          console.warn(`SKIPPED: the Open XML SDK validator cannot run here (${reason})`);
          ctx.skip();
          return;
        }
        expect(errors, `${kind}, ${mode}`).toEqual([]);
      }
    }, 120_000);
  }
});

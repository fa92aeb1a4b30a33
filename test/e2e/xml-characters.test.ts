// Only characters XML allows reach an output (issue 17): a unit's text holding U+FFFE, U+FFFF, a lone surrogate or
// a control character (Excel's own "_xFFFE_" escape) is cleaned before the report and the workbooks are written, and
// the outputs pass the Open XML SDK validator; a config string holding one is refused, naming its key.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { submissionSheets, workbookXlsx, worksheetXml } from '../../scripts/hostile-inputs.mjs';
import { unzipDocx } from '../helpers/docx-xml.js';
import { unavailableReason, validationErrors } from '../helpers/ooxml-validator.js';
import { danvan, expectNoStackTrace, tempDir } from './run-cli.js';

/** A character XML 1.0 does not allow. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function submissionWithEscapes(): Buffer {
  const sheets = submissionSheets({ unitName: 'Đơn vị _xFFFE_thử' });
  const results = sheets.find((s) => s.name === 'Kết quả')!;
  const xml = worksheetXml(results.rows!).replace(
    'Tổ chức 4 hội nghị đối thoại với Nhân dân.',
    'Tổ chức_xFFFF_ 4 hội nghị_xD800_ đối thoại_x0001_ với Nhân dân.',
  );
  return workbookXlsx(sheets.map((s) => (s === results ? { name: s.name, xml } : s)));
}

describe('characters XML does not allow', () => {
  it('are cleaned from units\' text before the report, the roll-up and the reconciliation workbook are written', async () => {
    const dir = tempDir('danvan-xmlchars-');
    mkdirSync(join(dir, 'nop'));
    writeFileSync(join(dir, 'nop', 'a.xlsx'), submissionWithEscapes());
    const run = danvan(['tonghop', 'nop', '-o', 'bc.docx', '--xlsx', 'th.xlsx', '--doi-chieu', 'dc.xlsx', '--ky', 'Quý I/2023'], dir);
    expectNoStackTrace(run);
    expect(run.code, run.stderr).toBe(0);
    const document = unzipDocx(readFileSync(join(dir, 'bc.docx')));
    for (const [name, xml] of document) expect(NOT_XML.test(xml), name).toBe(false);
    // The text itself survives, without the characters (the escapes removed, the rest as typed).
    expect(document.get('word/document.xml')!.includes('Tổ chức 4 hội nghị đối thoại với Nhân dân')).toBe(true);
    for (const file of ['th.xlsx', 'dc.xlsx']) {
      for (const [name, xml] of unzipDocx(readFileSync(join(dir, file)))) expect(NOT_XML.test(xml), `${file} ${name}`).toBe(false);
    }
    for (const file of ['bc.docx', 'th.xlsx', 'dc.xlsx']) {
      let errors: string[];
      try {
        errors = await validationErrors(join(dir, file), 'Microsoft365');
      } catch (error) {
        if (unavailableReason(error)) {
          console.warn(`xml characters: Open XML SDK validator unavailable (${unavailableReason(error)})`);
          return;
        }
        throw error;
      }
      expect(errors, file).toEqual([]);
    }
  }, 180_000);

  it('in a config string are refused with the key that holds them, before anything is written', () => {
    const dir = tempDir('danvan-xmlchars-');
    mkdirSync(join(dir, 'nop'));
    writeFileSync(join(dir, 'nop', 'a.xlsx'), workbookXlsx(submissionSheets()));
    writeFileSync(
      join(dir, 'cfg.json'),
      '{ "units": [ { "code": "DV_THU", "name": "Đơn vị\\u0001 thử" } ], "report": { "title": "Báo cáo\\uFFFE" } }',
    );
    const run = danvan(['tonghop', 'nop', '--config', 'cfg.json', '-o', 'bc.docx', '--ky', 'Quý I/2023'], dir);
    expectNoStackTrace(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('units[0].name');
    expect(run.stderr).toContain('U+0001');
    expect(run.stderr).toContain('U+FFFE');
  });
});

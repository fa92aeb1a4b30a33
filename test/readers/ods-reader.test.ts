/** The OpenDocument reader: typed values, repeats, covered cells, limits, and the same cells as LibreOffice's .xlsx. */

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SHEET_CELLS, MAX_WORKBOOK_CELLS, OdsReader } from '../../src/readers/ods-reader.js';
import { FastXlsxReader } from '../../src/readers/fast-reader.js';
import { readWorkbookBytes, readWorkbookFile } from '../../src/readers/index.js';
import { UnreadableWorkbookError, type RawWorkbook } from '../../src/readers/types.js';
import { buildSubmission } from '../../bench/submission.mjs';
import { convertWithLibreOffice, hasCommand } from '../helpers/soffice.js';
import { FIXTURES, isXlsx, listFiles } from './corpus.js';
import { makeZip, roundedWorkbook, tempDir } from './helpers.js';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"';

/** An .ods package whose spreadsheet body is `tables`. */
function ods(tables: string): Buffer {
  return makeZip([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 },
    { name: 'META-INF/manifest.xml', data: '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>' },
    { name: 'content.xml', data: `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>` },
  ]);
}

const reader = new OdsReader();
const cells = (book: RawWorkbook, sheet = 0) => book.sheets[sheet]!.cells.map((c) => [c.ref, c.value]);

describe('OdsReader', () => {
  it('reads typed values: float, percentage, currency, date, time, boolean, string, error', () => {
    const book = reader.read(
      ods(
        '<table:table table:name="Số liệu"><table:table-row>' +
          '<table:table-cell office:value-type="float" office:value="1250.5"><text:p>1.250,5</text:p></table:table-cell>' +
          '<table:table-cell office:value-type="percentage" office:value="0.875"><text:p>87,5%</text:p></table:table-cell>' +
          '<table:table-cell office:value-type="currency" office:currency="VND" office:value="2000000"><text:p>2.000.000 ₫</text:p></table:table-cell>' +
          '<table:table-cell office:value-type="date" office:date-value="2023-03-31"><text:p>31/03/2023</text:p></table:table-cell>' +
          '<table:table-cell office:value-type="date" office:date-value="2023-03-31T12:00:00"><text:p>x</text:p></table:table-cell>' +
          '<table:table-cell office:value-type="time" office:time-value="PT06H00M00S"><text:p>06:00</text:p></table:table-cell>' +
          '<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>' +
          '<table:table-cell office:value-type="string"><text:p>Mặt trận và đoàn thể</text:p></table:table-cell>' +
          '<table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>' +
          '</table:table-row></table:table>',
      ),
    );
    expect(book.sheets.map((s) => s.name)).toEqual(['Số liệu']);
    expect(cells(book)).toEqual([
      ['A1', { kind: 'number', number: 1250.5 }],
      ['B1', { kind: 'number', number: 0.875 }],
      ['C1', { kind: 'number', number: 2000000 }],
      ['D1', { kind: 'date', serial: 45016 }],
      ['E1', { kind: 'date', serial: 45016.5 }],
      ['F1', { kind: 'date', serial: 0.25 }],
      ['G1', { kind: 'boolean', bool: true }],
      ['H1', { kind: 'text', text: 'Mặt trận và đoàn thể' }],
      ['I1', { kind: 'error', text: '#DIV/0!' }],
    ]);
  });

  it('reads rich text: spans, links, text:s, tabs, line breaks, several paragraphs; leaves comments out', () => {
    const book = reader.read(
      ods(
        '<table:table table:name="Kết quả"><table:table-row><table:table-cell office:value-type="string">' +
          '<office:annotation><text:p>ghi chú của người sửa</text:p></office:annotation>' +
          '<text:p>Tổ chức <text:span text:style-name="T1">Hội nghị</text:span><text:s text:c="3"/>quán <text:a xlink:href="x" xmlns:xlink="http://www.w3.org/1999/xlink">triệt</text:a></text:p>' +
          '<text:p>dòng hai<text:line-break/>dòng ba</text:p>' +
          '</table:table-cell></table:table-row></table:table>',
      ),
    );
    // Runs of spaces are collapsed as for every reader (cleanText); paragraphs and line breaks are new lines.
    expect(cells(book)).toEqual([['A1', { kind: 'text', text: 'Tổ chức Hội nghị quán triệt\ndòng hai\ndòng ba' }]]);
  });

  it('repeats: empty cells and rows repeated a million times cost nothing; repeated values are expanded', () => {
    const book = reader.read(
      ods(
        '<table:table table:name="S">' +
          '<table:table-column table:number-columns-repeated="16384"/>' +
          '<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1000000"/></table:table-row>' +
          '<table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="float" office:value="7" table:number-columns-repeated="3"/><table:table-cell table:number-columns-repeated="1000000"/></table:table-row>' +
          '<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>' +
          '<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>' +
          '<table:table-row><table:table-cell office:value-type="string"><text:p>cuối</text:p></table:table-cell></table:table-row>' +
          '</table:table>',
      ),
    );
    expect(cells(book)).toEqual([
      ['C3', { kind: 'number', number: 7 }],
      ['D3', { kind: 'number', number: 7 }],
      ['E3', { kind: 'number', number: 7 }],
      ['A4', { kind: 'text', text: 'x' }],
      ['A5', { kind: 'text', text: 'x' }],
      ['A1000006', { kind: 'text', text: 'cuối' }],
    ]);
  });

  it('refuses a sheet whose repeated values would make more than the cap of cells, without allocating them', () => {
    const huge = ods(
      '<table:table table:name="Số liệu"><table:table-row table:number-rows-repeated="1000000">' +
        '<table:table-cell office:value-type="float" office:value="0" table:number-columns-repeated="1000"/></table:table-row></table:table>',
    );
    expect(() => reader.read(huge)).toThrowError(expect.objectContaining({ reason: 'too-many-cells', detail: expect.stringContaining('Số liệu') }));
    const wide = ods(
      `<table:table table:name="S"><table:table-row><table:table-cell office:value-type="string" table:number-columns-repeated="${MAX_SHEET_CELLS * 4}"><text:p>a</text:p></table:table-cell></table:table-row></table:table>`,
    );
    // Three sheets under the sheet cap each, together over the workbook's cap.
    const third = `<table:table-row table:number-rows-repeated="${Math.ceil(MAX_WORKBOOK_CELLS / 3 / 1000) + 1}"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="1000"/></table:table-row>`;
    const many = ods(['A', 'B', 'C'].map((n) => `<table:table table:name="${n}">${third}</table:table>`).join(''));
    expect(() => reader.read(many)).toThrowError(expect.objectContaining({ reason: 'too-many-cells', detail: expect.stringMatching(/^C: .*workbook/) }));
    // One row is bounded by the width of the grid (16384 columns), so this one is read.
    expect(reader.read(wide).sheets[0]!.cells).toHaveLength(16384);
  });

  it('covered cells (under a merge) only take their place', () => {
    const book = reader.read(
      ods(
        '<table:table table:name="S"><table:table-row>' +
          '<table:table-cell office:value-type="string" table:number-columns-spanned="3"><text:p>Tiêu đề</text:p></table:table-cell>' +
          '<table:covered-table-cell table:number-columns-repeated="2" office:value-type="string"><text:p>ẩn</text:p></table:covered-table-cell>' +
          '<table:table-cell office:value-type="float" office:value="1"/>' +
          '</table:table-row></table:table>',
      ),
    );
    expect(cells(book)).toEqual([
      ['A1', { kind: 'text', text: 'Tiêu đề' }],
      ['D1', { kind: 'number', number: 1 }],
    ]);
  });

  it('every sheet, hidden ones too, in order; broken content is "corrupt", never another exception', () => {
    const book = reader.read(ods('<table:table table:name="A"/><table:table table:name="B"><table:table-row/></table:table>'));
    expect(book.sheets).toEqual([
      { name: 'A', cells: [] },
      { name: 'B', cells: [] },
    ]);
    expect(() => reader.read(ods('<table:table table:name="A"><table:table-row></table:table>'))).toThrowError(
      expect.objectContaining({ reason: 'corrupt', detail: expect.stringContaining('content.xml') }),
    );
    const noContent = makeZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 }]);
    expect(() => reader.read(noContent)).toThrowError(UnreadableWorkbookError);
  });

  it('damaged content ends in a workbook or an UnreadableWorkbookError, never another exception', () => {
    const body =
      '<table:table table:name="S"><table:table-row table:number-rows-repeated="3"><table:table-cell office:value-type="float" office:value="1.5" table:number-columns-repeated="2"/>' +
      '<table:table-cell office:value-type="date" office:date-value="2023-03-31"/><table:table-cell office:value-type="string"><text:p>Mặt <text:s text:c="2"/>trận</text:p></table:table-cell>' +
      '<table:covered-table-cell/></table:table-row></table:table>';
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const junk = ['<', '>', '"', '&', '/', '=', '-1', '999999999', 'x', '', ' ', 'table:', '<text:p>', '</table:table-row>'];
    let workbooks = 0;
    for (let i = 0; i < 300; i++) {
      const at = Math.floor(rnd() * body.length);
      const cut = Math.floor(rnd() * 4);
      const damaged = body.slice(0, at) + junk[Math.floor(rnd() * junk.length)] + body.slice(at + cut);
      try {
        reader.read(ods(damaged));
        workbooks++;
      } catch (error) {
        expect(error, damaged).toBeInstanceOf(UnreadableWorkbookError);
      }
    }
    expect(workbooks).toBeGreaterThan(0);
  });

  it('readWorkbookBytes picks it from the classification; an .xlsx still goes to the .xlsx reader', () => {
    const book = readWorkbookBytes(ods('<table:table table:name="Thông tin"><table:table-row><table:table-cell office:value-type="string"><text:p>Mã đơn vị</text:p></table:table-cell></table:table-row></table:table>'));
    expect(cells(book)).toEqual([['A1', { kind: 'text', text: 'Mã đơn vị' }]]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Differential: an .xlsx re-saved as .ods by LibreOffice gives the same cells.

/** Differences between two workbooks: sheet names, then cells (numbers to 12 significant digits). */
function differences(a: RawWorkbook, b: RawWorkbook): string[] {
  const out: string[] = [];
  const ra = roundedWorkbook(a);
  const rb = roundedWorkbook(b);
  if (ra.sheets.map((s) => s.name).join('|') !== rb.sheets.map((s) => s.name).join('|')) {
    out.push(`sheets ${ra.sheets.map((s) => s.name)} vs ${rb.sheets.map((s) => s.name)}`);
    return out;
  }
  ra.sheets.forEach((sa, i) => {
    const key = (c: RawWorkbook['sheets'][0]['cells'][0]) => `${c.ref} ${JSON.stringify(c.value)}`;
    const ka = new Set(sa.cells.map(key));
    const kb = new Set(rb.sheets[i]!.cells.map(key));
    for (const k of ka) if (!kb.has(k)) out.push(`${sa.name}: only in xlsx: ${k}`);
    for (const k of kb) if (!ka.has(k)) out.push(`${sa.name}: only in ods: ${k}`);
  });
  return out;
}

describe('an .xlsx re-saved as .ods by LibreOffice gives the same cell values', () => {
  it('on every fixture submission and on generated submissions', async (ctx) => {
    if (!hasCommand('soffice')) {
      console.warn('soffice not found: .ods differential test skipped');
      ctx.skip();
      return;
    }
    // One fixture of each writer (form writer, form writer then LibreOffice, exceljs from scratch, hand-rolled
    // SpreadsheetML) and the odd cases: rich text, formulas, text numbers and dates, blank rows.
    const chosen = [
      'HU_DONGHOA.xlsx', 'BC quy I-2023 BDV Phuc Lam.xlsx', 'HLHPN.xlsx', 'LDLD.xlsx', 'Bao cao quy 1 - Hoi Nong dan.xlsx',
      'BC DV Q1-2023 Tinh doan.xlsx', 'BCHQS_Q1_2023.xlsx', 'Báo cáo dân vận Q1.2023 - Công an tỉnh.xlsx',
    ];
    const inputs: { name: string; bytes: Uint8Array }[] = chosen.map((name, i) => ({
      name: `f${i}.xlsx`,
      bytes: readFileSync(join(FIXTURES, 'quy-1-2023', name)),
    }));
    for (const seed of [1, 2]) {
      const wb = buildSubmission({ unitCode: `XA_${seed}`, unitName: `Xã ${seed}`, seed });
      inputs.push({ name: `gen${seed}.xlsx`, bytes: Buffer.from(await wb.xlsx.writeBuffer()) });
    }
    // What LibreOffice itself sees in each .xlsx: its own re-save as .xlsx, next to its .ods.
    const asOds = convertWithLibreOffice(inputs, 'ods');
    const asXlsx = convertWithLibreOffice(
      inputs.map((f) => ({ name: f.name.replace('.xlsx', '.in.xlsx'), bytes: f.bytes })),
      'xlsx',
    );
    const fast = new FastXlsxReader();
    let compared = 0;
    for (const input of inputs) {
      const odsBook = reader.read(asOds.get(input.name)!);
      const xlsxBook = fast.read(asXlsx.get(input.name.replace('.xlsx', '.in.xlsx'))!);
      expect(differences(xlsxBook, odsBook), input.name).toEqual([]);
      // And the original as our .xlsx reader reads it, for the values a unit typed.
      expect(odsBook.sheets.length).toBe(fast.read(input.bytes).sheets.length);
      compared += odsBook.sheets.reduce((n, s) => n + s.cells.length, 0);
    }
    console.info(`.ods differential: ${inputs.length} workbooks, ${compared} cells equal`);
    expect(compared).toBeGreaterThan(1000);
  });

  it('danvan reads an .ods submission from disk like its .xlsx', async (ctx) => {
    if (!hasCommand('soffice')) {
      console.warn('soffice not found: .ods file test skipped');
      ctx.skip();
      return;
    }
    const file = listFiles(join(FIXTURES, 'quy-1-2023'), isXlsx).find((f) => basename(f) === 'LDLD.xlsx')!;
    const dir = tempDir();
    const odsPath = join(dir, 'LDLD.ods');
    writeFileSync(odsPath, convertWithLibreOffice([{ name: 'LDLD.xlsx', bytes: readFileSync(file) }], 'ods').get('LDLD.xlsx')!);
    const fromOds = await readWorkbookFile(odsPath);
    const fromXlsx = await readWorkbookFile(file);
    expect(differences(fromXlsx, fromOds)).toEqual([]);
  });
});

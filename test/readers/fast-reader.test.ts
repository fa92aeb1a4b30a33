/** FastXlsxReader on workbooks built in the test: with exceljs, and hand-written for what exceljs never writes. */

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ExceljsReader } from '../../src/readers/exceljs-reader.js';
import { FastXlsxReader, resolveTarget } from '../../src/readers/fast-reader.js';
import { isoToSerial } from '../../src/domain/excel-date.js';
import { UnreadableWorkbookError, type CellValue, type RawWorkbook } from '../../src/readers/types.js';
import { miniXlsx, roundedWorkbook, type MiniWorkbook } from './helpers.js';

const fast = new FastXlsxReader();

/** ref → value of one sheet, for compact expectations. */
function valuesOf(book: RawWorkbook, sheet = 0): Record<string, CellValue> {
  return Object.fromEntries(book.sheets[sheet]!.cells.map((c) => [c.ref, c.value]));
}

const text = (t: string): CellValue => ({ kind: 'text', text: t });
const num = (n: number): CellValue => ({ kind: 'number', number: n });
const date = (serial: number): CellValue => ({ kind: 'date', serial });

function readMini(book: MiniWorkbook): RawWorkbook {
  return fast.read(miniXlsx(book));
}

function corruptDetail(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof UnreadableWorkbookError && error.reason === 'corrupt') return error.detail ?? '';
    throw error;
  }
  throw new Error('expected a corrupt workbook');
}

/** The cause, cell and sheet of a refusal (readers/types.ts ReadCause). */
function cause(fn: () => unknown): { cause?: string; cell?: string; sheet?: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof UnreadableWorkbookError && error.reason === 'corrupt') return { cause: error.info.cause, cell: error.info.cell, sheet: error.info.sheet };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('FastXlsxReader on an exceljs-written workbook', async () => {
  const wb = new ExcelJS.Workbook();
  const info = wb.addWorksheet('Thông tin');
  info.getCell('A1').value = 'Mã đơn vị';
  info.getCell('B1').value = 'XA_00001';
  // Decomposed (NFD) input and doubled spaces must come out NFC and collapsed.
  info.getCell('A2').value = '  Tên   đơn vị '.normalize('NFD');
  info.getCell('B2').value = { richText: [{ text: 'Xã ', font: { bold: true } }, { text: 'Hòa Bình' }] };
  info.getCell('A3').value = 'Ngày báo cáo';
  info.getCell('B3').value = new Date(Date.UTC(2023, 2, 31));
  info.getCell('B3').numFmt = 'dd/mm/yyyy';
  info.getCell('B4').value = new Date(Date.UTC(2023, 2, 31, 12, 30));
  info.getCell('B4').numFmt = '[$-409]d-mmm-yy h:mm;@';
  info.getCell('B5').value = 1234.5;
  info.getCell('B5').numFmt = '#,##0.00;[Red]-#,##0.00';
  info.getCell('B6').value = true;
  info.getCell('B7').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
  info.getCell('B8').value = { formula: 'B5*2', result: 2469 };
  info.getCell('B9').value = { formula: 'A1&"!"', result: 'Mã đơn vị!' };
  info.getCell('B10').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
  info.getCell('B11').value = { formula: 'B5' }; // no cached value: an uncomputed formula
  info.getCell('B12').value = { text: 'danvan.gov.vn', hyperlink: 'https://danvan.gov.vn' };
  info.getCell('B13').value = '   ';
  info.getCell('B14').value = 'Dòng 1\r\nDòng 2';
  info.getCell('B15').value = { formula: 'B3+1', result: new Date(Date.UTC(2023, 3, 1)) } as ExcelJS.CellFormulaValue;
  info.getCell('B15').numFmt = 'dd/mm/yyyy';
  info.mergeCells('C1:D2');
  info.getCell('C1').value = 'Gộp';
  const figures = wb.addWorksheet('Số liệu');
  figures.addRow(['Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Kỳ này', 'Ghi chú']);
  figures.addRow(['DVK_MH_MOI', 'Mô hình "Dân vận khéo" đăng ký, xây dựng mới', 'mô hình', 12, '<ghi chú> & "trích dẫn"']);
  figures.addRow(['VD_DAT', 'Diện tích đất Nhân dân hiến', 'm²', 0.1 + 0.2, null]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());

  it('reads every kind of value', () => {
    const book = roundedWorkbook(fast.read(bytes));
    expect(book.sheets.map((s) => s.name)).toEqual(['Thông tin', 'Số liệu']);
    const v = valuesOf(book);
    expect(v).toEqual({
      A1: text('Mã đơn vị'),
      B1: text('XA_00001'),
      C1: text('Gộp'),
      A2: text('Tên đơn vị'),
      B2: text('Xã Hòa Bình'),
      A3: text('Ngày báo cáo'),
      B3: date(45016),
      B4: date(45016 + 12.5 / 24),
      B5: num(1234.5),
      B6: { kind: 'boolean', bool: true },
      B7: { kind: 'error', text: '#DIV/0!' },
      B8: num(2469),
      B9: text('Mã đơn vị!'),
      B10: { kind: 'error', text: '#DIV/0!' },
      B11: { kind: 'formula', formula: 'B5' },
      B12: text('danvan.gov.vn'),
      B14: text('Dòng 1\nDòng 2'),
      B15: date(45017),
    });
    expect(valuesOf(book, 1)['E2']).toEqual(text('<ghi chú> & "trích dẫn"'));
    expect(valuesOf(fast.read(bytes), 1)['D3']).toEqual(num(0.1 + 0.2));
  });

  it('sorts cells by row then column with consistent refs', () => {
    const cells = fast.read(bytes).sheets[0]!.cells;
    expect(cells.map((c) => c.ref)).toEqual(['A1', 'B1', 'C1', 'A2', 'B2', 'A3', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9', 'B10', 'B11', 'B12', 'B14', 'B15']);
    expect(cells[2]).toMatchObject({ row: 1, col: 3 });
  });

  it('agrees with the exceljs reader', async () => {
    expect(roundedWorkbook(fast.read(bytes))).toEqual(roundedWorkbook(await new ExceljsReader().read(bytes)));
  });
});

describe('FastXlsxReader on hand-written parts', () => {
  it('reads inline strings, rich inline runs, and skips phonetic runs', () => {
    const book = readMini({
      sheets: [
        {
          name: 'S',
          xml:
            '<row r="1"><c r="A1" t="inlineStr"><is><t>Kết quả</t></is></c>' +
            '<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>Dân </t></r><r><t xml:space="preserve">vận  khéo </t></r><rPh sb="0" eb="1"><t>ダン</t></rPh></is></c>' +
            '<c r="C1" t="inlineStr"><is><t>a_x000D__x000A_b</t></is></c>' +
            '<c r="D1" t="inlineStr"><is/></c></row>',
        },
      ],
    });
    expect(valuesOf(book)).toEqual({ A1: text('Kết quả'), B1: text('Dân vận khéo'), C1: text('a\nb') });
  });

  it('places cells without r after the previous cell, and rows without r after the previous row', () => {
    const book = readMini({
      sheets: [
        {
          name: 'S',
          xml:
            '<row r="2"><c><v>1</v></c><c><v>2</v></c><c r="E2"><v>5</v></c><c><v>6</v></c></row>' +
            '<row><c><v>7</v></c></row><row/>' +
            '<row r="10" spans="1:2"><c r="B10"/><c><v>8</v></c></row>',
        },
      ],
    });
    expect(book.sheets[0]!.cells.map((c) => `${c.ref}=${c.value.kind === 'number' ? c.value.number : '?'}`)).toEqual([
      'A2=1',
      'B2=2',
      'E2=5',
      'F2=6',
      'A3=7',
      'C10=8',
    ]);
  });

  it('reads shared strings: entities, rich runs, phonetics, escapes, blanks', () => {
    const book = readMini({
      sharedStrings:
        '<si><t>Tom &amp; Jerry &lt;3 &#x1EA1;&#7841;</t></si>' +
        '<si><r><t>Lĩnh </t></r><r><rPr><i/></rPr><t>vực</t></r><rPh sb="0" eb="2"><t>リン</t></rPh><phoneticPr fontId="1"/></si>' +
        '<si><t xml:space="preserve">  Dòng_x000D_\nhai  </t></si>' +
        '<si><t/></si>' +
        '<si><t>_x005F_x000D_</t></si>',
      sheets: [
        {
          name: 'S',
          xml: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>',
        },
      ],
    });
    expect(valuesOf(book)).toEqual({
      A1: text('Tom & Jerry <3 ạạ'),
      B1: text('Lĩnh vực'),
      C1: text('Dòng\nhai'),
      E1: text('_x000D_'),
    });
  });

  it('uses cached formula values of every type; a formula without one is uncomputed, an empty text result blank', () => {
    const book = readMini({
      sheets: [
        {
          name: 'S',
          xml:
            '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' +
            '<c r="C1" t="b"><f>TRUE()</f><v>1</v></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
            '<c r="E1"><f>A1</f></c><c r="F1" t="str"><f>""</f><v></v></c><c r="G1" t="b"><v>0</v></c>' +
            '<c r="H1"><f t="shared" ref="H1:H2" si="0">A1*2</f><v>4</v></c><c r="I1"><f>3+4</f><v></v></c></row>' +
            '<row r="2"><c r="H2"><f t="shared" si="0"/><v>8</v></c></row>',
        },
      ],
    });
    expect(valuesOf(book)).toEqual({
      A1: num(2),
      B1: text('ab'),
      C1: { kind: 'boolean', bool: true },
      D1: { kind: 'error', text: '#DIV/0!' },
      E1: { kind: 'formula', formula: 'A1' },
      // openpyxl writes an empty <v> for a formula it did not compute: unknown, not blank.
      I1: { kind: 'formula', formula: '3+4' },
      G1: { kind: 'boolean', bool: false },
      H1: num(4),
      H2: num(8),
    });
  });

  const dateStyles =
    '<numFmts count="3"><numFmt numFmtId="164" formatCode="[$-409]dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="#,##0.00;[Red]\\-#,##0.00"/>' +
    '<numFmt numFmtId="166" formatCode="0&quot; ngày&quot;"/></numFmts>' +
    '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
    '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="166"/></cellXfs>';

  it('recognises built-in and custom date formats, not [Red] or quoted text', () => {
    const book = readMini({
      styles: dateStyles,
      sheets: [
        {
          name: 'S',
          xml: '<row r="1"><c r="A1" s="1"><v>45016</v></c><c r="B1" s="2"><v>45016</v></c><c r="C1" s="3"><v>45016.5</v></c><c r="D1" s="4"><v>3</v></c><c r="E1"><v>45016</v></c><c r="F1" s="99"><v>1</v></c></row>',
        },
      ],
    });
    expect(valuesOf(book)).toEqual({ A1: date(45016), B1: num(45016), C1: date(45016.5), D1: num(3), E1: num(45016), F1: num(1) });
  });

  it('shifts dates of a 1904 workbook to the 1900 system, and only dates', () => {
    const book = readMini({
      date1904: true,
      styles: dateStyles,
      sheets: [{ name: 'S', xml: '<row r="1"><c r="A1" s="1"><v>43554</v></c><c r="B1"><v>43554</v></c></row>' }],
    });
    expect(valuesOf(book)).toEqual({ A1: date(45016), B1: num(43554) });
  });

  it('reads t="d" ISO dates as serials', () => {
    const book = readMini({
      sheets: [
        {
          name: 'S',
          xml:
            '<row r="1"><c r="A1" t="d"><v>2023-03-31</v></c><c r="B1" t="d"><v>2023-03-31T12:00:00Z</v></c>' +
            '<c r="C1" t="d"><v>1899-12-30T00:00:00.000</v></c></row>',
        },
      ],
    });
    expect(valuesOf(book)).toEqual({ A1: date(45016), B1: date(45016.5), C1: date(0) });
    // openpyxl fails on a t="d" value that is no ISO date, LibreOffice reads it as text: refused at its cell.
    expect(cause(() => readMini({ sheets: [{ name: 'S', xml: '<row r="1"><c r="D1" t="d"><v>không phải ngày</v></c></row>' }] }))).toEqual({
      cause: 'cell-type',
      cell: 'D1',
      sheet: 'S',
    });
    expect(isoToSerial('12:00:00')).toBe(0.5);
  });

  it('skips chartsheets and resolves absolute relationship targets', () => {
    const book = readMini({
      absoluteTargets: true,
      sheets: [
        { name: 'Biểu đồ', xml: '', chart: true },
        { name: 'Dữ liệu', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' },
      ],
    });
    expect(book.sheets.map((s) => s.name)).toEqual(['Dữ liệu']);
    expect(resolveTarget('xl/', '../customXml/item1.xml')).toBe('customXml/item1.xml');
    expect(resolveTarget('xl/', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/', './worksheets/sheet%201.xml')).toBe('xl/worksheets/sheet 1.xml');
  });

  it('reads prefixed SpreadsheetML (x:worksheet, x:c)', () => {
    const part =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>ok</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>';
    expect(valuesOf(readMini({ sheets: [{ name: 'S', xml: part, part: true }] }))).toEqual({ A1: text('ok') });
  });

  it('sorts out-of-order cells, refuses two cells at one address, hides values under a merge', () => {
    const book = readMini({
      sheets: [
        {
          name: 'S',
          xml:
            '<row r="3"><c r="B3"><v>3</v></c></row><row r="1"><c r="C1"><v>2</v></c><c r="A1"><v>1</v></c></row>' +
            '<row r="5"><c r="A5"><v>5</v></c><c r="B5"><v>6</v></c></row>',
          after: '<mergeCells count="1"><mergeCell ref="A5:B6"/></mergeCells>',
        },
      ],
    });
    expect(book.sheets[0]!.cells.map((c) => c.ref)).toEqual(['A1', 'C1', 'B3', 'A5']);
    // A second D3 (written "$D$3") overrode the first: LibreOffice and openpyxl do not agree on which one wins.
    const twice = '<row r="3"><c r="D3"><v>12</v></c></row><row r="4"><c r="A4"><v>1</v></c></row><row r="3"><c r="$D$3"><v>999</v></c></row>';
    expect(cause(() => readMini({ sheets: [{ name: 'S', xml: twice }] }))).toEqual({ cause: 'duplicate-cell', cell: 'D3', sheet: 'S' });
  });

  it('reads numbers only in the lexical form of xsd:double, refusing at the cell what programs read differently', () => {
    const book = readMini({ sheets: [{ name: 'S', xml: '<row r="1"><c r="B1" t="n"><v> 12 </v></c><c r="C1"><v>+1.5E2</v></c><c r="D1"><v>.5</v></c></row>' }] });
    expect(valuesOf(book)).toEqual({ B1: num(12), C1: num(150), D1: num(0.5) });
    // LibreOffice reads 0x10, 0b101 and 0o17 as 0 and "1 2" as 1; Number() reads 16, 5, 15 and NaN.
    for (const v of ['NaN', '0x10', '0b101', '0o17', '1 2', '1\n2', 'Infinity', '1e999', '1_000']) {
      expect(cause(() => readMini({ sheets: [{ name: 'S', xml: `<row r="3"><c r="D3"><v>${v}</v></c></row>` }] })), v).toEqual({
        cause: 'cell-number',
        cell: 'D3',
        sheet: 'S',
      });
    }
  });

  it('one value per cell: two <v>, markup inside <v>, an unknown type or an inline string without <is> are refused', () => {
    const cases: [string, string][] = [
      ['<c r="D3"><v>1</v><v>2</v></c>', 'cell-values'],
      ['<c r="D3"><v>1<x/>2</v></c>', 'cell-values'],
      ['<c r="D3"><f>1</f><f>2</f><v>1</v></c>', 'cell-values'],
      ['<c r="D3" t="S"><v>0</v></c>', 'cell-type'],
      ['<c r="D3" t="N"><v>5</v></c>', 'cell-type'],
      ['<c r="D3" t="inlineStr"><v>5</v></c>', 'cell-values'],
      ['<c r="D3" t="inlineStr"><is><t>a</t></is><v>1</v></c>', 'cell-values'],
      ['<c r="D3" t="b"><v>true</v></c>', 'cell-type'],
      ['<c r="D3" t="s"><v>0.0</v></c>', 'cell-type'],
    ];
    for (const [xml, expected] of cases) {
      expect(cause(() => readMini({ sheets: [{ name: 'S', xml: `<row r="3">${xml}</row>` }] })), xml).toEqual({ cause: expected, cell: 'D3', sheet: 'S' });
    }
  });

  it('reads only SpreadsheetML elements: a <v> of another namespace, or a worksheet root of another namespace, hold nothing', () => {
    const foreignV = readMini({
      sheets: [{ name: 'S', xml: '<row r="3"><c r="D3" xmlns:o="urn:other"><o:v>999</o:v><v>12</v></c><c r="E3"><o:v xmlns:o="urn:x">5</o:v></c></row>' }],
    });
    expect(valuesOf(foreignV)).toEqual({ D3: num(12) });
    // The prefix x bound to SpreadsheetML reads; the same local names in another namespace do not.
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const prefixed = readMini({ sheets: [{ name: 'S', part: true, xml: `<x:worksheet xmlns:x="${main}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>` }] });
    expect(valuesOf(prefixed)).toEqual({ A1: num(7) });
    const foreign = readMini({ sheets: [{ name: 'S', part: true, xml: '<worksheet xmlns="urn:not-excel"><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData></worksheet>' }] });
    expect(valuesOf(foreign)).toEqual({});
  });

  it('reads a workbook without sharedStrings and styles parts', () => {
    expect(readMini({ sheets: [{ name: 'S', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }] }).sheets).toHaveLength(1);
  });

  it('names the part of malformed or missing XML as corrupt', () => {
    expect(corruptDetail(() => readMini({ sheets: [{ name: 'S', xml: '<row r="1"><c r="A1"><v>1</v></row>' }] }))).toContain(
      'xl/worksheets/sheet1.xml',
    );
    expect(
      corruptDetail(() => readMini({ sheets: [{ name: 'S', xml: '' }], omit: ['xl/worksheets/sheet1.xml'] })),
    ).toContain('missing part xl/worksheets/sheet1.xml');
    expect(corruptDetail(() => readMini({ sharedStrings: '<si><t>a</t>', sheets: [{ name: 'S', xml: '' }] }))).toContain(
      'xl/sharedStrings.xml',
    );
    expect(
      corruptDetail(() => readMini({ sheets: [{ name: 'S', xml: '<row r="1"><c r="A1" t="s"><v>7</v></c></row>' }] })),
    ).toContain('shared string 7');
    expect(corruptDetail(() => readMini({ sheets: [{ name: 'S', xml: '<row r="1"><c r="1A"><v>1</v></c></row>' }] }))).toContain(
      'bad cell reference',
    );
  });
});

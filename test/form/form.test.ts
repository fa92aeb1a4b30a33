/** The form writer against SPEC §3: sheets, labels, catalogue rows, validations, protection, print setup, content. */
import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { FIELDS, MODEL_FIELDS, RECOGNITION_LEVELS } from '../../src/domain/fields.js';
import { COLUMNS, formColumns, INFO_LABEL, REQUIRED_INFO, SHEET, type InfoKey } from '../../src/domain/form-layout.js';
import { buildFormWorkbook, type FormContent } from '../../src/form/index.js';
import { isVietnamese, loadWorkbook, protectionOf, sheetOf, validationAt } from './helpers.js';

const TABLES = ['results', 'limitations', 'tasks', 'proposals', 'models'] as const;
const ORDER = [
  SHEET.guide,
  SHEET.info,
  SHEET.figures,
  SHEET.results,
  SHEET.limitations,
  SHEET.tasks,
  SHEET.proposals,
  SHEET.models,
  'DanhMuc',
];

const blank = await loadWorkbook(await buildFormWorkbook({ catalogue: DEFAULT_CATALOGUE }));

/** A cell as the user reads it (rich text joined). */
function text(cell: ExcelJS.Cell): string {
  return cell.text;
}

describe('blank form', () => {
  it('has the sheets in order, the lists sheet hidden', () => {
    expect(blank.worksheets.map((s) => s.name)).toEqual(ORDER);
    for (const sheet of blank.worksheets) {
      expect(sheet.state).toBe(sheet.name === 'DanhMuc' ? 'hidden' : 'visible');
    }
  });

  it('puts the exact header labels in row 2 of every table sheet, under a bold merged title', () => {
    for (const key of ['figures', ...TABLES] as const) {
      const sheet = sheetOf(blank, SHEET[key]);
      const labels = [...formColumns(key), null].map((_, i) => sheet.getRow(2).getCell(i + 1).value);
      expect(labels).toEqual([...formColumns(key).map((c) => c.label), null]);
      expect(sheet.getCell('A2').font?.bold).toBe(true);
      expect(sheet.getCell('A2').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
      expect(sheet.getCell('A2').border?.bottom?.style).toBe('thin');
      expect(text(sheet.getCell('A1'))).not.toBe('');
      expect(sheet.getCell('A1').isMerged).toBe(true);
    }
    expect(text(sheetOf(blank, SHEET.results).getCell('A1'))).toBe('KẾT QUẢ NỔI BẬT TRONG KỲ');
  });

  it('freezes the panes below the header and prints A4, one page wide, header repeated', () => {
    for (const key of ['figures', ...TABLES] as const) {
      const sheet = sheetOf(blank, SHEET[key]);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, topLeftCell: 'A3' });
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:2',
      });
    }
    for (const name of [SHEET.guide, SHEET.info]) {
      expect(sheetOf(blank, name).pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });
    }
  });

  it('wraps the long content columns', () => {
    expect(sheetOf(blank, SHEET.results).getCell('C3').alignment?.wrapText).toBe(true);
    expect(sheetOf(blank, SHEET.limitations).getCell('D3').alignment?.wrapText).toBe(true);
    expect(sheetOf(blank, SHEET.results).getColumn(3).width).toBeGreaterThanOrEqual(80);
  });

  it('writes "Thông tin" labels in A exactly, values in B, required ones marked in C', () => {
    const sheet = sheetOf(blank, SHEET.info);
    const keys = Object.keys(INFO_LABEL) as InfoKey[];
    keys.forEach((key, i) => {
      const row = i + 2;
      expect(sheet.getCell(`A${row}`).value).toBe(INFO_LABEL[key]);
      expect(sheet.getCell(`B${row}`).value).toBeNull();
      expect(sheet.getCell(`B${row}`).protection?.locked).toBe(false);
      expect(text(sheet.getCell(`C${row}`)).startsWith('*')).toBe(REQUIRED_INFO.includes(key));
    });
  });

  it('gives "Ngày báo cáo" a date validation 01/01/2000–31/12/2100 with Vietnamese messages, format dd/mm/yyyy', () => {
    const sheet = sheetOf(blank, SHEET.info);
    expect(sheet.getCell('A5').value).toBe('Ngày báo cáo');
    expect(sheet.getCell('B5').numFmt).toBe('dd/mm/yyyy');
    const rule = validationAt(sheet, 'B5');
    expect(rule).toMatchObject({ type: 'date', operator: 'between', showErrorMessage: true, showInputMessage: true });
    // Written as serials 36526 and 73415; exceljs reads date bounds back as dates.
    expect(rule!.formulae.map((d) => new Date(d).toISOString().slice(0, 10))).toEqual(['2000-01-01', '2100-12-31']);
    expect(isVietnamese(rule!.prompt)).toBe(true);
    expect(isVietnamese(rule!.error)).toBe(true);
  });

  it('without a period, gives "Kỳ báo cáo" an input message listing the accepted forms, without restricting the value', () => {
    const rule = validationAt(sheetOf(blank, SHEET.info), 'B4');
    expect(rule?.type).toBe('any');
    expect(rule?.prompt).toContain('Quý I/20xx');
    expect(rule?.prompt).toContain('6 tháng/20xx');
    expect(rule?.prompt).toContain('Năm 20xx');
  });

  it('pre-prints one "Số liệu" row per indicator: code, name, unit greyed and locked', () => {
    const sheet = sheetOf(blank, SHEET.figures);
    DEFAULT_CATALOGUE.forEach((indicator, i) => {
      const row = i + 3;
      expect(sheet.getCell(`A${row}`).value).toBe(indicator.code);
      expect(sheet.getCell(`B${row}`).value).toBe(indicator.name);
      expect(sheet.getCell(`C${row}`).value).toBe(indicator.unit);
      for (const col of ['A', 'B', 'C']) {
        // Locked is the default of a cell's protection, so it may be absent after reading.
        expect(sheet.getCell(`${col}${row}`).protection?.locked ?? true).toBe(true);
        expect(sheet.getCell(`${col}${row}`).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
      }
      expect(sheet.getCell(`E${row}`).protection?.locked).toBe(false);
    });
    expect(sheet.getCell(`A${DEFAULT_CATALOGUE.length + 3}`).value).toBeNull();
    expect(sheet.getCell('A6').value).toBe('TT_BUOI');
  });

  it('protects "Số liệu" and "Thông tin" without a password', () => {
    for (const name of [SHEET.figures, SHEET.info]) {
      const protection = protectionOf(sheetOf(blank, name));
      expect(protection?.sheet).toBe(true);
      expect(protection?.hashValue).toBeUndefined();
      expect(protection?.algorithmName).toBeUndefined();
    }
    for (const key of TABLES) expect(protectionOf(sheetOf(blank, SHEET[key]))).toBeFalsy();
  });

  it('validates "Kỳ này" as a whole number >= 0 for counts, a decimal >= 0 for amounts, and computes KN_TL in a locked cell', () => {
    const sheet = sheetOf(blank, SHEET.figures);
    DEFAULT_CATALOGUE.forEach((indicator, i) => {
      const cell = sheet.getCell(`D${i + 3}`);
      const rule = validationAt(sheet, cell.address);
      if (indicator.derived) {
        expect(rule).toBeUndefined();
        expect(cell.protection?.locked ?? true).toBe(true);
        expect(cell.formula).toBe('IF(N(D11)>0,N(D12)/N(D11)*100,"")');
      } else {
        expect(cell.protection?.locked).toBe(false);
        const type = indicator.kind === 'count' ? 'whole' : 'decimal';
        expect(rule, indicator.code).toMatchObject({ type, operator: 'greaterThanOrEqual', formulae: [0], showErrorMessage: true });
        expect(rule!.prompt).toMatch(indicator.kind === 'count' ? /^Nhập số nguyên không âm/ : /^Nhập số không âm/);
        expect(isVietnamese(rule!.error)).toBe(true);
      }
    });
  });

  it('keeps input messages within the limits Excel enforces', () => {
    for (const sheet of blank.worksheets) {
      const model = (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations
        .model;
      for (const rule of Object.values(model)) {
        expect((rule.prompt ?? '').length).toBeLessThanOrEqual(255);
        expect((rule.error ?? '').length).toBeLessThanOrEqual(225);
        expect((rule.promptTitle ?? '').length).toBeLessThanOrEqual(32);
        expect((rule.errorTitle ?? '').length).toBeLessThanOrEqual(32);
      }
    }
  });

  it('has dropdowns on every closed column, pointing at the hidden lists (entries contain commas)', () => {
    const expectations: [string, string, string][] = [
      [SHEET.results, 'B', 'DanhMuc!$A$2:$A$11'],
      [SHEET.limitations, 'B', 'DanhMuc!$A$2:$A$11'],
      [SHEET.tasks, 'B', 'DanhMuc!$A$2:$A$11'],
      [SHEET.models, 'C', 'DanhMuc!$B$2:$B$5'],
      [SHEET.models, 'D', 'DanhMuc!$C$2:$C$6'],
    ];
    for (const [name, col, range] of expectations) {
      const sheet = sheetOf(blank, name);
      for (const row of [3, 33, 500]) {
        const rule = validationAt(sheet, `${col}${row}`);
        expect(rule).toMatchObject({ type: 'list', formulae: [range], showErrorMessage: true, errorStyle: 'stop' });
        expect(isVietnamese(rule!.error)).toBe(true);
        expect(isVietnamese(rule!.prompt)).toBe(true);
      }
    }
    const lists = sheetOf(blank, 'DanhMuc');
    expect(FIELDS.map((_, i) => lists.getCell(`A${i + 2}`).value)).toEqual([...FIELDS]);
    expect(MODEL_FIELDS.map((_, i) => lists.getCell(`B${i + 2}`).value)).toEqual([...MODEL_FIELDS]);
    expect(RECOGNITION_LEVELS.map((_, i) => lists.getCell(`C${i + 2}`).value)).toEqual([...RECOGNITION_LEVELS]);
    expect(lists.getCell('A12').value).toBeNull();
  });

  it('prepares 30 bordered input rows by default and blankRows on request', async () => {
    const sheet = sheetOf(blank, SHEET.results);
    expect(sheet.getCell('C32').border?.left?.style).toBe('thin');
    expect(sheet.getCell('C33').border).toBeUndefined();
    const five = await loadWorkbook(await buildFormWorkbook({ catalogue: DEFAULT_CATALOGUE, blankRows: 5 }));
    expect(sheetOf(five, SHEET.results).getCell('C7').border?.left?.style).toBe('thin');
    expect(sheetOf(five, SHEET.results).getCell('C8').border).toBeUndefined();
    expect(sheetOf(five, SHEET.results).getCell('A3').value).toBeNull();
  });

  it('explains the form in Vietnamese on "Hướng dẫn"', () => {
    const guide = sheetOf(blank, SHEET.guide)
      .getSheetValues()
      .flat()
      .filter((v): v is string => typeof v === 'string')
      .join('\n');
    for (const needle of ['dd/mm/yyyy', 'Để trống', 'Ghi 0', 'danvan kiemtra', '.xlsx', 'KN_TL', 'Lãnh đạo, chỉ đạo', 'Trung ương']) {
      expect(guide).toContain(needle);
    }
    expect(guide).toBe(guide.normalize('NFC'));
  });

  it('gives the same bytes for the same inputs', async () => {
    const a = await buildFormWorkbook({ catalogue: DEFAULT_CATALOGUE });
    const b = await buildFormWorkbook({ catalogue: DEFAULT_CATALOGUE });
    expect(a.equals(b)).toBe(true);
  });

  it('follows a custom catalogue', async () => {
    const catalogue = [
      { code: 'A1', name: 'Chỉ tiêu một', unit: 'cuộc', kind: 'count' as const, aggregation: 'flow' as const },
      { code: 'A2', name: 'Chỉ tiêu hai', unit: 'ha', kind: 'amount' as const, aggregation: 'flow' as const },
    ];
    const book = await loadWorkbook(await buildFormWorkbook({ catalogue }));
    const sheet = sheetOf(book, SHEET.figures);
    expect([sheet.getCell('A3').value, sheet.getCell('A4').value, sheet.getCell('A5').value]).toEqual(['A1', 'A2', null]);
    expect(validationAt(sheet, 'D3')?.type).toBe('whole');
    expect(validationAt(sheet, 'D4')?.type).toBe('decimal');
  });
});

describe('filled form', () => {
  const content: FormContent = {
    info: {
      unitCode: 'HU_DONGHOA',
      unitName: 'Ban Dân vận Huyện ủy Đông Hòa',
      period: 'Quý I/2023',
      reportDate: new Date(Date.UTC(2023, 2, 28)),
      preparedBy: 'Lê Thị Hồng Nhung',
      phone: '0912345678',
      head: 'Trần Văn Bình',
    },
    figures: { TT_BUOI: 215, VD_TIEN: 1250.5, KN_TIEP: 40, KN_GQ: 36, DT_HN: 0, TT_LUOT: null },
    figureNotes: { VD_TIEN: 'Gồm tiền và hiện vật quy đổi' },
    results: [
      { field: 'Lãnh đạo, chỉ đạo', content: 'Tổ chức Hội nghị quán triệt Kết luận số 43-KL/TW cho 250 cán bộ chủ chốt.' },
      { field: 'Dân vận khéo', content: 'Đăng ký mới 12 mô hình "Dân vận khéo".' },
    ],
    limitations: [{ field: 'Dân chủ ở cơ sở', content: 'Việc công khai ở một số xã chưa kịp thời.', cause: 'Cán bộ kiêm nhiệm nhiều việc.' }],
    tasks: [{ field: 'Khác', content: 'Tổ chức Tháng Thanh niên.', deadline: 'Quý II/2023' }],
    proposals: [{ content: 'Bố trí kinh phí xây dựng mô hình.', addressee: 'UBND tỉnh' }],
    models: [{ name: 'Dân vận khéo trong hiến đất làm đường', field: 'Kinh tế', level: 'Huyện', note: 'Xã Hòa Xuân' }],
  };

  it('puts each value in its cell', async () => {
    const book = await loadWorkbook(await buildFormWorkbook({ catalogue: DEFAULT_CATALOGUE, content, blankRows: 2 }));
    const info = sheetOf(book, SHEET.info);
    expect(info.getCell('B2').value).toBe('HU_DONGHOA');
    expect(info.getCell('B3').value).toBe('Ban Dân vận Huyện ủy Đông Hòa');
    expect(info.getCell('B4').value).toBe('Quý I/2023');
    expect(info.getCell('B5').value).toEqual(new Date(Date.UTC(2023, 2, 28)));
    expect(info.getCell('B6').value).toBe('Lê Thị Hồng Nhung');
    expect(info.getCell('B7').value).toBe('0912345678');
    expect(info.getCell('B8').value).toBeNull();
    expect(info.getCell('B9').value).toBe('Trần Văn Bình');

    const figures = sheetOf(book, SHEET.figures);
    expect(figures.getCell('D6').value).toBe(215); // TT_BUOI
    expect(figures.getCell('D7').value).toBeNull(); // TT_LUOT: null stays blank
    expect(figures.getCell('D10').value).toBe(0); // DT_HN: 0 is kept
    expect(figures.getCell('D15').value).toBe(1250.5); // VD_TIEN
    expect(figures.getCell('E15').value).toBe('Gồm tiền và hiện vật quy đổi');
    expect(figures.getCell('D13').result).toBe(90); // KN_TL = 36 / 40
    expect(figures.getCell('E13').value).toBe('Tự động tính, không nhập');

    const results = sheetOf(book, SHEET.results);
    expect([results.getCell('A3').value, results.getCell('B3').value]).toEqual([1, 'Lãnh đạo, chỉ đạo']);
    expect(results.getCell('C4').value).toBe('Đăng ký mới 12 mô hình "Dân vận khéo".');
    expect(results.getCell('A5').value).toBeNull();
    expect(results.getCell('C6').border?.left?.style).toBe('thin'); // 2 blank rows after the content
    expect(results.getCell('C7').border).toBeUndefined();

    const limitations = sheetOf(book, SHEET.limitations);
    expect(limitations.getRow(3).values).toEqual([
      undefined,
      1,
      'Dân chủ ở cơ sở',
      'Việc công khai ở một số xã chưa kịp thời.',
      'Cán bộ kiêm nhiệm nhiều việc.',
    ]);
    expect(sheetOf(book, SHEET.tasks).getCell('D3').value).toBe('Quý II/2023');
    expect(sheetOf(book, SHEET.proposals).getCell('C3').value).toBe('UBND tỉnh');
    expect(sheetOf(book, SHEET.models).getRow(3).values).toEqual([
      undefined,
      1,
      'Dân vận khéo trong hiến đất làm đường',
      'Kinh tế',
      'Huyện',
      'Xã Hòa Xuân',
    ]);
  });

  it('stamps the workbook with the report date', async () => {
    const book = await loadWorkbook(await buildFormWorkbook({ catalogue: DEFAULT_CATALOGUE, content }));
    expect(book.created.toISOString()).toBe('2023-03-28T00:00:00.000Z');
    expect(book.modified.toISOString()).toBe('2023-03-28T00:00:00.000Z');
  });
});

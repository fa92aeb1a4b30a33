import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import type { Issue } from '../../src/diagnostics/issue.js';
import { validateWorkbook } from '../../src/validate/submission.js';
import { Builder, FIGURE_ROW, err, isVietnamese, sheet, wb } from './workbook-builder.js';

const FILE = 'nop/hu-donghoa.xlsx';
const check = (b: Builder) => validateWorkbook(b.build(), FILE, DEFAULT_CATALOGUE);
const errors = (issues: Issue[]) => issues.filter((i) => i.severity === 'error');
const warnings = (issues: Issue[]) => issues.filter((i) => i.severity === 'warning');

/** The one issue of `code`; fails when there is none or several. */
function one(issues: Issue[], code: string): Issue {
  const found = issues.filter((i) => i.code === code);
  expect(found, `issues with code ${code}: ${JSON.stringify(issues, null, 1)}`).toHaveLength(1);
  return found[0]!;
}

function expectMessage(issue: Issue, ...mentions: string[]): void {
  expect(isVietnamese(issue.message), issue.message).toBe(true);
  for (const m of mentions) expect(issue.message).toContain(m);
}

describe('a valid workbook', () => {
  const result = check(wb());

  it('has no error and only the blank-figure warning', () => {
    expect(errors(result.issues)).toEqual([]);
    expect(warnings(result.issues).map((i) => i.code)).toEqual(['figure.blank']);
    expect(result.submission).toBeDefined();
  });

  it('reads Thông tin: unit upper-cased, period key, ISO date, optional fields', () => {
    const info = result.submission!.info;
    expect(info.unitCode).toBe('HU_DONGHOA');
    expect(info.unitName).toBe('Ban Dân vận Huyện ủy Đông Hòa');
    expect(info.period).toBe('2023-Q1');
    expect(info.reportDate).toBe('2023-04-05');
    expect(info.preparedBy).toBe('Nguyễn Thị Bình');
    expect(info.email).toBe('bdv@donghoa.vn');
    expect(info.head).toBe('Trần Văn Cường');
    expect(result.unit).toBe('HU_DONGHOA');
    expect(result.period).toBe('2023-Q1');
    expect(result.reportDate).toBe('2023-04-05');
    expect(result.unitCell).toBe('B2');
    expect(result.periodCell).toBe('B4');
    expect(result.submission!.file).toBe(FILE);
  });

  it('reads figures: text numbers, blank = null, 0 = 0, derived KN_TL absent', () => {
    const figures = result.submission!.figures;
    expect(figures.DVK_MH_MOI).toBe(3);
    expect(figures.TT_LUOT).toBe(1234);
    expect(figures.VD_TIEN).toBe(1250.5);
    expect(figures.VD_DAT).toBeNull();
    expect(figures.KT_TAPTHE).toBe(0);
    expect('KN_TL' in figures).toBe(false);
    expect(Object.keys(figures).sort()).toEqual(DEFAULT_CATALOGUE.filter((i) => !i.derived).map((i) => i.code).sort());
  });

  it('reads items with canonical field names and their rows; a row with only STT is not an item', () => {
    const s = result.submission!;
    expect(s.results).toEqual([
      { field: 'Lãnh đạo, chỉ đạo', content: 'Tổ chức hội nghị quán triệt Kết luận 43-KL/TW.', row: 3 },
      { field: 'Dân vận khéo', content: 'Đăng ký 3 mô hình "Dân vận khéo" mới.', row: 4 },
    ]);
    expect(s.limitations[0]).toMatchObject({ field: 'Dân chủ ở cơ sở', cause: 'Nhận thức chưa đầy đủ', row: 3 });
    expect(s.tasks[0]).toMatchObject({ field: 'Tổ chức, cán bộ', deadline: 'Quý II/2023' });
    expect(s.proposals[0]).toMatchObject({ content: 'Bố trí kinh phí cho hoạt động dân vận.', addressee: 'UBND tỉnh' });
    expect(s.models[0]).toMatchObject({ name: 'Tuyến đường hoa', field: 'Văn hóa - xã hội', level: 'Huyện' });
  });

  it('places the blank warning on the value cell', () => {
    const blank = one(result.issues, 'figure.blank');
    expect(blank).toMatchObject({ severity: 'warning', sheet: 'Số liệu', cell: `D${FIGURE_ROW.VD_DAT}` });
    expectMessage(blank, 'VD_DAT');
  });
});

describe('tolerant reading', () => {
  it('finds a header on row 4 below two title rows', () => {
    const b = wb().add(
      sheet('Kết quả', [
        ['BIỂU KẾT QUẢ CÔNG TÁC DÂN VẬN'],
        ['(kèm theo báo cáo quý)'],
        [],
        ['STT', 'Lĩnh vực', 'Nội dung'],
        [1, 'Khác', 'Tham gia ngày hội đại đoàn kết.'],
      ]),
    );
    const r = check(b);
    expect(errors(r.issues)).toEqual([]);
    expect(r.submission!.results).toEqual([{ field: 'Khác', content: 'Tham gia ngày hội đại đoàn kết.', row: 5 }]);
  });

  it('matches info labels typed without diacritics, in other case, with a colon', () => {
    const b = wb().set('Thông tin', 'A2', 'MA DON VI').set('Thông tin', 'A3', 'tên đơn vị:').set('Thông tin', 'A4', 'Ky bao cao').set('Thông tin', 'A5', '  NGÀY   BÁO CÁO * ');
    const r = check(b);
    expect(errors(r.issues)).toEqual([]);
    expect(r.submission!.info).toMatchObject({ unitCode: 'HU_DONGHOA', period: '2023-Q1', reportDate: '2023-04-05' });
  });

  it('matches "mã đơn vị :" and sheet names in other case / NFD', () => {
    const b = wb().set('Thông tin', 'A2', 'mã đơn vị :');
    const built = b.build();
    built.sheets.find((s) => s.name === 'Số liệu')!.name = 'SO LIEU';
    built.sheets.find((s) => s.name === 'Thông tin')!.name = 'Thông tin'.normalize('NFD');
    const r = validateWorkbook(built, FILE, DEFAULT_CATALOGUE);
    expect(errors(r.issues)).toEqual([]);
    expect(r.submission!.info.unitCode).toBe('HU_DONGHOA');
  });

  it('reads the period as a number cell, the date as text or serial, a unit code with spaces', () => {
    const r = check(wb().set('Thông tin', 'B4', 2023).set('Thông tin', 'B5', '05/04/2023').set('Thông tin', 'B2', 'hu donghoa'));
    expect(errors(r.issues)).toEqual([]);
    expect(r.submission!.info).toMatchObject({ period: '2023', reportDate: '2023-04-05', unitCode: 'HU_DONGHOA' });
    const s = check(wb().set('Thông tin', 'B5', 45021));
    expect(s.submission!.info.reportDate).toBe('2023-04-05');
  });

  it('accepts a lower-case indicator code', () => {
    const r = check(wb().set('Số liệu', `A${FIGURE_ROW.TT_BUOI}`, 'tt_buoi'));
    expect(errors(r.issues)).toEqual([]);
    expect(r.submission!.figures.TT_BUOI).toBe(45);
  });
});

describe('figures problems', () => {
  it('text in a number cell', () => {
    const r = check(wb().figure('TT_LUOT', 'khoảng chục'));
    const issue = one(r.issues, 'figure.not-a-number');
    expect(issue).toMatchObject({ severity: 'error', sheet: 'Số liệu', cell: 'D7' });
    expectMessage(issue, 'khoảng chục');
    expect(r.submission).toBeUndefined();
  });

  it('a bad value does not also claim the indicator row is missing', () => {
    const r = check(wb().figure('TT_LUOT', 'khoảng chục'));
    expect(r.issues.filter((i) => i.code === 'figure.row-missing')).toEqual([]);
  });

  it('negative number', () => {
    const r = check(wb().figure('TT_BUOI', -5));
    const issue = one(r.issues, 'figure.negative');
    expect(issue).toMatchObject({ severity: 'error', sheet: 'Số liệu', cell: `D${FIGURE_ROW.TT_BUOI}` });
    expectMessage(issue, '-5');
  });

  it('negative number typed as "(5)"', () => {
    const issue = one(check(wb().figure('TT_BUOI', '(5)')).issues, 'figure.negative');
    expect(issue.cell).toBe(`D${FIGURE_ROW.TT_BUOI}`);
    // Shown back as the number it means, written the Vietnamese way.
    expect(issue.message).toContain('(-5)');
  });

  it('formula error value', () => {
    const r = check(wb().figure('DT_HN', err('#DIV/0!')));
    const issue = one(r.issues, 'figure.formula-error');
    expect(issue).toMatchObject({ severity: 'error', sheet: 'Số liệu', cell: `D${FIGURE_ROW.DT_HN}` });
    expectMessage(issue, '#DIV/0!');
  });

  it('unknown indicator code, on column A', () => {
    const r = check(wb().set('Số liệu', 'A21', 'XX_MOI').set('Số liệu', 'D21', 4));
    const issue = one(r.issues, 'figure.unknown-code');
    expect(issue).toMatchObject({ severity: 'error', sheet: 'Số liệu', cell: 'A21' });
    expectMessage(issue, 'XX_MOI');
  });

  it('duplicate indicator code, on the second row, naming the first', () => {
    const r = check(wb().set('Số liệu', 'A21', 'TT_BUOI').set('Số liệu', 'D21', 9));
    const issue = one(r.issues, 'figure.duplicate-code');
    expect(issue).toMatchObject({ severity: 'error', sheet: 'Số liệu', cell: 'A21' });
    expectMessage(issue, 'TT_BUOI', `A${FIGURE_ROW.TT_BUOI}`);
  });

  it('a value without a code is reported on the code cell', () => {
    const r = check(wb().set('Số liệu', 'D22', 9));
    const issue = one(errors(r.issues), 'value.missing');
    expect(issue).toMatchObject({ sheet: 'Số liệu', cell: 'A22' });
  });

  it('blank indicator is a warning, not an error; empty text is blank too', () => {
    const r = check(wb().figure('TH_LOP', null).figure('DT_HN', ''));
    expect(errors(r.issues)).toEqual([]);
    const blanks = r.issues.filter((i) => i.code === 'figure.blank').map((i) => i.cell);
    expect(blanks).toEqual([`D${FIGURE_ROW.TH_LOP}`, `D${FIGURE_ROW.DT_HN}`, `D${FIGURE_ROW.VD_DAT}`]);
    expect(r.submission!.figures.TH_LOP).toBeNull();
    expect(r.submission!.figures.DT_HN).toBeNull();
  });

  it('missing indicator row is a warning without a cell', () => {
    const r = check(wb().clearRow('Số liệu', FIGURE_ROW.KT_CANHAN!));
    const issue = one(r.issues, 'figure.row-missing');
    expect(issue).toMatchObject({ severity: 'warning', sheet: 'Số liệu', cell: null });
    expectMessage(issue, 'KT_CANHAN');
    expect(r.submission!.figures.KT_CANHAN).toBeNull();
  });

  it('KN_GQ > KN_TIEP is a warning on the KN_GQ cell', () => {
    const r = check(wb().figure('KN_TIEP', 10).figure('KN_GQ', 12));
    const issue = one(r.issues, 'figure.resolved-exceeds-received');
    expect(issue).toMatchObject({ severity: 'warning', sheet: 'Số liệu', cell: `D${FIGURE_ROW.KN_GQ}` });
    expectMessage(issue, '12', '10');
    expect(r.submission).toBeDefined();
  });

  it('the KN_TL cell is ignored, even an error there', () => {
    const r = check(wb().figure('KN_TL', err('#DIV/0!')));
    expect(errors(r.issues)).toEqual([]);
  });
});

describe('Thông tin problems', () => {
  it('missing required value → error on Thông tin!B<row>', () => {
    const r = check(wb().set('Thông tin', 'B3', null));
    const issue = one(r.issues, 'info.missing');
    expect(issue).toMatchObject({ severity: 'error', sheet: 'Thông tin', cell: 'B3' });
    expectMessage(issue, 'Tên đơn vị');
    expect(r.submission).toBeUndefined();
    expect(r.unit).toBe('HU_DONGHOA');
  });

  it('missing label → error without a cell', () => {
    const r = check(wb().clearRow('Thông tin', 2));
    const issue = one(r.issues, 'info.label-missing');
    expect(issue).toMatchObject({ severity: 'error', sheet: 'Thông tin', cell: null });
    expectMessage(issue, 'Mã đơn vị');
    expect(r.unit).toBeNull();
  });

  it('unparseable period', () => {
    const r = check(wb().set('Thông tin', 'B4', 'Quý 5/2023'));
    const issue = one(r.issues, 'info.period-invalid');
    expect(issue).toMatchObject({ severity: 'error', sheet: 'Thông tin', cell: 'B4' });
    expectMessage(issue, 'Quý 5/2023');
    expect(r.period).toBeNull();
    expect(r.unit).toBe('HU_DONGHOA');
  });

  it('impossible date 31/02/2023', () => {
    const r = check(wb().set('Thông tin', 'B5', '31/02/2023'));
    const issue = one(r.issues, 'info.date-impossible');
    expect(issue).toMatchObject({ severity: 'error', sheet: 'Thông tin', cell: 'B5' });
    expectMessage(issue, '31/02/2023');
    expect(r.period).toBe('2023-Q1');
  });

  it('unreadable and out-of-range dates', () => {
    expect(one(check(wb().set('Thông tin', 'B5', 'hôm qua')).issues, 'info.date-unreadable').message).toContain('hôm qua');
    expect(one(check(wb().set('Thông tin', 'B5', '05/04/1990')).issues, 'info.date-out-of-range').cell).toBe('B5');
  });
});

describe('sheet and header problems', () => {
  it('missing "Số liệu" is an error', () => {
    const r = check(wb().remove('Số liệu'));
    const issue = one(r.issues, 'sheet.missing');
    expect(issue).toMatchObject({ severity: 'error', sheet: 'Số liệu', cell: null });
    expectMessage(issue, 'Số liệu');
    expect(r.submission).toBeUndefined();
  });

  it('missing "Thông tin" is an error', () => {
    const issue = one(check(wb().remove('Thông tin')).issues, 'sheet.missing');
    expect(issue).toMatchObject({ severity: 'error', sheet: 'Thông tin', cell: null });
  });

  it('missing "Kiến nghị" is only a warning', () => {
    const r = check(wb().remove('Kiến nghị'));
    const issue = one(r.issues, 'sheet.missing-optional');
    expect(issue).toMatchObject({ severity: 'warning', sheet: 'Kiến nghị', cell: null });
    expectMessage(issue, 'Kiến nghị');
    expect(errors(r.issues)).toEqual([]);
    expect(r.submission!.proposals).toEqual([]);
  });

  it('missing header', () => {
    const r = check(wb().add(sheet('Kết quả', [['KẾT QUẢ'], [1, 'Khác', 'Một nội dung.']])));
    const issue = one(r.issues, 'header.missing');
    expect(issue).toMatchObject({ severity: 'error', sheet: 'Kết quả', cell: null });
    expectMessage(issue, 'Nội dung');
  });

  it('missing required column of a table sheet', () => {
    const r = check(wb().add(sheet('Kết quả', [['STT', 'Lĩnh vực', 'Mô tả'], [1, 'Khác', 'x']])));
    const issue = one(r.issues, 'header.column-missing');
    expect(issue).toMatchObject({ severity: 'error', sheet: 'Kết quả', cell: null });
    expectMessage(issue, 'Nội dung');
  });

  it('missing "Kỳ này" column of Số liệu', () => {
    const r = check(wb().set('Số liệu', 'D2', 'Số lượng'));
    const issue = one(r.issues, 'header.column-missing');
    expect(issue).toMatchObject({ severity: 'error', sheet: 'Số liệu' });
    expectMessage(issue, 'Kỳ này');
  });

  it('header "Kỳ này (*)" with a note still names its column', () => {
    const r = check(wb().set('Số liệu', 'D2', 'Kỳ này (*)'));
    expect(errors(r.issues)).toEqual([]);
  });

  it('a workbook with neither Thông tin nor Số liệu: one error', () => {
    const r = validateWorkbook({ sheets: [sheet('Sheet1', [['Họ tên', 'Tuổi']])] }, FILE, DEFAULT_CATALOGUE);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'workbook.not-a-submission', severity: 'error', sheet: null, cell: null });
    expectMessage(r.issues[0]!, 'Sheet1');
    expect(r.submission).toBeUndefined();
    expect(r.unit).toBeNull();
  });
});

describe('table row problems', () => {
  it('unknown Lĩnh vực → Kết quả!B<row>', () => {
    const r = check(wb().set('Kết quả', 'B4', 'Thể thao'));
    const issue = one(r.issues, 'row.field-unknown');
    expect(issue).toMatchObject({ severity: 'error', sheet: 'Kết quả', cell: 'B4' });
    expectMessage(issue, 'Thể thao');
  });

  it('unknown Cấp công nhận → Mô hình!D<row>', () => {
    const r = check(wb().set('Mô hình', 'D3', 'Xã'));
    const issue = one(r.issues, 'row.level-unknown');
    expect(issue).toMatchObject({ severity: 'error', sheet: 'Mô hình', cell: 'D3' });
    expectMessage(issue, 'Xã');
  });

  it('unknown model field → Mô hình!C<row>', () => {
    const issue = one(check(wb().set('Mô hình', 'C3', 'Giáo dục')).issues, 'row.model-field-unknown');
    expect(issue).toMatchObject({ severity: 'error', sheet: 'Mô hình', cell: 'C3' });
  });

  it('row with a field but no content → content cell', () => {
    const r = check(wb().set('Hạn chế', 'C3', null));
    const issue = one(r.issues, 'row.content-missing');
    expect(issue).toMatchObject({ severity: 'error', sheet: 'Hạn chế', cell: 'C3' });
    expectMessage(issue, 'Hạn chế');
  });

  it('row with content but no field → field cell', () => {
    const r = check(wb().set('Nhiệm vụ', 'B3', null));
    const e = errors(r.issues);
    expect(e).toHaveLength(1);
    expect(e[0]!.code).toMatch(/^row\.field/);
    expect(e[0]).toMatchObject({ sheet: 'Nhiệm vụ', cell: 'B3' });
  });

  it('empty section is a warning', () => {
    const r = check(wb().add(sheet('Hạn chế', [['HẠN CHẾ'], ['STT', 'Lĩnh vực', 'Hạn chế', 'Nguyên nhân'], [1], [2]])));
    const issue = one(r.issues, 'section.empty');
    expect(issue).toMatchObject({ severity: 'warning', sheet: 'Hạn chế', cell: null });
    expectMessage(issue, 'Hạn chế');
    expect(errors(r.issues)).toEqual([]);
    expect(r.submission!.limitations).toEqual([]);
  });
});

describe('collecting every problem', () => {
  it('three different mistakes give three errors', () => {
    const r = check(
      wb()
        .figure('TT_BUOI', 'nhiều')
        .set('Thông tin', 'B5', '31/02/2023')
        .set('Kết quả', 'B3', 'Thể thao'),
    );
    const e = errors(r.issues);
    expect(e.map((i) => `${i.code}@${i.sheet}!${i.cell}`).sort()).toEqual(
      [
        `figure.not-a-number@Số liệu!D${FIGURE_ROW.TT_BUOI}`,
        'info.date-impossible@Thông tin!B5',
        'row.field-unknown@Kết quả!B3',
      ].sort(),
    );
    expect(r.submission).toBeUndefined();
    // What could be read is still reported.
    expect(r.unit).toBe('HU_DONGHOA');
    expect(r.period).toBe('2023-Q1');
  });

  it('two bad figures in one sheet give two errors', () => {
    const r = check(wb().figure('TT_BUOI', 'a').figure('TH_LOP', -1));
    expect(errors(r.issues).map((i) => i.cell)).toEqual([`D${FIGURE_ROW.TT_BUOI}`, `D${FIGURE_ROW.TH_LOP}`]);
  });
});


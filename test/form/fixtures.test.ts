/** The committed fixtures hold what fixtures/README.md says, at the cells it names. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { loadWorkbook, sheetOf } from './helpers.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures');
const read = (...parts: string[]) => readFileSync(join(DIR, ...parts));
const book = (...parts: string[]) => loadWorkbook(read(...parts));
const value = (wb: ExcelJS.Workbook, sheet: string, cell: string) => sheetOf(wb, sheet).getCell(cell).value;

describe('fixtures/quy-1-2023', () => {
  it('has 15 workbooks, one per unit, all Quý I/2023', async () => {
    const files = readdirSync(join(DIR, 'quy-1-2023'));
    expect(files).toHaveLength(15);
    const codes = new Set<string>();
    for (const file of files) {
      const wb = await book('quy-1-2023', file);
      const info = wb.worksheets.find((s) => s.name.toLowerCase() === 'thông tin')!;
      const rows = info.getSheetValues().filter(Boolean) as unknown[][];
      const code = rows.find((r) => typeof r[1] === 'string' && /m(ã|a) (đ|d)(ơ|o)n v(ị|i)/i.test(r[1] as string))?.[2];
      codes.add(String(code));
      const period = rows.find((r) => typeof r[1] === 'string' && /k(ỳ|y) b(á|a)o c(á|a)o/i.test(r[1] as string))?.[2];
      expect(String(period)).toMatch(/^Quý I(\/| năm )2023$/);
    }
    expect(codes.size).toBe(15);
  });

  it('keeps the documented peculiarities', async () => {
    const phucLam = await book('quy-1-2023', 'BC quy I-2023 BDV Phuc Lam.xlsx');
    expect(value(phucLam, 'Thông tin', 'A2')).toBe('mã đơn vị ');
    expect(value(phucLam, 'Thông tin', 'B5')).toBe(45016);
    expect(value(phucLam, 'Số liệu', 'D12')).toEqual({ formula: '38+6', result: 44 });
    expect(value(phucLam, 'Kết quả', 'C3')).toHaveProperty('richText');

    const congAn = await book('quy-1-2023', 'Báo cáo dân vận Q1.2023 - Công an tỉnh.xlsx');
    expect(congAn.worksheets.map((s) => s.name)).toEqual(['Thông tin', 'Số liệu', 'Mô hình', 'Kết quả', 'Hạn chế', 'Nhiệm vụ', 'Kiến nghị']);
    expect(value(congAn, 'Số liệu', 'A1')).toBe('Mã chỉ tiêu');
    expect(value(congAn, 'Số liệu', 'D6')).toBe('11.200');
    expect(value(congAn, 'Số liệu', 'D14')).toBe('95,5');
    expect(value(congAn, 'Thông tin', 'B4')).toBe('31/03/2023');

    const quanSu = await book('quy-1-2023', 'BCHQS_Q1_2023.xlsx');
    expect(quanSu.worksheets[0]!.name).toBe('Số liệu');
    expect(value(quanSu, 'Số liệu', 'D14')).toBe('1.250,5');
    expect(value(quanSu, 'Thông tin', 'B5')).toBe('30/03/2023');

    const nongDan = await book('quy-1-2023', 'Bao cao quy 1 - Hoi Nong dan.xlsx');
    expect(value(nongDan, 'Thông tin', 'A3')).toBe('MA DON VI');
    expect(value(nongDan, 'Kết quả', 'C3')).toBe('Nội dung');
    expect(value(nongDan, 'Số liệu', 'F3')).toBe('Cùng kỳ năm 2022');

    const doan = await book('quy-1-2023', 'BC DV Q1-2023 Tinh doan.xlsx');
    expect(value(doan, 'THÔNG TIN', 'A6')).toBe('Người lập'.normalize('NFD'));
    expect(doan.worksheets.at(-1)!.name).toBe('Sheet1');
  });
});

describe('fixtures/hon-hop', () => {
  it('holds the invalid cells, the lock file and the two HCCB versions', async () => {
    expect(value(await book('hon-hop', 'HU_TANLAC.xlsx'), 'Số liệu', 'D7')).toBe('hơn 6 nghìn');
    expect(value(await book('hon-hop', 'HLHPN.xlsx'), 'Số liệu', 'D15')).toBe(-420.5);
    expect(value(await book('hon-hop', 'TINHDOAN.xlsx'), 'Thông tin', 'B4')).toBe('Quý II/2023');
    const lock = read('hon-hop', '~$HU_DONGHOA.xlsx');
    expect(lock.length).toBe(165);
    expect(lock[0]).toBe('Nguyen Thi Thanh Huong'.length);
    const first = await book('hon-hop', 'HCCB.xlsx');
    const second = await book('hon-hop', 'HCCB (ban sua 03-4).xlsx');
    expect(value(first, 'Thông tin', 'B2')).toBe('HCCB');
    expect(value(second, 'Thông tin', 'B2')).toBe('HCCB');
    expect(value(first, 'Thông tin', 'B5')).toEqual(new Date(Date.UTC(2023, 2, 29)));
    expect(value(second, 'Thông tin', 'B5')).toEqual(new Date(Date.UTC(2023, 3, 3)));
    expect(value(second, 'Số liệu', 'D16')).toBe(1650);
  });
});

describe('fixtures/loi', () => {
  it('has each problem at the documented cell', async () => {
    const at = async (file: string, sheet: string, cell: string) => value(await book('loi', file), sheet, cell);
    expect(await at('thieu-ma-don-vi.xlsx', 'Thông tin', 'B2')).toBeNull();
    expect(await at('thieu-ma-don-vi.xlsx', 'Thông tin', 'A2')).toBe('Mã đơn vị');
    expect(await at('chu-trong-o-so.xlsx', 'Số liệu', 'D6')).toBe('khoảng chục buổi');
    expect(await at('so-am.xlsx', 'Số liệu', 'D8')).toBe(-2);
    expect(await at('ma-chi-tieu-la.xlsx', 'Số liệu', 'A21')).toBe('TT_XYZ');
    expect(await at('linh-vuc-la.xlsx', 'Kết quả', 'B3')).toBe('Văn nghệ');
    expect(await at('ky-bao-cao-sai.xlsx', 'Thông tin', 'B4')).toBe('Quý 5/2023');
    expect(await at('ngay-khong-ton-tai.xlsx', 'Thông tin', 'B5')).toBe('31/02/2023');
    expect(await at('khac-ky.xlsx', 'Thông tin', 'B4')).toBe('Quý II/2023');
    expect(await at('dieu-chinh-kn.xlsx', 'Số liệu', 'D11')).toBe(20);
    expect(await at('dieu-chinh-kn.xlsx', 'Số liệu', 'D12')).toBe(25);
    const noHeader = await book('loi', 'thieu-tieu-de.xlsx');
    expect(['A2', 'B2', 'C2', 'D2', 'E2'].map((c) => value(noHeader, 'Số liệu', c))).toEqual([null, null, null, null, null]);
    expect((await book('loi', 'thieu-sheet-so-lieu.xlsx')).getWorksheet('Số liệu')).toBeUndefined();
    expect((await book('loi', 'workbook-rong.xlsx')).worksheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('has the files that are not workbooks', () => {
    const ole = Buffer.from('d0cf11e0a1b11ae1', 'hex');
    const encrypted = read('loi', 'co-mat-khau.xlsx');
    expect(encrypted.subarray(0, 8).equals(ole)).toBe(true);
    expect(encrypted.includes(Buffer.from('EncryptionInfo', 'utf16le'))).toBe(true);
    expect(read('loi', 'dinh-dang-cu.xls').subarray(0, 8).equals(ole)).toBe(true);
    expect(read('loi', 'zip-cut.xlsx').includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]))).toBe(false);
    const docx = read('loi', 'zip-khong-phai-workbook.xlsx');
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(docx.includes(Buffer.from('word/document.xml'))).toBe(true);
    expect(docx.includes(Buffer.from('xl/workbook.xml'))).toBe(false);
    expect(read('loi', 'khong-phai-workbook.xlsx').toString('utf8')).toMatch(/^BÁO CÁO/);
  });
});

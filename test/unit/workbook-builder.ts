/** Hand-made RawWorkbooks in the shape of the submission form (SPEC §3), to break one thing at a time. */
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import type { CellValue, RawCell, RawSheet, RawWorkbook } from '../../src/readers/types.js';
import { cellRef, parseRef } from '../../src/readers/types.js';

/** A value as a test writes it: text, number, or an explicit CellValue; null/undefined = empty cell. */
export type In = string | number | CellValue | null | undefined;

export const date = (serial: number): CellValue => ({ kind: 'date', serial });
export const err = (text: string): CellValue => ({ kind: 'error', text });

function toValue(v: In): CellValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return { kind: 'text', text: v };
  if (typeof v === 'number') return { kind: 'number', number: v };
  return v;
}

/** Rows of cells starting at `firstRow`, column A first. */
export function sheet(name: string, rows: In[][], firstRow = 1): RawSheet {
  const cells: RawCell[] = [];
  rows.forEach((values, i) => {
    values.forEach((v, j) => {
      const value = toValue(v);
      if (value) cells.push({ ref: cellRef(firstRow + i, j + 1), row: firstRow + i, col: j + 1, value });
    });
  });
  return { name, cells };
}

/** The row of each catalogue indicator in the valid "Số liệu" sheet (title row 1, header row 2, data from 3). */
export const FIGURE_ROW: Record<string, number> = Object.fromEntries(DEFAULT_CATALOGUE.map((ind, i) => [ind.code, 3 + i]));

/** Values of the valid workbook; KN_GQ ≤ KN_TIEP, VD_DAT blank, KT_TAPTHE 0. */
export const FIGURE_VALUES: Record<string, In> = {
  DVK_MH_MOI: 3,
  DVK_MH_CN: 2,
  DVK_DH: 1,
  TT_BUOI: 45,
  TT_LUOT: '1.234',
  TH_LOP: 2,
  TH_LUOT: 150,
  DT_HN: 4,
  KN_TIEP: 20,
  KN_GQ: 18,
  KN_TL: 90,
  KTGS_CUOC: 5,
  VD_TIEN: '1.250,5',
  VD_NGAYCONG: 300,
  VD_DAT: null,
  VD_NHA: 7,
  KT_TAPTHE: 0,
  KT_CANHAN: 12,
};

export class Builder {
  readonly sheets = new Map<string, RawSheet>();

  constructor() {
    this.add(
      sheet('Thông tin', [
        ['THÔNG TIN ĐƠN VỊ BÁO CÁO'],
        ['Mã đơn vị', 'hu_donghoa', '*'],
        ['Tên đơn vị', 'Ban Dân vận Huyện ủy Đông Hòa', '*'],
        ['Kỳ báo cáo', 'Quý I/2023', '*'],
        ['Ngày báo cáo', date(45021), '*'],
        ['Người lập', 'Nguyễn Thị Bình'],
        ['Điện thoại', '0257 3841 234'],
        ['Email', 'bdv@donghoa.vn'],
        ['Thủ trưởng đơn vị', 'Trần Văn Cường'],
      ]),
    );
    this.add(
      sheet('Số liệu', [
        ['SỐ LIỆU CHỦ YẾU'],
        ['Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Kỳ này', 'Ghi chú'],
        ...DEFAULT_CATALOGUE.map((ind) => [ind.code, ind.name, ind.unit, FIGURE_VALUES[ind.code]]),
      ]),
    );
    this.add(
      sheet('Kết quả', [
        ['KẾT QUẢ'],
        ['STT', 'Lĩnh vực', 'Nội dung'],
        [1, 'lanh dao, chi dao', 'Tổ chức hội nghị quán triệt Kết luận 43-KL/TW.'],
        [2, 'Dân vận khéo', 'Đăng ký 3 mô hình "Dân vận khéo" mới.'],
        [3],
      ]),
    );
    this.add(
      sheet('Hạn chế', [
        ['HẠN CHẾ'],
        ['STT', 'Lĩnh vực', 'Hạn chế', 'Nguyên nhân'],
        [1, 'Dân chủ ở cơ sở', 'Việc thực hiện dân chủ ở một số nơi còn hình thức.', 'Nhận thức chưa đầy đủ'],
      ]),
    );
    this.add(
      sheet('Nhiệm vụ', [
        ['NHIỆM VỤ'],
        ['STT', 'Lĩnh vực', 'Nhiệm vụ', 'Thời hạn'],
        [1, 'Tổ chức, cán bộ', 'Tập huấn nghiệp vụ dân vận cho cán bộ cơ sở.', 'Quý II/2023'],
      ]),
    );
    this.add(
      sheet('Kiến nghị', [
        ['KIẾN NGHỊ'],
        ['STT', 'Nội dung kiến nghị', 'Cơ quan nhận'],
        [1, 'Bố trí kinh phí cho hoạt động dân vận.', 'UBND tỉnh'],
      ]),
    );
    this.add(
      sheet('Mô hình', [
        ['MÔ HÌNH "DÂN VẬN KHÉO"'],
        ['STT', 'Tên mô hình', 'Lĩnh vực', 'Cấp công nhận', 'Ghi chú'],
        [1, 'Tuyến đường hoa', 'van hoa - xa hoi', 'huyện'],
      ]),
    );
  }

  add(s: RawSheet): this {
    this.sheets.set(s.name, s);
    return this;
  }

  remove(name: string): this {
    this.sheets.delete(name);
    return this;
  }

  /** Sets (or, with null, clears) one cell of a sheet. */
  set(name: string, ref: string, value: In): this {
    const s = this.sheets.get(name)!;
    const { row, col } = parseRef(ref)!;
    s.cells = s.cells.filter((c) => !(c.row === row && c.col === col));
    const v = toValue(value);
    if (v) s.cells.push({ ref, row, col, value: v });
    s.cells.sort((a, b) => a.row - b.row || a.col - b.col);
    return this;
  }

  /** Removes every cell of a row. */
  clearRow(name: string, row: number): this {
    const s = this.sheets.get(name)!;
    s.cells = s.cells.filter((c) => c.row !== row);
    return this;
  }

  /** Sets the "Kỳ này" value of an indicator. */
  figure(code: string, value: In): this {
    return this.set('Số liệu', `D${FIGURE_ROW[code]}`, value);
  }

  build(): RawWorkbook {
    return { sheets: [...this.sheets.values()].map((s) => ({ name: s.name, cells: s.cells.map((c) => ({ ...c })) })) };
  }
}

export const wb = () => new Builder();

export function isVietnamese(text: string): boolean {
  return /[ăâđêôơưàáạảãèéẹẻẽìíịỉĩòóọỏõùúụủũỳýỵỷỹ]/i.test(text);
}

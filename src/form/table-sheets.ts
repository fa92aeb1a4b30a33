/** The five list sheets ("Kết quả", "Hạn chế", "Nhiệm vụ", "Kiến nghị", "Mô hình"): one item per row, closed fields as dropdowns. */
import type ExcelJS from 'exceljs';
import { SHEET, formColumns } from '../domain/form-layout.js';
import { listRange, type ListKey } from './lists-sheet.js';
import { FIRST_DATA_ROW, VALIDATION_LAST_ROW, addHeader, addValidation, addTitle, setPrint } from './sheet-frame.js';
import { CENTER_TOP, WRAP_TOP, styleInputCell, wrappedRowHeight } from './styles.js';
import type { FormContent } from './types.js';

type ListSheetKey = 'results' | 'limitations' | 'tasks' | 'proposals' | 'models';
type Row = Record<string, string | undefined>;

interface TableSpec {
  title: string;
  /** Column widths by column key, in characters. */
  widths: Record<string, number>;
  /** Columns whose value must come from a closed list, with the list they use. */
  lists: Record<string, { list: ListKey; name: string }>;
  tabColor: string;
}

export const TABLE_SPECS: Record<ListSheetKey, TableSpec> = {
  results: {
    title: 'KẾT QUẢ NỔI BẬT TRONG KỲ',
    widths: { no: 6, field: 26, content: 100, origin: 40 },
    lists: { field: { list: 'fields', name: 'Lĩnh vực' } },
    tabColor: 'FF2E75B6',
  },
  limitations: {
    title: 'HẠN CHẾ, KHÓ KHĂN VÀ NGUYÊN NHÂN',
    widths: { no: 6, field: 26, content: 62, cause: 52, origin: 40 },
    lists: { field: { list: 'fields', name: 'Lĩnh vực' } },
    tabColor: 'FFC55A11',
  },
  tasks: {
    title: 'NHIỆM VỤ TRỌNG TÂM KỲ TỚI',
    widths: { no: 6, field: 26, content: 90, deadline: 20, origin: 40 },
    lists: { field: { list: 'fields', name: 'Lĩnh vực' } },
    tabColor: 'FF7030A0',
  },
  proposals: {
    title: 'KIẾN NGHỊ, ĐỀ XUẤT',
    widths: { no: 6, content: 100, addressee: 36, origin: 40 },
    lists: {},
    tabColor: 'FFBF9000',
  },
  models: {
    title: 'MÔ HÌNH "DÂN VẬN KHÉO"',
    widths: { no: 6, name: 60, field: 28, level: 18, note: 46, origin: 40 },
    lists: {
      field: { list: 'modelFields', name: 'Lĩnh vực' },
      level: { list: 'levels', name: 'Cấp công nhận' },
    },
    tabColor: 'FF00B050',
  },
};

/** Input help for each closed column: Excel allows 255 characters, titles 32. */
const LIST_HELP: Record<ListKey, { prompt: string; error: string }> = {
  fields: {
    prompt: 'Chọn lĩnh vực trong danh sách thả xuống (bấm mũi tên bên phải ô).',
    error: 'Lĩnh vực phải chọn đúng một mục trong danh sách thả xuống; xem sheet "Hướng dẫn".',
  },
  modelFields: {
    prompt: 'Chọn: Kinh tế; Văn hóa - xã hội; Quốc phòng - an ninh; Xây dựng hệ thống chính trị.',
    error: 'Lĩnh vực của mô hình phải chọn đúng một mục trong danh sách thả xuống.',
  },
  levels: {
    prompt: 'Chọn: Đăng ký; Cơ sở; Huyện; Tỉnh; Trung ương.',
    error: 'Cấp công nhận phải chọn đúng một mục trong danh sách thả xuống.',
  },
};

function rowsOf(key: ListSheetKey, content: FormContent): Row[] {
  return (content[key] ?? []) as Row[];
}

export function addTableSheet(
  workbook: ExcelJS.Workbook,
  key: ListSheetKey,
  content: FormContent,
  blankRows: number,
): ExcelJS.Worksheet {
  const spec = TABLE_SPECS[key];
  const items = rowsOf(key, content);
  // An aggregate written back as a form (--xlsx) says which units each row came from.
  const columns = formColumns(key, items.some((item) => item.origin));
  const sheet = workbook.addWorksheet(SHEET[key], { properties: { tabColor: { argb: spec.tabColor } } });
  addTitle(sheet, spec.title, columns.length);
  addHeader(
    sheet,
    columns.map((column) => ({ label: column.label, width: spec.widths[column.key] ?? 20 })),
  );

  const lastFormatted = FIRST_DATA_ROW + items.length + blankRows - 1;
  for (let rowNumber = FIRST_DATA_ROW; rowNumber <= lastFormatted; rowNumber++) {
    const item = items[rowNumber - FIRST_DATA_ROW];
    const row = sheet.getRow(rowNumber);
    columns.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      const centred = column.key === 'no' || column.key in spec.lists || column.key === 'deadline';
      styleInputCell(cell, centred ? CENTER_TOP : WRAP_TOP);
      if (!item) return;
      // STT is numbered for the rows we fill; blank rows are left for the unit.
      const value = column.key === 'no' ? rowNumber - FIRST_DATA_ROW + 1 : item[column.key];
      if (value !== undefined && value !== '') cell.value = value;
    });
    if (item) {
      row.height = wrappedRowHeight(
        columns.map((column) => ({ text: String(item[column.key] ?? ''), width: spec.widths[column.key] ?? 20 })),
      );
    }
  }

  const lastValidated = Math.max(VALIDATION_LAST_ROW, lastFormatted);
  columns.forEach((column, index) => {
    const closed = spec.lists[column.key];
    if (!closed) return;
    const letter = sheet.getColumn(index + 1).letter;
    const help = LIST_HELP[closed.list];
    addValidation(sheet, `${letter}${FIRST_DATA_ROW}:${letter}${lastValidated}`, {
      type: 'list',
      allowBlank: true,
      formulae: [listRange(closed.list)],
      showInputMessage: true,
      promptTitle: closed.name,
      prompt: help.prompt,
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: `${closed.name} không hợp lệ`,
      error: help.error,
    });
  });

  setPrint(sheet, 'landscape');
  return sheet;
}

export const LIST_SHEET_KEYS: readonly ListSheetKey[] = ['results', 'limitations', 'tasks', 'proposals', 'models'];

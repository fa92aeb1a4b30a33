/** The hidden "DanhMuc" sheet holding the closed lists that every dropdown of the form refers to. */
import type ExcelJS from 'exceljs';
import { FIELDS, MODEL_FIELDS, RECOGNITION_LEVELS } from '../domain/fields.js';
import { BASE_FONT, BOLD_FONT } from './styles.js';

/** ASCII name, so that references need no quoting and survive every spreadsheet program. */
export const LISTS_SHEET = 'DanhMuc';

interface ClosedList {
  column: string;
  title: string;
  items: readonly string[];
}

const LISTS = {
  fields: { column: 'A', title: 'Lĩnh vực', items: FIELDS },
  modelFields: { column: 'B', title: 'Lĩnh vực mô hình', items: MODEL_FIELDS },
  levels: { column: 'C', title: 'Cấp công nhận', items: RECOGNITION_LEVELS },
} as const satisfies Record<string, ClosedList>;

export type ListKey = keyof typeof LISTS;

/**
 * The absolute range of a list, e.g. `DanhMuc!$A$2:$A$11`. Entries such as "Lãnh đạo, chỉ đạo" contain
 * commas, so an inline list ("a,b,c") would split them: dropdowns must point at these cells.
 */
export function listRange(key: ListKey): string {
  const list = LISTS[key];
  return `${LISTS_SHEET}!$${list.column}$2:$${list.column}$${list.items.length + 1}`;
}

/** The periods of one year, in the order they fall due: the "Kỳ báo cáo" dropdown of a form made for that year. */
export const PERIODS_LIST: Omit<ClosedList, 'items'> = { column: 'D', title: 'Kỳ báo cáo' };

export function periodsRange(count: number): string {
  return `${LISTS_SHEET}!$${PERIODS_LIST.column}$2:$${PERIODS_LIST.column}$${count + 1}`;
}

export function addListsSheet(workbook: ExcelJS.Workbook, periods: readonly string[] = []): ExcelJS.Worksheet {
  // 'hidden' rather than 'veryHidden': LibreOffice keeps it as is, and a curious user can still look.
  const sheet = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const lists: ClosedList[] = [...(Object.values(LISTS) as ClosedList[]), ...(periods.length ? [{ ...PERIODS_LIST, items: periods }] : [])];
  for (const list of lists) {
    const column = sheet.getColumn(list.column);
    column.width = 32;
    const head = sheet.getCell(`${list.column}1`);
    head.value = list.title;
    head.font = BOLD_FONT;
    list.items.forEach((item, index) => {
      const cell = sheet.getCell(`${list.column}${index + 2}`);
      cell.value = item;
      cell.font = BASE_FONT;
    });
  }
  return sheet;
}

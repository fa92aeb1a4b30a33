/** The "Thông tin" sheet: who reports, for which period, on what date; labels in A, values in B. */
import type ExcelJS from 'exceljs';
import { INFO_LABEL, REQUIRED_INFO, SHEET, type InfoKey } from '../domain/form-layout.js';
import { BASE_FONT, BOLD_FONT, BORDER, HINT_FONT, LOCKED_FILL, REQUIRED_FONT, WRAP_TOP, styleInputCell, styleLockedCell } from './styles.js';
import { periodEndDate, periodLabel, periodsOfYear } from '../domain/period.js';
import { periodsRange } from './lists-sheet.js';
import { addTitle, addValidation, setPrint } from './sheet-frame.js';
import type { FormContent, FormExamples } from './types.js';

/** Row of each label: the title sits in row 1, then the labels in the order of INFO_LABEL. */
export const INFO_ROW: Record<InfoKey, number> = Object.fromEntries(
  (Object.keys(INFO_LABEL) as InfoKey[]).map((key, index) => [key, index + 2]),
) as Record<InfoKey, number>;

/** The hints beside each value and the input messages, with the form's own unit and period as examples. */
function texts(examples: FormExamples): { hint: Record<InfoKey, string>; prompt: Partial<Record<InfoKey, { title: string; text: string }>> } {
  const periods = examples.period ? periodsOfYear(examples.period.year).map(periodLabel) : null;
  const periodExample = examples.period ? periodLabel(examples.period) : 'Quý I/20xx';
  const dateExample = examples.period ? periodEndDate(examples.period) : '28/03/20xx';
  return {
    hint: {
      unitCode: `Mã do Ban Dân vận cấp, ví dụ: ${examples.unitCode}. Giữ nguyên mã ở mọi kỳ.`,
      unitName: `Tên đầy đủ, ví dụ: ${examples.unitName}`,
      period: periods ? `Chọn trong danh sách, ví dụ: ${periodExample}` : 'Ví dụ: Quý I/20xx, 6 tháng/20xx, 9 tháng/20xx, Năm 20xx (20xx là năm báo cáo)',
      reportDate: `Ngày/tháng/năm, ví dụ: ${dateExample}`,
      preparedBy: 'Họ và tên chuyên viên lập báo cáo',
      phone: 'Số điện thoại để liên hệ khi cần làm rõ',
      email: 'Địa chỉ thư điện tử của người lập',
      head: 'Họ và tên, chức vụ người duyệt báo cáo',
    },
    // Excel shows at most 255 characters of an input message and 32 of its title: keep them short.
    prompt: {
      unitCode: { title: 'Mã đơn vị', text: `Mã do Ban Dân vận cấp (ví dụ ${examples.unitCode}). Ghi đúng mã, giữ nguyên ở mọi kỳ báo cáo.` },
      period: {
        title: 'Kỳ báo cáo',
        text: periods
          ? `Chọn kỳ trong danh sách: ${periods.join(', ')}.`
          : 'Ghi một trong các dạng: Quý I/20xx … Quý IV/20xx, 6 tháng/20xx, 9 tháng/20xx, Năm 20xx (20xx là năm báo cáo).',
      },
    },
  };
}

export const REPORT_DATE_MIN = new Date(Date.UTC(2000, 0, 1));
export const REPORT_DATE_MAX = new Date(Date.UTC(2100, 11, 31));

export async function addInfoSheet(workbook: ExcelJS.Workbook, info: FormContent['info'] = {}, examples: FormExamples): Promise<ExcelJS.Worksheet> {
  const { hint: HINT, prompt: PROMPT } = texts(examples);
  const sheet = workbook.addWorksheet(SHEET.info, { properties: { tabColor: { argb: 'FF2F5597' } } });
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 46;
  sheet.getColumn(3).width = 62;
  addTitle(sheet, 'THÔNG TIN ĐƠN VỊ BÁO CÁO', 3);

  for (const key of Object.keys(INFO_LABEL) as InfoKey[]) {
    const row = sheet.getRow(INFO_ROW[key]);
    row.height = 22;
    const required = REQUIRED_INFO.includes(key);

    // Column A holds the exact label the reader looks for; the "*" marking lives in column C.
    const label = row.getCell(1);
    label.value = INFO_LABEL[key];
    label.font = required ? BOLD_FONT : BASE_FONT;
    label.fill = LOCKED_FILL;
    label.border = BORDER;
    label.alignment = { vertical: 'middle' };

    const value = row.getCell(2);
    styleInputCell(value, { vertical: 'middle', wrapText: true });
    // Codes and phone numbers stay text: "0912…" must keep its leading zero.
    if (key !== 'reportDate') value.numFmt = '@';

    const hint = row.getCell(3);
    hint.value = required
      ? { richText: [{ text: '* Bắt buộc. ', font: REQUIRED_FONT }, { text: HINT[key], font: HINT_FONT }] }
      : HINT[key];
    if (!required) hint.font = HINT_FONT;
    hint.alignment = { ...WRAP_TOP, vertical: 'middle' };

    const prompt = PROMPT[key];
    if (key === 'period' && examples.period) {
      // The periods of the form's year as a dropdown; another spelling is still accepted after a warning.
      addValidation(sheet, value.address, {
        type: 'list',
        allowBlank: true,
        formulae: [periodsRange(periodsOfYear(examples.period.year).length)],
        showInputMessage: true,
        promptTitle: prompt!.title,
        prompt: prompt!.text,
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: 'Kỳ báo cáo',
        error: 'Kỳ này không có trong danh sách của năm. Nếu đúng là kỳ cần báo cáo, bấm Yes để giữ.',
      });
    } else if (prompt) {
      // Free text with a hint rather than a list: danvan reads every spelling of §3 and names a bad one.
      addValidation(sheet, value.address, {
        type: 'any',
        allowBlank: true,
        formulae: [],
        showInputMessage: true,
        promptTitle: prompt.title,
        prompt: prompt.text,
      } as unknown as ExcelJS.DataValidation);
    }
  }

  const dateCell = sheet.getCell(INFO_ROW.reportDate, 2);
  dateCell.numFmt = 'dd/mm/yyyy';
  addValidation(sheet, dateCell.address, {
    type: 'date',
    operator: 'between',
    allowBlank: true,
    formulae: [REPORT_DATE_MIN, REPORT_DATE_MAX],
    showInputMessage: true,
    promptTitle: 'Ngày báo cáo',
    prompt: 'Nhập ngày theo dạng ngày/tháng/năm, ví dụ 28/03/2023.',
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Ngày không hợp lệ',
    error: 'Ngày báo cáo phải là một ngày có thật, dạng dd/mm/yyyy, từ 01/01/2000 đến 31/12/2100.',
  });

  const noteRow = INFO_ROW.head + 2;
  const note = sheet.getCell(noteRow, 1);
  note.value = {
    richText: [
      { text: 'Lưu ý: ', font: { ...HINT_FONT, bold: true } },
      { text: 'các mục có dấu ', font: HINT_FONT },
      { text: '*', font: REQUIRED_FONT },
      { text: ' là bắt buộc. Chỉ điền vào cột B; không sửa tên mục ở cột A.', font: HINT_FONT },
    ],
  };
  sheet.mergeCells(noteRow, 1, noteRow, 3);

  fillInfo(sheet, info);

  setPrint(sheet, 'portrait', false);
  // No password: the labels are safe from slips, and a unit that must change something can unprotect.
  await sheet.protect('', PROTECTION);
  return sheet;
}

function fillInfo(sheet: ExcelJS.Worksheet, info: NonNullable<FormContent['info']>): void {
  for (const key of Object.keys(INFO_LABEL) as InfoKey[]) {
    const value = info[key];
    if (value === undefined || value === '') continue;
    const cell = sheet.getCell(INFO_ROW[key], 2);
    cell.value = value;
    // A code given by the committee is locked (and greyed) in the protected sheet: a unit cannot mistype it.
    if (key === 'unitCode') styleLockedCell(cell, { vertical: 'middle', wrapText: true });
  }
}

/** What a protected sheet still lets the unit do: select anything, resize rows and columns. */
export const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};

/** The "Thông tin" sheet: who reports, for which period, on what date; labels in A, values in B. */
import type ExcelJS from 'exceljs';
import { INFO_LABEL, REQUIRED_INFO, SHEET, type InfoKey } from '../domain/form-layout.js';
import { BASE_FONT, BOLD_FONT, BORDER, HINT_FONT, LOCKED_FILL, REQUIRED_FONT, WRAP_TOP, styleInputCell } from './styles.js';
import { addTitle, addValidation, setPrint } from './sheet-frame.js';
import type { FormContent } from './types.js';

/** Row of each label: the title sits in row 1, then the labels in the order of INFO_LABEL. */
export const INFO_ROW: Record<InfoKey, number> = Object.fromEntries(
  (Object.keys(INFO_LABEL) as InfoKey[]).map((key, index) => [key, index + 2]),
) as Record<InfoKey, number>;

const HINT: Record<InfoKey, string> = {
  unitCode: 'Mã do Ban Dân vận cấp, ví dụ: HU_DONGHOA. Giữ nguyên mã ở mọi kỳ.',
  unitName: 'Tên đầy đủ, ví dụ: Ban Dân vận Huyện ủy Đông Hòa',
  period: 'Ví dụ: Quý I/2023, 6 tháng/2023, 9 tháng/2023, Năm 2023',
  reportDate: 'Ngày/tháng/năm, ví dụ: 28/03/2023',
  preparedBy: 'Họ và tên chuyên viên lập báo cáo',
  phone: 'Số điện thoại để liên hệ khi cần làm rõ',
  email: 'Địa chỉ thư điện tử của người lập',
  head: 'Họ và tên, chức vụ người duyệt báo cáo',
};

/** Excel shows at most 255 characters of an input message and 32 of its title: keep them short. */
const PROMPT: Partial<Record<InfoKey, { title: string; text: string }>> = {
  unitCode: { title: 'Mã đơn vị', text: 'Mã do Ban Dân vận cấp (ví dụ HU_DONGHOA). Ghi đúng mã, giữ nguyên ở mọi kỳ báo cáo.' },
  period: {
    title: 'Kỳ báo cáo',
    text: 'Ghi một trong các dạng: Quý I/2023, Quý II/2023, Quý III/2023, Quý IV/2023, 6 tháng/2023, 9 tháng/2023, Năm 2023.',
  },
};

export const REPORT_DATE_MIN = new Date(Date.UTC(2000, 0, 1));
export const REPORT_DATE_MAX = new Date(Date.UTC(2100, 11, 31));

export async function addInfoSheet(workbook: ExcelJS.Workbook, info: FormContent['info'] = {}): Promise<ExcelJS.Worksheet> {
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
    if (prompt) {
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
    sheet.getCell(INFO_ROW[key], 2).value = value;
  }
}

/** What a protected sheet still lets the unit do: select anything, resize rows and columns. */
export const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};

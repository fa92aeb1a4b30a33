/**
 * What a unit must correct, in the words of a letter from one committee to another: one phrase per kind of
 * problem ("chưa ghi ngày báo cáo", "số buổi tuyên truyền, vận động Nhân dân phải là số nguyên"), never a sheet, a
 * cell, a code or the config. The cells are in the annotated copy that kiemtra --phan-hoi writes for the unit.
 * "Chưa đúng biểu mẫu" only where the form itself was changed.
 */
import type { IssueOut } from '../check/file-result.js';
import type { Indicator } from '../domain/catalogue.js';
import { printedName } from '../document/tables.js';
import { indicatorPhrase } from '../render/synthesis.js';

/** The fields of "Thông tin", as a sentence names them. */
const INFO_WORDS: Record<string, string> = {
  unitCode: 'mã đơn vị',
  unitName: 'tên đơn vị',
  period: 'kỳ báo cáo',
  reportDate: 'ngày báo cáo',
};

/** Sheets of the form, as a sentence names their part of the report. */
const PART_WORDS: [RegExp, string][] = [
  [/^kết quả$/iu, 'phần kết quả'],
  [/^hạn chế$/iu, 'phần hạn chế'],
  [/^nhiệm vụ$/iu, 'phần nhiệm vụ'],
  [/^kiến nghị$/iu, 'phần kiến nghị'],
  [/^mô hình$/iu, 'phần mô hình “Dân vận khéo”'],
];

function partOf(sheet: string | null): string {
  const name = (sheet ?? '').normalize('NFC').trim();
  return PART_WORDS.find(([pattern]) => pattern.test(name))?.[1] ?? 'báo cáo';
}

/** The phrase for one problem; `periodName` is the period being collected ("quý I năm 2023"). */
export function plainProblem(issue: IssueOut, catalogue: readonly Indicator[], periodName: string): string {
  const code = issue.code;
  const indicator = issue.subject ? catalogue.find((i) => i.code === issue.subject) : undefined;
  const figure = indicator ? indicatorPhrase({ ...indicator, name: printedName(indicator.name), derived: Boolean(indicator.derived) }) : 'số liệu';
  const info = issue.subject ? INFO_WORDS[issue.subject] : undefined;
  switch (code) {
    case 'info.missing':
    case 'info.label-missing':
      return `chưa ghi ${info ?? 'đủ thông tin đơn vị'}`;
    case 'info.period-invalid':
      return 'ghi kỳ báo cáo chưa đúng';
    case 'period.mismatch':
      return `báo cáo gửi là của kỳ khác, không phải ${periodName}`;
    case 'unit.not-in-registry':
    case 'unit.code-mistyped':
      return 'ghi sai mã đơn vị';
    case 'unit.name-mismatch':
      return 'tên đơn vị ghi trong báo cáo không khớp với mã đơn vị';
    case 'figure.negative':
      return `${figure} không được âm`;
    case 'figure.fractional-count':
      return `${figure} phải là số nguyên`;
    case 'figure.not-a-number':
    case 'figure.date':
      return `${figure} phải ghi bằng số`;
    case 'figure.too-large':
      return `${figure} quá lớn, cần kiểm tra lại`;
    case 'figure.formula-error':
      return `${figure} là công thức bị lỗi`;
    case 'row.field-unknown':
      return `lĩnh vực ở ${partOf(issue.sheet)} chưa chọn theo danh sách`;
    case 'file.encrypted':
      return 'tệp có đặt mật khẩu nên không mở được';
    default:
      break;
  }
  if (code.startsWith('info.date')) return 'ghi ngày báo cáo chưa đúng';
  if (code.startsWith('unit.')) return 'ghi mã, tên đơn vị chưa đúng';
  if (code.startsWith('file.')) return 'tệp gửi bị hỏng hoặc không phải tệp Excel';
  if (code.startsWith('sheet.') || code.startsWith('header.') || code.startsWith('workbook.') || code === 'figure.unknown-code' || code === 'figure.duplicate-code') {
    return 'chưa đúng biểu mẫu (đã sửa hoặc xóa phần cố định của biểu mẫu)';
  }
  if (code.startsWith('figure.')) return `${figure} ghi chưa đúng`;
  if (code.startsWith('info.')) return `ghi ${info ?? 'thông tin đơn vị'} chưa đúng`;
  return `có nội dung ở ${partOf(issue.sheet)} ghi chưa đúng`;
}

/** The distinct phrases of a unit's problems, in the order first met. */
export function plainProblems(issues: readonly IssueOut[], catalogue: readonly Indicator[], periodName: string): string[] {
  return [...new Set(issues.map((issue) => plainProblem(issue, catalogue, periodName)))];
}

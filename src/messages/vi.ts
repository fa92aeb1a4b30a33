/** Every Vietnamese sentence a user reads about their input, keyed by issue code. Logic lives elsewhere. */
import type { LimitBreach } from '../readers/limits.js';
import type { UnreadableInfo, UnreadableReason } from '../readers/types.js';
import { formatNumber } from '../render/format.js';

const quote = (text: string) => `"${text}"`;
/** Cell text shown back to the user, shortened so that a pasted paragraph does not flood the report. */
export function shown(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return quote(oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine);
}

/** How a legacy encoding is named to users (the fonts they will recognise). */
export const LEGACY_ENCODING_NAME: Record<'tcvn3' | 'tcvn3-caps' | 'vni', string> = {
  tcvn3: 'TCVN3 (.VnTime)',
  'tcvn3-caps': 'TCVN3 chữ hoa (.VnTimeH)',
  vni: 'VNI-Windows',
};

/** "B3, B4, C7" — at most `max` cells, then how many more. */
function cellList(cells: readonly string[], max = 12): string {
  return cells.length <= max ? cells.join(', ') : `${cells.slice(0, max).join(', ')} và ${cells.length - max} ô khác`;
}

export const FORM_HINT = 'Hãy dùng biểu mẫu do lệnh "danvan mau" tạo ra.';

const MiB = 1024 * 1024;
const bytesText = (bytes: number) => (bytes >= MiB ? `${formatNumber(bytes / MiB, 1)} MB` : `${formatNumber(bytes / 1024, 0)} KB`);
const RESEND = 'Có thể tệp bị hỏng hoặc bị làm giả; hãy xin đơn vị gửi lại tệp biểu mẫu đã điền.';

/** A workbook over one of the budgets of readers/limits.ts: which limit, its figure, and where. */
export function overLimit(breach: LimitBreach): string {
  const sheet = breach.sheet === undefined ? 'Một sheet' : `Sheet ${quote(breach.sheet)}`;
  const n = formatNumber(breach.max, 0);
  switch (breach.limit) {
    case 'totalInflatedBytes':
      return `Tệp quá lớn khi giải nén: các phần cần đọc vượt giới hạn ${bytesText(breach.max)} (một biểu mẫu đã điền chỉ khoảng vài trăm KB). ${RESEND}`;
    case 'partBytes':
      return `Tệp quá lớn khi giải nén: phần ${breach.part ?? ''} vượt giới hạn ${bytesText(breach.max)} cho một phần của tệp (một biểu mẫu đã điền chỉ khoảng vài trăm KB). ${RESEND}`;
    case 'sheets':
      return `Tệp có quá nhiều sheet (giới hạn ${n} sheet; biểu mẫu có 9). ${RESEND}`;
    case 'rowsPerSheet':
      return `${sheet} có quá nhiều dòng có dữ liệu (giới hạn ${n} dòng một sheet). Hãy xóa các dòng thừa hoặc tách nội dung, rồi gửi lại.`;
    case 'cellsPerSheet':
      return `${sheet} có quá nhiều ô có dữ liệu (giới hạn ${n} ô một sheet). Hãy xóa các ô thừa, rồi gửi lại.`;
    case 'cellsPerWorkbook':
      return `Tệp có quá nhiều ô có dữ liệu (giới hạn ${n} ô trong cả tệp). Hãy xóa các sheet hoặc ô thừa, rồi gửi lại.`;
    case 'mergedRangesPerSheet':
      return `${sheet} có quá nhiều vùng gộp ô (giới hạn ${n} vùng một sheet). Hãy bỏ gộp các ô thừa, rồi gửi lại.`;
    case 'cellChars':
      return `Ô ${breach.sheet === undefined ? '' : `${breach.sheet}!`}${breach.cell ?? ''} có hơn ${n} ký tự, quá giới hạn của Excel cho một ô. Hãy rút gọn nội dung ô, rồi gửi lại.`;
  }
}

/** A file refused for something Excel never writes and other programs read differently (readers/types.ts, ReadCause). */
function readCause(info: UnreadableInfo): string {
  const where = info.cell
    ? `Ô ${info.cell}${info.sheet ? ` của sheet "${info.sheet.slice(0, 100)}"` : ''}`
    : info.sheet
      ? `Sheet "${info.sheet.slice(0, 100)}"`
      : `Phần ${(info.part ?? '').slice(0, 100)} trong tệp`;
  const resave = 'Hãy mở tệp bằng Excel, lưu lại rồi gửi lại.';
  switch (info.cause) {
    case 'doctype':
      return `Tệp có khai báo DOCTYPE (ở phần ${(info.part ?? '').slice(0, 100)}), Excel không tạo ra: có thể tệp bị sửa bằng công cụ khác hoặc bị làm giả. ${resave}`;
    case 'cell-values':
      return `${where} có nhiều hơn một giá trị (hoặc giá trị bị chèn thẻ lạ), Excel không tạo ra; các phần mềm đọc ô này khác nhau nên danvan không đọc. ${resave}`;
    case 'cell-type':
      return `${where} có kiểu dữ liệu không hợp lệ, Excel không tạo ra; các phần mềm đọc ô này khác nhau nên danvan không đọc. ${resave}`;
    case 'cell-number':
      return `${where} ghi số không đúng dạng (ví dụ số hệ 16, có khoảng trắng bên trong), Excel không tạo ra; các phần mềm đọc ô này khác nhau nên danvan không đọc. ${resave}`;
    case 'duplicate-cell':
      return `${where} xuất hiện hai lần trong tệp, Excel không tạo ra; không biết giá trị nào là đúng. ${resave}`;
    default:
      return `Tệp bị hỏng, không đọc được. ${resave}`;
  }
}

export const unreadable: Record<UnreadableReason, (detail?: string, info?: UnreadableInfo) => string> = {
  'empty-file': () => 'Tệp rỗng (0 byte), không có nội dung. Hãy gửi lại tệp báo cáo.',
  'not-a-zip': () =>
    'Tệp không phải bảng tính Excel (.xlsx), dù có đuôi .xlsx. Hãy mở biểu mẫu bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx.',
  truncated: () =>
    'Tệp bị hỏng: thiếu phần cuối (có thể chép hoặc tải về chưa xong). Hãy xin đơn vị gửi lại tệp gốc.',
  'not-a-workbook': () =>
    'Tệp là tệp nén nhưng không phải bảng tính Excel (có thể là tệp Word hoặc tệp nén khác bị đổi đuôi). Hãy gửi đúng tệp biểu mẫu .xlsx. Nếu đây là báo cáo Word của đơn vị, chuyển thành biểu mẫu bằng lệnh "danvan nhap <tệp> -o <thư-mục>".',
  ods: () =>
    'Tệp là bảng tính OpenDocument (.ods). Hãy mở bằng LibreOffice và chọn Tệp → Lưu thành → "Excel 2007-365 (.xlsx)".',
  encrypted: () =>
    'Tệp được đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu (Excel: Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu) rồi gửi lại.',
  'legacy-xls': (detail) => {
    const resave = 'Hãy mở và lưu lại dưới dạng "Sổ làm việc Excel (.xlsx)".';
    if (detail === 'soffice-missing') {
      return `Tệp ở định dạng Excel cũ (.xls, Excel 97–2003). ${resave} (Nếu máy có cài LibreOffice, danvan tự đọc được tệp .xls.)`;
    }
    if (detail?.startsWith('convert-timeout')) {
      return `Tệp ở định dạng Excel cũ (.xls, Excel 97–2003); danvan đã thử chuyển bằng LibreOffice nhưng quá thời gian cho phép. ${resave}`;
    }
    if (detail?.startsWith('convert-failed')) {
      return `Tệp ở định dạng Excel cũ (.xls, Excel 97–2003) nhưng LibreOffice không chuyển được (tệp có thể bị hỏng). ${resave}`;
    }
    if (detail === 'not-xls') return `Tệp có dạng tệp Office cũ nhưng không phải bảng tính Excel .xls đọc được. ${resave} Nếu đây là báo cáo Word (.doc) của đơn vị, chuyển thành biểu mẫu bằng lệnh "danvan nhap <tệp> -o <thư-mục>".`;
    return `Tệp ở định dạng Excel cũ (.xls, Excel 97–2003). ${resave}`;
  },
  'too-many-cells': (detail) => {
    const sheet = detail?.split(': ')[0];
    return `Bảng tính có quá nhiều ô có nội dung${sheet ? ` (tính đến sheet "${sheet}")` : ''}: hơn một triệu ô, trong khi biểu mẫu báo cáo chỉ có vài trăm ô. Có thể một giá trị đã bị chép xuống cả cột hoặc cả dòng: hãy xóa phần thừa, lưu lại rồi gửi lại.`;
  },
  'too-large': (detail) =>
    `Tệp quá lớn${detail ? ` (${detail})` : ''}; biểu mẫu báo cáo thường chỉ vài chục KB. Hãy kiểm tra lại, có thể đã gửi nhầm tệp.`,
  corrupt: (_detail, info) => {
    if (info?.cause) return readCause(info);
    // The reader's detail is for developers; the user is told which part of the package is broken.
    const part = info?.part;
    const where = part ? ` (phần ${part.slice(0, 100)} trong tệp bị lỗi)` : '';
    // A broken sheet is named by its tab, as the unit knows it; the part stays for whoever looks inside.
    if (info?.sheet) return `Tệp bị hỏng: không đọc được sheet "${info.sheet.slice(0, 100)}"${where}. Hãy mở bằng Excel hoặc LibreOffice, lưu lại rồi gửi lại.`;
    return `Tệp bị hỏng, không đọc được${where}. Hãy mở bằng Excel hoặc LibreOffice, lưu lại rồi gửi lại.`;
  },
  'over-limit': (_detail, info) => (info?.limit ? overLimit(info.limit) : `Tệp vượt giới hạn kích thước của danvan. ${RESEND}`),
};

/** A config string holding a character that XML (hence Word and Excel) does not allow. */
export function configCharMsg(code: number): string {
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  return `có ký tự không được phép (U+${hex}, ký tự điều khiển hoặc không phải chữ): báo cáo chứa ký tự này sẽ không mở được bằng Word; hãy xóa ký tự đó`;
}

/** What went wrong in the file system, in words (errno codes of Node: EACCES, EIO…). */
export function fsErrorReason(errno: string | undefined): string {
  switch (errno) {
    case 'EACCES':
    case 'EPERM':
      return 'không có quyền truy cập';
    case 'ENOENT':
      return 'không tồn tại';
    case 'ENOTDIR':
      return 'một phần của đường dẫn không phải thư mục';
    case 'EISDIR':
      return 'đó là một thư mục';
    case 'ELOOP':
      return 'liên kết tượng trưng (symlink) trỏ vòng';
    case 'ENAMETOOLONG':
      return 'đường dẫn quá dài';
    case 'EMFILE':
    case 'ENFILE':
      return 'đang mở quá nhiều tệp cùng lúc';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'ổ đĩa đã đầy';
    case 'EROFS':
      return 'ổ đĩa chỉ cho đọc';
    case 'EIO':
      return 'lỗi đọc/ghi của ổ đĩa';
    case 'EBUSY':
    case 'ETXTBSY':
      return 'tệp đang bị chương trình khác sử dụng';
    case 'EEXIST':
      return 'tệp đã có';
    default:
      return `lỗi hệ thống${errno ? ` ${errno}` : ''}`;
  }
}

/** The file system refused an operation on a path the user gave (or one found under it). */
export const fsMsg = {
  readDir: (path: string, errno: string | undefined) => `Không đọc được thư mục "${path}": ${fsErrorReason(errno)}.`,
  open: (path: string, errno: string | undefined) => `Không mở được "${path}": ${fsErrorReason(errno)}.`,
  /** Any other refusal, caught where the CLI maps errors to exit codes: the operation and the path as Node names them. */
  other: (syscall: string | undefined, path: string | undefined, errno: string | undefined) =>
    `Lỗi hệ thống tệp${path ? ` với "${path}"` : ''}${syscall ? ` (thao tác ${syscall})` : ''}: ${fsErrorReason(errno)}.`,
};

/** Why an output cannot be written (output/plan.ts). `flag` is the option that names it ("-o", "--xlsx"). */
export const outputMsg = {
  folderMissing: (folder: string, flag: string) => `Thư mục "${folder}" để ghi ${flag} không tồn tại.`,
  isFolder: (path: string, flag: string) => `"${path}" (${flag}) là một thư mục; hãy chỉ ra tên tệp cần ghi.`,
  notRegular: (path: string, flag: string) => `"${path}" (${flag}) không phải tệp thường (ống dẫn, thiết bị…); danvan không ghi vào đó.`,
  onInput: (path: string, flag: string, input: string) =>
    `Không ghi ${flag} "${path}": đó chính là tệp đầu vào "${input}" của lần chạy này. danvan không bao giờ ghi đè tệp đầu vào, kể cả khi có --force; hãy chọn tên khác.`,
  insideInput: (path: string, flag: string, folder: string) =>
    `Không ghi "${path}" vào thư mục báo cáo đầu vào "${folder}" (danvan không thay đổi thư mục đầu vào). Hãy chọn nơi khác bằng ${flag}.`,
  sameAsOther: (path: string, flag: string, otherFlag: string) => `${otherFlag} và ${flag} cùng ghi vào "${path}"; hãy đặt hai tên khác nhau.`,
  /** `force`: how the user asks to replace (--force, or a batch job's "force": true). */
  exists: (path: string, flag: string, force: string) =>
    `Tệp "${path}" đã có (nội dung mới sẽ khác); danvan không ghi đè. Dùng ${force} để ghi đè hoặc chọn tên khác bằng ${flag}.`,
  existsMany: (outputs: readonly { path: string; flag: string }[], force: string) =>
    `Các tệp ${outputs.map((o) => `"${o.path}" (${o.flag})`).join(', ')} đã có (nội dung mới sẽ khác); danvan không ghi đè và không ghi tệp nào của lần chạy này. ` +
    `Dùng ${force} để ghi đè hoặc chọn tên khác.`,
  appeared: (path: string, flag: string, force: string) =>
    `Tệp "${path}" vừa được tạo ra trong lúc danvan chạy (có thể bởi một lần chạy khác); danvan không ghi đè và không ghi kết quả nào của lần chạy này. Dùng ${force} để ghi đè hoặc chọn tên khác bằng ${flag}.`,
  writeFailed: (path: string, errno: string | undefined) => `Không ghi được tệp "${path}": ${fsErrorReason(errno)}.`,
  /** Windows refused to replace the file after a few tries: it is open in Word or Excel (or held by another program). */
  locked: (path: string) => `Không ghi đè được tệp "${path}": tệp đang mở trong Word/Excel, hãy đóng rồi chạy lại.`,
};

/** A config or template that could not be read as a small UTF-8 text file (files/read.ts). */
export function fileReadProblem(
  what: 'tệp cấu hình' | 'mẫu báo cáo',
  file: string,
  error: { problem: string; details: { offset?: number; errno?: string } },
  maxBytes: number,
): string {
  switch (error.problem) {
    case 'not-found':
      return `Không tìm thấy ${what} ${file}.`;
    case 'not-regular':
      return `${capitalised(what)} ${file} không phải một tệp thường (là thư mục, ống dẫn hoặc thiết bị); hãy chỉ ra một tệp.`;
    case 'too-large':
      return `${capitalised(what)} ${file} quá lớn (giới hạn ${bytesText(maxBytes)}; ${what === 'tệp cấu hình' ? 'cấu hình mẫu chỉ khoảng 4 KB' : 'mẫu có sẵn chỉ khoảng 7 KB'}). Có thể đã chỉ nhầm tệp.`;
    case 'not-utf8':
      return `${capitalised(what)} ${file} không phải văn bản UTF-8 (byte thứ ${formatNumber(error.details.offset ?? 0, 0)} tính từ 0 không hợp lệ). Hãy lưu lại tệp với bảng mã UTF-8 (trong Notepad: Lưu thành → Mã hóa: UTF-8).`;
    default:
      return `Không đọc được ${what} ${file}: ${fsErrorReason(error.details.errno)}.`;
  }
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/** The reconciliation workbook's own words (tonghop --doi-chieu). */
export const recon = {
  workbookTitle: 'Đối chiếu số liệu và nội dung báo cáo tổng hợp',
  totalsTitle: (period: string, units: number) =>
    `ĐỐI CHIẾU SỐ LIỆU ${period.toLocaleUpperCase('vi')}: tổng của ${units} đơn vị hợp lệ; cột "Đối chiếu" so tổng của danvan với tổng Excel tự cộng lại`,
  byUnitTitle: 'SỐ LIỆU THEO ĐƠN VỊ: mỗi ô có ghi chú chỉ rõ nguồn (tệp!sheet!ô); ô trống là đơn vị để trống (không báo cáo)',
  figuresTitle: 'NGUỒN CỦA TỪNG SỐ LIỆU: mỗi dòng là một ô trong tệp của đơn vị, cộng lại thành tổng ở sheet "Tổng hợp"',
  itemsTitle: (part: string) => `CÁC NỘI DUNG ${part.toLocaleUpperCase('vi')} TRONG BÁO CÁO: mỗi dòng một nội dung, kèm đơn vị, tệp và dòng gốc`,
  modelsTitle: 'MÔ HÌNH "DÂN VẬN KHÉO": mỗi mô hình kèm đơn vị, tệp và dòng gốc',
  filesTitle: 'CÁC TỆP ĐÃ KIỂM TRA: trạng thái của từng tệp',
  row: (row: number) => `dòng ${row}`,
  agrees: 'khớp',
  differs: 'LỆCH',
  derivedCount: (reported: number, of: number) => `${reported}/${of} (tính từ hai chỉ tiêu)`,
  derivedNote: (spec: { numerator: string; denominator: string }) => `Tính: ${spec.numerator} / ${spec.denominator} × 100 của chính đơn vị`,
  unitNote: (note: string) => `Ghi chú của đơn vị: ${note}`,
  totalRow: 'Tổng cộng',
  noItems: '(không có nội dung nào)',
  noAddressee: 'Không ghi cơ quan nhận',
  notInReport: (addressee: string) => `${addressee} (cấp dưới: không đưa vào báo cáo gửi cấp trên, chuyên viên xử lý)`,
  statusCounted: 'hợp lệ, được tính',
  statusSuperseded: 'không tính: đơn vị đã gửi tệp khác',
  statusInvalid: 'không hợp lệ, không tính',
  statusSkipped: 'bỏ qua: không phải báo cáo',
  noFile: '(không có tệp)',
  statusMissing: (name: string) => `chưa gửi báo cáo: ${name}`,
  repairsTitle: 'VĂN BẢN GÕ BẰNG BẢNG MÃ CŨ (TCVN3, VNI) ĐÃ ĐƯỢC CHUYỂN SANG UNICODE: mỗi dòng một ô',
  noRepairs: '(không có ô nào phải chuyển mã)',
} as const;

/** `kiemtra --phan-hoi`: the annotated copies and tong-hop-kiem-tra.xlsx, read by the units and the staff. */
export const feedbackMsg = {
  /** A cell converted from a legacy encoding, in the unit's annotated copy. */
  legacyCell: (encoding: keyof typeof LEGACY_ENCODING_NAME, after: string) =>
    `Ô này gõ bằng bảng mã ${LEGACY_ENCODING_NAME[encoding]}; danvan đã chuyển sang Unicode và đọc là ${shown(after)}. Lần sau hãy gõ bằng bảng mã Unicode (phông Times New Roman).`,
  sheetName: 'Kết quả kiểm tra',
  title: 'KẾT QUẢ KIỂM TRA BÁO CÁO',
  fileLine: (file: string, unit: string | null, period: string | null) =>
    `Tệp: ${file}${unit ? ` — Đơn vị: ${unit}` : ''}${period ? ` — Kỳ báo cáo: ${period}` : ''}`,
  counts: (errors: number, warnings: number, superseded: boolean) =>
    errors > 0
      ? `Tệp có ${errors} lỗi${warnings ? ` và ${warnings} lưu ý` : ''}: báo cáo chưa được tổng hợp cho đến khi sửa hết các lỗi.`
      : superseded
        ? `Tệp không có lỗi nhưng không được tính vì đơn vị đã gửi một tệp khác (xem lưu ý); có ${warnings} lưu ý.`
        : `Tệp không có lỗi, báo cáo đã được tính; có ${warnings} lưu ý để đơn vị xem lại.`,
  howTo:
    'Cách sửa: bấm vào ô ở cột "Ô" để đến đúng chỗ. Các ô có vấn đề được tô màu (đỏ: lỗi, phải sửa; vàng: lưu ý, xem lại) ' +
    'và có ghi chú ghi rõ vấn đề (rê chuột vào ô để xem). Sửa trực tiếp trong tệp này, xóa sheet "Kết quả kiểm tra" nếu muốn, lưu lại và gửi lại.',
  header: ['STT', 'Mức độ', 'Sheet', 'Ô', 'Nội dung'] as const,
  severity: { error: 'Lỗi', warning: 'Lưu ý' } as const,
  wholeSheet: '(cả sheet)',
  wholeFile: '(cả tệp)',
  /** The note on a cell: one line per problem. */
  noteLine: (severity: 'error' | 'warning', message: string) => `${severity === 'error' ? 'Lỗi' : 'Lưu ý'}: ${message}`,
  /** "sheet Số liệu, ô D7: …" — the location as people read it. */
  where: (sheet: string | null, cell: string | null) => (sheet && cell ? `sheet ${sheet}, ô ${cell}` : sheet ? `sheet ${sheet}` : ''),

  summaryFile: 'tong-hop-kiem-tra.xlsx',
  summarySheet: 'Tổng hợp kiểm tra',
  summaryTitle: (period: string | null) => `TỔNG HỢP KẾT QUẢ KIỂM TRA BÁO CÁO${period ? ` ${period.toLocaleUpperCase('vi')}` : ''}`,
  summaryCounts: (c: { files: number; valid: number; invalid: number; superseded: number; missing: number | null }) =>
    `${c.files} tệp: ${c.valid} hợp lệ, ${c.invalid} có lỗi${c.superseded ? `, ${c.superseded} tệp cũ không tính` : ''}` +
    `${c.missing === null ? '' : `; ${c.missing} đơn vị chưa gửi`}.`,
  summaryHint:
    'Mỗi dòng một tệp (và mỗi đơn vị chưa gửi, khi có danh sách đơn vị). Cột "Bản phản hồi" là tệp đã đánh dấu lỗi trong thư mục này, để gửi lại cho đơn vị.',
  summaryHeader: ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Khối', 'Tệp', 'Trạng thái', 'Số lỗi', 'Số lưu ý', 'Vấn đề đầu tiên', 'Người lập', 'Điện thoại', 'Email', 'Bản phản hồi'] as const,
  status: {
    valid: 'đã gửi hợp lệ',
    invalid: 'có lỗi',
    missing: 'chưa gửi',
    superseded: 'tệp cũ không tính',
  } as const,
  noCopy: {
    clean: 'không cần (không có vấn đề)',
    superseded: 'không cần (tệp cũ: đơn vị đã gửi tệp mới hơn)',
    format: (ext: string) => `không tạo: tệp ${ext || 'không có phần mở rộng'} (chỉ tạo cho .xlsx, .xlsm)`,
    unreadable: 'không tạo: không mở được tệp',
    failed: (detail: string) => `không tạo được (${detail})`,
  },
  strictFormat: 'tệp lưu theo chuẩn Strict Open XML',
  damaged: 'cấu trúc tệp bị hỏng',

  // Terminal lines and refusals.
  /** `copies` written, `same` left as they were (the same bytes), and whether the summary was left as it was. */
  written: (copies: number, same: number, summarySame: boolean, dir: string) => {
    const what = [copies ? `${copies} bản phản hồi (tệp của đơn vị, có đánh dấu lỗi)` : '', summarySame ? '' : 'tong-hop-kiem-tra.xlsx'].filter(Boolean);
    const kept = [same ? `${same} bản phản hồi` : '', summarySame ? 'tong-hop-kiem-tra.xlsx' : ''].filter(Boolean);
    return [
      what.length ? `Đã ghi ${what.join(' và ')} vào "${dir}".` : '',
      kept.length ? `Không thay đổi (giống hệt tệp đã có, không ghi lại): ${kept.join(' và ')} trong "${dir}".` : '',
    ].filter(Boolean).join('\n');
  },
  notCopied: (file: string, reason: string) => `  ${file}: ${reason}`,
  notCopiedHead: 'Không có bản phản hồi cho:',
  stale: (dir: string, files: readonly string[]) =>
    `Chú ý: trong "${dir}" còn ${files.length} bản phản hồi của lần kiểm tra trước không còn đúng (đơn vị đã gửi tệp mới hơn, hoặc tệp nay không còn vấn đề); ` +
    `danvan không xóa, đừng gửi chúng cho đơn vị: ${files.join(', ')}.`,
  dirIsFile: (dir: string) => `"${dir}" là một tệp, không phải thư mục; hãy chọn thư mục khác cho --phan-hoi.`,
  dirInInput: (dir: string, input: string) =>
    `Không ghi bản phản hồi vào "${dir}": thư mục này nằm trong thư mục báo cáo đầu vào "${input}" (danvan không thay đổi thư mục đầu vào). Hãy chọn nơi khác cho --phan-hoi.`,
  dirIsInput: (dir: string) => `Không ghi bản phản hồi vào "${dir}": đó là thư mục báo cáo đầu vào. Hãy chọn nơi khác cho --phan-hoi.`,
  overwrite: (dir: string, files: readonly string[]) =>
    `Thư mục "${dir}" đã có ${files.length === 1 ? 'tệp' : `${files.length} tệp`} khác nội dung: ${files.slice(0, 5).map((f) => `"${f}"`).join(', ')}${files.length > 5 ? '…' : ''}; danvan không ghi đè. Dùng --force để ghi đè hoặc chọn thư mục khác.`,
  notADirectory: (path: string) => `Không tạo được thư mục "${path}" cho --phan-hoi: đã có một tệp cùng tên.`,
} as const;

/** How alike warnings of one file are named when folded into one line of the terminal view. */
export const FOLDED: Record<string, string> = {
  'figure.blank': 'chỉ tiêu để trống (đơn vị không có số liệu hoặc không theo dõi; khác với ghi 0)',
  'figure.row-missing': 'chỉ tiêu không có dòng trong sheet "Số liệu" (coi như để trống)',
  'figure.ambiguous-text': 'số gõ dạng chữ có thể hiểu hai cách, đã đọc theo cách viết Việt Nam',
  'figure.english-style': 'số viết theo kiểu tiếng Anh, đã đọc theo giá trị đó',
  'sheet.missing-optional': 'sheet không có (coi như không có nội dung)',
  'section.empty': 'sheet chưa có nội dung',
};

/** JSON types as the batch and config messages name them. */
const JSON_TYPE: Record<string, string> = {
  string: 'chuỗi chữ',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true/false',
  array: 'danh sách [...]',
  object: 'đối tượng {...}',
  record: 'đối tượng {...}',
  map: 'đối tượng {...}',
};

/** A key of the config or of a batch file that its schema refuses (schemas/issue-text.ts). */
export const schemaMsg = {
  root: '(gốc)',
  missingKey: (key: string) => `${key}: thiếu (bắt buộc)`,
  /** A key that is there, with a value of the wrong type (`expected`: zod's type names, any one of them will do). */
  wrongType: (key: string, expected: readonly string[]) =>
    `${key}: sai kiểu dữ liệu (cần ${expected.map((type) => JSON_TYPE[type] ?? type).join(' hoặc ')})`,
  empty: (key: string) => `${key}: không được để trống`,
  oneOf: (key: string, values: readonly string[]) => `${key}: giá trị không hợp lệ; chỉ nhận ${values.join(', ')}`,
  atLeast: (key: string, min: string, inclusive: boolean) => `${key}: phải lớn hơn ${inclusive ? 'hoặc bằng ' : ''}${min}`,
  atMost: (key: string, max: string, inclusive: boolean) => `${key}: phải nhỏ hơn ${inclusive ? 'hoặc bằng ' : ''}${max}`,
  tooMany: (key: string, max: string) => `${key}: nhiều nhất ${max} mục (giới hạn của danvan)`,
  other: (key: string, message: string) => `${key}: ${message}`,
  unknownKeys: (where: string, keys: readonly string[]) =>
    `${where ? `${where}: ` : ''}khóa không được hỗ trợ ${keys.map((k) => `"${k}"`).join(', ')} (có thể gõ nhầm tên)`,
} as const;

/** The batch file of `danvan lo`: every problem located by its key. */
export const batchMsg = {
  notAFile: (file: string) => `"${file}" không phải là tệp lô (là thư mục hoặc thiết bị).`,
  tooLarge: (file: string, limit: number) => `Tệp lô "${file}" lớn hơn ${Math.round(limit / 1024)} KB; tệp lô chỉ liệt kê các việc cần làm.`,
  notUtf8: (file: string, offset: number) =>
    `Tệp lô "${file}" không phải văn bản UTF-8 (byte thứ ${formatNumber(offset, 0)} tính từ 0 không hợp lệ). Hãy lưu lại tệp với bảng mã UTF-8.`,
  unreadable: (file: string, code?: string) =>
    `Không đọc được tệp lô "${file}" (${code === 'ENOENT' ? 'không có tệp này' : code === 'EACCES' || code === 'EPERM' ? 'không có quyền đọc' : `lỗi hệ thống ${code ?? ''}`.trim()}).`,
  lineColumn: (line: number, column: number) => ` (dòng ${line}, cột ${column})`,
  syntax: (file: string, where: string) => `Tệp lô "${file}" không đúng cú pháp JSON${where}. Hãy kiểm tra dấu phẩy, dấu ngoặc và dấu nháy.`,
  problems: (file: string, lines: readonly string[]) => `Tệp lô "${file}" có ${lines.length} lỗi; chưa chạy việc nào:\n${lines.map((l) => `  - ${l}`).join('\n')}`,
  /** `accepted`: the keys of the object concerned, from its schema (a job's, or the batch file's own). */
  unknownKeys: (where: string, keys: readonly string[], accepted: readonly string[]) =>
    `${where ? `${where}: ` : ''}khóa không được hỗ trợ ${keys.map((k) => `"${k}"`).join(', ')} (có thể gõ nhầm tên); ` +
    (where.startsWith('jobs[') ? `mỗi việc chỉ nhận: ${accepted.join(', ')}` : `tệp lô chỉ nhận ${accepted.map((k) => `"${k}"`).join(' và ')}`),
  inputMissing: (key: string, path: string) => `${key}: không tìm thấy "${path}" (đường dẫn tính từ thư mục của tệp lô)`,
  configMissing: (key: string, path: string) => `${key}: không tìm thấy tệp cấu hình "${path}"`,
  sameOutput: (key: string, first: string, path: string) => `${key}: "${path}" đã được ${first} ghi; hai việc không được ghi cùng một tệp`,
  sameOutputInJob: (key: string, first: string, path: string) =>
    `${key}: "${path}" trùng với ${first}; việc này ghi hai kết quả của mình vào cùng một tệp, hãy đặt tên khác cho một trong hai`,
  outputInInputs: (key: string, path: string, inputKey: string, input: string) =>
    `${key}: "${path}" nằm trong "${input}" (${inputKey}), nơi danvan đọc báo cáo; hãy ghi kết quả ra chỗ khác`,
  /** Two outputs whose names differ only in case: one file on Windows and macOS. */
  sameOutputCase: (key: string, first: string, path: string, firstPath: string) =>
    `${key}: "${path}" và "${firstPath}" (${first}) chỉ khác nhau chữ hoa, chữ thường; trên Windows đó là cùng một tệp, hãy đặt hai tên khác nhau`,
  /** A path mixing single backslashes with JSON escapes ("C:\\Users\nop"): which was meant cannot be told. */
  ambiguousBackslash: (key: string, path: string) =>
    `${key}: đường dẫn "${path}" có dấu \\ lúc đơn lúc kép nên không rõ nghĩa; trong tệp lô hãy viết / hoặc \\\\ (ví dụ "D:/bao-cao/nam-2023" hoặc "D:\\\\bao-cao\\\\nam-2023")`,
  /** Added to a syntax error where a path ends in a single backslash, which escapes its closing quote. */
  backslashHint: ' Có đường dẫn kết thúc bằng dấu \\ đơn ngay trước dấu nháy đóng ("D:\\bao-cao\\"): hãy viết / hoặc \\\\, hoặc bỏ dấu \\ cuối.',
  /** A folder a job writes into that cannot be used; `blocker` the path in the way (the folder itself, or the one above it). */
  outputFolder: (key: string, folder: string, problem: 'file' | 'read-only' | 'parent-file' | 'parent-read-only', blocker: string) =>
    `${key}: không ghi được vào thư mục "${folder}": ` +
    {
      file: `"${folder}" là một tệp, không phải thư mục`,
      'read-only': 'không có quyền ghi vào thư mục này',
      'parent-file': `thư mục chưa có và không tạo được, vì "${blocker}" là một tệp, không phải thư mục`,
      'parent-read-only': `thư mục chưa có và không tạo được, vì không có quyền ghi vào thư mục "${blocker}"`,
    }[problem],
  outputFolderFailed: (folder: string, code: string) => `không tạo được thư mục "${folder}" (lỗi hệ thống ${code})`,
} as const;

/** Choosing a report template. */
export const templateMsg = {
  folderEmpty: (folder: string) =>
    `Thư mục mẫu báo cáo "${folder}" không có so-ket.hbs hay tong-ket.hbs (tạo bằng "danvan khoitao", thư mục mau-bao-cao).`,
  folderMissing: (folder: string, file: string, final: boolean) =>
    `Thư mục mẫu báo cáo "${folder}" thiếu ${file}, mẫu cho ${final ? 'báo cáo tổng kết năm' : 'báo cáo sơ kết quý, 6 tháng, 9 tháng'}.`,
  periodMismatch: (file: string, period: string, final: boolean) =>
    `Mẫu ${file} là mẫu ${final ? 'sơ kết' : 'tổng kết'} nhưng kỳ báo cáo là ${period}: trích yếu ghi "${final ? 'sơ kết' : 'tổng kết'}". ` +
    `Hãy dùng ${final ? 'tong-ket.hbs' : 'so-ket.hbs'}, hoặc chỉ --template tới thư mục chứa cả hai mẫu để danvan tự chọn theo kỳ.`,
} as const;

/** The reminder letter (danvan nhac). */
export const reminderMsg = {
  badDeadline: (text: string) => `Hạn gửi "${text}" không phải ngày có thật; hãy ghi dạng ngày/tháng/năm, ví dụ --han 10/04/2023.`,
  noFiles: () => 'Không có tệp báo cáo nào trong thư mục: chưa xác định được kỳ báo cáo để nhắc. Hãy chỉ rõ kỳ bằng --ky.',
  noPeriod: () => 'Không tệp nào ghi được kỳ báo cáo: hãy chỉ rõ kỳ cần nhắc bằng --ky, ví dụ --ky "Quý I/2023".',
  noDeadline: () =>
    'Công văn chưa có hạn gửi (in "trước ngày ……" để ghi tay): thêm --han ngày/tháng/năm, hoặc ghi "reminder.deadline" trong tệp cấu hình.',
  noRegistry: () =>
    'Cấu hình chưa có danh sách đơn vị ("units") nên danvan không biết đơn vị nào chưa gửi; công văn chỉ nêu các báo cáo chưa hợp lệ.',
  noAddressees: (file: string) => `Mẫu ${file}: dòng "kinh-gui:" ở phần đầu không có nơi nhận nào.`,
  nobody: (period: string) => `Không có đơn vị nào cần nhắc về báo cáo ${period}: mọi đơn vị trong danh sách đã gửi báo cáo hợp lệ. Không ghi công văn.`,
  unchanged: (output: string) => `Không thay đổi (giống hệt tệp đã có, không ghi lại): ${output}`,
  written: (output: string, missing: number, toFix: number) =>
    `Đã ghi công văn đôn đốc: ${output} (${missing} đơn vị chưa gửi, ${toFix} đơn vị cần sửa báo cáo).`,
} as const;

/** Said when Ctrl-C, SIGTERM, a closed terminal or console window (SIGHUP) or Ctrl+Break (SIGBREAK) stops a run. */
export function interruptedMessage(signal: 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'SIGBREAK'): string {
  const how = { SIGINT: 'Ctrl-C', SIGTERM: 'SIGTERM', SIGHUP: 'cửa sổ dòng lệnh bị đóng', SIGBREAK: 'Ctrl+Break' }[signal];
  return `Đã dừng theo yêu cầu (${how}); không ghi tệp kết quả nào, không để lại tệp tạm.`;
}

/** tonghop --pdf: LibreOffice makes the PDF, or the run says what to install and writes nothing. */
export const pdfMsg = {
  sofficeMissing: (configured: string | undefined) =>
    (configured && configured !== 'none'
      ? `Không chạy được chương trình LibreOffice ghi trong biến môi trường DANVAN_SOFFICE ("${configured}"). `
      : 'Cần LibreOffice để xuất báo cáo ra PDF (--pdf), nhưng máy chưa có chương trình soffice. ') +
    'Hãy cài LibreOffice (Debian/Ubuntu: "sudo apt install libreoffice-writer"; Windows, macOS: bản cài từ libreoffice.org), ' +
    'hoặc chỉ đường dẫn tới soffice bằng biến môi trường DANVAN_SOFFICE. Chưa ghi tệp nào; chạy lại không có --pdf để có báo cáo Word.',
  timeout: (path: string, seconds: number) =>
    `LibreOffice chưa chuyển xong báo cáo sang PDF (${path}) sau ${seconds} giây nên đã bị dừng. Chưa ghi tệp nào; ` +
    'hãy đóng bớt chương trình rồi chạy lại, hoặc chạy lại không có --pdf và mở báo cáo Word để lưu thành PDF.',
  failed: (path: string, detail: string) =>
    `LibreOffice không chuyển được báo cáo sang PDF (${path}): ${detail}. Chưa ghi tệp nào; ` +
    'hãy chạy lại không có --pdf và mở báo cáo Word để lưu thành PDF.',
  fontSubstitute: (path: string, families: readonly string[]) =>
    `Máy chưa có phông Times New Roman nên ${path} được nhúng phông thay thế ${families.join(', ')} (cùng cỡ chữ, cùng chỗ xuống dòng). ` +
    'Nếu cần đúng phông Times New Roman, hãy cài phông đó (Windows có sẵn; Debian/Ubuntu: gói ttf-mscorefonts-installer) rồi chạy lại với --force.',
  notPdfA: (path: string) =>
    `Bản LibreOffice trên máy không xuất được PDF/A nên ${path} là PDF thường; nếu cần ký số theo chuẩn PDF/A, hãy cài LibreOffice 7.4 trở lên.`,
} as const;

/**
 * Why tonghop wrote nothing because of its inputs. `checkCommand`: a batch job's, the kiemtra command that lists
 * what is wrong with its files (a batch shows no list of errors); tonghop alone has just printed that list.
 */
export const rejectMsg = {
  noInput: () => 'Không có tệp báo cáo (.xlsx) nào để tổng hợp.',
  noValidFile: (checkCommand?: string) =>
    checkCommand
      ? `Không có tệp báo cáo hợp lệ nào để tổng hợp; xem lỗi của từng tệp bằng lệnh: ${checkCommand}`
      : 'Không có tệp báo cáo hợp lệ nào để tổng hợp; hãy xem danh sách lỗi ở trên (hoặc chạy "danvan kiemtra").',
  strict: (invalid: number, checkCommand?: string) =>
    checkCommand
      ? `Có ${invalid} tệp không hợp lệ; với "strict": true, danvan không ghi báo cáo của việc này. Xem lỗi của từng tệp bằng lệnh: ${checkCommand}`
      : `Có ${invalid} tệp không hợp lệ; với --strict, danvan không ghi báo cáo.`,
} as const;

/** What tonghop says of each output it wrote or left as it was; each job of `danvan lo` says the same. */
export const aggregateOutputMsg = {
  output: (path: string) => `Đã ghi báo cáo: ${path}`,
  xlsx: (path: string) => `Đã ghi số liệu tổng hợp theo biểu mẫu: ${path}`,
  doiChieu: (path: string) => `Đã ghi bảng đối chiếu (nguồn của từng số liệu, từng nội dung): ${path}`,
  pdf: (path: string) => `Đã ghi bản PDF để ký số: ${path}`,
  /** A rerun that would write the same bytes leaves the file as it is. */
  unchanged: (path: string) => `Không thay đổi (giống hệt tệp đã có, không ghi lại): ${path}`,
  pdfUnchanged: (path: string) => `Không thay đổi (đã là bản PDF của đúng báo cáo này, không ghi lại): ${path}`,
} as const;

/** The terminal view of `danvan lo`: a line per job as it ends, then a table. */
export const loMsg = {
  /** `mark` ✓ ! ✗; `detail` the counts, or why the job wrote nothing. */
  jobLine: (mark: string, done: number, total: number, index: number, name: string, exitCode: number, detail: string) =>
    `${mark} [${done}/${total}] việc ${index} (${name}) — mã ${exitCode}${detail ? `: ${detail}` : ''}`,
  counts: (valid: number, invalid: number, missing: number) => `${valid} tệp hợp lệ, ${invalid} không hợp lệ, ${missing} đơn vị chưa gửi`,
  tableHeader: ['#', 'Việc', 'Kỳ', 'Hợp lệ', 'Không hợp lệ', 'Chưa gửi', 'Mã', 'Kết quả'],
  batchExit: (code: number) => `Mã thoát của cả lô: ${code} (mã cao nhất của các việc).`,
  /** A job that wrote its outputs (exit 0 or 1), or left every one of them as it was. */
  written: (exitCode: number, allUnchanged: boolean) =>
    `${allUnchanged ? 'không thay đổi' : 'đã ghi'}, ${exitCode === 0 ? 'mọi tệp hợp lệ' : 'có tệp không hợp lệ'}`,
  /** A job refused by its outputs: one that exists (a batch job replaces it with "force": true), or one that cannot be written. */
  outputRefused: (exists: boolean) =>
    exists ? 'không ghi: tệp kết quả đã có (thêm "force": true để ghi đè)' : 'không ghi: không ghi được tệp kết quả (lý do ở dòng của việc)',
  folderCreated: (folder: string) => `đã tạo thư mục "${folder}"`,
  /** A job that wrote nothing, by the code of its error (tonghop's reason), else by its exit code. */
  notWritten: (errorCode: string | undefined, exitCode: number) =>
    ({
      'no-input': 'không ghi: không có tệp báo cáo nào',
      'no-valid-file': 'không ghi: không có tệp hợp lệ nào',
      strict: 'không ghi: có tệp không hợp lệ và "strict": true',
      output: 'không ghi: tệp kết quả đã có (thêm "force": true để ghi đè) hoặc không ghi được, xem dòng của việc',
      config: 'lỗi cấu hình',
      template: 'lỗi mẫu báo cáo',
    })[errorCode ?? ''] ??
    ({ 2: 'lỗi cách dùng, cấu hình hoặc mẫu', 3: 'không ghi: không có tệp dùng được', 70: 'lỗi nội bộ của danvan' } as Record<number, string>)[exitCode] ??
    '',
} as const;

/** Run-level notes that are not about one file. */
export const runMsg = {
  internalOnFiles: (files: readonly string[]) =>
    `Lỗi nội bộ của danvan khi kiểm tra ${files.length} tệp (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''}): kết quả kiểm tra không đáng tin. ` +
    'Hãy báo lỗi cho nhóm phát triển, kèm các tệp này.',
  frameGaps: (gaps: readonly { key: string; what: string }[], configPath: string | null) =>
    `Báo cáo để trống (……) ${gaps.map((g) => g.what).join(', ')} vì ` +
    (configPath ? `tệp cấu hình ${configPath} chưa ghi: ` : 'chưa có tệp cấu hình, nên chưa có: ') +
    `${gaps.map((g) => `"${g.key}"`).join(', ')}. ` +
    (configPath ? 'Hãy điền các khóa này rồi chạy lại.' : 'Hãy chạy "danvan khoitao", điền các khóa này trong danvan.config.json rồi chạy lại.'),
} as const;

export const msg = {
  notSubmission: (sheets: string[]) =>
    `Bảng tính không phải biểu mẫu báo cáo công tác dân vận: không có sheet "Thông tin" hay "Số liệu"` +
    (sheets.length ? ` (các sheet có trong tệp: ${sheets.slice(0, 5).map(quote).join(', ')}${sheets.length > 5 ? '…' : ''})` : '') +
    `. ${FORM_HINT}`,
  sheetDuplicate: (sheet: string, names: readonly string[]) =>
    `Có ${names.length} sheet cùng là ${quote(sheet)} (${names.map(quote).join(', ')}); danvan không biết sheet nào là báo cáo. Hãy xóa hoặc đổi tên sheet thừa.`,
  columnDuplicate: (sheet: string, label: string, cells: readonly string[]) =>
    `Sheet ${quote(sheet)} có ${cells.length} cột cùng tiêu đề ${quote(label)} (${cells.join(', ')}); danvan không biết cột nào là số liệu. Hãy xóa hoặc đổi tên cột thừa.`,
  totalRowIgnored: () => 'Dòng "Tổng cộng" không phải một chỉ tiêu nên không được đọc (danvan tự cộng các chỉ tiêu).',
  dateOutsidePeriod: (date: string, period: string) =>
    `Ngày báo cáo ${date} không thuộc ${period} hay năm sau đó; hãy kiểm tra lại (có thể gõ nhầm năm).`,
  sheetMissing: (sheet: string) => `Thiếu sheet ${quote(sheet)}. ${FORM_HINT}`,
  sheetMissingOptional: (sheet: string) =>
    `Không có sheet ${quote(sheet)}; coi như đơn vị không có nội dung phần này.`,
  headerMissing: (sheet: string, labels: readonly string[]) =>
    `Sheet ${quote(sheet)} không có dòng tiêu đề cột (${labels.join(' | ')}) trong 10 dòng đầu. Hãy giữ nguyên dòng tiêu đề của biểu mẫu.`,
  columnMissing: (sheet: string, label: string) =>
    `Sheet ${quote(sheet)} thiếu cột ${quote(label)} ở dòng tiêu đề. Hãy giữ nguyên các cột của biểu mẫu.`,
  infoLabelMissing: (label: string) =>
    `Không tìm thấy dòng ${quote(label)} ở cột A. Hãy giữ nguyên các nhãn của biểu mẫu và điền giá trị ở cột B.`,
  infoRequired: (label: string) => `Chưa điền ${quote(label)}.`,
  periodInvalid: (text: string) =>
    `Kỳ báo cáo ${shown(text)} không hợp lệ; hãy ghi theo mẫu: Quý I/2023, 6 tháng/2023, 9 tháng/2023 hoặc Năm 2023.`,
  dateUnreadable: (text: string) =>
    `${shown(text)} không phải là ngày; hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/04/2023.`,
  dateImpossible: (text: string) =>
    `${shown(text)} không phải ngày có thật (ngày/tháng/năm); hãy kiểm tra lại, ví dụ 05/04/2023.`,
  dateOutOfRange: (text: string) => `Ngày ${shown(text)} nằm ngoài khoảng hợp lệ (năm 2000 đến 2100).`,
  notANumber: (text: string, kind: 'count' | 'amount' | 'ratio' = 'amount') =>
    `${shown(text)} không phải là số; hãy nhập ${kind === 'count' ? 'một số nguyên không âm, ví dụ 12' : 'một số không âm, ví dụ 12 hoặc 1.250,5'} (để trống nếu không có số liệu).`,
  fractionalCount: (text: string, value: number, unit: string, wholeAlternative?: number) =>
    `Chỉ tiêu này đếm bằng ${quote(unit)} nên phải là số nguyên; ô ghi ${shown(text)}` +
    (text === formatNumber(value, 12) ? '.' : ` (đọc theo cách viết Việt Nam là ${formatNumber(value, 12)}).`) +
    (wholeAlternative === undefined
      ? ''
      : ` Nếu ý là ${formatNumber(wholeAlternative, 0)} ${unit}, hãy ghi "${formatNumber(wholeAlternative, 0)}" (dấu chấm ngăn cách hàng nghìn) hoặc nhập số ${wholeAlternative}.`),
  ambiguousNumber: (text: string, value: number, alternative: number, unit: string) =>
    `${shown(text)} được đọc theo cách viết Việt Nam là ${formatNumber(value, 6)} ${unit}` +
    (text.includes(',') ? ' (dấu phẩy là dấu thập phân)' : ' (dấu chấm ngăn cách hàng nghìn)') +
    `. Nếu ý là ${formatNumber(alternative, 6)} ${unit}, hãy ghi "${formatNumber(alternative, 6)}"` +
    (Number.isInteger(alternative) ? ` hoặc nhập số ${alternative}.` : '.'),
  englishStyleNumber: (text: string, value: number) =>
    `${shown(text)} viết theo kiểu tiếng Anh, được đọc là ${formatNumber(value, 6)}; theo cách viết Việt Nam hãy ghi "${formatNumber(value, 6)}".`,
  /** A schema rule that has no sentence of its own: still Vietnamese, never the library's English. */
  valueInvalid: (label: string) => `Giá trị ở cột ${quote(label)} không hợp lệ; hãy kiểm tra lại.`,
  negative: (value: number) => `Số âm (${formatNumber(value, 6)}) không hợp lệ; hãy nhập một số không âm.`,
  dateInFigure: (text: string) =>
    `Ô chứa một ngày (${text}), không phải số liệu; hãy nhập số (định dạng ô là Số, không phải Ngày).`,
  numberTooLarge: (text: string) =>
    `Số ${shown(text)} quá lớn (từ 1.000.000.000.000.000 trở lên, vượt độ chính xác của Excel); hãy kiểm tra lại, có thể gõ thừa chữ số.`,
  formulaError: (text: string) => `Ô có lỗi công thức (${text}); hãy sửa công thức hoặc nhập số trực tiếp.`,
  formulaUncomputed: (formula: string, stale = false) =>
    (stale
      ? `Ô có công thức (${shown(formula).slice(1, -1)}) nhưng chưa có kết quả: kết quả lưu trong tệp đã cũ (tệp yêu cầu tính lại khi mở), Excel sẽ hiện số khác. `
      : `Ô có công thức (${shown(formula).slice(1, -1)}) nhưng chưa có kết quả: tệp được ghi bằng phần mềm không tự tính công thức. `) +
    'Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi gửi lại (hoặc nhập giá trị trực tiếp).',
  unknownIndicator: (code: string) =>
    `Mã chỉ tiêu ${shown(code)} không có trong danh mục; hãy giữ nguyên cột "Mã chỉ tiêu" của biểu mẫu.`,
  duplicateIndicator: (code: string, firstCell: string) =>
    `Mã chỉ tiêu ${quote(code)} xuất hiện lần thứ hai (lần đầu ở ô ${firstCell}); hãy xóa dòng trùng.`,
  // As the form's "Hướng dẫn" says it: a blank is allowed and means no figure or not tracked; it is not a 0.
  indicatorBlank: (code: string, name: string) =>
    `Chỉ tiêu ${code} (${name}) để trống: hiểu là đơn vị không có số liệu hoặc không theo dõi chỉ tiêu này (khác với ghi 0).`,
  indicatorRowMissing: (code: string, name: string) =>
    `Không có dòng cho chỉ tiêu ${code} (${name}); coi là không báo cáo.`,
  resolvedExceedsReceived: (solved: string, received: string) =>
    `Số kiến nghị đã giải quyết (${solved}) lớn hơn số kiến nghị tiếp nhận (${received}); hãy kiểm tra lại (có thể gồm kiến nghị tồn từ kỳ trước).`,
  fieldMissing: () => `Chưa chọn "Lĩnh vực"; hãy chọn trong danh sách thả xuống.`,
  fieldUnknown: (text: string, list: readonly string[]) =>
    `Lĩnh vực ${shown(text)} không có trong danh sách; hãy chọn một trong: ${list.join('; ')}.`,
  valueUnknown: (label: string, text: string, list: readonly string[]) =>
    `${label} ${shown(text)} không có trong danh sách; hãy chọn một trong: ${list.join('; ')}.`,
  valueMissing: (label: string) => `Chưa điền ${quote(label)}.`,
  sectionEmpty: (sheet: string) => `Sheet ${quote(sheet)} chưa có nội dung nào.`,
  periodMismatch: (found: string, expected: string) =>
    `Kỳ báo cáo của tệp là ${found}, khác với kỳ đang kiểm tra, tổng hợp là ${expected}; tệp không được tính.`,
  unitNotInRegistry: (code: string, name: string, alike: readonly { code: string; name: string }[]) =>
    alike.length > 1
      ? `Mã đơn vị ${shown(code)} không có trong danh sách đơn vị của cấu hình, và tên ${quote(name)} khớp với ${alike.length} đơn vị: ` +
        `${alike.map((u) => `${u.name} (mã ${quote(u.code)})`).join(', ')}; hãy ghi đúng mã của đơn vị mình`
      : `Mã đơn vị ${shown(code)}${name ? ` (${name})` : ''} không có trong danh sách đơn vị của cấu hình, nên báo cáo chưa được tổng hợp; ` +
        `nếu là mã gõ sai, hãy sửa lại; nếu đơn vị cần gửi báo cáo, đề nghị cơ quan tổng hợp bổ sung vào mục "units" của tệp cấu hình: ` +
        `{ "code": ${JSON.stringify(code)}, "name": ${JSON.stringify(name || '…')}, "group": "…" }`,
  unitNameMismatch: (code: string, registryName: string, name: string, named?: { code: string; name: string }) =>
    `Mã đơn vị ${quote(code)} là của ${registryName}, nhưng "Tên đơn vị" ghi ${quote(name)}, là một tổ chức khác: ` +
    `tệp không được tính cho ${registryName}` +
    (named
      ? `; nếu đây là báo cáo của ${named.name}, hãy ghi mã ${quote(named.code)}`
      : `; nếu ${name} cần gửi báo cáo, đề nghị cơ quan tổng hợp bổ sung đơn vị vào mục "units" của tệp cấu hình ` +
        `({ "code": "…", "name": ${JSON.stringify(name)}, "group": "…" }) rồi ghi mã được cấp vào ô "Mã đơn vị"`),
  unitCodeCorrected: (typed: string, code: string, name: string) =>
    `Mã đơn vị gõ sai: ${shown(typed)} không có trong danh sách, nhưng tên đơn vị và tên tệp đều là của ${name}, nên tệp được tính cho đơn vị này; lần sau hãy ghi mã ${quote(code)}.`,
  unitCodeMistyped: (typed: string, code: string, name: string) =>
    `Mã đơn vị gõ sai, mã đúng là ${quote(code)} (${name}): ${shown(typed)} không có trong danh sách; hãy sửa mã và gửi lại`,
  supersededBy: (usedFile: string, why: string) =>
    `Đơn vị đã gửi tệp khác cùng kỳ: dùng tệp ${quote(usedFile)} (${why}); tệp này không được tính (không phải lỗi).`,
  outputExtension: (path: string, extension: string, flag: string, what: string) =>
    `${flag} "${path}": danvan ghi ${what}, nên tên tệp phải có đuôi ${extension} (ví dụ "${path.replace(/\.[^./\\]*$/, '')}${extension}").`,
  periodTie: (periods: { name: string; key: string }[], count: number) =>
    `Không xác định được kỳ báo cáo: ${periods.map((p) => `${p.name} (${p.key})`).join(' và ')} có số đơn vị gửi bằng nhau (mỗi kỳ ${count} đơn vị). ` +
    `Hãy chỉ rõ kỳ cần xử lý bằng --ky, ví dụ --ky ${periods[periods.length - 1]!.key}.`,
  /** A file this machine cannot open (errno of Node, or null when it could not even be looked at): not the unit's fault. */
  unreadableHere: (errno: string | null) =>
    `Không mở được tệp trên máy này (${errno === 'EACCES' || errno === 'EPERM' ? 'tài khoản đang chạy danvan không có quyền đọc tệp' : errno === 'ENOENT' ? 'tệp không còn ở đó' : errno ? `lỗi hệ thống ${errno}` : 'tệp không còn ở đó hoặc không có quyền đọc'}); ` +
    'hãy kiểm tra quyền của tệp hoặc chép lại tệp, đơn vị không cần gửi lại.',
  supersededByInvalid: (newerFile: string, why: string) =>
    `Đơn vị đã gửi tệp mới hơn ${quote(newerFile)} (${why}) nhưng tệp đó có lỗi; tệp này không được tính thay cho tệp đó. ` +
    `Số liệu của đơn vị sẽ được tính khi tệp mới được sửa.`,
  supersedesWhileInvalid: (otherFiles: string[], why: string) =>
    `Tệp này là tệp mới nhất của đơn vị (${why}), thay cho ${otherFiles.map(quote).join(', ')}; hãy sửa các lỗi để số liệu của đơn vị được tính.`,
  supersedes: (otherFiles: string[], why: string) =>
    `Đơn vị gửi ${otherFiles.length + 1} tệp cùng kỳ: dùng tệp này (${why}); bỏ qua ${otherFiles.map(quote).join(', ')}.`,
  laterReportDate: (date: string) => `ngày báo cáo ${date} muộn hơn`,
  /** sameDate: both files carry one "Ngày báo cáo"; otherwise one of them has none that could be read. */
  laterFile: (sameDate: boolean) => `${sameDate ? 'cùng ngày báo cáo, ' : ''}tệp được sửa sau cùng`,
  rightPeriod: () => 'tệp đúng kỳ báo cáo',
  laterName: (sameDate: boolean) => `${sameDate ? 'cùng ngày báo cáo, ' : ''}chọn theo tên tệp đứng sau`,
  legacyRepaired: (encoding: keyof typeof LEGACY_ENCODING_NAME, before: string, after: string) =>
    `Văn bản gõ bằng bảng mã ${LEGACY_ENCODING_NAME[encoding]} đã được chuyển sang Unicode: ${shown(before)} thành ${shown(after)}.`,
  legacyRepairedSheet: (encodings: readonly (keyof typeof LEGACY_ENCODING_NAME)[], cells: readonly string[]) =>
    `Văn bản gõ bằng bảng mã ${encodings.map((e) => LEGACY_ENCODING_NAME[e]).join(' và ')} đã được chuyển sang Unicode ` +
    `ở ${cells.length} ô (${cellList(cells)}). Hãy đọc lại các ô này; lần sau nên gõ bằng bảng mã Unicode (phông Times New Roman).`,
} as const;

/** `danvan nhap`: Word reports turned into the form. */
export const nhapMsg = {
  refused: {
    unreadable: (detail: string) =>
      detail === 'not-regular' ? 'không phải tệp thường (thư mục, ống dẫn, thiết bị…).' : `không đọc được tệp (${fsErrorReason(detail)}).`,
    'empty-file': () => 'tệp rỗng (0 byte), không có nội dung.',
    'too-large': (detail: string) => `tệp quá lớn (${detail}); một báo cáo Word thường chỉ vài trăm KB.`,
    'not-word': (detail: string) =>
      detail === 'xlsx'
        ? 'đây là bảng tính Excel, không phải báo cáo Word: hãy kiểm tra bằng "danvan kiemtra".'
        : 'không phải tệp Word (.docx hoặc .doc) đọc được. Hãy mở bằng Word hoặc LibreOffice và lưu lại dưới dạng .docx.',
    encrypted: () => 'tệp Word có đặt mật khẩu, danvan không mở được. Hãy xin đơn vị gửi bản không đặt mật khẩu.',
    corrupt: () => 'tệp Word bị hỏng (cấu trúc bên trong không đọc được). Hãy xin đơn vị gửi lại tệp gốc.',
    'over-limit': (_detail: string, limit?: string) => {
      const what: Record<string, string> = {
        totalInflatedBytes: 'dung lượng khi giải nén',
        partBytes: 'dung lượng một phần của tệp khi giải nén',
        depth: 'độ lồng nhau của các thành phần',
        paragraphs: 'số đoạn văn',
        tableRows: 'số dòng của bảng',
        tableCells: 'số ô của bảng',
        chars: 'số ký tự',
      };
      return `tệp vượt giới hạn ${what[limit ?? ''] ?? 'kích thước'} mà danvan đọc (một báo cáo thật chỉ vài trang). Có thể tệp bị hỏng hoặc bị làm giả.`;
    },
    'doc-convert': (detail: string) =>
      detail === 'soffice-missing'
        ? 'tệp Word cũ (.doc) cần LibreOffice để đọc mà máy chưa có. Hãy cài LibreOffice, hoặc mở tệp bằng Word và lưu lại dưới dạng .docx.'
        : `LibreOffice không chuyển được tệp Word cũ (.doc) này (${detail}). Có thể tệp có mật khẩu hoặc bị hỏng; hãy mở bằng Word và lưu lại dưới dạng .docx.`,
    scanned: () => 'tệp chỉ có hình ảnh (bản chụp hoặc bản quét), không có chữ để nhập. Hãy xin đơn vị gửi bản Word gốc, hoặc nhập tay vào biểu mẫu.',
    plan: (detail: string) => `đây là KẾ HOẠCH${detail ? ` (${shownLong(detail)})` : ''}, không phải báo cáo kết quả: không có gì để nhập vào biểu mẫu báo cáo.`,
    decision: (detail: string) => `đây là QUYẾT ĐỊNH${detail ? ` (${shownLong(detail)})` : ''}, không phải báo cáo kết quả: không có gì để nhập vào biểu mẫu báo cáo.`,
    'other-kind': (detail: string) => `đây là ${detail}, không phải báo cáo kết quả công tác dân vận: không có gì để nhập vào biểu mẫu.`,
    'not-a-report': () =>
      'không tìm thấy tiêu đề "BÁO CÁO" hay các phần của một báo cáo (kết quả, hạn chế, nhiệm vụ, kiến nghị). Nếu đây đúng là báo cáo, hãy nhập tay vào biểu mẫu.',
  } as Record<string, (detail: string, limit?: string) => string>,
  refusedLine: (file: string, reason: string) => `✗ ${file}: không nhập — ${reason}`,
  importedLine: (file: string, output: string, who: string, review: number) =>
    `✓ ${file} → ${output}${who ? ` (${who})` : ''}${review ? `: ${review} việc cần người xem lại (sheet "${NHAP_SHEET}")` : ''}`,
  unchangedLine: (file: string, output: string) => `= ${file} → ${output}: không thay đổi (giống hệt tệp đã có, không ghi lại)`,
  summary: (written: number, unchanged: number, refused: number, dir: string) =>
    `Đã nhập ${written + unchanged} báo cáo Word vào thư mục ${dir}` +
    (unchanged ? ` (${unchanged} tệp không thay đổi)` : '') +
    (refused ? `; ${refused} tệp không nhập.` : '.') +
    ' Mở từng biểu mẫu, xem sheet đầu, rồi kiểm tra bằng "danvan kiemtra".',
  nothingImported: (refused: number) => `Không nhập được báo cáo nào (${refused} tệp không nhập).`,
  noInputs: 'Không có tệp Word (.docx, .doc) nào trong các đầu vào đã chỉ ra.',
  outNotDir: (dir: string) => `-o "${dir}" là một tệp, không phải thư mục: danvan nhap ghi mỗi báo cáo thành một biểu mẫu trong thư mục -o.`,
  badPeriod: (ky: string) => `Kỳ báo cáo "${ky}" không hợp lệ; hãy ghi như Quý III/2025, 6 tháng/2025, 9 tháng/2025, Năm 2025.`,
  review: {
    unitNotFound: (name: string) =>
      name
        ? `Tên đơn vị ở đầu văn bản (${shownLong(name)}) không khớp đơn vị nào trong danh sách đơn vị của cấu hình: ghi Mã đơn vị và Tên đơn vị ở sheet "Thông tin".`
        : 'Không đọc được tên đơn vị ở đầu văn bản: ghi Mã đơn vị và Tên đơn vị ở sheet "Thông tin".',
    unitAmbiguous: (name: string, codes: string[]) => `Tên đơn vị ${shownLong(name)} khớp nhiều đơn vị (${codes.join(', ')}): chọn đúng Mã đơn vị ở sheet "Thông tin".`,
    unitOther: (header: string, fileUnit: string) =>
      `Tên tệp gợi ý đơn vị ${fileUnit}, nhưng đầu văn bản ghi ${shownLong(header)}, tên của một tổ chức khác: danvan không điền mã đơn vị; hãy xác định đơn vị gửi báo cáo.`,
    unitByFileName: (unit: string) => `Đơn vị ${unit} được nhận ra theo tên tệp (đầu văn bản không ghi rõ tên đơn vị): hãy kiểm tra lại.`,
    noRegistry: 'Cấu hình chưa có danh sách đơn vị ("units"): ghi Mã đơn vị ở sheet "Thông tin" (dùng --config để danvan tự tìm).',
    noPeriod: 'Tiêu đề không ghi kỳ báo cáo (quý, 6 tháng, 9 tháng, năm): chọn Kỳ báo cáo ở sheet "Thông tin", hoặc chạy lại với --ky.',
    periodDiffers: (title: string, ky: string) => `Tiêu đề ghi ${shownLong(title)}, khác kỳ --ky ${ky}: biểu mẫu ghi kỳ theo tiêu đề; hãy kiểm tra lại.`,
    noDate: 'Không tìm thấy dòng ngày tháng ("…, ngày … tháng … năm …"): ghi Ngày báo cáo ở sheet "Thông tin".',
    unknownHeading: (heading: string, count: number) =>
      `Đề mục ${shownLong(heading)} không thuộc lĩnh vực nào của biểu mẫu: ${count} nội dung dưới đề mục này được để lĩnh vực "Khác"; hãy chọn lại lĩnh vực nếu cần.`,
    unknownPart: (part: string, count: number) =>
      `Phần ${shownLong(part)} không phải phần nào của báo cáo mà danvan biết: ${count} nội dung của phần này được nhập vào sheet "Kết quả", lĩnh vực "Khác"; hãy xem lại.`,
    fieldGuessed: (count: number) =>
      `${count} nội dung không có đề mục lĩnh vực: lĩnh vực được chọn theo từ ngữ của nội dung (hoặc "Khác"); hãy xem lại cột Lĩnh vực.`,
    causesPaired: (limitations: number, causes: number) =>
      `Báo cáo nêu ${limitations} hạn chế và ${causes} nguyên nhân riêng: nguyên nhân được ghi vào cột Nguyên nhân theo thứ tự; hãy xem lại cho đúng cặp.`,
    causesOnly: (causes: number) => `Báo cáo nêu ${causes} nguyên nhân mà không nêu hạn chế: nguyên nhân được ghi ở dòng có hạn chế để trống, hãy điền hạn chế tương ứng.`,
    skippedPart: (part: string, count: number) => `Phần ${shownLong(part)} (${count} đoạn) không có chỗ trong biểu mẫu, không nhập.`,
    unplaced: (label: string, value: string, reason: string, candidates: string[]) => {
      const why: Record<string, string> = {
        'no-match': 'không khớp chỉ tiêu nào của danh mục',
        ambiguous: `khớp nhiều chỉ tiêu (${candidates.join(', ')})`,
        duplicate: `trùng chỉ tiêu ${candidates.join(', ')} đã điền từ dòng khác`,
        derived: 'là tỷ lệ, biểu mẫu tự tính, không nhập',
        'not-a-number': `giá trị ${shownLong(value)} không phải số`,
        'not-whole': `chỉ tiêu ${candidates.join(', ')} là số đếm, mà giá trị ${shownLong(value)} có phần lẻ`,
      };
      return `Dòng số liệu ${shownLong(label)} = ${shownLong(value)}: ${why[reason] ?? reason}; chưa đưa vào sheet "Số liệu", hãy tự điền nếu đúng.`;
    },
    offered: (code: string, value: string, sentence: string) =>
      `Số ${value} cho chỉ tiêu ${code} chỉ có trong câu văn ${shownLong(sentence)}: chưa điền vào "Kỳ này"; nếu đúng, hãy gõ số vào ô.`,
    legacy: (count: number, encodings: string) => `${count} đoạn gõ bằng bảng mã cũ ${encodings} đã được chuyển sang Unicode; hãy xem lại.`,
    emptyPart: (sheet: string) => `Không tìm thấy nội dung cho sheet "${sheet}".`,
  },
  where: {
    header: 'Đầu văn bản',
    fileName: 'Tên tệp',
    title: 'Tiêu đề',
    paragraph: (n: number) => `Đoạn ${n}`,
    tableRow: (table: number, row: number) => `Bảng ${table}, dòng ${row}`,
  },
  how: {
    byHeader: 'Tìm theo tên ở đầu văn bản.',
    byFileName: 'Tìm theo tên tệp: hãy kiểm tra lại.',
  },
  counts: {
    causes: (n: number) => `${n} nguyên nhân ở cột Nguyên nhân`,
    offered: (n: number) => `${n} số đề xuất ở cột Ghi chú`,
    unplaced: (n: number) => `${n} dòng số liệu chưa đặt`,
  },
  noInput: 'Chưa chỉ ra tệp hoặc thư mục báo cáo Word cần nhập.',
  notFound: (input: string) => `Không tìm thấy tệp hoặc thư mục "${input}".`,
  convertTimeout: (seconds: number) => `quá ${seconds} giây`,
  progress: 'Đang nhập báo cáo Word',
  reviewLine: (where: string, message: string) => `    cần xem: ${where ? `${where}: ` : ''}${message}`,
  note: {
    origin: (file: string, part: string, heading: string, paragraph: number) =>
      `Nhập từ: ${file}\nPhần: ${part || '(đầu báo cáo)'}${heading ? `\nĐề mục: ${heading}` : ''}\nĐoạn ${paragraph}`,
    table: (file: string, table: number, row: number, label: string) => `Nhập từ: ${file}\nBảng số liệu ${table}, dòng ${row}: ${label}`,
    fieldGuessed: 'Lĩnh vực chọn theo từ ngữ của nội dung (không có đề mục): hãy xem lại.',
    fieldUnknown: (heading: string) => `Đề mục "${heading}" không thuộc lĩnh vực nào: để "Khác", hãy chọn lại nếu cần.`,
    addressee: 'Cơ quan nhận đọc từ "Đề nghị …" của nội dung.',
    addresseeFromHeading: (heading: string) => `Cơ quan nhận đọc từ đề mục "${heading}".`,
    deadline: 'Thời hạn đọc từ nội dung nhiệm vụ.',
    causePaired: 'Nguyên nhân ghi theo thứ tự trong báo cáo: hãy xem lại cho đúng cặp với hạn chế.',
    unit: (file: string, name: string, how: string) => `Nhập từ: ${file}\nTên ở đầu văn bản: ${name || '(không có)'}\n${how}`,
    period: (file: string, text: string) => `Nhập từ: ${file}\n${text ? `Kỳ đọc từ tiêu đề: "${text}"` : 'Kỳ lấy từ --ky'}`,
    date: (file: string, text: string) => `Nhập từ: ${file}\nDòng ngày tháng: "${text}"`,
    head: (file: string) => `Nhập từ: ${file}\nKhối chữ ký cuối văn bản`,
    offered: (value: string, sentence: string) => `Đề xuất: ${value} — trong câu "${sentence}". Chưa điền vào Kỳ này: nếu đúng, hãy gõ số vào ô Kỳ này.`,
  },
  sheet: {
    title: 'KẾT QUẢ NHẬP TỪ BÁO CÁO WORD',
    source: 'Tệp gốc',
    unit: 'Đơn vị',
    period: 'Kỳ báo cáo',
    date: 'Ngày báo cáo',
    head: 'Thủ trưởng đơn vị',
    notRead: '(không đọc được)',
    imported: 'ĐÃ NHẬP',
    importedHeader: ['Sheet', 'Số dòng', 'Ghi chú'],
    review: 'CẦN NGƯỜI XEM LẠI',
    reviewHeader: ['STT', 'Việc cần làm', 'Nơi trong báo cáo Word'],
    noReview: 'Không có việc nào: mọi nội dung đều đã đặt đúng chỗ. Vẫn nên đọc lại trước khi dùng.',
    howTo: 'Mỗi ô được nhập có ghi chú (tam giác đỏ ở góc ô) cho biết nội dung lấy từ phần, đề mục, đoạn nào của báo cáo Word. Sửa xong, kiểm tra bằng "danvan kiemtra".',
  },
};

/** The first sheet of an imported form. */
export const NHAP_SHEET = 'Nhập từ Word';

function shownLong(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return quote(oneLine.length > 120 ? `${oneLine.slice(0, 117)}…` : oneLine);
}

/** The fixed shape of the submission form (SPEC §3): sheet names, header labels and "Thông tin" labels. */

export const SHEET = {
  info: 'Thông tin',
  figures: 'Số liệu',
  results: 'Kết quả',
  limitations: 'Hạn chế',
  tasks: 'Nhiệm vụ',
  proposals: 'Kiến nghị',
  models: 'Mô hình',
  guide: 'Hướng dẫn',
} as const;
export type SheetKey = Exclude<keyof typeof SHEET, 'guide'>;

/** "Thông tin": label in column A, value in column B. */
export const INFO_LABEL = {
  unitCode: 'Mã đơn vị',
  unitName: 'Tên đơn vị',
  period: 'Kỳ báo cáo',
  reportDate: 'Ngày báo cáo',
  preparedBy: 'Người lập',
  phone: 'Điện thoại',
  email: 'Email',
  head: 'Thủ trưởng đơn vị',
} as const;
export type InfoKey = keyof typeof INFO_LABEL;
export const REQUIRED_INFO: readonly InfoKey[] = ['unitCode', 'unitName', 'period', 'reportDate'];

/**
 * The units an item of an aggregate came from: `tonghop --xlsx` writes this extra column so that attribution
 * survives one level up. Units' own forms do not have it; it is never required.
 */
export const ORIGIN = { key: 'origin', label: 'Đơn vị báo cáo', required: false } as const;

/** Header labels of each table sheet, in form order; `required` columns must be present in the header row. */
export const COLUMNS = {
  figures: [
    { key: 'code', label: 'Mã chỉ tiêu', required: true },
    { key: 'name', label: 'Chỉ tiêu', required: false },
    { key: 'unit', label: 'Đơn vị tính', required: false },
    { key: 'value', label: 'Kỳ này', required: true },
    { key: 'note', label: 'Ghi chú', required: false },
  ],
  results: [
    { key: 'no', label: 'STT', required: false },
    { key: 'field', label: 'Lĩnh vực', required: true },
    { key: 'content', label: 'Nội dung', required: true },
    ORIGIN,
  ],
  limitations: [
    { key: 'no', label: 'STT', required: false },
    { key: 'field', label: 'Lĩnh vực', required: true },
    { key: 'content', label: 'Hạn chế', required: true },
    { key: 'cause', label: 'Nguyên nhân', required: false },
    ORIGIN,
  ],
  tasks: [
    { key: 'no', label: 'STT', required: false },
    { key: 'field', label: 'Lĩnh vực', required: true },
    { key: 'content', label: 'Nhiệm vụ', required: true },
    { key: 'deadline', label: 'Thời hạn', required: false },
    ORIGIN,
  ],
  proposals: [
    { key: 'no', label: 'STT', required: false },
    { key: 'content', label: 'Nội dung kiến nghị', required: true },
    { key: 'addressee', label: 'Cơ quan nhận', required: false },
    ORIGIN,
  ],
  models: [
    { key: 'no', label: 'STT', required: false },
    { key: 'name', label: 'Tên mô hình', required: true },
    { key: 'field', label: 'Lĩnh vực', required: true },
    { key: 'level', label: 'Cấp công nhận', required: true },
    { key: 'note', label: 'Ghi chú', required: false },
    ORIGIN,
  ],
} as const satisfies Record<Exclude<SheetKey, 'info'>, readonly { key: string; label: string; required: boolean }[]>;

export type TableSheetKey = keyof typeof COLUMNS;
export const TABLE_SHEETS = Object.keys(COLUMNS) as TableSheetKey[];

/** The columns a table sheet of the form shows: the units' form without the roll-up's origin column. */
export function formColumns<K extends TableSheetKey>(key: K, withOrigin = false): (typeof COLUMNS)[K][number][] {
  return COLUMNS[key].filter((column) => withOrigin || column.key !== ORIGIN.key);
}

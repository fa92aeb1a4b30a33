/** The submission form writer (SPEC §3): a catalogue and optional content in, the .xlsx bytes out. */
import ExcelJS from 'exceljs';
import { addFiguresSheet } from './figures-sheet.js';
import { addGuideSheet } from './guide-sheet.js';
import { addInfoSheet } from './info-sheet.js';
import { addListsSheet } from './lists-sheet.js';
import { LIST_SHEET_KEYS, addTableSheet } from './table-sheets.js';
import type { FormExamples, FormOptions } from './types.js';
import { parsePeriod, periodLabel, periodsOfYear } from '../domain/period.js';
import { normaliseWorkbookPackage } from './workbook-package.js';

export type { FormContent, FormInfo, FormOptions } from './types.js';
export { INFO_ROW } from './info-sheet.js';
export { FIGURE_COLUMN, figureRows } from './figures-sheet.js';
export { LISTS_SHEET, listRange } from './lists-sheet.js';
export { FIRST_DATA_ROW, HEADER_ROW, TITLE_ROW, VALIDATION_LAST_ROW } from './sheet-frame.js';

const DEFAULT_BLANK_ROWS = 30;
const DEFAULT_TIMESTAMP = new Date(Date.UTC(2000, 0, 1));

/** The unit and period the form's hints show: what it is pre-filled with, else what the caller gives, else made up. */
function formExamples(options: FormOptions): FormExamples {
  const info = options.content?.info ?? {};
  const period = (info.period ? parsePeriod(info.period) : undefined) ?? options.examples?.period;
  const locality = options.committee?.locality;
  return {
    // Made up when nothing is given: a unit every committee has, at its level.
    unitCode: info.unitCode || options.examples?.unitCode || (locality ? 'MTTQ' : 'HU_DONGHOA'),
    unitName: info.unitName || options.examples?.unitName || (locality ? `Ủy ban MTTQ Việt Nam ${locality}` : 'Ban Dân vận Huyện ủy Đông Hòa'),
    ...(period ? { period } : {}),
    ...(options.committee ? { committee: options.committee } : {}),
    ...(options.groups?.length ? { groups: options.groups } : {}),
  };
}

/** Builds the form: "Hướng dẫn", "Thông tin", "Số liệu", the five list sheets, then the hidden lists sheet. */
export async function buildFormWorkbook(options: FormOptions): Promise<Buffer> {
  const content = options.content ?? {};
  const blankRows = Math.max(0, Math.floor(options.blankRows ?? DEFAULT_BLANK_ROWS));
  const timestamp = options.timestamp ?? content.info?.reportDate ?? DEFAULT_TIMESTAMP;

  const workbook = new ExcelJS.Workbook();
  // Fixed metadata: the same inputs must give the same bytes (SPEC §4 asks it of every output).
  workbook.creator = 'danvan';
  workbook.lastModifiedBy = 'danvan';
  workbook.created = timestamp;
  workbook.modified = timestamp;
  workbook.title = 'Biểu mẫu báo cáo công tác dân vận';
  // The KN_TL formula may have no cached result: ask Excel to compute it on opening.
  workbook.calcProperties = { fullCalcOnLoad: true };

  const examples = formExamples(options);
  addGuideSheet(workbook, options.catalogue, examples);
  await addInfoSheet(workbook, content.info, examples);
  await addFiguresSheet(workbook, options.catalogue, content);
  for (const key of LIST_SHEET_KEYS) addTableSheet(workbook, key, content, blankRows);
  addListsSheet(workbook, examples.period ? periodsOfYear(examples.period.year).map(periodLabel) : []);
  // Open on "Thông tin", the first sheet to fill in.
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  options.finish?.(workbook);

  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return normaliseWorkbookPackage(bytes, timestamp);
}

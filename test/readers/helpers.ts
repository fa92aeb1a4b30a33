/** Test-only builders: a tiny zip writer, hand-written minimal .xlsx packages, and temp folders. */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { RawWorkbook } from '../../src/readers/types.js';
import { crc32 } from '../../src/writers/docx/zip.js';

export { crc32 };

// A plain zip (no zip64, no data descriptors) with an optional archive comment: the hostile-input script's writer.
import { makeZip, type ZipEntryInput } from '../../scripts/hostile-inputs.mjs';

export { makeZip };
export type ZipInput = ZipEntryInput;

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface MiniSheet {
  name: string;
  /** Inner XML of <sheetData> (or the whole part when `part` is true). */
  xml: string;
  part?: boolean;
  /** Markup after </sheetData>, e.g. <mergeCells>. */
  after?: string;
  /** A chartsheet instead of a worksheet. */
  chart?: boolean;
}

export interface MiniWorkbook {
  sheets: MiniSheet[];
  /** <si> items (inner XML of <sst>). */
  sharedStrings?: string;
  /** Inner XML of <styleSheet>. */
  styles?: string;
  date1904?: boolean;
  /** Write relationship targets as absolute part names ("/xl/worksheets/sheet1.xml"). */
  absoluteTargets?: boolean;
  /** Drop these parts from the package. */
  omit?: string[];
}

/** A hand-written .xlsx package: only the parts a reader needs, so each test controls every byte that matters. */
export function miniXlsx(book: MiniWorkbook): Buffer {
  const prefix = book.absoluteTargets ? '/xl/' : '';
  const rels: string[] = [];
  const entries: ZipInput[] = [];
  const sheetTags = book.sheets.map((sheet, i) => {
    const n = i + 1;
    const kind = sheet.chart ? 'chartsheet' : 'worksheet';
    const folder = sheet.chart ? 'chartsheets' : 'worksheets';
    rels.push(`<Relationship Id="rId${n}" Type="${REL_BASE}/${kind}" Target="${prefix}${folder}/sheet${n}.xml"/>`);
    const body = sheet.chart
      ? `<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="${NS_MAIN}"><sheetViews/></chartsheet>`
      : sheet.part
        ? sheet.xml
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetData>${sheet.xml}</sheetData>${sheet.after ?? ''}</worksheet>`;
    entries.push({ name: `xl/${folder}/sheet${n}.xml`, data: body });
    return `<sheet name="${sheet.name}" sheetId="${n}" r:id="rId${n}"/>`;
  });
  const extra = book.sheets.length;
  if (book.sharedStrings !== undefined) {
    rels.push(`<Relationship Id="rId${extra + 1}" Type="${REL_BASE}/sharedStrings" Target="${prefix}sharedStrings.xml"/>`);
    entries.push({ name: 'xl/sharedStrings.xml', data: `<?xml version="1.0"?><sst xmlns="${NS_MAIN}">${book.sharedStrings}</sst>` });
  }
  if (book.styles !== undefined) {
    rels.push(`<Relationship Id="rId${extra + 2}" Type="${REL_BASE}/styles" Target="${prefix}styles.xml"/>`);
    entries.push({ name: 'xl/styles.xml', data: `<?xml version="1.0"?><styleSheet xmlns="${NS_MAIN}">${book.styles}</styleSheet>` });
  }
  const workbook =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    (book.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>') +
    `<sheets>${sheetTags.join('')}</sheets></workbook>`;
  const all: ZipInput[] = [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_BASE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    { name: 'xl/workbook.xml', data: workbook },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    },
    ...entries,
  ];
  return makeZip(all.filter((e) => !book.omit?.includes(e.name)));
}

/** A temp folder removed when the current test ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'danvan-readers-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * The workbook with numbers rounded to 12 significant digits and date serials to the millisecond, so
 * readers that reach one value by different float paths (serial text vs. a JS Date) compare equal.
 */
export function roundedWorkbook(book: RawWorkbook): RawWorkbook {
  return {
    sheets: book.sheets.map((sheet) => ({
      name: sheet.name,
      cells: sheet.cells.map((cell) => {
        const v = cell.value;
        if (v.kind === 'number') return { ...cell, value: { kind: 'number', number: Number(v.number.toPrecision(12)) } };
        if (v.kind === 'date') return { ...cell, value: { kind: 'date', serial: Math.round(v.serial * 86_400_000) / 86_400_000 } };
        return cell;
      }),
    })),
  };
}

#!/usr/bin/env node
// Crafted hostile and odd inputs (issue 7): workbooks that abuse the zip and XML budgets, cells of long runs
// of spaces and dots, templates and configs that abuse their budgets, and the fuzz mutations of the fixtures.
// Plain Node (no build, no dependencies), so the tests import it and a person can write every case to a folder:
//
//   node scripts/hostile-inputs.mjs OUT_DIR            the small cases (a few MB in all)
//   node scripts/hostile-inputs.mjs OUT_DIR --large    also the issue's full-size cases (255 MB parts, 1 M rows)
//
// Large files are made at test time in a temp folder and never committed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { crc32 } from '../dist/writers/docx/zip.js';

// ---------------------------------------------------------------------------------------------------------
// Zip

// The project's CRC-32, from the build like make-fixtures.mjs (the tests build dist/ before they start).
export { crc32 };

const toBytes = (data) => (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength));

/**
 * A plain zip (no zip64, no data descriptors), with an optional archive comment. Each entry: { name, data,
 * method = 8 | 0, level, body, crc, size }. `body` replaces the stored/deflated bytes, `crc` and `size` replace the
 * declared CRC-32 and uncompressed size (in both headers): that is how a damaged or lying file is made.
 */
export function makeZip(entries, comment = '') {
  const chunks = [];
  const centrals = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = entry.data === undefined ? undefined : toBytes(entry.data);
    const method = entry.method ?? 8;
    const body = entry.body ?? (method === 8 ? zlib.deflateRawSync(raw, { level: entry.level ?? 6 }) : raw);
    const crc = entry.crc ?? crc32(raw);
    const size = entry.size ?? raw.length;
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  const commentBytes = Buffer.from(comment, 'latin1');
  eocd.writeUInt16LE(commentBytes.length, 20);
  return Buffer.concat([...chunks, cd, eocd, commentBytes]);
}

/**
 * The same entries as a zip64 archive, as streaming writers make them even for small files: every size and offset
 * in the zip64 extra fields (the 32-bit fields all ones), a zip64 end record and its locator before the end record.
 */
export function makeZip64(entries) {
  const chunks = [];
  const centrals = [];
  let offset = 0;
  const u64 = (n) => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    return b;
  };
  for (const entry of entries) {
    const raw = toBytes(entry.data);
    const method = entry.method ?? 8;
    const body = method === 8 ? zlib.deflateRawSync(raw) : raw;
    const crc = crc32(raw);
    const name = Buffer.from(entry.name, 'utf8');
    const localExtra = Buffer.concat([Buffer.from([1, 0, 16, 0]), u64(raw.length), u64(body.length)]);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(45, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(0xffffffff, 18);
    local.writeUInt32LE(0xffffffff, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    chunks.push(local, name, localExtra, body);
    const centralExtra = Buffer.concat([Buffer.from([1, 0, 24, 0]), u64(raw.length), u64(body.length), u64(offset)]);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(45, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(0xffffffff, 20);
    central.writeUInt32LE(0xffffffff, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(centralExtra.length, 30);
    central.writeUInt32LE(0xffffffff, 42);
    centrals.push(central, name, centralExtra);
    offset += 30 + name.length + localExtra.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(44n, 4);
  end64.writeUInt16LE(45, 12);
  end64.writeUInt16LE(45, 14);
  end64.writeBigUInt64LE(BigInt(entries.length), 24);
  end64.writeBigUInt64LE(BigInt(entries.length), 32);
  end64.writeBigUInt64LE(BigInt(cd.length), 40);
  end64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
  locator.writeUInt32LE(1, 16);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(0xffff, 8);
  eocd.writeUInt16LE(0xffff, 10);
  eocd.writeUInt32LE(0xffffffff, 12);
  eocd.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([...chunks, cd, end64, locator, eocd]);
}

/**
 * The entries of a well-formed zip, in directory order, with their uncompressed data (no checks: this
 * only takes apart the fixtures, which are sound). Each: { name, method, data }.
 */
export function readZip(bytes) {
  const buf = toBytes(bytes);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const body = buf.subarray(start, start + compressed);
    out.push({ name, method, data: method === 8 ? zlib.inflateRawSync(body) : Buffer.from(body) });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Submissions written by hand (inline strings only), so that every byte of a crafted part is under control

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The default catalogue's codes in form order, with the values a crafted submission reports. */
export const FIGURES = {
  DVK_MH_MOI: 3, DVK_MH_CN: 2, DVK_DH: 1, TT_BUOI: 40, TT_LUOT: 2500, TH_LOP: 2, TH_LUOT: 120, DT_HN: 4,
  KN_TIEP: 20, KN_GQ: 18, KTGS_CUOC: 3, VD_TIEN: 150.5, VD_NGAYCONG: 800, VD_DAT: 1200, VD_NHA: 5, KT_TAPTHE: 4, KT_CANHAN: 9,
};

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function columnName(n) {
  let name = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

/** One cell's XML: numbers as numbers, text as an inline string; null/undefined is no cell. */
function cellXml(ref, value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(value))}</t></is></c>`;
}

/** A worksheet part from rows of values (row 1 first), with merged ranges after the sheet data. */
export function worksheetXml(rows, { merges = [] } = {}) {
  const parts = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetData>`];
  rows.forEach((row, i) => {
    if (!row || row.length === 0) return;
    const r = i + 1;
    parts.push(`<row r="${r}">${row.map((v, j) => cellXml(`${columnName(j + 1)}${r}`, v)).join('')}</row>`);
  });
  parts.push('</sheetData>');
  if (merges.length) parts.push(`<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  parts.push('</worksheet>');
  return parts.join('');
}

/**
 * The sheets of a valid submission (SPEC §3), as rows of values, header on row 1. `items` replaces or adds
 * rows of the table sheets: { results: [[field, text]], limitations: [[field, text, cause]], tasks: [[field, text, due]],
 * proposals: [[text, addressee]], models: [[name, field, level, note]] }.
 */
export function submissionSheets({ unitCode = 'DV_THU', unitName = 'Đơn vị thử', period = 'Quý I/2023', date = 45016, figures = FIGURES, items = {} } = {}) {
  const numbered = (rows) => rows.map((row, i) => [i + 1, ...row]);
  return [
    {
      name: 'Thông tin',
      rows: [
        ['Mã đơn vị', unitCode], ['Tên đơn vị', unitName], ['Kỳ báo cáo', period], ['Ngày báo cáo', date],
        ['Người lập', 'Nguyễn Văn A'], ['Điện thoại', '0200 3812 345'], ['Email', 'vanphong@example.vn'], ['Thủ trưởng đơn vị', 'Trần Thị B'],
      ],
    },
    {
      name: 'Số liệu',
      rows: [['Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Kỳ này', 'Ghi chú'], ...Object.entries(figures).map(([code, value]) => [code, code, '', value])],
    },
    {
      name: 'Kết quả',
      rows: [['STT', 'Lĩnh vực', 'Nội dung'], ...numbered(items.results ?? [['Dân vận chính quyền', 'Tổ chức 4 hội nghị đối thoại với Nhân dân.']])],
    },
    {
      name: 'Hạn chế',
      rows: [['STT', 'Lĩnh vực', 'Hạn chế', 'Nguyên nhân'], ...numbered(items.limitations ?? [['Khác', 'Việc nắm tình hình có lúc chưa kịp thời.', 'Cán bộ kiêm nhiệm.']])],
    },
    { name: 'Nhiệm vụ', rows: [['STT', 'Lĩnh vực', 'Nhiệm vụ', 'Thời hạn'], ...numbered(items.tasks ?? [['Dân vận khéo', 'Nhân rộng mô hình "Dân vận khéo".', '']])] },
    { name: 'Kiến nghị', rows: [['STT', 'Nội dung kiến nghị', 'Cơ quan nhận'], ...numbered(items.proposals ?? [['Đề nghị mở lớp tập huấn.', 'Ban Dân vận Tỉnh ủy']])] },
    { name: 'Mô hình', rows: [['STT', 'Tên mô hình', 'Lĩnh vực', 'Cấp công nhận', 'Ghi chú'], ...numbered(items.models ?? [['Mô hình "Tổ tự quản"', 'Kinh tế', 'Cơ sở', '']])] },
  ];
}

const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

function contentTypes(worksheetParts, withSharedStrings) {
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>`,
    ...worksheetParts.map((name) => `<Override PartName="/${name}" ContentType="${CT}.worksheet+xml"/>`),
    ...(withSharedStrings ? [`<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>`] : []),
  ];
  return (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    `${overrides.join('')}</Types>`
  );
}

/**
 * A workbook package. `sheets`: [{ name, rows, merges } or { name, xml } or { name, part }] — `part` names
 * another sheet's part file (xl/worksheets/sheetN.xml), so several sheets can point at one part. `extraParts`
 * are added as they are; `zipOptions` maps a part name to makeZip overrides (crc, size, body, method).
 */
export function workbookXlsx(sheets, { extraParts = [], zipOptions = {}, sharedStrings } = {}) {
  const rels = [];
  if (sharedStrings !== undefined) {
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    extraParts = [...extraParts, { name: 'xl/sharedStrings.xml', data: `<?xml version="1.0"?><sst xmlns="${NS_MAIN}">${sharedStrings}</sst>` }];
  }
  const parts = [];
  const tags = sheets.map((sheet, i) => {
    const n = i + 1;
    const target = sheet.part ?? `worksheets/sheet${n}.xml`;
    rels.push(`<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="${target}"/>`);
    if (!sheet.part) parts.push({ name: `xl/${target}`, data: sheet.xml ?? worksheetXml(sheet.rows, { merges: sheet.merges }) });
    return `<sheet name="${escapeXml(sheet.name)}" sheetId="${n}" r:id="rId${n}"/>`;
  });
  const all = [
    // Content types as Excel writes them: openpyxl finds the workbook through them (danvan through the relationships).
    { name: '[Content_Types].xml', data: contentTypes(parts.map((p) => p.name), sharedStrings !== undefined) },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    { name: 'xl/workbook.xml', data: `<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/><sheets>${tags.join('')}</sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>` },
    ...parts,
    ...extraParts,
  ];
  return makeZip(all.map((entry) => ({ ...entry, ...(zipOptions[entry.name] ?? {}) })));
}

/** A valid submission workbook (see submissionSheets for the options). */
export function submissionXlsx(options = {}) {
  return workbookXlsx(submissionSheets(options));
}

// ---------------------------------------------------------------------------------------------------------
// The crafted workbooks of issue 7

const MB = 1024 * 1024;

/**
 * A worksheet part of `bytes` bytes that deflates to almost nothing: valid XML whose sheet data is a
 * run of blanks. Returned as the deflated body and its CRC, so that no buffer of that size is kept.
 */
export function blankPart(bytes) {
  const head = Buffer.from(`<?xml version="1.0"?><worksheet xmlns="${NS_MAIN}"><sheetData>`);
  const tail = Buffer.from('</sheetData></worksheet>');
  const fill = Math.max(0, bytes - head.length - tail.length);
  const data = Buffer.concat([head, Buffer.alloc(fill, 0x20), tail]);
  return { body: zlib.deflateRawSync(data, { level: 9 }), crc: crc32(data), size: data.length };
}

/** `sheetCount` sheets that all point at one worksheet part of `partBytes` bytes (the issue: 9 sheets, 255 MB). */
export function sharedHugePartXlsx({ sheetCount = 9, partBytes = 255 * MB } = {}) {
  const part = blankPart(partBytes);
  const sheets = submissionSheets();
  const extra = Array.from({ length: sheetCount }, (_, i) => ({ name: `Trang ${i + 1}`, part: 'worksheets/big.xml' }));
  return workbookXlsx([...sheets, ...extra], {
    extraParts: [{ name: 'xl/worksheets/big.xml', body: part.body, crc: part.crc, size: part.size }],
  });
}

/** One worksheet part of `partBytes` bytes (the issue: 255 MB). */
export function hugePartXlsx({ partBytes = 255 * MB } = {}) {
  return sharedHugePartXlsx({ sheetCount: 1, partBytes });
}

/** A part that declares a small size but inflates to much more: a lying header must not inflate without limit. */
export function lyingSizeXlsx() {
  const part = blankPart(8 * MB);
  return workbookXlsx([...submissionSheets(), { name: 'Trang', part: 'worksheets/big.xml' }], {
    extraParts: [{ name: 'xl/worksheets/big.xml', body: part.body, crc: part.crc, size: 4096 }],
  });
}

/** A sheet with `count` merged ranges (the issue: 150,000), each of two cells, over cells with values. */
export function mergedCellsXlsx({ count = 150_000 } = {}) {
  const sheets = submissionSheets();
  const rows = [];
  const merges = [];
  for (let i = 0; i < count; i++) {
    const r = Math.floor(i / 8) + 1;
    const c = (i % 8) * 2 + 1;
    merges.push(`${columnName(c)}${r}:${columnName(c + 1)}${r}`);
    if (i < 20_000) (rows[r - 1] ??= [])[c - 1] = i;
  }
  return workbookXlsx([...sheets, { name: 'Gộp ô', rows, merges }]);
}

/**
 * A valid submission whose 40 text cells are runs of `char` (the issue: 32,000 ideographic spaces, or dots)
 * between words, spread over results, limitations and causes, tasks, proposals and addressees, and models.
 */
export function longRunsXlsx({ char = '\u3000', length = 32_000, cells = 40 } = {}) {
  const run = char.repeat(length);
  const text = (i) => `Nội dung ${i}${run}kết thúc ${i}${run}`.slice(0, 32_767);
  const per = Math.ceil(cells / 5);
  const items = { results: [], limitations: [], tasks: [], proposals: [], models: [] };
  for (let i = 0; i < cells; i++) {
    switch (Math.floor(i / per)) {
      case 0: items.results.push(['Dân vận chính quyền', text(i)]); break;
      case 1: i % 2 ? items.limitations.push(['Khác', 'Hạn chế ngắn.', text(i)]) : items.limitations.push(['Khác', text(i), 'Nguyên nhân ngắn.']); break;
      case 2: items.tasks.push(['Dân vận khéo', text(i), '']); break;
      case 3: i % 2 ? items.proposals.push(['Đề nghị ngắn.', text(i)]) : items.proposals.push([text(i), 'UBND tỉnh']); break;
      default: items.models.push([text(i), 'Kinh tế', 'Cơ sở', '']); break;
    }
  }
  return submissionXlsx({ unitCode: 'DV_DAI', unitName: 'Đơn vị ô dài', items });
}

/**
 * A submission whose "Kết quả" sheet holds `rows` distinct result rows (the issue: 1,048,547, an 18.6 MB file),
 * written compactly (no cell references).
 */
export function manyRowsXlsx({ rows = 1_048_547 } = {}) {
  const sheets = submissionSheets();
  const head = `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="${NS_MAIN}"><sheetData><row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c></row>`;
  const chunks = [head];
  // Every result distinct (so that the report cannot merge them), as compact as Excel writes them.
  for (let i = 0; i < rows; i++) chunks.push(`<row><c><v>${i + 1}</v></c><c t="s"><v>3</v></c><c t="inlineStr"><is><t>Kết quả số ${i + 1}</t></is></c></row>`);
  chunks.push('</sheetData></worksheet>');
  const sst = '<si><t>STT</t></si><si><t>Lĩnh vực</t></si><si><t>Nội dung</t></si><si><t>Khác</t></si>';
  const results = sheets.findIndex((s) => s.name === 'Kết quả');
  sheets[results] = { name: 'Kết quả', xml: chunks.join('') };
  return workbookXlsx(sheets, { sharedStrings: sst, zipOptions: { 'xl/worksheets/sheet3.xml': { level: 1 } } });
}

/** A sheet with `rows` rows of one value each (for the rows-per-sheet limit). */
export function rowsXlsx({ rows }) {
  const body = [];
  for (let i = 0; i < rows; i++) body.push(`<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`);
  return workbookXlsx([...submissionSheets(), { name: 'Dài', xml: `<?xml version="1.0"?><worksheet xmlns="${NS_MAIN}"><sheetData>${body.join('')}</sheetData></worksheet>` }]);
}

/** A sheet with `cells` cells of values in few rows (for the cells-per-sheet limit). */
export function cellsXlsx({ cells, perRow = 1000 }) {
  const body = [];
  for (let r = 1, done = 0; done < cells; r++) {
    const n = Math.min(perRow, cells - done);
    let row = `<row r="${r}">`;
    for (let c = 1; c <= n; c++) row += `<c r="${columnName(c)}${r}"><v>${c}</v></c>`;
    body.push(`${row}</row>`);
    done += n;
  }
  return workbookXlsx([...submissionSheets(), { name: 'Rộng', xml: `<?xml version="1.0"?><worksheet xmlns="${NS_MAIN}"><sheetData>${body.join('')}</sheetData></worksheet>` }]);
}

/** A workbook of `count` sheets (for the sheets-per-workbook limit); the extra ones share one small part. */
export function manySheetsXlsx({ count }) {
  const sheets = submissionSheets();
  const extra = Array.from({ length: Math.max(0, count - sheets.length - 1) }, (_, i) => ({ name: `Phụ ${i + 1}`, part: 'worksheets/sheet1.xml' }));
  return workbookXlsx([...sheets, { name: 'Phụ', rows: [['x']] }, ...extra]);
}

/** A submission with one cell of `length` characters in "Kết quả" (Excel's limit is 32,767). */
export function longCellXlsx({ length }) {
  return submissionXlsx({ items: { results: [['Khác', 'a'.repeat(length)]] } });
}

/**
 * A copy of `bytes` (a zip) with one byte of the stored or deflated data of `part` changed: the CRC-32 in
 * the headers no longer matches. With a stored part the reader would otherwise see garbled text.
 */
export function bitFlippedPart(bytes, part, { stored = true } = {}) {
  const entries = readZip(bytes).map((e) => ({ name: e.name, data: e.data, method: stored && e.name === part ? 0 : 8 }));
  const zip = makeZip(entries);
  const target = entries.findIndex((e) => e.name === part);
  if (target < 0) throw new Error(`no part ${part}`);
  // Find the local header of the part and flip a bit in the middle of its data.
  let p = 0;
  for (let i = 0; ; i++) {
    const nameLength = zip.readUInt16LE(p + 26);
    const size = zip.readUInt32LE(p + 18);
    const start = p + 30 + nameLength;
    if (i === target) {
      zip[start + Math.floor(size / 2)] ^= 0x04;
      return zip;
    }
    p = start + size;
  }
}

/** A submission whose shared-strings part is stored (not deflated), to flip bits in its text. */
export function storedSubmissionXlsx() {
  const sheets = submissionSheets();
  const book = workbookXlsx(sheets);
  return makeZip(readZip(book).map((e) => ({ name: e.name, data: e.data, method: 0 })));
}

// ---------------------------------------------------------------------------------------------------------
// Templates and configs

/** A template of about `bytes` bytes of plain text (the issue: 60 MB). */
export function bigTemplate(bytes) {
  const line = 'Lời văn của mẫu báo cáo, lặp lại cho đủ cỡ.\n';
  return line.repeat(Math.ceil(bytes / Buffer.byteLength(line)));
}

/** A template of `count` tags (the issue: 2 million). */
export function manyTagsTemplate(count) {
  return '{{period.name}} '.repeat(count);
}

/** `depth` nested blocks (the issue: 20,000). */
export function nestedBlocksTemplate(depth) {
  return `${'{{#if true}}'.repeat(depth)}x${'{{/if}}'.repeat(depth)}`;
}

/** Loops nested `depth` deep over the valid units' list (the issue: 7 deep runs for minutes). */
export function nestedLoopsTemplate(depth, list = 'units.valid') {
  let body = '{{name}} ';
  for (let i = 0; i < depth; i++) body = `{{#each @root.${list}}}${body}{{/each}}`;
  return `# Phần\n${body}\n`;
}

/** A template that calls a partial nobody defined, on line 3. */
export const MISSING_PARTIAL_TEMPLATE = '# Phần một\nMở đầu.\n{{> khong-co}}\n';

/** A template whose inline partial calls itself without end; the call is on line 2. */
export const RECURSIVE_PARTIAL_TEMPLATE = '{{#*inline "vong"}}x{{> vong}}{{/inline}}\n{{> vong}}\n';

/** A config of about `bytes` bytes: one huge string (the issue: 50 MB). */
export function bigStringConfig(bytes) {
  return `{ "organization": { "name": "${'A'.repeat(bytes)}" } }\n`;
}

/** A config with `count` extra indicators (the issue: 20,000). */
export function manyIndicatorsConfig(count) {
  const items = Array.from({ length: count }, (_, i) => ({ code: `CT_${i}`, name: `Chỉ tiêu ${i}`, unit: 'lần' }));
  return `${JSON.stringify({ indicators: { mode: 'extend', items } })}\n`;
}

/** A config with `count` units. */
export function manyUnitsConfig(count) {
  const units = Array.from({ length: count }, (_, i) => ({ code: `DV_${i}`, name: `Đơn vị ${i}` }));
  return `${JSON.stringify({ units })}\n`;
}

/** A config saved in a one-byte code page: "Ban Dân vân" with â as the single byte 0xE2 (at offset 34), not UTF-8. */
export function latin1Config() {
  return Buffer.from('{ "organization": { "name": "Ban D\u00e2n v\u00e2n" } }\n', 'latin1');
}

// ---------------------------------------------------------------------------------------------------------
// Fuzz mutations of sound workbooks

/** Deterministic pseudo-random numbers (mulberry32). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const READ_PART = /^(xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)|_rels\/\.rels)$/;

/**
 * Damages the XML of one text so that it is no longer well-formed, whatever the position: a close tag
 * renamed, a close tag removed, a stray "< " or the text cut before its last close tag.
 */
function breakXml(xml, rnd) {
  const closes = [];
  for (let i = xml.indexOf('</'); i >= 0; i = xml.indexOf('</', i + 2)) closes.push(i);
  const declEnd = xml.startsWith('<?') ? xml.indexOf('?>') + 2 : 0;
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  switch (Math.floor(rnd() * 4)) {
    case 0: {
      const at = pick(closes);
      return `${xml.slice(0, at)}</zz${xml.slice(at + 2)}`.replace(/<\/zz[^>\s]*/, (m) => (m === '</zz' ? '</zzq' : m));
    }
    case 1: {
      const at = pick(closes);
      const end = xml.indexOf('>', at);
      return xml.slice(0, at) + xml.slice(end + 1);
    }
    case 2: {
      const at = declEnd + 1 + Math.floor(rnd() * (xml.length - declEnd - 1));
      return `${xml.slice(0, at)}< ${xml.slice(at)}`;
    }
    default: {
      const last = closes[closes.length - 1];
      const at = declEnd + 1 + Math.floor(rnd() * Math.max(1, last - declEnd - 1));
      return xml.slice(0, at);
    }
  }
}

/** Sources taken apart once: the fuzz test mutates each fixture hundreds of times. */
const unzipped = new WeakMap();

/**
 * The `index`-th deterministic mutation of `bytes` (an .xlsx). Kinds: 'flip' (1–8 random bits anywhere),
 * 'truncate' (cut at a random length), 'xml' (one part the reader reads made malformed, the zip rebuilt
 * with correct CRCs, so only the XML check can refuse it). Returns { kind, bytes, part? }.
 */
export function mutate(bytes, index, seed = 7) {
  const rnd = random(seed * 1_000_003 + index);
  const kind = ['flip', 'truncate', 'xml'][index % 3];
  if (kind === 'flip') {
    const out = Buffer.from(bytes);
    const n = 1 + Math.floor(rnd() * 8);
    for (let i = 0; i < n; i++) out[Math.floor(rnd() * out.length)] ^= 1 << Math.floor(rnd() * 8);
    return { kind, bytes: out };
  }
  if (kind === 'truncate') return { kind, bytes: Buffer.from(bytes.subarray(0, Math.floor(rnd() * bytes.length))) };
  let entries = unzipped.get(bytes);
  if (!entries) unzipped.set(bytes, (entries = readZip(bytes)));
  const candidates = entries.filter((e) => READ_PART.test(e.name) && e.data.length > 0);
  const target = candidates[Math.floor(rnd() * candidates.length)];
  const broken = breakXml(target.data.toString('utf8'), rnd);
  // Level 1: the fuzz test makes thousands of these, and the compression ratio does not matter to it.
  return { kind, part: target.name, bytes: makeZip(entries.map((e) => ({ name: e.name, data: e === target ? broken : e.data, method: e.method === 0 ? 0 : 8, level: 1 }))) };
}

// ---------------------------------------------------------------------------------------------------------
// Reading mutants (issue 17): valid zips and well-formed XML that programs may read differently

const NS_FOREIGN = 'urn:example:not-spreadsheetml';
const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;

/** One well-formed change to a cell's XML that Excel never writes; `mutate(cellXml, rnd)` returns the new XML. */
const CELL_MUTATIONS = [
  ['hex', (c) => setValue(c, '0x10')],
  ['binary', (c) => setValue(c, '0b101')],
  ['octal', (c) => setValue(c, '0o17')],
  ['inner-space', (c) => setValue(c, '1 2')],
  ['line-break', (c) => setValue(c, '1\n2')],
  ['spaces-around', (c) => setValue(c, ' 7 ')],
  ['exponent', (c) => setValue(c, '1.5E2')],
  ['plus-sign', (c) => setValue(c, '+8')],
  ['infinity', (c) => setValue(c, 'Infinity')],
  ['underscore', (c) => setValue(c, '1_000')],
  ['two-values', (c) => c.replace(/<v>([^<]*)<\/v>/, '<v>$1</v><v>2</v>')],
  ['markup-in-value', (c) => c.replace(/<v>([^<]*)<\/v>/, '<v>1<x/>2</v>')],
  ['type-S', (c) => setType(c, 'S')],
  ['type-N', (c) => setType(c, 'N')],
  ['type-inlineStr', (c) => setType(c, 'inlineStr')],
  ['type-str', (c) => setType(c, 'str')],
  ['type-b', (c) => setType(c, 'b')],
  ['type-e', (c) => setType(c, 'e')],
  ['type-d', (c) => setType(c, 'd')],
  ['foreign-value', (c) => c.replace(/<v>([^<]*)<\/v>/, `<o:v xmlns:o="${NS_FOREIGN}">999</o:v><v>$1</v>`)],
  ['foreign-only-value', (c) => c.replace(/<v>([^<]*)<\/v>/, `<o:v xmlns:o="${NS_FOREIGN}">$1</o:v>`)],
  ['formula-without-value', (c) => (c.endsWith('/>') ? c : c.replace(/<v>[^<]*<\/v>/, '').replace(/(<c\b[^>]*>)/, '$1<f>1+1</f>'))],
  ['huge-serial', (c) => setValue(c, '123456789')],
];

function setValue(cell, value) {
  const plain = cell.replace(/\st="[^"]*"/, '');
  if (plain.endsWith('/>')) return `${plain.slice(0, -2)}><v>${value}</v></c>`;
  return plain.replace(/<is>[\s\S]*?<\/is>/, '').replace(/<v>[^<]*<\/v>|(?=<\/c>$)/, `<v>${value}</v>`);
}

function setType(cell, type) {
  const without = cell.replace(/\st="[^"]*"/, '');
  const withType = without.replace(/^<c\b/, `<c t="${type}"`);
  return /<v>/.test(withType) || withType.endsWith('/>') ? withType : withType.replace(/<\/c>$/, '<v>1</v></c>');
}

/** Whole-part and whole-package changes: DOCTYPE, a foreign root, a duplicate cell, stale or manual calculation. */
const PART_MUTATIONS = [
  ['doctype-entity', (xml, cell) => doctypeTrick(xml, cell)],
  ['doctype-plain', (xml) => xml.replace(/(<\?xml[^>]*\?>)?/, (decl) => `${decl}<!DOCTYPE worksheet>`)],
  ['foreign-root', (xml) => xml.replace(/xmlns="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/, `xmlns="${NS_FOREIGN}"`)],
  ['duplicate-cell', (xml, cell) => duplicateCell(xml, cell)],
];

/** A DOCTYPE whose entity value holds "]>" and a fake sheet: a scanner that ends the DOCTYPE early reads the fake. */
function doctypeTrick(xml, cell) {
  const ref = /\sr="([A-Z]+\d+)"/.exec(cell)?.[1] ?? 'A1';
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const fake = `<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'><sheetData><row r='${ref.replace(/^[A-Z]+/, '')}'><c r='${ref}'><v>999</v></c></row></sheetData></worksheet><!--`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE worksheet [<!ENTITY e "]>${fake}">]>${body}<!---->`;
}

/** The cell written again, with a "$" reference and another value, in a row of its own after the others. */
function duplicateCell(xml, cell) {
  const m = /\sr="([A-Z]+)(\d+)"/.exec(cell);
  if (!m) return xml;
  const extra = `<row r="${m[2]}"><c r="$${m[1]}$${m[2]}"><v>999</v></c></row>`;
  return xml.replace(/<\/sheetData>/, `${extra}</sheetData>`);
}

/**
 * The `index`-th reading mutant of `bytes` (a sound .xlsx): one cell or part changed in a way that stays valid zip and
 * well-formed XML (or a package concatenated, shifted, re-packed as zip64, or marked for recalculation), so that only
 * a reader that reads as Excel, LibreOffice and openpyxl do gets the same values. `other` is another sound .xlsx, for
 * concatenation. Returns { kind, bytes, part?, cell? }.
 */
export function readingMutant(bytes, index, seed = 17, other = bytes) {
  const rnd = random(seed * 1_000_003 + index);
  let entries = unzipped.get(bytes);
  if (!entries) unzipped.set(bytes, (entries = readZip(bytes)));
  const rebuild = (changed, maker = makeZip) =>
    maker(entries.map((e) => ({ name: e.name, data: changed.has(e.name) ? changed.get(e.name) : e.data, method: e.method === 0 ? 0 : 8, level: 1 })));
  const roll = rnd();
  if (roll < 0.04) return { kind: 'concatenated', bytes: Buffer.concat([toBytes(other), toBytes(bytes)]) };
  if (roll < 0.08) return { kind: 'prepended', bytes: Buffer.concat([Buffer.from('MZ not a zip, a stub before it\n'.repeat(1 + Math.floor(rnd() * 40))), toBytes(bytes)]) };
  if (roll < 0.12) return { kind: 'zip64', bytes: rebuild(new Map(), makeZip64) };
  if (roll < 0.16) {
    const book = entries.find((e) => e.name === 'xl/workbook.xml');
    if (book) {
      const xml = book.data.toString('utf8').replace(/<calcPr\b[^>]*\/>/, '');
      const calc = rnd() < 0.5 ? '<calcPr calcId="191029" fullCalcOnLoad="1"/>' : '<calcPr calcId="191029" calcMode="manual"/>';
      const changed = /<\/sheets>/.test(xml) ? xml.replace(/<\/sheets>(\s*<definedNames>[\s\S]*?<\/definedNames>)?/, (m) => m + calc) : xml;
      return { kind: calc.includes('manual') ? 'calc-manual' : 'full-calc-on-load', part: book.name, bytes: rebuild(new Map([[book.name, changed]])) };
    }
  }
  const sheets = entries.filter((e) => WORKSHEET_PART.test(e.name));
  const target = sheets[Math.floor(rnd() * sheets.length)];
  const xml = target.data.toString('utf8');
  const cells = [...xml.matchAll(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)];
  if (cells.length === 0) return { kind: 'none', bytes: toBytes(bytes) };
  const chosen = cells[Math.floor(rnd() * cells.length)];
  const cellXml = chosen[0];
  const ref = /\sr="([^"]+)"/.exec(cellXml)?.[1];
  let kind;
  let changed;
  if (roll < 0.3) {
    const [name, apply] = PART_MUTATIONS[Math.floor(rnd() * PART_MUTATIONS.length)];
    kind = name;
    changed = apply(xml, cellXml);
  } else {
    const [name, apply] = CELL_MUTATIONS[Math.floor(rnd() * CELL_MUTATIONS.length)];
    kind = name;
    changed = xml.slice(0, chosen.index) + apply(cellXml) + xml.slice(chosen.index + cellXml.length);
  }
  return { kind, part: target.name, cell: ref, bytes: rebuild(new Map([[target.name, changed]])) };
}

// ---------------------------------------------------------------------------------------------------------
// CLI: write every case to a folder

async function main() {
  const [out, ...flags] = process.argv.slice(2);
  if (!out) {
    process.stderr.write('usage: node scripts/hostile-inputs.mjs OUT_DIR [--large]\n');
    process.exit(2);
  }
  const large = flags.includes('--large');
  const write = (name, data) => {
    const file = path.join(out, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
    process.stdout.write(`${file}  ${(Buffer.byteLength(data) / 1024).toFixed(0)} KB\n`);
  };
  write('workbooks/o-dai-khoang-trang/dai.xlsx', longRunsXlsx({ char: '\u3000' }));
  write('workbooks/o-dai-dau-cham/dai.xlsx', longRunsXlsx({ char: '.' }));
  write('workbooks/o-dai-cham-cach/dai.xlsx', longRunsXlsx({ char: '. ', length: 16_000 }));
  write('workbooks/gop-o/gop-o.xlsx', mergedCellsXlsx({ count: 150_000 }));
  write('workbooks/khai-sai-co/khai-sai-co.xlsx', lyingSizeXlsx());
  write('workbooks/lat-bit/lat-bit.xlsx', bitFlippedPart(storedSubmissionXlsx(), 'xl/worksheets/sheet1.xml'));
  write('workbooks/hop-le/hop-le.xlsx', submissionXlsx());
  if (large) {
    write('workbooks/phan-chung/phan-chung.xlsx', sharedHugePartXlsx({ sheetCount: 9, partBytes: 255 * MB }));
    write('workbooks/phan-lon/phan-lon.xlsx', hugePartXlsx({ partBytes: 255 * MB }));
    write('workbooks/nhieu-dong/nhieu-dong.xlsx', manyRowsXlsx({ rows: 1_048_547 }));
    write('templates/lon.hbs', bigTemplate(60 * MB));
    write('templates/nhieu-the.hbs', manyTagsTemplate(2_000_000));
    write('configs/chuoi-lon.json', bigStringConfig(50 * MB));
  }
  write('templates/long-khoi.hbs', nestedBlocksTemplate(20_000));
  write('templates/vong-lap-7.hbs', nestedLoopsTemplate(7));
  write('templates/thieu-partial.hbs', MISSING_PARTIAL_TEMPLATE);
  write('templates/de-quy.hbs', RECURSIVE_PARTIAL_TEMPLATE);
  write('configs/nhieu-chi-tieu.json', manyIndicatorsConfig(20_000));
  write('configs/latin1.json', latin1Config());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

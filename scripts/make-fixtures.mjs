#!/usr/bin/env node
// Regenerates fixtures/: realistic submissions for quý I/2023, a mixed folder, and one file per bad input.
// Run `npm run build && node scripts/make-fixtures.mjs` (LibreOffice and python3-uno needed). Files written by
// exceljs or by the hand-rolled writer below are byte-identical from run to run; LibreOffice's may differ.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { DEFAULT_CATALOGUE } from '../dist/domain/catalogue.js';
import { FIELDS, MODEL_FIELDS, RECOGNITION_LEVELS } from '../dist/domain/fields.js';
import { buildFormWorkbook } from '../dist/form/index.js';
import { pinZipTimestamps } from '../dist/form/zip-timestamps.js';
import { crc32 } from '../dist/writers/docx/zip.js';
import { UNITS, contentOf, day, figuresOf } from './fixture-data.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.join(ROOT, 'fixtures');
const FOLDERS = ['quy-1-2023', 'hon-hop', 'loi'];
/** System python: the one python3-uno installs into (a pyenv python would not see it). */
const PYTHON_UNO = '/usr/bin/python3';

// ---------------------------------------------------------------------------------------------------------
// Writers

/** The standard form, filled in: what a unit using Excel with our form sends. */
async function formFile(content, blankRows = 30) {
  return buildFormWorkbook({ catalogue: DEFAULT_CATALOGUE, content, blankRows });
}

/** Loads an xlsx with exceljs, lets `change` edit it, and writes it back with pinned time stamps. */
async function editWorkbook(bytes, timestamp, change) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  await change(workbook);
  for (const sheet of workbook.worksheets) compactValidations(sheet);
  return finishWorkbook(workbook, timestamp);
}

async function finishWorkbook(workbook, timestamp) {
  workbook.creator = workbook.creator || 'Microsoft Excel';
  workbook.created = timestamp;
  workbook.modified = timestamp;
  return pinZipTimestamps(Buffer.from(await workbook.xlsx.writeBuffer()), timestamp);
}

/**
 * exceljs expands validation ranges to single cells on reading and, when writing, merges them back into
 * overlapping ranges; put back one range per run of rows so the files stay clean for Excel.
 */
function compactValidations(sheet) {
  const model = sheet.dataValidations.model;
  const groups = new Map();
  for (const [address, rule] of Object.entries(model)) {
    if (!rule) continue;
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m) continue;
    const key = `${m[1]}|${JSON.stringify(rule)}`;
    if (!groups.has(key)) groups.set(key, { col: m[1], rule, rows: [] });
    groups.get(key).rows.push(Number(m[2]));
  }
  const compact = {};
  for (const { col, rule, rows } of groups.values()) {
    rows.sort((a, b) => a - b);
    let start = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
      const end = rows[i - 1];
      compact[start === end ? `${col}${start}` : `${col}${start}:${col}${end}`] = rule;
      start = rows[i];
    }
  }
  sheet.dataValidations.model = compact;
}

/** A plain zip (deflate, fixed time stamp): enough for the hand-rolled SpreadsheetML files. */
function zipFiles(entries, date) {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const raw = Buffer.from(data);
    const packed = zlib.deflateRawSync(raw, { level: 9 });
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xmlEscape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function columnName(index) {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * A minimal SpreadsheetML package as small programs write it: inline strings only (t="inlineStr"),
 * no shared strings, no validations, no styles part unless `styles` is set. `rows[i][j]` is a string
 * (inline text, also for numbers typed as text), a number, or null for an empty cell.
 */
function handRolledXlsx(sheets, { styles, date }) {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const entries = [];
  const overrides = sheets
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join('');
  entries.push({
    name: '[Content_Types].xml',
    data:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      overrides +
      (styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : '') +
      '</Types>',
  });
  entries.push({
    name: '_rels/.rels',
    data:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  });
  entries.push({
    name: 'xl/workbook.xml',
    data:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets>` +
      sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
  });
  entries.push({
    name: 'xl/_rels/workbook.xml.rels',
    data:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      (styles ? `<Relationship Id="rId${sheets.length + 1}" Type="${rel}/styles" Target="styles.xml"/>` : '') +
      '</Relationships>',
  });
  if (styles) {
    entries.push({
      name: 'xl/styles.xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `<styleSheet xmlns="${ns}"><fonts count="1"><font><sz val="13"/><name val="Times New Roman"/></font></fonts>` +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    });
  }
  sheets.forEach((sheet, i) => {
    const rows = sheet.rows
      .map((cells, r) => {
        const xml = cells
          .map((value, c) => {
            if (value === null || value === undefined) return '';
            const ref = `${columnName(c)}${r + 1}`;
            if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
            return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(value)}</t></is></c>`;
          })
          .join('');
        return xml ? `<row r="${r + 1}">${xml}</row>` : '';
      })
      .join('');
    entries.push({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}"><sheetData>${rows}</sheetData></worksheet>`,
    });
  });
  return zipFiles(entries, date);
}

/** Converts files with headless LibreOffice (private profile) and returns the outputs by input name. */
function libreOffice(inputs, format) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'danvan-fixtures-'));
  try {
    const inDir = path.join(dir, 'in');
    const outDir = path.join(dir, 'out');
    fs.mkdirSync(inDir);
    fs.mkdirSync(outDir);
    for (const { name, bytes } of inputs) fs.writeFileSync(path.join(inDir, name), bytes);
    const run = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        format,
        '--outdir',
        outDir,
        ...inputs.map(({ name }) => path.join(inDir, name)),
      ],
      { encoding: 'utf8', timeout: 300_000 },
    );
    if (run.error || run.status !== 0) throw new Error(`soffice failed: ${run.error ?? run.stderr}`);
    const out = new Map();
    for (const { name } of inputs) {
      const target = path.join(outDir, `${path.parse(name).name}.${format}`);
      if (!fs.existsSync(target)) throw new Error(`soffice did not write ${target}: ${run.stdout} ${run.stderr}`);
      out.set(name, fs.readFileSync(target));
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A workbook re-saved by LibreOffice Calc; zip time stamps pinned, the package otherwise as Calc wrote it. */
function resaveWithCalc(files, timestamp) {
  const out = libreOffice(files, 'xlsx');
  return new Map([...out].map(([name, bytes]) => [name, pinZipTimestamps(bytes, timestamp)]));
}

function encryptWithCalc(bytes, password) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'danvan-encrypt-'));
  try {
    const input = path.join(dir, 'plain.xlsx');
    const output = path.join(dir, 'encrypted.xlsx');
    fs.writeFileSync(input, bytes);
    const run = spawnSync(PYTHON_UNO, [path.join(ROOT, 'scripts', 'lo-encrypt.py'), input, output, password], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (run.error || run.status !== 0) {
      throw new Error(`lo-encrypt.py failed (apt-get install -y python3-uno?): ${run.error ?? run.stderr}`);
    }
    return fs.readFileSync(output);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What Excel leaves beside an open workbook: 165 bytes, the owner's name as a counted ASCII and UTF-16 string. */
function excelLockFile(owner) {
  const bytes = Buffer.alloc(165, 0x20);
  bytes[0] = owner.length;
  bytes.write(owner, 1, 'latin1');
  bytes.writeUInt16LE(owner.length, 54);
  bytes.write(owner, 56, 'utf16le');
  for (let i = 56 + owner.length * 2; i + 1 < bytes.length; i += 2) bytes.writeUInt16LE(0x0020, i);
  bytes[164] = 0;
  return bytes;
}

/** The start of a macOS Finder ".DS_Store" (a "Bud1" buddy-allocator file), zero-padded. */
function dsStore() {
  const bytes = Buffer.alloc(2048);
  Buffer.from('00000001427564310000100000000800000010000000040a', 'hex').copy(bytes, 0);
  return bytes;
}

// ---------------------------------------------------------------------------------------------------------
// Variants of the form, as units really return it

const ROW = { TT_BUOI: 6, TT_LUOT: 7, TH_LOP: 8, KN_TIEP: 11, KN_GQ: 12, KN_TL: 13, VD_TIEN: 15, VD_NGAYCONG: 16 };
const serialOf = (date) => date.getTime() / 86_400_000 + 25569;

/** HU_PHUCLAM: rich text, a formula with its cached result, the date as a bare serial, labels retyped. */
async function phucLam(unit) {
  const bytes = await formFile(contentOf(unit));
  return editWorkbook(bytes, unit.info.reportDate, (wb) => {
    const info = wb.getWorksheet('Thông tin');
    info.getCell('A2').value = 'mã đơn vị ';
    info.getCell('A3').value = 'Tên Đơn Vị';
    info.getCell('A5').value = 'Ngày  báo cáo';
    const date = info.getCell('B5');
    date.value = serialOf(unit.info.reportDate); // 45016, shown as a number
    date.numFmt = 'General';

    const figures = wb.getWorksheet('Số liệu');
    figures.getCell(`D${ROW.KN_GQ}`).value = { formula: '38+6', result: 44 };

    const results = wb.getWorksheet('Kết quả');
    results.getCell('C3').value = {
      richText: [
        { text: 'Tổ chức  Hội nghị quán triệt ', font: { name: 'Times New Roman', size: 12 } },
        { text: 'Kết luận số 43-KL/TW', font: { name: 'Times New Roman', size: 12, bold: true } },
        { text: ' của Ban Bí thư về tiếp tục thực hiện Nghị quyết số 25-NQ/TW về công tác dân vận;', font: { name: 'Times New Roman', size: 12 } },
      ],
    };
    results.getCell('C4').value = {
      richText: [
        { text: 'Tổ chức 5 hội nghị đối thoại giữa Chủ tịch UBND huyện với Nhân dân về công tác bồi thường, giải phóng mặt bằng dự án ' },
        { text: 'Khu công nghiệp Phúc Thịnh', font: { italic: true } },
        { text: '.' },
      ],
    };
  });
}

/** HLHPN: items spread with blank rows between them, rich text names of models. */
async function phuNu(unit) {
  const content = contentOf(unit);
  const bytes = await formFile({ ...content, results: [], models: [] });
  return editWorkbook(bytes, unit.info.reportDate, (wb) => {
    const results = wb.getWorksheet('Kết quả');
    // Rows 3, 5, 6 and 9: the unit left empty lines between groups of items.
    [3, 5, 6, 9].forEach((row, i) => {
      const item = content.results[i];
      results.getCell(`A${row}`).value = i + 1;
      results.getCell(`B${row}`).value = item.field;
      results.getCell(`C${row}`).value = item.content;
    });
    const models = wb.getWorksheet('Mô hình');
    [3, 4, 6].forEach((row, i) => {
      const model = content.models[i];
      models.getCell(`A${row}`).value = i + 1;
      models.getCell(`B${row}`).value = {
        richText: [{ text: 'Mô hình ', font: { italic: true } }, { text: `“${model.name}”`, font: { bold: true } }],
      };
      models.getCell(`C${row}`).value = model.field;
      models.getCell(`D${row}`).value = model.level;
    });
  });
}

/** A table sheet written from scratch with exceljs (a unit that retyped the form in its own template). */
function writeTable(sheet, { titles, header, rows, startRow, widths }) {
  titles.forEach((title, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = title;
    cell.font = { name: 'Times New Roman', size: 13, bold: true };
  });
  const headerRow = titles.length + 1;
  header.forEach((label, i) => {
    const cell = sheet.getCell(headerRow, i + 1);
    cell.value = label;
    cell.font = { name: 'Times New Roman', size: 12, bold: true };
    cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  });
  (widths ?? []).forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  rows.forEach((values, i) => {
    if (!values) return;
    values.forEach((value, j) => {
      if (value !== null && value !== undefined && value !== '') sheet.getCell((startRow ?? headerRow + 1) + i, j + 1).value = value;
    });
  });
}

/** Rows of "Số liệu" for the catalogue: [code, name, unit, value, note]. */
function figureRows(unit, { withDerived = true } = {}) {
  return DEFAULT_CATALOGUE.filter((ind) => withDerived || !ind.derived).map((ind) => [
    ind.code,
    ind.name,
    ind.unit,
    ind.derived ? null : unit.figures[ind.code] ?? null,
    unit.figureNotes?.[ind.code] ?? null,
  ]);
}

/** HND: labels without diacritics, two title rows (header on row 3), an extra column and an extra sheet. */
async function hoiNongDan(unit) {
  const wb = new ExcelJS.Workbook();
  const org = 'HỘI NÔNG DÂN TỈNH BÌNH SƠN';
  const info = wb.addWorksheet('Thông tin');
  info.getCell('A1').value = org;
  info.getCell('A1').font = { bold: true };
  const labels = ['MA DON VI', 'TEN DON VI', 'KY BAO CAO', 'NGAY BAO CAO', 'NGUOI LAP', 'DIEN THOAI', 'EMAIL', 'THU TRUONG DON VI'];
  const keys = ['unitCode', 'unitName', 'period', 'reportDate', 'preparedBy', 'phone', 'email', 'head'];
  labels.forEach((label, i) => {
    info.getCell(i + 3, 1).value = label;
    info.getCell(i + 3, 2).value = unit.info[keys[i]];
  });
  info.getCell('B6').numFmt = 'dd/mm/yyyy';
  info.getColumn(1).width = 22;
  info.getColumn(2).width = 40;

  const figures = wb.addWorksheet('Số liệu');
  const lastYear = { TT_BUOI: 102, TT_LUOT: 6900, KN_TIEP: 13, KN_GQ: 11, VD_TIEN: 485, VD_NGAYCONG: 2100 };
  writeTable(figures, {
    titles: [org, 'SỐ LIỆU CÔNG TÁC DÂN VẬN QUÝ I/2023'],
    header: ['Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Kỳ này', 'Ghi chú', 'Cùng kỳ năm 2022'],
    rows: figureRows(unit).map((row) => [...row, lastYear[row[0]] ?? null]),
    widths: [14, 60, 12, 12, 24, 18],
  });
  // The unit typed KN_TL itself as a formula; its cached result is what the program saved.
  figures.getCell(`D${ROW.KN_TL + 1}`).value = { formula: `ROUND(D${ROW.KN_GQ + 1}/D${ROW.KN_TIEP + 1}*100,1)`, result: 87.5 };

  const results = wb.addWorksheet('Kết quả');
  writeTable(results, {
    titles: [org, 'KẾT QUẢ NỔI BẬT QUÝ I/2023'],
    header: ['STT', 'Lĩnh vực', 'Nội dung', 'Ghi chú thêm'],
    // Rows 4, 5, 7, 8 (a blank row 6 between two groups).
    rows: [
      [1, ...unit.results[0], 'Hội Nông dân các huyện'],
      [2, ...unit.results[1]],
      null,
      [3, ...unit.results[2], 'Phối hợp Ngân hàng Chính sách xã hội'],
      [4, ...unit.results[3]],
    ],
    widths: [6, 24, 90, 30],
  });
  writeTable(wb.addWorksheet('Hạn chế'), {
    titles: [org, 'HẠN CHẾ, NGUYÊN NHÂN'],
    header: ['STT', 'Lĩnh vực', 'Hạn chế', 'Nguyên nhân'],
    rows: unit.limitations.map((l, i) => [i + 1, ...l]),
  });
  writeTable(wb.addWorksheet('Nhiệm vụ'), {
    titles: [org, 'NHIỆM VỤ QUÝ II/2023'],
    header: ['STT', 'Lĩnh vực', 'Nhiệm vụ', 'Thời hạn'],
    rows: unit.tasks.map((t, i) => [i + 1, ...t]),
  });
  writeTable(wb.addWorksheet('Kiến nghị'), {
    titles: [org, 'KIẾN NGHỊ, ĐỀ XUẤT'],
    header: ['STT', 'Nội dung kiến nghị', 'Cơ quan nhận'],
    rows: unit.proposals.map((p, i) => [i + 1, ...p]),
  });
  writeTable(wb.addWorksheet('Mô hình'), {
    titles: [org, 'MÔ HÌNH “DÂN VẬN KHÉO”'],
    header: ['STT', 'Tên mô hình', 'Lĩnh vực', 'Cấp công nhận', 'Ghi chú'],
    rows: unit.models.map((m, i) => [i + 1, ...m]),
  });
  const extra = wb.addWorksheet('Tổng hợp xã');
  writeTable(extra, {
    titles: ['SỐ LIỆU HỘI VIÊN THEO HUYỆN (tham khảo)'],
    header: ['Huyện', 'Số hội viên', 'Kết nạp mới'],
    rows: [['Đông Hòa', 12450, 86], ['Tân Lạc', 9870, 54], ['Phúc Lâm', 15230, 112], ['Ngọc Thạnh', 6420, 38]],
  });
  return finishWorkbook(wb, unit.info.reportDate);
}

/** TINHDOAN: labels in other cases (one in NFD), upper-case headers, an extra column, another sheet order. */
async function tinhDoan(unit) {
  const wb = new ExcelJS.Workbook();
  const info = wb.addWorksheet('THÔNG TIN');
  info.getCell('A1').value = 'TỈNH ĐOÀN BÌNH SƠN - BÁO CÁO CÔNG TÁC DÂN VẬN';
  const labels = ['mã đơn vị ', 'TÊN ĐƠN VỊ', 'Kỳ báo cáo:', 'Ngày báo cáo', 'Người lập'.normalize('NFD'), 'Điện thoại', 'E-mail', 'Thủ trưởng đơn vị'];
  const keys = ['unitCode', 'unitName', 'period', 'reportDate', 'preparedBy', 'phone', 'email', 'head'];
  labels.forEach((label, i) => {
    info.getCell(i + 2, 1).value = label;
    info.getCell(i + 2, 2).value = unit.info[keys[i]];
  });
  info.getCell('B5').numFmt = 'd/m/yyyy';
  info.getColumn(1).width = 22;
  info.getColumn(2).width = 40;

  writeTable(wb.addWorksheet('Kết quả'), {
    titles: ['KẾT QUẢ NỔI BẬT'],
    header: ['STT', 'LĨNH VỰC', 'NỘI DUNG', 'ĐƠN VỊ THỰC HIỆN'],
    rows: unit.results.map((r, i) => [i + 1, ...r]),
    widths: [6, 24, 90, 26],
  });
  writeTable(wb.addWorksheet('Hạn chế'), {
    titles: ['HẠN CHẾ'],
    header: ['STT', 'LĨNH VỰC', 'HẠN CHẾ', 'NGUYÊN NHÂN'],
    rows: unit.limitations.map((l, i) => [i + 1, ...l]),
  });
  writeTable(wb.addWorksheet('Nhiệm vụ'), {
    titles: ['NHIỆM VỤ QUÝ II'],
    header: ['STT', 'LĨNH VỰC', 'NHIỆM VỤ', 'THỜI HẠN'],
    // Rows 3, 4 and 6: a blank row 5.
    rows: [[1, ...unit.tasks[0]], [2, ...unit.tasks[1]], null, [3, ...unit.tasks[2]]],
  });
  writeTable(wb.addWorksheet('Kiến nghị'), {
    titles: ['KIẾN NGHỊ'],
    header: ['STT', 'NỘI DUNG KIẾN NGHỊ', 'CƠ QUAN NHẬN'],
    rows: unit.proposals.map((p, i) => [i + 1, ...p]),
  });
  writeTable(wb.addWorksheet('Mô hình'), {
    titles: ['MÔ HÌNH DÂN VẬN KHÉO'],
    header: ['STT', 'TÊN MÔ HÌNH', 'LĨNH VỰC', 'CẤP CÔNG NHẬN', 'GHI CHÚ'],
    rows: unit.models.map((m, i) => [i + 1, ...m]),
  });
  writeTable(wb.addWorksheet('Số liệu'), {
    titles: ['SỐ LIỆU'],
    header: ['MÃ CHỈ TIÊU', 'CHỈ TIÊU', 'ĐƠN VỊ TÍNH', 'KỲ NÀY', 'GHI CHÚ'],
    rows: figureRows(unit),
  });
  const notes = wb.addWorksheet('Sheet1');
  notes.getCell('A1').value = 'Nháp - số liệu các huyện đoàn gửi chậm, đã cập nhật ngày 29/3.';
  return finishWorkbook(wb, unit.info.reportDate);
}

/** Rows for the hand-rolled files: numbers typed as text the Vietnamese way ("1.234", "1.250,5"). */
function viText(n) {
  const [int, frac] = String(n).split('.');
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (frac ? `,${frac}` : '');
}

/** CA: no styles part, no title rows (headers on row 1), Số liệu right after Thông tin, date as text. */
function congAn(unit) {
  const i = unit.info;
  const textNumbers = new Set(['TT_LUOT', 'VD_TIEN', 'TT_BUOI']);
  const figures = figureRows(unit).map(([code, name, u, value, note]) => [
    code,
    name,
    u,
    value === null ? null : textNumbers.has(code) ? viText(value) : value,
    note,
  ]);
  return handRolledXlsx(
    [
      {
        name: 'Thông tin',
        rows: [
          ['Mã đơn vị', i.unitCode],
          ['Tên đơn vị', i.unitName],
          ['Kỳ báo cáo', i.period],
          ['Ngày báo cáo', '31/03/2023'],
          ['Người lập', i.preparedBy],
          ['Điện thoại', i.phone],
          ['Email', i.email],
          ['Thủ trưởng đơn vị', i.head],
        ],
      },
      { name: 'Số liệu', rows: [['Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Kỳ này', 'Ghi chú'], ...figures] },
      { name: 'Mô hình', rows: [['STT', 'Tên mô hình', 'Lĩnh vực', 'Cấp công nhận', 'Ghi chú'], ...unit.models.map((m, n) => [n + 1, ...m])] },
      { name: 'Kết quả', rows: [['STT', 'Lĩnh vực', 'Nội dung'], ...unit.results.map((r, n) => [String(n + 1), ...r])] },
      { name: 'Hạn chế', rows: [['STT', 'Lĩnh vực', 'Hạn chế', 'Nguyên nhân'], ...unit.limitations.map((l, n) => [n + 1, ...l])] },
      { name: 'Nhiệm vụ', rows: [['STT', 'Lĩnh vực', 'Nhiệm vụ', 'Thời hạn'], ...unit.tasks.map((t, n) => [n + 1, ...t])] },
      { name: 'Kiến nghị', rows: [['STT', 'Nội dung kiến nghị', 'Cơ quan nhận'], ...unit.proposals.map((p, n) => [n + 1, ...p])] },
    ],
    { styles: false, date: unit.info.reportDate },
  );
}

/** BCHQS: a minimal styles part, "Số liệu" first, title rows, every number typed as text, no KN_TL row. */
function quanSu(unit) {
  const i = unit.info;
  const figures = figureRows(unit, { withDerived: false }).map(([code, name, u, value, note]) => [
    code,
    name,
    u,
    value === null ? null : viText(value),
    note,
  ]);
  const title = (text) => [text];
  return handRolledXlsx(
    [
      { name: 'Số liệu', rows: [title('SỐ LIỆU CÔNG TÁC DÂN VẬN QUÝ I/2023'), ['Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Kỳ này', 'Ghi chú'], ...figures] },
      {
        name: 'Thông tin',
        rows: [
          title('BỘ CHỈ HUY QUÂN SỰ TỈNH BÌNH SƠN'),
          ['Mã đơn vị', i.unitCode],
          ['Tên đơn vị', i.unitName],
          ['Kỳ báo cáo', i.period],
          ['Ngày báo cáo', '30/03/2023'],
          ['Người lập', i.preparedBy],
          ['Điện thoại', i.phone],
          ['Email', i.email],
          ['Thủ trưởng đơn vị', i.head],
        ],
      },
      { name: 'Kết quả', rows: [title('KẾT QUẢ NỔI BẬT'), ['STT', 'Lĩnh vực', 'Nội dung'], ...unit.results.map((r, n) => [n + 1, ...r])] },
      { name: 'Hạn chế', rows: [title('HẠN CHẾ'), ['STT', 'Lĩnh vực', 'Hạn chế', 'Nguyên nhân'], ...unit.limitations.map((l, n) => [n + 1, ...l])] },
      { name: 'Nhiệm vụ', rows: [title('NHIỆM VỤ'), ['STT', 'Lĩnh vực', 'Nhiệm vụ', 'Thời hạn'], ...unit.tasks.map((t, n) => [n + 1, ...t])] },
      { name: 'Kiến nghị', rows: [title('KIẾN NGHỊ'), ['STT', 'Nội dung kiến nghị', 'Cơ quan nhận']] },
      { name: 'Mô hình', rows: [title('MÔ HÌNH'), ['STT', 'Tên mô hình', 'Lĩnh vực', 'Cấp công nhận', 'Ghi chú'], ...unit.models.map((m, n) => [n + 1, ...m])] },
    ],
    { styles: true, date: unit.info.reportDate },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Folders

function checkClosedLists() {
  for (const [code, unit] of Object.entries(UNITS)) {
    const fields = [...unit.results, ...unit.limitations, ...unit.tasks].map((item) => item[0]);
    for (const field of fields) if (!FIELDS.includes(field)) throw new Error(`${code}: unknown field ${field}`);
    for (const [, field, level] of unit.models) {
      if (!MODEL_FIELDS.includes(field) || !RECOGNITION_LEVELS.includes(level)) throw new Error(`${code}: bad model ${field}/${level}`);
    }
    if ((unit.figures.KN_GQ ?? 0) > (unit.figures.KN_TIEP ?? Infinity)) throw new Error(`${code}: KN_GQ > KN_TIEP`);
  }
}

async function quarterFolder() {
  const files = new Map();
  const u = UNITS;
  files.set('HU_DONGHOA.xlsx', await formFile(contentOf(u.HU_DONGHOA)));
  files.set('HU_TANLAC.xlsx', await formFile(contentOf(u.HU_TANLAC)));
  files.set('BC quy I-2023 BDV Phuc Lam.xlsx', await phucLam(u.HU_PHUCLAM));
  files.set('MTTQ.xlsx', await formFile(contentOf(u.MTTQ)));
  files.set('HLHPN.xlsx', await phuNu(u.HLHPN));
  files.set('Bao cao quy 1 - Hoi Nong dan.xlsx', await hoiNongDan(u.HND));
  files.set('BC DV Q1-2023 Tinh doan.xlsx', await tinhDoan(u.TINHDOAN));
  files.set('BDBP.xlsx', await formFile(contentOf(u.BDBP)));
  files.set('Báo cáo dân vận Q1.2023 - Công an tỉnh.xlsx', congAn(u.CA));
  files.set('BCHQS_Q1_2023.xlsx', quanSu(u.BCHQS));

  // Filled in with the form, then opened and saved again in LibreOffice Calc.
  const calc = [
    ['HU_NGOCTHANH.xlsx', u.HU_NGOCTHANH],
    ['TU_BINHSON.xlsx', u.TU_BINHSON],
    ['LDLD.xlsx', u.LDLD],
    ['HCCB - bao cao quy I.xlsx', u.HCCB],
    ['SNV.xlsx', u.SNV],
  ];
  const inputs = [];
  for (const [name, unit] of calc) inputs.push({ name, bytes: await formFile(contentOf(unit)) });
  for (const [name, bytes] of resaveWithCalc(inputs, day(2023, 4, 4))) files.set(name, bytes);
  return files;
}

async function mixedFolder(quarter) {
  const files = new Map();
  const u = UNITS;
  for (const name of ['HU_DONGHOA.xlsx', 'MTTQ.xlsx', 'Bao cao quy 1 - Hoi Nong dan.xlsx', 'Báo cáo dân vận Q1.2023 - Công an tỉnh.xlsx', 'TU_BINHSON.xlsx']) {
    files.set(name, quarter.get(name));
  }
  // Two files of one unit: the first sent on 29/03, a corrected one on 03/04.
  files.set('HCCB.xlsx', quarter.get('HCCB - bao cao quy I.xlsx'));
  const corrected = structuredClone(u.HCCB);
  corrected.info.reportDate = day(2023, 4, 3);
  corrected.figures.VD_NGAYCONG = 1650;
  corrected.figureNotes = { VD_NGAYCONG: 'Điều chỉnh: bổ sung số liệu Hội CCB huyện Ngọc Thạnh' };
  files.set('HCCB (ban sua 03-4).xlsx', await formFile(contentOf(corrected)));

  // Invalid ones.
  files.set(
    'HU_TANLAC.xlsx',
    await editWorkbook(await formFile(contentOf(u.HU_TANLAC)), u.HU_TANLAC.info.reportDate, (wb) => {
      wb.getWorksheet('Số liệu').getCell(`D${ROW.TT_LUOT}`).value = 'hơn 6 nghìn';
    }),
  );
  files.set(
    'HLHPN.xlsx',
    await editWorkbook(await formFile(contentOf(u.HLHPN)), u.HLHPN.info.reportDate, (wb) => {
      wb.getWorksheet('Số liệu').getCell(`D${ROW.VD_TIEN}`).value = -420.5;
    }),
  );
  files.set(
    'TINHDOAN.xlsx',
    await formFile({ ...contentOf(u.TINHDOAN), info: { ...u.TINHDOAN.info, period: 'Quý II/2023' } }),
  );

  // What else ends up in a shared folder.
  files.set('~$HU_DONGHOA.xlsx', excelLockFile('Nguyen Thi Thanh Huong'));
  files.set('.DS_Store', dsStore());
  files.set(
    'ghi-chu.txt',
    Buffer.from(
      'Ghi chú của chuyên viên tổng hợp\n' +
        '- Đã nhận báo cáo quý I/2023 qua thư điện tử.\n' +
        '- Hội Cựu chiến binh tỉnh gửi lại bản sửa ngày 03/4/2023 (điều chỉnh số ngày công).\n' +
        '- Tỉnh đoàn ghi nhầm kỳ báo cáo, đã đề nghị gửi lại.\n',
      'utf8',
    ),
  );
  return files;
}

/** A small, valid submission; each bad-input file changes exactly one thing in one of these. */
function minimalContent(code, { period = 'Quý I/2023' } = {}) {
  const unit = UNITS[code];
  return {
    info: { ...unit.info, period },
    figures: figuresOf([2, 1, 1, 40, 1500, 1, 30, 1, 10, 8, 1, 120.5, 300, 0, 1, 1, 2]),
    results: [
      { field: 'Lãnh đạo, chỉ đạo', content: 'Tổ chức hội nghị triển khai nhiệm vụ công tác dân vận năm 2023.' },
      { field: 'Dân vận khéo', content: 'Đăng ký xây dựng 2 mô hình “Dân vận khéo”.' },
    ],
    limitations: [{ field: 'Nắm tình hình Nhân dân', content: 'Việc nắm tình hình Nhân dân ở một số nơi chưa kịp thời.', cause: 'Cán bộ kiêm nhiệm nhiều việc.' }],
    tasks: [{ field: 'Dân vận khéo', content: 'Tiếp tục thực hiện phong trào thi đua “Dân vận khéo”.', deadline: 'Quý II/2023' }],
    proposals: [],
    models: [{ name: 'Đường làng sáng - xanh - sạch', field: 'Văn hóa - xã hội', level: 'Cơ sở' }],
  };
}

async function badFolder() {
  const files = new Map();
  const stamp = day(2023, 3, 28);
  const minimal = (code, options) => formFile(minimalContent(code, options), 10);
  const edit = async (code, change) => editWorkbook(await minimal(code), stamp, change);

  files.set(
    'khong-phai-workbook.xlsx',
    Buffer.from('BÁO CÁO CÔNG TÁC DÂN VẬN QUÝ I NĂM 2023\r\nBan Dân vận Huyện ủy Đông Hòa\r\n(bản sao chép từ thư điện tử)\r\n', 'utf8'),
  );
  const whole = await minimal('HU_TANLAC');
  files.set('zip-cut.xlsx', whole.subarray(0, Math.floor(whole.length / 2)));
  const docx = libreOffice(
    [{ name: 'bao-cao.txt', bytes: Buffer.from('BÁO CÁO\nSơ kết công tác dân vận quý I năm 2023 của Hội Nông dân tỉnh Bình Sơn.\n', 'utf8') }],
    'docx',
  );
  files.set('zip-khong-phai-workbook.xlsx', pinZipTimestamps(docx.get('bao-cao.txt'), stamp));
  files.set('co-mat-khau.xlsx', encryptWithCalc(await minimal('HU_PHUCLAM'), '123456'));
  const xls = libreOffice([{ name: 'dinh-dang-cu.xlsx', bytes: await minimal('HU_NGOCTHANH') }], 'xls');
  files.set('dinh-dang-cu.xls', xls.get('dinh-dang-cu.xlsx'));

  const empty = new ExcelJS.Workbook();
  empty.addWorksheet('Sheet1');
  files.set('workbook-rong.xlsx', await finishWorkbook(empty, stamp));

  files.set('thieu-sheet-so-lieu.xlsx', await edit('TU_BINHSON', (wb) => wb.removeWorksheet(wb.getWorksheet('Số liệu').id)));
  files.set(
    'thieu-tieu-de.xlsx',
    await edit('MTTQ', (wb) => {
      for (const col of ['A', 'B', 'C', 'D', 'E']) wb.getWorksheet('Số liệu').getCell(`${col}2`).value = null;
    }),
  );
  files.set('thieu-ma-don-vi.xlsx', await edit('HLHPN', (wb) => (wb.getWorksheet('Thông tin').getCell('B2').value = null)));
  files.set('chu-trong-o-so.xlsx', await edit('HND', (wb) => (wb.getWorksheet('Số liệu').getCell(`D${ROW.TT_BUOI}`).value = 'khoảng chục buổi')));
  files.set('so-am.xlsx', await edit('TINHDOAN', (wb) => (wb.getWorksheet('Số liệu').getCell(`D${ROW.TH_LOP}`).value = -2)));
  files.set(
    'ma-chi-tieu-la.xlsx',
    await edit('LDLD', (wb) => {
      const sheet = wb.getWorksheet('Số liệu');
      const row = DEFAULT_CATALOGUE.length + 3; // 21: the row after the last indicator
      sheet.getCell(`A${row}`).value = 'TT_XYZ';
      sheet.getCell(`B${row}`).value = 'Buổi sinh hoạt chuyên đề';
      sheet.getCell(`C${row}`).value = 'buổi';
      sheet.getCell(`D${row}`).value = 4;
    }),
  );
  files.set('linh-vuc-la.xlsx', await edit('HCCB', (wb) => (wb.getWorksheet('Kết quả').getCell('B3').value = 'Văn nghệ')));
  files.set('ky-bao-cao-sai.xlsx', await minimal('BCHQS', { period: 'Quý 5/2023' }));
  files.set(
    'ngay-khong-ton-tai.xlsx',
    await edit('CA', (wb) => {
      const cell = wb.getWorksheet('Thông tin').getCell('B5');
      cell.value = '31/02/2023';
      cell.numFmt = '@';
    }),
  );
  files.set('khac-ky.xlsx', await minimal('SNV', { period: 'Quý II/2023' }));
  files.set(
    'dieu-chinh-kn.xlsx',
    await formFile({ ...minimalContent('BDBP'), figures: { ...minimalContent('BDBP').figures, KN_TIEP: 20, KN_GQ: 25 } }, 10),
  );
  return files;
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'form', 'index.js'))) {
    throw new Error('dist/form/index.js is missing: run `npm run build` first');
  }
  checkClosedLists();
  const quarter = await quarterFolder();
  const mixed = await mixedFolder(quarter);
  const bad = await badFolder();
  for (const [folder, files] of [['quy-1-2023', quarter], ['hon-hop', mixed], ['loi', bad]]) {
    const dir = path.join(FIXTURES, folder);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      fs.writeFileSync(path.join(dir, name.normalize('NFC')), bytes);
    }
    console.log(`fixtures/${folder}: ${files.size} files`);
  }
  if (!FOLDERS.every((f) => fs.existsSync(path.join(FIXTURES, f)))) throw new Error('a fixture folder is missing');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

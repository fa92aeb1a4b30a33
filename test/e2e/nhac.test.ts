// End-to-end: `danvan nhac`, the reminder letter (công văn đôn đốc) — its text against a golden a person has read,
// its layout (the letter frame of the report's profile), its JSON, and its refusals.
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG, FIXTURES, danvan, expectNoStackTrace, tempDir } from './run-cli.js';
import { parseJsonOutput } from '../helpers/json-contract.js';
import { bodyTables, documentText, firstRunFormat, paragraphWithText, part, prettyXml, sections, textOf, findAll, unzipDocx } from '../helpers/docx-xml.js';
import { docxToPdf, hasCommand, pdfInfo, pdfPages } from '../helpers/soffice.js';

const MIXED = join(FIXTURES, 'hon-hop');
const QUARTER = join(FIXTURES, 'quy-1-2023');

function nhac(args: string[], cwd = tempDir()) {
  const result = danvan(['nhac', ...args], cwd);
  expectNoStackTrace(result);
  return { ...result, cwd };
}

describe('danvan nhac on the mixed inbox, with the registry', () => {
  const run = nhac([MIXED, '--config', CONFIG, '--han', '10/04/2023', '-o', 'cong-van.docx', '--json']);
  const summary = parseJsonOutput(run.stdout, 'nhac');
  const docx = readFileSync(join(run.cwd, 'cong-van.docx'));
  const lines = documentText(docx);
  const document = part(unzipDocx(docx), 'word/document.xml');

  it('writes the letter and says who it names', () => {
    expect(run.code).toBe(0);
    expect(summary.output).toBe('cong-van.docx');
    expect(summary.units.missing).toEqual(summary.missingUnits.map((u: { code: string }) => u.code));
    expect(summary.units.missing).toHaveLength(7);
    expect(summary.toFix.map((u: { code: string }) => u.code)).toEqual(['HU_TANLAC', 'HLHPN', 'TINHDOAN']);
    // HCCB sent two files: the older one is superseded, not a file to fix.
    expect(summary.toFix.some((u: { code: string }) => u.code === 'HCCB')).toBe(false);
  });

  it('is a công văn of the report\'s frame: number of type CV, "V/v …" under it, no type name, "Kính gửi:"', () => {
    expect(lines.slice(0, 4)).toEqual(['TỈNH ỦY BÌNH SƠN', 'BAN DÂN VẬN', '*', 'ĐẢNG CỘNG SẢN VIỆT NAM']);
    expect(lines.some((l) => /^Số +-CV\/BDVTU$/.test(l))).toBe(true);
    expect(lines).toContain('V/v đôn đốc gửi báo cáo công tác dân vận quý I năm 2023');
    expect(lines).not.toContain('BÁO CÁO');
    expect(lines).toContain('Kính gửi: Các cơ quan, đơn vị có tên tại công văn này.');
    // The trích yếu sits in the header table's left column, under the number, in the profile's letter style.
    const header = bodyTables(document)[0]!;
    const leftCells = findAll(header, 'w:tc').filter((_, i) => i % 2 === 0);
    expect(leftCells.map(textOf).join('|')).toMatch(/Số +-CV\/BDVTU.*V\/v đôn đốc/);
    const subject = paragraphWithText(document, 'V/v đôn đốc gửi báo cáo công tác dân vận quý I năm 2023')!;
    expect(firstRunFormat(subject)).toMatchObject({ sz: 24, italic: true });
    expect(sections(document)[0]!.pgSz).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
  });

  it('names the units that have not sent and, for those to fix, what to fix, and the deadline; signature and Nơi nhận', () => {
    const text = lines.join('\n');
    expect(text).toContain('còn 7 đơn vị chưa gửi báo cáo và 3 đơn vị đã gửi nhưng báo cáo còn sai sót');
    expect(lines).toContain('- Ban Dân vận Huyện ủy Thạch Bàn;');
    // One plain phrase per kind of problem: the indicator in words, never its sheet, cell or code.
    expect(lines).toContain('- Ban Dân vận Huyện ủy Tân Lạc: số lượt người được tuyên truyền, vận động phải ghi bằng số;');
    expect(lines).toContain('- Hội Liên hiệp Phụ nữ tỉnh: kinh phí Nhân dân đóng góp xây dựng nông thôn mới, an sinh xã hội không được âm;');
    expect(lines).toContain('- Tỉnh đoàn: báo cáo gửi là của kỳ khác, không phải quý I năm 2023.');
    expect(text).not.toMatch(/\bsheet\b|\bô [A-Z]+\d|cấu hình|[A-Z]{2,}_[A-Z]|chưa đúng biểu mẫu/);
    expect(text).toContain('trước ngày 10 tháng 4 năm 2023');
    for (const expected of ['TRƯỞNG BAN', 'Lê Minh Khang', '- Như trên,', '- Lưu Văn phòng.']) expect(lines).toContain(expected);
  });

  it('says, paragraph by paragraph, what the golden text a person has read says', async () => {
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('../golden/nhac-hon-hop/text.txt');
    await expect(prettyXml(document)).toMatchFileSnapshot('../golden/nhac-hon-hop/document.xml');
  });

  it('gives the same bytes for the same inputs', () => {
    const again = nhac([MIXED, '--config', CONFIG, '--han', '10/04/2023', '-o', 'cong-van.docx']);
    expect(readFileSync(join(again.cwd, 'cong-van.docx')).equals(docx)).toBe(true);
  });

  it.skipIf(!hasCommand('soffice'))('opens in LibreOffice as a one- or two-page letter', () => {
    const pdf = docxToPdf(docx, 'cong-van');
    expect(Number(pdfInfo(pdf).Pages)).toBeLessThanOrEqual(2);
    expect(pdfPages(pdf)[0]).toContain('Kính gửi');
  });
});

describe('danvan nhac on files written by other programs (openpyxl, LibreOffice, hand-written)', () => {
  it('names the registry unit that sent nothing, and no unit whose file is valid', () => {
    const run = nhac([join(FIXTURES, 'khac-phan-mem'), '--config', join(FIXTURES, 'khac-phan-mem.config.json'), '--han', '15/07/2025', '--json']);
    const summary = parseJsonOutput(run.stdout, 'nhac');
    expect(run.code).toBe(0);
    expect(summary.missingUnits.map((u: { code: string }) => u.code)).toEqual(['DU_XA_THACHLAM']);
    expect(summary.toFix).toEqual([]);
    const lines = documentText(readFileSync(join(run.cwd, summary.output)));
    expect(lines).toContain('Kính gửi: Đảng ủy xã Thạch Lâm.');
    expect(lines).toContain('- Đảng ủy xã Thạch Lâm.');
    expect(lines.join('\n')).toContain('trước ngày 15 tháng 7 năm 2025');
    expect(lines).toContain('V/v đôn đốc gửi báo cáo công tác dân vận 6 tháng đầu năm 2025');
  });
});

describe('danvan nhac, other cases', () => {
  it('a few units are each addressed by name; without a deadline the letter leaves a blank and says so', () => {
    const dir = tempDir('danvan-in-');
    copyFileSync(join(QUARTER, 'MTTQ.xlsx'), join(dir, 'MTTQ.xlsx'));
    const cwd = tempDir();
    writeFileSync(join(cwd, 'cfg.json'), JSON.stringify({ units: [{ code: 'MTTQ', name: 'Ủy ban MTTQ Việt Nam tỉnh' }, { code: 'HND', name: 'Hội Nông dân tỉnh' }, { code: 'TINHDOAN', name: 'Tỉnh đoàn' }] }));
    const run = nhac([dir, '--config', 'cfg.json', '--json'], cwd);
    const summary = parseJsonOutput(run.stdout, 'nhac');
    expect(summary.output).toBe('cong-van-don-doc-quy-1-2023.docx');
    expect(summary.warnings.map((w: { code: string }) => w.code)).toContain('reminder.no-deadline');
    const lines = documentText(readFileSync(join(cwd, summary.output)));
    expect(lines).toContain('Kính gửi:');
    expect(lines).toContain('- Hội Nông dân tỉnh;');
    expect(lines).toContain('- Tỉnh đoàn.');
    expect(lines.join('\n')).toContain('trước ngày ……');
  });

  it('nobody to remind: nothing written, exit 0, and it says so', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'cfg.json'), JSON.stringify({ units: [{ code: 'MTTQ', name: 'Ủy ban MTTQ Việt Nam tỉnh' }] }));
    const dir = tempDir('danvan-in-');
    copyFileSync(join(QUARTER, 'MTTQ.xlsx'), join(dir, 'MTTQ.xlsx'));
    const run = nhac([dir, '--config', 'cfg.json'], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Không có đơn vị nào cần nhắc');
    expect(existsSync(join(cwd, 'cong-van-don-doc-quy-1-2023.docx'))).toBe(false);
  });

  it('refuses a bad deadline, a non-.docx output, and an existing file without --force', () => {
    expect(nhac([MIXED, '--han', '31/02/2023']).code).toBe(2);
    const pdf = nhac([MIXED, '-o', 'x.pdf', '--json']);
    expect(pdf.code).toBe(2);
    expect(parseJsonOutput(pdf.stdout, 'nhac').error.code).toBe('usage');
    const cwd = tempDir();
    mkdirSync(join(cwd, 'out'));
    writeFileSync(join(cwd, 'out', 'cv.docx'), 'cũ');
    const refused = nhac([MIXED, '--config', CONFIG, '-o', 'out/cv.docx'], cwd);
    expect(refused.code).toBe(2);
    expect(readFileSync(join(cwd, 'out', 'cv.docx'), 'utf8')).toBe('cũ');
    expect(nhac([MIXED, '--config', CONFIG, '-o', 'out/cv.docx', '--force'], cwd).code).toBe(0);
  });

  it('khoitao copies the letter template, and --template uses the copy', () => {
    const cwd = tempDir();
    danvan(['khoitao'], cwd);
    const path = join(cwd, 'mau-bao-cao', 'nhac.hbs');
    writeFileSync(path, readFileSync(path, 'utf8').replace('Để kịp tổng hợp', 'Để kịp tổng hợp (mẫu đã sửa)'));
    const run = nhac([MIXED, '--config', CONFIG, '--template', 'mau-bao-cao/nhac.hbs', '-o', 'cv.docx'], cwd);
    expect(run.code).toBe(0);
    expect(documentText(readFileSync(join(cwd, 'cv.docx'))).join('\n')).toContain('Để kịp tổng hợp (mẫu đã sửa)');
  });
});

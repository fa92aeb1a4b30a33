// End-to-end: `danvan tonghop` on the fixtures — totals, the report's text and layout, outputs and refusals.
import { parseJsonc } from '../../src/config/jsonc.js';
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync, statSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG, FIXTURES, ROOT, danvan, expectNoStackTrace, folderFingerprint, tempDir } from './run-cli.js';
import { parseJsonOutput } from '../helpers/json-contract.js';
import { documentText, part, prettyXml, sections, unzipDocx } from '../helpers/docx-xml.js';
import { docxToPdf, hasCommand, pdfInfo, pdfPages } from '../helpers/soffice.js';
import { buildFormWorkbook } from '../../src/form/index.js';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';

const QUARTER = join(FIXTURES, 'quy-1-2023');
const MIXED = join(FIXTURES, 'hon-hop');

/** Totals worked out by hand from the fixture data (fixtures/README.md), not by danvan. */
const EXPECTED_TOTALS: Record<string, number | null> = {
  DVK_MH_MOI: 92, DVK_MH_CN: 39, DVK_DH: 23, TT_BUOI: 2008, TT_LUOT: 107270, TH_LOP: 28, TH_LUOT: 2372,
  DT_HN: 35, KN_TIEP: 406, KN_GQ: 369, KN_TL: 90.89, KTGS_CUOC: 41, VD_TIEN: 20225.2, VD_NGAYCONG: 34100,
  VD_DAT: 21170, VD_NHA: 109, KT_TAPTHE: 66, KT_CANHAN: 157,
};

function aggregate(args: string[], cwd = tempDir()) {
  const result = danvan(['tonghop', ...args], cwd);
  expectNoStackTrace(result);
  return { ...result, cwd };
}

describe('danvan tonghop on the quarter fixtures', () => {
  const before = folderFingerprint(QUARTER);
  const run = aggregate([QUARTER, '--config', CONFIG, '--json', '-o', 'bao-cao.docx']);
  const summary = parseJsonOutput(run.stdout, 'tonghop');
  const docx = readFileSync(join(run.cwd, 'bao-cao.docx'));
  const text = documentText(docx).join('\n');

  it('exits 0 and prints the JSON of SPEC §5', () => {
    expect(run.code).toBe(0);
    expect(summary).toMatchObject({
      period: '2023-Q1',
      output: 'bao-cao.docx',
      units: { submitted: 15, valid: 15, invalid: 0, missing: ['HU_THACHBAN'] },
    });
    expect(summary.files).toHaveLength(15);
  });

  it('every total is the sum of what the units sent; KN_TL recomputed from the sums', () => {
    expect(summary.indicators).toEqual(EXPECTED_TOTALS);
  });

  it('weaves the totals into sentences, in Vietnamese number style', () => {
    expect(text).toContain('các đơn vị đã đăng ký, xây dựng mới 92 mô hình “Dân vận khéo”, 39 mô hình được công nhận');
    expect(text).toContain('tiếp nhận 406 kiến nghị của Nhân dân, đã giải quyết, trả lời 369 kiến nghị, đạt tỷ lệ 90,9%');
    expect(text).toContain('đã tổ chức 2.008 buổi tuyên truyền, vận động Nhân dân, thu hút 107.270 lượt người tham gia');
    expect(text).toContain('Nhân dân đã đóng góp 20.225,2 triệu đồng');
  });

  it('merges the same item sent by several units into one that names them all', () => {
    const line = documentText(docx).find((l) => l.includes('Kết luận số 43-KL/TW'))!;
    expect(line).toMatch(/^- Tổ chức Hội nghị quán triệt Kết luận số 43-KL\/TW/);
    for (const unit of ['Ban Dân vận Huyện ủy Đông Hòa', 'Ban Dân vận Huyện ủy Phúc Lâm', 'Ban Dân vận Huyện ủy Tân Lạc', 'Ban Dân vận Thành ủy Bình Sơn']) {
      expect(line).toContain(unit);
    }
    expect(documentText(docx).filter((l) => l.includes('Kết luận số 43-KL/TW'))).toHaveLength(1);
  });

  it('has the official frame, the parts of FORMAT.md §B, the reporting situation in one phrase, and the signature', () => {
    const lines = documentText(docx);
    for (const expected of [
      'TỈNH ỦY BÌNH SƠN', 'BAN DÂN VẬN', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'BÁO CÁO',
      'sơ kết công tác dân vận quý I năm 2023,', 'phương hướng, nhiệm vụ quý II năm 2023',
      'I. KẾT QUẢ THỰC HIỆN CÔNG TÁC DÂN VẬN', 'II. ĐÁNH GIÁ CHUNG', '1. Ưu điểm', '2. Hạn chế', '3. Nguyên nhân',
      'III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II NĂM 2023', 'IV. ĐỀ XUẤT, KIẾN NGHỊ', 'TRƯỞNG BAN', 'Lê Minh Khang', '- Lưu Văn phòng.',
    ]) {
      expect(lines, expected).toContain(expected);
    }
    // No "Đặc điểm tình hình" without the staff's text for it, never a placeholder.
    expect(text).not.toMatch(/ĐẶC ĐIỂM TÌNH HÌNH/);
    // A report to superiors: how many reports it sums, not who sent or who did not, and no order to the units.
    expect(text).toContain('tổng hợp từ báo cáo của 15/16 cơ quan, đơn vị');
    expect(text).not.toContain('Thạch Bàn');
    expect(text).not.toContain('Đề nghị các đơn vị');
    expect(text).not.toContain('TÌNH HÌNH THỰC HIỆN CHẾ ĐỘ BÁO CÁO');
    expect(text).toMatch(/Bình Sơn, ngày +tháng +năm 2023/);
    expect(text).toContain('Số       -BC/BDVTU'.replace(/ +/, ' ').slice(0, 3));
  });

  it('groups proposals by addressee, higher bodies first, abbreviations written out, and none to the issuer itself', () => {
    const lines = documentText(docx);
    const headings = lines.filter((l) => /^\d+\. Đối với /.test(l));
    expect(headings).toEqual([
      '1. Đối với Ban Thường vụ Tỉnh ủy',
      '2. Đối với Ủy ban nhân dân tỉnh',
    ]);
    // What three units asked of the Ban Dân vận Tỉnh ủy is among its own tasks, without "Đề nghị".
    const tasks = lines.slice(lines.indexOf('III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II NĂM 2023'), lines.indexOf('IV. ĐỀ XUẤT, KIẾN NGHỊ'));
    expect(tasks).toContain('- Tổ chức tập huấn nghiệp vụ công tác dân vận cho cán bộ làm công tác dân vận cấp cơ sở.');
    expect(text).not.toContain('Đề nghị Ban Dân vận Tỉnh ủy');
  });

  it('lays out A4 portrait with the appendix in landscape sections', () => {
    const document = part(unzipDocx(docx), 'word/document.xml');
    const layout = sections(document);
    expect(layout[0]!.pgSz).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(layout.some((s) => s.pgSz['w:orient'] === 'landscape')).toBe(true);
  });

  it('says, paragraph by paragraph, what the golden text a person has read says', async () => {
    await expect(`${documentText(docx).join('\n')}\n`).toMatchFileSnapshot('../golden/report-quy-1-2023/text.txt');
  });

  it('matches the golden XML (test/golden/report-quy-1-2023)', async () => {
    const parts = unzipDocx(docx);
    await expect(prettyXml(part(parts, 'word/document.xml'))).toMatchFileSnapshot('../golden/report-quy-1-2023/document.xml');
  });

  it('prints no internal code, one quote style, and each appendix says which report it belongs to', () => {
    const lines = documentText(docx);
    expect(text).not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b/);
    expect(text).not.toContain('"');
    expect(lines).toContain('Tỷ lệ kiến nghị được giải quyết');
    const appendixTitles = lines.flatMap((l, i) => (/^PHỤ LỤC \d$/.test(l) ? [i] : []));
    expect(appendixTitles.length).toBeGreaterThanOrEqual(2);
    for (const i of appendixTitles) expect(lines[i + 2]).toMatch(/^\(Kèm theo Báo cáo số +-BC\/BDVTU, ngày +tháng +năm 2023\)$/);
  });

  it('prints no note meant for the staff under any table', () => {
    const lines = documentText(docx);
    // The unit appendix has blanks (VD_DAT of HU_TANLAC…) printed "—", without a note on what "—" means.
    expect(lines).toContain('—');
    expect(text).not.toContain('Ô “—”');
    expect(text).not.toContain('Ghi chú:');
  });

  it('the same inputs give the same bytes', () => {
    const again = aggregate([QUARTER, '--config', CONFIG, '-o', 'lan-2.docx']);
    expect(readFileSync(join(again.cwd, 'lan-2.docx')).equals(docx)).toBe(true);
  });

  it('never touches the input folder', () => {
    expect(folderFingerprint(QUARTER)).toBe(before);
  });

  it.skipIf(!hasCommand('soffice') && !process.env.CI)('opens in LibreOffice and renders to a multi-page PDF', () => {
    const pdf = docxToPdf(docx, 'bao-cao-quy-1');
    expect(Number(pdfInfo(pdf).Pages)).toBeGreaterThan(5);
    const pages = pdfPages(pdf);
    expect(pages[0]).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(pages.join('\n')).toContain('PHỤ LỤC 1');
  });
});

describe('danvan tonghop on a mixed inbox', () => {
  it('writes the report from the valid files, names the invalid ones, exits 1', () => {
    const run = aggregate([MIXED, '--config', CONFIG, '-o', 'bc.docx']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Đã ghi báo cáo: bc.docx');
    expect(run.stdout).toMatch(/✗ .*HU_TANLAC\.xlsx/);
    // The counts cover every file, as kiemtra's do, not only the invalid ones shown in detail.
    expect(run.stdout).toContain('Tổng cộng 10 tệp: 6 hợp lệ, 3 không hợp lệ, 1 tệp cũ không tính (đơn vị đã gửi tệp mới hơn); 7 đơn vị chưa gửi.');
    expect(run.stdout).not.toMatch(/✓ /);
    const text = documentText(readFileSync(join(run.cwd, 'bc.docx'))).join('\n');
    // A report to superiors says how many reports it sums; who must fix what is in kiemtra, the annotated copies
    // and the reminder letter, never an order to the units in the text the head signs.
    expect(text).toContain('tổng hợp từ báo cáo của 6/16 cơ quan, đơn vị');
    expect(text).not.toMatch(/Tân Lạc|chưa hợp lệ|Đề nghị các đơn vị/);
    expect(text).not.toMatch(/HCCB\.xlsx/); // superseded by the unit's later file: not an invalid one
    expect(text).not.toMatch(/Số liệu!D7|hơn 6 nghìn/);
  });

  it('--strict refuses to write anything when a file is invalid', () => {
    const run = aggregate([MIXED, '--config', CONFIG, '--strict', '-o', 'bc.docx']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('với --strict, danvan không ghi báo cáo');
    expect(existsSync(join(run.cwd, 'bc.docx'))).toBe(false);
  });
});

describe('outputs are never overwritten or half-written', () => {
  it('refuses an existing output without --force (exit 2), leaves it as it was, and overwrites with --force', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'bao-cao-quy-1-2023.docx'), 'bản cũ');
    const refused = aggregate([QUARTER, '--config', CONFIG], cwd);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('đã có (nội dung mới sẽ khác); danvan không ghi đè. Dùng --force');
    expect(readFileSync(join(cwd, 'bao-cao-quy-1-2023.docx'), 'utf8')).toBe('bản cũ');
    const forced = aggregate([QUARTER, '--config', CONFIG, '--force'], cwd);
    expect(forced.code).toBe(0);
    expect(statSync(join(cwd, 'bao-cao-quy-1-2023.docx')).size).toBeGreaterThan(10_000);
  });

  it('refuses to write into an input folder', () => {
    const inbox = tempDir();
    copyFileSync(join(QUARTER, 'HU_DONGHOA.xlsx'), join(inbox, 'HU_DONGHOA.xlsx'));
    const run = aggregate([inbox, '-o', join(inbox, 'bc.docx')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('danvan không thay đổi thư mục đầu vào');
  });
});

describe('templates and config', () => {
  it('a template with a syntax error names the file and the line, exit 2, nothing written', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'mau.hbs'), '---\ntrich-yeu: thử\n---\n# Kết quả\n{{#each results}}\n## {{heading}}\n');
    const run = aggregate([QUARTER, '--template', 'mau.hbs', '-o', 'bc.docx'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Mẫu báo cáo mau.hbs, dòng 5: khối {{#each}} mở ở dòng này chưa được đóng bằng {{/each}}.');
    expect(existsSync(join(cwd, 'bc.docx'))).toBe(false);
  });

  it('a template naming data that does not exist names the field and line', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'mau.hbs'), '---\ntrich-yeu: thử\n---\n# Kết quả\nCó {{soDonVi}} đơn vị.\n');
    const run = aggregate([QUARTER, '--template', 'mau.hbs', '-o', 'bc.docx'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Mẫu báo cáo mau\.hbs, dòng 5: không có dữ liệu "soDonVi"/);
  });

  it('a user template replaces the body; the frame still comes from the config', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'mau.hbs'), '---\ntrich-yeu: tình hình {{period.name}}\n---\n# Số liệu\nTổng số buổi tuyên truyền: **{{so (tong "TT_BUOI")}}**.\n');
    const run = aggregate([QUARTER, '--config', CONFIG, '--template', 'mau.hbs', '-o', 'bc.docx'], cwd);
    expect(run.code).toBe(0);
    const lines = documentText(readFileSync(join(cwd, 'bc.docx')));
    expect(lines).toContain('tình hình quý I năm 2023');
    expect(lines).toContain('I. SỐ LIỆU');
    expect(lines).toContain('Tổng số buổi tuyên truyền: 2.008./.');
    expect(lines).toContain('Lê Minh Khang');
  });

  it('a config with a misspelt key is refused naming the key, exit 2', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'cau-hinh.json'), '{ "signer": { "nmae": "Lê Văn B" } }');
    const run = aggregate([QUARTER, '--config', 'cau-hinh.json'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Tệp cấu hình cau-hinh.json có 1 lỗi:');
    expect(run.stderr).toContain('signer: khóa không được hỗ trợ "nmae"');
  });

  it('khoitao writes a commented config and the templates, which tonghop then uses', () => {
    const cwd = tempDir();
    const init = danvan(['khoitao'], cwd);
    expect(init.code).toBe(0);
    expect(readFileSync(join(cwd, 'danvan.config.json'), 'utf8')).toMatch(/^\/\/ Cấu hình danvan/);
    const run = aggregate([QUARTER, '--template', 'mau-bao-cao/so-ket.hbs', '-o', 'bc.docx'], cwd);
    expect(run.code).toBe(0);
    // The starter config invents nothing: the frame prints blanks, and the run names the keys to fill.
    const lines = documentText(readFileSync(join(cwd, 'bc.docx')));
    expect(lines).toContain('TỈNH ỦY ……');
    expect(lines.some((l) => /^……, ngày +tháng +năm 2023$/.test(l))).toBe(true);
    expect(run.stdout).toContain('Lưu ý: Báo cáo để trống (……)');
    for (const key of ['organization.superiorBody', 'organization.place', 'signer.name']) expect(run.stdout).toContain(`"${key}"`);
    // Run again untouched, khoitao finds its own files and leaves them; once the config is edited, it refuses.
    const again = danvan(['khoitao'], cwd);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('không ghi lại');

    // Filled in, the same config gives the frame and no warning.
    const path = join(cwd, 'danvan.config.json');
    writeFileSync(
      path,
      readFileSync(path, 'utf8')
        .replace('"TỈNH ỦY ……"', '"TỈNH ỦY HÀ NAM SƠN"')
        .replace('"place": "……"', '"place": "Nam Sơn"')
        .replace('"name": "……"', '"name": "Phạm Thu Hà"'),
    );
    const edited = readFileSync(path);
    expect(danvan(['khoitao'], cwd).code).toBe(2);
    expect(readFileSync(path).equals(edited)).toBe(true);
    const filled = aggregate([QUARTER, '--json', '-o', 'bc2.docx'], cwd);
    expect(parseJsonOutput(filled.stdout, 'tonghop').warnings).toEqual([]);
    const filledLines = documentText(readFileSync(join(cwd, 'bc2.docx')));
    expect(filledLines).toContain('TỈNH ỦY HÀ NAM SƠN');
    expect(filledLines).toContain('Phạm Thu Hà');
  });

  it('without any config the report invents no province, place or signer, and --json says which keys to fill', () => {
    const run = aggregate([QUARTER, '--json', '-o', 'bc.docx']);
    const summary = parseJsonOutput(run.stdout, 'tonghop');
    expect(summary.warnings).toHaveLength(1);
    expect(summary.warnings[0]).toMatchObject({ code: 'config.frame-unfilled', keys: ['organization.superiorBody', 'organization.place', 'signer.name'] });
    expect(summary.warnings[0].message).toContain('danvan khoitao');
    const lines = documentText(readFileSync(join(run.cwd, 'bc.docx')));
    expect(lines[0]).toBe('……………');
    expect(lines.filter((l) => /, ngày +tháng +năm 2023$/.test(l))).toEqual(['……………, ngày      tháng      năm 2023']);
    expect(lines.join('\n')).not.toMatch(/TỈNH ỦY|Nguyễn Văn An|Lê Minh Khang/);
  });
});

describe('--xlsx and --compare', () => {
  it('the aggregate written as a submission aggregates, alone, to the same totals', () => {
    const cwd = tempDir();
    const first = aggregate([QUARTER, '--config', CONFIG, '--json', '-o', 'bc.docx', '--xlsx', 'tong-hop.xlsx'], cwd);
    expect(first.code).toBe(0);
    mkdirSync(join(cwd, 'cap-tren'));
    copyFileSync(join(cwd, 'tong-hop.xlsx'), join(cwd, 'cap-tren', 'tong-hop.xlsx'));
    const check = danvan(['kiemtra', '--json', 'cap-tren'], cwd);
    expect(check.code).toBe(0);
    expect(parseJsonOutput(check.stdout, 'kiemtra').files[0]).toMatchObject({ unit: 'BDVTU_BINHSON', period: '2023-Q1', valid: true });
    const second = aggregate(['cap-tren', '--json', '-o', 'bc2.docx'], cwd);
    expect(second.code).toBe(0);
    expect(parseJsonOutput(second.stdout, 'tonghop').indicators).toEqual(parseJsonOutput(first.stdout, 'tonghop').indicators);
  });

  it('shows the change against the same period a year earlier, in the text and the table', async () => {
    const cwd = tempDir();
    const lastYear = Object.fromEntries(DEFAULT_CATALOGUE.filter((i) => !i.derived).map((i) => [i.code, 100]));
    lastYear.TT_BUOI = 1600;
    lastYear.KN_TIEP = 400;
    lastYear.KN_GQ = 340;
    // Awards: more collectives than a year earlier (66 against 60), fewer individuals (157 against 170).
    lastYear.KT_TAPTHE = 60;
    lastYear.KT_CANHAN = 170;
    const bytes = await buildFormWorkbook({
      catalogue: DEFAULT_CATALOGUE,
      content: { info: { unitCode: 'BDVTU_BINHSON', unitName: 'Ban Dân vận Tỉnh ủy', period: 'Quý I/2022', reportDate: new Date(Date.UTC(2022, 3, 4)) }, figures: lastYear },
    });
    writeFileSync(join(cwd, 'tong-hop-2022.xlsx'), bytes);
    const run = aggregate([QUARTER, '--config', CONFIG, '--compare', 'tong-hop-2022.xlsx', '-o', 'bc.docx'], cwd);
    expect(run.code).toBe(0);
    const lines = documentText(readFileSync(join(cwd, 'bc.docx')));
    const text = lines.join('\n');
    // 2.008 against 1.600: +25,5%; KN_TL 90,9% against 85%: +5,9 percentage points.
    expect(text).toContain('2.008 buổi tuyên truyền, vận động Nhân dân (tăng 25,5% so với cùng kỳ)');
    expect(text).toContain('đạt tỷ lệ 90,9% (tăng 5,9 điểm phần trăm so với cùng kỳ)');
    expect(lines).toContain('Cùng kỳ năm trước');
    expect(lines).toContain('tăng 25,5%');
    // Each comparison belongs to its own figure: the rise of one is never said of the other.
    expect(text).toContain('66 tập thể (tăng 10% so với cùng kỳ) và 157 cá nhân (giảm 7,6% so với cùng kỳ) được khen thưởng');
    // The assessment names the rises as strengths and the notable falls as weaknesses.
    const assessment = lines.slice(lines.indexOf('II. ĐÁNH GIÁ CHUNG'), lines.findIndex((l) => /^III\. /.test(l))).join('\n');
    expect(assessment).toMatch(/So với cùng kỳ năm trước, [^\n]*số buổi tuyên truyền, vận động Nhân dân tăng 25,5%/);
    expect(assessment).toMatch(/- So với cùng kỳ năm trước, [^\n]*số cá nhân được khen thưởng giảm 7,6%/);
  });

  it('opens with "Đặc điểm tình hình" when the staff write it in the config, and never without it', () => {
    const cwd = tempDir();
    const base = parseJsonc(readFileSync(CONFIG, 'utf8')) as { document: Record<string, unknown> };
    const situation = ['Quý I năm 2023, tình hình kinh tế - xã hội của tỉnh tiếp tục ổn định; Nhân dân phấn khởi đón Tết Nguyên đán Quý Mão.', 'Thời tiết rét đậm, rét hại kéo dài ảnh hưởng đến sản xuất vụ Đông Xuân ở các huyện miền núi.'];
    writeFileSync(join(cwd, 'config.json'), JSON.stringify({ ...base, document: { ...base.document, situation } }));
    const run = aggregate([QUARTER, '--config', 'config.json', '-o', 'bc.docx'], cwd);
    expect(run.code).toBe(0);
    const lines = documentText(readFileSync(join(cwd, 'bc.docx')));
    const at = lines.indexOf('I. ĐẶC ĐIỂM TÌNH HÌNH');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 3)).toEqual(situation);
    expect(lines).toContain('II. KẾT QUẢ THỰC HIỆN CÔNG TÁC DÂN VẬN');
  });

  it('refuses a comparison file of another kind of period', async () => {
    const cwd = tempDir();
    const bytes = await buildFormWorkbook({
      catalogue: DEFAULT_CATALOGUE,
      content: { info: { unitCode: 'X', unitName: 'X', period: '6 tháng/2022', reportDate: new Date(Date.UTC(2022, 6, 4)) }, figures: {} },
    });
    writeFileSync(join(cwd, 'sai-ky.xlsx'), bytes);
    const run = aggregate([QUARTER, '--compare', 'sai-ky.xlsx', '-o', 'bc.docx'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cần số liệu cùng kỳ năm trước (quý I năm 2022)');
  });
});

it('the README names the fixtures and the config used here', () => {
  expect(existsSync(join(ROOT, 'fixtures', 'danvan.config.json'))).toBe(true);
});

/** Layout properties of the written report: page, fonts, frame and closing tables, headers, sizes, body style. */

import { beforeAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../../src/writers/docx/index.js';
import { getLayoutProfile } from '../../src/layout/profile.js';
import type { DocModel } from '../../src/model/doc-model.js';
import {
  bodyTables, childrenNamed, defaultRunProperties, documentText, findAll, findFirst, firstRunFormat, paragraphWithText,
  parseXml, part, pPr, sections, styleById, styleFonts, tableLayout, textOf, unzipDocx,
} from '../helpers/docx-xml.js';
import { sampleDocModel } from './sample-doc-model.js';

const hd36 = getLayoutProfile('hd36');
if (hd36 === undefined) throw new Error('hd36 profile missing');

async function render(model: DocModel = sampleDocModel()) {
  const buffer = await writeDocx(model, hd36 as NonNullable<typeof hd36>);
  const parts = unzipDocx(buffer);
  return { buffer, parts, document: part(parts, 'word/document.xml'), styles: part(parts, 'word/styles.xml') };
}

describe('docx layout (hd36)', () => {
  let r: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    r = await render();
  });

  it('uses A4 portrait with 20/20/30/15 mm margins and the header 10 mm from the edge', () => {
    const [main] = sections(r.document);
    expect(main?.pgSz).toMatchObject({ 'w:w': '11906', 'w:h': '16838', 'w:orient': 'portrait' });
    expect(main?.pgMar).toMatchObject({ 'w:top': '1134', 'w:bottom': '1134', 'w:left': '1701', 'w:right': '850', 'w:header': '567' });
  });

  it('sets Times New Roman in every font slot and Vietnamese as the language', () => {
    const fonts = styleFonts(r.styles);
    const tnr = { 'w:ascii': 'Times New Roman', 'w:hAnsi': 'Times New Roman', 'w:cs': 'Times New Roman', 'w:eastAsia': 'Times New Roman' };
    expect(fonts['docDefaults']).toEqual(tnr);
    for (const id of ['DvBody', 'DvHeading1', 'DvHeading2', 'DvHeading3']) expect(fonts[id]).toEqual(tnr);
    const rPr = defaultRunProperties(r.styles);
    expect(rPr && findFirst(rPr, 'w:lang')?.attrs['w:val']).toBe('vi-VN');
    expect(rPr && findFirst(rPr, 'w:sz')?.attrs['w:val']).toBe('28');
    // No run picks another face by hand.
    expect(findAll(parseXml(r.document), 'w:rFonts')).toHaveLength(0);
  });

  it('opens with a borderless header table of 4000/5355 twips and cell margins 0', () => {
    const header = bodyTables(r.document)[0];
    expect(header).toBeDefined();
    const t = tableLayout(header as NonNullable<typeof header>);
    expect(t.gridCols).toEqual([4000, 5355]);
    expect(t.cellWidths).toEqual([[4000, 5355], [4000, 5355]]);
    expect(Object.values(t.borders)).toEqual(['none', 'none', 'none', 'none', 'none', 'none']);
    const mar = findFirst(header as NonNullable<typeof header>, 'w:tblCellMar');
    expect(childrenNamed(mar as NonNullable<typeof mar>, 'w:left')[0]?.attrs['w:w']).toBe('0');
    const text = findAll(header as NonNullable<typeof header>, 'w:p').map(textOf).filter((s) => s !== '');
    expect(text).toEqual(['TỈNH ỦY BÌNH SƠN', 'BAN DÂN VẬN', '*', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 45-BC/BDVTU', 'Bình Sơn, ngày 05 tháng 4 năm 2023']);
  });

  it('draws a rule under the party name about as long as the name', () => {
    const header = bodyTables(r.document)[0] as NonNullable<ReturnType<typeof bodyTables>[0]>;
    const paragraphs = findAll(header, 'w:p');
    const nameAt = paragraphs.findIndex((p) => textOf(p) === 'ĐẢNG CỘNG SẢN VIỆT NAM');
    const rule = paragraphs[nameAt + 1] as NonNullable<(typeof paragraphs)[0]>;
    expect(textOf(rule)).toBe('');
    const bottom = findFirst(pPr(rule), 'w:bottom');
    expect(bottom?.attrs['w:val']).toBe('single');
    const ind = findFirst(pPr(rule), 'w:ind');
    const ruleWidth = 5355 - Number(ind?.attrs['w:left']) - Number(ind?.attrs['w:right']);
    // "ĐẢNG CỘNG SẢN VIỆT NAM" in 15 pt bold is about 2.9 inches (~4200 twips).
    expect(ruleWidth).toBeGreaterThan(3800);
    expect(ruleWidth).toBeLessThan(4600);
  });

  it('prints frame elements in the HD36 sizes and styles', () => {
    const fmt = (text: string) => firstRunFormat(paragraphWithText(r.document, text) ?? (() => { throw new Error(text); })());
    expect(fmt('ĐẢNG CỘNG SẢN VIỆT NAM')).toEqual({ sz: 30, bold: true, italic: false, underline: false });
    expect(fmt('TỈNH ỦY BÌNH SƠN')).toEqual({ sz: 28, bold: false, italic: false, underline: false });
    expect(fmt('BAN DÂN VẬN')).toEqual({ sz: 28, bold: true, italic: false, underline: false });
    expect(fmt('Số 45-BC/BDVTU')).toEqual({ sz: 28, bold: false, italic: false, underline: false });
    expect(fmt('Bình Sơn, ngày 05 tháng 4 năm 2023')).toEqual({ sz: 28, bold: false, italic: true, underline: false });
    expect(fmt('BÁO CÁO')).toEqual({ sz: 32, bold: true, italic: false, underline: false });
    expect(fmt('sơ kết công tác dân vận quý I năm 2023,')).toEqual({ sz: 28, bold: true, italic: false, underline: false });
    expect(fmt('-----')).toMatchObject({ bold: false });
    expect(pPr(paragraphWithText(r.document, 'BÁO CÁO') as NonNullable<ReturnType<typeof paragraphWithText>>).children)
      .toContainEqual({ name: 'w:jc', attrs: { 'w:val': 'center' }, children: [] });
  });

  it('justifies the body with a 10 mm first-line indent, 6 pt before/after and exactly 18 pt lines', () => {
    const body = styleById(r.styles, 'DvBody') as NonNullable<ReturnType<typeof styleById>>;
    expect(findFirst(body, 'w:jc')?.attrs['w:val']).toBe('both');
    expect(findFirst(body, 'w:ind')?.attrs['w:firstLine']).toBe('567');
    expect(findFirst(body, 'w:spacing')?.attrs).toMatchObject({ 'w:before': '120', 'w:after': '120', 'w:line': '360', 'w:lineRule': 'exact' });
    expect(findFirst(body, 'w:sz')?.attrs['w:val']).toBe('28');
    const opening = paragraphWithText(r.document, 'Thực hiện Kế hoạch số 24-KH/BDVTU', true) as NonNullable<ReturnType<typeof paragraphWithText>>;
    expect(findFirst(pPr(opening), 'w:pStyle')?.attrs['w:val']).toBe('DvBody');
  });

  it('numbers headings as printed: level 1 upper-case bold, level 2 bold, level 3 italic', () => {
    const text = documentText(r.buffer);
    expect(text).toContain('I. ĐẶC ĐIỂM TÌNH HÌNH');
    expect(text).toContain('1. Công tác lãnh đạo, chỉ đạo, quán triệt');
    expect(text).toContain('a) Cải cách hành chính, tiếp công dân');
    const h = (id: string) => styleById(r.styles, id) as NonNullable<ReturnType<typeof styleById>>;
    expect(findFirst(h('DvHeading1'), 'w:b')).toBeDefined();
    expect(findFirst(h('DvHeading1'), 'w:keepNext')).toBeDefined();
    expect(findFirst(h('DvHeading2'), 'w:b')).toBeDefined();
    expect(findFirst(h('DvHeading3'), 'w:i')).toBeDefined();
    expect(findFirst(h('DvHeading3'), 'w:b')?.attrs['w:val']).toBe('false');
  });

  it('keeps bold and italic runs of body paragraphs', () => {
    const p = paragraphWithText(r.document, '25 văn bản', true) as NonNullable<ReturnType<typeof paragraphWithText>>;
    const runs = childrenNamed(p, 'w:r');
    expect(textOf(runs[1] as NonNullable<(typeof runs)[0]>)).toBe('25 văn bản');
    expect(findFirst(runs[1] as NonNullable<(typeof runs)[0]>, 'w:b')).toBeDefined();
    expect(findFirst(runs[0] as NonNullable<(typeof runs)[0]>, 'w:b')).toBeUndefined();
  });

  it('appends "./." to the last body paragraph without doubling the full stop', () => {
    const text = documentText(r.buffer);
    const last = text.findIndex((t) => t.startsWith('Đề nghị Ban Dân vận Trung ương'));
    expect(text[last]).toMatch(/năm 2022\.\/\.$/);
  });

  it('writes the indicator table with a repeated bold header row and widths scaled to 9355 twips', () => {
    const table = bodyTables(r.document)[1] as NonNullable<ReturnType<typeof bodyTables>[0]>;
    const t = tableLayout(table);
    expect(t.gridCols.reduce((a, b) => a + b, 0)).toBe(9355);
    expect(t.gridCols).toEqual([719, 4317, 1439, 1439, 1441]);
    expect(Object.values(t.borders).every((v) => v === 'single')).toBe(true);
    const [headerRow] = childrenNamed(table, 'w:tr');
    expect(findFirst(headerRow as NonNullable<typeof headerRow>, 'w:tblHeader')).toBeDefined();
    const firstHeaderCell = findFirst(headerRow as NonNullable<typeof headerRow>, 'w:p') as NonNullable<ReturnType<typeof findFirst>>;
    expect(firstRunFormat(firstHeaderCell)).toMatchObject({ sz: 26, bold: true });
    // The figures column is right-aligned as its TableColumn says.
    const dataRow = childrenNamed(table, 'w:tr')[1] as NonNullable<typeof headerRow>;
    const cells = childrenNamed(dataRow, 'w:tc');
    expect(findFirst(cells[3] as NonNullable<(typeof cells)[0]>, 'w:jc')?.attrs['w:val']).toBe('right');
    expect(paragraphWithText(r.document, 'Bảng 1. Kết quả thực hiện các chỉ tiêu chủ yếu')).toBeDefined();
    expect(firstRunFormat(paragraphWithText(r.document, 'Ghi chú: số liệu tổng hợp từ báo cáo của 7/7 đơn vị.') as NonNullable<ReturnType<typeof paragraphWithText>>).italic).toBe(true);
  });

  it('closes with a borderless 4400/4955 table: underlined "Nơi nhận:" and 12 pt list left, signature right', () => {
    const tables = bodyTables(r.document);
    const closing = tables[2] as NonNullable<(typeof tables)[0]>;
    const t = tableLayout(closing);
    expect(t.gridCols).toEqual([4400, 4955]);
    expect(Object.values(t.borders).every((v) => v === 'none')).toBe(true);
    expect(findFirst(closing, 'w:cantSplit')).toBeDefined();
    const [left, right] = childrenNamed(childrenNamed(closing, 'w:tr')[0] as NonNullable<(typeof tables)[0]>, 'w:tc');
    const leftParagraphs = findAll(left as NonNullable<typeof left>, 'w:p');
    expect(textOf(leftParagraphs[0] as NonNullable<(typeof leftParagraphs)[0]>)).toBe('Nơi nhận:');
    expect(firstRunFormat(leftParagraphs[0] as NonNullable<(typeof leftParagraphs)[0]>)).toEqual({ sz: 28, bold: false, italic: false, underline: true });
    expect(leftParagraphs.slice(1).map(textOf)).toHaveLength(6);
    expect(firstRunFormat(leftParagraphs[1] as NonNullable<(typeof leftParagraphs)[0]>).sz).toBe(24);
    expect(textOf(leftParagraphs[6] as NonNullable<(typeof leftParagraphs)[0]>)).toBe('- Lưu Văn phòng.');
    const rightParagraphs = findAll(right as NonNullable<typeof right>, 'w:p');
    expect(rightParagraphs.map(textOf)).toEqual(['K/T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN', '', '', '', '', 'Trần Thị Minh Hạnh']);
    for (const p of rightParagraphs.filter((x) => textOf(x) !== '')) expect(firstRunFormat(p)).toMatchObject({ sz: 28, bold: true });
    for (const p of [...leftParagraphs, ...rightParagraphs]) expect(findFirst(pPr(p), 'w:keepNext')).toBeDefined();
  });

  it('omits the authority line when the head signs', async () => {
    const model = sampleDocModel();
    model.signature = { authority: '', title: 'trưởng ban', name: 'Nguyễn Văn An' };
    const { document } = await render(model);
    const closing = bodyTables(document)[2] as NonNullable<ReturnType<typeof bodyTables>[0]>;
    const right = childrenNamed(childrenNamed(closing, 'w:tr')[0] as NonNullable<typeof closing>, 'w:tc')[1] as NonNullable<typeof closing>;
    expect(findAll(right, 'w:p').map(textOf).filter((t) => t !== '')).toEqual(['TRƯỞNG BAN', 'Nguyễn Văn An']);
  });

  it('numbers pages in a centred header from page 2: title page on, empty first-page header', () => {
    const [main] = sections(r.document);
    expect(main?.titlePage).toBe(true);
    const rels = parseXml(part(r.parts, 'word/_rels/document.xml.rels'));
    const target = (id: string) => findAll(rels, 'Relationship').find((x) => x.attrs['Id'] === id)?.attrs['Target'] ?? '';
    const def = main?.headerRefs.find((h) => h.type === 'default');
    const first = main?.headerRefs.find((h) => h.type === 'first');
    const defaultHeader = parseXml(part(r.parts, `word/${target(def?.id ?? '')}`));
    const firstHeader = parseXml(part(r.parts, `word/${target(first?.id ?? '')}`));
    expect(findAll(defaultHeader, 'w:instrText').map((i) => i.children.join('').trim())).toEqual(['PAGE']);
    expect(findFirst(defaultHeader, 'w:jc')?.attrs['w:val']).toBe('center');
    expect(findAll(firstHeader, 'w:p')).toHaveLength(1);
    expect(findAll(firstHeader, 'w:instrText')).toHaveLength(0);
  });

  it('puts the appendix on a new landscape page with its own title and the 12-column table across 14570 twips', () => {
    const [, appendix] = sections(r.document);
    expect(appendix?.type).toBe('nextPage');
    expect(appendix?.pgSz).toMatchObject({ 'w:w': '16838', 'w:h': '11906', 'w:orient': 'landscape' });
    // The 30 mm binding margin moves to the top edge of the turned page.
    expect(appendix?.pgMar).toMatchObject({ 'w:top': '1701', 'w:left': '1134', 'w:right': '1134', 'w:bottom': '850' });
    expect(appendix?.titlePage).toBe(false);
    const wide = bodyTables(r.document)[3] as NonNullable<ReturnType<typeof bodyTables>[0]>;
    const t = tableLayout(wide);
    expect(t.gridCols).toHaveLength(12);
    expect(t.gridCols.reduce((a, b) => a + b, 0)).toBe(14570);
    const text = documentText(r.buffer);
    const at = text.indexOf('PHỤ LỤC');
    expect(text.slice(at, at + 3)).toEqual([
      'PHỤ LỤC',
      'SỐ LIỆU CÁC CHỈ TIÊU CÔNG TÁC DÂN VẬN THEO ĐƠN VỊ',
      '(Kèm theo Báo cáo số 45-BC/BDVTU ngày 05/4/2023 của Ban Dân vận Tỉnh ủy)',
    ]);
    expect(firstRunFormat(paragraphWithText(r.document, '(Kèm theo Báo cáo số 45-BC/BDVTU ngày 05/4/2023 của Ban Dân vận Tỉnh ủy)') as NonNullable<ReturnType<typeof paragraphWithText>>).italic).toBe(true);
  });

  it('writes the end mark as a paragraph of its own when the body ends with a table', async () => {
    const model = sampleDocModel();
    model.body = model.body.filter((b) => b.type !== 'paragraph' || !b.runs.some((x) => x.text.startsWith('Đề nghị')));
    model.body.push({ type: 'table', columns: [{ header: 'A', width: 1, align: 'left' }], rows: [{ cells: ['x'] }] });
    const text = documentText((await render(model)).buffer);
    const mark = text.indexOf('./.');
    expect(mark).toBeGreaterThan(0);
    expect(text[mark + 1]).toBe('Nơi nhận:');
  });

  it('prints part numbers "I-" under a profile that asks for the older Party habit', async () => {
    const profile = { ...hd36, headings: { ...hd36.headings, partNumberStyle: 'I-' as const } };
    const text = documentText(await writeDocx(sampleDocModel(), profile));
    expect(text).toContain('I- ĐẶC ĐIỂM TÌNH HÌNH');
    expect(text).toContain('1. Công tác lãnh đạo, chỉ đạo, quán triệt');
  });
});

/** The layout profile registry and the nd30 variant as written into a document. */

import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, getLayoutProfile, layoutProfileNames } from '../../src/layout/profile.js';
import { estimateTextWidthTwips } from '../../src/layout/text-width.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { mmToTwips, scaleWidths } from '../../src/writers/docx/units.js';
import {
  bodyTables, documentText, findAll, findFirst, firstRunFormat, paragraphWithText, part, pPr, sections, styleById, tableLayout, textOf, unzipDocx,
} from '../helpers/docx-xml.js';
import { sampleDocModel } from './sample-doc-model.js';

describe('layout profile registry', () => {
  it('has hd36 as the default and nd30 beside it', () => {
    expect(DEFAULT_PROFILE).toBe('hd36');
    expect(getLayoutProfile()?.name).toBe('hd36');
    expect(getLayoutProfile('nd30')?.name).toBe('nd30');
    expect(layoutProfileNames()).toEqual(['hd36', 'nd30']);
  });

  it('returns undefined for an unknown name, including inherited object keys', () => {
    expect(getLayoutProfile('hd05')).toBeUndefined();
    expect(getLayoutProfile('toString')).toBeUndefined();
  });

  it('keeps profiles as plain JSON data', () => {
    for (const name of layoutProfileNames()) {
      const profile = getLayoutProfile(name);
      expect(JSON.parse(JSON.stringify(profile))).toEqual(profile);
    }
  });

  it('holds the HD36 figures', () => {
    const p = getLayoutProfile('hd36');
    expect(p?.page).toEqual({ widthMm: 210, heightMm: 297, margins: { topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 }, headerMm: 10, footerMm: 10 });
    expect(p?.font.family).toBe('Times New Roman');
    expect(p?.frame.columnsTwips).toEqual([4000, 5355]);
    expect(p?.closing.columnsTwips).toEqual([4400, 4955]);
    expect(p?.body.spacing).toEqual({ beforePt: 6, afterPt: 6, lineExactPt: 18 });
  });
});

describe('units', () => {
  it('converts millimetres as Word does and scales columns to an exact total', () => {
    expect([210, 297, 20, 30, 15].map(mmToTwips)).toEqual([11906, 16838, 1134, 1701, 850]);
    expect(scaleWidths([4000, 5355], 9355)).toEqual([4000, 5355]);
    expect(scaleWidths([1, 1, 1], 100)).toEqual([33, 33, 34]);
    expect(scaleWidths([0, 0], 10)).toEqual([5, 5]);
  });

  it('estimates Times New Roman widths from the base letters', () => {
    expect(estimateTextWidthTwips('ĐẢNG', 10, true)).toBe(estimateTextWidthTwips('DANG', 10, true));
    expect(estimateTextWidthTwips('ĐẢNG CỘNG SẢN VIỆT NAM', 15, true)).toBeGreaterThan(3900);
  });
});

describe('nd30 profile in a document', () => {
  it('writes the state frame: Quốc hiệu and tiêu ngữ with its rule, a rule instead of the star, state sizes', async () => {
    const profile = getLayoutProfile('nd30');
    if (profile === undefined) throw new Error('nd30 missing');
    const model = sampleDocModel();
    model.profile = 'nd30';
    model.frame = {
      ...model.frame,
      superiorBody: 'UBND TỈNH BÌNH SƠN',
      issuingBody: 'SỞ NỘI VỤ',
      documentNumber: 'Số: 45/BC-SNV',
      partyName: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
    };
    model.signature = { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Lê Văn Bình' };
    const buffer = await writeDocx(model, profile);
    const parts = unzipDocx(buffer);
    const document = part(parts, 'word/document.xml');

    const header = bodyTables(document)[0] as NonNullable<ReturnType<typeof bodyTables>[0]>;
    expect(tableLayout(header).gridCols).toEqual([3600, 5755]);
    const paragraphs = findAll(header, 'w:p');
    expect(paragraphs.map(textOf).filter((t) => t !== '')).toEqual([
      'UBND TỈNH BÌNH SƠN', 'SỞ NỘI VỤ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 45/BC-SNV', 'Bình Sơn, ngày 05 tháng 4 năm 2023',
    ]);
    // The rule under the issuing body replaces the star, and the tiêu ngữ carries the title rule.
    const after = (text: string) => paragraphs[paragraphs.findIndex((p) => textOf(p) === text) + 1] as NonNullable<(typeof paragraphs)[0]>;
    expect(findFirst(pPr(after('SỞ NỘI VỤ')), 'w:bottom')?.attrs['w:val']).toBe('single');
    expect(findFirst(pPr(after('Độc lập - Tự do - Hạnh phúc')), 'w:bottom')?.attrs['w:val']).toBe('single');
    expect(findFirst(pPr(after('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')), 'w:bottom')).toBeUndefined();

    const fmt = (text: string) => firstRunFormat(paragraphWithText(document, text) as NonNullable<ReturnType<typeof paragraphWithText>>);
    expect(fmt('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toMatchObject({ sz: 26, bold: true });
    expect(fmt('Độc lập - Tự do - Hạnh phúc')).toMatchObject({ sz: 28, bold: true });
    expect(fmt('SỞ NỘI VỤ')).toMatchObject({ sz: 26, bold: true });
    expect(fmt('BÁO CÁO')).toMatchObject({ sz: 28, bold: true });
    expect(fmt('Nơi nhận:')).toEqual({ sz: 24, bold: true, italic: true, underline: false });
    expect(fmt('- Lưu Văn phòng.')).toMatchObject({ sz: 22 });
    expect(documentText(buffer)).not.toContain('*');

    const body = styleById(part(parts, 'word/styles.xml'), 'DvBody') as NonNullable<ReturnType<typeof styleById>>;
    expect(findFirst(body, 'w:ind')?.attrs['w:firstLine']).toBe('720');
    // Appendices are numbered on their own.
    const [, appendix] = sections(document);
    expect(appendix?.pgSz['w:orient']).toBe('landscape');
    expect(document).toMatch(/<w:pgNumType w:start="1"\/>/);
  });
});

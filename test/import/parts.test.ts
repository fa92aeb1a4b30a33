// The small readers of `danvan nhap`: headings, items, addressees, deadlines, figures, numbering.
import { describe, expect, it } from 'vitest';
import { fieldOfHeading, partOfHeading } from '../../src/import/headings.js';
import { addresseeOf, deadlineOf } from '../../src/import/details.js';
import { findPeriod, findDate } from '../../src/import/header.js';
import { matchIndicator, offerSentenceFigures } from '../../src/import/figures.js';
import { itemText, markerOf, readOutline } from '../../src/import/outline.js';
import { listLabel, readNumbering } from '../../src/import/numbering.js';
import { repairDocText } from '../../src/import/legacy.js';
import { encodeTcvn3 } from '../../src/domain/legacy-encoding.js';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import type { DocParagraph } from '../../src/import/docx-reader.js';

describe('headings', () => {
  it('name the parts of a report and the fields of SPEC §3', () => {
    expect(partOfHeading('I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ')).toBe('results');
    expect(partOfHeading('III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV NĂM 2025')).toBe('tasks');
    expect(partOfHeading('IV. ĐỀ XUẤT, KIẾN NGHỊ')).toBe('proposals');
    expect(partOfHeading('II. HẠN CHẾ, NGUYÊN NHÂN')).toBe('limitations');
    expect(partOfHeading('2. Nguyên nhân')).toBe('causes');
    expect(fieldOfHeading('Công tác dân vận của chính quyền')).toBe('Dân vận chính quyền');
    expect(fieldOfHeading('Hoạt động của Mặt trận Tổ quốc và các đoàn thể')).toBe('Mặt trận và đoàn thể');
    expect(fieldOfHeading('c) Phong trào thi đua “Dân vận khéo”')).toBe('Dân vận khéo');
    expect(fieldOfHeading('Công tác xã hội từ thiện')).toBeNull();
  });
});

describe('items', () => {
  const para = (text: string): DocParagraph => ({ kind: 'paragraph', number: 1, text, style: '', list: null, bold: false, centered: false });
  it('lose their marker, whatever the unit typed', () => {
    expect(markerOf(para('- Tổ chức hội nghị;'))).toMatchObject({ kind: 'bullet', rest: 'Tổ chức hội nghị;' });
    expect(markerOf(para('+ Phối hợp'))).toMatchObject({ kind: 'bullet', sub: true });
    expect(markerOf(para('• Vận động'))).toMatchObject({ kind: 'bullet', rest: 'Vận động' });
    expect(markerOf(para('a) Công tác dân tộc'))).toMatchObject({ kind: 'letter', rest: 'Công tác dân tộc' });
    expect(markerOf(para('1.2. Dân chủ ở cơ sở'))).toMatchObject({ kind: 'number', depth: 2 });
    expect(markerOf(para('II. HẠN CHẾ'))).toMatchObject({ kind: 'roman', rest: 'HẠN CHẾ' });
    // A sentence that starts with a number is not numbered.
    expect(markerOf(para('25 buổi tuyên truyền'))).toMatchObject({ kind: 'plain' });
    expect(markerOf(para('1.250 lượt người'))).toMatchObject({ kind: 'plain' });
    expect(itemText('Tổ chức hội nghị;')).toBe('Tổ chức hội nghị');
    expect(itemText('Đề nghị bố trí kinh phí./.')).toBe('Đề nghị bố trí kinh phí.');
  });
});

describe('addressees and deadlines', () => {
  it('read the body a proposal asks', () => {
    expect(addresseeOf('Đề nghị Ban Thường vụ Tỉnh ủy quan tâm chỉ đạo')).toBe('Ban Thường vụ Tỉnh ủy');
    expect(addresseeOf('Kiến nghị UBND tỉnh sớm ban hành quy chế')).toBe('UBND tỉnh');
    expect(addresseeOf('Đề nghị với Ban Dân vận Tỉnh ủy hướng dẫn')).toBe('Ban Dân vận Tỉnh ủy');
    expect(addresseeOf('Đề nghị các sở, ngành liên quan phối hợp mở lớp')).toBe('các sở, ngành liên quan');
    expect(addresseeOf('Cần tăng cường kinh phí cho cơ sở')).toBeNull();
  });
  it('read a deadline where the task gives one', () => {
    expect(deadlineOf('Hoàn thành trước ngày 5/10/2025')).toBe('05/10/2025');
    expect(deadlineOf('Tổ chức trong tháng 11/2025')).toBe('Tháng 11/2025');
    expect(deadlineOf('Giám sát trong quý IV/2025')).toBe('Quý IV/2025');
    expect(deadlineOf('Tiếp tục nắm tình hình Nhân dân')).toBeNull();
  });
});

describe('who and when', () => {
  it('reads the period of a title and the date line', () => {
    expect(findPeriod('kết quả công tác dân vận quý III năm 2025, phương hướng quý IV năm 2025')?.text).toBe('quý III năm 2025');
    expect(findPeriod('công tác dân vận 6 tháng đầu năm 2025')?.period).toEqual({ year: 2025, kind: '6T' });
    expect(findPeriod('công tác dân vận 9 tháng năm 2025')?.period).toEqual({ year: 2025, kind: '9T' });
    expect(findPeriod('tổng kết công tác dân vận năm 2025')?.period).toEqual({ year: 2025, kind: 'Y' });
    expect(findPeriod('công tác dân vận')).toBeNull();
    expect(findDate('Bình Sơn, ngày 21 tháng 9 năm 2025')?.date.toISOString()).toBe('2025-09-21T00:00:00.000Z');
    expect(findDate('ngày 31 tháng 2 năm 2025')).toBeNull();
  });
});

describe('figures', () => {
  const codes = (label: string) => matchIndicator(label, DEFAULT_CATALOGUE).map((i) => i.code);
  it('match a row to one indicator, or list it', () => {
    expect(codes('Số buổi tuyên truyền, vận động Nhân dân buổi')).toEqual(['TT_BUOI']);
    expect(codes('Lớp tập huấn nghiệp vụ dân vận lớp')).toEqual(['TH_LOP']);
    expect(codes('Kiến nghị đã giải quyết')).toEqual(['KN_GQ']);
    expect(codes('Mô hình “Dân vận khéo”').sort()).toEqual(['DVK_MH_CN', 'DVK_MH_MOI']);
    expect(codes('Số hộ gia đình văn hóa')).toEqual([]);
  });
  it('offer a sentence\'s number, never for an indicator the table filled', () => {
    const text = [{ text: 'Tổ chức 25 buổi tuyên truyền, thu hút 1.250 lượt người tham dự.', paragraph: 4 }];
    expect(offerSentenceFigures(text, DEFAULT_CATALOGUE, new Set()).map((o) => [o.code, o.value])).toEqual([['TT_BUOI', 25], ['TT_LUOT', 1250]]);
    expect(offerSentenceFigures(text, DEFAULT_CATALOGUE, new Set(['TT_BUOI'])).map((o) => o.code)).toEqual(['TT_LUOT']);
  });
});

describe('Word list numbering', () => {
  it('gives the label Word shows, restarting lower levels', () => {
    const numbering = readNumbering(
      `<w:numbering xmlns:w="urn:w"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num></w:numbering>`,
      64,
    );
    const counters = new Map<string, number[]>();
    const labels = [0, 1, 1, 0, 1].map((level) => listLabel(numbering, '7', level, counters)!.label);
    expect(labels).toEqual(['I.', 'I.1.', 'I.2.', 'II.', 'II.1.']);
    expect(listLabel(numbering, '99', 0, counters)).toBeNull();
  });
});

describe('legacy text', () => {
  it('TCVN3 paragraphs are repaired as kiemtra repairs cells', () => {
    const text = 'Tæ chøc héi nghÞ ®èi tho¹i víi Nh©n d©n vÒ c¶i c¸ch hµnh chÝnh';
    expect(encodeTcvn3('Tổ chức hội nghị đối thoại với Nhân dân về cải cách hành chính')).toBe(text);
    const para = (t: string, n: number): DocParagraph => ({ kind: 'paragraph', number: n, text: t, style: '', list: null, bold: false, centered: false });
    const repaired = repairDocText([para(text, 1), para(encodeTcvn3('Kết quả đạt được trong quý'), 2)]);
    expect(repaired.repaired).toBe(2);
    expect((repaired.blocks[0] as DocParagraph).text).toBe('Tổ chức hội nghị đối thoại với Nhân dân về cải cách hành chính');
  });
});

describe('outline', () => {
  const para = (text: string, number: number): DocParagraph => ({ kind: 'paragraph', number, text, style: '', list: null, bold: false, centered: false });
  it('reads "Đánh giá chung" with its sub-parts, and the results of "Đánh giá kết quả"', () => {
    const lines = [
      'I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN',
      '1. Công tác dân vận chính quyền',
      '- Giải quyết kịp thời kiến nghị của Nhân dân;',
      'II. ĐÁNH GIÁ CHUNG',
      '1. Ưu điểm',
      '- Các cấp ủy quan tâm lãnh đạo;',
      '2. Hạn chế',
      '- Phối hợp có lúc chưa chặt chẽ;',
      '3. Nguyên nhân',
      '- Cán bộ kiêm nhiệm nhiều việc.',
    ].map(para);
    const outline = readOutline(lines);
    expect(outline.items.map((i) => [i.target, i.text, i.field])).toEqual([
      ['results', 'Giải quyết kịp thời kiến nghị của Nhân dân', 'Dân vận chính quyền'],
      ['limitations', 'Phối hợp có lúc chưa chặt chẽ', null],
      ['causes', 'Cán bộ kiêm nhiệm nhiều việc.', null],
    ]);
    expect(outline.skippedParts.filter((p) => p.items).map((p) => [p.text, p.items])).toEqual([['1. Ưu điểm', 1]]);
  });

  it('numbered lines after a lead-in, or with a count in them, are items, not headings', () => {
    const lines = [
      'I. KẾT QUẢ ĐẠT ĐƯỢC',
      '1. Công tác lãnh đạo, chỉ đạo',
      'Kết quả cụ thể:',
      '1. Ban hành 05 văn bản chỉ đạo về công tác dân vận.',
      '2. Tổ chức 12 hội nghị đối thoại với Nhân dân.',
      '2. Công tác dân vận chính quyền',
      'a) Chỉ đạo giải quyết dứt điểm các vụ việc tồn đọng',
    ].map(para);
    expect(readOutline(lines).items.map((i) => [i.text, i.field])).toEqual([
      ['Ban hành 05 văn bản chỉ đạo về công tác dân vận.', 'Lãnh đạo, chỉ đạo'],
      ['Tổ chức 12 hội nghị đối thoại với Nhân dân.', 'Lãnh đạo, chỉ đạo'],
      ['Chỉ đạo giải quyết dứt điểm các vụ việc tồn đọng', 'Dân vận chính quyền'],
    ]);
  });
});


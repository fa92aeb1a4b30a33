// importReport on small reports built in the test: who and when in the hard cases (no period in the title, a
// name not in the registry, another organisation's name, a report typed in TCVN3), and what the review lists.
import { describe, expect, it } from 'vitest';
import { makeZip } from '../../scripts/hostile-inputs.mjs';
import { readDocx } from '../../src/import/docx-reader.js';
import { importReport } from '../../src/import/import-report.js';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { encodeTcvn3 } from '../../src/domain/legacy-encoding.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;

function report(lines: string[]) {
  const bytes = makeZip([
    { name: '_rels/.rels', data: RELS },
    { name: 'word/document.xml', data: `<?xml version="1.0"?><w:document ${W}><w:body>${lines.map(p).join('')}</w:body></w:document>` },
  ]);
  return readDocx(bytes);
}

const REGISTRY = [
  { code: 'HND', name: 'Hội Nông dân tỉnh', group: '' },
  { code: 'HCCB', name: 'Hội Cựu chiến binh tỉnh', group: '' },
];

const BODY = [
  'I. KẾT QUẢ',
  '1. Công tác dân tộc, tôn giáo',
  '- Thăm hỏi các chức sắc tôn giáo nhân dịp lễ trọng;',
  'II. KIẾN NGHỊ',
  '- Đề nghị Ban Dân vận Tỉnh ủy tổ chức tập huấn.',
];

const ctx = (fileName: string, extra: object = {}) => ({ fileName, registry: REGISTRY, catalogue: DEFAULT_CATALOGUE, ...extra });

describe('who and when', () => {
  it('a title without a period takes --ky; without --ky the period is left for a person', () => {
    const doc = report(['HỘI NÔNG DÂN TỈNH', 'Bình Sơn, ngày 20 tháng 9 năm 2025', 'BÁO CÁO', 'Kết quả công tác dân vận', ...BODY]);
    const withKy = importReport(doc, ctx('a.docx', { period: { year: 2025, kind: 'Q3' } }));
    expect(withKy.unit?.code).toBe('HND');
    expect(withKy.content.info?.period).toBe('Quý III/2025');
    expect(withKy.review.some((r) => r.kind === 'period')).toBe(false);
    const without = importReport(doc, ctx('a.docx'));
    expect(without.period).toBeNull();
    expect(without.content.info?.period).toBeUndefined();
    expect(without.review.map((r) => r.kind)).toContain('period');
  });

  it('a name the registry does not know is left for a person, with the name read', () => {
    const doc = report(['HỘI LIÊN HIỆP PHỤ NỮ TỈNH', 'BÁO CÁO', 'Kết quả công tác dân vận quý III năm 2025', ...BODY]);
    const r = importReport(doc, ctx('bao-cao.docx'));
    expect(r.unit).toBeNull();
    expect(r.content.info?.unitCode).toBeUndefined();
    expect(r.review.find((i) => i.kind === 'unit')?.message).toContain('HỘI LIÊN HIỆP PHỤ NỮ TỈNH');
    expect(r.review.find((i) => i.kind === 'date')).toBeTruthy();
  });

  it("another organisation's name in the header is never replaced by the file name's unit", () => {
    const doc = report(['HỘI PHỤ NỮ HUYỆN ĐÔNG HÒA', 'BÁO CÁO', 'Kết quả công tác dân vận quý III năm 2025', ...BODY]);
    const r = importReport(doc, ctx('HND tinh - bao cao.docx'));
    expect(r.unit).toBeNull();
    expect(r.review.find((i) => i.kind === 'unit')?.message).toMatch(/tổ chức khác/);
  });

  it('a report typed in TCVN3 (.VnTime) is read as Unicode, and the repair is listed', () => {
    const lines = ['HỘI CỰU CHIẾN BINH TỈNH', 'BÁO CÁO', 'Kết quả công tác dân vận 9 tháng năm 2025', ...BODY].map(encodeTcvn3);
    const r = importReport(report(lines), ctx('ccb.docx'));
    expect(r.unit?.code).toBe('HCCB');
    expect(r.period).toEqual({ year: 2025, kind: '9T' });
    expect(r.content.results).toEqual([{ field: 'Dân tộc, tôn giáo', content: 'Thăm hỏi các chức sắc tôn giáo nhân dịp lễ trọng' }]);
    expect(r.content.proposals).toEqual([{ content: 'Đề nghị Ban Dân vận Tỉnh ủy tổ chức tập huấn.', addressee: 'Ban Dân vận Tỉnh ủy' }]);
    expect(r.review.map((i) => i.kind)).toContain('legacy-text');
  });

  it('a title typed in lower case for a capitals font (.VnTimeH) is still the title', () => {
    const lines = [encodeTcvn3('hội cựu chiến binh tỉnh'), encodeTcvn3('báo cáo'), encodeTcvn3('Kết quả công tác dân vận năm 2025 của Hội'), ...BODY.map(encodeTcvn3)];
    const r = importReport(report(lines), ctx('ccb.docx'));
    expect(r.unit?.code).toBe('HCCB');
    expect(r.period).toEqual({ year: 2025, kind: 'Y' });
  });

});

describe('the unit, from the header however it is laid out (only through domain/unit-name.ts)', () => {
  const registry = [
    { code: 'BDVTU', name: 'Ban Dân vận Tỉnh ủy', group: '' },
    { code: 'HU_DONGHOA', name: 'Ban Dân vận Huyện ủy Đông Hòa', group: '' },
    { code: 'HU_THACHBAN', name: 'Ban Dân vận Huyện ủy Thạch Bàn', group: '' },
    { code: 'TU_BINHSON', name: 'Ban Dân vận Thành ủy Bình Sơn', group: '' },
    { code: 'MTTQ', name: 'Ủy ban MTTQ Việt Nam tỉnh', group: '' },
    { code: 'LDLD', name: 'Liên đoàn Lao động tỉnh', group: '' },
    { code: 'HND', name: 'Hội Nông dân tỉnh', group: '' },
    { code: 'HCCB', name: 'Hội Cựu chiến binh tỉnh', group: '' },
    { code: 'BCHQS', name: 'Bộ Chỉ huy Quân sự tỉnh', group: '' },
  ];
  const cases: [string[], string][] = [
    [['HUYỆN ỦY THẠCH BÀN', 'BAN DÂN VẬN'], 'HU_THACHBAN'],
    [['ĐẢNG BỘ TỈNH BÌNH SƠN', 'HUYỆN ỦY ĐÔNG HÒA', 'BAN DÂN VẬN'], 'HU_DONGHOA'],
    [['ỦY BAN MTTQ VIỆT NAM', 'TỈNH BÌNH SƠN'], 'MTTQ'],
    [['LIÊN ĐOÀN LAO ĐỘNG', 'TỈNH BÌNH SƠN'], 'LDLD'],
    [['BAN CHẤP HÀNH TỈNH BÌNH SƠN', 'HỘI NÔNG DÂN TỈNH'], 'HND'],
    [['HỘI CCB VIỆT NAM', 'HỘI CỰU CHIẾN BINH TỈNH'], 'HCCB'],
    // The issuing body's name wrapped onto a second line that only names its place.
    [['ỦY BAN MẶT TRẬN TỔ QUỐC', 'VIỆT NAM TỈNH BÌNH SƠN'], 'MTTQ'],
    [['BỘ CHỈ HUY QUÂN SỰ', 'TỈNH BÌNH SƠN'], 'BCHQS'],
    // A superior body over the issuing one is never the unit: the lowest line names the issuer.
    [['ỦY BAN MTTQ VIỆT NAM TỈNH BÌNH SƠN', 'HỘI NGƯỜI CAO TUỔI TỈNH'], ''],
  ];
  for (const [header, code] of cases) {
    it(`${header.join(' / ')} → ${code || 'no unit'}`, () => {
      const doc = report([...header, 'BÁO CÁO', 'Kết quả công tác dân vận quý III năm 2025', ...BODY]);
      expect(importReport(doc, { fileName: 'bao-cao.docx', registry, catalogue: DEFAULT_CATALOGUE }).unit?.code ?? '').toBe(code);
    });
  }
});

describe('proposals', () => {
  it('take their addressee from "Đề nghị <cơ quan>", else from the sub-heading "Đối với <cơ quan>:"', () => {
    const doc = report([
      'HỘI NÔNG DÂN TỈNH', 'BÁO CÁO', 'Kết quả công tác dân vận quý III năm 2025',
      'I. KẾT QUẢ', '- Tập huấn cho 120 hội viên về chuyển đổi số.',
      'II. KIẾN NGHỊ, ĐỀ XUẤT',
      '1. Đối với Ban Thường vụ Tỉnh ủy:',
      '- Quan tâm chỉ đạo tổng kết mô hình “Dân vận khéo”.',
      '2. Đối với UBND tỉnh',
      '- Bố trí kinh phí hỗ trợ nông dân chuyển đổi số.',
      '- Đề nghị Sở Nông nghiệp và Môi trường mở lớp tập huấn.',
    ]);
    const r = importReport(doc, ctx('a.docx'));
    expect(r.content.proposals).toEqual([
      { content: 'Quan tâm chỉ đạo tổng kết mô hình “Dân vận khéo”.', addressee: 'Ban Thường vụ Tỉnh ủy' },
      { content: 'Bố trí kinh phí hỗ trợ nông dân chuyển đổi số.', addressee: 'UBND tỉnh' },
      { content: 'Đề nghị Sở Nông nghiệp và Môi trường mở lớp tập huấn.', addressee: 'Sở Nông nghiệp và Môi trường' },
    ]);
  });
});


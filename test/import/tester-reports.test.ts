// importReport on Word reports written by python-docx the way an outside tester wrote them (header table with a
// superior body over the issuing body, "- " items with a second marker typed after, a cause line under
// "Hạn chế", a deadline in a task's text, "Đối với …:" sub-headings typed as plain or italic paragraphs, a bold
// "Bảng số liệu" caption over the figures table). Expected values are what the Python script wrote.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PYTHON } from '../helpers/openpyxl.js';
import { readDocx } from '../../src/import/docx-reader.js';
import { importReport, type ImportedReport } from '../../src/import/import-report.js';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';

const HAS_DOCX = spawnSync(PYTHON, ['-c', 'import docx'], { stdio: 'ignore' }).status === 0;
if (!HAS_DOCX) console.warn('SKIPPED: test/import/tester-reports.test.ts needs python3-docx');

const REGISTRY = [
  { code: 'MTTQ', name: 'Ủy ban MTTQ Việt Nam huyện', group: '' },
  { code: 'HLHPN', name: 'Hội Liên hiệp Phụ nữ huyện', group: '' },
  { code: 'HND', name: 'Hội Nông dân huyện', group: '' },
  { code: 'HCCB', name: 'Hội Cựu chiến binh huyện', group: '' },
  { code: 'XA_ANPHU', name: 'Đảng ủy xã An Phú', group: '' },
  { code: 'XA_CAMTHANH', name: 'Đảng ủy xã Cẩm Thanh', group: '' },
];

/** The reports, as JSON the Python script reads: file name, header's left lines, then (heading, items) sections. */
const REPORTS = {
  'BC Hoi Nguoi cao tuoi.docx': {
    left: ['ỦY BAN MTTQ VIỆT NAM HUYỆN HÒA PHONG', 'HỘI NGƯỜI CAO TUỔI HUYỆN'],
    sections: [['I. KẾT QUẢ', ['Thăm hỏi, tặng quà 30 người cao tuổi.']], ['II. HẠN CHẾ', ['Kinh phí hoạt động còn hạn hẹp.']]],
  },
  'MTTQ - BC Hoi Nguoi cao tuoi.docx': {
    left: ['ỦY BAN MTTQ VIỆT NAM HUYỆN HÒA PHONG', 'HỘI NGƯỜI CAO TUỔI HUYỆN'],
    sections: [['I. KẾT QUẢ', ['Thăm hỏi, tặng quà 30 người cao tuổi.']]],
  },
  'BC Hoi Nong dan.docx': {
    left: ['HỘI NÔNG DÂN HUYỆN'],
    sections: [
      ['I. KẾT QUẢ', ['Tập huấn cho 120 hội viên.']],
      ['II. HẠN CHẾ', ['Kinh phí hoạt động còn hạn hẹp.', 'Quỹ hỗ trợ nông dân chưa được bổ sung.', 'Nguyên nhân:', 'Nguồn thu của Hội ít.', 'Chưa được ngân sách hỗ trợ.']],
    ],
  },
  'BC Ban Dan van An Phu.docx': {
    left: ['ĐẢNG ỦY XÃ AN PHÚ', 'BAN DÂN VẬN'],
    sections: [['I. KẾT QUẢ', ['Tổ chức 3 buổi tuyên truyền.']]],
  },
  'BC Dang uy xa Cam Thanh.docx': {
    left: ['ĐẢNG BỘ HUYỆN HÒA PHONG', 'ĐẢNG ỦY XÃ CẨM THANH'],
    sections: [
      ['I. KẾT QUẢ THỰC HIỆN', []],
      ['1. Hoạt động của Mặt trận và các đoàn thể', [
        '+ Trao 50 suất quà cho hộ nghèo nhân dịp Tết Trung thu.',
        'a) Xây dựng mô hình “Dân vận khéo” tại 5 chi hội.',
        '• Vận động 120 hộ hiến đất làm đường.',
        '1) Ra mắt 2 tổ hòa giải.',
        'b. Tuyên truyền pháp luật cho đoàn viên.',
      ]],
      ['Bảng số liệu', [['TABLE', [['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả'], ['1', 'Buổi tuyên truyền, vận động Nhân dân', 'buổi', '14']]]]],
      ['II. HẠN CHẾ, KHÓ KHĂN', [
        'Công tác nắm tình hình Nhân dân ở một số nơi chưa kịp thời.',
        'Nguyên nhân: địa bàn rộng, dân cư phân tán.',
        'Kinh phí cho hoạt động của các chi hội còn ít.',
        'Một số mô hình chưa được nhân rộng.',
        'Nguyên nhân là nguồn lực của địa phương còn hạn chế.',
      ]],
      ['III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV NĂM 2025', [
        'Tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy với Nhân dân, hoàn thành trước ngày 20/11/2025.',
        'Sơ kết mô hình “Dân vận khéo” (thời hạn: 15/12/2025).',
        'Rà soát hộ nghèo trước ngày 30/10/2025.',
        'Tiếp tục xây dựng mô hình Dân vận khéo.',
      ]],
      ['IV. KIẾN NGHỊ, ĐỀ XUẤT', [
        ['I', 'Đối với Ban Dân vận Huyện ủy:'],
        'Quan tâm hướng dẫn chấm điểm thi đua khối dân vận.',
        ['P', 'Đối với Ủy ban nhân dân huyện:'],
        'Hỗ trợ vốn vay cho hội viên nghèo.',
      ]],
    ],
  },
};

const SCRIPT = String.raw`
import json, sys
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
out, spec = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
for name, r in spec.items():
    doc = Document()
    t = doc.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "\n".join(r["left"] + ["*"])
    t.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    t.cell(1, 0).text = "Số 25-BC/ĐU"
    t.cell(1, 1).text = "Hòa Phong, ngày 22 tháng 9 năm 2025"
    p = doc.add_paragraph("BÁO CÁO"); p.alignment = WD_ALIGN_PARAGRAPH.CENTER; p.runs[0].bold = True
    p = doc.add_paragraph("kết quả công tác dân vận quý III năm 2025"); p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("-----").alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("Thực hiện Hướng dẫn của Ban Dân vận Huyện ủy, đơn vị báo cáo như sau:")
    for head, items in r["sections"]:
        doc.add_paragraph(head).runs[0].bold = True
        for it in items:
            if isinstance(it, list) and it[0] == "TABLE":
                rows = it[1]
                tb = doc.add_table(rows=len(rows), cols=len(rows[0])); tb.style = "Table Grid"
                for i, row in enumerate(rows):
                    for j, v in enumerate(row): tb.cell(i, j).text = v
            elif isinstance(it, list) and it[0] == "I":
                doc.add_paragraph(it[1]).runs[0].italic = True
            elif isinstance(it, list) and it[0] == "P":
                doc.add_paragraph(it[1])
            else:
                doc.add_paragraph("- " + it)
    t = doc.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "Nơi nhận:\n- Ban Dân vận Huyện ủy (b/c),\n- Lưu VP."
    t.cell(0, 1).text = "T/M ĐẢNG ỦY\nBÍ THƯ\n\n\nPhạm Văn Tâm"
    doc.save(out + "/" + name)
`;

describe.skipIf(!HAS_DOCX)('reports written by python-docx as the outside tester wrote them', () => {
  const read: Record<string, ImportedReport> = {};
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'danvan-tester-'));
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(REPORTS));
    writeFileSync(join(dir, 'make.py'), SCRIPT);
    execFileSync(PYTHON, [join(dir, 'make.py'), dir, join(dir, 'spec.json')], { stdio: 'pipe' });
    for (const name of Object.keys(REPORTS)) {
      read[name] = importReport(await readDocx(readFileSync(join(dir, name))), { fileName: name, registry: REGISTRY, catalogue: DEFAULT_CATALOGUE });
    }
  }, 60_000);

  it('the issuing body is the lowest line of the header: a superior body above it is never the unit', () => {
    const r = read['BC Hoi Nguoi cao tuoi.docx']!;
    expect(r.unit).toBeNull();
    expect(r.content.info?.unitCode).toBeUndefined();
    expect(r.content.info?.unitName).toBe('HỘI NGƯỜI CAO TUỔI HUYỆN');
    expect(r.review.find((i) => i.kind === 'unit')?.message).toContain('HỘI NGƯỜI CAO TUỔI HUYỆN');
    // Not even when the file's name names the superior body.
    const named = read['MTTQ - BC Hoi Nguoi cao tuoi.docx']!;
    expect(named.unit).toBeNull();
    expect(named.review.find((i) => i.kind === 'unit')?.message).toContain('HỘI NGƯỜI CAO TUỔI HUYỆN');
  });

  it('the issuing body is found from its own line, or with the line above when it is generic ("BAN DÂN VẬN")', () => {
    expect(read['BC Dang uy xa Cam Thanh.docx']!.unit?.code).toBe('XA_CAMTHANH');
    expect(read['BC Ban Dan van An Phu.docx']!.unit?.code).toBe('XA_ANPHU');
  });

  const camThanh = () => read['BC Dang uy xa Cam Thanh.docx']!;

  it('an item loses every marker the unit typed ("- + ", "- a) ", "- • ", "- 1) ", "- b. ")', () => {
    expect(camThanh().content.results!.map((r) => r.content)).toEqual([
      'Trao 50 suất quà cho hộ nghèo nhân dịp Tết Trung thu.',
      'Xây dựng mô hình “Dân vận khéo” tại 5 chi hội.',
      'Vận động 120 hộ hiến đất làm đường.',
      'Ra mắt 2 tổ hòa giải.',
      'Tuyên truyền pháp luật cho đoàn viên.',
    ]);
  });

  it('a bold "Bảng số liệu" caption over the figures table is not a result, and the table is still read', () => {
    expect(camThanh().content.results!.some((r) => /số liệu/iu.test(r.content))).toBe(false);
    expect(camThanh().counts.results).toBe(5);
    expect(camThanh().counts.figures).toBe(1);
  });

  it('a "Nguyên nhân: …" line under a limitation goes beside it, or beside all the limitations it follows', () => {
    const r = camThanh();
    expect(r.content.limitations).toEqual([
      { field: 'Nắm tình hình Nhân dân', content: 'Công tác nắm tình hình Nhân dân ở một số nơi chưa kịp thời.', cause: 'Địa bàn rộng, dân cư phân tán.' },
      { field: expect.any(String), content: 'Kinh phí cho hoạt động của các chi hội còn ít.', cause: 'Nguồn lực của địa phương còn hạn chế.' },
      { field: expect.any(String), content: 'Một số mô hình chưa được nhân rộng.', cause: 'Nguồn lực của địa phương còn hạn chế.' },
    ]);
    expect(r.counts.limitations).toBe(3);
    expect(r.counts.causes).toBe(2);
  });

  it('a deadline read from a task leaves its text, the rest and the closing punctuation kept', () => {
    expect(camThanh().content.tasks!.map((t) => [t.content, t.deadline ?? null])).toEqual([
      ['Tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy với Nhân dân.', '20/11/2025'],
      ['Sơ kết mô hình “Dân vận khéo”.', '15/12/2025'],
      ['Rà soát hộ nghèo.', '30/10/2025'],
      ['Tiếp tục xây dựng mô hình Dân vận khéo.', null],
    ]);
  });

  it('"Đối với <cơ quan>:" typed as an italic or a plain line gives the proposals under it their addressee', () => {
    expect(camThanh().content.proposals).toEqual([
      { content: 'Quan tâm hướng dẫn chấm điểm thi đua khối dân vận.', addressee: 'Ban Dân vận Huyện ủy' },
      { content: 'Hỗ trợ vốn vay cho hội viên nghèo.', addressee: 'Ủy ban nhân dân huyện' },
    ]);
  });

  it('bullets under a "Nguyên nhân:" line among the limitations are the causes of the limitations above it', () => {
    const r = read['BC Hoi Nong dan.docx']!;
    expect(r.unit?.code).toBe('HND');
    expect(r.content.limitations!.map((l) => [l.content, l.cause])).toEqual([
      ['Kinh phí hoạt động còn hạn hẹp.', 'Nguồn thu của Hội ít.\nChưa được ngân sách hỗ trợ.'],
      ['Quỹ hỗ trợ nông dân chưa được bổ sung.', 'Nguồn thu của Hội ít.\nChưa được ngân sách hỗ trợ.'],
    ]);
  });
});

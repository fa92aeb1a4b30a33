// Hostile Word files: every one ends in a refusal naming its reason, within the budgets of import/limits.ts
// (bytes inflated, depth, paragraphs, table rows), never in a crash or an unbounded read.
import { describe, expect, it } from 'vitest';
import { makeZip } from '../../scripts/hostile-inputs.mjs';
import { readDocx } from '../../src/import/docx-reader.js';
import { readWordDocument } from '../../src/import/read-word-file.js';
import { importReport } from '../../src/import/import-report.js';
import { ImportRefusal } from '../../src/import/refusal.js';
import { DOCX_LIMITS } from '../../src/import/limits.js';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { hasCommand } from '../helpers/soffice.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

function docx(body: string, extra: { name: string; data: string }[] = []): Buffer {
  return makeZip([
    { name: '_rels/.rels', data: RELS },
    { name: 'word/document.xml', data: `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>` },
    ...extra,
  ]);
}

const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

function refusal(fn: () => unknown): ImportRefusal {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportRefusal) return error;
    throw error;
  }
  throw new Error('no refusal');
}

async function refusalAsync(fn: () => Promise<unknown>): Promise<ImportRefusal> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof ImportRefusal) return error;
    throw error;
  }
  throw new Error('no refusal');
}

const ctx = { fileName: 'x.docx', registry: [], catalogue: DEFAULT_CATALOGUE };

describe('hostile .docx', () => {
  it('a zip bomb: document.xml inflating past the part budget is refused before it is inflated', () => {
    // 40 MB of one letter deflates to about 40 KB.
    const bomb = docx(p('a'.repeat(40 * 1024 * 1024)));
    expect(bomb.length).toBeLessThan(200_000);
    const r = refusal(() => readDocx(bomb));
    expect(r.reason).toBe('over-limit');
  });

  it('a zip whose directory lies about the size is refused as corrupt, inflating no more than it declared', () => {
    const body = `<?xml version="1.0"?><w:document ${W}><w:body>${p('b'.repeat(5_000_000))}</w:body></w:document>`;
    const lying = makeZip([{ name: '_rels/.rels', data: RELS }, { name: 'word/document.xml', data: body, size: 1000 }]);
    expect(refusal(() => readDocx(lying)).reason).toBe('corrupt');
  });

  it('deep nesting stops at the depth budget', () => {
    const depth = 100_000;
    const deep = docx(`${'<w:sdt>'.repeat(depth)}${'</w:sdt>'.repeat(depth)}`);
    const r = refusal(() => readDocx(deep));
    expect(r.reason).toBe('over-limit');
    expect(r.limit).toBe('depth');
  });

  it('a huge table stops at the table-row budget', () => {
    const rows = '<w:tr><w:tc><w:p/></w:tc></w:tr>'.repeat(DOCX_LIMITS.tableRows + 1);
    const r = refusal(() => readDocx(docx(`<w:tbl>${rows}</w:tbl>`)));
    expect(r.limit).toBe('tableRows');
  });

  it('a flood of paragraphs stops at the paragraph budget', () => {
    const r = refusal(() => readDocx(docx('<w:p/>'.repeat(DOCX_LIMITS.paragraphs + 1))));
    expect(r.limit).toBe('paragraphs');
  });

  it('broken XML is corrupt, not a crash', () => {
    expect(refusal(() => readDocx(docx('<w:p><w:r><w:t>a</w:r></w:p>'))).reason).toBe('corrupt');
  });

  it('an encrypted document, an empty file, a text file, a workbook are refused by name', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(600)]);
    expect((await refusalAsync(() => readWordDocument(ole))).reason).toBe('encrypted');
    expect((await refusalAsync(() => readWordDocument(Buffer.alloc(0)))).reason).toBe('empty-file');
    expect((await refusalAsync(() => readWordDocument(Buffer.from('BÁO CÁO')))).reason).toBe('not-word');
    const xlsx = makeZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }]);
    const r = await refusalAsync(() => readWordDocument(xlsx));
    expect(r.reason).toBe('not-word');
    expect(r.detail).toBe('xlsx');
  });

  it('a scan (pictures, no text) and a decision are refused with their reason', () => {
    const scan = readDocx(docx('<w:p><w:r><w:drawing><wp:inline xmlns:wp="urn:x"/></w:drawing></w:r></w:p>'.repeat(3)));
    expect(scan.pictures).toBe(3);
    expect(refusal(() => importReport(scan, ctx)).reason).toBe('scanned');
    // A typed title over pages scanned as pictures is a scan too.
    const titled = readDocx(docx([p('BÁO CÁO'), p('Kết quả công tác dân vận quý III năm 2025'), '<w:p><w:r><w:drawing/></w:r></w:p>'].join('')));
    expect(refusal(() => importReport(titled, ctx)).reason).toBe('scanned');
    const decision = readDocx(docx([p('BAN DÂN VẬN'), p('QUYẾT ĐỊNH'), p('Về việc kiện toàn tổ dân vận'), p('Điều 1. Kiện toàn...')].join('')));
    expect(refusal(() => importReport(decision, ctx)).reason).toBe('decision');
    const letter = readDocx(docx([p('BAN DÂN VẬN'), p('THÔNG BÁO'), p('Kết luận của Thường trực')].join('')));
    const r = refusal(() => importReport(letter, ctx));
    expect(r.reason).toBe('other-kind');
    expect(r.detail).toBe('THÔNG BÁO');
  });

  it('a document with no report in it is refused, not imported empty', () => {
    const text = readDocx(docx([p('Kính gửi các đồng chí'), p('Nội dung trao đổi')].join('')));
    expect(refusal(() => importReport(text, ctx)).reason).toBe('not-a-report');
  });

  it('long runs of spaces where patterns look (header, title, items, figure cells) are read in one pass', () => {
    const spaces = ' '.repeat(500_000);
    const table = `<w:tbl><w:tr><w:tc>${p('Chỉ tiêu')}</w:tc><w:tc>${p('Kỳ này')}</w:tc></w:tr><w:tr><w:tc>${p('Buổi tuyên truyền')}</w:tc><w:tc>${p(`1${spaces}2`)}</w:tc></w:tr></w:tbl>`;
    const doc = readDocx(
      docx([p(`Số${spaces}x`), p(`ngày${spaces}x`), p('BÁO CÁO'), p(`kết quả quý III${spaces}x`), p('I. KẾT QUẢ'), p(`-${spaces}Tổ chức${spaces}hội nghị trong${spaces}x`), table].join('')),
    );
    const r = importReport(doc, ctx);
    expect(r.content.results).toHaveLength(1);
    expect(r.unplaced.map((u) => u.reason)).toEqual(['not-a-number']);
  }, 30_000);
});

describe('tables', () => {
  it('a merged header cell (w:gridSpan) keeps the columns below it aligned', () => {
    const tc = (t: string, span = 1) => `<w:tc>${span > 1 ? `<w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>` : ''}${p(t)}</w:tc>`;
    const table = `<w:tbl><w:tr>${tc('Chỉ tiêu')}${tc('Kết quả', 2)}</w:tr><w:tr>${tc('')}${tc('Quý III')}${tc('Lũy kế')}</w:tr><w:tr>${tc('Buổi tuyên truyền')}${tc('12')}${tc('30')}</w:tr></w:tbl>`;
    const doc = readDocx(docx(table));
    expect(doc.blocks[0]).toMatchObject({ kind: 'table', rows: [['Chỉ tiêu', 'Kết quả', ''], ['', 'Quý III', 'Lũy kế'], ['Buổi tuyên truyền', '12', '30']] });
  });
});

describe.skipIf(!hasCommand('soffice'))('RTF under a .doc name (LibreOffice)', () => {
  it('is converted like a .doc and read', async () => {
    const rtfText = (t: string) => [...t].map((c) => (c.charCodeAt(0) > 127 ? `\\u${c.charCodeAt(0)}?` : c)).join('');
    const rtf = `{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n${['HỘI NÔNG DÂN TỈNH', 'BÁO CÁO', 'Kết quả công tác dân vận quý III năm 2025', 'I. KẾT QUẢ', '- Tập huấn cho hội viên.'].map((l) => `{\\pard ${rtfText(l)}\\par}`).join('\n')}\n}`;
    const doc = await readWordDocument(Buffer.from(rtf, 'latin1'));
    const texts = doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''));
    expect(texts).toContain('BÁO CÁO');
    expect(texts).toContain('- Tập huấn cho hội viên.');
  }, 120_000);
});


/**
 * The fast path for table rows (writers/docx/table-rows.ts) against the docx library writing every row: the
 * document's XML must be the same, character for character, whatever the cells hold.
 */

import { Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { buildDocument, writeDocx } from '../../src/writers/docx/index.js';
import { normalisePackage } from '../../src/writers/docx/package.js';
import { TableRowSlots, escapeText } from '../../src/writers/docx/table-rows.js';
import { getLayoutProfile, type LayoutProfile } from '../../src/layout/profile.js';
import type { DocModel, TableBlock } from '../../src/model/doc-model.js';
import { part, unzipDocx } from '../helpers/docx-xml.js';
import { sampleDocModel } from './sample-doc-model.js';

function profileOf(name: string): LayoutProfile {
  const profile = getLayoutProfile(name);
  if (profile === undefined) throw new Error(`${name} profile missing`);
  return profile;
}

/** document.xml as the docx library writes it with every row built as docx objects. */
async function referenceXml(model: DocModel, profile: LayoutProfile): Promise<string> {
  return part(unzipDocx(await normalisePackage(await Packer.toBuffer(buildDocument(model, profile)))), 'word/document.xml');
}

async function fastXml(model: DocModel, profile: LayoutProfile): Promise<string> {
  return part(unzipDocx(await writeDocx(model, profile)), 'word/document.xml');
}

/** A table whose cells hold what could go wrong: XML specials, line breaks, blanks, short and long rows, bold rows. */
function awkwardTable(rows: number): TableBlock {
  const tricky = ['A & B <c> "d" \'e\'', 'dòng 1\ndòng 2', '', '  khoảng trắng  ', 'Đảng ủy xã Hòa Thuận', '1.234,5', '—', '\uD83D\uDE00 ký tự ngoài BMP'];
  return {
    type: 'table',
    caption: 'Bảng thử',
    columns: [
      { header: 'STT', width: 6, align: 'center' },
      { header: 'Đơn vị & "tên"', width: 26, align: 'left' },
      { header: 'Giá trị', width: 10, align: 'right' },
      { header: 'Ghi chú', width: 12, align: 'justify' },
    ],
    rows: Array.from({ length: rows }, (_, i) => {
      const cells = [String(i + 1), tricky[i % tricky.length] as string, tricky[(i * 3 + 1) % tricky.length] as string, tricky[(i * 5 + 2) % tricky.length] as string];
      // Some rows short (padded with blanks), some with a cell too many (dropped), some bold.
      if (i % 7 === 3) cells.length = 2;
      if (i % 11 === 5) cells.push('thừa');
      return i % 9 === 4 ? { cells, bold: true } : { cells };
    }),
    note: 'Ghi chú thử.',
  };
}

function withTables(base: DocModel, rows: number): DocModel {
  const emptyTable: TableBlock = { ...awkwardTable(0), caption: 'Bảng không có dòng' };
  return {
    ...base,
    body: [...base.body, awkwardTable(rows), emptyTable],
    appendices: [...base.appendices, { title: 'PHỤ LỤC 3', subtitle: ['BẢNG DÀI'], table: awkwardTable(rows * 3), landscape: false }],
  };
}

describe('table rows written from the docx library prototypes', () => {
  for (const name of ['hd36', 'nd30']) {
    it(`gives the same document.xml as the docx library for the sample report (${name})`, async () => {
      const profile = profileOf(name);
      const model = { ...sampleDocModel(), profile: name };
      expect(await fastXml(model, profile)).toBe(await referenceXml(model, profile));
    });

    it(`gives the same document.xml for awkward cells, blank and bold rows, an empty table (${name})`, async () => {
      const profile = profileOf(name);
      const model = withTables({ ...sampleDocModel(), profile: name }, 60);
      const fast = await fastXml(model, profile);
      expect(fast).toBe(await referenceXml(model, profile));
      expect(fast).toContain('A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;');
      expect(fast).not.toMatch(/[\uE000\uE001]/);
    });
  }

  it('prints upper-case cell styles as the docx writer does', async () => {
    const base = profileOf('hd36');
    const profile: LayoutProfile = { ...base, table: { ...base.table, text: { ...base.table.text, upper: true } } };
    const model = withTables(sampleDocModel(), 20);
    const fast = await fastXml(model, profile);
    expect(fast).toBe(await referenceXml(model, profile));
    expect(fast).toContain('ĐẢNG ỦY XÃ HÒA THUẬN');
  });

  it('cuts a long table into pieces and still gives the same XML', async () => {
    const profile = profileOf('hd36');
    // About 1,600 characters a row: 2,000 rows run well past one piece (1 Mi characters).
    const model = withTables(sampleDocModel(), 700);
    expect(await fastXml(model, profile)).toBe(await referenceXml(model, profile));
  });

  it('escapes the five XML specials and nothing else', () => {
    expect(escapeText(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
    expect(escapeText('Đảng ủy\nxã')).toBe('Đảng ủy\nxã');
  });

  it('refuses a document whose prototype rows are missing or cut', () => {
    const slots = new TableRowSlots();
    slots.reserve([{ cells: ['1'] }], 1, (t) => t);
    expect(() => [...slots.expand('<w:document><w:body/></w:document>')]).toThrow(/not found/);
    const marker = '\uE0000.0.0\uE001';
    const cut = `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>${marker}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`;
    expect(() => [...slots.expand(cut)]).toThrow(/missing/);
  });
});

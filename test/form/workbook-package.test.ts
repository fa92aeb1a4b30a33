/** The workbook re-packer: fonts in schema order, fixed time stamps, every other entry copied as stored. */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { FONT_CHILD_ORDER, normaliseWorkbookPackage, orderFontChildren } from '../../src/form/workbook-package.js';
import { ZipArchive } from '../../src/readers/zip.js';

const names = (font: string) => [...font.matchAll(/<([A-Za-z]+)\b/g)].map((m) => m[1]).slice(1);

async function exceljsWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet('Thông tin');
  sheet.getCell('A1').value = 'Mã đơn vị';
  sheet.getCell('A1').font = { name: 'Times New Roman', size: 12, bold: true, italic: true, underline: true, color: { argb: 'FF1F3864' } };
  sheet.getCell('B1').value = 'HU_DONGHOA';
  sheet.getCell('B1').font = { name: 'Times New Roman', size: 11, strike: true, vertAlign: 'superscript', family: 1, charset: 163 };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function parts(zip: Buffer): Map<string, { stored: Buffer; time: number; date: number }> {
  const archive = ZipArchive.open(zip);
  const out = new Map<string, { stored: Buffer; time: number; date: number }>();
  const central = zip.readUInt32LE(zip.length - 22 + 16);
  let at = central;
  for (const entry of archive.entries) {
    while (zip.readUInt32LE(at) === 0x02014b50 && zip.toString('utf8', at + 46, at + 46 + zip.readUInt16LE(at + 28)) !== entry.name) {
      at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
    out.set(entry.name, { stored: Buffer.from(archive.stored(entry)), time: zip.readUInt16LE(at + 12), date: zip.readUInt16LE(at + 14) });
    at = central;
  }
  return out;
}

describe('orderFontChildren', () => {
  it("puts exceljs's font children in the schema's order, keeping what it does not know", () => {
    const exceljs = '<fonts count="2"><font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>' +
      '<font><b/><color rgb="FF1F3864"/><sz val="14"/><name val="Times New Roman"/><i/></font></fonts>' +
      '<dxfs count="1"><dxf><font><name val="Arial"/><b/></font></dxf></dxfs><font><x:odd/><sz val="1"/></font>';
    const ordered = orderFontChildren(exceljs);
    const fonts = [...ordered.matchAll(/<font>[\s\S]*?<\/font>/g)].map((m) => m[0]);
    expect(fonts.map(names)).toEqual([
      ['sz', 'color', 'name', 'family', 'scheme'],
      ['b', 'i', 'sz', 'color', 'name'],
      ['b', 'name'],
      ['x', 'sz'],
    ]);
    // A font holding an element outside the schema is left exactly as it was.
    expect(fonts[3]).toBe('<font><x:odd/><sz val="1"/></font>');
    expect(orderFontChildren(ordered)).toBe(ordered);
  });

  it('knows the fifteen children of CT_Font', () => {
    expect(FONT_CHILD_ORDER).toHaveLength(15);
  });
});

describe('normaliseWorkbookPackage', () => {
  it('orders the fonts of an exceljs workbook, pins every time stamp, copies every other entry as stored', async () => {
    const original = await exceljsWorkbook();
    const stamp = new Date(Date.UTC(2023, 3, 5, 10, 30, 0));
    const out = normaliseWorkbookPackage(original, stamp);
    const before = parts(original);
    const after = parts(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const archive = ZipArchive.open(out);
    const styles = Buffer.from(archive.read('xl/styles.xml') as Uint8Array).toString('utf8');
    for (const font of styles.match(/<font>[\s\S]*?<\/font>/g) ?? []) {
      const order = names(font).map((n) => FONT_CHILD_ORDER.indexOf(n as (typeof FONT_CHILD_ORDER)[number]));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    expect(styles).toMatch(/<font><b\/><i\/><u\/><sz val="12"\/><color rgb="FF1F3864"\/><name val="Times New Roman"\/><\/font>/);
    for (const [name, entry] of after) {
      expect(entry.time, name).toBe((10 << 11) | (30 << 5));
      expect(entry.date, name).toBe(((2023 - 1980) << 9) | (4 << 5) | 5);
      if (name !== 'xl/styles.xml') expect(entry.stored.equals(before.get(name)!.stored), name).toBe(true);
    }
  });

  it('gives the same bytes for the same workbook written at different times', async () => {
    const stamp = new Date(Date.UTC(2000, 0, 1));
    const first = normaliseWorkbookPackage(await exceljsWorkbook(), stamp);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const second = normaliseWorkbookPackage(await exceljsWorkbook(), stamp);
    expect(second.equals(first)).toBe(true);
  });
});

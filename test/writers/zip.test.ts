/** The package re-packer's ZIP reader and writer: round trip, fixed order, and what it refuses. */

import { describe, expect, it } from 'vitest';
import { readZip, writeZip, writeZipStreamed } from '../../src/writers/docx/zip.js';
import { MAX_ENTRY_BYTES, ZipArchive } from '../../src/readers/zip.js';
import { normalisePackage } from '../../src/writers/docx/package.js';

describe('zip', () => {
  it('reads back what it writes, names in UTF-8, empty and large entries included', () => {
    const entries = [
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/tài liệu.xml', data: Buffer.from('Đảng Cộng sản Việt Nam '.repeat(5000)) },
      { name: 'empty.bin', data: Buffer.alloc(0) },
    ];
    const zip = writeZip(entries);
    expect(readZip(zip)).toEqual(entries);
    expect(writeZip(entries).equals(zip)).toBe(true);
  });

  it('refuses what is not a ZIP, and a corrupted entry', () => {
    expect(() => readZip(Buffer.from('not a zip at all, not even close'))).toThrow(/not a ZIP/);
    const zip = writeZip([{ name: 'a.txt', data: Buffer.from('hello hello hello') }]);
    const broken = Buffer.from(zip);
    broken.writeUInt32LE((broken.readUInt32LE(14) ^ 1) >>> 0, 14);
    // The central directory's CRC is the one checked; corrupt that copy too.
    const central = broken.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    broken.writeUInt32LE((broken.readUInt32LE(central + 16) ^ 1) >>> 0, central + 16);
    expect(() => readZip(broken)).toThrow(/CRC/);
  });

  it("orders package parts: content types, package rels, then by name; core dates removed", async () => {
    const core = '<cp:coreProperties><dc:title>T</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00.000Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:01.000Z</dcterms:modified></cp:coreProperties>';
    const input = writeZip([
      { name: 'word/document.xml', data: Buffer.from('<d/>') },
      { name: 'docProps/core.xml', data: Buffer.from(core) },
      { name: '_rels/.rels', data: Buffer.from('<r/>') },
      { name: '[Content_Types].xml', data: Buffer.from('<t/>') },
    ]);
    const out = readZip(await normalisePackage(input));
    expect(out.map((e) => e.name)).toEqual(['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/document.xml']);
    expect(out[2]?.data.toString()).toBe('<cp:coreProperties><dc:title>T</dc:title></cp:coreProperties>');
  });

  it('writes a part given as pieces with the same bytes as the part given whole', async () => {
    const pieces = Array.from({ length: 300 }, (_, i) => `<w:p><w:r><w:t>Đơn vị số ${i} &amp; "Dân vận khéo"</w:t></w:r></w:p>`);
    const whole = writeZip([{ name: 'a.xml', data: Buffer.from('<x/>') }, { name: 'word/document.xml', data: Buffer.from(pieces.join(''), 'utf8') }]);
    const streamed = await writeZipStreamed([{ name: 'a.xml', data: Buffer.from('<x/>') }, { name: 'word/document.xml', chunks: pieces }]);
    expect(streamed.equals(whole)).toBe(true);
  });

  it("re-reads danvan's own parts past the size limit for submissions (a report of 20,000 units)", async () => {
    // A part of MAX_ENTRY_BYTES + 1 MiB, made as pieces so the test never holds it as one string.
    const piece = 'x'.repeat(1 << 20);
    const count = MAX_ENTRY_BYTES / (1 << 20) + 1;
    const zip = await writeZipStreamed([{ name: 'word/document.xml', chunks: Array.from({ length: count }, () => piece) }]);
    // The submission reader refuses such an entry, as it must for untrusted input...
    expect(() => ZipArchive.open(zip)).toThrow(/claims/);
    // ...but the re-packer reads its own output whole.
    const [entry] = readZip(zip);
    expect(entry?.data.length).toBe(MAX_ENTRY_BYTES + (1 << 20));
  });
});

/** Package integrity: parts, content types and relationships agree, ids are unique, every XML part is well-formed. */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../../src/writers/docx/index.js';
import { getLayoutProfile } from '../../src/layout/profile.js';
import { crc32 } from '../../src/writers/docx/zip.js';
import { findAll, parseXml, part, unzipDocx } from '../helpers/docx-xml.js';
import { hasCommand } from '../helpers/soffice.js';
import { sampleDocModel } from './sample-doc-model.js';

/** The part a relationship points to, resolved against the folder of the part that owns the .rels. */
function relsOwner(relsName: string): string {
  // "word/_rels/document.xml.rels" belongs to "word/document.xml"; "_rels/.rels" to the package root.
  return relsName.replace(/_rels\/([^/]*)\.rels$/, '$1');
}

describe('docx package', () => {
  let buffer: Buffer;
  let parts: Map<string, string>;
  beforeAll(async () => {
    const profile = getLayoutProfile();
    if (profile === undefined) throw new Error('default profile missing');
    buffer = await writeDocx(sampleDocModel(), profile);
    parts = unzipDocx(buffer);
  });

  it('starts with [Content_Types].xml and stamps every entry 1980-01-01 00:00', () => {
    expect([...parts.keys()][0]).toBe('[Content_Types].xml');
    // Walk the local headers: time and date words at offsets 10 and 12.
    let p = 0;
    while (buffer.readUInt32LE(p) === 0x04034b50) {
      expect(buffer.readUInt16LE(p + 10)).toBe(0);
      expect(buffer.readUInt16LE(p + 12)).toBe(0x21);
      p += 30 + buffer.readUInt16LE(p + 26) + buffer.readUInt16LE(p + 28) + buffer.readUInt32LE(p + 18);
    }
    expect(p).toBeGreaterThan(0);
  });

  it('declares a content type for every part, and every override names an existing part', () => {
    const types = parseXml(part(parts, '[Content_Types].xml'));
    const overrides = findAll(types, 'Override').map((o) => (o.attrs['PartName'] ?? '').replace(/^\//, ''));
    const defaults = new Set(findAll(types, 'Default').map((d) => d.attrs['Extension']));
    for (const name of overrides) expect(parts.has(name), `override ${name}`).toBe(true);
    for (const name of parts.keys()) {
      if (name === '[Content_Types].xml') continue;
      const ext = name.split('.').pop() ?? '';
      expect(overrides.includes(name) || defaults.has(ext), `content type of ${name}`).toBe(true);
    }
    expect(overrides).toContain('word/document.xml');
  });

  it('resolves every relationship target and has unique relationship ids', () => {
    for (const [name, xml] of parts) {
      if (!name.endsWith('.rels')) continue;
      const rels = findAll(parseXml(xml), 'Relationship');
      const ids = rels.map((r) => r.attrs['Id']);
      expect(new Set(ids).size, `duplicate ids in ${name}`).toBe(ids.length);
      const base = posix.dirname(relsOwner(name));
      for (const r of rels) {
        if (r.attrs['TargetMode'] === 'External') continue;
        const target = r.attrs['Target'] ?? '';
        const resolved = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(base, target));
        expect(parts.has(resolved), `${name} → ${target}`).toBe(true);
      }
    }
  });

  it('refers only to relationships that exist, from the document and its headers', () => {
    const relIds = (owner: string) => {
      const rels = parts.get(owner.replace(/([^/]+)$/, '_rels/$1.rels'));
      return new Set(rels === undefined ? [] : findAll(parseXml(rels), 'Relationship').map((r) => r.attrs['Id']));
    };
    for (const name of [...parts.keys()].filter((n) => /^word\/(document|header\d+)\.xml$/.test(n))) {
      const known = relIds(name);
      const used = [...part(parts, name).matchAll(/\br:(?:id|embed)="([^"]+)"/g)].map((m) => m[1]);
      for (const id of used) expect(known.has(id), `${name} uses ${id}`).toBe(true);
    }
  });

  it('has no duplicate drawing, bookmark or paragraph ids', () => {
    const document = part(parts, 'word/document.xml');
    for (const pattern of [/<wp:docPr[^>]* id="(\d+)"/g, /<w:bookmarkStart[^>]* w:id="(\d+)"/g, /w14:paraId="([0-9A-F]+)"/g]) {
      const ids = [...document.matchAll(pattern)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('parses every XML part with the test parser', () => {
    for (const [name, xml] of parts) {
      if (name.endsWith('.xml') || name.endsWith('.rels')) expect(() => parseXml(xml), name).not.toThrow();
    }
  });

  it('has only well-formed XML parts according to xmllint', () => {
    if (!hasCommand('xmllint')) {
      // Optional tool: the test parser above still checks the structure.
      console.warn('SKIPPED: xmllint not on PATH; install libxml2-utils to check well-formedness');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'danvan-xml-'));
    const files: string[] = [];
    for (const [name, xml] of parts) {
      if (!(name.endsWith('.xml') || name.endsWith('.rels'))) continue;
      const file = join(dir, name.replace(/[/[\]]/g, '_'));
      writeFileSync(file, xml);
      files.push(file);
    }
    // xmllint exits non-zero and names the file on the first error in any of them.
    expect(() => execFileSync('xmllint', ['--noout', ...files], { stdio: 'pipe' })).not.toThrow();
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});

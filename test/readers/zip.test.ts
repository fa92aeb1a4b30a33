/** Unit tests of the minimal zip reader: layout, methods, and every inconsistency ending in a typed error. */

import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { UnreadableWorkbookError } from '../../src/readers/types.js';
import { ZipArchive, findEndOfCentralDirectory } from '../../src/readers/zip.js';
import { crc32, makeZip } from './helpers.js';
import { makeZip64 } from '../../scripts/hostile-inputs.mjs';

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) return error.reason;
    throw error;
  }
  return undefined;
}

describe('crc32 (test helper)', () => {
  it('matches the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});

describe('ZipArchive', () => {
  const text = 'Xin chào Việt Nam — '.repeat(50);
  const zip = makeZip([
    { name: 'a.txt', data: text, method: 8 },
    { name: 'dir/b.bin', data: new Uint8Array([1, 2, 3, 0, 255]), method: 0 },
    { name: 'empty.txt', data: '', method: 8 },
  ]);

  it('lists entries and extracts stored and deflated ones', () => {
    const archive = ZipArchive.open(zip);
    expect(archive.names()).toEqual(['a.txt', 'dir/b.bin', 'empty.txt']);
    expect(Buffer.from(archive.read('a.txt')!).toString('utf8')).toBe(text);
    expect([...archive.read('dir/b.bin')!]).toEqual([1, 2, 3, 0, 255]);
    expect(archive.read('empty.txt')!.length).toBe(0);
    expect(archive.read('missing')).toBeUndefined();
  });

  it('finds part names case-insensitively, exact match first', () => {
    const archive = ZipArchive.open(zip);
    expect(archive.entry('A.TXT')?.name).toBe('a.txt');
    expect(archive.has('Dir/B.bin')).toBe(true);
  });

  it('finds the end record behind an archive comment', () => {
    const withComment = makeZip([{ name: 'x', data: 'y' }], 'a comment with PK\x05\x06 inside');
    expect(findEndOfCentralDirectory(withComment)).toBeGreaterThan(0);
    expect(Buffer.from(ZipArchive.open(withComment).read('x')!).toString()).toBe('y');
  });

  it('works on a subarray of a larger buffer (non-zero byteOffset)', () => {
    const padded = Buffer.concat([Buffer.alloc(7, 0x20), zip]);
    const view = new Uint8Array(padded.buffer, padded.byteOffset + 7, zip.length);
    expect(Buffer.from(ZipArchive.open(view).read('a.txt')!).toString('utf8')).toBe(text);
  });

  it('says truncated when the end of the file is missing', () => {
    expect(reasonOf(() => ZipArchive.open(zip.subarray(0, zip.length - 10)))).toBe('truncated');
    expect(reasonOf(() => ZipArchive.open(zip.subarray(0, 40)))).toBe('truncated');
  });

  it('says corrupt for a damaged central directory', () => {
    const bad = Buffer.from(zip);
    const cdOffset = bad.readUInt32LE(bad.length - 6);
    bad.writeUInt32LE(0xdeadbeef, cdOffset);
    expect(reasonOf(() => ZipArchive.open(bad))).toBe('corrupt');
  });

  it('says corrupt for damaged deflate data, lazily, at extraction', () => {
    const raw = Buffer.from('hello hello hello hello');
    const body = deflateRawSync(raw);
    const good = makeZip([{ name: 'h', data: raw }]);
    const bad = Buffer.from(good);
    const at = bad.indexOf(body);
    bad.fill(0xff, at, at + body.length);
    const archive = ZipArchive.open(bad); // the directory is fine
    expect(reasonOf(() => archive.read('h'))).toBe('corrupt');
  });

  it('says corrupt when the declared size is a lie', () => {
    const bad = Buffer.from(makeZip([{ name: 'h', data: 'hello world, hello world' }]));
    const cdOffset = bad.readUInt32LE(bad.length - 6);
    bad.writeUInt32LE(5, cdOffset + 24); // uncompressed size
    expect(reasonOf(() => ZipArchive.open(bad).read('h'))).toBe('corrupt');
  });

  it('says corrupt for an unsupported method and for encrypted entries', () => {
    const method = Buffer.from(makeZip([{ name: 'h', data: 'x', method: 0 }]));
    const cdOffset = method.readUInt32LE(method.length - 6);
    method.writeUInt16LE(12, cdOffset + 10); // bzip2
    expect(reasonOf(() => ZipArchive.open(method))).toBe('corrupt');
    const encrypted = Buffer.from(makeZip([{ name: 'h', data: 'x', method: 0 }]));
    encrypted.writeUInt16LE(0x801, encrypted.readUInt32LE(encrypted.length - 6) + 8);
    expect(reasonOf(() => ZipArchive.open(encrypted))).toBe('corrupt');
  });

  it('rejects zip64 archives as corrupt instead of crashing', () => {
    const z = Buffer.from(makeZip([{ name: 'h', data: 'x' }]));
    z.writeUInt32LE(0xffffffff, z.length - 6); // central directory offset
    expect(reasonOf(() => ZipArchive.open(z))).toBe('corrupt');
    z.writeUInt16LE(0xffff, z.length - 12);
    expect(reasonOf(() => ZipArchive.open(z))).toBe('corrupt');
  });

  it('says truncated when an entry runs past the end of the data', () => {
    const z = Buffer.from(makeZip([{ name: 'h', data: 'some data', method: 0 }]));
    const cdOffset = z.readUInt32LE(z.length - 6);
    z.writeUInt32LE(100_000, cdOffset + 20);
    z.writeUInt32LE(100_000, cdOffset + 24);
    expect(reasonOf(() => ZipArchive.open(z).read('h'))).toBe('truncated');
  });

  it('refuses an entry that would inflate to an absurd size (zip bomb)', () => {
    const z = Buffer.from(makeZip([{ name: 'h', data: 'x' }]));
    const cdOffset = z.readUInt32LE(z.length - 6);
    z.writeUInt32LE(0xfffffff0, cdOffset + 24);
    expect(reasonOf(() => ZipArchive.open(z))).toBe('corrupt');
  });
});

describe('ZipArchive: archives that do not start at byte 0, and zip64 (issue 17)', () => {
  const a = makeZip([{ name: 'x.txt', data: 'A' }]);
  const b = makeZip([{ name: 'x.txt', data: 'B' }, { name: 'y.txt', data: 'only in B' }]);
  const text = (zip: ZipArchive, name: string) => Buffer.from(zip.read(name)!).toString('utf8');

  it('reads the last archive of two concatenated, its offsets taken relative to its own directory (as Python\'s zipfile)', () => {
    const zip = ZipArchive.open(Buffer.concat([a, b]));
    expect(zip.names().sort()).toEqual(['x.txt', 'y.txt']);
    expect(text(zip, 'x.txt')).toBe('B');
    expect(text(ZipArchive.open(Buffer.concat([Buffer.from('#!/bin/sh stub\n'.repeat(50)), b])), 'y.txt')).toBe('only in B');
  });

  it('reads zip64 sizes and offsets, and refuses a zip64 end record that disagrees with the end record', () => {
    const z64 = makeZip64([{ name: 'x.txt', data: 'sáu mươi tư' }, { name: 'y.txt', data: 'B', method: 0 }]);
    const zip = ZipArchive.open(z64);
    expect(text(zip, 'x.txt')).toBe('sáu mươi tư');
    expect(text(zip, 'y.txt')).toBe('B');
    expect(text(ZipArchive.open(Buffer.concat([a, z64])), 'x.txt')).toBe('sáu mươi tư');
    const lying = Buffer.from(z64);
    // The end record's entry count says 1 where the zip64 record says 2: two archives in one, which to believe?
    lying.writeUInt16LE(1, lying.length - 22 + 10);
    expect(() => ZipArchive.open(lying)).toThrow(UnreadableWorkbookError);
  });
});

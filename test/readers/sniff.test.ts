/** Classification of bad inputs (SPEC §6) by sniffWorkbook and readWorkbookFile, on files made in a temp folder. */

import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_BYTES,
  UnreadableWorkbookError,
  readWorkbookBytes,
  readWorkbookFile,
  sniffWorkbook,
  type UnreadableReason,
} from '../../src/readers/index.js';
import { makeZip, miniXlsx, tempDir } from './helpers.js';

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** A fake OLE compound file: the magic, padding, and (optionally) a directory entry named EncryptionInfo. */
function fakeCfb(streams: string[]): Buffer {
  const dir = streams.map((name) => {
    const entry = Buffer.alloc(128);
    Buffer.from(name, 'utf16le').copy(entry);
    return entry;
  });
  return Buffer.concat([CFB_MAGIC, Buffer.alloc(504), ...dir, Buffer.alloc(512)]);
}

const workbook = miniXlsx({ sheets: [{ name: 'Sheet1', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });

async function reasonOfFile(path: string, maxBytes?: number): Promise<UnreadableReason | 'ok'> {
  try {
    await readWorkbookFile(path, maxBytes === undefined ? {} : { maxBytes });
    return 'ok';
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) return error.reason;
    throw error;
  }
}

describe('sniffWorkbook', () => {
  it('recognises a workbook and hands over the opened zip', () => {
    const result = sniffWorkbook(workbook);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.workbookPart).toBe('xl/workbook.xml');
  });

  it.each<[string, Uint8Array, UnreadableReason]>([
    ['empty file', new Uint8Array(0), 'empty-file'],
    ['text file', Buffer.from('Mã đơn vị;Tên đơn vị\nXA_00001;Xã A\n'), 'not-a-zip'],
    ['PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'not-a-zip'],
    ['Excel lock file (~$)', Buffer.concat([Buffer.from([0x0a]), Buffer.from('Nguyen Van A'.padEnd(54)), Buffer.alloc(110)]), 'not-a-zip'],
    ['legacy .xls (CFB without EncryptionInfo)', fakeCfb(['Root Entry', 'Workbook', '\u0005SummaryInformation']), 'legacy-xls'],
    ['password-protected .xlsx (CFB with EncryptionInfo)', fakeCfb(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']), 'encrypted'],
    ['truncated workbook', workbook.subarray(0, Math.floor(workbook.length / 2)), 'truncated'],
    ['workbook missing its last byte', workbook.subarray(0, workbook.length - 1), 'truncated'],
    ['random zip', makeZip([{ name: 'notes.txt', data: 'hello' }, { name: 'img/a.png', data: randomBytes(64) }]), 'not-a-workbook'],
    ['.docx', makeZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w:document/>' }]), 'not-a-workbook'],
    ['empty zip', makeZip([]), 'not-a-workbook'],
    [
      '.ods',
      makeZip([
        { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 },
        { name: 'content.xml', data: '<office:document-content/>' },
      ]),
      'ods',
    ],
    ['zip signature then garbage', Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(300)]), 'truncated'],
  ])('%s → %s', (_label, bytes, reason) => {
    const result = sniffWorkbook(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(reason);
  });

  const rootRels = (target: string): string =>
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" ' +
    `Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;

  it('follows the root relationship to a non-standard workbook part name', () => {
    const zip = makeZip([
      { name: '_rels/.rels', data: rootRels('/xl/workbook2.xml') },
      { name: 'xl/workbook2.xml', data: '<workbook><sheets/></workbook>' },
    ]);
    const result = sniffWorkbook(zip);
    expect(result.ok && result.workbookPart).toBe('xl/workbook2.xml');
    expect(readWorkbookBytes(zip)).toEqual({ sheets: [] });
  });

  it('does not take the main part of a .docx for a workbook', () => {
    const zip = makeZip([
      { name: '_rels/.rels', data: rootRels('word/document.xml') },
      { name: 'word/document.xml', data: '<w:document xmlns:w="w"/>' },
    ]);
    expect(sniffWorkbook(zip)).toMatchObject({ ok: false, reason: 'not-a-workbook' });
  });
});

describe('readWorkbookFile', () => {
  it('reads a workbook from disk', async () => {
    const dir = tempDir();
    const file = join(dir, 'ok.xlsx');
    writeFileSync(file, workbook);
    const book = await readWorkbookFile(file);
    expect(book.sheets[0]?.cells[0]).toEqual({ ref: 'A1', row: 1, col: 1, value: { kind: 'number', number: 1 } });
  });

  it('maps each bad file to its reason, never another exception', async () => {
    const dir = tempDir();
    const files: Record<string, [Uint8Array, UnreadableReason]> = {
      'text.xlsx': [Buffer.from('not a workbook at all'), 'not-a-zip'],
      'empty.xlsx': [new Uint8Array(0), 'empty-file'],
      'cut.xlsx': [workbook.subarray(0, 100), 'truncated'],
      'random.xlsx': [makeZip([{ name: 'a', data: 'b' }]), 'not-a-workbook'],
      'old.xls': [fakeCfb(['Workbook']), 'legacy-xls'],
      'locked.xlsx': [fakeCfb(['EncryptionInfo']), 'encrypted'],
      'broken-sheet.xlsx': [miniXlsx({ sheets: [{ name: 'S', xml: '<row r="1"><c r="A1"><v>1</v></row>' }] }), 'corrupt'],
      'missing-sheet.xlsx': [miniXlsx({ sheets: [{ name: 'S', xml: '' }], omit: ['xl/worksheets/sheet1.xml'] }), 'corrupt'],
    };
    for (const [name, [bytes]] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    for (const [name, [, reason]] of Object.entries(files)) {
      expect([name, await reasonOfFile(join(dir, name))]).toEqual([name, reason]);
    }
  });

  it('refuses a folder named like a workbook; a missing file keeps its fs error', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'folder.xlsx'));
    expect(await reasonOfFile(join(dir, 'folder.xlsx'))).toBe('not-a-zip');
    await expect(readWorkbookFile(join(dir, 'missing.xlsx'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a file over the limit from its size alone', async () => {
    const dir = tempDir();
    const file = join(dir, 'big.xlsx');
    writeFileSync(file, Buffer.alloc(2048, 0x41));
    expect(await reasonOfFile(file, 1024)).toBe('too-large');
    expect(DEFAULT_MAX_BYTES).toBe(20 * 1024 * 1024);
  });

  it('names the broken part in the detail', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    const file = join(dir, 'sub', 'bad.xlsx');
    writeFileSync(file, miniXlsx({ sheets: [{ name: 'S', xml: '<row r="1"><c r="A1"><v>1 &nbsp; 2</v></c></row>' }] }));
    await expect(readWorkbookFile(file)).rejects.toMatchObject({ reason: 'corrupt', detail: expect.stringContaining('xl/worksheets/sheet1.xml') });
  });
});

/**
 * The workbook budgets of readers/limits.ts and the zip's integrity checks: every crafted file is refused
 * (or read) within a bound, with the limit it broke; files just under the limits are read. The crafted
 * files come from scripts/hostile-inputs.mjs and are made here, at test time.
 */
import { describe, expect, it } from 'vitest';
import {
  bitFlippedPart,
  cellsXlsx,
  hugePartXlsx,
  longCellXlsx,
  lyingSizeXlsx,
  makeZip,
  manySheetsXlsx,
  mergedCellsXlsx,
  random,
  readZip,
  rowsXlsx,
  sharedHugePartXlsx,
  storedSubmissionXlsx,
  submissionSheets,
  submissionXlsx,
  workbookXlsx,
  worksheetXml,
} from '../../scripts/hostile-inputs.mjs';
import { readWorkbookBytes } from '../../src/readers/index.js';
import { WORKBOOK_LIMITS, type LimitBreach } from '../../src/readers/limits.js';
import { UnreadableWorkbookError, type RawWorkbook } from '../../src/readers/types.js';
import { ZipArchive } from '../../src/readers/zip.js';
import { overLimit, unreadable } from '../../src/messages/vi.js';

const MiB = 1024 * 1024;

/** The error a read ends in (none: the workbook), and how long it took. */
function attempt(bytes: Uint8Array): { error?: UnreadableWorkbookError; book?: RawWorkbook; ms: number } {
  const t0 = performance.now();
  try {
    const book = readWorkbookBytes(bytes);
    return { book, ms: performance.now() - t0 };
  } catch (error) {
    if (!(error instanceof UnreadableWorkbookError)) throw error;
    return { error, ms: performance.now() - t0 };
  }
}

function refusedOver(bytes: Uint8Array, limit: LimitBreach['limit']): UnreadableWorkbookError {
  const { error } = attempt(bytes);
  expect(error?.reason, error?.detail).toBe('over-limit');
  expect(error!.info.limit?.limit).toBe(limit);
  expect(error!.info.limit?.max).toBe(WORKBOOK_LIMITS[limit]);
  return error!;
}

describe('inflate budget', () => {
  it('refuses a part larger than the part limit before inflating it (the 255 MB part of the issue: test/e2e/hostile.test.ts)', () => {
    const error = refusedOver(hugePartXlsx({ partBytes: WORKBOOK_LIMITS.partBytes + 1 }), 'partBytes');
    expect(error.info.part).toBe('xl/worksheets/big.xml');
    const message = unreadable['over-limit'](error.detail, error.info);
    expect(message).toContain('xl/worksheets/big.xml');
    expect(message).toContain('32 MB');
  });

  it('reads a part just under the part limit', () => {
    const { book, error } = attempt(hugePartXlsx({ partBytes: WORKBOOK_LIMITS.partBytes - 1024 }));
    expect(error).toBeUndefined();
    expect(book!.sheets.map((s) => s.name)).toContain('Trang 1');
  });

  it('reads a part once however many sheets point at it: nine sheets on one 20 MB part stay within the total', () => {
    const bytes = sharedHugePartXlsx({ sheetCount: 9, partBytes: 20 * MiB });
    const { book, error } = attempt(bytes);
    expect(error).toBeUndefined();
    const shared = book!.sheets.filter((s) => s.name.startsWith('Trang'));
    expect(shared).toHaveLength(9);
    // One array of cells for all nine: the part was parsed once.
    expect(new Set(shared.map((s) => s.cells)).size).toBe(1);
  });

  it('counts each part once against the total, and refuses a workbook whose distinct parts add up past it', () => {
    const part = (n: number) => ({ name: `Lớn ${n}`, xml: `<?xml version="1.0"?><worksheet xmlns="x"><sheetData>${' '.repeat(30 * MiB)}</sheetData></worksheet>` });
    const error = refusedOver(workbookXlsx([...submissionSheets(), part(1), part(2), part(3)]), 'totalInflatedBytes');
    expect(unreadable['over-limit'](error.detail, error.info)).toContain('64 MB');
  });

  it('a zip entry is inflated and verified at most once', () => {
    const zip = ZipArchive.open(submissionXlsx(), { partBytes: MiB, totalBytes: MiB });
    const first = zip.read('xl/workbook.xml');
    const total = zip.inflatedBytes;
    expect(zip.read('xl/workbook.xml')).toBe(first);
    expect(zip.read('XL/Workbook.xml')).toBe(first);
    expect(zip.inflatedBytes).toBe(total);
  });

  it('a lying header (small declared size, large data) cannot inflate past what it declares', () => {
    const { error } = attempt(lyingSizeXlsx());
    expect(error?.reason).toBe('corrupt');
    expect(error?.info.part).toBe('xl/worksheets/big.xml');
  });
});

describe('sheet budgets', () => {
  it('sheets per workbook', () => {
    expect(attempt(manySheetsXlsx({ count: WORKBOOK_LIMITS.sheets })).error).toBeUndefined();
    refusedOver(manySheetsXlsx({ count: WORKBOOK_LIMITS.sheets + 1 }), 'sheets');
  });

  it('rows with values per sheet, naming the sheet', () => {
    expect(attempt(rowsXlsx({ rows: WORKBOOK_LIMITS.rowsPerSheet })).error).toBeUndefined();
    const error = refusedOver(rowsXlsx({ rows: WORKBOOK_LIMITS.rowsPerSheet + 1 }), 'rowsPerSheet');
    expect(error.info.limit?.sheet).toBe('Dài');
    expect(overLimit(error.info.limit!)).toBe('Sheet "Dài" có quá nhiều dòng có dữ liệu (giới hạn 20.000 dòng một sheet). Hãy xóa các dòng thừa hoặc tách nội dung, rồi gửi lại.');
  });

  it('cells with values per sheet', () => {
    refusedOver(cellsXlsx({ cells: WORKBOOK_LIMITS.cellsPerSheet + 1, perRow: 1000 }), 'cellsPerSheet');
  });

  it('cells with values in the whole workbook', () => {
    const sheet = (n: number) => ({ name: `Bảng ${n}`, xml: cellsPart(190_000) });
    refusedOver(workbookXlsx([...submissionSheets(), sheet(1), sheet(2), sheet(3)]), 'cellsPerWorkbook');
  });

  it('merged ranges per sheet: the issue\'s 150,000 are refused quickly', () => {
    expect(attempt(mergedCellsXlsx({ count: WORKBOOK_LIMITS.mergedRangesPerSheet })).error).toBeUndefined();
    refusedOver(mergedCellsXlsx({ count: 150_000 }), 'mergedRangesPerSheet');
  });

  it('characters per cell: Excel\'s 32,767, in inline and shared strings, naming the cell', () => {
    expect(attempt(longCellXlsx({ length: WORKBOOK_LIMITS.cellChars })).error).toBeUndefined();
    const error = refusedOver(longCellXlsx({ length: WORKBOOK_LIMITS.cellChars + 1 }), 'cellChars');
    expect(error.info.limit).toMatchObject({ sheet: 'Kết quả', cell: 'C2' });
    expect(overLimit(error.info.limit!)).toContain('32.767 ký tự');

    const shared = workbookXlsx(
      [...submissionSheets(), { name: 'Chuỗi', xml: '<?xml version="1.0"?><worksheet xmlns="x"><sheetData><row r="1"><c r="B1" t="s"><v>0</v></c></row></sheetData></worksheet>' }],
      { sharedStrings: `<si><t>${'x'.repeat(WORKBOOK_LIMITS.cellChars + 1)}</t></si>` },
    );
    expect(refusedOver(shared, 'cellChars').info.limit).toMatchObject({ sheet: 'Chuỗi', cell: 'B1' });
    // An over-long shared string that no cell uses is harmless.
    const unused = workbookXlsx(submissionSheets(), { sharedStrings: `<si><t>${'x'.repeat(WORKBOOK_LIMITS.cellChars + 1)}</t></si>` });
    expect(attempt(unused).error).toBeUndefined();
  });
});

function cellsPart(cells: number): string {
  const rows: string[] = [];
  for (let r = 1, done = 0; done < cells; r++) {
    const n = Math.min(10, cells - done);
    let row = `<row r="${r}">`;
    for (let c = 0; c < n; c++) row += `<c r="${'ABCDEFGHIJ'[c]}${r}"><v>1</v></c>`;
    rows.push(`${row}</row>`);
    done += n;
  }
  return `<?xml version="1.0"?><worksheet xmlns="x"><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

describe('merged cells', () => {
  /** The rule, the slow way: a cell is hidden when a range covers it and it is not that range's top-left. */
  function visible(cells: { row: number; col: number }[], merges: { r1: number; c1: number; r2: number; c2: number }[]) {
    return cells.filter((c) => !merges.some((m) => c.row >= m.r1 && c.row <= m.r2 && c.col >= m.c1 && c.col <= m.c2 && (c.row !== m.r1 || c.col !== m.c1)));
  }

  it('hides exactly the cells under a range but its top-left, for random (even overlapping) ranges', () => {
    const rnd = random(42);
    for (let round = 0; round < 60; round++) {
      const rows: (number[] | undefined)[] = [];
      const cells: { row: number; col: number }[] = [];
      for (let r = 1; r <= 12; r++) {
        for (let c = 1; c <= 8; c++) {
          if (rnd() < 0.5) continue;
          (rows[r - 1] ??= [])[c - 1] = r * 100 + c;
          cells.push({ row: r, col: c });
        }
      }
      const merges = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => {
        const r1 = 1 + Math.floor(rnd() * 12);
        const c1 = 1 + Math.floor(rnd() * 8);
        return { r1, c1, r2: r1 + Math.floor(rnd() * 4), c2: c1 + Math.floor(rnd() * 3) };
      });
      const col = (n: number) => String.fromCharCode(64 + n);
      const refs = merges.map((m) => `${col(m.c1)}${m.r1}:${col(m.c2)}${m.r2}`);
      const book = readWorkbookBytes(workbookXlsx([{ name: 'Gộp', xml: worksheetXml(rows, { merges: refs }) }]));
      const got = book.sheets[0]!.cells.map((c) => `${c.row},${c.col}`);
      expect(got, refs.join(' ')).toEqual(visible(cells, merges).map((c) => `${c.row},${c.col}`));
    }
  });
});

describe('zip integrity: every part read is verified', () => {
  it('a flipped bit in a stored part fails its CRC-32: refused as corrupt, naming the part (no garbled text)', () => {
    const good = storedSubmissionXlsx();
    expect(attempt(good).error).toBeUndefined();
    const { error } = attempt(bitFlippedPart(good, 'xl/worksheets/sheet1.xml'));
    expect(error?.reason).toBe('corrupt');
    expect(error?.info.part).toBe('xl/worksheets/sheet1.xml');
    // Named by its tab as the unit knows it (an outside tester saw only the part's name).
    expect(error?.info.sheet).toBe('Thông tin');
    expect(unreadable.corrupt(error!.detail, error!.info)).toBe(
      'Tệp bị hỏng: không đọc được sheet "Thông tin" (phần xl/worksheets/sheet1.xml trong tệp bị lỗi). Hãy mở bằng Excel hoặc LibreOffice, lưu lại rồi gửi lại.',
    );
    const { error: notASheet } = attempt(bitFlippedPart(good, 'xl/workbook.xml'));
    expect(notASheet?.info).toEqual({ part: 'xl/workbook.xml' });
  });

  it('a wrong declared CRC-32, or declared size, is refused even when the data inflates', () => {
    const entries = readZip(submissionXlsx()).map((e) => ({ name: e.name, data: e.data }));
    const withCrc = makeZip(entries.map((e) => (e.name === 'xl/workbook.xml' ? { ...e, crc: 0x12345678 } : e)));
    expect(attempt(withCrc).error).toMatchObject({ reason: 'corrupt', info: { part: 'xl/workbook.xml' } });
    const data = entries.find((e) => e.name === 'xl/worksheets/sheet2.xml')!.data;
    const withSize = makeZip(entries.map((e) => (e.name === 'xl/worksheets/sheet2.xml' ? { ...e, size: data.length + 10 } : e)));
    expect(attempt(withSize).error).toMatchObject({ reason: 'corrupt', info: { part: 'xl/worksheets/sheet2.xml' } });
  });

  it('a local header that disagrees with the central directory is refused', () => {
    const bytes = Buffer.from(submissionXlsx());
    // The first entry's local header: change its declared CRC only there.
    bytes.writeUInt32LE((bytes.readUInt32LE(14) ^ 1) >>> 0, 14);
    const zip = ZipArchive.open(bytes);
    const first = zip.entries[0]!.name;
    expect(() => zip.read(first)).toThrow(UnreadableWorkbookError);
  });

  it('two entries of one name (ignoring case) are refused where that part is read', () => {
    const entries = readZip(submissionXlsx()).map((e) => ({ name: e.name, data: e.data }));
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const twice = makeZip([...entries, { name: 'XL/worksheets/Sheet1.xml', data: sheet.data.toString().replace('DV_THU', 'KHAC') }]);
    expect(attempt(twice).error).toMatchObject({ reason: 'corrupt', info: { part: 'xl/worksheets/sheet1.xml' } });
  });

  it('sound packages written by other programs still read (docx re-packing and the corpus use the same checks)', () => {
    expect(attempt(submissionXlsx()).book?.sheets).toHaveLength(7);
  });
});

/** The exceljs-based reader: slower, but an independent reference for the fast reader's differential tests. */

import type ExcelJS from 'exceljs';
import { cleanText } from '../domain/text.js';
import { msToSerial } from '../domain/excel-date.js';
import { sniffWorkbook } from './sniff.js';
import {
  UnreadableWorkbookError,
  cellRef,
  type CellValue,
  type RawCell,
  type RawSheet,
  type RawWorkbook,
  type WorkbookReader,
} from './types.js';


type ExcelJsModule = typeof ExcelJS;
let excelJs: Promise<ExcelJsModule> | undefined;

/** exceljs takes ~150 ms to load: only a process that really uses this reader pays for it. */
function loadExcelJs(): Promise<ExcelJsModule> {
  excelJs ??= import('exceljs').then((m) => (m as { default?: ExcelJsModule }).default ?? (m as unknown as ExcelJsModule));
  return excelJs;
}

export class ExceljsReader implements WorkbookReader {
  async read(bytes: Uint8Array): Promise<RawWorkbook> {
    // Same classification as the fast reader, so both fail the same way on what is not a workbook.
    const sniff = sniffWorkbook(bytes);
    if (!sniff.ok) throw new UnreadableWorkbookError(sniff.reason, sniff.detail);
    const lib = await loadExcelJs();
    const workbook = new lib.Workbook();
    try {
      // Not the streaming WorkbookReader: it splits multi-byte characters at chunk edges (Vietnamese text).
      await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
    } catch (error) {
      throw new UnreadableWorkbookError('corrupt', `exceljs: ${(error as Error)?.message ?? String(error)}`);
    }
    const sheets: RawSheet[] = workbook.worksheets.map((ws) => {
      const cells: RawCell[] = [];
      ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
          const value = mapCell(lib, cell);
          if (value) cells.push({ ref: cellRef(rowNumber, colNumber), row: rowNumber, col: colNumber, value });
        });
      });
      cells.sort((a, b) => a.row - b.row || a.col - b.col);
      return { name: cleanText(ws.name), cells };
    });
    return { sheets };
  }
}

function mapCell(lib: ExcelJsModule, cell: ExcelJS.Cell): CellValue | undefined {
  switch (cell.type) {
    case lib.ValueType.Merge: // the value shown is the top-left cell's, already read there
    case lib.ValueType.Null:
      return undefined;
    case lib.ValueType.Formula: {
      const result = mapPlain(cell.result);
      if (result !== undefined || (cell.result !== undefined && cell.result !== null)) return result;
      // No cached result at all (not an empty text result): the value is unknown.
      return { kind: 'formula', formula: cell.formula ?? '' };
    }
    case lib.ValueType.Hyperlink:
      return mapPlain((cell.value as ExcelJS.CellHyperlinkValue).text);
    default:
      return mapPlain(cell.value);
  }
}

/** Maps a plain exceljs value (also a formula result or hyperlink text) to ours. */
function mapPlain(value: unknown): CellValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', number: value } : undefined;
  if (typeof value === 'string') return text(value);
  if (typeof value === 'boolean') return { kind: 'boolean', bool: value };
  if (value instanceof Date) {
    // exceljs builds its Dates in UTC from the serial, so the serial comes back with the UTC epoch.
    const serial = msToSerial(value.getTime());
    return Number.isFinite(serial) ? { kind: 'date', serial } : undefined;
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text?: string }[]; error?: string; text?: unknown };
    if (Array.isArray(v.richText)) return text(v.richText.map((run) => run.text ?? '').join(''));
    if (typeof v.error === 'string') return { kind: 'error', text: v.error };
    if (v.text !== undefined) return mapPlain(v.text);
  }
  return undefined;
}

function text(raw: string): CellValue | undefined {
  const cleaned = cleanText(raw);
  return cleaned === '' ? undefined : { kind: 'text', text: cleaned };
}

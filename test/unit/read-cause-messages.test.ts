/** The messages of files refused for what programs read differently (issue 17): Vietnamese, naming the cell and sheet. */
import { describe, expect, it } from 'vitest';
import { unreadable } from '../../src/messages/vi.js';
import type { ReadCause } from '../../src/readers/types.js';

describe('messages of refused cells and parts', () => {
  it('name the cell and the sheet, say why in Vietnamese, and ask for the file saved again in Excel', () => {
    const causes: ReadCause[] = ['cell-values', 'cell-type', 'cell-number', 'duplicate-cell'];
    for (const cause of causes) {
      const text = unreadable.corrupt('xl/worksheets/sheet2.xml: cell D3', { part: 'xl/worksheets/sheet2.xml', sheet: 'Số liệu', cell: 'D3', cause });
      expect(text, cause).toContain('Ô D3 của sheet "Số liệu"');
      expect(text, cause).toContain('Hãy mở tệp bằng Excel, lưu lại rồi gửi lại.');
      expect(text, cause).not.toMatch(/\b(cell|error|undefined)\b/);
    }
    const doctype = unreadable.corrupt('xl/worksheets/sheet1.xml: DOCTYPE', { part: 'xl/worksheets/sheet1.xml', cause: 'doctype' });
    expect(doctype).toContain('Tệp có khai báo DOCTYPE (ở phần xl/worksheets/sheet1.xml), Excel không tạo ra');
  });
});

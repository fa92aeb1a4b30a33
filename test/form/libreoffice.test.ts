/** The form survives LibreOffice Calc: re-saved as xlsx it keeps sheet names, labels and validations. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { COLUMNS, formColumns, INFO_LABEL, SHEET } from '../../src/domain/form-layout.js';
import { buildFormWorkbook } from '../../src/form/index.js';
import { hasSoffice, loadWorkbook, resaveWithLibreOffice, sheetOf, validationAt } from './helpers.js';

const available = hasSoffice();
if (!available) {
  if (process.env.CI) throw new Error('LibreOffice (soffice) is required in CI for the form round-trip test');
  console.warn('⚠ soffice not found: skipping the LibreOffice round-trip test of the form');
}

describe.skipIf(!available)('LibreOffice round trip', () => {
  it('keeps sheet names, labels, catalogue rows and validations', async () => {
    const original = await buildFormWorkbook({
      catalogue: DEFAULT_CATALOGUE,
      content: { info: { unitCode: 'HCCB', period: 'Quý I/2023', reportDate: new Date(Date.UTC(2023, 2, 30)) }, figures: { KN_TIEP: 8, KN_GQ: 6 } },
    });
    const book = await loadWorkbook(resaveWithLibreOffice(original));

    expect(book.worksheets.map((s) => s.name)).toEqual([
      SHEET.guide, SHEET.info, SHEET.figures, SHEET.results, SHEET.limitations, SHEET.tasks, SHEET.proposals, SHEET.models, 'DanhMuc',
    ]);
    expect(sheetOf(book, 'DanhMuc').state).toMatch(/hidden/i);

    const info = sheetOf(book, SHEET.info);
    Object.values(INFO_LABEL).forEach((label, i) => expect(info.getCell(`A${i + 2}`).value).toBe(label));
    expect(info.getCell('B5').value).toEqual(new Date(Date.UTC(2023, 2, 30)));
    expect(validationAt(info, 'B5')).toMatchObject({ type: 'date', showErrorMessage: true });

    for (const key of ['figures', 'results', 'limitations', 'tasks', 'proposals', 'models'] as const) {
      const sheet = sheetOf(book, SHEET[key]);
      expect([...formColumns(key), null].map((_, i) => sheet.getRow(2).getCell(i + 1).value)).toEqual([...formColumns(key).map((c) => c.label), null]);
    }

    const figures = sheetOf(book, SHEET.figures);
    DEFAULT_CATALOGUE.forEach((indicator, i) => expect(figures.getCell(`A${i + 3}`).value).toBe(indicator.code));
    expect(validationAt(figures, 'D6')).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' }); // TT_BUOI, a count
    expect(validationAt(figures, 'D15')).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual' }); // VD_TIEN, an amount
    expect(figures.getCell('D13').result).toBe(75); // LibreOffice recalculates KN_TL = 6 / 8

    // LibreOffice adds an unused formula2 ("0") to every rule.
    expect(validationAt(sheetOf(book, SHEET.results), 'B3')).toMatchObject({ type: 'list', formulae: expect.arrayContaining(['DanhMuc!$A$2:$A$11']) });
    expect(validationAt(sheetOf(book, SHEET.results), 'B500')?.type).toBe('list');
    expect(validationAt(sheetOf(book, SHEET.models), 'D3')).toMatchObject({ type: 'list', formulae: expect.arrayContaining(['DanhMuc!$C$2:$C$6']) });
  });
});

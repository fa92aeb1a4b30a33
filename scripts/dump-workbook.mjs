#!/usr/bin/env node
// Prints every non-empty cell of a workbook as exceljs reads it (sheet!cell, type, value): to check fixtures by eye.
// Usage: node scripts/dump-workbook.mjs FILE.xlsx [SHEET]
import ExcelJS from 'exceljs';

const [file, only] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/dump-workbook.mjs FILE.xlsx [SHEET]');
  process.exit(2);
}
const TYPES = Object.fromEntries(Object.entries(ExcelJS.ValueType).map(([name, id]) => [id, name]));
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.readFile(file);
for (const sheet of workbook.worksheets) {
  if (only && sheet.name !== only) continue;
  console.log(`== ${sheet.name}${sheet.state !== 'visible' ? ` (${sheet.state})` : ''}`);
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      let shown = cell.value;
      if (shown instanceof Date) shown = shown.toISOString().slice(0, 10);
      else if (shown && typeof shown === 'object') shown = JSON.stringify(shown);
      console.log(`${sheet.name}!${cell.address}\t${TYPES[cell.type]}\t${String(shown).slice(0, 110)}`);
    });
  });
}

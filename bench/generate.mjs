#!/usr/bin/env node
// Writes N submission workbooks into DIR: 20 exceljs templates, each copied with its own unit code and name.
//
//   node bench/generate.mjs 10000 bench/data/10k
//
// exceljs takes ~10 ms per workbook, so writing 10,000 with it would take minutes. Instead 20 templates
// (different values, item counts, dates) are written with exceljs with placeholder unit code and name; each
// file is a byte copy of a template's zip with only the parts holding a placeholder re-deflated.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSubmission } from './submission.mjs';
import { entryText, readEntries, withText, writeEntries } from './zip-copy.mjs';

const TEMPLATES = 20;
const CODE = '@@UNIT_CODE@@';
const NAME = '@@UNIT_NAME@@';
const PLACES = ['An Bình', 'Hòa Thuận', 'Phú Lộc', 'Tân Phước', 'Đồng Xoài', 'Quảng Điền', 'Nghĩa Hưng', 'Yên Thế', 'Thạch Hà', 'Đức Phổ'];
const KINDS = ['Xã', 'Phường', 'Thị trấn'];

// --distinct: every item names its unit, so that none merges (see submission.mjs).
const distinct = process.argv.includes('--distinct');
const [countArg, dirArg] = process.argv.slice(2).filter((a) => a !== '--distinct');
const count = Number(countArg);
if (!Number.isInteger(count) || count < 1 || !dirArg) {
  console.error('usage: node bench/generate.mjs N DIR [--distinct]');
  process.exit(2);
}
mkdirSync(dirArg, { recursive: true });

const started = performance.now();
const templates = [];
for (let t = 0; t < TEMPLATES; t++) {
  const wb = buildSubmission({ unitCode: CODE, unitName: NAME, seed: t + 1, distinct });
  const entries = readEntries(Buffer.from(await wb.xlsx.writeBuffer()));
  // Only the parts that mention a placeholder change from file to file.
  const patchable = new Map();
  for (const [i, e] of entries.entries()) {
    if (!e.name.endsWith('.xml')) continue;
    const text = entryText(e);
    if (text.includes(CODE) || text.includes(NAME)) patchable.set(i, text);
  }
  if (patchable.size === 0) throw new Error('placeholders not found in the template');
  templates.push({ entries, patchable });
}

for (let n = 1; n <= count; n++) {
  const code = `XA_${String(n).padStart(5, '0')}`;
  const name = `${KINDS[n % KINDS.length]} ${PLACES[n % PLACES.length]} ${n}`;
  const { entries, patchable } = templates[(n - 1) % TEMPLATES];
  const out = entries.map((e, i) => {
    const text = patchable.get(i);
    return text === undefined ? e : withText(e, text.replaceAll(CODE, code).replaceAll(NAME, name));
  });
  writeFileSync(join(dirArg, `${code}.xlsx`), writeEntries(out));
}
const ms = performance.now() - started;
console.log(`wrote ${count} files to ${dirArg} in ${(ms / 1000).toFixed(1)} s`);

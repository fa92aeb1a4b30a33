#!/usr/bin/env node
// The unzip floor of reading (issue 17): for each .xlsx under DIR, read the file and inflate, with CRC check, the
// parts the fast reader reads (workbook, its relationships, shared strings, styles, worksheets), and nothing else.
// What the reader costs beyond this is its XML scanning and cell building.
//
//   node bench/floor.mjs DIR [--runs 3]        (needs a build: npx tsc -p tsconfig.json)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ZipArchive } from '../dist/zip/read.js';
import { readWorkbookFile } from '../dist/readers/index.js';

const [dir, ...rest] = process.argv.slice(2);
const runs = Number(rest[rest.indexOf('--runs') + 1] ?? 3) || 3;
const READ_PART = /^(xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)|_rels\/\.rels)$/;
const files = readdirSync(dir, { recursive: true }).filter((n) => String(n).endsWith('.xlsx')).map((n) => join(dir, String(n))).sort();

function floor() {
  for (const file of files) {
    const zip = ZipArchive.open(readFileSync(file));
    for (const name of zip.names()) if (READ_PART.test(name)) zip.read(name);
  }
}
async function reader() {
  for (const file of files) await readWorkbookFile(file);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const floorMs = [];
const readMs = [];
floor();
await reader(); // warm-up
for (let i = 0; i < runs; i++) {
  let t = performance.now();
  floor();
  floorMs.push(performance.now() - t);
  t = performance.now();
  await reader();
  readMs.push(performance.now() - t);
}
const f = median(floorMs);
const r = median(readMs);
console.log(JSON.stringify({ files: files.length, runs, floorMs: Math.round(f), readMs: Math.round(r), ratio: Number((r / f).toFixed(2)) }));

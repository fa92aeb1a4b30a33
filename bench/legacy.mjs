#!/usr/bin/env node
// What the legacy-text repair (TCVN3, VNI; src/check/legacy-text.ts) costs in `danvan kiemtra`.
//
//   npx tsc -p tsconfig.json && node bench/generate.mjs 10000 bench/data/10k
//   node bench/legacy.mjs bench/data/10k [--runs 3] [--no-cli]
//
// In this thread, for every .xlsx under DIR (sorted): read it with the production reader, then time
// `repairWorkbookText` (detection on every text cell) and `validateWorkbook` separately. The repair time is
// compared with the read+repair+validate time of the same files and with the wall time of the real command
// (`danvan kiemtra DIR --workers 1 --json`, run once per --runs). A second pass times the repair on the same
// workbooks with every text cell re-typed in TCVN3 (encodeTcvn3): the worst case, where every cell converts.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/', import.meta.url);
const { readWorkbookFile } = await import(new URL('readers/index.js', dist).href);
const { repairWorkbookText } = await import(new URL('check/legacy-text.js', dist).href);
const { encodeTcvn3 } = await import(new URL('domain/legacy-encoding.js', dist).href);
const { validateWorkbook } = await import(new URL('validate/submission.js', dist).href);
const { DEFAULT_CATALOGUE } = await import(new URL('domain/catalogue.js', dist).href);

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const withCli = !args.includes('--no-cli');
if (!dir) {
  console.error('usage: node bench/legacy.mjs DIR [--runs 3] [--no-cli]');
  process.exit(2);
}

function listXlsx(d) {
  const out = [];
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const path = join(d, e.name);
    if (e.isDirectory()) out.push(...listXlsx(path));
    else if (e.name.toLowerCase().endsWith('.xlsx')) out.push(path);
  }
  return out.sort();
}

const files = listXlsx(dir);
const books = [];
let readMs = 0;
for (const file of files) {
  const t = performance.now();
  books.push(await readWorkbookFile(file));
  readMs += performance.now() - t;
}
let textCells = 0;
for (const b of books) for (const s of b.sheets) for (const c of s.cells) if (c.value.kind === 'text') textCells++;

function timeRepair(list) {
  let ms = 0;
  let repairs = 0;
  for (const b of list) {
    const t = performance.now();
    repairs += repairWorkbookText(b).repairs.length;
    ms += performance.now() - t;
  }
  return { ms, repairs };
}

// Warm-up, then the best of `runs` passes (the JIT and the caches settle after the first).
timeRepair(books);
let repair = { ms: Infinity, repairs: 0 };
for (let r = 0; r < runs; r++) {
  const one = timeRepair(books);
  if (one.ms < repair.ms) repair = one;
}
let validateMs = 0;
for (const b of books) {
  const t = performance.now();
  validateWorkbook(b, 'x.xlsx', DEFAULT_CATALOGUE);
  validateMs += performance.now() - t;
}

const legacyBooks = books.map((b) => ({
  sheets: b.sheets.map((s) => ({
    name: s.name,
    cells: s.cells.map((c) => (c.value.kind === 'text' ? { ...c, value: { kind: 'text', text: encodeTcvn3(c.value.text) } } : c)),
  })),
}));
timeRepair(legacyBooks);
let legacy = { ms: Infinity, repairs: 0 };
for (let r = 0; r < runs; r++) {
  const one = timeRepair(legacyBooks);
  if (one.ms < legacy.ms) legacy = one;
}

const pct = (part, whole) => `${((part / whole) * 100).toFixed(2)} %`;
console.log(`${files.length} files, ${textCells} text cells`);
console.log(`read ${readMs.toFixed(0)} ms, validate ${validateMs.toFixed(0)} ms, repair ${repair.ms.toFixed(1)} ms (${repair.repairs} repairs; best of ${runs})`);
console.log(`repair per file ${((repair.ms / files.length) * 1000).toFixed(1)} µs; share of read+repair+validate: ${pct(repair.ms, readMs + repair.ms + validateMs)}`);
console.log(`every text cell re-typed in TCVN3: repair ${legacy.ms.toFixed(0)} ms (${legacy.repairs} repairs), ${((legacy.ms / files.length) * 1000).toFixed(0)} µs per file`);

if (withCli) {
  const bin = fileURLToPath(new URL('../bin/danvan.js', import.meta.url));
  const walls = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    const run = spawnSync(process.execPath, [bin, 'kiemtra', dir, '--workers', '1', '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    walls.push(performance.now() - t);
    if (run.status !== 0 && run.status !== 1) throw new Error(`kiemtra failed: ${run.stderr}`);
  }
  walls.sort((a, b) => a - b);
  const median = walls[Math.floor(walls.length / 2)];
  console.log(`kiemtra --workers 1: ${walls.map((w) => (w / 1000).toFixed(2)).join(', ')} s (median ${(median / 1000).toFixed(2)} s)`);
  console.log(`repair share of kiemtra's wall time: ${pct(repair.ms, median)} (Unicode files), ${pct(legacy.ms, median)} if every file were typed in TCVN3`);
}

#!/usr/bin/env node
// End to end: `danvan kiemtra` against `danvan tonghop` on the same generated folders, as a user runs them.
//
//   npx tsc -p tsconfig.json
//   node bench/e2e.mjs [--runs 3] [--pages] [--workers N] 1000 2000 10000 20000
//
// For each size N, bench/data/N is generated if missing (bench/generate.mjs). The two commands then run
// alternately, R times each, in their own processes with Node's default heap, under /usr/bin/time: wall
// time, CPU time (user + system, all threads) and peak RSS. Output goes to a temporary folder (removed);
// --json keeps the terminal out of the measurement. The ratio is taken per pair (tonghop run i / kiemtra
// run i) and its median reported, which holds up better than a ratio of medians on a machine shared with
// other work. --pages renders the last report with LibreOffice to count its pages (slow past ~1,000 pages).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentPages } from './pages.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const bin = join(here, '..', 'bin', 'danvan.js');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const runs = Number(option('--runs', 3));
const workers = option('--workers', undefined);
const pagesIndex = args.indexOf('--pages');
const countPages = pagesIndex >= 0;
if (countPages) args.splice(pagesIndex, 1);
const sizes = (args.length > 0 ? args : ['1000', '2000', '10000', '20000']).map(Number);
if (!existsSync(join(here, '..', 'dist', 'cli', 'main.js'))) {
  console.error('dist/ is missing: run `npx tsc -p tsconfig.json` first');
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** One CLI run under /usr/bin/time: wall s, cpu s, peak RSS MB, exit code. */
function timed(command, dir, out) {
  const extra = command === 'tonghop' ? ['-o', join(out, 'bao-cao.docx'), '--force'] : [];
  const threads = workers ? ['--workers', workers] : [];
  const result = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', process.execPath, bin, command, dir, ...extra, ...threads, '--json'], {
    cwd: out,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const m = /TIME (\S+) (\S+) (\S+) (\d+)/.exec(result.stderr);
  if (!m) throw new Error(`${command} ${dir}: no timing (exit ${result.status})\n${result.stderr.slice(-2000)}`);
  return { code: result.status, wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMB: Number(m[4]) / 1024 };
}

const rows = [];
for (const n of sizes) {
  const dir = join(here, 'data', String(n));
  if (!existsSync(dir) || readdirSync(dir).length !== n) {
    execFileSync(process.execPath, [join(here, 'generate.mjs'), String(n), dir], { stdio: 'inherit' });
  }
  const out = mkdtempSync(join(tmpdir(), 'danvan-bench-e2e-'));
  const k = [];
  const t = [];
  for (let r = 0; r < runs; r++) {
    k.push(timed('kiemtra', dir, out));
    t.push(timed('tonghop', dir, out));
    const last = t[t.length - 1];
    console.error(`${n}: run ${r + 1}: kiemtra ${k[r].wall.toFixed(2)} s, tonghop ${last.wall.toFixed(2)} s (exit ${last.code}), ${last.rssMB.toFixed(0)} MB`);
  }
  let pages;
  if (countPages) pages = documentPages(readFileSync(join(out, 'bao-cao.docx')));
  const size = existsSync(join(out, 'bao-cao.docx')) ? readFileSync(join(out, 'bao-cao.docx')).length : 0;
  rmSync(out, { recursive: true, force: true });
  rows.push({
    files: n,
    kiemtraWall: median(k.map((x) => x.wall)),
    tonghopWall: median(t.map((x) => x.wall)),
    kiemtraCpu: median(k.map((x) => x.cpu)),
    tonghopCpu: median(t.map((x) => x.cpu)),
    ratioWall: median(t.map((x, i) => x.wall / k[i].wall)),
    ratioCpu: median(t.map((x, i) => x.cpu / k[i].cpu)),
    kiemtraRssMB: Math.max(...k.map((x) => x.rssMB)),
    tonghopRssMB: Math.max(...t.map((x) => x.rssMB)),
    tonghopExit: t.map((x) => x.code).join(','),
    docxKB: Math.round(size / 1024),
    pages: pages ?? null,
  });
}
console.log(`| files | kiemtra wall | tonghop wall | tonghop/kiemtra wall | kiemtra CPU | tonghop CPU | tonghop/kiemtra CPU | peak RSS kiemtra | peak RSS tonghop | .docx | pages |`);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(`| ${r.files.toLocaleString('en')} | ${r.kiemtraWall.toFixed(2)} s | ${r.tonghopWall.toFixed(2)} s | ${r.ratioWall.toFixed(2)} | ${r.kiemtraCpu.toFixed(1)} s | ${r.tonghopCpu.toFixed(1)} s | ${r.ratioCpu.toFixed(2)} | ${r.kiemtraRssMB.toFixed(0)} MB | ${r.tonghopRssMB.toFixed(0)} MB | ${r.docxKB.toLocaleString('en')} KB | ${r.pages ?? '—'} |`);
}
console.log(`(medians of ${runs} runs each; the ratios are medians of the per-pair ratios; CPU = user + system, all threads)`);

#!/usr/bin/env node
// `danvan lo` against its promise (issue 8): a batch of J jobs of F files each takes no longer than the slowest job
// run alone × J / workers + start-up.
//
//   npx tsc -p tsconfig.json && node bench/batch.mjs [--jobs 8] [--files 100] [--runs 5] [--workers 1,2]
//
// Each job's folder is made by generate.mjs (bench/data/batch/, git-ignored). Measured, as wall time of the
// CLI (spawned, output to a pipe that is read but not printed), every run in turn so that no variant gets a
// warmer machine than another:
//   - start-up: `danvan --version`;
//   - each job alone: `danvan tonghop <folder> -o … --force --json` (the check on every core, as a user runs it);
//   - the batch: `danvan lo batch.json --json --force --workers W`.
// Figures are medians over the runs; the ratio is the batch's median over its bound.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'danvan.js');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const JOBS = Number(option('jobs', 8));
const FILES = Number(option('files', 100));
const RUNS = Number(option('runs', 5));
const WORKERS = String(option('workers', '1,2')).split(',').map(Number);

const base = join(ROOT, 'bench', 'data', 'batch', `${JOBS}x${FILES}`);
const out = join(base, 'out');
mkdirSync(out, { recursive: true });
const folders = Array.from({ length: JOBS }, (_, j) => join(base, `job-${j + 1}`));
for (const folder of folders) {
  if (existsSync(folder) && readdirSync(folder).filter((n) => n.endsWith('.xlsx')).length === FILES) continue;
  const made = spawnSync(process.execPath, [join(ROOT, 'bench', 'generate.mjs'), String(FILES), folder], { stdio: 'inherit' });
  if (made.status !== 0) process.exit(1);
}
const batchFile = join(base, 'lo.json');
writeFileSync(
  batchFile,
  JSON.stringify({ jobs: folders.map((folder, j) => ({ name: `job-${j + 1}`, inputs: folder, output: join(out, `batch-${j + 1}.docx`) })) }, null, 2),
);

function wall(argv) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [BIN, ...argv], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  // tonghop and lo exit 0 here (every generated file is valid); anything else means the figure is not the job's.
  if (run.status !== 0) throw new Error(`danvan ${argv.join(' ')} exited ${run.status}:\n${run.stderr.slice(0, 2000)}`);
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const samples = { startup: [], alone: folders.map(() => []), batch: new Map(WORKERS.map((w) => [w, []])) };
for (let r = 0; r < RUNS; r += 1) {
  samples.startup.push(wall(['--version']));
  folders.forEach((folder, j) => samples.alone[j].push(wall(['tonghop', folder, '-o', join(out, `alone-${j + 1}.docx`), '--force', '--json'])));
  for (const w of WORKERS) samples.batch.get(w).push(wall(['lo', batchFile, '--json', '--force', '--workers', String(w)]));
  process.stderr.write(`run ${r + 1}/${RUNS} done\n`);
}

const startup = median(samples.startup);
const alone = samples.alone.map(median);
const slowest = Math.max(...alone);
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`${JOBS} jobs × ${FILES} files, ${RUNS} runs, ${cpus().length} CPUs, Node ${process.version}`);
console.log(`start-up (danvan --version), median: ${s(startup)}`);
console.log(`each job alone, medians: ${alone.map(s).join(', ')}; slowest ${s(slowest)}`);
console.log('| workers | batch median | bound (slowest × jobs / workers + start-up) | batch / bound |');
console.log('| --- | --- | --- | --- |');
for (const w of WORKERS) {
  const batch = median(samples.batch.get(w));
  const bound = (slowest * JOBS) / w + startup;
  console.log(`| ${w} | ${s(batch)} | ${s(bound)} | ${(batch / bound).toFixed(2)} |`);
}

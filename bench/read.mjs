#!/usr/bin/env node
// Reads every .xlsx under DIR with the compiled reader and prints throughput, latency and peak memory.
//
//   npx tsc -p tsconfig.json && node bench/read.mjs DIR [--workers N] [--reader fast|exceljs]
//
// Without --workers the files are read in this thread; with --workers N, N worker threads each read a
// contiguous share of the (sorted) file list. Time per file includes reading the bytes from disk.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const readers = await import(new URL('../dist/readers/index.js', import.meta.url).href);

async function readOne(path, kind) {
  if (kind === 'exceljs') return new readers.ExceljsReader().read(readFileSync(path));
  return readers.readWorkbookFile(path);
}

/** Reads the files in order; returns per-file ms and counts. */
async function readAll(files, kind) {
  const times = new Float64Array(files.length);
  let ok = 0;
  let unreadable = 0;
  let cells = 0;
  for (let i = 0; i < files.length; i++) {
    const t = performance.now();
    try {
      const book = await readOne(files[i], kind);
      for (const sheet of book.sheets) cells += sheet.cells.length;
      ok++;
    } catch (error) {
      if (!(error instanceof readers.UnreadableWorkbookError)) throw error;
      unreadable++;
    }
    times[i] = performance.now() - t;
  }
  return { times, ok, unreadable, cells };
}

function listXlsx(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...listXlsx(path));
    else if (e.name.toLowerCase().endsWith('.xlsx')) out.push(path);
  }
  return out.sort();
}

if (!isMainThread) {
  const result = await readAll(workerData.files, workerData.kind);
  parentPort.postMessage(result, [result.times.buffer]);
} else {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const value = args[i + 1];
    args.splice(i, 2);
    return value;
  };
  const workers = Number(option('--workers', '0'));
  const kind = option('--reader', 'fast');
  const dir = args[0];
  if (!dir || !Number.isInteger(workers) || workers < 0 || !['fast', 'exceljs'].includes(kind)) {
    console.error('usage: node bench/read.mjs DIR [--workers N] [--reader fast|exceljs]');
    process.exit(2);
  }
  const files = listXlsx(dir);
  const started = performance.now();
  let results;
  if (workers === 0) {
    results = [await readAll(files, kind)];
  } else {
    const share = Math.ceil(files.length / workers);
    results = await Promise.all(
      Array.from({ length: workers }, (_, w) => {
        const slice = files.slice(w * share, (w + 1) * share);
        return new Promise((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: { files: slice, kind } });
          worker.once('message', resolve);
          worker.once('error', reject);
        });
      }),
    );
  }
  const totalMs = performance.now() - started;
  const times = results.flatMap((r) => Array.from(r.times)).sort((a, b) => a - b);
  const sum = (key) => results.reduce((n, r) => n + r[key], 0);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  // maxRSS covers the whole process, worker threads included (they share it).
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const report = {
    reader: kind,
    workers,
    files: files.length,
    ok: sum('ok'),
    unreadable: sum('unreadable'),
    cells: sum('cells'),
    totalMs: Math.round(totalMs),
    filesPerSecond: Math.round(files.length / (totalMs / 1000)),
    meanMsPerFile: Number((times.reduce((a, b) => a + b, 0) / Math.max(1, times.length)).toFixed(3)),
    medianMsPerFile: Number(at(0.5).toFixed(3)),
    p95MsPerFile: Number(at(0.95).toFixed(3)),
    peakRssMb: Math.round(peakRssMb),
  };
  console.log(JSON.stringify(report));
}

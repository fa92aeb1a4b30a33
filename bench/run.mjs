#!/usr/bin/env node
// `npm run bench`: generates N submissions (default 2000) if needed, then times the readers on them.
//
//   node bench/run.mjs [N]      (needs a build: npx tsc -p tsconfig.json)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const n = Number(process.argv[2] ?? 2000);
const here = fileURLToPath(new URL('.', import.meta.url));
const dir = `${here}data/${n}`;
if (!existsSync(`${here}../dist/readers/index.js`)) {
  console.error('dist/readers/index.js is missing: run `npx tsc -p tsconfig.json` first');
  process.exit(2);
}
if (!existsSync(dir) || readdirSync(dir).length !== n) {
  execFileSync(process.execPath, [`${here}generate.mjs`, String(n), dir], { stdio: 'inherit' });
}
// Each configuration in its own process, so peak RSS is its own.
for (const args of [[], ['--workers', '1'], ['--workers', '2'], ['--reader', 'exceljs']]) {
  execFileSync(process.execPath, [`${here}read.mjs`, dir, ...args], { stdio: 'inherit' });
}

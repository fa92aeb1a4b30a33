#!/usr/bin/env node
// Text functions against their time budget: the wall-clock half of test/unit/text-linear.test.ts and of the
// long-number case of test/unit/cell-values.test.ts, moved here so that a busy machine never fails the suite.
//
//   npx tsc -p tsconfig.json && node bench/linear.mjs [--runs 3]
//
// Each function of the test's list runs on the same 32,000-character runs (spaces, ideographic spaces, dots,
// line breaks…, between words and at the end), best of --runs; the budget is 250 ms per call (a linear pass takes
// well under a millisecond, a backtracking regular expression seconds). Exit 1 when a call is over its budget.
const dist = new URL('../dist/', import.meta.url);
const load = (path) => import(new URL(path, dist).href);
const { cleanText, foldKey, itemKey } = await load('domain/text.js');
const { canonicalAddressee } = await load('domain/addressees.js');
const { parsePeriod } = await load('domain/period.js');
const { escapeMarkup, parseInline, parseMarkup, splitFrontMatter } = await load('document/markup.js');
const { helpers } = await load('render/helpers.js');
const { shown, unreadable } = await load('messages/vi.js');
const { parseVietnameseNumber, readDate, readTextNumber } = await load('validate/cell-values.js');

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const BUDGET_MS = 250;

const RUNS = { 'ideographic spaces': '\u3000', spaces: ' ', 'no-break spaces': '\u00a0', dots: '.', 'dots and spaces': '. ', tabs: '\t', 'line breaks': '\n', parentheses: '(', stars: '*', backslashes: '\\', 'hash signs': '#' };
const FUNCTIONS = {
  cleanText,
  foldKey,
  itemKey,
  canonicalAddressee,
  escapeMarkup,
  'parseInline(escapeMarkup)': (t) => parseInline(escapeMarkup(t)),
  'parseInline(raw)': (t) => parseInline(t),
  parseMarkup: (t) => parseMarkup(t, () => []),
  splitFrontMatter,
  cau: helpers.cau,
  shown,
  parsePeriod,
  parseVietnameseNumber,
  readDate: (t) => readDate({ kind: 'text', text: t }),
  'unreadable.corrupt': (t) => unreadable.corrupt(t, { part: t }),
};

const time = (fn) => {
  let best = Infinity;
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
};

const rows = [];
for (const [runName, ch] of Object.entries(RUNS)) {
  const run = ch.repeat(Math.ceil(32_000 / ch.length));
  const texts = [`Nội dung${run}kết thúc`, `Nội dung${run}`, `${run}x`];
  for (const [name, fn] of Object.entries(FUNCTIONS)) rows.push({ what: `${name} on ${runName}`, ms: Math.max(...texts.map((t) => time(() => fn(t)))) });
}
for (const filler of ['.', ',', '1', '1.', '1,']) rows.push({ what: `readTextNumber on ${JSON.stringify(filler)}×32,000`, ms: time(() => readTextNumber(filler.repeat(32_000) + 'x')) });
rows.push({ what: 'parsePeriod with 4,000 line breaks', ms: time(() => parsePeriod(`6 tháng${'\n'.repeat(4_000)}x`)) });

rows.sort((a, b) => b.ms - a.ms);
const over = rows.filter((r) => r.ms >= BUDGET_MS);
console.log(`${rows.length} calls, best of ${runs}; slowest:`);
for (const r of rows.slice(0, 5)) console.log(`  ${r.ms.toFixed(2).padStart(8)} ms  ${r.what}`);
console.log(over.length ? `${over.length} over the ${BUDGET_MS} ms budget` : `all under the ${BUDGET_MS} ms budget`);
process.exitCode = over.length ? 1 : 0;

// Render benchmark: from aggregated data to .docx bytes for a long report (many units, many items).
// Usage: npm run build && node bench/render.mjs [units=120] [runs=10] [--no-pages]
import { performance } from 'node:perf_hooks';
import { aggregateReport } from '../dist/aggregate/aggregate.js';
import { buildView } from '../dist/render/view.js';
import { builtinTemplatePath, loadTemplate } from '../dist/render/template.js';
import { buildDocModel } from '../dist/document/build.js';
import { writeDocx } from '../dist/writers/docx/index.js';
import { getLayoutProfile } from '../dist/layout/profile.js';
import { defaultConfig } from '../dist/config/load.js';
import { DEFAULT_CATALOGUE } from '../dist/domain/catalogue.js';
import { FIELDS, MODEL_FIELDS, RECOGNITION_LEVELS } from '../dist/domain/fields.js';
import { documentPages } from './pages.mjs';

const units = Number(process.argv[2] ?? 120);
const runs = Number(process.argv[3] ?? 10);

/** Synthetic valid files: every unit reports every figure, three results, a limitation, a task, a model. */
function files() {
  return Array.from({ length: units }, (_, u) => {
    const code = `XA_${String(u + 1).padStart(5, '0')}`;
    const figures = Object.fromEntries(DEFAULT_CATALOGUE.filter((i) => !i.derived).map((i, k) => [i.code, (u * 7 + k * 13) % 500]));
    figures.KN_GQ = Math.min(figures.KN_GQ, figures.KN_TIEP);
    const field = (k) => FIELDS[(u + k) % FIELDS.length];
    const submission = {
      file: `${code}.xlsx`,
      info: { unitCode: code, unitName: `Ban Dân vận Đảng ủy xã số ${u + 1}`, period: '2023-Q1', reportDate: '2023-04-03' },
      figures,
      // Where each figure is, as the check records it (the aggregate traces every total to its cells).
      figureSources: Object.fromEntries(Object.keys(figures).map((c, k) => [c, { cell: `D${k + 3}` }])),
      sheets: {},
      results: [0, 1, 2].map((k) => ({ field: field(k), content: `Tổ chức ${k + 3} hội nghị tuyên truyền, vận động Nhân dân thực hiện chủ trương của Đảng, chính sách, pháp luật của Nhà nước tại xã số ${u + 1}, nội dung ${k}.`, row: 3 + k })),
      limitations: [{ field: field(3), content: `Công tác nắm tình hình Nhân dân ở xã số ${u + 1} có lúc chưa kịp thời.`, cause: 'Cán bộ kiêm nhiệm nhiều việc.', row: 3 }],
      tasks: [{ field: field(4), content: `Tiếp tục triển khai Luật Thực hiện dân chủ ở cơ sở tại xã số ${u + 1}.`, row: 3 }],
      proposals: [{ content: `Đề nghị hỗ trợ kinh phí xây dựng mô hình ở xã số ${u + 1}.`, addressee: 'UBND tỉnh', row: 3 }],
      models: [{ name: `Mô hình “Dân vận khéo” số ${u + 1}`, field: MODEL_FIELDS[u % 4], level: RECOGNITION_LEVELS[u % 5], row: 3 }],
    };
    return { file: submission.file, valid: true, unit: code, period: '2023-Q1', reportDate: '2023-04-03', modifiedMs: 0, unitCell: 'B2', periodCell: 'B4', errors: [], warnings: [], submission };
  });
}

const config = defaultConfig();
const profile = getLayoutProfile('hd36');
const template = loadTemplate(builtinTemplatePath(false));
const input = { period: '2023-Q1', files: files(), catalogue: DEFAULT_CATALOGUE, registry: [] };

const times = [];
const stages = [];
let bytes;
for (let i = 0; i < runs + 1; i += 1) {
  const start = performance.now();
  const model = aggregateReport(input);
  const t1 = performance.now();
  const rendered = template.render(buildView(model, config));
  const t2 = performance.now();
  const doc = buildDocModel(rendered, model, config, 'bench', profile);
  const t3 = performance.now();
  bytes = await writeDocx(doc, profile);
  const t4 = performance.now();
  // The stages between which tonghop yields to a Ctrl-C: the longest is how long an interrupt may wait.
  if (i > 0) stages.push([t1 - start, t2 - t1, t3 - t2, t4 - t3]);
  if (i > 0) times.push(performance.now() - start); // the first run warms the JIT and is not counted
}
times.sort((a, b) => a - b);
// --no-pages: LibreOffice needs a minute for the pages of 2,000 units; the stage times do not.
const pages = process.argv.includes('--no-pages') ? undefined : documentPages(bytes);
console.log(`${units} units, ${(bytes.length / 1024).toFixed(0)} KiB docx${pages ? `, ${pages} pages` : ''}`);
const median = (k) => stages.map((s) => s[k]).sort((a, b) => a - b)[Math.floor(stages.length / 2)].toFixed(0);
console.log(`stages (median ms): aggregate ${median(0)}, template ${median(1)}, document model ${median(2)}, docx ${median(3)}`);
console.log(`aggregate + render + docx: median ${times[Math.floor(times.length / 2)].toFixed(1)} ms, min ${times[0].toFixed(1)} ms over ${runs} runs`);

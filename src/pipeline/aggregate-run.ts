/** The tonghop pipeline: check → aggregate → render → write, usable as a library; the CLI only parses and prints. */
import { resolve } from 'node:path';
import { InputRejectedError, UsageError } from '../diagnostics/errors.js';
import { isFinalReview, parsePeriod, periodSlug, type Period } from '../domain/period.js';
import type { Config } from '../config/schema.js';
import { catalogueOf } from '../config/load.js';
import { checkSubmissions, type CheckReport } from '../check/check.js';
import { discoverInputs } from '../check/discover.js';
import { aggregateReport } from '../aggregate/aggregate.js';
import type { ReportModel } from '../model/report-model.js';
import type { DocModel } from '../model/doc-model.js';
import { buildView } from '../render/view.js';
import { builtinTemplatePath, loadTemplate, type LoadedTemplate } from '../render/template.js';
import { buildDocModel } from '../document/build.js';
import { writeDocx } from '../writers/docx/index.js';
import { getLayoutProfile } from '../layout/profile.js';
import { buildFormWorkbook } from '../form/index.js';
import { OutputPlan } from '../output/plan.js';
import { aggregateAsSubmission } from './aggregate-export.js';
import { readComparison } from './compare.js';

export interface AggregateRequest {
  inputs: readonly string[];
  config: Config;
  /** The file the config was read from, if any: an input, so no output may land on it. */
  configPath?: string | null;
  period?: string;
  /** -o; default "bao-cao-<kỳ>.docx" in the working directory. */
  output?: string;
  /** --template: a user's Handlebars template instead of the built-in one for the period. */
  template?: string;
  /** --xlsx: also write the aggregate as a submission workbook. */
  xlsx?: string;
  /** --compare: an earlier aggregate workbook of the same period a year before. */
  compare?: string;
  force?: boolean;
  strict?: boolean;
  cwd?: string;
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface AggregateOutcome {
  check: CheckReport;
  model: ReportModel;
  doc: DocModel;
  /** Paths written (as given or defaulted), relative to the working directory. */
  output: string;
  xlsx: string | null;
}

/** Refused because of the submissions; carries the check so the caller can show what is wrong with them. */
export class AggregateRejectedError extends InputRejectedError {
  constructor(
    message: string,
    readonly check: CheckReport,
  ) {
    super(message);
  }
}

export function defaultOutputName(periodKey: string): string {
  return `bao-cao-${periodSlug(parsePeriod(periodKey) as Period)}.docx`;
}

export async function runAggregate(request: AggregateRequest): Promise<AggregateOutcome> {
  const cwd = request.cwd ?? process.cwd();
  const config = request.config;
  const profile = getLayoutProfile(config.layout);
  if (!profile) throw new UsageError(`Không có bộ định dạng "${config.layout}".`);
  // Everything that can be refused without reading submissions is refused first: a mistake costs no waiting.
  const userTemplate = request.template ? loadTemplate(resolve(cwd, request.template), request.template) : undefined;
  // Every output of the run, checked together against every input (files found under the input folders
  // included, links resolved) before any submission is read; committed together at the end.
  const discovery = discoverInputs(request.inputs, cwd);
  const plan = new OutputPlan({ cwd, force: request.force ?? false });
  plan.addInputs([...request.inputs, request.template, request.compare, request.configPath]);
  plan.addDiscovered(discovery);
  if (request.output) plan.add('-o', request.output);
  if (request.xlsx) plan.add('--xlsx', request.xlsx);

  const check = await checkSubmissions({ ...request, cwd, discovery });
  if (!check.period || !check.files.some((f) => f.valid)) {
    throw new AggregateRejectedError(
      check.files.length === 0
        ? 'Không có tệp báo cáo (.xlsx) nào để tổng hợp.'
        : 'Không có tệp báo cáo hợp lệ nào để tổng hợp; hãy xem danh sách lỗi ở trên (hoặc chạy "danvan kiemtra").',
      check,
    );
  }
  const invalid = check.files.filter((f) => !f.valid);
  if (request.strict && invalid.length > 0) {
    throw new AggregateRejectedError(`Có ${invalid.length} tệp không hợp lệ; với --strict, danvan không ghi báo cáo.`, check);
  }

  const output = request.output ?? defaultOutputName(check.period);
  if (!request.output) plan.add('-o', output);

  const catalogue = catalogueOf(config);
  const previous = request.compare
    ? await readComparison(request.compare, check.period, { catalogue, maxBytes: config.maxFileMB * 1024 * 1024, cwd })
    : undefined;
  const model = aggregateReport({ period: check.period, files: check.files, catalogue, registry: config.units, previous });

  const template: LoadedTemplate =
    userTemplate ?? loadTemplate(builtinTemplatePath(isFinalReview(parsePeriod(check.period) as Period)), 'mẫu có sẵn');
  const rendered = template.render(buildView(model, config));
  const doc = buildDocModel(rendered, model, config, template.file, profile);
  const docx = await writeDocx(doc, profile);
  const workbook = request.xlsx ? await buildFormWorkbook({ catalogue, content: aggregateAsSubmission(model, config) }) : undefined;

  try {
    plan.write('-o', docx);
    if (request.xlsx && workbook) plan.write('--xlsx', workbook);
    plan.commit();
  } finally {
    plan.discard();
  }
  return { check, model, doc, output, xlsx: request.xlsx ?? null };
}

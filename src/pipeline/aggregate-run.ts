/** The tonghop pipeline: check → aggregate → render → write, usable as a library; the CLI only parses and prints. */
import { resolve } from 'node:path';
import { DanvanError, InputRejectedError, InternalError, UsageError } from '../diagnostics/errors.js';
import { isFinalReview, parsePeriod, periodEndDate, periodName, periodSlug, type Period } from '../domain/period.js';
import type { Config } from '../config/schema.js';
import { catalogueOf } from '../config/load.js';
import { checkSubmissions, internalFailures, type CheckReport } from '../check/check.js';
import { discoverInputs } from '../check/discover.js';
import { isUsed, needsFixing } from '../check/file-result.js';
import { aggregateReport } from '../aggregate/aggregate.js';
import type { ReportModel } from '../model/report-model.js';
import type { DocModel } from '../model/doc-model.js';
import { buildView } from '../render/view.js';
import { chooseTemplates, periodMismatch } from '../render/template-choice.js';
import { buildDocModel } from '../document/build.js';
import { writeDocx } from '../writers/docx/index.js';
import { getLayoutProfile } from '../layout/profile.js';
import { OutputPlan, type OutputPlanOptions } from '../output/plan.js';
import { requireExtension } from '../output/extension.js';
import { aggregateAsSubmission } from './aggregate-export.js';
import { readComparison } from './compare.js';
import { frameGaps } from '../config/frame-gaps.js';
import { requirePdfConverter, stageReportPdf } from './report-pdf.js';
import { msg, pdfMsg, rejectMsg, runMsg, templateMsg } from '../messages/vi.js';

export interface AggregateRequest {
  inputs: readonly string[];
  config: Config;
  /** The config file (null: the embedded default): named in messages, and an input no output may land on. */
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
  /** --doi-chieu: also write the reconciliation workbook (every figure with its cell, every item with its rows). */
  doiChieu?: string;
  /** --pdf: also write the report as PDF (PDF/A-2b where LibreOffice can), for digital signing. */
  pdf?: string;
  force?: boolean;
  /** How the outputs and --force are named in messages, where not as options (a batch job's keys). */
  naming?: OutputPlanOptions['naming'];
  strict?: boolean;
  cwd?: string;
  workers?: number;
  /** A batch job's: the kiemtra command that lists its files' errors, named when it writes nothing because of them. */
  checkCommand?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface AggregateOutcome {
  check: CheckReport;
  model: ReportModel;
  doc: DocModel;
  /** Paths written (as given or defaulted), relative to the working directory. */
  output: string;
  xlsx: string | null;
  doiChieu: string | null;
  pdf: string | null;
  /** Outputs already there with the same bytes, left untouched ("không thay đổi"). */
  unchanged: string[];
  /** Notes about the run as a whole (not about one file), e.g. a frame left to fill. */
  warnings: RunWarning[];
}

export interface RunWarning {
  code: string;
  message: string;
  /** The config keys concerned, where there are some. */
  keys?: string[];
}

/** The frame keys still unfilled, as one warning; none when the config supplies them all. */
export function frameWarnings(config: Config, configPath: string | null): RunWarning[] {
  const gaps = frameGaps(config);
  return gaps.length ? [{ code: 'config.frame-unfilled', message: runMsg.frameGaps(gaps, configPath), keys: gaps.map((g) => g.key) }] : [];
}

/** Refused because of the submissions; carries the check so the caller can show what is wrong with them. */
/**
 * tonghop refused because of the submissions; carries the check, so that the caller can show what is wrong with
 * them, and the catalogue's codes, so that the machine output still lists every indicator (with no value).
 */
export class AggregateRejectedError extends InputRejectedError {
  constructor(
    message: string,
    code: 'no-input' | 'no-valid-file' | 'strict',
    readonly check: CheckReport,
    readonly indicatorCodes: string[],
  ) {
    super(message, code);
    this.known = { check, indicatorCodes };
  }
}


export function defaultOutputName(periodKey: string): string {
  return `bao-cao-${periodSlug(parsePeriod(periodKey) as Period)}.docx`;
}

/** The date a PDF says it was made: the report's (config), else the latest report date of the units, else the period's end. */
function pdfDate(config: Config, model: ReportModel, period: Period): string {
  const iso = (dmy: string) => {
    const [d, m, y] = dmy.split('/');
    return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  };
  if (config.document.date) return iso(config.document.date);
  return model.latestReportDate ?? iso(periodEndDate(period));
}

export async function runAggregate(request: AggregateRequest): Promise<AggregateOutcome> {
  const cwd = request.cwd ?? process.cwd();
  const config = request.config;
  const profile = getLayoutProfile(config.layout);
  if (!profile) throw new UsageError(`Không có bộ định dạng "${config.layout}".`);
  // Everything that can be refused without reading submissions is refused first: a mistake costs no waiting.
  const templates = chooseTemplates(request.template, cwd);
  // An output says what it is: a Word report named .pdf would open nowhere.
  requireExtension(request.output, '.docx', '-o', 'báo cáo Word');
  requireExtension(request.xlsx, '.xlsx', '--xlsx', 'bảng tính Excel theo biểu mẫu');
  requireExtension(request.doiChieu, '.xlsx', '--doi-chieu', 'bảng tính Excel đối chiếu');
  requireExtension(request.pdf, '.pdf', '--pdf', 'bản PDF của báo cáo');
  if (request.pdf) requirePdfConverter();
  // Every output of the run, checked together against every input (files found under the input folders
  // included, links resolved) and against each other before any submission is read; committed together.
  const discovery = discoverInputs(request.inputs, cwd);
  const plan = new OutputPlan({ cwd, force: request.force ?? false, ...(request.naming ? { naming: request.naming } : {}) });
  plan.addInputs([...request.inputs, request.template, request.compare, request.configPath]);
  plan.addDiscovered(discovery);
  if (request.output) plan.add('-o', request.output);
  if (request.xlsx) plan.add('--xlsx', request.xlsx);
  if (request.doiChieu) plan.add('--doi-chieu', request.doiChieu);
  if (request.pdf) plan.add('--pdf', request.pdf);

  const check = await checkSubmissions({ ...request, cwd, discovery });
  const codes = catalogueOf(config).map((i) => i.code);
  const broken = internalFailures(check);
  if (broken.length) {
    // A report that silently lacks a file danvan failed on must never be written.
    const first = broken[0]!;
    throw new InternalError(`${first.file}: ${first.errors.find((e) => e.code === 'internal')!.message}${broken.length > 1 ? ` (và ${broken.length - 1} tệp khác)` : ''}`);
  }
  if (!check.period || !check.files.some(isUsed)) {
    throw check.files.length === 0
      ? new AggregateRejectedError(rejectMsg.noInput(), 'no-input', check, codes)
      : new AggregateRejectedError(rejectMsg.noValidFile(request.checkCommand), 'no-valid-file', check, codes);
  }
  const invalid = check.files.filter(needsFixing);
  if (request.strict && invalid.length > 0) {
    throw new AggregateRejectedError(rejectMsg.strict(invalid.length, request.checkCommand), 'strict', check, codes);
  }

  try {
    const output = request.output ?? defaultOutputName(check.period);
    if (!request.output) plan.add('-o', output);

    const catalogue = catalogueOf(config);
    const previous = request.compare
      ? await readComparison(request.compare, check.period, { catalogue, maxBytes: config.maxFileMB * 1024 * 1024, cwd })
      : undefined;
    // Between the stages of the report, a turn of the event loop: a Ctrl-C (or SIGTERM, SIGHUP) that came during
    // one stage is handled before the next begins, instead of after the whole report (src/runtime/cooperate.ts).
    const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
    await pause();
    const model = aggregateReport({
      period: check.period,
      files: check.files,
      catalogue,
      registry: config.units,
      previous,
      merge: { similarity: config.report.similarity },
      issuer: config.organization.name,
    });

    const period = parsePeriod(check.period) as Period;
    const final = isFinalReview(period);
    const template = templates.forPeriod(final);
    await pause();
    const rendered = template.render(buildView(model, config));
    await pause();
    const doc = buildDocModel(rendered, model, config, template.file, profile);
    await pause();
    const warnings = frameWarnings(config, request.configPath ?? null);
    if (templates.single && periodMismatch(doc.frame.subject.join(' '), final)) {
      warnings.push({ code: 'template.period-mismatch', message: templateMsg.periodMismatch(template.file, periodName(period), final) });
    }
    const docx = await writeDocx(doc, profile);
    // exceljs (~0.3 s of CPU to load) only when a workbook is asked for: the report alone never needs it.
    const workbook = request.xlsx
      ? await (await import('../form/index.js')).buildFormWorkbook({ catalogue, content: aggregateAsSubmission(model, config) })
      : undefined;
    const reconciliation = request.doiChieu
      ? await (await import('../reconcile/workbook.js')).buildReconciliationWorkbook({ model, check, catalogue })
      : undefined;

    let committed;
    try {
      plan.write('-o', docx);
      if (request.xlsx && workbook) plan.write('--xlsx', workbook);
      if (request.doiChieu && reconciliation) plan.write('--doi-chieu', reconciliation);
      if (request.pdf) {
        const { pdfA, substitutes } = await stageReportPdf(plan, '--pdf', request.pdf, docx, pdfDate(config, model, period));
        if (!pdfA) warnings.push({ code: 'pdf.not-pdfa', message: pdfMsg.notPdfA(request.pdf) });
        if (substitutes.length) warnings.push({ code: 'pdf.font-substitute', message: pdfMsg.fontSubstitute(request.pdf, substitutes) });
      }
      committed = plan.commit();
    } finally {
      plan.discard();
    }
    return {
      check,
      model,
      doc,
      output,
      xlsx: request.xlsx ?? null,
      doiChieu: request.doiChieu ?? null,
      pdf: request.pdf ?? null,
      unchanged: committed.unchanged,
      warnings,
    };
  } catch (error) {
    // Refused after the check (an output that exists, a template that fails): --json still says what was checked.
    if (error instanceof DanvanError && !error.known) error.known = { check, indicatorCodes: codes };
    throw error;
  }
}

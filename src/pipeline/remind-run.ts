/** The nhac pipeline: check → who to remind → render the letter → write, usable as a library; the CLI only prints. */
import { resolve } from 'node:path';
import { InternalError, TemplateError, UsageError } from '../diagnostics/errors.js';
import type { Config } from '../config/schema.js';
import { checkSubmissions, internalFailures, type CheckReport } from '../check/check.js';
import { discoverInputs } from '../check/discover.js';
import { parsePeriod, periodSlug, type Period } from '../domain/period.js';
import { getLayoutProfile } from '../layout/profile.js';
import { buildLetterModel } from '../document/build.js';
import type { DocModel } from '../model/doc-model.js';
import { writeDocx } from '../writers/docx/index.js';
import { OutputPlan } from '../output/plan.js';
import { requireExtension } from '../output/extension.js';
import { REMINDER_TEMPLATE, TEMPLATES_DIR, loadTemplate } from '../render/template.js';
import { catalogueOf } from '../config/load.js';
import { buildReminderModel, type ReminderModel } from '../reminder/model.js';
import { buildReminderView } from '../reminder/view.js';
import { readDate } from '../validate/cell-values.js';
import { reminderMsg } from '../messages/vi.js';
import { frameWarnings, type RunWarning } from './aggregate-run.js';
import { join } from 'node:path';


export interface ReminderRequest {
  inputs: readonly string[];
  config: Config;
  configPath?: string | null;
  period?: string;
  /** -o; default "cong-van-don-doc-<kỳ>.docx". */
  output?: string;
  /** --han: the deadline (dd/mm/yyyy), else the config's. */
  deadline?: string;
  template?: string;
  force?: boolean;
  cwd?: string;
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ReminderOutcome {
  check: CheckReport;
  model: ReminderModel;
  /** null when nobody needs reminding: nothing is written. */
  doc: DocModel | null;
  output: string | null;
  /** The letter was already there with the same bytes: left untouched. */
  unchanged: string[];
  warnings: RunWarning[];
}

function deadlineIso(text: string): string {
  const result = readDate({ kind: 'text', text });
  if (!result.ok) throw new UsageError(reminderMsg.badDeadline(text));
  return result.iso;
}

export async function runReminder(request: ReminderRequest): Promise<ReminderOutcome> {
  const cwd = request.cwd ?? process.cwd();
  const config = request.config;
  const profile = getLayoutProfile(config.layout);
  if (!profile) throw new UsageError(`Không có bộ định dạng "${config.layout}".`);
  requireExtension(request.output, '.docx', '-o', 'công văn đôn đốc (tệp Word)');
  const deadlineText = request.deadline ?? config.reminder.deadline;
  const deadline = deadlineText ? deadlineIso(deadlineText) : null;
  // The template is checked before any submission is read: a mistake costs no waiting.
  const template = loadTemplate(request.template ? resolve(cwd, request.template) : join(TEMPLATES_DIR, REMINDER_TEMPLATE), request.template ?? 'mẫu có sẵn');

  // The letter is an output like the report: checked against every input (links resolved) before any
  // submission is read, and committed without replacing a file that appeared meanwhile (output/plan.ts).
  const discovery = discoverInputs(request.inputs, cwd);
  const plan = new OutputPlan({ cwd, force: request.force ?? false });
  plan.addInputs([...request.inputs, request.template, request.configPath]);
  plan.addDiscovered(discovery);
  if (request.output) plan.add('-o', request.output);

  const check = await checkSubmissions({ ...request, cwd, discovery });
  const broken = internalFailures(check);
  if (broken.length) throw new InternalError(`${broken[0]!.file}: ${broken[0]!.errors.find((e) => e.code === 'internal')!.message}`);
  if (!check.period) throw new UsageError(check.files.length ? reminderMsg.noPeriod() : reminderMsg.noFiles());
  const model = buildReminderModel(check, config.units, catalogueOf(config));
  const warnings = frameWarnings(config, request.configPath ?? null);
  if (!deadline) warnings.push({ code: 'reminder.no-deadline', message: reminderMsg.noDeadline() });
  if (!model.hasRegistry) warnings.push({ code: 'reminder.no-registry', message: reminderMsg.noRegistry() });
  if (model.missing.length === 0 && model.toFix.length === 0) return { check, model, doc: null, output: null, unchanged: [], warnings };

  const period = parsePeriod(check.period) as Period;
  const output = request.output ?? `cong-van-don-doc-${periodSlug(period)}.docx`;
  if (!request.output) plan.add('-o', output);

  const rendered = template.render(buildReminderView(model, config, deadline));
  const doc = buildLetterModel(rendered, config, template.file, profile, {
    year: deadline ? Number(deadline.slice(0, 4)) : period.kind === 'Y' ? period.year + 1 : period.year,
    type: config.reminder.type,
    recipients: config.reminder.recipients,
  });
  if (doc.frame.addressees?.length === 0) throw new TemplateError(reminderMsg.noAddressees(template.file));
  let committed;
  try {
    plan.write('-o', await writeDocx(doc, profile));
    committed = plan.commit();
  } finally {
    plan.discard();
  }
  return { check, model, doc, output, unchanged: committed.unchanged, warnings };
}

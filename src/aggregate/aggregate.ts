/** Aggregation: the valid submissions and the check results in, the ReportModel out. Pure: no I/O, no clock. */
import type { Indicator } from '../domain/catalogue.js';
import { MODEL_FIELDS, RECOGNITION_LEVELS } from '../domain/fields.js';
import { itemKey } from '../domain/text.js';
import { orderUnits, unitComparator } from '../domain/units.js';
import { addresseeInText, canonicalAddressee, protocolOrder, routeProposal, withoutAddressee, withoutRequest } from '../domain/addressees.js';
import type { UnitEntry } from '../config/schema.js';
import { isUsed, unitMustFix, type FileResult } from '../check/file-result.js';
import { missingUnits } from '../check/cross-file.js';
import type { Submission } from '../schemas/submission.js';
import type { FigureSource, ItemSource, LimitationItem, ModelSummary, ReportModel, SubmissionStatus, TaskItem, UnitRef } from '../model/report-model.js';
import { SHEET, type SheetKey } from '../domain/form-layout.js';
import { InternalError } from '../diagnostics/errors.js';
import { EXACT_ONLY, addDistinct, gatherAcrossFields, gatherByField, groupBy, mergeItems, type MergeOptions } from './gather.js';
import { ratio, sumIndicators } from './indicators.js';

export { orderUnits };

export interface AggregateInput {
  period: string;
  files: readonly FileResult[];
  catalogue: readonly Indicator[];
  registry: readonly UnitEntry[];
  /** Figures of the same period a year earlier (--compare), with that file's period key. */
  previous?: { period: string; figures: Record<string, number | null> };
  /** How items of several units are merged; exact (up to case and punctuation) by default. */
  merge?: MergeOptions;
  /**
   * The committee that issues the report ("Ban Dân vận Tỉnh ủy"): a proposal addressed to it becomes one of its own
   * tasks, and one addressed to a body below it is kept for the staff, not printed (addressees.ts).
   */
  issuer?: string;
}

function unitOf(submission: Submission, registry: ReadonlyMap<string, UnitEntry>): UnitRef {
  const entry = registry.get(submission.info.unitCode);
  // The registry's name is authoritative: units spell their own names in many ways.
  return { code: submission.info.unitCode, name: entry?.name ?? submission.info.unitName, group: entry?.group ?? '' };
}

function summariseModels(entries: ModelSummary['list']): ModelSummary {
  const matrix = MODEL_FIELDS.map(() => RECOGNITION_LEVELS.map(() => 0));
  for (const entry of entries) matrix[MODEL_FIELDS.indexOf(entry.field)]![RECOGNITION_LEVELS.indexOf(entry.level)]! += 1;
  return {
    total: entries.length,
    byField: MODEL_FIELDS.map((field, i) => ({ field, count: matrix[i]!.reduce((a, b) => a + b, 0) })),
    byLevel: RECOGNITION_LEVELS.map((level, j) => ({ level, count: matrix.reduce((sum, row) => sum + row[j]!, 0) })),
    matrix,
    list: entries,
  };
}

/** Where a row of a unit's file is: its sheet as the file names it, and the row. */
function rowSource(submission: Submission, sheet: SheetKey, row: { row: number; origin?: string }, text: string, detail?: string): ItemSource {
  return {
    unit: submission.info.unitCode,
    file: submission.file,
    sheet: submission.sheets[sheet] ?? SHEET[sheet],
    row: row.row,
    text,
    ...(detail ? { detail } : {}),
    ...(row.origin ? { origin: row.origin } : {}),
  };
}

/** The cells each total adds up, unit by unit in report order; a blank adds nothing and is not listed. */
function figureSources(catalogue: readonly Indicator[], submissions: readonly Submission[]): Record<string, FigureSource[]> {
  const sources: Record<string, FigureSource[]> = {};
  for (const indicator of catalogue) {
    const list: FigureSource[] = (sources[indicator.code] = []);
    if (indicator.derived) continue;
    for (const submission of submissions) {
      const value = submission.figures[indicator.code];
      if (value === null || value === undefined) continue;
      const where = submission.figureSources[indicator.code];
      if (!where?.cell) throw new InternalError(`figure ${indicator.code} of ${submission.file} has a value but no cell`);
      list.push({
        file: submission.file,
        unit: submission.info.unitCode,
        sheet: submission.sheets.figures ?? SHEET.figures,
        cell: where.cell,
        value,
        ...(where.note ? { note: where.note } : {}),
      });
    }
  }
  return sources;
}

export function aggregateReport(input: AggregateInput): ReportModel {
  const registry = new Map(input.registry.map((unit) => [unit.code, unit]));
  const merge = input.merge ?? EXACT_ONLY;
  const validFiles = input.files.filter(isUsed);
  for (const file of validFiles) {
    // The invariant of the check: a valid file is one that yields a submission, and every one not superseded counts.
    if (!file.submission) throw new InternalError(`${file.file} is valid but has no submission`);
  }
  for (const file of input.files) {
    if (file.superseded && file.submission) throw new InternalError(`${file.file} is superseded but still carries its submission`);
  }
  const ordered = orderUnits(
    validFiles.map((f) => ({ ...unitOf(f.submission!, registry), file: f.file, reportDate: f.submission!.info.reportDate, submission: f.submission! })),
    input.registry,
  );
  const submissions = ordered.map((u) => u.submission);
  const refs = ordered.map(({ code, name, group }) => ({ code, name, group }));

  const indicators = sumIndicators(input.catalogue, submissions, input.previous?.figures);
  const sources = figureSources(input.catalogue, submissions);
  const byUnit = ordered.map((u, i) => ({
    unit: refs[i]!,
    // Same order as `indicators`, which follows the catalogue; a unit's own ratio is computed like the total's.
    values: input.catalogue.map(({ code, derived }) => {
      const figure = (key: string) => u.submission.figures[key] ?? null;
      return derived ? ratio(figure(derived.numerator), figure(derived.denominator)) : figure(code);
    }),
  }));

  const each = <T>(pick: (s: Submission) => T[]) =>
    ordered.flatMap((u, i) => pick(u.submission).map((item) => ({ item, unit: refs[i]!, submission: u.submission })));

  const results = gatherByField(
    each((s) => s.results).map(({ item, unit, submission }) => ({
      field: item.field,
      text: item.content,
      unit,
      source: rowSource(submission, 'results', item, item.content),
    })),
    (item) => ({ text: item.text, units: [item.unit], sources: [] }),
    undefined,
    { ...merge, sumCounts: true },
  );
  const limitations = gatherAcrossFields(
    each((s) => s.limitations).map(({ item, unit, submission }) => ({
      field: item.field,
      text: item.content,
      cause: item.cause,
      unit,
      source: rowSource(submission, 'limitations', item, item.content, item.cause),
    })),
    (item): LimitationItem => ({ text: item.text, units: [item.unit], sources: [], causes: [] }),
    (target, item) => addDistinct(target.causes, item.cause),
    merge,
  );
  const issuer = input.issuer ?? '';
  const proposalRows = each((s) => s.proposals).map(({ item, unit, submission }) => {
    const typed = item.addressee || addresseeInText(item.content, issuer);
    const addressee = typed ? canonicalAddressee(typed) : '';
    return {
      text: typed ? withoutAddressee(item.content, [typed, addressee]) : item.content,
      addressee,
      route: issuer ? routeProposal(addressee, issuer) : ('report' as const),
      unit,
      source: rowSource(submission, 'proposals', item, item.content, item.addressee),
    };
  });
  const taskRows = [
    ...each((s) => s.tasks).map(({ item, unit, submission }) => ({
      field: item.field,
      text: item.content,
      deadline: item.deadline,
      unit,
      source: rowSource(submission, 'tasks', item, item.content, item.deadline),
    })),
    // What units ask of the issuer itself is the issuer's to do: one of its tasks, not a proposal to itself.
    // Its own task needs no "Đề nghị" left from the unit's wording ("Đề nghị tổ chức tập huấn" → "Tổ chức tập huấn").
    ...proposalRows.filter((p) => p.route === 'issuer').map((p) => ({ field: 'Khác' as const, text: withoutRequest(p.text), deadline: undefined, unit: p.unit, source: p.source })),
  ];
  const tasks = gatherAcrossFields(
    taskRows,
    (item): TaskItem => ({ text: item.text, units: [item.unit], sources: [], deadlines: [] }),
    (target, item) => addDistinct(target.deadlines, item.deadline),
    merge,
  );

  const groupProposals = (rows: typeof proposalRows) =>
    [...groupBy(rows, (p) => itemKey(p.addressee)).values()]
      .map((group) => ({ addressee: group[0]!.addressee, items: mergeItems(group, (p) => ({ text: p.text, units: [p.unit], sources: [] }), undefined, merge) }))
      // Protocol order; unaddressed last; the same rank in order of first appearance (sort is stable).
      .sort((a, b) => protocolOrder(a.addressee, issuer) - protocolOrder(b.addressee, issuer));
  const proposals = groupProposals(proposalRows.filter((p) => p.route === 'report'));
  const proposalsBelow = groupProposals(proposalRows.filter((p) => p.route === 'below'));

  const models = summariseModels(
    each((s) => s.models).map(({ item, unit, submission }) => ({
      name: item.name,
      field: item.field,
      level: item.level,
      note: item.note ?? '',
      unit,
      source: rowSource(submission, 'models', item, item.name, item.note),
    })),
  );

  return {
    period: input.period,
    indicators,
    sources,
    byUnit,
    results,
    limitations,
    tasks,
    proposals,
    proposalsBelow,
    models,
    status: submissionStatus(input, ordered, registry),
    latestReportDate: ordered.reduce<string | null>((latest, u) => (latest === null || u.reportDate > latest ? u.reportDate : latest), null),
    comparedWith: input.previous?.period ?? null,
  };
}

function submissionStatus(
  input: AggregateInput,
  ordered: readonly (UnitRef & { file: string; reportDate: string })[],
  registry: ReadonlyMap<string, UnitEntry>,
): SubmissionStatus {
  const validCodes = new Set(ordered.map((u) => u.code));
  // The files their units must correct: a file this machine could not open is the staff's to solve, not the unit's.
  const invalid = input.files
    .filter(unitMustFix)
    .map((f) => ({
      file: f.file,
      unit: f.unit,
      // The registry's name, else the name the file gives itself ("Tên đơn vị"), read even from an invalid file.
      name: (f.unit && registry.get(f.unit)?.name) || f.contact?.unitName || null,
      reasons: f.errors.map((e) => (e.sheet && e.cell ? `${e.sheet}!${e.cell}: ${e.message}` : e.message)),
    }));
  // In report order like every other list of units (registry order), not in the order the files were found.
  const compare = unitComparator(input.registry);
  const orderKey = (entry: (typeof invalid)[number]) => ({ code: entry.unit ?? '', name: entry.name ?? entry.file, group: (entry.unit && registry.get(entry.unit)?.group) || '' });
  invalid.sort((a, b) => compare(orderKey(a), orderKey(b)) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // Units that sent nothing; a unit whose file is invalid is listed with its file, not as missing.
  const missing = (missingUnits(input.files, input.registry) ?? []).map(({ code, name, group }) => ({ code, name, group }));
  return {
    valid: ordered.map(({ code, name, group, file, reportDate }) => ({ code, name, group, file, reportDate })),
    invalid,
    missing,
    expected: input.registry.length || new Set([...validCodes, ...input.files.map((f) => f.unit).filter(Boolean)]).size,
    hasRegistry: input.registry.length > 0,
  };
}

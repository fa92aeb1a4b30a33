/**
 * Who a reminder letter (công văn đôn đốc) is for, from a check: the registry units that sent nothing, and the
 * units whose files cannot be used, each with what to fix in a few words. Pure: no I/O.
 */
import type { CheckReport } from '../check/check.js';
import { isUsed, unitMustFix, type FileResult, type IssueOut } from '../check/file-result.js';
import type { UnitEntry } from '../config/schema.js';
import { describeLocation } from '../diagnostics/issue.js';
import { orderUnits } from '../domain/units.js';

export interface UnitToRemind {
  code: string;
  name: string;
  group: string;
}

export interface UnitToFix extends UnitToRemind {
  files: string[];
  /** What to fix, a few words each: "sheet Số liệu, ô D7: "hơn 6 nghìn" không phải là số". */
  problems: string[];
}

export interface ReminderModel {
  period: string;
  /** Registry units with no file at all; empty without a registry. */
  missing: UnitToRemind[];
  /** Units whose files are all invalid (a unit with a usable file is not reminded). */
  toFix: UnitToFix[];
  hasRegistry: boolean;
}

/** At most this many problems per unit in the letter: the unit gets the full list from kiemtra --phan-hoi. */
const PROBLEMS_PER_UNIT = 3;

/** The first clause of a message, with where it is: enough for a letter, the details are in the feedback copy. */
export function shortProblem(issue: IssueOut): string {
  const where = describeLocation(issue);
  const clause = issue.message.split(/;|\.\s/)[0]!.replace(/[.\s]+$/, '');
  return where ? `${where}: ${clause}` : clause;
}

export function buildReminderModel(check: CheckReport, registry: readonly UnitEntry[]): ReminderModel {
  const byCode = new Map(registry.map((u) => [u.code, u]));
  const served = new Set(check.files.filter(isUsed).map((f) => f.unit));
  const invalidByUnit = new Map<string, FileResult[]>();
  for (const file of check.files) {
    if (!unitMustFix(file) || (file.unit && served.has(file.unit))) continue;
    // A file whose unit could not be read is still someone's: it is named by its file.
    const key = file.unit ?? `tệp ${file.file}`;
    invalidByUnit.set(key, [...(invalidByUnit.get(key) ?? []), file]);
  }
  const toFix: UnitToFix[] = [...invalidByUnit].map(([key, files]) => {
    const entry = byCode.get(key);
    const problems = files.flatMap((f) => f.errors).slice(0, PROBLEMS_PER_UNIT).map(shortProblem);
    // A unit outside the registry is named as its file names it ("Tên đơn vị"), never by its code.
    const name = entry?.name ?? files.find((f) => f.contact?.unitName)?.contact?.unitName ?? `tệp ${files[0]!.file}`;
    return { code: entry?.code ?? key, name, group: entry?.group ?? '', files: files.map((f) => f.file), problems };
  });
  return {
    period: check.period ?? '',
    missing: (check.missing ?? []).map(({ code, name, group }) => ({ code, name, group })),
    toFix: orderUnits(toFix, registry),
    hasRegistry: registry.length > 0,
  };
}

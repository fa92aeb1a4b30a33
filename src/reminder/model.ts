/**
 * Who a reminder letter (công văn đôn đốc) is for, from a check: the registry units that sent nothing, and the
 * units whose files cannot be used, each with what to fix in a few words. Pure: no I/O.
 */
import type { CheckReport } from '../check/check.js';
import { isUsed, unitMustFix, type FileResult } from '../check/file-result.js';
import type { UnitEntry } from '../config/schema.js';
import type { Indicator } from '../domain/catalogue.js';
import { parsePeriod, periodName, type Period } from '../domain/period.js';
import { orderUnits } from '../domain/units.js';
import { plainProblems } from './plain-problems.js';

export interface UnitToRemind {
  code: string;
  name: string;
  group: string;
}

export interface UnitToFix extends UnitToRemind {
  files: string[];
  /** What to fix, one plain phrase per kind of problem: "số buổi tuyên truyền, vận động Nhân dân phải ghi bằng số". */
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

export function buildReminderModel(check: CheckReport, registry: readonly UnitEntry[], catalogue: readonly Indicator[]): ReminderModel {
  const period = check.period ? parsePeriod(check.period) : undefined;
  const name = period ? periodName(period as Period) : 'kỳ này';
  const byCode = new Map(registry.map((u) => [u.code, u]));
  const served = new Set(check.files.filter(isUsed).map((f) => f.unit));
  const invalidByUnit = new Map<string, FileResult[]>();
  for (const file of check.files) {
    if (!unitMustFix(file) || (file.unit && served.has(file.unit))) continue;
    // With a registry the letter goes to its units only: a file that belongs to none (an organisation outside it,
    // another organisation's name under a unit's code) is for the staff, as kiemtra lists it.
    if (byCode.size > 0 && !(file.unit && byCode.has(file.unit))) continue;
    // A file whose unit could not be read is still someone's: it is named by its file.
    const key = file.unit ?? `đơn vị gửi tệp “${file.file.split(/[\\/]/).pop()}”`;
    invalidByUnit.set(key, [...(invalidByUnit.get(key) ?? []), file]);
  }
  const toFix: UnitToFix[] = [...invalidByUnit].map(([key, files]) => {
    const entry = byCode.get(key);
    const problems = plainProblems(files.flatMap((f) => f.errors), catalogue, name).slice(0, PROBLEMS_PER_UNIT);
    // A unit outside the registry is named as its file names it ("Tên đơn vị"), never by its code.
    const unitName = entry?.name ?? files.find((f) => f.contact?.unitName)?.contact?.unitName ?? key;
    return { code: entry?.code ?? key, name: unitName, group: entry?.group ?? '', files: files.map((f) => f.file), problems };
  });
  return {
    period: check.period ?? '',
    missing: (check.missing ?? []).map(({ code, name, group }) => ({ code, name, group })),
    toFix: orderUnits(toFix, registry),
    hasRegistry: registry.length > 0,
  };
}

/** Rules that need every file at once: the period being reported, the unit registry, two files of one unit. */
import { SHEET } from '../domain/form-layout.js';
import { parsePeriod, periodKey, periodName, type Period } from '../domain/period.js';
import type { UnitEntry } from '../config/schema.js';
import { orderUnits } from '../domain/units.js';
import { findUnitsByName, findUnitsInFileName, nameAgreement } from '../domain/unit-name.js';
import { msg } from '../messages/vi.js';
import { displayDate } from '../validate/cell-values.js';
import type { FileResult } from './file-result.js';
import { PeriodTieError } from '../diagnostics/errors.js';

/** Month in which a period ends, so that on a tie the later period is preferred (9 tháng over quý II). */
const END_MONTH: Record<Period['kind'], number> = { Q1: 3, Q2: 6, '6T': 6, Q3: 9, '9T': 9, Q4: 12, Y: 12 };

function periodEnd(key: string): number {
  const period = parsePeriod(key) as Period;
  // Cumulative periods rank after the quarter ending with them (6 tháng after quý II).
  const cumulative = period.kind === '6T' || period.kind === '9T' || period.kind === 'Y' ? 1 : 0;
  return period.year * 1000 + END_MONTH[period.kind] * 10 + cumulative;
}

/**
 * The period most units declare: a unit that sent three files of one period counts once, so that it cannot
 * outvote two units of another (a file whose unit is unknown counts for itself). Two periods declared by as many
 * units each cannot be told apart without the user: that is a PeriodTieError (exit 2) naming them, never a silent
 * choice.
 */
export function majorityPeriod(results: readonly FileResult[]): string | null {
  const senders = new Map<string, Set<string>>();
  for (const result of results) {
    if (!result.period) continue;
    const set = senders.get(result.period) ?? new Set<string>();
    set.add(result.unit ? `unit:${result.unit}` : `file:${result.file}`);
    senders.set(result.period, set);
  }
  const counts = new Map([...senders].map(([period, set]) => [period, set.size] as const));
  let bestCount = 0;
  for (const count of counts.values()) bestCount = Math.max(bestCount, count);
  const leaders = [...counts].filter(([, count]) => count === bestCount).map(([key]) => key);
  if (leaders.length > 1) {
    // In time order, so that the message reads naturally.
    const candidates = leaders.sort((a, b) => periodEnd(a) - periodEnd(b));
    throw new PeriodTieError(msg.periodTie(candidates.map((key) => ({ name: periodName(parsePeriod(key)!), key })), bestCount));
  }
  return leaders[0] ?? null;
}

function invalidate(result: FileResult, code: string, cell: string | null, message: string): void {
  result.errors.push({ sheet: cell ? SHEET.info : null, cell, message, code });
  result.valid = false;
  delete result.submission;
}

export function describePeriod(key: string): string {
  const period = parsePeriod(key) as Period;
  return `${periodName(period)} (${key})`;
}

/** Files of another period than the expected one are invalid. */
export function applyPeriodRule(results: FileResult[], expected: string): void {
  for (const result of results) {
    if (result.period && result.period !== expected) {
      invalidate(result, 'period.mismatch', result.periodCell, msg.periodMismatch(periodName(parsePeriod(result.period)!), periodName(parsePeriod(expected)!)));
    }
  }
}

/** The name the file gives itself ("Tên đơn vị"), read even from an invalid file. */
function typedName(result: FileResult): string {
  return result.contact?.unitName ?? result.submission?.info.unitName ?? '';
}

/**
 * A file belongs to a unit by its code and its name together (SPEC §4):
 * - a registry code with the name of another organisation or place is an error naming both, and the file is
 *   nobody's (`unit` null, `typedUnit` the code): it never takes the unit's place, nor makes it "sent";
 * - a code outside the registry whose name names exactly one registry unit is that unit's file (`unit` that code,
 *   `typedUnit` the code typed): counted, with a "lưu ý", when its file name names the same unit too (two signs
 *   agree), else invalid with "mã đơn vị gõ sai, mã đúng là …"; either way the unit has sent;
 * - any other code outside the registry is an error: its name matching several units lists them, an
 *   organisation the registry does not know is told to ask for its addition to the config, with the key to fill.
 */
export function applyRegistryRule(results: FileResult[], registry: readonly UnitEntry[]): void {
  if (registry.length === 0) return;
  const byCode = new Map(registry.map((unit) => [unit.code, unit]));
  for (const result of results) {
    if (!result.unit) continue;
    const name = typedName(result);
    const entry = byCode.get(result.unit);
    if (entry) {
      if (name && nameAgreement(name, entry.name) === 'different') {
        const named = findUnitsByName(name, registry).filter((u) => u !== entry);
        invalidate(result, 'unit.name-mismatch', result.unitCell, msg.unitNameMismatch(entry.code, entry.name, name, named.length === 1 ? named[0] : undefined));
        result.typedUnit = result.unit;
        result.unit = null;
      }
      continue;
    }
    const typed = result.unit;
    const byName = name ? findUnitsByName(name, registry) : [];
    if (byName.length === 1) {
      const unit = byName[0]!;
      const byFile = findUnitsInFileName(result.file, registry);
      if (byFile.length === 0 || (byFile.length === 1 && byFile[0] === unit)) {
        result.typedUnit = typed;
        result.unit = unit.code;
        if (byFile[0] === unit) {
          if (result.submission) result.submission.info.unitCode = unit.code;
          result.warnings.push({ sheet: SHEET.info, cell: result.unitCell, code: 'unit.code-corrected', message: msg.unitCodeCorrected(typed, unit.code, unit.name) });
        } else {
          invalidate(result, 'unit.code-mistyped', result.unitCell, msg.unitCodeMistyped(typed, unit.code, unit.name));
        }
        continue;
      }
    }
    invalidate(result, 'unit.not-in-registry', result.unitCell, msg.unitNotInRegistry(typed, name, byName));
  }
}

const names = new Intl.Collator('vi', { numeric: true });

/**
 * Names in the order people version files: "v2" before "v10", and a browser's re-download "HND (1).xlsx" after
 * "HND.xlsx", "HND (2).xlsx" after that.
 */
function compareVersionNames(a: string, b: string): number {
  const parts = (name: string) => {
    const m = /^(.*?)(?: \((\d+)\))?(\.[^./\\]*)?$/.exec(name)!;
    return { base: `${m[1]}${m[3] ?? ''}`, copy: Number(m[2] ?? 0) };
  };
  const pa = parts(a);
  const pb = parts(b);
  return names.compare(pa.base, pb.base) || pa.copy - pb.copy || (a < b ? -1 : a > b ? 1 : 0);
}

/** Newer first: the later "Ngày báo cáo" when both files have one, else the later modified file, else the later name. */
function newerFirst(a: FileResult, b: FileResult): number {
  if (a.reportDate && b.reportDate && a.reportDate !== b.reportDate) return b.reportDate.localeCompare(a.reportDate);
  return b.modifiedMs - a.modifiedMs || compareVersionNames(b.file, a.file);
}

/**
 * Several files of one unit for the period (SPEC §6): the unit's newest file is its report — the later
 * "Ngày báo cáo", then the later modified file, then the later name — and every other file of the unit is
 * superseded: not used, and not an error to fix, whether it was valid or not (a unit that sent a corrected file
 * is done). When the newest file has errors, the unit's figures wait for it to be corrected: an older valid file
 * is not counted in its place, since the unit has replaced it. A file of another period is superseded by the
 * unit's file of the period, when there is one (a period typed wrong, then corrected in a newer file).
 */
export function applyDuplicateRule(results: FileResult[]): void {
  const rightPeriod = (f: FileResult) => !f.errors.some((e) => e.code === 'period.mismatch');
  const byUnit = new Map<string, FileResult[]>();
  for (const result of results) {
    if (!result.unit) continue;
    const group = byUnit.get(result.unit) ?? [];
    group.push(result);
    byUnit.set(result.unit, group);
  }
  for (const group of byUnit.values()) {
    if (group.length < 2) continue;
    // A file of the period, when the unit sent one, is its report whatever the dates of its files of other periods.
    const pool = group.some(rightPeriod) ? group.filter(rightPeriod) : group;
    // The newest by a pairwise comparison from a fixed order, so that the choice never depends on the input order.
    const byName = [...pool].sort((a, b) => compareVersionNames(a.file, b.file));
    const used = byName.reduce((best, file) => (newerFirst(file, best) < 0 ? file : best));
    const others = group.filter((file) => file !== used).sort((a, b) => Number(!rightPeriod(a)) - Number(!rightPeriod(b)) || newerFirst(a, b));
    const runnerUp = others[0]!;
    const whyOver = (other: FileResult) => {
      if (rightPeriod(used) && !rightPeriod(other)) return msg.rightPeriod();
      const sameDate = !!used.reportDate && used.reportDate === other.reportDate;
      return used.reportDate && other.reportDate && !sameDate
        ? msg.laterReportDate(displayDate(used.reportDate))
        : used.modifiedMs !== other.modifiedMs
          ? msg.laterFile(sameDate)
          : msg.laterName(sameDate);
    };
    const why = whyOver(runnerUp);
    for (const other of others) {
      const reason = whyOver(other);
      other.superseded = { by: used.file, reason };
      const message = used.valid ? msg.supersededBy(used.file, reason) : msg.supersededByInvalid(used.file, reason);
      other.warnings.push({ sheet: SHEET.info, cell: other.unitCell, code: 'unit.superseded', message });
      delete other.submission;
    }
    const note = used.valid ? msg.supersedes(others.map((o) => o.file), why) : msg.supersedesWhileInvalid(others.map((o) => o.file), why);
    used.warnings.push({ sheet: SHEET.info, cell: used.unitCell, code: 'unit.duplicate', message: note });
  }
}

export function resolvePeriod(results: readonly FileResult[], requested?: string): string | null {
  if (requested) return periodKey(parsePeriod(requested)!);
  return majorityPeriod(results);
}

/**
 * Units of the registry that sent no file at all for the period (a unit whose file is invalid has sent, and is
 * told what to fix instead), in report order; null without a registry, since then nobody is expected.
 */
export function missingUnits(results: readonly FileResult[], registry: readonly UnitEntry[]): UnitEntry[] | null {
  if (registry.length === 0) return null;
  const sent = new Set(results.map((r) => r.unit).filter((code): code is string => code !== null));
  return orderUnits(registry.filter((unit) => !sent.has(unit.code)), registry);
}

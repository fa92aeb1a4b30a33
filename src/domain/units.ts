/**
 * The order in which units are listed everywhere (report lists and appendices, the reminder letter, kiemtra and
 * its --json, tong-hop-kiem-tra.xlsx): protocol order, which is the registry's own order, the Mặt trận before
 * the organisations after it however their names sort; without a registry, names the Vietnamese way.
 */
import type { UnitEntry } from '../config/schema.js';
import { compareVietnamese } from './text.js';

interface Orderable {
  code: string;
  name: string;
  group: string;
}

/**
 * A comparison of units in report order: the registry's groups in the order the registry first names them, and
 * within a group the registry's order (a unit listed later in its group's block stays in its block); units the
 * registry does not hold come after those it holds, by name in Vietnamese alphabetical order (Ă after A, Đ after D),
 * then by code. Without a registry: names in Vietnamese alphabetical order, then codes.
 */
export function unitComparator(registry: readonly UnitEntry[]): (a: Orderable, b: Orderable) => number {
  const groupRank = new Map<string, number>();
  for (const entry of registry) if (!groupRank.has(entry.group)) groupRank.set(entry.group, groupRank.size);
  const position = new Map(registry.map((entry, i) => [entry.code, i] as const));
  const outside = registry.length;
  return (a, b) => {
    const pa = position.get(a.code) ?? outside;
    const pb = position.get(b.code) ?? outside;
    const ga = pa < outside ? groupRank.get(registry[pa]!.group)! : groupRank.size;
    const gb = pb < outside ? groupRank.get(registry[pb]!.group)! : groupRank.size;
    return ga - gb || pa - pb || compareVietnamese(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  };
}

/** Units in report order (see unitComparator); a new array, the input untouched. */
export function orderUnits<T extends Orderable>(units: readonly T[], registry: readonly UnitEntry[]): T[] {
  return [...units].sort(unitComparator(registry));
}

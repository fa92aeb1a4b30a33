/** The order in which units are listed everywhere: the registry's groups, then names the Vietnamese way. */
import type { UnitEntry } from '../config/schema.js';
import { compareVietnamese } from './text.js';

interface Orderable {
  code: string;
  name: string;
  group: string;
}

/**
 * Units in report order: registry groups in the order the registry first names them, then names in
 * Vietnamese alphabetical order; without a registry, names alone.
 */
export function orderUnits<T extends Orderable>(units: readonly T[], registry: readonly UnitEntry[]): T[] {
  const groupRank = new Map<string, number>();
  for (const entry of registry) if (!groupRank.has(entry.group)) groupRank.set(entry.group, groupRank.size);
  return [...units].sort(
    (a, b) =>
      (groupRank.get(a.group) ?? groupRank.size) - (groupRank.get(b.group) ?? groupRank.size) ||
      compareVietnamese(a.name, b.name) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}


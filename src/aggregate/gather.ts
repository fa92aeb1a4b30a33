/** Gathers the text items of all units, merging the same item sent by several units into one that names them all. */
import { FIELDS, FIELD_HEADINGS, FIELD_IDS, type Field } from '../domain/fields.js';
import { itemKey } from '../domain/text.js';
import { SimilarIndex, signature } from './similar.js';
import type { FieldGroup, GatheredItem, ItemSource, UnitRef } from '../model/report-model.js';

export interface SourcedItem {
  text: string;
  unit: UnitRef;
  /** The row it was read from; every merged item keeps all of its rows. */
  source: ItemSource;
}

/** How alike two items must be to be one (similar.ts); 1 merges only texts equal up to case and punctuation. */
export interface MergeOptions {
  similarity: number;
}

export const EXACT_ONLY: MergeOptions = { similarity: 1 };

/**
 * Items in the order given (units in report order, rows within a unit). An item already said by an earlier
 * unit — the same text ignoring case, spaces and punctuation, or (below a similarity of 1) the same meaning in
 * other words, as similar.ts measures it — gains the later unit instead of being repeated; the merged item
 * keeps the first unit's wording. `extend` carries a sheet's extra column (causes, deadlines) into it.
 */
export function mergeItems<S extends SourcedItem, T extends GatheredItem>(
  items: readonly S[],
  create: (item: S) => T,
  extend: (target: T, item: S) => void = () => {},
  options: MergeOptions = EXACT_ONLY,
): T[] {
  const byKey = new Map<string, T>();
  const similar = options.similarity < 1 ? new SimilarIndex<T>(options.similarity) : undefined;
  // The unit codes of each merged item, so that adding a unit costs the same for the 2nd unit as the 10,000th.
  const codesOf = new Map<T, Set<string>>();
  const list: T[] = [];
  for (const item of items) {
    const key = itemKey(item.text);
    let target = byKey.get(key);
    if (!target) {
      const sig = similar ? signature(item.text) : undefined;
      target = sig ? similar!.find(sig) : undefined;
      if (!target) {
        target = create(item);
        list.push(target);
        if (sig) similar!.add(sig, target);
      }
      byKey.set(key, target);
    }
    let codes = codesOf.get(target);
    if (!codes) {
      codes = new Set(target.units.map((u) => u.code));
      codesOf.set(target, codes);
    }
    if (!codes.has(item.unit.code)) {
      codes.add(item.unit.code);
      target.units.push(item.unit);
    }
    target.sources.push(item.source);
    extend(target, item);
  }
  return list;
}

/** Splits items by a key, keeping the order in which each key first appears. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** One group per field of SPEC §3, in that order, each with its merged items (possibly none). */
export function gatherByField<S extends SourcedItem & { field: Field }, T extends GatheredItem>(
  items: readonly S[],
  create: (item: S) => T,
  extend?: (target: T, item: S) => void,
  options: MergeOptions = EXACT_ONLY,
): FieldGroup<T>[] {
  const byField = groupBy(items, (item) => item.field);
  return FIELDS.map((field) => ({
    id: FIELD_IDS[field],
    field,
    heading: FIELD_HEADINGS[field],
    items: mergeItems(byField.get(field) ?? [], create, extend, options),
  }));
}

/** The keys of a list filled by addDistinct, so that each addition is one lookup, not a pass over the list. */
const distinctKeys = new WeakMap<string[], Set<string>>();

/** Adds a text to a list unless the same text (ignoring case, spaces, punctuation) is already there. */
export function addDistinct(list: string[], text: string | undefined): void {
  if (!text) return;
  let keys = distinctKeys.get(list);
  if (!keys) distinctKeys.set(list, (keys = new Set(list.map(itemKey))));
  const key = itemKey(text);
  if (keys.has(key)) return;
  keys.add(key);
  list.push(text);
}

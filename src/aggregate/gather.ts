/** Gathers the text items of all units, merging the same item sent by several units into one that names them all. */
import { FIELDS, FIELD_HEADINGS, FIELD_IDS, type Field } from '../domain/fields.js';
import { itemKey } from '../domain/text.js';
import { SimilarIndex, signature } from './similar.js';
import { additiveShape, withSums, type AdditiveShape } from './additive.js';
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
  /**
   * Whether items that differ only in their counts ("cho 45 cán bộ", "cho 60 cán bộ") are one item whose counts are
   * summed (additive.ts). Results only: a limitation or a task carries no count to add.
   */
  sumCounts?: boolean;
}

export const EXACT_ONLY: MergeOptions = { similarity: 1 };

/** A merged item's summed counts, while it is being gathered. */
interface CountSums {
  shape: AdditiveShape;
  /** The first unit's wording, in which the sums are written. */
  text: string;
  sums: number[];
  decimals: number[];
  /** Rows whose counts were added. */
  rows: number;
  /** Whether two rows gave different counts: the same text with the same counts is one item as said (see below). */
  varied: boolean;
}

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
  const counted = new Map<T, CountSums>();
  for (const item of items) {
    // With counts to add, an item is known by its wording without them: "cho # cán bộ".
    const shape = options.sumCounts ? additiveShape(item.text) : undefined;
    const wording = shape && shape.slots.length > 0 ? shape.template : item.text;
    const key = itemKey(wording);
    let target = byKey.get(key);
    if (!target) {
      const sig = similar ? countSignature(wording, shape) : undefined;
      target = sig ? similar!.find(sig) : undefined;
      if (!target) {
        target = create(item);
        list.push(target);
        if (sig) similar!.add(sig, target);
        if (shape && shape.slots.length > 0) {
          counted.set(target, { shape, text: item.text, sums: shape.slots.map(() => 0), decimals: shape.slots.map((s) => s.decimals), rows: 0, varied: false });
        }
      }
      byKey.set(key, target);
    }
    const sums = counted.get(target);
    if (sums && shape && shape.slots.length === sums.sums.length) {
      if (shape.slots.some((slot, k) => slot.value !== sums.shape.slots[k]!.value)) sums.varied = true;
      shape.slots.forEach((slot, k) => {
        sums.sums[k]! += slot.value;
        sums.decimals[k] = Math.max(sums.decimals[k]!, slot.decimals);
      });
      sums.rows += 1;
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
  // Counts are summed only where units gave different ones: the very same sentence from several units is one item,
  // as it always was (a joint event reported by each of its organisers must not be counted twice).
  for (const [target, sums] of counted) {
    if (sums.rows < 2 || !sums.varied) continue;
    target.text = withSums(sums.text, sums.shape, sums.sums, sums.decimals);
    target.summed = { values: sums.sums, nouns: sums.shape.slots.map((s) => s.noun) };
  }
  return list;
}

/** The similarity signature of an item's wording; its counting nouns must match too, in order ("# cán bộ" is not "# hộ"). */
function countSignature(wording: string, shape: AdditiveShape | undefined) {
  const sig = signature(wording);
  if (shape && shape.slots.length > 0) sig.numbers += ` #${shape.slots.map((s) => s.noun).join('#')}`;
  return sig;
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

/**
 * One group per field, like gatherByField, but an item is merged across fields: units tag the same limitation or
 * task with different fields, and the report says it once. Each merged item stands in the field most of its rows
 * were tagged with (the earliest such field on a tie), so that the --xlsx form and the appendix still have a field.
 */
export function gatherAcrossFields<S extends SourcedItem & { field: Field }, T extends GatheredItem>(
  items: readonly S[],
  create: (item: S) => T,
  extend?: (target: T, item: S) => void,
  options: MergeOptions = EXACT_ONLY,
): FieldGroup<T>[] {
  const tags = new Map<T, Map<Field, number>>();
  const merged = mergeItems(items, create, (target, item) => {
    extend?.(target, item);
    const count = tags.get(target) ?? new Map<Field, number>();
    count.set(item.field, (count.get(item.field) ?? 0) + 1);
    tags.set(target, count);
  }, options);
  const byField = groupBy(merged, (target) => {
    let best: Field = FIELDS[FIELDS.length - 1]!;
    let most = 0;
    for (const field of FIELDS) {
      const n = tags.get(target)?.get(field) ?? 0;
      if (n > most) [best, most] = [field, n];
    }
    return best;
  });
  return FIELDS.map((field) => ({ id: FIELD_IDS[field], field, heading: FIELD_HEADINGS[field], items: byField.get(field) ?? [] }));
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

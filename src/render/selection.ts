/**
 * How the report keeps a readable length whatever the number of units, as a careful writer would: the most
 * widely reported items of each field in the body (the rest in an appendix), a merged item's units named while
 * few and counted by group beyond, and the units that sent told by group when they are many.
 */
import type { Config, UnitEntry } from '../config/schema.js';
import type { FieldGroup, GatheredItem, LimitationItem, ProposalGroup, ReportModel, TaskItem, UnitRef } from '../model/report-model.js';
import { inSentence, joinList } from './format.js';
import { isWhitespace, trimEndWhere } from '../domain/text.js';

export type ReportSettings = Config['report'];

/**
 * The items a field shows: all of them while they fit, else the `cap` most widely reported (by number of units),
 * in that order; `rest` keeps the others, in their order, for the appendix. Among items reported by as many units,
 * the groups of the registry take turns (each group's first such item, then each one's second…), so that no group
 * loses all its items because it comes last in the registry.
 */
export function selectItems<T extends GatheredItem>(items: readonly T[], cap: number): { shown: T[]; rest: T[] } {
  if (items.length <= cap) return { shown: [...items], rest: [] };
  const turn = new Map<string, number>();
  const ranked = items
    .map((item, order) => {
      const key = `${item.units.length}\u0000${item.units[0]?.group ?? ''}`;
      const round = turn.get(key) ?? 0;
      turn.set(key, round + 1);
      return { item, order, round };
    })
    .sort((a, b) => b.item.units.length - a.item.units.length || a.round - b.round || a.order - b.order);
  const kept = new Set(ranked.slice(0, cap).map((r) => r.order));
  return { shown: ranked.slice(0, cap).map((r) => r.item), rest: items.filter((_, i) => !kept.has(i)) };
}

/**
 * How many items each field of a part may show: `itemsPerField`, lowered while the fields together would show
 * more than `itemsPerPart` — the largest k with Σ min(items of the field, k) ≤ itemsPerPart, so that a field with
 * few items keeps them all and the big fields share the rest evenly (at least 1 each).
 */
export function fieldCap(sizes: readonly number[], settings: ReportSettings): number {
  const shown = (k: number) => sizes.reduce((sum, n) => sum + Math.min(n, k), 0);
  if (shown(settings.itemsPerField) <= settings.itemsPerPart) return settings.itemsPerField;
  let low = 1;
  let high = settings.itemsPerField;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (shown(mid) <= settings.itemsPerPart) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** How a group of the registry counts its units: the config's word, else the group's name without "Các". */
export function groupNoun(group: string, settings: ReportSettings): string {
  const configured = settings.groupNouns[group];
  if (configured) return configured;
  if (!group) return 'đơn vị';
  const m = /^các\s+(.+)$/iu.exec(group.trim());
  // Inside a sentence a group's name keeps only the capitals of a name: "đơn vị thuộc lực lượng vũ trang", but
  // "… thuộc Mặt trận Tổ quốc".
  return m ? m[1]!.toLocaleLowerCase('vi') : `đơn vị thuộc ${inSentence(group)}`;
}

/** "18 đảng ủy xã, phường; 4 đơn vị thuộc Mặt trận…": units counted by group, groups in order of first appearance. */
function countByGroup(units: readonly UnitRef[], settings: ReportSettings): string {
  const counts = new Map<string, number>();
  for (const unit of units) counts.set(unit.group, (counts.get(unit.group) ?? 0) + 1);
  const parts = [...counts].map(([group, n]) => `${n} ${groupNoun(group, settings)}`);
  return parts.join(parts.some((p) => p.includes(',')) ? '; ' : ', ');
}

/** Who said an item, for its parenthesis: the units' names while they are few, else how many of each group. */
export function attribution(units: readonly UnitRef[], settings: ReportSettings): string {
  return units.length <= settings.namesUpTo ? units.map((u) => u.name).join(', ') : countByGroup(units, settings);
}

/**
 * A limitation's causes next to it: one cause as it is; several, each as its own sentence with the units that
 * gave it ("Thiếu kinh phí (Huyện ủy A, Huyện ủy B). Cán bộ kiêm nhiệm (Tỉnh đoàn)"): units write their causes
 * as sentences, often with semicolons inside, so a sentence each keeps them apart.
 */
export function causesText(item: LimitationItem, units: ReadonlyMap<string, UnitRef>, settings: ReportSettings): string {
  if (item.causes.length <= 1) return item.causes[0] ?? '';
  const byCause = new Map<string, UnitRef[]>();
  const key = (text: string) => text.toLocaleLowerCase('vi').replace(/[\p{P}\s]+/gu, ' ').trim();
  const canonical = new Map(item.causes.map((c) => [key(c), c]));
  for (const source of item.sources) {
    if (!source.detail) continue;
    const cause = canonical.get(key(source.detail));
    const unit = units.get(source.unit);
    if (!cause || !unit) continue;
    const list = byCause.get(cause) ?? [];
    if (!list.some((u) => u.code === unit.code)) list.push(unit);
    byCause.set(cause, list);
  }
  // The closing dots dropped by a loop: /[\s.;]+$/ backtracks on a cause of 32,000 dots.
  return item.causes.map((cause) => `${trimEndWhere(cause, (c) => c === 0x2e || c === 0x3b || isWhitespace(c))} (${attribution(byCause.get(cause) ?? [], settings)})`).join('. ');
}

/**
 * The units that sent, for the closing part of the report: their names while they are few, else by group with
 * the registry's count ("28/30 đảng ủy xã, phường; 12/12 …").
 */
export function validUnitsText(valid: readonly UnitRef[], registry: readonly UnitEntry[], settings: ReportSettings, unitAppendix: string): string {
  if (valid.length <= settings.unitListUpTo) return joinList(valid.map((u) => u.name));
  // Without a registry there are no groups to count by: the appendix of the units' figures names them all.
  if (registry.length === 0) return `danh sách tại Phụ lục ${unitAppendix}`;
  const expected = new Map<string, number>();
  for (const unit of registry) expected.set(unit.group, (expected.get(unit.group) ?? 0) + 1);
  const got = new Map<string, number>();
  for (const unit of valid) got.set(unit.group, (got.get(unit.group) ?? 0) + 1);
  const parts = [...expected].map(([group, n]) => `${got.get(group) ?? 0}/${n} ${groupNoun(group, settings)}`);
  return parts.join('; ');
}

/** Items most widely reported first; among equals, the order they came in. */
export function byReach<T extends GatheredItem>(items: readonly T[]): T[] {
  return items.map((item, order) => ({ item, order })).sort((a, b) => b.item.units.length - a.item.units.length || a.order - b.order).map((r) => r.item);
}

export interface Picked<T> {
  shown: T[];
  rest: T[];
}

/**
 * What the body shows and what it leaves to the appendix of other items, decided once for the view and for the
 * appendix so that the two always agree. Results by field (each field a section); limitations and tasks as one
 * list each, most widely reported first (units tag the same limitation with different fields); proposals by
 * addressee.
 */
export interface BodySelection {
  results: (Picked<GatheredItem> & { group: FieldGroup })[];
  limitations: Picked<LimitationItem>;
  tasks: Picked<TaskItem>;
  proposals: (Picked<GatheredItem> & { group: ProposalGroup })[];
}

export function bodySelection(model: ReportModel, settings: ReportSettings): BodySelection {
  const resultCap = fieldCap(model.results.map((g) => g.items.length), settings);
  const proposalCap = fieldCap(model.proposals.map((g) => g.items.length), settings);
  // A list of its own is a part: at most itemsPerField items, as many as a field of results may show.
  const listCap = settings.itemsPerField;
  return {
    results: model.results.map((group) => ({ group, ...selectItems(group.items, resultCap) })),
    limitations: selectItems(byReach(model.limitations.flatMap((g) => g.items)), listCap),
    tasks: selectItems(byReach(model.tasks.flatMap((g) => g.items)), listCap),
    proposals: model.proposals.map((group) => ({ group, ...selectItems(group.items, proposalCap) })),
  };
}

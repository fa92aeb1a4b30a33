/**
 * ReportModel: everything the report says, as plain data — the aggregate of the valid submissions plus the
 * status of every unit. Pure output of aggregation; templates read it, nothing in it is formatted yet.
 */
import type { Field, ModelField, RecognitionLevel } from '../domain/fields.js';
import type { IndicatorAggregation, IndicatorKind } from '../domain/catalogue.js';

export interface UnitRef {
  code: string;
  name: string;
  group: string;
}

export interface IndicatorTotal {
  code: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
  aggregation: IndicatorAggregation;
  /** Sum over the units that reported it; null when no unit did. For a derived indicator, the recomputed ratio (%). */
  total: number | null;
  /** How many valid units filled it in (a blank is not a 0). */
  reported: number;
  /** Valid units in all, for "n/m đơn vị báo cáo". */
  of: number;
  derived: boolean;
  /** With --compare: the same period a year earlier, and the change. */
  previous: number | null;
  change: Change | null;
}

export interface Change {
  direction: 'up' | 'down' | 'same';
  /** Percentage change against the previous figure; null when the previous figure was 0. */
  percent: number | null;
  /** Absolute difference. */
  delta: number;
}

/** One cell that a total adds up: the value a unit entered, and where it is in that unit's file. */
export interface FigureSource {
  file: string;
  unit: string;
  /** The sheet's name as the file spells it. */
  sheet: string;
  /** A1 address of the "Kỳ này" cell. */
  cell: string;
  value: number;
  /** The unit's note on this figure (Ghi chú), if any. */
  note?: string;
}

/** One row of a unit's file that an item of the report comes from. */
export interface ItemSource {
  unit: string;
  file: string;
  sheet: string;
  row: number;
  /** The row's text as the unit wrote it (the item may show another unit's wording of the same thing). */
  text: string;
  /** The row's second column as written: a limitation's cause, a task's deadline, a proposal's addressee. */
  detail?: string;
  /** For a row of an aggregate (a roll-up from the level below): the units it came from there. */
  origin?: string;
}

/** An item said by one or more units, with who said it (the same text from several units is one item). */
export interface GatheredItem {
  text: string;
  units: UnitRef[];
  /** Every row this item was gathered from, in report order of units. */
  sources: ItemSource[];
  /**
   * When units reported the same result with different counts: the sums written into `text`, one per counted
   * number, with their nouns ("cán bộ", "suất quà"). Absent when nothing was summed.
   */
  summed?: { values: number[]; nouns: string[] };
}

export interface LimitationItem extends GatheredItem {
  causes: string[];
}

export interface TaskItem extends GatheredItem {
  deadlines: string[];
}

export interface FieldGroup<T extends GatheredItem = GatheredItem> {
  id: string;
  field: Field;
  heading: string;
  items: T[];
}

export interface ProposalGroup {
  /** "Ban Thường vụ Tỉnh ủy"; "" for proposals with no addressee. */
  addressee: string;
  items: GatheredItem[];
}

export interface ModelEntry {
  name: string;
  field: ModelField;
  level: RecognitionLevel;
  note: string;
  unit: UnitRef;
  source: ItemSource;
}

export interface ModelSummary {
  total: number;
  byField: { field: ModelField; count: number }[];
  byLevel: { level: RecognitionLevel; count: number }[];
  /** count[fieldIndex][levelIndex] */
  matrix: number[][];
  list: ModelEntry[];
}

export interface InvalidFile {
  file: string;
  /** Unit code when it could be read. */
  unit: string | null;
  name: string | null;
  reasons: string[];
}

export interface SubmissionStatus {
  /** Units whose valid file was aggregated, in report order. */
  valid: (UnitRef & { file: string; reportDate: string })[];
  invalid: InvalidFile[];
  /** Units of the registry with no valid file; empty without a registry. */
  missing: UnitRef[];
  /** Registry size, or the number of units heard from when there is no registry. */
  expected: number;
  hasRegistry: boolean;
}

export interface ReportModel {
  /** Period key "2023-Q1". */
  period: string;
  indicators: IndicatorTotal[];
  /**
   * Indicator code → the cells whose values add up to its total, in report order of units; empty when nobody
   * reported it. A derived indicator has none of its own: it is traced through its two parts.
   */
  sources: Record<string, FigureSource[]>;
  /** Appendix: each valid unit's figures, in the order of `indicators` (null = blank). */
  byUnit: { unit: UnitRef; values: (number | null)[] }[];
  results: FieldGroup[];
  limitations: FieldGroup<LimitationItem>[];
  tasks: FieldGroup<TaskItem>[];
  /** Proposals to bodies above or beside the issuer, in protocol order (those to the issuer are among `tasks`). */
  proposals: ProposalGroup[];
  /** Proposals to bodies below the issuer: not for a report to superiors; the reconciliation workbook lists them. */
  proposalsBelow: ProposalGroup[];
  models: ModelSummary;
  status: SubmissionStatus;
  /** Latest "Ngày báo cáo" among the valid files (ISO), to date the report when the config does not. */
  latestReportDate: string | null;
  /** The --compare file's period, when comparing. */
  comparedWith: string | null;
}

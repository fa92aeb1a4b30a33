/** What the form writer takes: the indicator catalogue and, optionally, content to pre-fill. */
import type ExcelJS from 'exceljs';
import type { Indicator } from '../domain/catalogue.js';
import type { Period } from '../domain/period.js';
import type { Committee } from '../domain/committee.js';

export interface FormInfo {
  unitCode: string;
  unitName: string;
  /** Written as given, e.g. "Quý I/2023" (use periodLabel for the canonical spelling). */
  period: string;
  /** A calendar date at UTC midnight (Date.UTC), the way the readers return dates. */
  reportDate: Date;
  preparedBy: string;
  phone: string;
  email: string;
  head: string;
}

export interface FormContent {
  info?: Partial<FormInfo>;
  /** Indicator code -> value; null or absent leaves "Kỳ này" blank (not reported, which is not 0). */
  figures?: Record<string, number | null>;
  figureNotes?: Record<string, string>;
  /** `origin`: for an aggregate written back as a form, the units the row came from (an extra column). */
  results?: { field: string; content: string; origin?: string }[];
  limitations?: { field: string; content: string; cause?: string; origin?: string }[];
  tasks?: { field: string; content: string; deadline?: string; origin?: string }[];
  proposals?: { content: string; addressee?: string; origin?: string }[];
  models?: { name: string; field: string; level: string; note?: string; origin?: string }[];
}

/** What the form's hints and instructions show as examples: the unit itself, or one of the registry. */
export interface FormExamples {
  unitCode: string;
  unitName: string;
  /** The period the form is for; its year gives the "Kỳ báo cáo" dropdown. */
  period?: Period;
  /** The committee the units report to (config's organization): the guide's examples are of its level. */
  committee?: Committee;
  /** The registry's groups, in its order: who fills the form, as the committee lists its units. */
  groups?: readonly string[];
}

export interface FormOptions {
  catalogue: readonly Indicator[];
  content?: FormContent;
  /** Examples for the hints; by default the pre-filled unit and period, else a made-up unit. */
  examples?: Partial<FormExamples>;
  /** The committee the units report to (committeeOf the config's organization); without it the guide stays general. */
  committee?: Committee;
  /** The registry's groups, in its order. */
  groups?: readonly string[];
  /** Empty, formatted input rows after the content of each text sheet; default 30. */
  blankRows?: number;
  /**
   * Creation time stored in the workbook and its zip entries, so that the same inputs give the same bytes.
   * Default: the report date of `content.info`, else 2000-01-01.
   */
  timestamp?: Date;
  /**
   * Called with the finished workbook before it is written: `danvan nhap` adds its origin notes and its first
   * sheet here, so that the form itself stays the one form writer's.
   */
  finish?: (workbook: ExcelJS.Workbook) => void;
}

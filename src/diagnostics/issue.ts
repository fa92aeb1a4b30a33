/** Problems found in a submission: data, not exceptions, collected for a whole file (and across files). */

export type Severity = 'error' | 'warning';

export interface Issue {
  /** Stable English code, e.g. "figure.not-a-number"; the message is Vietnamese. */
  code: string;
  severity: Severity;
  /** Sheet as the user sees it ("Số liệu"), or null for a file-level problem. */
  sheet: string | null;
  /** A1 address ("D7"), or null where no one cell holds the problem. */
  cell: string | null;
  message: string;
  /** What the problem is about when that is an indicator: its code, so that alike problems can be listed together. */
  subject?: string;
}

/** "sheet Số liệu, ô D7": where a problem is, as the terminal says it to a person. */
export function describeLocation(issue: Pick<Issue, 'sheet' | 'cell'>): string {
  if (issue.sheet && issue.cell) return `sheet ${issue.sheet}, ô ${issue.cell}`;
  if (issue.sheet) return `sheet ${issue.sheet}`;
  return '';
}

/** "Số liệu!D7: …" — the location prefix of the report's list of invalid files and of the reconciliation workbook. */
export function formatLocation(issue: Pick<Issue, 'sheet' | 'cell'>): string {
  if (issue.sheet && issue.cell) return `${issue.sheet}!${issue.cell}`;
  if (issue.sheet) return issue.sheet;
  return '';
}

/**
 * Notes that inform and ask nothing of the unit: a blank indicator (allowed: not reported), a sheet or row left
 * out, the file used among a unit's two. Feedback to a unit (annotated copies, their counts) leaves them out.
 */
const INFORMATIONAL = new Set(['figure.blank', 'figure.row-missing', 'section.empty', 'sheet.missing-optional', 'unit.duplicate']);

export function isInformational(code: string): boolean {
  return INFORMATIONAL.has(code);
}

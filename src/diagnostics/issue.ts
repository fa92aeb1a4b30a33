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
}

/** "Số liệu!D7: …" — the location prefix users read in the human report. */
export function formatLocation(issue: Pick<Issue, 'sheet' | 'cell'>): string {
  if (issue.sheet && issue.cell) return `${issue.sheet}!${issue.cell}`;
  if (issue.sheet) return issue.sheet;
  return '';
}

/** A file's problems as the feedback outputs use them: with their severity, in the order a person fixes them. */
import type { FileResult, IssueOut } from '../check/file-result.js';
import { SHEET } from '../domain/form-layout.js';
import { foldKey } from '../domain/text.js';
import type { FeedbackIssue } from './annotate-workbook.js';
import { isInformational } from '../diagnostics/issue.js';
import { feedbackMsg } from '../messages/vi.js';

export type SeverityIssue = IssueOut & { severity: 'error' | 'warning' };

/**
 * What a unit is told to look at: every error, and the warnings that ask something of it (a blank indicator is
 * allowed and means "not reported": it is not highlighted, and alone it earns no copy).
 */
export function feedbackIssues(file: FileResult): SeverityIssue[] {
  const warnings = file.warnings.filter((w) => !isInformational(w.code));
  // Every cell converted from a legacy encoding is marked in the copy with what danvan read there (a note could
  // not show the legacy text itself: outside its .VnTime font it reads as garbage). The check's warnings may
  // sum a sheet up in one line; the unit needs each cell.
  const repaired = warnings.some((w) => w.code === LEGACY_CODE) ? (file.repairs ?? []) : [];
  return [
    ...file.errors.map((e) => ({ ...e, severity: 'error' as const })),
    ...(repaired.length ? warnings.filter((w) => w.code !== LEGACY_CODE) : warnings).map((w) => ({ ...w, severity: 'warning' as const })),
    ...repaired.map((r) => ({ sheet: r.sheet, cell: r.cell, code: LEGACY_CODE, message: feedbackMsg.legacyCell(r.encoding, r.after), severity: 'warning' as const })),
  ];
}

const LEGACY_CODE = 'text.legacy-encoding';

const FORM_ORDER = [SHEET.guide, SHEET.info, SHEET.figures, SHEET.results, SHEET.limitations, SHEET.tasks, SHEET.proposals, SHEET.models].map(foldKey);

function cellOrder(cell: string | null): [number, number] {
  const m = cell ? /^([A-Z]+)(\d+)$/i.exec(cell) : null;
  if (!m) return [0, 0];
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), col];
}

/**
 * Errors before warnings, then the form's sheet order (file-level problems first, other sheets after), row,
 * column. The annotated copy orders by the file's own sheet order instead; this is for a file known only by its
 * check result.
 */
export function fixOrderOf(file: FileResult): SeverityIssue[] {
  const sheetRank = (sheet: string | null) => {
    if (sheet === null) return -1;
    const i = FORM_ORDER.indexOf(foldKey(sheet));
    return i < 0 ? FORM_ORDER.length : i;
  };
  return feedbackIssues(file)
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => {
      const [ra, ca] = cellOrder(a.issue.cell);
      const [rb, cb] = cellOrder(b.issue.cell);
      return (
        (a.issue.severity === 'error' ? 0 : 1) - (b.issue.severity === 'error' ? 0 : 1) ||
        sheetRank(a.issue.sheet) - sheetRank(b.issue.sheet) ||
        ra - rb ||
        ca - cb ||
        a.index - b.index
      );
    })
    .map(({ issue }) => issue);
}

export function toFeedbackIssue(issue: SeverityIssue): FeedbackIssue {
  return { severity: issue.severity, sheet: issue.sheet, cell: issue.cell, message: issue.message };
}

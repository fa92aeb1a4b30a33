/** The per-file outcome of a check, in the shape of SPEC §5 plus the validated submission. */
import type { Issue } from '../diagnostics/issue.js';
import type { Submission } from '../schemas/submission.js';
import type { TextRepair } from './legacy-text.js';
import type { Contact } from '../validate/submission.js';

export interface IssueOut {
  sheet: string | null;
  cell: string | null;
  message: string;
  code: string;
  /** The indicator code a figure problem is about. */
  subject?: string;
}

export interface FileResult {
  file: string;
  valid: boolean;
  /**
   * The registry unit the file belongs to by its code and its name (cross-file.ts, applyRegistryRule); without a
   * registry, or outside it, the code as typed; null when unreadable or when the name is another organisation's.
   */
  unit: string | null;
  /** The code typed in "Mã đơn vị" when it is not `unit`: a mistyped code, or a code given with another's name. */
  typedUnit?: string;
  period: string | null;
  /** ISO date of "Ngày báo cáo" when readable; decides between two files of one unit. */
  reportDate: string | null;
  /** Last modification time (ms), the second tie-breaker between two files of one unit. */
  modifiedMs: number;
  /** Cells of "Mã đơn vị" and "Kỳ báo cáo" in "Thông tin", for problems found across files. */
  unitCell: string | null;
  periodCell: string | null;
  errors: IssueOut[];
  warnings: IssueOut[];
  /**
   * Set on a file that is not used because its unit sent a newer file of the same period (SPEC §6): a note, not
   * an error to fix, whether the file itself is valid or not. The submission is dropped.
   */
  superseded?: { by: string; reason: string };
  /**
   * The unit's name and "Người lập", "Điện thoại", "Email" as far as "Thông tin" could be read, valid file or
   * not (the feedback summary lists whom to call); absent when none was found.
   */
  contact?: Contact;
  /** Cells whose legacy-encoded text (TCVN3, VNI) was converted to Unicode before validation; absent when none. */
  repairs?: TextRepair[];
  submission?: Submission;
}

/** The files whose submission the aggregate uses: valid, and not replaced by the same unit's later file. */
export function isUsed(result: FileResult): boolean {
  return result.valid && !result.superseded;
}

/** The files not counted because of a problem: invalid, and not replaced by the same unit's later file. */
export function needsFixing(result: FileResult): boolean {
  return !result.valid && !result.superseded;
}

/**
 * A file this machine could not open (no permission to read it, a disk error): the staff member's to solve, not
 * the unit's; it is still not counted.
 */
export function unreadableHere(result: FileResult): boolean {
  return result.errors.some((e) => e.code === 'file.unreadable');
}

/** The files the unit itself must correct and send again. */
export function unitMustFix(result: FileResult): boolean {
  return needsFixing(result) && !unreadableHere(result);
}

export function toIssueOut(issue: Issue): IssueOut {
  return { sheet: issue.sheet, cell: issue.cell, message: issue.message, code: issue.code, ...(issue.subject ? { subject: issue.subject } : {}) };
}

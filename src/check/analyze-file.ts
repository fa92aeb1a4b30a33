/** Reads and validates one file; whatever the file holds, the answer is a FileResult, never an exception. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readWorkbookFile } from '../readers/index.js';
import { UnreadableWorkbookError } from '../readers/types.js';
import type { Indicator } from '../domain/catalogue.js';
import { msg, unreadable } from '../messages/vi.js';
import { validateWorkbook } from '../validate/submission.js';
import { legacyTextWarnings, repairWorkbookText } from './legacy-text.js';
import { toIssueOut, type FileResult } from './file-result.js';

export interface AnalyzeOptions {
  /** Paths are shown relative to this folder and read from it. */
  cwd: string;
  catalogue: readonly Indicator[];
  maxBytes: number;
}

function formatMB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

export async function analyzeFile(file: string, options: AnalyzeOptions): Promise<FileResult> {
  const base: FileResult = { file, valid: false, unit: null, period: null, reportDate: null, modifiedMs: 0, unitCell: null, periodCell: null, errors: [], warnings: [] };
  let size = 0;
  try {
    const stats = statSync(resolve(options.cwd, file));
    base.modifiedMs = Math.trunc(stats.mtimeMs);
    size = stats.size;
  } catch {
    return { ...base, errors: [{ sheet: null, cell: null, code: 'file.unreadable', message: msg.unreadableHere(null) }] };
  }
  try {
    const read = await readWorkbookFile(resolve(options.cwd, file), { maxBytes: options.maxBytes });
    // Legacy-encoded text (TCVN3, VNI) becomes Unicode before anything looks at it.
    const repaired = repairWorkbookText(read);
    const validation = validateWorkbook(repaired.workbook, file, options.catalogue);
    const errors = validation.issues.filter((i) => i.severity === 'error').map(toIssueOut);
    const warnings = [...legacyTextWarnings(repaired), ...validation.issues.filter((i) => i.severity === 'warning')].map(toIssueOut);
    return {
      ...base,
      valid: errors.length === 0,
      unit: validation.unit,
      period: validation.period,
      reportDate: validation.reportDate,
      unitCell: validation.unitCell,
      periodCell: validation.periodCell,
      errors,
      warnings,
      ...(validation.contact ? { contact: validation.contact } : {}),
      ...(repaired.repairs.length ? { repairs: repaired.repairs } : {}),
      ...(validation.submission ? { submission: validation.submission } : {}),
    };
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) {
      const detail = error.reason === 'too-large' ? `${formatMB(size)}, giới hạn ${formatMB(options.maxBytes)}` : error.detail;
      const where = { sheet: error.info.limit?.sheet ?? null, cell: error.info.limit?.cell ?? null };
      return { ...base, errors: [{ ...where, code: `file.${error.reason}`, message: unreadable[error.reason](detail, error.info) }] };
    }
    const errno = (error as NodeJS.ErrnoException).code;
    if (errno && /^E[A-Z]+$/.test(errno)) {
      return { ...base, errors: [{ sheet: null, cell: null, code: 'file.unreadable', message: msg.unreadableHere(errno) }] };
    }
    // Our own bug must not hide the file's other results or end in a stack trace; it is named as ours.
    const message = `Lỗi nội bộ của danvan khi đọc tệp này (${(error as Error).message}). Hãy báo lỗi kèm tệp cho nhóm phát triển.`;
    return { ...base, errors: [{ sheet: null, cell: null, code: 'internal', message }] };
  }
}

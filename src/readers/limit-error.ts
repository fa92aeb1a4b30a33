/** The error of a workbook over one of its budgets (readers/limits.ts). */
import type { LimitBreach } from './limits.js';
import { UnreadableWorkbookError } from './types.js';

export class WorkbookLimitError extends UnreadableWorkbookError {
  constructor(
    readonly breach: LimitBreach,
    detail?: string,
  ) {
    super('over-limit', detail ?? `${breach.limit} over ${breach.max}`, { limit: breach, ...(breach.part ? { part: breach.part } : {}) });
  }
}

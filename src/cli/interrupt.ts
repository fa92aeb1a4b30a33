/**
 * Ctrl-C, SIGTERM, a closed terminal or console window (SIGHUP) and Ctrl+Break on Windows (SIGBREAK): the run
 * stops at once and leaves nothing behind — no temp file, no half of its outputs. Staged files of this thread's
 * output plans are removed by the plans; commands whose work runs in worker threads (lo) add a hook that removes
 * what those threads staged. LibreOffice conversions under way (.xls in, PDF out) are ended and their temporary
 * folders removed. What a run killed outright left (SIGKILL, a power cut) is removed by the next run: temp
 * files by the output plan of the folder, conversion folders here, at start.
 */
import { interruptLivePlans } from '../output/plan.js';
import { removeLeftoverConversions, stopOwnConversions } from '../files/soffice.js';

const hooks: (() => void)[] = [];

/** Something to undo when the run is interrupted (called once, in the order added). */
export function onInterrupt(hook: () => void): void {
  hooks.push(hook);
}

export type InterruptSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'SIGBREAK';

/** The signals that stop a run, each handled like Ctrl-C. SIGBREAK exists on Windows only (Ctrl+Break). */
export const INTERRUPT_SIGNALS: readonly InterruptSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];

/** Exit codes of the shell's convention for a process ended by a signal: 128 + the signal's number (SIGBREAK is 21 on Windows). */
export const SIGNAL_EXIT: Record<InterruptSignal, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129, SIGBREAK: 149 };

/** Undoes what the run started; every step on its own, none may throw (this runs in a signal handler). */
export function tidyAfterInterrupt(): void {
  for (const step of [interruptLivePlans, () => stopOwnConversions(), ...hooks]) {
    try {
      step();
    } catch {
      // leaving is more important than tidying one more thing
    }
  }
}

/** Where the handlers run: injectable so that tests play Windows (SIGBREAK) and keep their process. */
export interface InterruptHost {
  platform: NodeJS.Platform;
  exit: (code: number) => void;
}

export function installInterruptHandlers(report: (signal: InterruptSignal) => void, host: InterruptHost = { platform: process.platform, exit: (code) => process.exit(code) }): void {
  removeLeftoverConversions();
  for (const signal of INTERRUPT_SIGNALS) {
    if (signal === 'SIGBREAK' && host.platform !== 'win32') continue;
    process.once(signal, () => {
      tidyAfterInterrupt();
      try {
        report(signal);
      } catch {
        // a console already gone (SIGHUP) cannot be written to
      }
      host.exit(SIGNAL_EXIT[signal]);
    });
  }
}

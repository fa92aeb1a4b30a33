/**
 * Ctrl-C and SIGTERM: the run stops at once and leaves nothing behind — no temp file, no half of its outputs.
 * Staged files of this thread's output plans are removed by the plans; commands whose work runs in worker
 * threads (lo) add a hook that removes what those threads staged.
 */
import { interruptLivePlans } from '../output/plan.js';

const hooks: (() => void)[] = [];

/** Something to undo when the run is interrupted (called once, in the order added). */
export function onInterrupt(hook: () => void): void {
  hooks.push(hook);
}

/** Exit codes of the shell's convention for a process ended by a signal: 128 + the signal's number. */
const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

export function installInterruptHandlers(report: (signal: 'SIGINT' | 'SIGTERM') => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      interruptLivePlans();
      for (const hook of hooks) {
        try {
          hook();
        } catch {
          // leaving is more important than tidying one more thing
        }
      }
      report(signal);
      process.exit(SIGNAL_EXIT[signal]);
    });
  }
}

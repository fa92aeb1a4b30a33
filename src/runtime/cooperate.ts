/**
 * Cooperative checkpoints for long work on the main thread. Node delivers SIGINT and SIGTERM to their handlers
 * (src/cli/interrupt.ts) only between turns of the event loop; a loop of synchronous steps chained by `await`
 * on already-settled promises never gives it one, so Ctrl-C waited for the whole check. A checkpoint gives the
 * loop a turn (setImmediate) once `intervalMs` of work has passed since the last one: a few turns a second, at
 * no measurable cost to the work.
 */
export type Checkpoint = () => Promise<void> | undefined;

export function checkpoints(intervalMs = 50): Checkpoint {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < intervalMs) return undefined;
    last = now;
    return new Promise<void>((resolve) => setImmediate(resolve));
  };
}

/**
 * Standard output that a closed pipe cannot crash: `danvan … | head -1` (or `| more` on Windows) ends quietly,
 * with no stack trace and no message, whatever is still to be printed.
 */
let closed = false;

/**
 * Errors of a stream whose reader went away: EPIPE, and EOF, which libuv gives on Windows for a pipe closed at
 * the other end (ERROR_BROKEN_PIPE, ERROR_NO_DATA).
 */
const GONE = new Set(['EPIPE', 'EOF', 'ERR_STREAM_DESTROYED']);

/** Swallows the errors of a reader that went away (see GONE) and remembers it, so that later writes are skipped. */
export function guardStdout(stream: NodeJS.WriteStream = process.stdout): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== undefined && GONE.has(error.code)) {
      closed = true;
      return;
    }
    throw error;
  });
}

/** Whether standard output's reader has gone. */
export function stdoutClosed(): boolean {
  return closed;
}

/** Writes to stdout unless its reader has gone. */
export function writeOut(text: string): void {
  if (!closed) process.stdout.write(text);
}

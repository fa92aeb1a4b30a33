/**
 * Standard output that a closed pipe cannot crash: `danvan … | head -1` ends quietly, with no stack trace
 * and no message, whatever is still to be printed.
 */
let closed = false;

/** Swallows EPIPE on stdout (the reader went away) and remembers it, so that later writes are skipped. */
export function guardStdout(stream: NodeJS.WriteStream = process.stdout): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      return;
    }
    throw error;
  });
}

/** Writes to stdout unless its reader has gone. */
export function writeOut(text: string): void {
  if (!closed) process.stdout.write(text);
}

/** An output must say what it is: a Word report named .pdf would open as garbage (issue 8). */
import { UsageError } from '../diagnostics/errors.js';
import { msg } from '../messages/vi.js';

/** Refuses `path` (given with `flag`) unless it ends in `extension`; `what` names the kind of file danvan writes there. */
export function requireExtension(path: string | undefined, extension: string, flag: string, what: string): void {
  if (path !== undefined && !path.toLowerCase().endsWith(extension)) throw new UsageError(msg.outputExtension(path, extension, flag, what));
}

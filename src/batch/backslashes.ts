/**
 * Windows paths typed into a batch file the way Explorer shows them, with single backslashes: JSON reads
 * "D:\bao-cao\nam-2023" as a path with a backspace and a line break in it, and "C:\Users\An\nop" as a syntax
 * error (\U is no escape). Before the file is parsed, each string under a path key is looked at:
 * - its backslashes are all JSON escapes of a backslash, a quote, "/" or \uXXXX: it is JSON as meant, left alone;
 * - every backslash in it is single, and at least one cannot be meant as JSON (an invalid escape, or \b \f \n
 *   \r \t, which no path holds): it is a Windows path, read as typed;
 * - single backslashes mixed with JSON escapes ("C:\\Users\nop"): nobody can tell which was meant; the string
 *   is read as typed so that parsing goes on, and reported (`ambiguous`) for the user to write "/" or "\\".
 */

/** The keys of a batch file whose values are paths (a job's and the shared "config"). */
export const PATH_KEYS: ReadonlySet<string> = new Set(['inputs', 'output', 'xlsx', 'doiChieu', 'pdf', 'template', 'config', 'compare']);

export interface BackslashReading {
  /** The source with every Windows path written as JSON (same lines, so that positions of errors hold). */
  source: string;
  /** Values read as typed that mixed single backslashes with JSON escapes: each is refused where it is used. */
  ambiguous: Set<string>;
}

/** Kinds of the escapes of a JSON string's raw text: meant as JSON, or impossible in a path. */
function escapes(raw: string): { json: number; odd: number } {
  let json = 0;
  let odd = 0;
  for (let i = 0; i < raw.length; i += 1) {
    if (raw[i] !== '\\') continue;
    const next = raw[i + 1] ?? '';
    if (next === '"' || next === '\\' || next === '/') json += 1;
    else if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(raw.slice(i + 2, i + 6))) json += 1;
    else odd += 1;
    i += 1;
  }
  return { json, odd };
}

/** See the module's comment. Comments (// and /* *\/) are passed over as the JSONC parser does. */
export function readBackslashPaths(source: string): BackslashReading {
  const ambiguous = new Set<string>();
  let out = '';
  let key: string | null = null;
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    const next = source[i + 1];
    if (ch === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      out += source.slice(i, stop);
      i = stop;
    } else if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += source.slice(i, stop);
      i = stop;
    } else if (ch === '"') {
      // The string's raw text, up to the first quote no backslash escapes (as JSON reads it).
      let j = i + 1;
      while (j < source.length && source[j] !== '"' && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      if (source[j] !== '"') {
        // Not closed on its line: left to the parser, which says where.
        out += source.slice(i, j);
        i = j;
        continue;
      }
      const raw = source.slice(i + 1, j);
      let after = j + 1;
      while (after < source.length && /\s/.test(source[after]!)) after += 1;
      const isKey = source[after] === ':';
      let literal = source.slice(i, j + 1);
      if (isKey) {
        key = raw;
      } else if (key !== null && PATH_KEYS.has(key) && raw.includes('\\')) {
        const { json, odd } = escapes(raw);
        if (odd > 0) {
          literal = JSON.stringify(raw);
          if (json > 0) ambiguous.add(raw);
        }
      }
      out += literal;
      i = j + 1;
    } else {
      out += ch;
      i += 1;
    }
  }
  return { source: out, ambiguous };
}

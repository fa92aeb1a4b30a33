/** Parses JSON that may hold line and block comments and trailing commas, so a config can explain itself. */

export class JsoncSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** Blanks out comments (keeping line breaks, so positions stay right) and drops trailing commas. */
export function stripJsonComments(source: string): string {
  let out = '';
  let i = 0;
  let inString = false;
  while (i < source.length) {
    const ch = source[i]!;
    const next = source[i + 1];
    if (inString) {
      out += ch;
      if (ch === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (ch === '"') inString = false;
      i += 1;
    } else if (ch === '"') {
      inString = true;
      out += ch;
      i += 1;
    } else if (ch === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') {
        out += ' ';
        i += 1;
      }
    } else if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      out += ch;
      i += 1;
    }
  }
  return dropTrailingCommas(out);
}

/** Removes a comma that only precedes a closing bracket, outside strings. */
function dropTrailingCommas(source: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i]!;
    if (inString) {
      if (ch === '\\') {
        out += ch + (source[i + 1] ?? '');
        i += 1;
        continue;
      }
      if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
    } else if (ch === ',') {
      let j = i + 1;
      while (j < source.length && /\s/.test(source[j]!)) j += 1;
      if (source[j] === '}' || source[j] === ']') {
        out += ' ';
        continue;
      }
    }
    out += ch;
  }
  return out;
}

export function parseJsonc(source: string): unknown {
  const json = stripJsonComments(source.replace(/^\uFEFF/, ''));
  try {
    return JSON.parse(json);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    let line = 0;
    let column = 0;
    if (position) {
      const before = json.slice(0, Number(position[1]));
      line = before.split('\n').length;
      column = before.length - before.lastIndexOf('\n');
    }
    throw new JsoncSyntaxError(message, line, column);
  }
}

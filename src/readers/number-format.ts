/** Decides from a cell's number format whether Excel shows its number as a date or time. */

/** Built-in formats that are dates or times (ECMA-376 §18.8.30): 14–22 and 45–47. */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Elapsed-time brackets ([h], [mm], [ss]) are time codes; every other bracket is a colour, locale or condition. */
const ELAPSED = /^\[(?:h+|m+|s+)\]$/i;

/**
 * True when a format code contains a date/time code (d, m, y, h, s) outside quoted text, escapes
 * (\x, _x, *x) and bracket sections such as [$-409] or [Red]. "AM/PM" alone does not count.
 */
export function isDateFormatCode(code: string): boolean {
  let i = 0;
  const n = code.length;
  while (i < n) {
    const ch = code[i]!;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (ch === '\\' || ch === '_' || ch === '*') {
      i += 2;
      continue;
    }
    if (ch === '[') {
      const end = code.indexOf(']', i + 1);
      if (end < 0) return false;
      if (ELAPSED.test(code.slice(i, end + 1))) return true;
      i = end + 1;
      continue;
    }
    switch (ch) {
      case 'd': case 'D': case 'm': case 'M': case 'y': case 'Y':
      case 'h': case 'H': case 's': case 'S':
        return true;
      case 'A': case 'a':
        // AM/PM and A/P are time markers but never make a date alone; skip them whole.
        if (/^(?:AM\/PM|A\/P)/i.test(code.slice(i, i + 5))) {
          i += code[i + 1] === '/' ? 3 : 5;
          continue;
        }
        break;
      case 'G': case 'g':
        if (code.slice(i, i + 7).toLowerCase() === 'general') {
          i += 7;
          continue;
        }
        break;
      default:
        break;
    }
    i++;
  }
  return false;
}

/** Whether a numFmtId (with the workbook's custom codes) formats a date. */
export function isDateFormat(numFmtId: number, customCodes: ReadonlyMap<number, string>): boolean {
  const custom = customCodes.get(numFmtId);
  if (custom !== undefined) return isDateFormatCode(custom);
  return BUILTIN_DATE_IDS.has(numFmtId);
}

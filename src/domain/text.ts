/**
 * Text normalisation shared by every reader and matcher: NFC, trimmed, and a folded key for tolerant matching.
 * Every function here runs in time linear in the text's length: cells hold up to 32,767 characters, and a
 * regular expression that backtracks on a long run of spaces or dots would take seconds per cell. Patterns
 * anchored at the end (`[…]+$`) are written as loops instead (see `trimEndWhere`).
 */

/**
 * Cell text as danvan keeps it: NFC, every kind of space (non-breaking, ideographic U+3000, thin…) made a
 * plain space, runs of spaces collapsed, spaces around line breaks dropped, trimmed.
 */
export function cleanText(value: string): string {
  // Most cells need nothing: already NFC, no space to fold, nothing to strip (the common case, tested by one scan).
  if (!NEEDS_CLEANING.test(value) && value.normalize('NFC') === value) return value;
  return value
    .normalize('NFC')
    // Control characters and zero-width marks are invisible in a spreadsheet: a code pasted with one must still match.
    // U+FFFE, U+FFFF and a lone surrogate (Excel's "_xFFFE_", "_xD800_") are no characters XML allows: a report
    // holding one does not open in Word.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200d\u2060\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/\r\n?/g, '\n')
    .replace(/[ ]{2,}/g, ' ')
    // After the collapse a run is one space at most, so this cannot backtrack.
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

/** What cleanText would change, besides the Unicode form: a control or zero-width mark, an odd space, a space to fold or trim. */
const NEEDS_CLEANING = /[\u0000-\u001f\u007f\u00a0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff\ufffe\uffff\ud800-\udfff]| {2}|^\s|\s$|\r/;

/** Whitespace as `\s` and `String.prototype.trim` see it. */
export function isWhitespace(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  if (code < 0x80) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** The text without its trailing characters that satisfy `drop`, in one pass from the end. */
export function trimEndWhere(text: string, drop: (code: number) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text.charCodeAt(end - 1))) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * A key for matching labels typed by people: case, diacritics, Unicode form, spaces and punctuation
 * are ignored ("Mã  đơn vị", "MA DON VI", "mã đơn vị:" all give "madonvi").
 */
export function foldKey(value: string): string {
  // The same labels and headers come back in every file of a folder: remember their keys (short texts only).
  if (value.length > FOLD_CACHE_TEXT) return computeFoldKey(value);
  let key = foldCache.get(value);
  if (key === undefined) {
    if (foldCache.size >= FOLD_CACHE_SIZE) foldCache.clear();
    key = computeFoldKey(value);
    foldCache.set(value, key);
  }
  return key;
}

const FOLD_CACHE_TEXT = 200;
const FOLD_CACHE_SIZE = 8192;
const foldCache = new Map<string, string>();

function computeFoldKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** A key for recognising the same item sent by several units: case, spaces and punctuation ignored, diacritics kept. */
export function itemKey(value: string): string {
  // Linear: each replacement is a character class or a plain run.
  return value
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese alphabetical order (Ă after A, Đ after D…), as people expect a list of names sorted. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * Straight double quotes as typographic ones, the single style a signed document uses: an opening “ after the
 * start, a space or an opening bracket, a closing ” elsewhere. Linear, one pass.
 */
export function typographicQuotes(text: string): string {
  if (!text.includes('"')) return text;
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (ch !== '"') {
      out += ch;
      continue;
    }
    const before = i === 0 ? ' ' : text[i - 1]!;
    const after = text[i + 1];
    // Opening: after a space, a bracket or a dash, and before a word; anything else closes ("—" is “—”).
    const opens = /[\s([{“‘\-–—/]/.test(before) && after !== undefined && !/[\s)\]}.,;:!?]/.test(after);
    out += opens ? '“' : '”';
  }
  return out;
}

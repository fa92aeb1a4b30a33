/** Text normalisation shared by every reader and matcher: NFC, trimmed, and a folded key for tolerant matching. */

/** Cell text as danvan keeps it: NFC, non-breaking spaces made plain, runs of spaces collapsed, trimmed. */
export function cleanText(value: string): string {
  return value
    .normalize('NFC')
    // Control characters and zero-width marks are invisible in a spreadsheet: a code pasted with one must still match.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/\r\n?/g, '\n')
    .replace(/[ ]{2,}/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/**
 * A key for matching labels typed by people: case, diacritics, Unicode form, spaces and punctuation
 * are ignored ("Mã  đơn vị", "MA DON VI", "mã đơn vị:" all give "madonvi").
 */
export function foldKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** A key for recognising the same item sent by several units: case, spaces and punctuation ignored, diacritics kept. */
export function itemKey(value: string): string {
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

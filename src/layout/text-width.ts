/** Estimates the printed width of a line of Times New Roman text, to size the rules drawn under frame lines. */

// Advance widths in 1/1000 em from the Adobe Times-Roman and Times-Bold metrics, which Times New Roman
// follows closely. Vietnamese letters are measured on their base letter (diacritics do not advance).
const ROMAN: Record<string, number> = {
  A: 722, B: 667, C: 667, D: 722, E: 611, F: 556, G: 722, H: 722, I: 333, J: 389, K: 722, L: 611, M: 889,
  N: 722, O: 722, P: 556, Q: 722, R: 667, S: 556, T: 611, U: 722, V: 722, W: 944, X: 722, Y: 722, Z: 611,
  a: 444, b: 500, c: 444, d: 500, e: 444, f: 333, g: 500, h: 500, i: 278, j: 278, k: 500, l: 278, m: 778,
  n: 500, o: 500, p: 500, q: 500, r: 333, s: 389, t: 278, u: 500, v: 500, w: 722, x: 500, y: 500, z: 444,
  ' ': 250, '-': 333, '.': 250, ',': 250, ':': 278, '/': 278, '(': 333, ')': 333, '*': 500,
};
const BOLD: Record<string, number> = {
  A: 722, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 778, I: 389, J: 500, K: 778, L: 667, M: 944,
  N: 722, O: 778, P: 611, Q: 778, R: 722, S: 556, T: 667, U: 722, V: 722, W: 1000, X: 722, Y: 722, Z: 667,
  a: 500, b: 556, c: 444, d: 556, e: 444, f: 333, g: 500, h: 556, i: 278, j: 333, k: 556, l: 278, m: 833,
  n: 556, o: 500, p: 556, q: 556, r: 444, s: 389, t: 333, u: 556, v: 500, w: 722, x: 500, y: 500, z: 444,
  ' ': 250, '-': 333, '.': 250, ',': 250, ':': 333, '/': 278, '(': 333, ')': 333, '*': 500,
};
const DIGIT = 500;
const OTHER = 556;

/** Base letter of a Vietnamese character: "Ễ" → "E", "đ" → "d", "Ư" → "U". */
function baseLetter(ch: string): string {
  if (ch === 'đ') return 'd';
  if (ch === 'Đ') return 'D';
  const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return base.length === 1 ? base : ch;
}

/** Width in twips of `text` set at `sizePt` points, upright regular or bold. */
export function estimateTextWidthTwips(text: string, sizePt: number, bold = false): number {
  const table = bold ? BOLD : ROMAN;
  let units = 0;
  for (const ch of text) {
    const base = baseLetter(ch);
    units += table[base] ?? (/[0-9]/.test(base) ? DIGIT : OTHER);
  }
  // 1000 units = 1 em = sizePt points = sizePt * 20 twips.
  return Math.round((units * sizePt * 20) / 1000);
}

/**
 * When two units' items say the same thing in other words. The measure, stated so that it can be tested:
 *
 *   1. Each text becomes the multiset of its syllables: NFC, lower case, punctuation and quotes as spaces, and
 *      Vietnamese function words dropped ("của", "ở", "các", "và", "được"…), which change no meaning of a report item.
 *   2. Two texts are similar when the Dice coefficient of those multisets, 2·|A∩B| / (|A| + |B|), is at least the
 *      threshold (0,9 by default).
 *   3. They are never merged if they differ in a number (every run of digits, with its separators removed, must
 *      be the same multiset: "Kết luận 43" is not "Kết luận 44"; number words count too: "hai" is not "ba", "lần
 *      thứ nhất" not "lần thứ hai", "hàng trăm" not "hàng nghìn" — "một" and "năm" excepted, which mostly mean "a"
 *      and "year") or in a name (each name word of one text must be a word of the other, in any case: the
 *      capitalised words other than the first, and a place's kind with the two words after it, typed in lower case
 *      or not: "xã Hòa Xuân" is not "xã Hòa Tâm", "xã an hòa" not "xã an hải", "thị trấn" not "thị xã", "Huyện
 *      ủy" not "Thành ủy"; but "Nhân dân" is "nhân dân", a capital of style only).
 *
 * Matching uses prefix filtering over syllables ordered by rarity, so that each item is compared only with the
 * few groups it could reach the threshold with: near linear in the number of items, not quadratic.
 */

/** Words that bind a Vietnamese sentence together without carrying what it reports. */
const FUNCTION_WORDS = new Set(
  [
    'của', 'ở', 'và', 'các', 'những', 'cho', 'với', 'trong', 'tại', 'về', 'để', 'được', 'đã', 'đang', 'sẽ', 'là', 'thì',
    'mà', 'này', 'đó', 'theo', 'từ', 'đến', 'tới', 'trên', 'dưới', 'một', 'có', 'như', 'nhằm', 'cùng', 'bằng', 'do', 'nên',
    'hay', 'hoặc', 'vào', 'ra', 'lên', 'rất', 'còn', 'thêm', 'nhiều', 'mọi', 'toàn', 'bộ',
  ].map((w) => w.normalize('NFC')),
);

/** Number words that change what an item says (digits are caught apart); "một" and "năm" left out: mostly "a" and "year". */
const NUMBER_WORDS = new Set(
  ['hai', 'ba', 'bốn', 'tư', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'mươi', 'lăm', 'mốt', 'trăm', 'nghìn', 'ngàn', 'triệu', 'tỷ', 'tỉ', 'nhất', 'nhì', 'rưỡi'].map((w) =>
    w.normalize('NFC'),
  ),
);

/** Kinds of place before a place name ("xã An Hòa", "thị trấn", "phường 3"): the kind and its name words are names. */
const PLACE_KINDS = new Set(['xã', 'phường', 'trấn', 'huyện', 'quận', 'tỉnh', 'thôn', 'xóm', 'ấp'].map((w) => w.normalize('NFC')));

/** A place's kind and up to two words after it, lower-cased: names even when typed without capitals. */
function placeNamesOf(lower: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lower.length; i += 1) {
    const word = lower[i]!;
    // "xã hội" (society), in "chính trị - xã hội", is no place.
    if (!PLACE_KINDS.has(word) || (word === 'xã' && lower[i + 1] === 'hội')) continue;
    out.push(word);
    for (let k = 1; k <= 2; k += 1) {
      const next = lower[i + k];
      if (!next || FUNCTION_WORDS.has(next) || PLACE_KINDS.has(next)) break;
      out.push(next);
    }
  }
  return out;
}

export interface ItemSignature {
  /** Content syllables, sorted by the index's order once indexed. */
  syllables: string[];
  /** Digit runs without separators, sorted: must be equal for a merge. */
  numbers: string;
  /** Capitalised syllables other than the first, lower-cased, de-duplicated: each must be a syllable of the other text. */
  names: string[];
}

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

/** Splits text into words of letters and digits, in one pass; "1.250" and "1,5" stay one number ("1250", "15"). */
function words(text: string): string[] {
  const out: string[] = [];
  let current = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i]!;
    if (LETTER.test(ch) || isDigit(ch)) current += ch;
    else if ((ch === '.' || ch === ',') && isDigit(chars[i - 1]) && isDigit(chars[i + 1])) continue;
    else if (current) {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out;
}

/** Digit runs of a text, separators ("2.400", "1,25", "43-KL") removed: "2400", "125", "43". */
function numbersOf(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (ch >= '0' && ch <= '9') current += ch;
    else if ((ch === '.' || ch === ',') && current && text[i + 1] !== undefined && text[i + 1]! >= '0' && text[i + 1]! <= '9') continue;
    else if (current) {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out;
}

/**
 * The capitalised words of a text, lower-cased, except its first word (a sentence's own capital): the names of
 * places, bodies and events ("Hòa Xuân", "Huyện ủy", "Ngày giải phóng"), which two items must share to be one.
 */
function namesOf(text: string): string[] {
  return words(text)
    .slice(1)
    .filter((w) => UPPER.test(w[0]!))
    .map((w) => w.toLocaleLowerCase('vi'));
}

export function signature(text: string): ItemSignature {
  const normal = text.normalize('NFC');
  const lower = words(normal.toLocaleLowerCase('vi'));
  const syllables = lower.filter((w) => !FUNCTION_WORDS.has(w));
  return {
    syllables,
    numbers: [...numbersOf(normal), ...lower.filter((w) => NUMBER_WORDS.has(w))].sort().join(' '),
    names: [...new Set([...namesOf(normal), ...placeNamesOf(lower)])].filter((w) => !FUNCTION_WORDS.has(w)),
  };
}

/** Dice coefficient of two multisets of syllables. */
export function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const s of a) counts.set(s, (counts.get(s) ?? 0) + 1);
  let common = 0;
  for (const s of b) {
    const n = counts.get(s) ?? 0;
    if (n > 0) {
      common += 1;
      counts.set(s, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** Whether two texts may be merged: the same numbers, the names of each found in the other, and syllables similar enough. */
export function similar(a: ItemSignature, b: ItemSignature, threshold: number): boolean {
  return (
    a.numbers === b.numbers &&
    a.names.every((w) => b.syllables.includes(w)) &&
    b.names.every((w) => a.syllables.includes(w)) &&
    dice(a.syllables, b.syllables) >= threshold
  );
}

/**
 * Groups met so far, found again by similarity. `find` returns the first group (in the order they were added)
 * whose representative is similar to the new text; `add` makes the text a new group's representative.
 *
 * Two conditions of `similar` are exact and partition the groups, so that a text is compared only with groups it
 * could merge with, also when every text shares its words with every other (10,000 "… lần thứ N"):
 * - numbers must be equal: every posting is keyed by the text's numbers as well as by a syllable;
 * - each name of a group must be a syllable of the text: a group with names is indexed under one of its names only
 *   (the one fewest groups were indexed under so far), which any text similar to it holds.
 * Groups without names are indexed by prefix filtering over syllables ordered by rarity (below).
 */
export class SimilarIndex<G> {
  private readonly groups: { sig: ItemSignature; group: G; order: number }[] = [];
  /** numbers + syllable → groups whose prefix holds it (groups without names). */
  private readonly postings = new Map<string, number[]>();
  /** numbers + name → groups indexed under that name. */
  private readonly byName = new Map<string, number[]>();
  /** How many groups' prefixes hold each syllable: the rarer, the earlier in a prefix. */
  private readonly frequency = new Map<string, number>();
  /** Groups compared with `similar` so far: what the index exists to keep near linear (tests bound it). */
  comparisons = 0;

  constructor(private readonly threshold: number) {}

  /** Syllables in a fixed order, rarest first among those seen, so that prefixes are short and selective. */
  private ordered(syllables: readonly string[]): string[] {
    return [...syllables].sort((x, y) => (this.frequency.get(x) ?? 0) - (this.frequency.get(y) ?? 0) || (x < y ? -1 : x > y ? 1 : 0));
  }

  /**
   * Two multisets of sizes m and n with Dice ≥ t share at least t·(m+n)/2 syllables, and n ≥ t·m/(2−t); so a
   * similar group must hold one of the first m − ⌈t·m/(2−t)⌉ + 1 syllables of the new text, in any fixed order.
   * The order here changes as groups are added, so the probe takes the whole distinct set when it is short.
   */
  find(sig: ItemSignature): G | undefined {
    const candidates = new Set<number>();
    const key = `${sig.numbers}\u0001`;
    for (const s of new Set(sig.syllables)) {
      for (const id of this.postings.get(key + s) ?? []) candidates.add(id);
      for (const id of this.byName.get(key + s) ?? []) candidates.add(id);
    }
    let best: number | undefined;
    for (const id of candidates) {
      const entry = this.groups[id]!;
      if (best !== undefined && entry.order >= this.groups[best]!.order) continue;
      this.comparisons += 1;
      if (similar(entry.sig, sig, this.threshold)) best = id;
    }
    return best === undefined ? undefined : this.groups[best]!.group;
  }

  add(sig: ItemSignature, group: G): void {
    const id = this.groups.length;
    this.groups.push({ sig, group, order: id });
    const key = `${sig.numbers}\u0001`;
    if (sig.names.length > 0) {
      // Any similar text holds every name of this group: one name is enough to be found by it.
      let name = sig.names[0]!;
      for (const candidate of sig.names) {
        const count = this.byName.get(key + candidate)?.length ?? 0;
        const best = this.byName.get(key + name)?.length ?? 0;
        if (count < best || (count === best && candidate < name)) name = candidate;
      }
      const list = this.byName.get(key + name);
      if (list) list.push(id);
      else this.byName.set(key + name, [id]);
      return;
    }
    const distinct = this.ordered([...new Set(sig.syllables)].map((s) => key + s));
    const m = sig.syllables.length;
    const minOverlap = Math.ceil((this.threshold * m) / (2 - this.threshold));
    // Index a prefix long enough that any text this group could merge with shares one of its syllables.
    const prefix = distinct.slice(0, Math.max(1, Math.min(distinct.length, m - minOverlap + 1)));
    for (const s of prefix) {
      const list = this.postings.get(s);
      if (list) list.push(id);
      else this.postings.set(s, [id]);
      this.frequency.set(s, (this.frequency.get(s) ?? 0) + 1);
    }
  }
}

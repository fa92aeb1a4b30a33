/**
 * Words that a line must not break apart: two-syllable names and terms ("Tỉnh ủy", "Trung ương", "dân vận",
 * "Đăng ký") whose second syllable, alone at the start of a line, reads as a broken word. Where space is short
 * (a table header, a line of "Nơi nhận:", a letter's V/v line) their space becomes a no-break space, which Word
 * and LibreOffice both honour; the column-width estimate then measures the pair as one word.
 */

const NBSP = '\u00a0';

/** Second syllables that only ever close a two-syllable word in these documents ("ủy" of "Tỉnh ủy"). */
const CLOSING = new Set(['ủy', 'ương', 'ký', 'vận', 'quốc', 'dân', 'sở', 'số', 'thể', 'nhân', 'quyền', 'vụ', 'trực', 'viên', 'phòng', 'hội', 'trị', 'ninh', 'vực', 'quả', 'tiêu', 'nhận', 'huy', 'đoàn', 'binh', 'nữ', 'bộ', 'hình', 'đồng', 'người', 'công', 'nghị']);

/** First syllables they close ("Tỉnh" + "ủy"), lower case; a pair binds only when both are listed together. */
const PAIRS = new Set(
  [
    'tỉnh ủy', 'huyện ủy', 'thành ủy', 'đảng ủy', 'quận ủy', 'thị ủy', 'cấp ủy', 'trung ương', 'đăng ký', 'dân vận', 'nhân dân', 'tổ quốc',
    'cơ sở', 'tổng số', 'đoàn thể', 'tập thể', 'cá nhân', 'công nhân', 'chính quyền', 'thường vụ', 'thường trực', 'ủy viên', 'văn phòng',
    'xã hội', 'chính trị', 'an ninh', 'lĩnh vực', 'kết quả', 'chỉ tiêu', 'công nhận', 'chỉ huy', 'cựu chiến binh', 'chiến binh', 'phụ nữ',
    'thanh niên', 'nông dân', 'liên hiệp', 'mặt trận', 'việt nam', 'đơn vị', 'số đơn vị', 'báo cáo', 'nhiệm vụ', 'cán bộ', 'mô hình',
    'điển hình', 'triệu đồng', 'tỷ đồng', 'lượt người', 'ngày công', 'kiến nghị', 'hội nghị', 'phường', 'nhà nước',
  ].map((p) => p.normalize('NFC')),
);

/** The text with the space inside each listed pair made a no-break space ("Tỉnh ủy" → "Tỉnh\u00a0ủy"). */
export function bindCompounds(text: string): string {
  const words = text.split(' ');
  if (words.length < 2) return text;
  let out = words[0]!;
  for (let i = 1; i < words.length; i += 1) {
    // Only short words can pair: a long run (a cell of 32,000 dots) is passed over in one comparison.
    if (words[i]!.length > 12 || words[i - 1]!.length > 12) {
      out += ` ${words[i]!}`;
      continue;
    }
    const prev = words[i - 1]!.toLocaleLowerCase('vi').replace(/^[(“"'-]+/, '');
    const word = words[i]!.toLocaleLowerCase('vi').replace(/[),.;:”"']+$/, '');
    const bound = CLOSING.has(word) && PAIRS.has(`${prev.split(NBSP).pop()} ${word}`.normalize('NFC'));
    out += (bound ? NBSP : ' ') + words[i]!;
  }
  return out;
}

/**
 * A short header ("Đăng ký", "Trung ương", "Tổng số") is never broken: every space in it binds; in a longer one,
 * the pairs and the unit in parentheses ("(mô hình)", "(triệu đồng)") bind.
 */
export function bindHeader(header: string): string {
  const words = header.split(' ');
  if (words.length <= 2) return words.join(NBSP);
  return bindCompounds(header).replace(/\(([^()]{1,24})\)/g, (unit) => unit.replace(/ /g, NBSP));
}

/**
 * A short line of its own ("- Các cơ quan, đơn vị trong khối dân vận tỉnh,"; a V/v line): its pairs bound, and its
 * last word kept with the one before, so that no word ever stands alone on the line the text wraps onto.
 */
export function bindLine(text: string): string {
  const bound = bindCompounds(text);
  const last = bound.lastIndexOf(' ');
  // A last word already bound to its own pair ("Tỉnh ủy,") needs nothing more: binding it further would carry a
  // longer run to the next line and leave the first line short.
  if (last <= 0 || bound.length - last > 16 || bound.slice(last + 1).includes(NBSP)) return bound;
  return `${bound.slice(0, last)}${NBSP}${bound.slice(last + 1)}`;
}

/**
 * Body text: a line never starts with the dash of "chính trị - xã hội" (it would read as a new bullet), and
 * "Phụ lục 3" is never split between two lines.
 */
export function bindInText(text: string): string {
  return text.replace(/(\S) - /g, `$1${NBSP}- `).replace(/(Phụ lục|Bảng) (?=[0-9IVX])/g, `$1${NBSP}`);
}

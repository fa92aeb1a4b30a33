/**
 * Is a word a well-formed Vietnamese syllable? Used to tell legacy-encoded text from real text: a word read
 * through a legacy table must come out as a syllable, and a word that already is one is never "repaired".
 *
 * The check is orthographic, not a dictionary: an onset from the 27 written onsets, a rhyme from the written
 * rhymes of the language, at most one tone mark, and the rule that a rhyme ending in -p, -t, -c, -ch takes
 * the sắc or nặng tone and no other. It accepts some syllables no word uses (that is fine: it only has to reject
 * what is not Vietnamese at all, such as "tÕ", "Vieät" or "café").
 */

const TONE_MARKS: Record<string, number> = {
  '\u0301': 1, // sắc
  '\u0300': 2, // huyền
  '\u0309': 3, // hỏi
  '\u0303': 4, // ngã
  '\u0323': 5, // nặng
};

/** Written onsets, longest first so that "ngh" is tried before "ng" and "n". */
const ONSETS = ['ngh', 'ng', 'gh', 'gi', 'kh', 'nh', 'ph', 'th', 'tr', 'ch', 'qu', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];

/** Written rhymes without tone (vần), from the standard tables of Vietnamese spelling ("ych", "ynh", "yt" after qu-: quých, quýnh, quýt). */
const RHYMES = new Set(
  `a ai ao au ay ac ach am an ang anh ap at
   ăc ăm ăn ăng ăp ăt
   âc âm ân âng âp ât âu ây
   e eo ec em en eng ep et
   ê êch êm ên êng ênh êp êt êu
   i ia ich im in inh ip it iu
   iêc iêm iên iêng iêp iêt iêu
   o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet oi oc om on ong ooc oong op ot
   ô ôc ôi ôm ôn ông ôp ôt
   ơ ơi ơm ơn ơp ơt
   u ua uân uâng uât uây uê uêch uên uênh uc ui um un ung up ut uy uych uyên uyêt uyn uynh uyt uyp uya uyu
   uôc uôi uôm uôn uông uôt uơ
   ư ưa ưc ưi ưm ưn ưng ưt ưu ươ ươc ươi ươm ươn ương ươp ươt ươu
   y yêm yên yêng yêt yêu ych ynh yt`.split(/\s+/),
);

const STOP_CODAS = /(?:p|t|c|ch)$/;
/** Onsets written only before the front vowels i, e, ê, y (k, gh, ngh) and onsets never written there (c, q, ng). */
const FRONT = /^[ieêy]/;

/** Lower-case letter (with its vowel modifier but without tone) and tone number, for every letter of the alphabet. */
const LETTERS = new Map<string, { base: string; tone: number }>();
for (const base of 'aăâbcdđeêghiklmnoôơpqrstuưvxy') {
  LETTERS.set(base, { base, tone: 0 });
}
for (const base of 'aăâeêioôơuưy') {
  for (const [mark, tone] of Object.entries(TONE_MARKS)) {
    LETTERS.set((base + mark).normalize('NFC'), { base, tone });
  }
}

/** Splits a lower-cased NFC word into toneless letters and its tone; undefined if a letter is not Vietnamese or two tones appear. */
function untone(word: string): { plain: string; tone: number } | undefined {
  let plain = '';
  let tone = 0;
  for (const ch of word) {
    const letter = LETTERS.get(ch);
    if (!letter) return undefined;
    if (letter.tone) {
      if (tone) return undefined;
      tone = letter.tone;
    }
    plain += letter.base;
  }
  return { plain, tone };
}

/** Answers so far, by lower-case word: the language has some 7,000 syllables, so real text repeats them a lot. */
const memo = new Map<string, boolean>();
const MEMO_LIMIT = 50_000;

/** True when `word` (any case, NFC) is a well-formed Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  if (word.length === 0 || word.length > 8) return false;
  const lower = word.toLowerCase();
  let answer = memo.get(lower);
  if (answer === undefined) {
    answer = check(lower);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(lower, answer);
  }
  return answer;
}

function check(lower: string): boolean {
  const parts = untone(lower);
  if (!parts) return false;
  const { plain, tone } = parts;
  for (const onset of ONSETS) {
    if (!plain.startsWith(onset)) continue;
    let rhyme = plain.slice(onset.length);
    // "gì", "gìn": the i of gi- is also the vowel; "giếng", "giữa": gi- before a rhyme.
    if (onset === 'gi' && (rhyme === '' || !RHYMES.has(rhyme))) rhyme = `i${rhyme}`;
    if (!RHYMES.has(rhyme)) continue;
    if ((onset === 'k' || onset === 'gh' || onset === 'ngh') && !FRONT.test(rhyme)) continue;
    if ((onset === 'c' || onset === 'ng') && FRONT.test(rhyme)) continue;
    if (onset === 'qu' && rhyme.startsWith('u')) continue;
    if (STOP_CODAS.test(rhyme) && tone !== 1 && tone !== 5) continue;
    return true;
  }
  return false;
}

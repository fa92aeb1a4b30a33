/**
 * Is a name typed by a unit (a file name, a document header) that of a registered unit? Tolerant of case,
 * diacritics, punctuation and the abbreviations units use (UBMTTQ, Hội CCB, ĐU xã, BDV…), and strict about
 * another organisation's name: "Hội Nông dân tỉnh" never becomes "Hội Cựu chiến binh tỉnh".
 *
 * A minimal version of the module issue 16 writes; callers use only these two functions.
 */
import type { UnitEntry } from '../config/schema.js';

/** Abbreviations as folded words → the folded words they stand for. */
const ABBREVIATIONS: Record<string, string> = {
  ubmttq: 'uy ban mat tran to quoc',
  mttq: 'mat tran to quoc',
  ubnd: 'uy ban nhan dan',
  hdnd: 'hoi dong nhan dan',
  bdv: 'ban dan van',
  btv: 'ban thuong vu',
  ccb: 'cuu chien binh',
  hccb: 'hoi cuu chien binh',
  hnd: 'hoi nong dan',
  lhpn: 'lien hiep phu nu',
  hlhpn: 'hoi lien hiep phu nu',
  ldld: 'lien doan lao dong',
  tncs: 'thanh nien cong san',
  bchqs: 'bo chi huy quan su',
  chqs: 'chi huy quan su',
  bch: 'ban chap hanh',
  tw: 'trung uong',
  dtn: 'doan thanh nien',
  bdbp: 'bo doi bien phong',
  du: 'dang uy',
  hu: 'huyen uy',
  tu: 'tinh uy',
  ca: 'cong an',
  tp: 'thanh pho',
  tx: 'thi xa',
};

/**
 * Words every organisation's name shares ("ban", "hội", "tỉnh", "ủy"…): they say nothing about which one is
 * meant, so two names that differ only in them are not told apart by them, and two names whose other words
 * have nothing in common are different organisations.
 */
const GENERIC = new Set([
  'ban', 'dan', 'van', 'uy', 'tinh', 'huyen', 'xa', 'thanh', 'pho', 'thi', 'hoi', 'cua', 'va', 'cac', 'viet', 'nam',
  'so', 'bao', 'cao', 'dang', 'bo', 'co', 'quan', 'don', 'vi', 'to', 'chuc', 'chinh', 'tri', 'quy', 'thang', 'dau',
  'doan', 'the', 'nhan', 'cong', 'tac', 'kem', 'theo', 'file', 'ban', 'sao', 'moi', 'cu', 'chinh', 'thuc', 'q',
  'docx', 'doc', 'xlsx', 'bc', 'dv',
]);

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** The folded words of a name, abbreviations written out; digits and punctuation separate words. */
export function nameWords(name: string): string[] {
  const words: string[] = [];
  for (const raw of fold(name).split(/[^a-z]+/)) {
    if (!raw) continue;
    const full = ABBREVIATIONS[raw];
    if (full) words.push(...full.split(' '));
    else words.push(raw);
  }
  return words;
}

function distinctive(words: readonly string[]): Set<string> {
  return new Set(words.filter((w) => !GENERIC.has(w) && w.length > 1));
}

/**
 * 'same': every word of the registry's name is in the file's name (the file may add the province, the
 * period…); 'different': the words that tell organisations apart have nothing in common; 'unclear' otherwise.
 */
export function nameAgreement(fileName: string, registryName: string): 'same' | 'different' | 'unclear' {
  const file = new Set(nameWords(fileName));
  const registry = nameWords(registryName);
  if (registry.length === 0 || file.size === 0) return 'unclear';
  if (registry.every((w) => file.has(w))) return 'same';
  const a = distinctive([...file]);
  const b = distinctive(registry);
  if (a.size === 0 || b.size === 0) return 'unclear';
  for (const w of b) if (a.has(w)) return 'unclear';
  return 'different';
}

/**
 * The registered units the name is the name of: those whose every word it contains; when several do, the
 * most specific ones (most words), so "Ban Dân vận Huyện ủy Đông Hòa, tỉnh Bình Sơn" is the district's
 * committee, not the province's "Ban Dân vận Tỉnh ủy". More than one result means the name cannot decide.
 */
export function findUnitsByName(name: string, registry: readonly UnitEntry[]): UnitEntry[] {
  const same = registry.filter((unit) => nameAgreement(name, unit.name) === 'same');
  if (same.length <= 1) return same;
  const size = (unit: UnitEntry) => new Set(nameWords(unit.name)).size;
  const most = Math.max(...same.map(size));
  return same.filter((unit) => size(unit) === most);
}

/**
 * Addressees of proposals as units write them ("UBND tỉnh", "Ủy ban nhân dân tỉnh"): one name each, their place
 * in protocol order, and where a proposal belongs in the committee's own report — to a body above or beside the
 * issuer (kept), to the issuer itself (one of its own tasks), or to a body below it (for the staff, not the report).
 */
import { foldKey, trimEndWhere } from './text.js';

/** Abbreviations common in reports, written out as the official name. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bUBND\b/gu, 'Ủy ban nhân dân'],
  [/\bHĐND\b/gu, 'Hội đồng nhân dân'],
  [/\bBTV\b/gu, 'Ban Thường vụ'],
  [/\bBDV\b/gu, 'Ban Dân vận'],
  [/\bUBMTTQ\b/gu, 'Ủy ban Mặt trận Tổ quốc'],
  [/\bMTTQ\b/gu, 'Mặt trận Tổ quốc'],
];

/**
 * "UBND tỉnh" → "Ủy ban nhân dân tỉnh"; the first letter capitalised as a body's name is, but a plural stays lower
 * case, as it reads after "Đối với": "các chi bộ ấp", "các sở, ngành".
 */
export function canonicalAddressee(text: string): string {
  // Closing punctuation dropped by a loop, not /[.:;,]+$/, which backtracks on a long run of dots.
  let out = trimEndWhere(text.trim(), (c) => c === 0x2e || c === 0x3a || c === 0x3b || c === 0x2c);
  for (const [pattern, full] of ABBREVIATIONS) out = out.replace(pattern, full);
  if (/^(các|những)\s/iu.test(out)) return out.charAt(0).toLocaleLowerCase('vi') + out.slice(1);
  return out.charAt(0).toLocaleUpperCase('vi') + out.slice(1);
}

/**
 * Protocol order among the addressees of one report: the Centre first, then bodies of a level above the issuer's,
 * then those of its own level (a body that names no level counts as the issuer's), each level in the order of
 * addresseeRank (cấp ủy, chính quyền, ban, sở, ngành).
 */
export function protocolOrder(addressee: string, issuer: string): number {
  if (!addressee) return Number.MAX_SAFE_INTEGER;
  const own = bodyLevel(issuer) ?? 1;
  return (bodyLevel(addressee) ?? own) * 1000 + addresseeRank(addressee);
}

/**
 * Protocol order of the bodies a report addresses: the Centre, then the Party committee (its executive board,
 * then its standing members, then the committee), then the People's Council and Committee, then the boards,
 * departments and sectors, then the Front and the mass organisations. Folded prefixes, first match wins.
 */
const RANK: [number, string[]][] = [
  [0, ['banchaphanhtrunguong', 'bochinhtri', 'banbithu', 'quochoi', 'chinhphu']],
  [1, ['banchaphanh']],
  [2, ['banthuongvu']],
  [3, ['thuongtruc']],
  [4, ['tinhuy', 'thanhuy', 'huyenuy', 'quanuy', 'thixauy', 'danguy']],
  [5, ['hoidongnhandan']],
  [6, ['uybannhandan']],
  [8, ['uybanmattrantoquoc', 'mattrantoquoc', 'hoi', 'doan', 'tinhdoan', 'liendoan']],
  [7, ['ban', 'so', 'phong', 'nganh', 'cac so', 'bo']],
];

/** Position of an addressee in protocol order; a body of the Centre before any local one; unknown bodies last. */
export function addresseeRank(name: string): number {
  const key = foldKey(name);
  if (!key) return 100;
  const centre = isCentral(key) ? 0 : 10;
  for (const [rank, prefixes] of RANK) {
    if (prefixes.some((prefix) => key.startsWith(foldKey(prefix)))) return rank === 0 ? 0 : centre + rank;
  }
  return centre + 9;
}

/** Levels of the administrative tree: 0 the Centre, 1 the province, 2 the district, 3 the commune. */
export type Level = 0 | 1 | 2 | 3;

function isCentral(key: string): boolean {
  return key.includes('trunguong') || key.startsWith('chinhphu') || key.startsWith('quochoi') || key.startsWith('bochinhtri') || key.startsWith('banbithu') || /^bo[a-z]/.test(key) && !key.startsWith('bochihuy') && !key.startsWith('bodoi');
}

/** The level a body's name tells ("Ủy ban nhân dân tỉnh" 1, "Đảng ủy các xã, phường" 3), or undefined when it tells none. */
export function bodyLevel(name: string): Level | undefined {
  const key = foldKey(name);
  if (!key) return undefined;
  if (isCentral(key)) return 0;
  const words = name.normalize('NFC').toLocaleLowerCase('vi').split(/[^\p{L}]+/u).filter(Boolean);
  const has = (...w: string[]) => w.some((x) => words.includes(x));
  // The lowest level named wins: "Đảng ủy các xã thuộc huyện" is the communes'.
  if (has('xã', 'phường', 'trấn') || key.includes('coso')) {
    // "xã hội" (society) names no commune.
    const commune = words.some((w, i) => (w === 'xã' && words[i + 1] !== 'hội') || w === 'phường' || w === 'trấn');
    if (commune || key.includes('coso')) return 3;
  }
  // Below the commune: its hamlets and villages, residential areas, the Party cells.
  if (has('ấp', 'thôn', 'xóm', 'bản', 'buôn', 'làng', 'sóc') || key.includes('todanpho') || key.includes('khupho') || key.includes('khudancu') || key.includes('chibo')) return 3;
  if (has('huyện', 'quận') || key.includes('thixa')) return 2;
  if (has('tỉnh') || key.startsWith('so') || key.includes('tinhuy') || key.includes('tinhdoan')) return 1;
  return undefined;
}

/** Whether a name is the issuer's, as units write it ("Ban Dân vận Tỉnh ủy", "BDV Tỉnh ủy", "Ban Dân vận Tỉnh ủy Bình Sơn"). */
export function isIssuer(name: string, issuer: string): boolean {
  const key = foldKey(canonicalAddressee(name));
  const own = foldKey(canonicalAddressee(issuer));
  return key !== '' && own !== '' && (key === own || key.startsWith(own));
}

export type ProposalRoute = 'report' | 'issuer' | 'below';

/** Where a proposal to `addressee` belongs in the report of `issuer` (see the module comment). */
export function routeProposal(addressee: string, issuer: string): ProposalRoute {
  if (!addressee) return 'report';
  if (isIssuer(addressee, issuer)) return 'issuer';
  const own = bodyLevel(issuer);
  const theirs = bodyLevel(addressee);
  return own !== undefined && theirs !== undefined && theirs > own ? 'below' : 'report';
}

/**
 * The addressee a proposal names itself when its unit left "Cơ quan nhận" blank: "Đề nghị Ban Dân vận Tỉnh ủy tổ
 * chức …" names the issuer. Only the issuer and bodies written with a known prefix are recognised.
 */
export function addresseeInText(text: string, issuer: string): string {
  const rest = afterRequest(text);
  if (rest === undefined) return '';
  const words = rest.split(' ');
  // The longest run of words that is the issuer's name.
  for (let k = Math.min(words.length, 12); k >= 1; k -= 1) {
    const candidate = words.slice(0, k).join(' ').replace(/[,.;:]+$/, '');
    if (foldKey(canonicalAddressee(candidate)) === foldKey(canonicalAddressee(issuer))) return candidate;
  }
  return '';
}

/** The opening "Đề nghị" / "Kiến nghị" / "Đề xuất" of a proposal. */
const REQUEST = /^\s*(?:đề\s+nghị|kiến\s+nghị|đề\s+xuất)\s+/iu;

/** "Đề nghị tổ chức tập huấn …" → "Tổ chức tập huấn …": a request made the issuer's own task. */
export function withoutRequest(text: string): string {
  const m = REQUEST.exec(text);
  if (!m) return text;
  const rest = text.slice(m[0].length);
  return rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
}

/** The text after its opening "Đề nghị" / "Kiến nghị", or undefined when it opens otherwise. */
function afterRequest(text: string): string | undefined {
  const m = REQUEST.exec(text.normalize('NFC'));
  return m ? text.normalize('NFC').slice(m[0].length).replace(/\s+/g, ' ') : undefined;
}

/**
 * The proposal without its opening "Đề nghị <addressee>", for a heading that already names the addressee ("Đối
 * với Ủy ban nhân dân tỉnh: - Bố trí kinh phí …") or for the issuer's own task; the text as it is when it does not
 * open that way.
 */
export function withoutAddressee(text: string, names: readonly string[]): string {
  const rest = afterRequest(text);
  if (rest === undefined) return text;
  const keys = new Set(names.filter(Boolean).map((n) => foldKey(canonicalAddressee(n))));
  const words = rest.split(' ');
  for (let k = Math.min(words.length - 1, 14); k >= 1; k -= 1) {
    const candidate = words.slice(0, k).join(' ').replace(/[,.;:]+$/, '');
    if (keys.has(foldKey(canonicalAddressee(candidate)))) {
      const remainder = words.slice(k).join(' ').replace(/^[,:;\s]+/, '');
      return remainder ? remainder.charAt(0).toLocaleUpperCase('vi') + remainder.slice(1) : text;
    }
  }
  return text;
}

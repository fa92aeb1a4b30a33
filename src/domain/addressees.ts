/** Addressees of proposals as units write them ("UBND tỉnh", "Ủy ban nhân dân tỉnh"): one name each, in rank order. */
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

/** Higher bodies first, as a report addresses them. */
const RANK = [
  'Ban Chấp hành Trung ương',
  'Ban Bí thư',
  'Ban Dân vận Trung ương',
  'Ban Thường vụ Tỉnh ủy',
  'Thường trực Tỉnh ủy',
  'Tỉnh ủy',
  'Hội đồng nhân dân',
  'Ủy ban nhân dân',
  'Ban Dân vận',
  'Ủy ban Mặt trận Tổ quốc',
  'Mặt trận Tổ quốc',
].map(foldKey);

/** "UBND tỉnh" → "Ủy ban nhân dân tỉnh"; the first letter capitalised. */
export function canonicalAddressee(text: string): string {
  // Closing punctuation dropped by a loop, not /[.:;,]+$/, which backtracks on a long run of dots.
  let out = trimEndWhere(text.trim(), (c) => c === 0x2e || c === 0x3a || c === 0x3b || c === 0x2c);
  for (const [pattern, full] of ABBREVIATIONS) out = out.replace(pattern, full);
  return out.charAt(0).toLocaleUpperCase('vi') + out.slice(1);
}

/** Position of an addressee in the usual order of a report; unknown bodies after the known ones. */
export function addresseeRank(name: string): number {
  const key = foldKey(name);
  if (!key) return RANK.length + 1;
  const index = RANK.findIndex((prefix) => key.startsWith(prefix));
  return index === -1 ? RANK.length : index;
}

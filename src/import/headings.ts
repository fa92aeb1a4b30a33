/**
 * The headings units write in their reports, and where what follows them goes: the parts of a report
 * (results, limitations, causes, tasks, proposals, figures) and the fields of SPEC §3 that sub-headings name
 * ("Công tác dân vận của chính quyền" → "Dân vận chính quyền"). Matching is on folded text (no case, no
 * diacritics, no spaces), so "CÔNG TÁC DÂN VẬN CHÍNH QUYỀN" and "Công tác dân vận chính quyền:" agree.
 */
import type { Field } from '../domain/fields.js';
import { foldKey } from '../domain/text.js';

export type PartKind = 'context' | 'results' | 'strengths' | 'limitations' | 'causes' | 'assessment' | 'tasks' | 'proposals' | 'figures';

/** Parts of a report, the first matching row wins: order matters ("kết quả thực hiện nhiệm vụ" is results). */
const PARTS: [PartKind, string[]][] = [
  ['figures', ['bieusolieu', 'bangsolieu', 'phulucsolieu', 'cacchitieu', 'solieucuthe', 'solieu']],
  ['proposals', ['dexuat', 'kiennghi']],
  ['tasks', ['phuonghuong', 'nhiemvutrongtam', 'nhiemvuthoigiantoi', 'nhiemvuquy', 'nhiemvu6thang', 'nhiemvunam', 'nhiemvugiaiphap', 'kehoachthoigiantoi']],
  ['context', ['dacdiemtinhhinh', 'tinhhinhchung', 'boicanh', 'dacdiemchung']],
  ['assessment', ['danhgiachung', 'nhanxetchung']],
  ['limitations', ['hanche', 'tontai', 'khuyetdiem', 'khokhan', 'vuongmac', 'batcap']],
  ['causes', ['nguyennhan']],
  ['strengths', ['uudiem', 'matduoc']],
  ['results', ['ketqua', 'tinhhinhthuchien', 'congtacdanvan', 'hoatdong', 'trienkhaithuchien', 'thuchiennhiemvu']],
  ['tasks', ['nhiemvu', 'giaiphap']],
];

/** Sub-headings naming a field, most specific first. */
const FIELD_HEADINGS: [Field, string[]][] = [
  ['Dân vận khéo', ['danvankheo', 'mohinh', 'dienhinh', 'phongtraothidua']],
  ['Dân chủ ở cơ sở', ['danchu', 'quychedanchu']],
  ['Dân tộc, tôn giáo', ['dantoc', 'tongiao']],
  ['Lực lượng vũ trang', ['lucluongvutrang', 'quandoi', 'congan', 'quansu', 'bienphong', 'llvt']],
  ['Mặt trận và đoàn thể', ['mattran', 'mttq', 'doanthe', 'tochucchinhtrixahoi', 'chinhtrixahoi', 'hoidoanthe']],
  ['Dân vận chính quyền', ['chinhquyen', 'coquannhanuoc', 'caicachhanhchinh', 'nhanuoc']],
  ['Nắm tình hình Nhân dân', ['namtinhhinh', 'tinhhinhnhandan', 'tinhhinhtutuong', 'tamtu', 'dulucxahoi', 'dulun']],
  ['Tổ chức, cán bộ', ['tochuccanbo', 'canbo', 'taphuan', 'boiduong', 'kiemtragiamsat', 'kiemtra', 'giamsat', 'kientoan', 'xaydunghethong']],
  ['Lãnh đạo, chỉ đạo', ['lanhdao', 'chidao', 'quantriet', 'banhanh', 'thammuu']],
];

function strip(text: string): string {
  // Numbering and closing punctuation are not part of the heading's words.
  return foldKey(text.replace(/^\s*(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)\-–]\s*/iu, ''));
}

/** The part of a report a heading names, or null. */
export function partOfHeading(text: string): PartKind | null {
  const key = strip(text).replace(/\s/g, '');
  for (const [kind, keys] of PARTS) if (keys.some((k) => key.includes(k.replace(/\s/g, '')))) return kind;
  return null;
}

/** The field a sub-heading names, or null when it names none of them. */
export function fieldOfHeading(text: string): Field | null {
  const key = strip(text);
  for (const [field, keys] of FIELD_HEADINGS) if (keys.some((k) => key.includes(k))) return field;
  return null;
}

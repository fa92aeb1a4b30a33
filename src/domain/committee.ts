/**
 * The committee danvan works for, as far as its level shows in the config's organization data: a province's,
 * a district's (where that level still exists) or a commune's. The form's guide speaks to its units with it.
 */
import { foldKey } from './text.js';

export type CommitteeLevel = 'tinh' | 'huyen' | 'xa';

export interface Committee {
  /** null when the names say nothing of a level: the wording stays general. */
  level: CommitteeLevel | null;
  /** "Ban Dân vận Huyện ủy": the committee's own name, as the config gives it. */
  name: string;
  /** "Huyện ủy", "Đảng ủy xã"…; null without a level. */
  partyCommittee: string | null;
  /** "huyện", "thành phố", "xã"…: how a body of this level is named ("UBND huyện"); null without a level. */
  locality: string | null;
}

/** Party committees by their folded words, most specific first, with their level and locality. */
const LEVELS: ReadonlyArray<{ words: string; level: CommitteeLevel; partyCommittee: string; locality: string }> = [
  { words: 'danguyxa', level: 'xa', partyCommittee: 'Đảng ủy xã', locality: 'xã' },
  { words: 'danguyphuong', level: 'xa', partyCommittee: 'Đảng ủy phường', locality: 'phường' },
  { words: 'danguythitran', level: 'xa', partyCommittee: 'Đảng ủy thị trấn', locality: 'thị trấn' },
  { words: 'danguydackhu', level: 'xa', partyCommittee: 'Đảng ủy đặc khu', locality: 'đặc khu' },
  { words: 'tinhuy', level: 'tinh', partyCommittee: 'Tỉnh ủy', locality: 'tỉnh' },
  { words: 'huyenuy', level: 'huyen', partyCommittee: 'Huyện ủy', locality: 'huyện' },
  { words: 'quanuy', level: 'huyen', partyCommittee: 'Quận ủy', locality: 'quận' },
  { words: 'thiuy', level: 'huyen', partyCommittee: 'Thị ủy', locality: 'thị xã' },
  { words: 'thanhuy', level: 'huyen', partyCommittee: 'Thành ủy', locality: 'thành phố' },
];

/** The committee of `organization.name` ("Ban Dân vận Huyện ủy"), else of `organization.superiorBody` ("HUYỆN ỦY TÂN LẠC"). */
export function committeeOf(organization: { name: string; superiorBody: string }): Committee {
  for (const text of [organization.name, organization.superiorBody]) {
    const key = foldKey(text);
    const found = LEVELS.find((entry) => key.includes(entry.words));
    if (found) return { level: found.level, name: organization.name, partyCommittee: found.partyCommittee, locality: found.locality };
  }
  return { level: null, name: organization.name, partyCommittee: null, locality: null };
}

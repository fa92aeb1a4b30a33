/**
 * What the committee says in its own voice, drawn from what the units sent: the causes of its limitations said
 * once and grouped as the units marked them (khách quan / chủ quan), one deadline per task, and the changes
 * against the same period that an assessment names (rises as strengths, notable falls as weaknesses).
 */
import type { GatheredItem, IndicatorTotal, LimitationItem, TaskItem, UnitRef } from '../model/report-model.js';
import { mergeItems, type MergeOptions } from '../aggregate/gather.js';
import { POINTS, formatChange, formatNumber, formatPercent } from './format.js';
import { byReach } from './selection.js';

export type CauseKind = 'khách quan' | 'chủ quan' | '';

export interface CauseGroup {
  /** "khách quan", "chủ quan", or "" for causes the units did not mark. */
  kind: CauseKind;
  items: GatheredItem[];
}

const CAUSE_MARK = /^\s*(?:nguyên\s+nhân\s+)?(khách\s+quan|chủ\s+quan)\s*[:：\-–]\s*/iu;

/** "Khách quan: thiên tai …" → kind "khách quan", text "Thiên tai …"; an unmarked cause keeps its text. */
export function markedCause(text: string): { kind: CauseKind; text: string } {
  const m = CAUSE_MARK.exec(text.normalize('NFC'));
  if (!m) return { kind: '', text };
  const rest = text.normalize('NFC').slice(m[0].length).trim();
  const kind = m[1]!.toLocaleLowerCase('vi').replace(/\s+/g, ' ') as CauseKind;
  return { kind, text: rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1) };
}

/**
 * What a cause's own words tell of its kind when the unit did not mark it: conditions outside the committee's
 * work (the terrain, disasters, funding, people's customs) are khách quan; shortcomings of cấp ủy, cán bộ and the
 * work itself (coordination, leadership, content) are chủ quan. The side with more such words wins; a tie or
 * none tells nothing.
 */
const OBJECTIVE_WORDS = [
  'địa bàn', 'thiên tai', 'bão', 'lũ', 'lụt', 'hạn hán', 'dịch bệnh', 'covid', 'thời tiết', 'giá cả', 'kinh phí', 'nguồn lực',
  'ngân sách', 'đi lại', 'đi biển', 'làm ăn xa', 'làm theo ca', 'tập quán', 'phong tục', 'dân cư', 'biến động', 'thủ đoạn',
  'tội phạm', 'chính sách', 'chưa có hướng dẫn', 'sau sắp xếp', 'kinh tế khó khăn', 'vùng sâu', 'vùng xa', 'tuổi cao',
  'một bộ phận nhân dân', 'doanh nghiệp', 'giá thị trường',
];
const SUBJECTIVE_WORDS = [
  'cán bộ', 'cấp ủy', 'quan tâm', 'phối hợp', 'kiêm nhiệm', 'năng lực', 'trách nhiệm', 'chủ động', 'sâu sát', 'lãnh đạo',
  'chỉ đạo', 'tuyên truyền', 'nội dung', 'hình thức', 'đổi mới', 'công chức', 'người đứng đầu', 'kỹ năng', 'kiểm tra',
];

export function causeKindOf(text: string): CauseKind {
  const lower = ` ${text.normalize('NFC').toLocaleLowerCase('vi').replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const score = (words: readonly string[]) => words.reduce((n, w) => n + (lower.includes(` ${w} `) ? 1 : 0), 0);
  const objective = score(OBJECTIVE_WORDS);
  const subjective = score(SUBJECTIVE_WORDS);
  return objective > subjective ? 'khách quan' : subjective > objective ? 'chủ quan' : '';
}

/**
 * Every cause the units gave for any limitation, each said once (merged like the items themselves), with the units
 * that gave it, most widely given first; grouped khách quan, then chủ quan, by the units' own marks or else by what
 * the cause's words tell (causeKindOf); a cause that tells nothing stands with the chủ quan ones, the committee's
 * own to answer for. When no cause tells its kind, they are one list (kind "").
 */
export function causeGroups(limitations: readonly LimitationItem[], units: ReadonlyMap<string, UnitRef>, merge: MergeOptions): CauseGroup[] {
  const rows: { text: string; kind: CauseKind; unit: UnitRef; source: LimitationItem['sources'][number] }[] = [];
  for (const item of limitations) {
    for (const source of item.sources) {
      const unit = units.get(source.unit);
      if (!source.detail || !unit) continue;
      // A cell may hold both kinds ("Khách quan: …; chủ quan: …"): each part on its own.
      for (const part of splitMarked(source.detail)) {
        const marked = markedCause(part);
        rows.push({ ...marked, kind: marked.kind || causeKindOf(marked.text), unit, source });
      }
    }
  }
  const grouped = rows.some((r) => r.kind !== '');
  const kinds: CauseKind[] = grouped ? ['khách quan', 'chủ quan'] : [''];
  return kinds
    .map((kind) => {
      const mine = rows.filter((r) => (grouped ? (r.kind || 'chủ quan') === kind : true));
      const merged = mergeItems(mine, (r) => ({ text: r.text, units: [r.unit], sources: [] }), undefined, merge);
      return { kind, items: byReach(merged) };
    })
    .filter((g) => g.items.length > 0);
}

/** "Khách quan: a; chủ quan: b" → ["Khách quan: a", "chủ quan: b"]; a cell without a second mark stays whole. */
function splitMarked(text: string): string[] {
  const at = text.search(/[;.]\s*(?:nguyên\s+nhân\s+)?chủ\s+quan\s*[:：\-–]/iu);
  if (at < 0 || !CAUSE_MARK.test(text)) return [text];
  return [text.slice(0, at), text.slice(at + 1).trim()];
}


/**
 * The one deadline the committee's task carries: the earliest full date the units gave ("15/12/2025"), else the
 * earliest month ("tháng 12/2025"), else none ("Thường xuyên", "Quý IV/2025" and the like say no date).
 */
export function earliestDeadline(task: Pick<TaskItem, 'deadlines'>): string {
  let best: { key: number; text: string } | undefined;
  for (const raw of task.deadlines) {
    const text = raw.normalize('NFC').trim();
    const day = /^(?:ngày\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})$/iu.exec(text);
    const month = /^(?:tháng\s+)?(\d{1,2})\/(\d{4})$/iu.exec(text);
    let candidate: { key: number; text: string } | undefined;
    if (day) {
      const [d, m, y] = [Number(day[1]), Number(day[2]), Number(day[3])];
      if (m >= 1 && m <= 12 && d >= 1 && d <= 31) candidate = { key: y * 10000 + m * 100 + d, text: `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}` };
    } else if (month) {
      const [m, y] = [Number(month[1]), Number(month[2])];
      // A month ends after every day in it: a full date of the same month is earlier.
      if (m >= 1 && m <= 12) candidate = { key: y * 10000 + m * 100 + 32, text: `tháng ${m}/${y}` };
    }
    if (candidate && (!best || candidate.key < best.key)) best = candidate;
  }
  return best?.text ?? '';
}

/** How the assessment names an indicator in a sentence: "số buổi tuyên truyền, vận động Nhân dân", "tỷ lệ …". */
export function indicatorPhrase(indicator: Pick<IndicatorTotal, 'name' | 'kind' | 'derived'>): string {
  const name = indicator.name.charAt(0).toLocaleLowerCase('vi') + indicator.name.slice(1);
  return indicator.kind === 'count' && !indicator.derived ? `số ${name}` : name;
}

export interface Movement {
  code: string;
  /** "số buổi tuyên truyền, vận động Nhân dân tăng 12,5%". */
  text: string;
}

/** A fall is worth saying when it is at least this share of the earlier figure (or a point, for a ratio). */
const NOTABLE_FALL_PERCENT = 5;

/** The rises and the notable falls against the same period, each told with its own figure. */
export function movements(indicators: readonly IndicatorTotal[]): { rises: Movement[]; falls: Movement[] } {
  const rises: Movement[] = [];
  const falls: Movement[] = [];
  for (const indicator of indicators) {
    const change = indicator.change;
    if (!change || change.direction === 'same') continue;
    const amount = formatChange(change, indicator.derived ? POINTS : indicator.unit).replace(/ so với cùng kỳ$/, '');
    const text = `${indicatorPhrase(indicator)} ${amount}`;
    if (change.direction === 'up') rises.push({ code: indicator.code, text });
    else if (indicator.derived ? Math.abs(change.delta) >= 1 : change.percent === null || Math.abs(change.percent) >= NOTABLE_FALL_PERCENT) falls.push({ code: indicator.code, text });
  }
  return { rises, falls };
}

/** "12" → "12", 90.886 → "90,9%": a total as the report prints it. */
export function printedTotal(indicator: Pick<IndicatorTotal, 'derived' | 'total'>): string {
  if (indicator.total === null) return '';
  return indicator.derived ? formatPercent(indicator.total) : formatNumber(indicator.total);
}

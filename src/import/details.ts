/**
 * What an item's words say besides its content: a proposal's addressee ("Đề nghị Ban Thường vụ Tỉnh ủy quan
 * tâm…" → "Ban Thường vụ Tỉnh ủy") and a task's deadline ("… trước ngày 15/10/2025" → "15/10/2025").
 */

/** Words that end a body's name and start what is asked of it. */
const ASK_VERBS = [
  'tham mưu', 'quan tâm', 'có', 'chỉ đạo', 'hướng dẫn', 'xem xét', 'bố trí', 'sớm', 'tiếp tục', 'ban hành', 'hỗ trợ',
  'tạo điều kiện', 'cho', 'phân bổ', 'kịp thời', 'nghiên cứu', 'tổ chức', 'giải quyết', 'bổ sung', 'cấp', 'mở', 'đầu tư',
  'tăng cường', 'thường xuyên', 'ưu tiên', 'khẩn trương', 'sửa đổi', 'điều chỉnh', 'xây dựng', 'kiện toàn', 'rà soát',
  'phối hợp', 'đẩy mạnh', 'quy định', 'duy trì', 'nâng', 'thực hiện', 'triển khai', 'chấp thuận', 'phê duyệt', 'dành',
  'chú trọng', 'đề xuất', 'trình', 'giao', 'cung cấp',
];

const LEAD = /^(?:[-–+•*]\s*)?(?:(?:Đơn vị\s+)?(?:kính\s+)?(?:đề nghị|kiến nghị|đề xuất)(?:\s+với)?)\s+/iu;

/**
 * The body a proposal is addressed to, when its text starts with "Đề nghị <cơ quan> <việc>": the words up to
 * the first verb of what is asked, when they start as a body's name does (a capital, or "các …").
 */
export function addresseeOf(text: string): string | null {
  const lead = LEAD.exec(text);
  if (!lead) return null;
  const rest = text.slice(lead[0].length);
  if (!/^(?:\p{Lu}|các\s)/u.test(rest)) return null;
  const words = rest.split(/\s+/);
  const lowerVerbs = ASK_VERBS.map((v) => v.split(' '));
  for (let i = 1; i < Math.min(words.length, 16); i++) {
    const word = words[i]!.toLocaleLowerCase('vi');
    const stop = lowerVerbs.some((verb) => verb.every((part, k) => (words[i + k] ?? '').toLocaleLowerCase('vi').replace(/[,.:;]$/, '') === part));
    if (stop || word === 'về' || word === 'để') {
      const name = words.slice(0, i).join(' ').replace(/[,:;.]+$/, '').trim();
      return name.length >= 3 ? name : null;
    }
  }
  return null;
}

const TO_WHOM = /^(?:(?:[IVX]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)]\s*)?(?:đối với|kiến nghị với|đề nghị với|đề xuất với)\s+(\p{Lu}.{1,80}?|các\s.{1,80}?)\s*[:.]?$/iu;

/** The body a sub-heading of the proposals addresses ("2. Đối với Ủy ban nhân dân tỉnh:"), or null. */
export function addresseeOfHeading(heading: string): string | null {
  const m = TO_WHOM.exec(heading.replace(/\s+/g, ' ').trim());
  return m ? m[1]!.trim() : null;
}

const DEADLINE_PATTERNS: RegExp[] = [
  // "trước ngày 15/10/2025", "hoàn thành trước 30/11/2025", "hạn: 20/12/2025"
  /(?:trước|hạn|chậm nhất|hoàn thành(?: trước)?|xong trước|trong)\s*(?:ngày\s*)?:?\s*(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})/iu,
  // "trong tháng 10/2025", "tháng 11 năm 2025"
  /(?:trong|trước|hết|cuối|đầu)?\s*(tháng\s+\d{1,2}\s*(?:\/|năm)\s*\d{4})/iu,
  // "trong quý IV/2025", "quý IV năm 2025"
  /(?:trong|trước|hết)\s+(quý\s+(?:IV|III|II|I|[1-4])\s*(?:\/|năm)\s*\d{4})/iu,
  // "ngày 15 tháng 10 năm 2025"
  /(?:trước|hạn|trong)\s+(ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})/iu,
];

/** The deadline a task's text gives, as written ("15/10/2025", "Tháng 10/2025", "Quý IV/2025"), or null. */
export function deadlineOf(text: string): string | null {
  for (const pattern of DEADLINE_PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    let found = m[1]!.replace(/\s+/g, ' ').trim();
    const date = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(found);
    if (date) found = `${date[1]!.padStart(2, '0')}/${date[2]!.padStart(2, '0')}/${date[3]}`;
    const long = /^ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})$/iu.exec(found);
    if (long) found = `${long[1]!.padStart(2, '0')}/${long[2]!.padStart(2, '0')}/${long[3]}`;
    found = found.replace(/\s*năm\s*/u, '/').replace(/\s*\/\s*/g, '/');
    return found.charAt(0).toLocaleUpperCase('vi') + found.slice(1);
  }
  return null;
}

const WHEN =
  String.raw`(?:ngày\s*)?(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|tháng\s+\d{1,2}\s*(?:\/|năm)\s*\d{4}|quý\s+(?:IV|III|II|I|[1-4])\s*(?:\/|năm)\s*\d{4})`;

/** The phrases that give a task's deadline in its text, each with the separator before it. */
const DEADLINE_PHRASES: RegExp[] = [
  // "(thời hạn: 15/12/2025)", "(hạn: trước 30/11/2025)", "(thời gian: tháng 10/2025)"
  new RegExp(String.raw`\s*\(\s*(?:thời hạn|thời gian(?: hoàn thành)?|hạn)\s*:?\s*(?:trước\s+)?${WHEN}\s*\)`, 'iu'),
  // ", thời gian: tháng 10/2025", "; thời hạn: trước ngày 15/12/2025"
  new RegExp(String.raw`\s*[,;–-]?\s*(?:thời hạn|thời gian(?: hoàn thành)?)\s*:\s*(?:trước\s+)?${WHEN}`, 'iu'),
  // ", hoàn thành trước ngày 20/11/2025", "trước ngày 30/10/2025"
  new RegExp(String.raw`\s*[,;–-]?\s*(?:hoàn thành\s+)?trước\s+${WHEN}`, 'iu'),
];

/**
 * The task's text without the phrase its deadline was read from ("…, hoàn thành trước ngày 20/11/2025." →
 * "…."), keeping the rest and its closing punctuation; the text as it is when no such phrase is found.
 */
export function withoutDeadline(text: string): string {
  for (const pattern of DEADLINE_PHRASES) {
    const m = pattern.exec(text);
    if (!m) continue;
    const out = (text.slice(0, m.index) + text.slice(m.index + m[0].length)).replace(/\s+([.;,:!?])/g, '$1').replace(/\s+/g, ' ').trim();
    return /\p{L}/u.test(out) ? out : text;
  }
  return text;
}

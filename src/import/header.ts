/**
 * The frame of a unit's Word report: the issuing unit's name from the header, the kind of document and its
 * subject from the title, the period from the subject, the date from the date line, the head from the
 * signature block; and where the body starts and ends.
 */
import { foldKey } from '../domain/text.js';
import { parsePeriod, type Period } from '../domain/period.js';
import type { DocBlock, DocParagraph } from './docx-reader.js';

export type DocumentKind = 'report' | 'plan' | 'decision' | 'other';

export interface ReportFrame {
  kind: DocumentKind;
  /** The title's word for another kind of document ("KẾ HOẠCH", "THÔNG BÁO"). */
  kindWord: string;
  /** Lines of the header naming the issuing unit, top to bottom ("HUYỆN ỦY ĐÔNG HÒA", "BAN DÂN VẬN"). */
  unitLines: string[];
  /** The subject line(s) after "BÁO CÁO". */
  subject: string;
  period: Period | null;
  /** The words the period was read from ("quý III năm 2025"). */
  periodText: string;
  reportDate: Date | null;
  dateText: string;
  /** Name and title of the signer, when the signature block gives them. */
  head: string | null;
  /** Index in `blocks` of the first block of the body, and one past its last. */
  bodyStart: number;
  bodyEnd: number;
}

/** Kinds of Party and state documents a title may name (Hướng dẫn 36-HD/VPTW; NĐ 30/2020 Phụ lục III). */
const KINDS: [string, DocumentKind][] = [
  ['BÁO CÁO', 'report'],
  ['KẾ HOẠCH', 'plan'],
  ['QUYẾT ĐỊNH', 'decision'],
  ['THÔNG BÁO', 'other'],
  ['TỜ TRÌNH', 'other'],
  ['CHƯƠNG TRÌNH', 'other'],
  ['HƯỚNG DẪN', 'other'],
  ['NGHỊ QUYẾT', 'other'],
  ['CHỈ THỊ', 'other'],
  ['KẾT LUẬN', 'other'],
  ['CÔNG VĂN', 'other'],
  ['BIÊN BẢN', 'other'],
  ['ĐỀ ÁN', 'other'],
];

const HEADER_NOISE = [
  'dangcongsanvietnam',
  'conghoaxahoichunghiavietnam',
  'doclaptudohanhphuc',
];

/** How far into the document the title may be: header tables and a few lines come first. */
const TITLE_WITHIN = 25;

function isNoise(raw: string): boolean {
  // Spaces collapsed first: the patterns below then never meet a long run of them.
  const line = raw.replace(/\s+/g, ' ').trim();
  const key = foldKey(line);
  if (!key) return true;
  if (HEADER_NOISE.some((noise) => key.startsWith(noise))) return true;
  if (/^\*+$/.test(line.trim())) return true;
  if (/^[-_=—–.\s*]+$/.test(line)) return true;
  // "Số 15-BC/BDVHU", "Số 31/BC-MTTQ", "Số:    /BC-…": the document's number, not the unit's name.
  if (/^số\s*:?\s*[\d.…_ ]*\s*[-/–]/iu.test(line)) return true;
  if (DATE.test(line)) return true;
  return false;
}

const DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;

/** The title's kind when `text` is a title line ("BÁO CÁO", "BÁO CÁO\nKết quả…"): the kind word in capitals, first. */
function titleKind(text: string): { kind: DocumentKind; word: string; rest: string } | null {
  let trimmed = text.trim().normalize('NFC');
  // The kind word alone on its line, in any case: typed in lower case with a capitals font (.VnTimeH), it reads
  // "báo cáo" once repaired.
  if (trimmed.length <= 14 && KINDS.some(([word]) => word === trimmed.toLocaleUpperCase('vi'))) trimmed = trimmed.toLocaleUpperCase('vi');
  for (const [word, kind] of KINDS) {
    if (!trimmed.startsWith(word)) continue;
    const after = trimmed.slice(word.length);
    if (after && !/^[\s:]/.test(after)) continue;
    return { kind, word, rest: after.replace(/^[\s:]+/, '').trim() };
  }
  return null;
}

/** A period named in a subject: the first of "quý III năm 2025", "6 tháng đầu năm 2025", "9 tháng năm 2025", "năm 2025". */
export function findPeriod(text: string): { period: Period; text: string } | null {
  const pattern =
    /(quý\s+(?:IV|III|II|I|[1-4])\s*(?:\/|-|năm)?\s*\d{4})|((?:6|06|9|09|sáu|chín)\s+tháng(?:\s+đầu)?\s*(?:năm)?\s*\/?\s*\d{4})|(năm\s+\d{4})/giu;
  for (const m of text.matchAll(pattern)) {
    let phrase = m[0];
    phrase = phrase.replace(/^sáu/iu, '6').replace(/^chín/iu, '9').replace(/^0([69])/, '$1');
    const period = parsePeriod(phrase.replace(/quý\s+(IV|III|II|I|[1-4])\s*(\d{4})/iu, 'quý $1 năm $2'));
    if (period) return { period, text: m[0] };
  }
  return null;
}

export function findDate(text: string): { date: Date; text: string } | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 2000 || year > 2100) return null;
  return { date, text: m[0] };
}

const SIGNER_TITLE = /(TRƯỞNG|CHỦ TỊCH|BÍ THƯ|GIÁM ĐỐC|CHỈ HUY|THỦ TRƯỞNG|CHÁNH|T\/M|K\/T|TM\.|KT\.|PHÓ)/u;

/** A person's name as signed: two to six words, each capitalised, no digits, not all capitals. */
function isPersonName(line: string): boolean {
  const words = line.trim().split(/\s+/);
  if (words.length < 2 || words.length > 6) return false;
  if (line === line.toUpperCase()) return false;
  return words.every((w) => /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(w.normalize('NFC')));
}

function capitaliseTitle(title: string): string {
  const lower = title.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** Name and title from the signature block: the last title line in capitals, then the name below it. */
function findHead(blockLines: string[][]): string | null {
  const flat = blockLines.flat();
  for (let i = flat.length - 1; i >= 0; i--) {
    if (!isPersonName(flat[i]!)) continue;
    for (let j = i - 1; j >= Math.max(0, i - 6); j--) {
      const line = flat[j]!.trim();
      if (line === line.toUpperCase() && SIGNER_TITLE.test(line)) {
        const title = line.replace(/^(T\/M|K\/T|TM\.|KT\.)\s*/u, '');
        return `${flat[i]!.trim()}, ${capitaliseTitle(title.replace(/\s+/g, ' '))}`;
      }
    }
    return flat[i]!.trim();
  }
  return null;
}

function blockLines(block: DocBlock): string[] {
  if (block.kind === 'paragraph') return block.text.split('\n');
  return block.rows.flatMap((row) => row.flatMap((cell) => cell.split('\n')));
}

/** The frame of the document; `kind` is 'report' only when a "BÁO CÁO" title was found. */
export function readFrame(blocks: readonly DocBlock[]): ReportFrame | null {
  let titleAt = -1;
  let title: ReturnType<typeof titleKind> = null;
  for (let i = 0; i < Math.min(blocks.length, TITLE_WITHIN); i++) {
    const block = blocks[i]!;
    if (block.kind === 'paragraph') {
      title = titleKind(block.text);
      if (title) {
        titleAt = i;
        break;
      }
    } else {
      // A title typed in a table of the header (some units lay out the whole first page in one).
      continue;
    }
  }
  if (!title) return null;

  const headerLines: string[] = [];
  const leftColumn: string[] = [];
  for (let i = 0; i < titleAt; i++) {
    const block = blocks[i]!;
    if (block.kind === 'table') {
      for (const row of block.rows) {
        row.forEach((cell, c) => {
          const cellLines = cell.split('\n');
          headerLines.push(...cellLines);
          if (c === 0) leftColumn.push(...cellLines);
        });
      }
    } else {
      headerLines.push(...block.text.split('\n'));
    }
  }
  const unitSource = leftColumn.length ? leftColumn : headerLines;
  const unitLines = unitSource.map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l.length <= 200 && !isNoise(l));

  // The subject: the title's own rest, then the paragraphs up to the first rule line or numbered part.
  const subjectParts: string[] = title.rest ? [title.rest] : [];
  let bodyStart = titleAt + 1;
  for (let i = titleAt + 1; i < Math.min(blocks.length, titleAt + 4); i++) {
    const block = blocks[i]!;
    if (block.kind !== 'paragraph') break;
    const text = block.text.trim();
    if (/^[-_=—–.*\s]+$/.test(text)) {
      bodyStart = i + 1;
      break;
    }
    // The subject is centred in the rules; typed left, it still comes before the opening sentence and the first part.
    if (block.list || /^(?:[IVX]+|\d{1,2}|[a-z])\s*[.\-)]|^[-+•]/u.test(text) || text.length > 300) break;
    if (!block.centered && /^(?:Thực hiện|Căn cứ|Kính gửi|Theo)\b/u.test(text)) break;
    subjectParts.push(text);
    bodyStart = i + 1;
  }
  const subject = subjectParts.join(' ').replace(/\s+/g, ' ').trim();

  // The end of the body: "Nơi nhận", or the signature block's table, or the signer's title line.
  let bodyEnd = blocks.length;
  for (let i = blocks.length - 1; i >= bodyStart; i--) {
    const block = blocks[i]!;
    const text = blockLines(block).join('\n');
    if (/Nơi nhận\s*:/iu.test(text) || (block.kind === 'paragraph' && /^(T\/M|K\/T|TM\.|KT\.)\s/u.test(block.text.trim()))) {
      bodyEnd = i;
    }
    if (blocks.length - i > 30) break;
  }
  const tail = blocks.slice(bodyEnd).map(blockLines);

  // A subject without its period: the opening sentence often says it ("… báo cáo kết quả … quý III năm 2025 như sau:").
  let found = findPeriod(subject);
  for (let i = bodyStart; !found && i < Math.min(blocks.length, bodyStart + 2); i++) {
    const block = blocks[i]!;
    // Read after the words "báo cáo": "Thực hiện Kế hoạch số 12 năm 2025, … báo cáo kết quả quý III năm 2025".
    const at = block.kind === 'paragraph' ? block.text.toLocaleLowerCase('vi').lastIndexOf('báo cáo') : -1;
    if (block.kind === 'paragraph' && at >= 0) found = findPeriod(block.text.slice(at, at + 400).replace(/\s+/g, ' '));
  }
  let date = null as ReturnType<typeof findDate>;
  for (const line of headerLines) if (!date) date = findDate(line);
  if (!date) for (const lines of tail) for (const line of lines) if (!date) date = findDate(line);
  if (!date) {
    // A date line written as the first paragraph after the header (no header table).
    for (let i = 0; i < Math.min(blocks.length, TITLE_WITHIN) && !date; i++) {
      const block = blocks[i]!;
      if (block.kind === 'paragraph' && block.text.length < 120) date = findDate(block.text);
    }
  }

  return {
    kind: title.kind,
    kindWord: title.word,
    unitLines,
    subject,
    period: found?.period ?? null,
    periodText: found?.text ?? '',
    reportDate: date?.date ?? null,
    dateText: date?.text ?? '',
    head: findHead(tail),
    bodyStart,
    bodyEnd,
  };
}

/** Which kind a document would be by its first capitals, when no title of a known kind is found. */
export function firstCapitals(blocks: readonly DocBlock[]): DocParagraph | undefined {
  return blocks.slice(0, TITLE_WITHIN).find((b): b is DocParagraph => b.kind === 'paragraph' && b.text.length > 3 && b.text === b.text.toUpperCase());
}

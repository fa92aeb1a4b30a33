/**
 * Figures, never guessed. A figures table of the report ("Biểu số liệu": indicators in the unit's words, a
 * value column) fills "Số liệu" row by row when a row names exactly one indicator of the catalogue; a row that
 * names none, or several, or the same indicator twice, is listed for a person, not placed. A number met only
 * in a sentence ("tổ chức 25 buổi tuyên truyền") is offered beside its indicator, never put into "Kỳ này".
 */
import type { Indicator } from '../domain/catalogue.js';
import { parseVietnameseNumber } from '../validate/cell-values.js';
import type { DocTable } from './docx-reader.js';

export interface PlacedFigure {
  code: string;
  value: number;
  /** The row as the unit wrote it. */
  label: string;
  table: number;
  row: number;
}

export interface UnplacedRow {
  label: string;
  value: string;
  table: number;
  row: number;
  reason: 'no-match' | 'ambiguous' | 'duplicate' | 'derived' | 'not-a-number' | 'not-whole';
  /** For 'ambiguous', the indicators it could be; for 'duplicate' and 'derived', the one it names. */
  candidates: string[];
}

export interface OfferedFigure {
  code: string;
  value: number;
  /** The sentence quoted. */
  sentence: string;
  paragraph: number;
}

/** Words that name no indicator ("số", "của", "được"…). */
const STOP = new Set(['so', 'cua', 'va', 'duoc', 'da', 'cac', 'nhung', 'trong', 'ky', 'nay', 'voi', 'theo', 'the', 'lan', 'tong', 'cong', 'luong', 'nguoi', 'tai', 'cho', 'o']);

/** Words units use for the default indicators beside the catalogue's own. */
const SYNONYMS: Record<string, string> = {
  VD_TIEN: 'tien ung ho huy dong',
  VD_DAT: 'dien tich dat hien',
  VD_NHA: 'nha tinh thuong',
  DT_HN: 'doi thoai',
  KTGS_CUOC: 'kiem tra giam sat',
  TT_BUOI: 'buoi',
  TH_LOP: 'lop',
  DVK_DH: 'guong dien hinh tieu bieu',
};

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

export function contentWords(text: string): Set<string> {
  return new Set(fold(text).split(/[^a-z0-9]+/).filter((w) => w && !STOP.has(w) && !/^\d+$/.test(w)));
}

interface Candidate {
  indicator: Indicator;
  words: Set<string>;
}

function candidates(catalogue: readonly Indicator[]): Candidate[] {
  return catalogue
    .filter((indicator) => !indicator.derived)
    .map((indicator) => ({
      indicator,
      words: new Set([...contentWords(indicator.name), ...contentWords(indicator.unit), ...contentWords(SYNONYMS[indicator.code] ?? '')]),
    }));
}

const ACCEPT = 0.6;
const MARGIN = 0.15;

/** The indicators a row's words name: one when it is clear, several when it is not, none when nothing fits. */
export function matchIndicator(label: string, catalogue: readonly Indicator[]): Indicator[] {
  const words = contentWords(label);
  if (words.size === 0) return [];
  const scored = candidates(catalogue)
    .map((c) => {
      let hit = 0;
      for (const w of words) if (c.words.has(w)) hit++;
      return { indicator: c.indicator, score: hit / words.size };
    })
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best || best.score < ACCEPT) return [];
  return scored.filter((s) => s.score >= ACCEPT && best.score - s.score < MARGIN).map((s) => s.indicator);
}

const LABEL_HEADER = /chitieu|noidung|tenchitieu|danhmuc/;
const VALUE_HEADER = /kynay|ketqua|soluong|thuchien|solieu|giatri|tongso|quy|thang|nam/;
const UNIT_HEADER = /donvitinh|^dvt$/;

function key(text: string): string {
  return fold(text).replace(/[^a-z0-9]/g, '');
}

function numeric(text: string): boolean {
  return parseVietnameseNumber(text.trim()) !== undefined;
}

interface Columns {
  header: number;
  label: number;
  value: number;
  unit: number;
}

/** Which row is the header and which columns hold the indicator, its unit and the value; null when none. */
export function figureColumns(table: DocTable): Columns | null {
  for (let r = 0; r < Math.min(table.rows.length, 4); r++) {
    const keys = table.rows[r]!.map(key);
    const label = keys.findIndex((k) => LABEL_HEADER.test(k));
    if (label < 0) continue;
    const unit = keys.findIndex((k) => UNIT_HEADER.test(k));
    let value = -1;
    keys.forEach((k, c) => {
      if (value < 0 && c !== label && c !== unit && VALUE_HEADER.test(k) && !/ghichu|cungky|sosanh|kehoach/.test(k)) value = c;
    });
    if (value >= 0) return { header: r, label, value, unit };
  }
  // No header: the text column and the last column of numbers, when most rows have a number there.
  const width = Math.max(0, ...table.rows.map((row) => row.length));
  if (width < 2 || table.rows.length < 3) return null;
  for (let c = width - 1; c > 0; c--) {
    const filled = table.rows.filter((row) => (row[c] ?? '').trim());
    if (filled.length >= 2 && filled.filter((row) => numeric(row[c]!)).length >= filled.length * 0.8) {
      const label = [...Array(c).keys()].find((l) => table.rows.filter((row) => /\p{L}{3}/u.test(row[l] ?? '')).length >= filled.length * 0.8);
      if (label !== undefined) return { header: -1, label, value: c, unit: -1 };
    }
  }
  return null;
}

export interface FigureReading {
  placed: PlacedFigure[];
  unplaced: UnplacedRow[];
}

/** Reads the figures tables; rows are placed only when their indicator is beyond doubt. */
export function readFigureTables(tables: readonly DocTable[], catalogue: readonly Indicator[]): FigureReading {
  const placed: PlacedFigure[] = [];
  const unplaced: UnplacedRow[] = [];
  const derived = catalogue.filter((i) => i.derived);
  for (const table of tables) {
    const columns = figureColumns(table);
    if (!columns) continue;
    table.rows.forEach((row, r) => {
      if (r <= columns.header) return;
      const rawLabel = (row[columns.label] ?? '').replace(/\s+/g, ' ').trim();
      const value = (row[columns.value] ?? '').trim();
      if (!rawLabel || !value || /^[-–—.…x]+$/i.test(value)) return;
      const label = rawLabel.replace(/^\s*(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ]|[IVX]+)\s*[.)]\s*/u, '');
      const unit = columns.unit >= 0 ? (row[columns.unit] ?? '').trim() : '';
      const where = { label: rawLabel, value, table: table.number, row: r + 1 };
      // A ratio is derived from other figures, never entered ("Tỷ lệ kiến nghị được giải quyết").
      if (/tyle|phantram/.test(key(label)) || unit === '%') {
        unplaced.push({ ...where, reason: 'derived', candidates: derived.map((d) => d.code) });
        return;
      }
      const matches = matchIndicator(`${label} ${unit}`, catalogue);
      if (matches.length === 0) {
        unplaced.push({ ...where, reason: 'no-match', candidates: [] });
        return;
      }
      if (matches.length > 1) {
        unplaced.push({ ...where, reason: 'ambiguous', candidates: matches.map((m) => m.code) });
        return;
      }
      const indicator = matches[0]!;
      // A value is short ("1.250", "25 buổi"); a long cell is no number, and is never run through the patterns.
      const number = value.length > 40 ? undefined : parseVietnameseNumber(value.replace(/\s+/g, ' ').replace(/ ?(?:buổi|lượt|người|mô hình|cuộc|lớp|căn|triệu đồng|m2|m²)$/iu, ''));
      if (number === undefined || number < 0) {
        unplaced.push({ ...where, reason: 'not-a-number', candidates: [indicator.code] });
        return;
      }
      if (indicator.kind === 'count' && !Number.isInteger(number)) {
        unplaced.push({ ...where, reason: 'not-whole', candidates: [indicator.code] });
        return;
      }
      if (placed.some((p) => p.code === indicator.code)) {
        unplaced.push({ ...where, reason: 'duplicate', candidates: [indicator.code] });
        return;
      }
      placed.push({ code: indicator.code, value: number, label: rawLabel, table: table.number, row: r + 1 });
    });
  }
  return { placed, unplaced };
}

/** Number then unit in a sentence: "25 buổi", "3.250 lượt người", "1,5 tỷ đồng" is not a catalogue unit. */
const SENTENCE_NUMBER = /(?<![\d.,/])(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s+(\p{L}+(?:\s+\p{L}+){0,8})/gu;

/**
 * Numbers of the sentences that an indicator's unit follows, offered for that indicator when its words are the
 * sentence's: never placed. Indicators already filled by a table get no offer.
 */
export function offerSentenceFigures(
  paragraphs: readonly { text: string; paragraph: number }[],
  catalogue: readonly Indicator[],
  filled: ReadonlySet<string>,
): OfferedFigure[] {
  const offers: OfferedFigure[] = [];
  const pool = candidates(catalogue).filter((c) => !filled.has(c.indicator.code));
  for (const { text, paragraph } of paragraphs) {
    for (const m of text.matchAll(SENTENCE_NUMBER)) {
      const after = fold(m[2]!);
      const value = parseVietnameseNumber(m[1]!);
      if (value === undefined) continue;
      // The indicators whose unit the number is counted in ("buổi", "lượt người"…).
      const byUnit = pool.filter((c) => {
        const unit = fold(c.indicator.unit);
        return after === unit || after.startsWith(`${unit} `);
      });
      if (byUnit.length === 0) continue;
      const context = contentWords(`${text.slice(Math.max(0, m.index! - 60), m.index!)} ${m[2]}`);
      const scored = byUnit
        .map((c) => {
          let hit = 0;
          for (const w of c.words) if (context.has(w)) hit++;
          return { c, hit };
        })
        .sort((a, b) => b.hit - a.hit);
      const best = scored[0]!;
      if (scored.length > 1 && scored[1]!.hit === best.hit) continue;
      if (best.hit < 2) continue;
      if (best.c.indicator.kind === 'count' && !Number.isInteger(value)) continue;
      offers.push({ code: best.c.indicator.code, value, sentence: sentenceAround(text, m.index!), paragraph });
    }
  }
  return offers;
}

/** The sentence holding position `at`, shortened to what a note can show. */
function sentenceAround(text: string, at: number): string {
  const before = Math.max(text.lastIndexOf('. ', at), text.lastIndexOf('; ', at));
  const start = before < 0 ? 0 : before + 2;
  const ends = [text.indexOf('. ', at), text.indexOf('; ', at)].filter((i) => i >= 0);
  const end = ends.length ? Math.min(...ends) + 1 : text.length;
  const sentence = text.slice(start, end).trim();
  return sentence.length <= 240 ? sentence : `${sentence.slice(0, 239)}…`;
}

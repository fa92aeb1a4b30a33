// End-to-end: a province's worth of submissions written by openpyxl (scripts/make-province.py), the report read
// as the head who signs would: one committee's synthesis, each thing said once, sums that the writing script
// computed, proposals in their place, no staff notes, a body of bounded length, and a PDF that loses nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, danvan, tempDir } from './run-cli.js';
import { PYTHON, dumpXlsx, hasOpenpyxl } from '../helpers/openpyxl.js';
import { documentText } from '../helpers/docx-xml.js';
import { docxToPdf, hasCommand, pdfPages } from '../helpers/soffice.js';
import { wordsLostInPdf } from '../helpers/pdf-lossless.js';
import { parseJsonOutput } from '../helpers/json-contract.js';
import { formatNumber } from '../../src/render/format.js';

const canWrite = hasOpenpyxl();
const canRender = hasCommand('soffice') && hasCommand('pdftotext');
if (!canWrite) console.warn('SKIPPED: python3-openpyxl is missing; the province report is not tested (CI installs it).');
if (!canRender) console.warn('SKIPPED: LibreOffice or pdftotext is missing; the province report is not laid out (CI installs both).');

interface Expected {
  indicators: Record<string, number | null>;
  additive: Record<string, { text: string; units: string[]; sums: number[]; slotUnits: string[] }>;
  sameForAll: Record<string, string[]>;
  ownDocuments: string[];
  limitations: Record<string, string[]>;
  causes: Record<string, string[]>;
  markedCauses: Record<string, { kind: string; text: string }>;
  tasks: Record<string, string[]>;
  proposals: Record<string, { addressee: string; where: 'issuer' | 'kept' | 'below'; units: string[] }>;
  units: string[];
  missing: string[];
}

function province(units: number, seed: number) {
  const dir = tempDir('danvan-province-');
  const inbox = join(dir, `tinh-${units}`);
  execFileSync(PYTHON, [join(ROOT, 'scripts', 'make-province.py'), inbox, '--units', String(units), '--seed', String(seed)], { stdio: 'pipe', timeout: 600_000 });
  const expected = JSON.parse(readFileSync(`${inbox}.expected.json`, 'utf8')) as Expected;
  const run = danvan(['tonghop', inbox, '--config', `${inbox}.config.json`, '-o', 'bc.docx', '--doi-chieu', 'doi-chieu.xlsx', '--json'], dir);
  const docx = readFileSync(join(dir, 'bc.docx'));
  const lines = documentText(docx);
  return { dir, expected, run, docx, lines, summary: parseJsonOutput(run.stdout, 'tonghop') };
}

/** The body's lines (before "Nơi nhận:"), where the head reads what the committee says. */
const bodyOf = (lines: string[]) => lines.slice(0, lines.indexOf('Nơi nhận:'));
const between = (lines: string[], from: RegExp, to: RegExp) => {
  const start = lines.findIndex((l) => from.test(l));
  const end = lines.findIndex((l, i) => i > start && to.test(l));
  return lines.slice(start, end < 0 ? undefined : end);
};
/** "Kiện toàn …" → a pattern of its wording with each counted number as any number. */
const wording = (template: string) => new RegExp(template.replace(/\.$/, '').replace(/[.*+?^$()[\]\\|]/g, '\\$&').replace(/\{\d\}/g, '[\\d.,]+'));

describe.skipIf(!canWrite)('a 300-unit province, written by openpyxl', () => {
  let p: ReturnType<typeof province>;
  beforeAll(() => {
    p = province(300, 2025);
  }, 600_000);

  it('counts every file and writes the report', () => {
    expect(p.run.code, p.run.stderr).toBe(0);
    expect(p.summary.units.valid).toBe(p.expected.units.length);
    expect(p.summary.indicators.TT_BUOI).toBe(p.expected.indicators.TT_BUOI);
  });

  it('says each alike result once, with the sum the writing script computed and the units that reported it', () => {
    const body = bodyOf(p.lines);
    for (const entry of Object.values(p.expected.additive)) {
      const said = body.filter((l) => wording(entry.text).test(l));
      expect(said, entry.text).toHaveLength(1);
      for (const sum of entry.sums) expect(said[0], entry.text).toContain(` ${formatNumber(sum)} `);
      // 300 units are counted by group, not named.
      expect(said[0]).toMatch(/\(\d+ đảng ủy xã, phường/);
    }
  });

  it('never sums what does not add: percentages, ordinals, anniversaries, document numbers', () => {
    const body = bodyOf(p.lines).join('\n');
    for (const text of Object.keys(p.expected.sameForAll)) expect(body.split(text.replace(/\.$/, '')).length - 1, text).toBe(1);
    const shown = p.expected.ownDocuments.filter((t) => body.includes(t.replace(/\.$/, '')));
    // Each unit's own plan keeps its own number; none is added to another.
    for (const text of shown) expect(p.expected.ownDocuments).toContain(text);
    expect(body).not.toMatch(/Kế hoạch số [\d.]{4,}-KH/);
  });

  it('says each limitation and each cause once, whatever field the units tagged it with, in "Đánh giá chung"', () => {
    const assessment = between(p.lines, /^[IVX]+\. ĐÁNH GIÁ CHUNG$/, /^[IVX]+\. PHƯƠNG HƯỚNG/);
    expect(assessment).toContain('1. Ưu điểm');
    for (const text of Object.keys(p.expected.limitations)) {
      expect(assessment.filter((l) => l.includes(text.replace(/\.$/, ''))), text).toHaveLength(1);
    }
    const causes = between(assessment, /^\d+\. Nguyên nhân$/, /^$/);
    // Two kinds, as a person groups them: what the units marked, and what the words of the others tell.
    expect(causes.filter((l) => /^[a-z]\) /.test(l))).toEqual(['a) Nguyên nhân khách quan', 'b) Nguyên nhân chủ quan']);
    for (const [typed, marked] of Object.entries(p.expected.markedCauses)) {
      const text = marked.text.replace(/\.$/, '');
      expect(causes.filter((l) => l.toLocaleLowerCase('vi').includes(text.toLocaleLowerCase('vi'))), typed).toHaveLength(1);
    }
    for (const cause of Object.keys(p.expected.causes).filter((c) => !(c in p.expected.markedCauses))) {
      expect(causes.filter((l) => l.includes(cause.replace(/\.$/, ''))), cause).toHaveLength(1);
    }
    expect(p.lines.join('\n')).not.toContain('Nguyên nhân: ');
  });

  it('gives each task once, in the committee\'s voice, with at most its earliest concrete deadline', () => {
    const tasks = between(p.lines, /^[IVX]+\. PHƯƠNG HƯỚNG/, /^[IVX]+\. ĐỀ XUẤT/);
    for (const [text, deadlines] of Object.entries(p.expected.tasks)) {
      const said = tasks.filter((l) => l.includes(text.replace(/\.$/, '')));
      expect(said, text).toHaveLength(1);
      const dates = deadlines.map((d) => /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(d)).filter(Boolean).map((m) => [Number(m![3]), Number(m![2]), Number(m![1])] as const);
      dates.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
      const earliest = dates[0] ? `${String(dates[0][2]).padStart(2, '0')}/${String(dates[0][1]).padStart(2, '0')}/${dates[0][0]}` : null;
      if (earliest) expect(said[0]).toContain(`(thời hạn: ${earliest})`);
      expect(said[0]).not.toMatch(/Thường xuyên|Quý IV|, \d+\/\d+\/\d{4}|thời hạn:.*và/);
    }
  });

  it('proposes only to bodies above or beside the issuer, in protocol order; what units ask of the issuer is its own task', () => {
    const proposals = between(p.lines, /^[IVX]+\. ĐỀ XUẤT, KIẾN NGHỊ$/, /^Nơi nhận:$/);
    const headings = proposals.filter((l) => /^\d+\. Đối với /.test(l));
    expect(headings).toEqual(['1. Đối với Ban Tuyên giáo và Dân vận Trung ương', '2. Đối với Ban Thường vụ Tỉnh ủy', '3. Đối với Ủy ban nhân dân tỉnh']);
    const all = p.lines.join('\n');
    expect(all).not.toMatch(/Đối với Ban Tuyên giáo và Dân vận Tỉnh ủy|Đề nghị Ban Tuyên giáo và Dân vận Tỉnh ủy/);
    const tasks = between(p.lines, /^[IVX]+\. PHƯƠNG HƯỚNG/, /^[IVX]+\. ĐỀ XUẤT/);
    for (const [text, entry] of Object.entries(p.expected.proposals)) {
      const rest = text.replace(`Đề nghị ${entry.addressee} `, '').replace(/^Đề nghị /, '').replace(/\.$/, '');
      if (entry.where === 'issuer') expect(tasks.some((l) => l.toLocaleLowerCase('vi').includes(rest.toLocaleLowerCase('vi'))), text).toBe(true);
      if (entry.where === 'below') expect(all, text).not.toContain(rest);
    }
    // The issuer's own tasks never ask anything of it.
    expect(tasks.filter((l) => /^- (Đề nghị|Kiến nghị)/.test(l))).toEqual([]);
    // The staff still see every proposal, those to lower bodies marked as left out of the report.
    const book = dumpXlsx(join(p.dir, 'doi-chieu.xlsx'));
    const listed = book['Kiến nghị']!.rows.map((r) => r.join(' ')).join('\n');
    for (const [text, entry] of Object.entries(p.expected.proposals)) if (entry.where === 'below') expect(listed).toContain('không đưa vào báo cáo');
  });

  it('tells the reporting situation in one phrase, and carries no list of units, no order to them and no staff note', () => {
    const body = bodyOf(p.lines).join('\n');
    expect(body).toContain(`tổng hợp từ báo cáo của ${p.expected.units.length}/${p.expected.units.length + p.expected.missing.length} cơ quan, đơn vị`);
    expect(body).not.toMatch(/Đề nghị các đơn vị|Chưa gửi báo cáo|Ghi chú:|Ô “—”|ĐẶC ĐIỂM TÌNH HÌNH/);
  });

  it.skipIf(!canRender)('lays out a body of at most 15 pages and a PDF that holds every word of the .docx', () => {
    const pdf = docxToPdf(p.docx, 'tinh-300');
    const pages = pdfPages(pdf);
    const signed = pages.findIndex((page) => page.includes('Nơi nhận:'));
    expect(signed + 1).toBeLessThanOrEqual(15);
    const { lost, words } = wordsLostInPdf(p.docx, pdf);
    expect(words).toBeGreaterThan(10_000);
    expect(lost).toEqual([]);
    // The header never leaves one word of the issuer's name on a line of its own.
    expect(pages[0]).toMatch(/BAN TUYÊN GIÁO\s*\n\s*VÀ DÂN VẬN/);
  });
});

// 2,000 units take minutes to write and to lay out: on CI, where LibreOffice is installed for it.
describe.skipIf(!canWrite || !canRender || !process.env['CI'])('a 2,000-unit report as a PDF', () => {
  it('holds every word of the .docx', () => {
    const p = province(2000, 7);
    expect(p.run.code, p.run.stderr).toBe(0);
    // 370 pages: about 40 s for LibreOffice alone on an idle machine.
    const { lost } = wordsLostInPdf(p.docx, docxToPdf(p.docx, 'tinh-2000', 900_000));
    expect(lost).toEqual([]);
  }, 1_200_000);
});

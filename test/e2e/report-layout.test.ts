// The report's pages as LibreOffice lays them out (issue 10, part 5 and the 300-unit body), in both layout
// profiles: poppler reads the PDF that `tonghop --pdf` makes, page by page. Each check is one a reader made of an
// earlier report: "STT" broken into "ST/T", a note alone on a landscape page, header cells nine lines tall beside
// a name column twice too wide, every part of an appendix numbered from 1, a body of 51 pages for 300 units.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { CONFIG, FIXTURES, ROOT, danvan, expectNoStackTrace, tempDir } from './run-cli.js';
import { hasCommand } from '../helpers/soffice.js';
import { findAll, paragraphWithText, parseXml, part, pPr, sections, textOf, unzipDocx } from '../helpers/docx-xml.js';
import { wordsLostInPdf } from '../helpers/pdf-lossless.js';
import { parseJsonc } from '../../src/config/jsonc.js';

const QUARTER = join(FIXTURES, 'quy-1-2023');
const available = hasCommand('soffice') && hasCommand('pdftotext');
if (!available) {
  if (process.env.CI) throw new Error('soffice/pdftotext not on PATH: CI must have LibreOffice and poppler-utils');
  console.warn('SKIPPED report layout: soffice or pdftotext not on PATH (install libreoffice-writer poppler-utils)');
}

const config = parseJsonc(readFileSync(CONFIG, 'utf8')) as { units: { name: string }[] };
const UNIT_NAMES = config.units.map((u) => u.name);

/** The report of `inputs` in `layout`, as .docx bytes and the PDF's pages (text laid out as printed). */
function render(inputs: string, layout: 'hd36' | 'nd30', configPath: string | null = CONFIG) {
  const cwd = tempDir();
  const configFile = join(cwd, 'config.json');
  const base = configPath ? (parseJsonc(readFileSync(configPath, 'utf8')) as object) : {};
  writeFileSync(configFile, JSON.stringify({ ...base, layout }));
  const run = danvan(['tonghop', inputs, '--config', configFile, '-o', 'bc.docx', '--pdf', 'bc.pdf'], cwd);
  expectNoStackTrace(run);
  expect(run.code).toBe(0);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(cwd, 'bc.pdf'), '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const pages = text.split('\f');
  if (pages[pages.length - 1] === '') pages.pop();
  return { docx: readFileSync(join(cwd, 'bc.docx')), pages: pages.map((p) => p.normalize('NFC')), pdf: join(cwd, 'bc.pdf') };
}

/** The page number printed at the top of a page (its first non-blank line), or null for none. */
function printedNumber(page: string): number | null {
  const first = page.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
  return /^\d+$/.test(first) ? Number(first) : null;
}

const isAppendixStart = (page: string) => /^\s*(PHỤ LỤC|Phụ lục) [0-9IVX]+\s*$/m.test(page);

describe.skipIf(!available)('the 15-unit report as LibreOffice lays it out', () => {
  for (const layout of ['hd36', 'nd30'] as const) {
    describe(layout, () => {
      const { docx, pages, pdf } = render(QUARTER, layout);
      const firstAppendix = pages.findIndex(isAppendixStart);

      it('signs within 12 pages, and the PDF holds every word of every paragraph and table cell of the .docx', () => {
        expect(pages.findIndex((p) => p.includes('Nơi nhận:')) + 1).toBeLessThanOrEqual(12);
        const { lost, words } = wordsLostInPdf(docx, pdf);
        expect(words).toBeGreaterThan(5_000);
        expect(lost).toEqual([]);
      });

      it('breaks no short word off in Nơi nhận or in a table header, and ends Nơi nhận lines as the profile wants', () => {
        const document = part(unzipDocx(docx), 'word/document.xml');
        // "Tỉnh ủy" is bound by a no-break space where LibreOffice would otherwise leave "ủy," alone on a line.
        const line = paragraphWithText(document, '- Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy', true)!;
        expect(textOf(line)).toMatch(/Tỉnh\u00a0ủy[,;]$/);
        expect(textOf(line).endsWith(layout === 'nd30' ? ';' : ',')).toBe(true);
        expect(pages.join('\n')).not.toMatch(/^\s*ủy[,;]\s*$/m);
        const headers = findAll(parseXml(document), 'w:tblHeader').length;
        expect(headers).toBeGreaterThan(0);
        expect(document).toContain('Đăng\u00a0ký');
        expect(document).toContain('Trung\u00a0ương');
        if (layout === 'nd30') {
          // A report sent upward under NĐ 30 carries "Kính gửi:" the bodies it reports to.
          expect(pages[0]).toMatch(/Kính gửi:/);
          expect(pages[0]).toContain('Ban Dân vận Trung ương');
        } else {
          expect(pages[0]).not.toMatch(/Kính gửi:/);
        }
        expect(pPr(line)).toBeDefined();
      });

      it('prints "STT" whole in the header of every table that has one', () => {
        const all = pages.join('\n');
        expect(all).not.toMatch(/^\s*ST\s*$/m);
        for (const page of pages.slice(firstAppendix)) if (isAppendixStart(page)) expect(page).toMatch(/\bSTT\b/);
      });

      it('prints no note meant for the staff, and keeps a table of up to 12 rows on one page', () => {
        const all = pages.join('\n');
        expect(all).not.toContain('Ô “—”');
        expect(all).not.toContain('Ghi chú: tỷ lệ');
        // Bảng 1 (models by field and level, 5 rows) from its caption to its total row on one page.
        const page = pages.find((p) => p.includes('Bảng 1.'))!;
        expect(page.slice(page.indexOf('Bảng 1.'))).toMatch(/Tổng cộng\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+/);
      });

      it('sets the unit appendix so that every name holds on one line and each part on one page', () => {
        const parts = pages.filter((p) => /SỐ LIỆU CÁC CHỈ TIÊU THEO ĐƠN VỊ/.test(p));
        expect(parts.length).toBe(3);
        for (const page of parts) {
          for (const name of UNIT_NAMES.filter((n) => page.includes(n.split(' ')[0]!))) {
            if (!page.includes(name)) continue;
            // The whole name on one printed line, with its figures.
            expect(page.split('\n').some((line) => line.includes(name) && /\d/.test(line.replace(name, '')))).toBe(true);
          }
          expect(page).toContain('Tổng cộng');
        }
        // Every unit that sent is in each part, on that part's single page.
        for (const page of parts) expect(UNIT_NAMES.filter((n) => page.includes(n)).length).toBe(15);
      });

      it(layout === 'hd36' ? 'numbers every page after the first on through the appendices' : 'numbers each appendix on its own from 1, on through all its parts (NĐ 30, Phụ lục I, III.1.đ)', () => {
        const numbers = pages.map(printedNumber);
        expect(numbers[0]).toBeNull();
        if (layout === 'hd36') {
          numbers.slice(1).forEach((n, i) => expect(n).toBe(i + 2));
        } else {
          numbers.slice(1, firstAppendix).forEach((n, i) => expect(n).toBe(i + 2));
          let expected = 0;
          pages.slice(firstAppendix).forEach((page, i) => {
            expected = isAppendixStart(page) && !/\(phần [2-9]\/\d\)/.test(page) ? 1 : expected + 1;
            expect(numbers[firstAppendix + i], `page ${firstAppendix + i + 1}`).toBe(expected);
          });
        }
        // In the package: a restart only where an appendix begins, never at a later part of one.
        const restarts = (part(unzipDocx(docx), 'word/document.xml').match(/<w:pgNumType w:start="1"\/>/g) ?? []).length;
        const appendices = new Set(pages.flatMap((p) => p.match(/^\s*(?:PHỤ LỤC|Phụ lục) [0-9IVX]+\s*$/gm) ?? []).map((t) => t.trim())).size;
        expect(appendices).toBeGreaterThanOrEqual(2);
        expect(restarts).toBe(layout === 'nd30' ? appendices : 0);
        // The body, the three landscape parts of the unit appendix, and one section for each other appendix.
        expect(sections(part(unzipDocx(docx), 'word/document.xml')).length).toBe(1 + 3 + (appendices - 1));
      });
    });
  }

  it('titles the appendices as each profile does: "PHỤ LỤC 1" (Party), "Phụ lục I" (NĐ 30), and the body refers to them so', () => {
    const party = render(QUARTER, 'hd36').pages.join('\n');
    const state = render(QUARTER, 'nd30').pages.join('\n');
    expect(party).toMatch(/^\s*PHỤ LỤC 1\s*$/m);
    expect(party).toMatch(/Phụ lục 1\)/);
    expect(state).toMatch(/^\s*Phụ lục I\s*$/m);
    expect(state).toMatch(/^\s*Phụ lục II\s*$/m);
    expect(state).toMatch(/Phụ lục I\)/);
    expect(state).not.toMatch(/PHỤ LỤC 1/);
  });
});

describe.skipIf(!available)('300 units, none sharing an item (the worst case for merging)', () => {
  it('gives a body of at most 30 pages before the appendices; what the body leaves out is in an appendix', () => {
    const dir = tempDir();
    execFileSync(process.execPath, [join(ROOT, 'bench', 'generate.mjs'), '300', dir, '--distinct'], { stdio: 'pipe' });
    // No registry: the generated units are not the fixtures' units.
    const { pages } = render(dir, 'hd36', null);
    const body = pages.findIndex(isAppendixStart);
    expect(body).toBeGreaterThan(3);
    expect(body).toBeLessThanOrEqual(30);
    const all = pages.join('\n');
    expect(all).toContain('CÁC NỘI DUNG KHÁC TRONG BÁO CÁO CỦA CÁC ĐƠN VỊ');
    // The units that sent are told by group, not named one by one.
    expect(all).not.toContain('Xã An Bình 1, ');
  }, 240_000);
});

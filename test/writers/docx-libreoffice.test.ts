/** End to end through LibreOffice: the sample report converts to a multi-page PDF with its Vietnamese text intact. */

import { beforeAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../../src/writers/docx/index.js';
import { getLayoutProfile } from '../../src/layout/profile.js';
import type { DocModel } from '../../src/model/doc-model.js';
import { docxToPdf, hasCommand, pdfInfo, pdfPages } from '../helpers/soffice.js';
import { sampleDocModel } from './sample-doc-model.js';

const available = hasCommand('soffice') && hasCommand('pdfinfo') && hasCommand('pdftotext');
if (!available) {
  if (process.env.CI) throw new Error('soffice/pdfinfo/pdftotext not on PATH: CI must have LibreOffice and poppler-utils');
  console.warn('SKIPPED docx-libreoffice: soffice, pdfinfo or pdftotext not on PATH (install libreoffice-writer poppler-utils)');
}

async function pdfOf(model: DocModel, profileName: string): Promise<string> {
  const profile = getLayoutProfile(profileName);
  if (profile === undefined) throw new Error(`${profileName} profile missing`);
  return docxToPdf(await writeDocx(model, profile), `sample-${profileName}`);
}

describe.skipIf(!available)('LibreOffice rendering', () => {
  let pdf = '';
  beforeAll(async () => {
    pdf = await pdfOf(sampleDocModel(), 'hd36');
  }, 120_000);

  it('gives an A4 PDF of more than one page, the appendix page in landscape', () => {
    const info = pdfInfo(pdf);
    const pages = Number(info['Pages']);
    expect(pages).toBeGreaterThan(1);
    expect(pdfInfo(pdf, { first: 1, last: 1 })['Page    1 size']).toMatch(/^595\.\d+ x 841\.\d+ pts/);
    expect(pdfInfo(pdf, { first: pages, last: pages })[`Page ${String(pages).padStart(4)} size`]).toMatch(/^841\.\d+ x 595\.\d+ pts/);
  });

  it('keeps the Vietnamese text with its diacritics', () => {
    const text = pdfPages(pdf).join('\n').normalize('NFC');
    for (const s of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'BÁO CÁO', 'TỈNH ỦY BÌNH SƠN', 'Bình Sơn, ngày 05 tháng 4 năm 2023', 'PHÓ TRƯỞNG BAN', 'Trần Thị Minh Hạnh', 'PHỤ LỤC']) {
      expect(text).toContain(s);
    }
  });

  it('shows no page number on page 1 and numbers the following pages', () => {
    const pages = pdfPages(pdf);
    const firstLine = (page: string) => page.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
    expect(firstLine(pages[0] ?? '')).toMatch(/TỈNH ỦY BÌNH SƠN/);
    pages.slice(1).forEach((page, i) => expect(firstLine(page)).toBe(String(i + 2)));
  });

  it('keeps the signature block and "Nơi nhận:" on one page', () => {
    const page = pdfPages(pdf).find((p) => p.includes('Nơi nhận:')) ?? '';
    expect(page).toContain('K/T TRƯỞNG BAN');
    expect(page).toContain('Trần Thị Minh Hạnh');
    expect(page).toContain('- Lưu Văn phòng.');
  });
});

/**
 * Whether a PDF holds every word of the .docx it was made from: each word counted in the document's paragraphs
 * and table cells, and in the PDF's text as pdftotext reads it; a word the PDF has fewer times was lost (a table
 * row LibreOffice dropped, a paragraph cut off). Counting words, not lines, is blind to the reading order of
 * pdftotext in tables and to where lines wrap; the PDF may have more (page numbers, repeated header rows).
 */
import { execFileSync } from 'node:child_process';
import { documentText } from './docx-xml.js';

const WORD = /[\p{L}\p{N}]+/gu;

function count(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const word of text.normalize('NFC').match(WORD) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

export interface LostWord {
  word: string;
  docx: number;
  pdf: number;
}

export function wordsLostInPdf(docx: Buffer, pdf: string): { lost: LostWord[]; words: number } {
  const inDocx = count(documentText(docx));
  const inPdf = count([execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })]);
  const lost: LostWord[] = [];
  let words = 0;
  for (const [word, n] of inDocx) {
    words += n;
    const m = inPdf.get(word) ?? 0;
    if (m < n) lost.push({ word, docx: n, pdf: m });
  }
  return { lost, words };
}

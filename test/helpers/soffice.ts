/** Test helpers around LibreOffice and poppler: find the tools, convert a .docx to PDF, read the PDF back. */

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findOnPath } from './capabilities.js';

/** True when `command` runs from PATH (looked up without a shell, so on Windows too). */
export function hasCommand(command: string): boolean {
  return findOnPath(command) !== null;
}

/** LibreOffice's -env:UserInstallation for a private profile: a file URL (file:///C:/… on Windows). */
export const profileArg = (dir: string): string => `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`;

/**
 * Converts `docx` to PDF with a private LibreOffice profile (so a running office or another test does
 * not share its lock) and returns the PDF path. In UTC, so that the dates it stamps have one shape.
 */
export function docxToPdf(docx: Buffer, name = 'report', timeoutMs = 120_000): string {
  const dir = mkdtempSync(join(tmpdir(), 'danvan-lo-'));
  const input = join(dir, `${name}.docx`);
  writeFileSync(input, docx);
  execFileSync('soffice', [
    profileArg(dir),
    '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input,
  ], { stdio: 'pipe', timeout: timeoutMs, env: { ...process.env, TZ: 'UTC' } });
  const pdf = join(dir, `${basename(input, '.docx')}.pdf`);
  if (!readdirSync(dir).includes(basename(pdf))) throw new Error(`LibreOffice wrote no PDF in ${dir}`);
  return pdf;
}

/** `pdfinfo` fields ("Pages", "Page size", …). */
export function pdfInfo(pdf: string, pages?: { first: number; last: number }): Record<string, string> {
  const args = pages ? ['-f', String(pages.first), '-l', String(pages.last), pdf] : [pdf];
  const out = execFileSync('pdfinfo', args, { encoding: 'utf8' });
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[(m[1] as string).trim()] = (m[2] as string).trim();
  }
  return info;
}

/** The PDF's text, page by page (pdftotext separates pages with a form feed). */
export function pdfPages(pdf: string): string[] {
  const pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\f');
  // pdftotext ends the last page with a form feed too.
  if (pages.length > 0 && pages[pages.length - 1] === '') pages.pop();
  return pages;
}

/**
 * Opens a workbook in LibreOffice Calc and saves it as .xlsx again (a private profile, a temporary folder):
 * formulas are recalculated by LibreOffice, so their cached results are another program's arithmetic.
 */
export function resaveWithCalc(xlsx: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'danvan-calc-'));
  execFileSync('soffice', [
    profileArg(dir),
    '--headless', '--norestore', '--calc', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'out'), xlsx,
  ], { stdio: 'pipe', timeout: 120_000 });
  const out = join(dir, 'out', basename(xlsx));
  if (!readdirSync(join(dir, 'out')).includes(basename(xlsx))) throw new Error(`LibreOffice wrote nothing in ${dir}`);
  return out;
}

/**
 * Converts files with LibreOffice in one run (`--convert-to ods` / `xls` / `xlsx`), in a private folder with a
 * private profile; returns the converted bytes by input name. The inputs are written to that folder first.
 */
export function convertWithLibreOffice(files: { name: string; bytes: Uint8Array }[], format: string): Map<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'danvan-lo-'));
  try {
    const inDir = join(dir, 'in');
    const outDir = join(dir, 'out');
    mkdirSync(inDir);
    mkdirSync(outDir);
    for (const f of files) writeFileSync(join(inDir, f.name), f.bytes);
    execFileSync('soffice', [
      profileArg(dir),
      '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, ...files.map((f) => join(inDir, f.name)),
    ], { stdio: 'pipe', timeout: 300_000 });
    const out = new Map<string, Buffer>();
    for (const f of files) {
      const target = join(outDir, `${f.name.replace(/\.[^.]+$/, '')}.${format.split(':')[0]}`);
      out.set(f.name, readFileSync(target));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

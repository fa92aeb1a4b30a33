// Counts the pages of a .docx by rendering it with LibreOffice when it is installed (for the benchmark's label only).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function documentPages(bytes) {
  try {
    const dir = mkdtempSync(join(tmpdir(), 'danvan-pages-'));
    writeFileSync(join(dir, 'r.docx'), bytes);
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'r.docx')], { stdio: 'ignore' });
    const info = execFileSync('pdfinfo', [join(dir, 'r.pdf')], { encoding: 'utf8' });
    return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  } catch {
    return undefined;
  }
}

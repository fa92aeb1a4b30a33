// End-to-end: `tonghop --pdf` (and a batch job's "pdf"). The PDF is checked against the .docx by other programs:
// poppler's pdfinfo / pdffonts / pdftotext read it, and its page count is that of LibreOffice's own plain
// conversion of the same .docx. Reruns, a missing or failing LibreOffice, and what is left behind.
import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { CONFIG, FIXTURES, ROOT, danvan, expectNoStackTrace, tempDir } from './run-cli.js';
import { parseJsonOutput } from '../helpers/json-contract.js';
import { documentText } from '../helpers/docx-xml.js';
import { docxToPdf, hasCommand, pdfInfo } from '../helpers/soffice.js';
import { POSIX_SIGNALS, SHEBANG_SCRIPTS } from '../helpers/capabilities.js';
import { stabilisePdf } from '../../src/writers/pdf/index.js';
import { parseJsonc } from '../../src/config/jsonc.js';

const QUARTER = join(FIXTURES, 'quy-1-2023');
const available = hasCommand('soffice') && hasCommand('pdfinfo') && hasCommand('pdftotext') && hasCommand('pdffonts');
if (!available) {
  if (process.env.CI) throw new Error('soffice/pdfinfo/pdftotext/pdffonts not on PATH: CI must have LibreOffice and poppler-utils');
  console.warn('SKIPPED tonghop --pdf: soffice, pdfinfo, pdftotext or pdffonts not on PATH (install libreoffice-writer poppler-utils)');
}

/** Text with every white space removed: line breaks and justification differ between Word's model and a PDF. */
const squeeze = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

/**
 * A stand-in for soffice: a shell script (it records that it ran, then does what `body` says). Runs where shebangs
 * do; tests that need it to run skip elsewhere (test/unit/windows-soffice.test.ts injects a fake spawn instead).
 */
function fakeSoffice(dir: string, body: string): { program: string; ranMarker: string } {
  const program = join(dir, 'fake-soffice.sh');
  const ranMarker = join(dir, 'soffice-ran');
  writeFileSync(program, `#!/bin/sh\ntouch '${ranMarker}'\n${body}\n`);
  chmodSync(program, 0o755);
  return { program, ranMarker };
}

describe.skipIf(!available)('tonghop --pdf', () => {
  const cwd = tempDir();
  const first = danvan(['tonghop', QUARTER, '--config', CONFIG, '-o', 'bao-cao.docx', '--pdf', 'bao-cao.pdf', '--json'], cwd);
  const json = parseJsonOutput(first.stdout, 'tonghop');
  const pdfPath = join(cwd, 'bao-cao.pdf');
  const docx = readFileSync(join(cwd, 'bao-cao.docx'));

  it('writes the report and its PDF, and says so in the JSON', () => {
    expectNoStackTrace(first);
    expect(first.code).toBe(0);
    expect(json).toMatchObject({ output: 'bao-cao.docx', pdf: 'bao-cao.pdf', unchanged: [], error: null });
    expect(json.warnings.map((w: { code: string }) => w.code)).not.toContain('pdf.not-pdfa');
    expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('is PDF/A-2b with every font embedded, A4, titled as the report', () => {
    const meta = execFileSync('pdfinfo', ['-meta', pdfPath], { encoding: 'utf8' });
    expect(meta).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(meta).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    const fonts = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    // Columns: name type encoding emb sub uni object ID; "emb" must be "yes" for every font.
    for (const line of fonts) expect(line, line).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    const info = pdfInfo(pdfPath);
    expect(info['Page size']).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info['Title']).toBe('Báo cáo sơ kết công tác dân vận quý I năm 2023, phương hướng, nhiệm vụ quý II năm 2023');
  });

  it('has the pages of LibreOffice\'s own conversion of the same .docx, and every paragraph of it in order', () => {
    const reference = docxToPdf(docx, 'reference');
    expect(Number(pdfInfo(pdfPath)['Pages'])).toBe(Number(pdfInfo(reference)['Pages']));
    expect(Number(pdfInfo(pdfPath)['Pages'])).toBeGreaterThan(5);
    // pdftotext -raw keeps the order in which the text was laid down: paragraph by paragraph, cell by cell.
    // Each page's number (its header, drawn first on the page) is not text of the .docx: it is taken off.
    const pages = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).split('\f');
    const pdfText = squeeze(pages.map((page) => page.replace(/^\s*\d+\n/, '')).join('\n'));
    const paragraphs = documentText(docx).map(squeeze).filter((p) => p !== '');
    expect(paragraphs.length).toBeGreaterThan(100);
    let at = 0;
    const missing: string[] = [];
    for (const p of paragraphs) {
      const found = pdfText.indexOf(p, at);
      if (found === -1) missing.push(p);
      else at = found + p.length;
    }
    expect(missing).toEqual([]);
  });

  it('is dated by the report, not by the clock, and carries the .docx\'s fingerprint', () => {
    // The fixtures' config gives no date: the latest "Ngày báo cáo" of the units.
    expect(pdfInfo(pdfPath)['CreationDate']).toMatch(/Apr\s+4 00:00:00 2023/);
    // UTC as "Z" (TZ=UTC honoured) or "+00:00" (LibreOffice on Windows, whose local offset danvan rewrites).
    expect(execFileSync('pdfinfo', ['-meta', pdfPath], { encoding: 'utf8' })).toMatch(/<xmp:CreateDate>2023-04-04T00:00:00(Z|\+00:00)<\/xmp:CreateDate>/);
  });

  it('rerun with the same report: the PDF is left untouched and LibreOffice does not run', () => {
    const before = statSync(pdfPath);
    const { program, ranMarker } = fakeSoffice(cwd, 'exit 1');
    const again = danvan(['tonghop', QUARTER, '--config', CONFIG, '-o', 'bao-cao.docx', '--pdf', 'bao-cao.pdf', '--json'], cwd, { DANVAN_SOFFICE: program });
    const rerun = parseJsonOutput(again.stdout, 'tonghop');
    expect(again.code).toBe(0);
    expect(rerun.unchanged).toEqual(['bao-cao.docx', 'bao-cao.pdf']);
    expect(existsSync(ranMarker)).toBe(false);
    const after = statSync(pdfPath);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('a changed report needs --force for its PDF too; with it, both are replaced together', () => {
    const config = parseJsonc(readFileSync(CONFIG, 'utf8')) as { document: Record<string, unknown> };
    config.document = { ...config.document, date: '05/04/2023' };
    writeFileSync(join(cwd, 'dated.config.json'), JSON.stringify(config));
    const pdfBefore = readFileSync(pdfPath);
    const refused = danvan(['tonghop', QUARTER, '--config', 'dated.config.json', '-o', 'bao-cao.docx', '--pdf', 'bao-cao.pdf'], cwd);
    expectNoStackTrace(refused);
    expect(refused.code).toBe(2);
    expect(readFileSync(pdfPath).equals(pdfBefore)).toBe(true);
    const forced = danvan(['tonghop', QUARTER, '--config', 'dated.config.json', '-o', 'bao-cao.docx', '--pdf', 'bao-cao.pdf', '--force'], cwd);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('Đã ghi bản PDF để ký số: bao-cao.pdf');
    expect(pdfInfo(pdfPath)['CreationDate']).toMatch(/Apr\s+5 00:00:00 2023/);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('ngày 05 tháng 4 năm 2023');
    expect(readdirSync(cwd).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('tonghop --pdf without a working LibreOffice', () => {
  it('no LibreOffice: refused before reading, says what to install, writes nothing (exit 2, error "pdf")', () => {
    const cwd = tempDir();
    const result = danvan(['tonghop', QUARTER, '--config', CONFIG, '-o', 'bao-cao.docx', '--pdf', 'bao-cao.pdf', '--json'], cwd, { DANVAN_SOFFICE: 'none' });
    expectNoStackTrace(result);
    expect(result.code).toBe(2);
    const json = parseJsonOutput(result.stdout, 'tonghop');
    expect(json.error.code).toBe('pdf');
    expect(json.error.message).toContain('sudo apt install libreoffice-writer');
    expect(json.error.message).toContain('DANVAN_SOFFICE');
    expect(json).toMatchObject({ output: null, pdf: null });
    expect(readdirSync(cwd)).toEqual([]);
  });

  it.skipIf(!SHEBANG_SCRIPTS)('LibreOffice that writes nothing: exit 2, nothing of the run written, no temporary folder left', () => {
    const cwd = tempDir();
    const { program, ranMarker } = fakeSoffice(tempDir(), 'echo "Error: source file could not be loaded" >&2\nexit 1');
    // A temporary folder of its own, to see that the conversion's folder is gone afterwards.
    const tmp = tempDir();
    const result = danvan(['tonghop', QUARTER, '--config', CONFIG, '-o', 'bao-cao.docx', '--pdf', 'bao-cao.pdf', '--doi-chieu', 'doi-chieu.xlsx'], cwd, { DANVAN_SOFFICE: program, TMPDIR: tmp });
    expectNoStackTrace(result);
    expect(existsSync(ranMarker)).toBe(true);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('LibreOffice không chuyển được báo cáo sang PDF (bao-cao.pdf): Error: source file could not be loaded');
    expect(result.stderr).toContain('Chưa ghi tệp nào');
    expect(readdirSync(cwd)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it.skipIf(!SHEBANG_SCRIPTS || !POSIX_SIGNALS)('Ctrl-C while LibreOffice converts: it is ended too, and nothing is left (outputs, temp files, its folder)', async () => {
    const cwd = tempDir();
    const tmp = tempDir();
    const pidFile = join(tmp, 'sleeper.pid');
    // The stand-in starts a long child of its own, as soffice starts soffice.bin, and records its pid.
    const { program, ranMarker } = fakeSoffice(tempDir(), `sleep 60 &\necho $! > '${pidFile}'\nwait`);
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'danvan.js'), 'tonghop', QUARTER, '--config', CONFIG, '-o', 'bc.docx', '--pdf', 'bc.pdf'], {
      cwd,
      env: { ...process.env, DANVAN_SOFFICE: program, TMPDIR: tmp },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    for (let waited = 0; !existsSync(pidFile) && waited < 60_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(ranMarker)).toBe(true);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
    expect(code).toBe(130);
    expect(stderr).toContain('Đã dừng theo yêu cầu');
    expect(readdirSync(cwd)).toEqual([]);
    expect(readdirSync(tmp).filter((n) => n.startsWith('danvan-soffice-'))).toEqual([]);
    const sleeper = Number(readFileSync(pidFile, 'utf8'));
    await new Promise((r) => setTimeout(r, 300));
    // Gone, or a zombie waiting for whoever reaps orphans here (a container's init may never do it).
    const state = existsSync(`/proc/${sleeper}/status`) ? /State:\s+(\w)/.exec(readFileSync(`/proc/${sleeper}/status`, 'utf8'))?.[1] : 'gone';
    expect(['gone', 'Z', 'X']).toContain(state);
  }, 90_000);

  it('an output named otherwise than .pdf is a usage error', () => {
    const result = danvan(['tonghop', QUARTER, '--config', CONFIG, '--pdf', 'bao-cao.docx'], tempDir());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--pdf');
    expect(result.stderr).toContain('.pdf');
  });
});

describe.skipIf(!available)('a batch job with "pdf"', () => {
  it('writes the PDF beside the report and names it in the job\'s result', () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'lo.json'),
      JSON.stringify({ config: CONFIG, jobs: [{ inputs: QUARTER, output: 'q1.docx', pdf: 'q1.pdf' }] }),
    );
    const result = danvan(['lo', 'lo.json', '--json'], cwd);
    expectNoStackTrace(result);
    const json = parseJsonOutput(result.stdout, 'lo');
    expect(result.code).toBe(0);
    expect(json.jobs[0].result.pdf).toBe('q1.pdf');
    expect(Number(pdfInfo(join(cwd, 'q1.pdf'))['Pages'])).toBeGreaterThan(5);
    // The job's line names the PDF too: a rerun leaves both outputs as they are, and says so of each.
    const again = danvan(['lo', 'lo.json'], cwd);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      '    Không thay đổi (giống hệt tệp đã có, không ghi lại): q1.docx\n    Không thay đổi (đã là bản PDF của đúng báo cáo này, không ghi lại): q1.pdf\n',
    );
  });
});

describe.skipIf(!available)('stabilisePdf', () => {
  it('two conversions of one .docx differ only where danvan puts the date and the fingerprint, and stay readable', () => {
    const cwd = tempDir();
    danvan(['tonghop', QUARTER, '--config', CONFIG, '-o', 'r.docx'], cwd);
    const docx = readFileSync(join(cwd, 'r.docx'));
    const raw = [docxToPdf(docx, 'a'), docxToPdf(docx, 'b')].map((p) => readFileSync(p));
    const stable = raw.map((pdf) => stabilisePdf(pdf, '2023-04-05', '0123456789ABCDEF0123456789ABCDEF'));
    for (const [i, pdf] of stable.entries()) {
      expect(pdf.length).toBe(raw[i]!.length);
      const text = pdf.toString('latin1');
      expect(text).toMatch(/\/ID\s*\[\s*<0123456789ABCDEF0123456789ABCDEF>\s*<0123456789ABCDEF0123456789ABCDEF>\s*\]/);
      expect(text).toMatch(/\/CreationDate\(D:20230405000000Z'?\)/);
    }
    // Outside the stamps, the conversions agree (LibreOffice's plain export carries no colour profile).
    expect(stable[0]!.equals(stable[1]!)).toBe(true);
    const file = join(cwd, 'stable.pdf');
    writeFileSync(file, stable[0]!);
    const check = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(check).toContain('BÁO CÁO');
    expect(pdfInfo(file)['CreationDate']).toMatch(/Apr\s+5 00:00:00 2023/);
  });
});

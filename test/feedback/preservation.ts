/**
 * Differential checks of an annotated copy against its original, shared by the feedback tests: the package
 * level (every part byte for byte but the few that carry the annotations; in those, every element of the
 * original still there, byte for byte and in order) and openpyxl's reading (test/helpers/compare_xlsx.py).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZipArchive } from '../../src/readers/zip.js';
import { OoxmlPackage, scanTop, type RootInfo } from '../../src/feedback/ooxml-package.js';
import { PYTHON } from '../helpers/openpyxl.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Parts an annotated copy may rewrite; each is checked element by element below or by openpyxl. */
const REWRITTEN = /(^\[Content_Types\]\.xml$|\.rels$|(^|\/)workbook[^/]*\.xml$|(^|\/)styles[^/]*\.xml$|comment[^/]*\.xml$|\.vml$)/i;
const WORKSHEET = /(^|\/)(worksheets|chartsheets|dialogsheets|macrosheets)\/[^/]+\.xml$/i;
const STYLE_LISTS = new Set(['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs']);

function elements(xml: string, root: RootInfo): { name: string; text: string }[] {
  return root.top.map((e) => ({ name: e.name, text: xml.slice(e.start, e.end) }));
}

/** What the copy may change in a sheet's own elements: the selected tab, the priority numbers of its rules. */
function normalise(text: string): string {
  return text.replace(/\s+tabSelected\s*=\s*"[^"]*"/g, '').replace(/\bpriority="\d+"/g, 'priority="n"');
}

/** Differences at the package level between an original and its annotated copy; [] when it is preserved. */
export function packageDiffs(original: Uint8Array, copy: Uint8Array): string[] {
  const a = new OoxmlPackage(ZipArchive.open(original));
  const b = new OoxmlPackage(ZipArchive.open(copy));
  const diffs: string[] = [];
  for (const name of a.names()) {
    const x = a.bytes(name)!;
    const y = b.bytes(name);
    if (!y) {
      diffs.push(`${name}: missing from the copy`);
      continue;
    }
    if (x.equals(y)) continue;
    if (WORKSHEET.test(name)) {
      const xa = a.text(name)!;
      const xb = b.text(name)!;
      const ea = elements(xa, scanTop(xa));
      // Ours: the two always-true rules and a new legacy drawing.
      const eb = elements(xb, scanTop(xb)).filter(
        (e) => !(e.name === 'conditionalFormatting' && /<(\w+:)?formula>TRUE<\/(\w+:)?formula>/.test(e.text) && !ea.some((o) => o.text === e.text)) && !(e.name === 'legacyDrawing' && !ea.some((o) => o.name === 'legacyDrawing')),
      );
      const left = ea.map((e) => normalise(e.text));
      const right = eb.map((e) => normalise(e.text));
      if (left.length !== right.length || left.some((t, i) => t !== right[i])) {
        const i = left.findIndex((t, k) => t !== right[k]);
        diffs.push(`${name}: element <${ea[i]?.name ?? eb[i]?.name}> differs`);
      }
    } else if (/(^|\/)styles[^/]*\.xml$/i.test(name)) {
      const xa = a.text(name)!;
      const xb = b.text(name)!;
      const ra = scanTop(xa);
      const rb = scanTop(xb);
      for (const e of ra.top) {
        const f = rb.top.find((g) => g.name === e.name);
        if (!f) {
          diffs.push(`${name}: <${e.name}> lost`);
          continue;
        }
        if (STYLE_LISTS.has(e.name)) {
          const inner = e.selfClosing ? '' : xa.slice(e.openEnd, e.closeStart);
          const innerCopy = f.selfClosing ? '' : xb.slice(f.openEnd, f.closeStart);
          if (!innerCopy.startsWith(inner)) diffs.push(`${name}: <${e.name}> entries changed`);
        } else if (xa.slice(e.start, e.end) !== xb.slice(f.start, f.end)) diffs.push(`${name}: <${e.name}> changed`);
      }
    } else if (!REWRITTEN.test(name)) {
      diffs.push(`${name}: changed`);
    }
  }
  return diffs;
}

export interface OpenpyxlComparison {
  file: string;
  diffs?: string[];
  counts?: Record<string, number>;
  error?: string;
}

/** openpyxl's reading of each (original, copy) pair: see test/helpers/compare_xlsx.py. */
export function openpyxlCompare(pairs: readonly [string, string][]): OpenpyxlComparison[] {
  if (pairs.length === 0) return [];
  const out = execFileSync(PYTHON, [join(ROOT, 'test', 'helpers', 'compare_xlsx.py'), ...pairs.flat()], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 900_000 });
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as OpenpyxlComparison);
}

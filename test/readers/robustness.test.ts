/** Robustness: every file of the public corpus and the fixtures, and damaged copies of them, end in a workbook or an UnreadableWorkbookError. */

import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes, readWorkbookFile } from '../../src/readers/index.js';
import { UnreadableWorkbookError, type UnreadableReason } from '../../src/readers/types.js';
import { CORPUS, FIXTURES, ROOT, isXlsx, listFiles } from './corpus.js';
import { random } from '../../scripts/hostile-inputs.mjs';

type Result = 'ok' | UnreadableReason;

/** 'ok', the reason of an UnreadableWorkbookError, or a failure line for anything else. */
async function classify(read: () => unknown): Promise<Result | string> {
  try {
    await read();
    return 'ok';
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) return error.reason;
    return `UNEXPECTED ${(error as Error)?.stack ?? String(error)}`;
  }
}

describe('readWorkbookFile on real-world files', () => {
  it('reads or cleanly refuses every file of the public corpus', async (ctx) => {
    const files = listFiles(CORPUS);
    if (files.length === 0) {
      console.warn(`public corpus not found at ${CORPUS}: corpus robustness test skipped`);
      ctx.skip();
    }
    const started = performance.now();
    const results = new Map<string, Result | string>();
    for (const file of files) results.set(relative(CORPUS, file).replace(/\\/g, '/'), await classify(() => readWorkbookFile(file)));
    const elapsed = performance.now() - started;

    const unexpected = [...results].filter(([, r]) => r.startsWith('UNEXPECTED'));
    expect(unexpected).toEqual([]);
    const counts: Record<string, number> = {};
    for (const r of results.values()) counts[r] = (counts[r] ?? 0) + 1;
    console.info(`corpus: ${files.length} files in ${Math.round(elapsed)} ms`, counts);
    // Nearly all are genuine Excel files; the few refusals are the deliberate traps below.
    expect(counts['ok']).toBeGreaterThan(files.filter((f) => isXlsx(f)).length - 5);
    expect(results.get('odd/invalid-xml.xlsx')).toBe('corrupt');
    expect(results.get('odd/missing-bits.xlsx')).toBe('not-a-workbook');
    expect(results.get('README.md')).toBe('not-a-zip');
  });

  it('reads or cleanly refuses every fixture, whatever its extension', async () => {
    const files = listFiles(FIXTURES, (name) => !name.endsWith('.json') && !name.endsWith('.md'));
    const failures: string[] = [];
    for (const file of files) {
      const result = await classify(() => readWorkbookFile(file));
      if (result.startsWith('UNEXPECTED')) failures.push(`${relative(ROOT, file)}: ${result}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('readWorkbookBytes on damaged copies', () => {
  // Truncations, flipped bytes and zeroed runs hit the zip structures, the deflate streams and the XML.
  it('never throws anything but UnreadableWorkbookError', async () => {
    const sources = [...listFiles(FIXTURES, isXlsx), ...listFiles(CORPUS, isXlsx).filter((_, i) => i % 25 === 0)];
    const rnd = random(20230331);
    const failures: string[] = [];
    let cases = 0;
    for (const file of sources) {
      const original = readFileSync(file);
      if (original.length < 64) continue;
      for (let k = 0; k < 8; k++) {
        const bytes = Buffer.from(original);
        const at = Math.floor(rnd() * bytes.length);
        let damaged: Uint8Array;
        if (k % 4 === 0) damaged = bytes.subarray(0, at);
        else if (k % 4 === 1) {
          for (let j = 0; j < 8; j++) bytes[Math.floor(rnd() * bytes.length)] = Math.floor(rnd() * 256);
          damaged = bytes;
        } else if (k % 4 === 2) damaged = bytes.fill(0, at, Math.min(bytes.length, at + 1 + Math.floor(rnd() * 200)));
        else {
          // Damage only the first half, so the zip directory stays valid and the parts themselves break.
          const p = Math.floor(rnd() * (bytes.length / 2));
          bytes[p] = bytes[p]! ^ 0xff;
          damaged = bytes;
        }
        cases++;
        const result = await classify(() => readWorkbookBytes(damaged));
        if (result.startsWith('UNEXPECTED')) failures.push(`${relative(ROOT, file)} #${k}: ${result}`);
      }
    }
    expect(cases).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });
});

/**
 * The layering issue 17 asked for, read from the sources' import statements: one zip module that the readers and the
 * writers share without importing each other, and diagnostics/ depending on nothing above it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Relative imports (static, dynamic and type-only) of every source file, as paths under src/. */
function graph(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => relative(SRC, resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts'))));
    out.set(relative(SRC, file), targets);
  }
  return out;
}

function reachable(from: string, edges: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const at = stack.pop()!;
    for (const next of edges.get(at) ?? []) if (!seen.has(next)) stack.push(next), seen.add(next);
  }
  return seen;
}

describe('layering', () => {
  const edges = graph();

  it('one zip module: the reader reaches no writer, and no zip file imports back the paths that re-export it', () => {
    expect([...reachable('zip/read.ts', edges)].filter((f) => f.startsWith('writers/') || f.startsWith('zip/write'))).toEqual([]);
    expect(reachable('zip/crc32.ts', edges).size).toBe(0);
    for (const file of ['zip/read.ts', 'zip/write.ts', 'zip/crc32.ts']) {
      expect(edges.get(file)!.filter((t) => t === 'readers/zip.ts' || t === 'writers/docx/zip.ts'), file).toEqual([]);
    }
    // Every module of src that reads or writes zips uses src/zip/, not the old paths kept for outside importers.
    const old = [...edges].filter(([file, targets]) => !file.startsWith('zip/') && targets.some((t) => t === 'readers/zip.ts' || t === 'writers/docx/zip.ts'));
    expect(old.map(([file]) => file)).toEqual([]);
  });

  it('diagnostics/ imports nothing outside itself', () => {
    for (const [file, targets] of edges) {
      if (!file.startsWith('diagnostics/')) continue;
      expect(targets.filter((t) => !t.startsWith('diagnostics/')), file).toEqual([]);
    }
  });
});

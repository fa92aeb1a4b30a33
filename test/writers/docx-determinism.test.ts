/** Determinism: the same DocModel gives byte-identical .docx files whatever the clock says. */

import { Packer } from 'docx';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDocument, writeDocx } from '../../src/writers/docx/index.js';
import { getLayoutProfile } from '../../src/layout/profile.js';
import { readZip } from '../../src/writers/docx/zip.js';
import { sampleDocModel } from './sample-doc-model.js';

const profile = getLayoutProfile('hd36');
if (profile === undefined) throw new Error('hd36 profile missing');

describe('deterministic bytes', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the same bytes at different times', async () => {
    // Only Date is faked: the packer's promises and timers must keep running.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2023-04-05T08:00:00Z'));
    const first = await writeDocx(sampleDocModel(), profile);
    vi.setSystemTime(new Date('2031-12-31T23:59:58Z'));
    const second = await writeDocx(sampleDocModel(), profile);
    expect(second.equals(first)).toBe(true);
  });

  it('would differ without the re-packing (so the test above means something)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2023-04-05T08:00:00Z'));
    const first = await Packer.toBuffer(buildDocument(sampleDocModel(), profile));
    vi.setSystemTime(new Date('2031-12-31T23:59:58Z'));
    const second = await Packer.toBuffer(buildDocument(sampleDocModel(), profile));
    expect(second.equals(first)).toBe(false);
  });

  it('gives the same bytes for two renders in one process with the real clock', async () => {
    const first = await writeDocx(sampleDocModel(), profile);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await writeDocx(sampleDocModel(), profile);
    expect(second.equals(first)).toBe(true);
  });

  it('keeps no dates in docProps/core.xml', async () => {
    const core = readZip(await writeDocx(sampleDocModel(), profile)).find((e) => e.name === 'docProps/core.xml');
    expect(core?.data.toString('utf8')).not.toMatch(/dcterms:(created|modified)/);
  });
});

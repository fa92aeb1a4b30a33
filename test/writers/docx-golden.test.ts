/** Golden test: the sample report's document, styles and header parts, pretty-printed, against files under golden/. */

import { beforeAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../../src/writers/docx/index.js';
import { getLayoutProfile } from '../../src/layout/profile.js';
import { part, prettyXml, unzipDocx } from '../helpers/docx-xml.js';
import { sampleDocModel } from './sample-doc-model.js';

// Regenerate after an intended change with `npx vitest run test/writers -u`, then read the diff.
describe('docx golden (sample report, hd36)', () => {
  let parts = new Map<string, string>();
  beforeAll(async () => {
    const profile = getLayoutProfile('hd36');
    if (profile === undefined) throw new Error('hd36 profile missing');
    parts = unzipDocx(await writeDocx(sampleDocModel(), profile));
  });

  it('lists the same package parts, in package order', async () => {
    await expect(`${[...parts.keys()].join('\n')}\n`).toMatchFileSnapshot('golden/sample/parts.txt');
  });

  for (const name of ['word/document.xml', 'word/styles.xml', 'word/header1.xml', 'word/header2.xml', 'docProps/core.xml']) {
    it(`matches ${name}`, async () => {
      await expect(prettyXml(part(parts, name))).toMatchFileSnapshot(`golden/sample/${name.split('/').pop() ?? name}`);
    });
  }
});

/** The test helpers' own behaviour: the XML parser and pretty printer that the goldens depend on. */

import { describe, expect, it } from 'vitest';
import { parseXml, prettyXml, textOf } from '../helpers/docx-xml.js';

describe('prettyXml', () => {
  it('puts one element per line with sorted attributes and trimmed text', () => {
    const xml = '<?xml version="1.0"?><a z="1" b="2"><b>  x  </b><c/><!-- gone --><d><e k="&quot;&amp;"/></d></a>';
    expect(prettyXml(xml)).toBe(
      '<a b="2" z="1">\n  <b>x</b>\n  <c/>\n  <d>\n    <e k="&quot;&amp;"/>\n  </d>\n</a>\n',
    );
  });

  it('keeps text under xml:space="preserve" exactly, so spaces between runs stay visible', () => {
    expect(prettyXml('<w:t xml:space="preserve">ban hành </w:t>')).toBe('<w:t xml:space="preserve">ban hành </w:t>\n');
  });

  it('is stable: printing its own output again changes nothing', () => {
    const once = prettyXml('<r><p a="1">t &lt; u</p><q>  </q></r>');
    expect(prettyXml(once)).toBe(once);
  });

  it('rejects mismatched tags', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(/mismatched/);
    expect(() => parseXml('<a>')).toThrow(/unclosed/);
  });

  it('decodes entities in text', () => {
    expect(textOf(parseXml('<w:p><w:r><w:t>A &amp; B &#7871;</w:t></w:r></w:p>'))).toBe('A & B ế');
  });
});

/** Unit tests of the XML pull scanner, entity decoding and date-format detection. */

import { describe, expect, it } from 'vitest';
import { isDateFormat, isDateFormatCode } from '../../src/readers/number-format.js';
import {
  CLOSE,
  END,
  OPEN,
  TEXT,
  DoctypeError,
  XmlError,
  XmlScanner,
  attrValue,
  decodeOoxmlEscapes,
  decodeXml,
} from '../../src/readers/xml.js';

function tokens(xml: string): string[] {
  const s = new XmlScanner(xml);
  const out: string[] = [];
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t === OPEN) out.push(`<${s.name}${s.attrs}>`);
    else if (t === CLOSE) out.push(`</${s.name}>`);
    else if (t === TEXT) out.push(JSON.stringify(s.text()));
  }
  return out;
}

describe('XmlScanner', () => {
  it('reports tags, self-closing tags as open+close, and text', () => {
    expect(tokens('<?xml version="1.0"?>\n<a x="1"><b/>hi<!-- no --><c:d k=\'v\'>x</c:d></a>\n')).toEqual([
      '<a x="1">',
      '<b>',
      '</b>',
      '"hi"',
      '<d k=\'v\'>',
      '"x"',
      '</d>',
      '</a>',
    ]);
  });

  it('decodes entities and numeric references in text, keeps CDATA as is', () => {
    expect(tokens('<t>&lt;a&gt; &amp; &quot;&apos; &#x1EA1;&#7841; <![CDATA[&amp;<b>]]></t>')).toEqual([
      '<t>',
      '"<a> & \\"\' ạạ "',
      '"&amp;<b>"',
      '</t>',
    ]);
  });

  it('accepts ">" inside attribute values', () => {
    expect(tokens('<a f="x>1"/>')).toEqual(['<a f="x>1">', '</a>']);
  });

  it('refuses any DOCTYPE, also one whose entity value holds "]>", in time linear in the part', () => {
    expect(() => tokens('<!DOCTYPE a [<!ENTITY x "y">]><a>1</a>')).toThrow(DoctypeError);
    // Well-formed: the DOCTYPE ends after the second "]>"; a scanner ending it at the first read the fake sheet.
    expect(() => tokens('<!DOCTYPE a [<!ENTITY x "]><a>999</a><!--">]><a>12</a><!---->')).toThrow(DoctypeError);
    // 200,000 declarations: refused at the first, never scanned declaration by declaration.
    expect(() => tokens('<!DOCTYPE a>'.repeat(200_000) + '<a/>')).toThrow(DoctypeError);
  });

  it('refuses character references to characters XML does not allow, tracks namespace scopes', () => {
    for (const ref of ['&#0;', '&#1;', '&#xFFFE;', '&#xFFFF;', '&#xD800;', '&#x1B;']) expect(() => decodeXml(`a${ref}b`), ref).toThrow(XmlError);
    expect(decodeXml('&#9;&#xA;&#x1F600;')).toBe('\t\n\u{1F600}');
    const s = new XmlScanner('<a xmlns="urn:a" xmlns:p="urn:p"><p:b xmlns:p="urn:q"><c/></p:b><p:d/></a>');
    const seen: string[] = [];
    for (let t = s.next(); t !== END; t = s.next()) if (t === OPEN) seen.push(`${s.name}=${s.namespace()}`);
    expect(seen).toEqual(['a=urn:a', 'b=urn:q', 'c=urn:a', 'd=urn:p']);
  });

  it.each([
    ['mismatched close', '<a><b></a></b>'],
    ['unclosed root', '<a><b/>'],
    ['text outside the root', '<a/>junk'],
    ['two roots', '<a/><b/>'],
    ['broken tag', '<a><b c=1/></a>'],
    ['unknown entity', '<a>&nbsp;</a>'],
    ['bare ampersand', '<a>Tom & Jerry</a>'],
    ['empty document', '  '],
  ])('fails on %s', (_label, xml) => {
    expect(() => tokens(xml)).toThrow(XmlError);
  });

  it('skipElement and elementText stay balanced', () => {
    const s = new XmlScanner('<r><skip><x>1</x><y/></skip><t>a<i>b</i>c</t><z/></r>');
    expect(s.next()).toBe(OPEN); // r
    expect(s.next()).toBe(OPEN); // skip
    s.skipElement();
    expect(s.next()).toBe(OPEN);
    expect(s.name).toBe('t');
    expect(s.elementText()).toBe('abc');
    expect(s.next()).toBe(OPEN);
    expect(s.name).toBe('z');
  });
});

describe('attribute and text decoding', () => {
  it('finds attributes exactly, or with any prefix when asked', () => {
    const attrs = ' name="Số &amp; liệu" sheetId="2" xr:uid="{X}" ns9:id="rId4" t="s"';
    expect(attrValue(attrs, 'name')).toBe('Số & liệu');
    expect(attrValue(attrs, 'id')).toBeUndefined();
    expect(attrValue(attrs, 'id', true)).toBe('rId4');
    expect(attrValue(attrs, 't')).toBe('s');
    expect(attrValue(attrs, 'uid')).toBeUndefined();
    expect(attrValue(' r="A1"', 'r')).toBe('A1');
    expect(attrValue(' xr="A1"', 'r')).toBeUndefined();
  });

  it('decodes _xHHHH_ escapes left to right, _x005F_ escaping the underscore', () => {
    expect(decodeOoxmlEscapes('a_x000D__x000A_b')).toBe('a\r\nb');
    expect(decodeOoxmlEscapes('_x005F_x000D_')).toBe('_x000D_');
    expect(decodeOoxmlEscapes('no_escape_here')).toBe('no_escape_here');
  });

  it('decodeXml leaves plain text untouched', () => {
    expect(decodeXml('Quý I/2023')).toBe('Quý I/2023');
  });
});

describe('isDateFormatCode', () => {
  it.each([
    ['dd/mm/yyyy', true],
    ['DD/MM/YYYY', true],
    ['[$-409]d-mmm-yy;@', true],
    ['[$-F800]dddd, mmmm dd, yyyy', true],
    ['[h]:mm:ss', true],
    ['[mm]', true],
    ['h:mm AM/PM', true],
    ['yyyy"年"m"月"d"日"', true],
    ['General', false],
    ['0.00', false],
    ['#,##0;[Red]-#,##0', false],
    ['[Red]0.00', false],
    ['#,##0 "ngày"', false],
    ['0" days"', false],
    ['#,##0\\ \\d', false],
    ['0.00E+00', false],
    ['_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-', false],
    ['#,##0 [$đ-42A]', false],
    ['@', false],
    ['AM/PM', false],
  ])('%s → %s', (code, expected) => {
    expect(isDateFormatCode(code)).toBe(expected);
  });

  it('uses built-in ids 14–22 and 45–47, and a custom code over a built-in id', () => {
    const none = new Map<number, string>();
    expect([14, 22, 45, 47].every((id) => isDateFormat(id, none))).toBe(true);
    expect([0, 1, 2, 13, 23, 44, 48, 49].some((id) => isDateFormat(id, none))).toBe(false);
    expect(isDateFormat(14, new Map([[14, '0.00']]))).toBe(false);
    expect(isDateFormat(164, new Map([[164, 'dd/mm/yyyy']]))).toBe(true);
  });
});

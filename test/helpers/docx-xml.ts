/** Test helpers for .docx output: unzip, a small XML tree, a deterministic pretty printer and layout queries. */

import { readZip } from '../../src/writers/docx/zip.js';

// ---------------------------------------------------------------------------------------------------------
// Package

/** Every part of a .docx as text, keyed by part name ("word/document.xml"). */
export function unzipDocx(buffer: Buffer): Map<string, string> {
  const parts = new Map<string, string>();
  for (const entry of readZip(buffer)) parts.set(entry.name, entry.data.toString('utf8'));
  return parts;
}

/** One part's text; throws when the part is missing, so a test fails with the part's name. */
export function part(parts: Map<string, string>, name: string): string {
  const xml = parts.get(name);
  if (xml === undefined) throw new Error(`part ${name} not in package (has ${[...parts.keys()].join(', ')})`);
  return xml;
}

// ---------------------------------------------------------------------------------------------------------
// A minimal XML tree (enough for OOXML: elements, attributes, text; no DTDs)

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? whole;
  });
}

function encode(text: string, quote: boolean): string {
  const t = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return quote ? t.replace(/"/g, '&quot;') : t;
}

/** Parses `xml` into its root element (declaration, comments and processing instructions dropped). */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const token = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  const attr = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(xml)) !== null) {
    const top = stack[stack.length - 1] as XmlElement;
    if (m[1] !== undefined) top.children.push(m[1]);
    else if (m[2] !== undefined) {
      if (top.name !== m[2]) throw new Error(`mismatched </${m[2]}> in <${top.name}>`);
      stack.pop();
    } else if (m[3] !== undefined) {
      const el: XmlElement = { name: m[3], attrs: {}, children: [] };
      for (const a of (m[4] ?? '').matchAll(attr)) el.attrs[a[1] as string] = decode(a[2] ?? a[3] ?? '');
      top.children.push(el);
      if (m[5] !== '/') stack.push(el);
    } else if (m[6] !== undefined) top.children.push(decode(m[6]));
  }
  if (stack.length !== 1) throw new Error(`unclosed <${(stack[stack.length - 1] as XmlElement).name}>`);
  const first = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (first === undefined) throw new Error('no root element');
  return first;
}

/**
 * One element per line, two-space indent, attributes sorted by name, text trimmed (whitespace-only text
 * dropped); an element whose only content is text stays on one line. Same input, same output.
 * Text under xml:space="preserve" (w:t, w:instrText) is kept as is, so a lost space between runs shows.
 */
export function prettyXml(xml: string): string {
  const lines: string[] = [];
  const open = (el: XmlElement) =>
    `<${el.name}${Object.keys(el.attrs).sort().map((k) => ` ${k}="${encode(el.attrs[k] as string, true)}"`).join('')}`;
  const walk = (el: XmlElement, depth: number) => {
    const pad = '  '.repeat(depth);
    const preserve = el.attrs['xml:space'] === 'preserve';
    const kids = el.children
      .map((c) => (typeof c === 'string' && !preserve ? c.trim() : c))
      .filter((c) => c !== '');
    if (kids.length === 0) lines.push(`${pad}${open(el)}/>`);
    else if (kids.every((c) => typeof c === 'string')) lines.push(`${pad}${open(el)}>${encode(kids.join(''), false)}</${el.name}>`);
    else {
      lines.push(`${pad}${open(el)}>`);
      for (const k of kids) {
        if (typeof k === 'string') lines.push(`${pad}  ${encode(k, false)}`);
        else walk(k, depth + 1);
      }
      lines.push(`${pad}</${el.name}>`);
    }
  };
  walk(parseXml(xml), 0);
  return `${lines.join('\n')}\n`;
}

/** Every descendant element named `name`, in document order. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** The first direct or deeper descendant named `name`, or undefined. */
export function findFirst(el: XmlElement, name: string): XmlElement | undefined {
  return findAll(el, name)[0];
}

/** Direct children named `name`. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** Concatenated text of all w:t descendants (a run's or paragraph's visible text). */
export function textOf(el: XmlElement): string {
  return findAll(el, 'w:t').map((t) => t.children.filter((c): c is string => typeof c === 'string').join('')).join('');
}

// ---------------------------------------------------------------------------------------------------------
// Document queries

function documentRoot(buffer: Buffer): XmlElement {
  return parseXml(part(unzipDocx(buffer), 'word/document.xml'));
}

/** The visible text of every non-empty paragraph of word/document.xml (table cells included), in order. */
/** The paragraphs as a reader sees them: a no-break space (document/nobreak.ts) reads as a space. */
export function documentText(buffer: Buffer): string[] {
  return findAll(documentRoot(buffer), 'w:p').map((p) => textOf(p).replace(/\u00a0/g, ' ')).filter((t) => t !== '');
}

export interface SectionLayout {
  pgSz: Record<string, string>;
  pgMar: Record<string, string>;
  titlePage: boolean;
  type: string | undefined;
  headerRefs: { type: string; id: string }[];
}

/** Page size, margins, title-page flag and header references of each section, in order. */
export function sections(documentXml: string): SectionLayout[] {
  return findAll(parseXml(documentXml), 'w:sectPr').map((s) => {
    const titlePg = findFirst(s, 'w:titlePg');
    return {
      pgSz: findFirst(s, 'w:pgSz')?.attrs ?? {},
      pgMar: findFirst(s, 'w:pgMar')?.attrs ?? {},
      titlePage: titlePg !== undefined && titlePg.attrs['w:val'] !== 'false' && titlePg.attrs['w:val'] !== '0',
      type: findFirst(s, 'w:type')?.attrs['w:val'],
      headerRefs: childrenNamed(s, 'w:headerReference').map((h) => ({ type: h.attrs['w:type'] ?? '', id: h.attrs['r:id'] ?? '' })),
    };
  });
}

/** Top-level tables of the body, in order. */
export function bodyTables(documentXml: string): XmlElement[] {
  const body = findFirst(parseXml(documentXml), 'w:body');
  return body === undefined ? [] : childrenNamed(body, 'w:tbl');
}

export interface TableLayout {
  gridCols: number[];
  cellWidths: number[][];
  /** w:tblBorders children: side → w:val ("none", "single"). */
  borders: Record<string, string>;
  width: number;
}

export function tableLayout(tbl: XmlElement): TableLayout {
  const borders: Record<string, string> = {};
  const tblBorders = findFirst(tbl, 'w:tblBorders');
  for (const b of tblBorders?.children ?? []) {
    if (typeof b !== 'string') borders[b.name.replace(/^w:/, '')] = b.attrs['w:val'] ?? '';
  }
  return {
    gridCols: findAll(tbl, 'w:gridCol').map((g) => Number(g.attrs['w:w'])),
    cellWidths: childrenNamed(tbl, 'w:tr').map((tr) => childrenNamed(tr, 'w:tc').map((tc) => Number(findFirst(tc, 'w:tcW')?.attrs['w:w']))),
    borders,
    width: Number(findFirst(tbl, 'w:tblW')?.attrs['w:w']),
  };
}

/** The paragraph whose visible text equals (or, with `contains`, includes) `text`. */
export function paragraphWithText(documentXml: string, text: string, contains = false): XmlElement | undefined {
  const read = (p: XmlElement) => textOf(p).replace(/\u00a0/g, ' ');
  return findAll(parseXml(documentXml), 'w:p').find((p) => (contains ? read(p).includes(text) : read(p) === text));
}

/** Run properties of the first run of a paragraph: size in half-points, bold, italic, underline. */
export function firstRunFormat(p: XmlElement): { sz?: number; bold: boolean; italic: boolean; underline: boolean } {
  const r = childrenNamed(p, 'w:r')[0];
  const rPr = r === undefined ? undefined : findFirst(r, 'w:rPr');
  const sz = rPr === undefined ? undefined : findFirst(rPr, 'w:sz')?.attrs['w:val'];
  const on = (name: string) => {
    const e = rPr === undefined ? undefined : childrenNamed(rPr, name)[0];
    return e !== undefined && e.attrs['w:val'] !== 'false' && e.attrs['w:val'] !== '0' && e.attrs['w:val'] !== 'none';
  };
  return { ...(sz !== undefined ? { sz: Number(sz) } : {}), bold: on('w:b'), italic: on('w:i'), underline: on('w:u') };
}

/** The paragraph properties element of a paragraph (or an empty one). */
export function pPr(p: XmlElement): XmlElement {
  return childrenNamed(p, 'w:pPr')[0] ?? { name: 'w:pPr', attrs: {}, children: [] };
}

// ---------------------------------------------------------------------------------------------------------
// Style queries

/** The w:rFonts of the document defaults and of each style that sets them, keyed "docDefaults" or style id. */
export function styleFonts(stylesXml: string): Record<string, Record<string, string>> {
  const root = parseXml(stylesXml);
  const out: Record<string, Record<string, string>> = {};
  const defaults = findFirst(root, 'w:rPrDefault');
  const dFonts = defaults === undefined ? undefined : findFirst(defaults, 'w:rFonts');
  if (dFonts !== undefined) out['docDefaults'] = dFonts.attrs;
  for (const s of childrenNamed(root, 'w:style')) {
    const f = findFirst(s, 'w:rFonts');
    if (f !== undefined) out[s.attrs['w:styleId'] ?? '?'] = f.attrs;
  }
  return out;
}

/** A style element by id. */
export function styleById(stylesXml: string, id: string): XmlElement | undefined {
  return childrenNamed(parseXml(stylesXml), 'w:style').find((s) => s.attrs['w:styleId'] === id);
}

/** The document-default run properties (w:rPrDefault/w:rPr). */
export function defaultRunProperties(stylesXml: string): XmlElement | undefined {
  const d = findFirst(parseXml(stylesXml), 'w:rPrDefault');
  return d === undefined ? undefined : findFirst(d, 'w:rPr');
}

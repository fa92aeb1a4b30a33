/**
 * An OOXML package opened for surgery: every part kept as the bytes it came with, a few parts rewritten as text,
 * new parts added, relationships and content types extended. Nothing here knows about danvan's form.
 */
import { ZipArchive } from '../zip/read.js';
import { CLOSE, END, OPEN, XmlScanner, attrValue } from '../readers/xml.js';
import { resolveTarget } from '../readers/fast-reader.js';
import { writeZip } from '../zip/write.js';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  packageRels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  strictMain: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
} as const;

export const REL_TYPE = {
  worksheet: `${NS.rel}/worksheet`,
  styles: `${NS.rel}/styles`,
  comments: `${NS.rel}/comments`,
  vmlDrawing: `${NS.rel}/vmlDrawing`,
} as const;

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
} as const;

/** Text for XML content and attribute values (both quotes escaped), without characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** ST_Xstring text: escaped for XML, and a literal "_xHHHH_" kept literal (Excel would read it as an escape). */
export function escapeXstring(text: string): string {
  return escapeXml(text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1'));
}

/** One change to a text: replace [start, end) by `text`. Insertions have start === end. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies non-overlapping edits given in any order; insertions at one offset keep the order in which they were
 * listed.
 */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const ordered = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.start - b.edit.start || a.index - b.index);
  let out = '';
  let at = 0;
  for (const { edit } of ordered) {
    if (edit.start < at) throw new Error('overlapping edits');
    out += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + source.slice(at);
}

/** A direct child of the root element: its local name, where it starts and ends, where its content ends. */
export interface TopElement {
  name: string;
  qname: string;
  attrs: string;
  start: number;
  /** Just past the element (its close tag, or the self-closing tag). */
  end: number;
  /** Offset of its close tag (where a last child would go), or -1 when the element is self-closing. */
  closeStart: number;
  /** Open-tag end, i.e. where its content starts. */
  openEnd: number;
  selfClosing: boolean;
  /** Number of direct child elements. */
  children: number;
}

export interface RootInfo {
  qname: string;
  /** "x:" when the root is "x:worksheet", else "". */
  prefix: string;
  attrs: string;
  openEnd: number;
  /** Offset of the root's close tag. */
  closeStart: number;
  top: TopElement[];
}

/**
 * The root and its direct children with their offsets; `visit` sees every open tag below them (with its depth,
 * 1 = child of the root), for callers that look deeper without a second pass.
 */
export function scanTop(xml: string, visit?: (s: XmlScanner, depth: number) => void): RootInfo {
  const s = new XmlScanner(xml);
  let root: RootInfo | undefined;
  let current: TopElement | undefined;
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t === OPEN) {
      const depth = s.depth - 1; // the depth includes the tag just opened
      if (depth === 0) {
        const colon = s.qname.indexOf(':');
        root = { qname: s.qname, prefix: colon < 0 ? '' : s.qname.slice(0, colon + 1), attrs: s.attrs, openEnd: s.tagEnd, closeStart: -1, top: [] };
      } else if (depth === 1) {
        current = { name: s.name, qname: s.qname, attrs: s.attrs, start: s.tagStart, end: -1, closeStart: -1, openEnd: s.tagEnd, selfClosing: s.selfClosing, children: 0 };
        root!.top.push(current);
      } else if (depth === 2 && current) {
        current.children += 1;
      }
      visit?.(s, depth);
    } else if (t === CLOSE) {
      const depth = s.depth;
      if (depth === 0 && root) root.closeStart = s.tagStart;
      else if (depth === 1 && current) {
        current.end = s.tagEnd;
        if (!current.selfClosing) current.closeStart = s.tagStart;
        current = undefined;
      }
    }
  }
  if (!root || root.closeStart < 0) throw new Error('no root element');
  return root;
}

/** Offset before the first direct child named in `later`, else before the root's close tag. */
export function insertionPoint(root: RootInfo, later: ReadonlySet<string>): number {
  return root.top.find((element) => later.has(element.name))?.start ?? root.closeStart;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** Part name the target resolves to (for internal targets). */
  part: string;
}

export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** The Target that leads from `source`'s folder to `part` ("../comments1.xml"). */
export function relativeTarget(source: string, part: string): string {
  const from = folderOf(source).split('/').filter(Boolean);
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common += 1;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

export class OoxmlPackage {
  private readonly order: string[] = [];
  private readonly parts = new Map<string, { name: string; data: Buffer }>();

  constructor(zip: ZipArchive) {
    for (const entry of zip.entries) {
      if (entry.name.endsWith('/')) continue;
      this.put(entry.name, Buffer.from(zip.extract(entry)));
    }
  }

  /** The stored name of a part (names are case-insensitive), or undefined. */
  nameOf(part: string): string | undefined {
    return this.parts.get(part.toLowerCase())?.name;
  }

  has(part: string): boolean {
    return this.parts.has(part.toLowerCase());
  }

  names(): string[] {
    return this.order.map((key) => this.parts.get(key)!.name);
  }

  bytes(part: string): Buffer | undefined {
    return this.parts.get(part.toLowerCase())?.data;
  }

  /** The part as text: UTF-16 when it starts with a byte order mark, UTF-8 otherwise (a UTF-8 BOM dropped). */
  text(part: string): string | undefined {
    const data = this.bytes(part);
    if (!data) return undefined;
    if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return data.toString('utf16le', 2);
    if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return Buffer.from(data.subarray(2)).swap16().toString('utf16le');
    const text = data.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  /** Stores a part as UTF-8 (its XML declaration, if any, then says so). Keeps the stored name of an existing part. */
  setText(part: string, text: string): void {
    const declared = text.replace(/^(<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
    this.put(this.nameOf(part) ?? part, Buffer.from(declared, 'utf8'));
  }

  /** Stores bytes as they are (keeping the stored name of an existing part). */
  setBytes(part: string, data: Buffer): void {
    this.put(this.nameOf(part) ?? part, data);
  }

  private put(name: string, data: Buffer): void {
    const key = name.toLowerCase();
    const existing = this.parts.get(key);
    if (existing) existing.data = data;
    else {
      this.order.push(key);
      this.parts.set(key, { name, data });
    }
  }

  /** Drops a part (and its relationships part) and its content type Override. */
  remove(part: string): void {
    for (const name of [part, relsPartOf(part)]) {
      const key = name.toLowerCase();
      if (!this.parts.delete(key)) continue;
      this.order.splice(this.order.indexOf(key), 1);
    }
    const xml = this.text('[Content_Types].xml');
    if (xml === undefined) return;
    const edits: TextEdit[] = [];
    scanTop(xml, (s, depth) => {
      if (depth === 1 && s.name === 'Override' && s.selfClosing && (attrValue(s.attrs, 'PartName') ?? '').toLowerCase() === `/${part}`.toLowerCase()) {
        edits.push({ start: s.tagStart, end: s.tagEnd, text: '' });
      }
    });
    if (edits.length) this.setText('[Content_Types].xml', applyEdits(xml, edits));
  }

  /** Drops the relationship `id` of `source`. */
  removeRelationship(source: string, id: string): void {
    const relsPart = relsPartOf(source);
    const xml = this.text(relsPart);
    if (xml === undefined) return;
    const edits: TextEdit[] = [];
    scanTop(xml, (s, depth) => {
      if (depth === 1 && s.name === 'Relationship' && s.selfClosing && attrValue(s.attrs, 'Id') === id) edits.push({ start: s.tagStart, end: s.tagEnd, text: '' });
    });
    if (edits.length) this.setText(relsPart, applyEdits(xml, edits));
  }

  /** "xl/comments3.xml": the first free name of the pattern, numbered from 1. */
  freeName(make: (n: number) => string): string {
    for (let n = 1; ; n += 1) if (!this.has(make(n))) return make(n);
  }

  relationships(source: string): Relationship[] {
    const xml = this.text(relsPartOf(source));
    if (xml === undefined) return [];
    const out: Relationship[] = [];
    const folder = folderOf(source);
    scanTop(xml, (s, depth) => {
      if (depth !== 1 || s.name !== 'Relationship') return;
      const target = attrValue(s.attrs, 'Target') ?? '';
      const external = attrValue(s.attrs, 'TargetMode') === 'External';
      out.push({ id: attrValue(s.attrs, 'Id') ?? '', type: attrValue(s.attrs, 'Type') ?? '', target, external, part: external ? '' : resolveTarget(folder, target) });
    });
    return out;
  }

  /** Adds a relationship from `source` to `part` and returns its id (a fresh "rIdN"). */
  addRelationship(source: string, type: string, part: string): string {
    const relsPart = relsPartOf(source);
    const ids = new Set(this.relationships(source).map((rel) => rel.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n += 1;
    const id = `rId${n}`;
    const xml = this.text(relsPart);
    const element = (prefix: string) => `<${prefix}Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(relativeTarget(source, part))}"/>`;
    if (xml === undefined) {
      this.setText(relsPart, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRels}">${element('')}</Relationships>`);
    } else {
      const root = scanTop(xml);
      this.setText(relsPart, applyEdits(xml, [{ start: root.closeStart, end: root.closeStart, text: element(root.prefix) }]));
    }
    return id;
  }

  /** Declares the content type of a new part: an Override, or a Default for its extension when none exists yet. */
  declareContentType(part: string, contentType: string, byExtension = false): void {
    const xml = this.text('[Content_Types].xml');
    if (xml === undefined) throw new Error('no [Content_Types].xml');
    const extension = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    const defaults = new Map<string, string>();
    const overrides = new Set<string>();
    const root = scanTop(xml, (s, depth) => {
      if (depth !== 1) return;
      if (s.name === 'Default') defaults.set((attrValue(s.attrs, 'Extension') ?? '').toLowerCase(), attrValue(s.attrs, 'ContentType') ?? '');
      if (s.name === 'Override') overrides.add((attrValue(s.attrs, 'PartName') ?? '').toLowerCase());
    });
    if (overrides.has(`/${part}`.toLowerCase())) return;
    let element: string;
    if (defaults.get(extension) === contentType) return;
    if (byExtension && !defaults.has(extension)) element = `<${root.prefix}Default Extension="${escapeXml(extension)}" ContentType="${contentType}"/>`;
    else element = `<${root.prefix}Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>`;
    this.setText('[Content_Types].xml', applyEdits(xml, [{ start: root.closeStart, end: root.closeStart, text: element }]));
  }

  /** The package as a zip: parts in their original order, new ones after, with fixed timestamps. */
  toZip(): Buffer {
    return writeZip(this.order.map((key) => this.parts.get(key)!));
  }
}

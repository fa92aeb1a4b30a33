/** A small pull scanner for the XML parts of a workbook: tags and text by index, checking well-formedness as it goes. */

/** Token kinds returned by `XmlScanner.next()`. */
export const END = 0;
export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export type Token = typeof END | typeof OPEN | typeof CLOSE | typeof TEXT;

export class XmlError extends Error {}

/**
 * A document type declaration: no program that writes workbooks puts one in a part, Excel refuses the part, and
 * skipping it the way a parser does (quoted "]>" inside entity values) is a second parser to keep in step. Refused.
 */
export class DoctypeError extends XmlError {}

/** The namespaces whose elements make a workbook's cells (SpreadsheetML, transitional and strict). */
export const SPREADSHEETML = new Set(['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main']);

// Sticky regexes: each is tried exactly at the scanner's position, so the string is never copied.
const OPEN_TAG = /<([^\s/>!?"'=<]+)((?:\s+[^\s=/>"'<]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const CLOSE_TAG = /<\/([^\s>]+)\s*>/y;
const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));|&/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references; a bare or unknown `&` is malformed XML. */
export function decodeXml(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(ENTITY, (match, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named) return NAMED[named]!;
    if (hex === undefined && dec === undefined) throw new XmlError(`bad entity near "${match}"`);
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec!, 10);
    // Only characters XML allows may be referred to (&#0;, &#1;, &#xFFFE; are errors to every XML parser).
    if (!isXmlChar(code)) throw new XmlError(`bad character reference ${match}`);
    return String.fromCodePoint(code);
  });
}

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Decodes the `_xHHHH_` escapes of ST_Xstring (Excel's way to store control characters such as CR). */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const attrRegexCache = new Map<string, RegExp>();

/**
 * The decoded value of one attribute in the raw attribute text of a tag. `name` is matched as written
 * ("r", "xml:space"); with `anyPrefix` any namespace prefix is accepted ("r:id", "ns1:id").
 */
export function attrValue(attrs: string, name: string, anyPrefix = false): string | undefined {
  if (attrs.length === 0) return undefined;
  const key = anyPrefix ? `*${name}` : name;
  let re = attrRegexCache.get(key);
  if (!re) {
    const prefix = anyPrefix ? '[^\\s=:]+:' : '';
    re = new RegExp(`(?:^|\\s)${prefix}${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrRegexCache.set(key, re);
  }
  const m = re.exec(attrs);
  if (!m) return undefined;
  return decodeXml(m[1] ?? m[2] ?? '');
}

/**
 * Pull scanner: `next()` moves to the next tag or text run and exposes it in fields (no object per
 * token). Close tags are checked against the open ones, so a broken part fails instead of misreading.
 */
export class XmlScanner {
  /** Local name (prefix removed) of the current open or close tag. */
  name = '';
  /** Qualified name as written ("x:worksheet") of the current open or close tag. */
  qname = '';
  /**
   * Offsets in the text of the current tag: from its `<` to just past its `>`. For the close reported after a
   * self-closing tag they are those of that tag. Text tokens do not move them.
   */
  tagStart = 0;
  tagEnd = 0;
  /** Raw attribute text of the current open tag. */
  attrs = '';
  selfClosing = false;
  private textStart = 0;
  private textEnd = 0;
  private cdata = false;
  private pos = 0;
  private readonly stack: string[] = [];
  private rootSeen = false;
  private pendingClose = false;
  /** In-scope namespace bindings, prefix ('' for the default) → URI, and what each open element changed. */
  private readonly bindings = new Map<string, string>();
  private readonly undo: { depth: number; prefix: string; uri: string | undefined }[] = [];
  private prefix = '';
  /** Bumped whenever a binding changes, so that `inNamespace` can answer from its last answer. */
  private bindVersion = 0;
  private cacheSet: ReadonlySet<string> | undefined;
  private cachePrefix = '';
  private cacheVersion = -1;
  private cacheAnswer = false;

  constructor(private readonly xml: string) {
    // A byte order mark is not part of the document.
    if (xml.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  /** Namespace URI of the current open or close tag ('' when its prefix is unbound). */
  namespace(): string {
    return this.bindings.get(this.prefix) ?? '';
  }

  /**
   * Whether the current tag's namespace is one of `set`. Answered from the last answer while the prefix and the
   * bindings are the same (nearly every element of a part): the check costs two comparisons per element.
   */
  inNamespace(set: ReadonlySet<string>): boolean {
    if (set === this.cacheSet && this.prefix === this.cachePrefix && this.bindVersion === this.cacheVersion) return this.cacheAnswer;
    this.cacheSet = set;
    this.cachePrefix = this.prefix;
    this.cacheVersion = this.bindVersion;
    this.cacheAnswer = set.has(this.bindings.get(this.prefix) ?? '');
    return this.cacheAnswer;
  }

  get depth(): number {
    return this.stack.length;
  }

  /** Decoded text of the current text token (entities resolved; CDATA as is). */
  text(): string {
    const raw = this.xml.slice(this.textStart, this.textEnd);
    return this.cdata ? raw : decodeXml(raw);
  }

  next(): Token {
    // A self-closing tag is reported as an open then a close, so consumers need one code path.
    if (this.pendingClose) {
      this.pendingClose = false;
      this.stack.pop();
      this.selfClosing = false;
      if (this.undo.length !== 0 && this.undo[this.undo.length - 1]!.depth === this.stack.length + 1) this.unbind();
      return CLOSE;
    }
    const { xml } = this;
    for (;;) {
      const p = this.pos;
      if (p >= xml.length) {
        if (this.stack.length > 0) throw new XmlError(`unexpected end inside <${this.stack[this.stack.length - 1]}>`);
        if (!this.rootSeen) throw new XmlError('no root element');
        return END;
      }
      if (xml.charCodeAt(p) !== 60 /* < */) {
        let lt = xml.indexOf('<', p);
        if (lt < 0) lt = xml.length;
        this.pos = lt;
        if (this.stack.length === 0) {
          if (!isBlank(xml, p, lt)) throw new XmlError('text data outside of root element');
          continue;
        }
        this.textStart = p;
        this.textEnd = lt;
        this.cdata = false;
        return TEXT;
      }
      const c1 = xml.charCodeAt(p + 1);
      if (c1 === 47 /* / */) {
        CLOSE_TAG.lastIndex = p;
        const m = CLOSE_TAG.exec(xml);
        if (!m) throw new XmlError(`malformed close tag at ${p}`);
        const open = this.stack.pop();
        if (open !== m[1]) throw new XmlError(`</${m[1]}> closes <${open ?? ''}>`);
        this.pos = CLOSE_TAG.lastIndex;
        this.tagStart = p;
        this.tagEnd = this.pos;
        const closing = m[1]!;
        this.qname = closing;
        const colon = closing.indexOf(':');
        if (colon < 0) {
          this.name = closing;
          this.prefix = '';
        } else this.setName(closing);
        if (this.undo.length !== 0 && this.undo[this.undo.length - 1]!.depth === this.stack.length + 1) this.unbind();
        return CLOSE;
      }
      if (c1 === 63 /* ? */) {
        const end = xml.indexOf('?>', p + 2);
        if (end < 0) throw new XmlError('unterminated processing instruction');
        this.pos = end + 2;
        continue;
      }
      if (c1 === 33 /* ! */) {
        if (xml.startsWith('<!--', p)) {
          const end = xml.indexOf('-->', p + 4);
          if (end < 0) throw new XmlError('unterminated comment');
          this.pos = end + 3;
          continue;
        }
        if (xml.startsWith('<![CDATA[', p)) {
          const end = xml.indexOf(']]>', p + 9);
          if (end < 0 || this.stack.length === 0) throw new XmlError('bad CDATA section');
          this.pos = end + 3;
          this.textStart = p + 9;
          this.textEnd = end;
          this.cdata = true;
          return TEXT;
        }
        if (xml.startsWith('<!DOCTYPE', p)) throw new DoctypeError('DOCTYPE declaration');
        throw new XmlError(`unexpected markup at ${p}`);
      }
      OPEN_TAG.lastIndex = p;
      const m = OPEN_TAG.exec(xml);
      if (!m) throw new XmlError(`malformed tag at ${p}`);
      if (this.stack.length === 0) {
        if (this.rootSeen) throw new XmlError('more than one root element');
        this.rootSeen = true;
      }
      this.pos = OPEN_TAG.lastIndex;
      this.tagStart = p;
      this.tagEnd = this.pos;
      const qname = m[1]!;
      this.qname = qname;
      if (qname.indexOf(':') < 0) {
        this.name = qname;
        this.prefix = '';
      } else this.setName(qname);
      this.attrs = m[2]!;
      this.selfClosing = m[3] === '/';
      this.stack.push(qname);
      if (this.attrs.indexOf('xmlns') >= 0) this.bind(this.attrs);
      if (this.selfClosing) this.pendingClose = true;
      return OPEN;
    }
  }

  private setName(qname: string): void {
    const colon = qname.indexOf(':');
    if (colon < 0) {
      this.name = qname;
      this.prefix = '';
    } else {
      this.name = qname.slice(colon + 1);
      this.prefix = qname.slice(0, colon);
    }
  }

  /** Applies the namespace declarations of the element just pushed, remembering what they hid. */
  private bind(attrs: string): void {
    XMLNS.lastIndex = 0;
    for (let m = XMLNS.exec(attrs); m; m = XMLNS.exec(attrs)) {
      const prefix = m[1] ?? '';
      this.undo.push({ depth: this.stack.length, prefix, uri: this.bindings.get(prefix) });
      this.bindings.set(prefix, decodeXml(m[2] ?? m[3] ?? ''));
      this.bindVersion += 1;
    }
  }

  /** Restores the bindings hidden by the element just popped (the stack is one shorter than when it opened). */
  private unbind(): void {
    const depth = this.stack.length + 1;
    while (this.undo.length > 0 && this.undo[this.undo.length - 1]!.depth === depth) {
      const { prefix, uri } = this.undo.pop()!;
      if (uri === undefined) this.bindings.delete(prefix);
      else this.bindings.set(prefix, uri);
      this.bindVersion += 1;
    }
  }

  /** Skips to the end of the element just opened (its close tag is consumed). */
  skipElement(): void {
    const target = this.stack.length - 1;
    while (this.stack.length > target) {
      if (this.next() === END) return;
    }
  }

  /**
   * Like `elementText`, or undefined when the element holds another element (`<v>1<x/>2</v>`): programs read
   * such a value in different ways, so it is not a value at all.
   */
  plainElementText(): string | undefined {
    let out = '';
    let markup = false;
    const target = this.stack.length - 1;
    while (this.stack.length > target) {
      const t = this.next();
      if (t === TEXT) out += this.text();
      else if (t === OPEN) markup = true;
      else if (t === END) break;
    }
    return markup ? undefined : out;
  }

  /** Concatenated decoded text inside the element just opened, up to and including its close tag. */
  elementText(): string {
    let out = '';
    const target = this.stack.length - 1;
    while (this.stack.length > target) {
      const t = this.next();
      if (t === TEXT) out += this.text();
      else if (t === END) break;
    }
    return out;
  }
}

/** Char of XML 1.0 (§2.2): tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF. */
export function isXmlChar(code: number): boolean {
  return code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

const XMLNS = /(?:^|\s)xmlns(?::([^\s=]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function isBlank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return false;
  }
  return true;
}

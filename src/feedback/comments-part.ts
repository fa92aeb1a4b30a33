/**
 * Notes (legacy comments) on a worksheet: the comments part with the text, and the VML drawing that holds one
 * hidden note shape per comment. A sheet's own notes are kept; a cell that already has one gets ours appended.
 */
import { CLOSE, END, OPEN, XmlScanner, attrValue } from '../readers/xml.js';
import { CONTENT_TYPE, NS, REL_TYPE, applyEdits, escapeXstring, scanTop, type OoxmlPackage, type TextEdit } from './ooxml-package.js';

export const NOTE_AUTHOR = 'danvan';

export interface Note {
  /** A1 address. */
  ref: string;
  row: number;
  col: number;
  /** Lines of the note, each one problem. */
  lines: string[];
}

export interface SheetNotes {
  /** The worksheet part. */
  sheetPart: string;
  /** Relationship id of the sheet's existing legacy drawing, if any. */
  legacyDrawingId: string | undefined;
  notes: Note[];
}

/** What the sheet XML must gain: a <legacyDrawing> with this relationship id, when it had none. */
export interface NotesResult {
  newLegacyDrawingId: string | undefined;
}

const VML_HEADER = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">`;
const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** Runs of the note text: our name in bold, then the lines (Excel's own notes start with the author in bold). */
function noteRuns(p: string, lines: readonly string[], leadingBreak: boolean): string {
  const rPr = (bold: boolean) => `<${p}rPr>${bold ? `<${p}b/>` : ''}<${p}sz val="9"/><${p}color indexed="81"/><${p}rFont val="Tahoma"/><${p}family val="2"/></${p}rPr>`;
  return (
    `<${p}r>${rPr(true)}<${p}t xml:space="preserve">${leadingBreak ? '\n\n' : ''}${NOTE_AUTHOR}:</${p}t></${p}r>` +
    `<${p}r>${rPr(false)}<${p}t xml:space="preserve">${escapeXstring(`\n${lines.join('\n')}`)}</${p}t></${p}r>`
  );
}

/** Size of the note box, in columns and rows of the sheet, from the length of its text. */
function boxSize(lines: readonly string[]): { cols: number; rows: number; widthPt: number; heightPt: number } {
  const perLine = 48;
  const count = 1 + lines.reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
  const rows = Math.min(30, Math.max(4, Math.ceil(count * 0.8) + 1));
  return { cols: 4, rows, widthPt: 260, heightPt: Math.round(rows * 15) };
}

function vmlShape(id: number, note: Note): string {
  const size = boxSize(note.lines);
  const left = note.col; // 0-based column right of the cell
  const topRow = Math.max(0, note.row - 2);
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:${size.widthPt}pt;height:${size.heightPt}pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${left}, 15, ${topRow}, 10, ${left + size.cols}, 15, ${topRow + size.rows}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${note.row - 1}</x:Row><x:Column>${note.col - 1}</x:Column></x:ClientData></v:shape>`
  );
}

/** The highest VML shape block in use anywhere in the package (shape ids are block × 1024 + n). */
function usedShapeBlock(pkg: OoxmlPackage): number {
  let block = 0;
  for (const name of pkg.names()) {
    if (!/\.vml$/i.test(name)) continue;
    const text = pkg.bytes(name)?.toString('latin1') ?? '';
    for (const m of text.matchAll(/_x0000_s(\d+)/g)) block = Math.max(block, Math.floor(Number(m[1]) / 1024));
    for (const m of text.matchAll(/<o:idmap\b[^>]*\bdata\s*=\s*"([^"]*)"/g)) for (const n of m[1]!.split(',')) block = Math.max(block, Number(n) || 0);
  }
  return block;
}

interface CommentsInfo {
  authors: string[];
  /** End of the authors element's content, or -1 (self-closing or absent). */
  authorsClose: number;
  authorsElement: { start: number; end: number; qname: string; selfClosing: boolean } | undefined;
  commentListClose: number;
  commentListElement: { start: number; end: number; qname: string; selfClosing: boolean } | undefined;
  /** Existing comments by upper-case ref: where their <text> content ends and whether it holds a bare <t>. */
  byRef: Map<string, { textClose: number; bareT: { start: number; end: number }[] }>;
  prefix: string;
  rootClose: number;
}

function readComments(xml: string): CommentsInfo {
  const s = new XmlScanner(xml);
  const info: CommentsInfo = { authors: [], authorsClose: -1, authorsElement: undefined, commentListClose: -1, commentListElement: undefined, byRef: new Map(), prefix: '', rootClose: -1 };
  let ref: string | undefined;
  let inText = false;
  let bareStart = -1;
  let current: { textClose: number; bareT: { start: number; end: number }[] } | undefined;
  for (let t = s.next(); t !== END; t = s.next()) {
    const depth = s.depth;
    if (t === OPEN) {
      if (depth === 1) info.prefix = s.qname.includes(':') ? s.qname.slice(0, s.qname.indexOf(':') + 1) : '';
      if (depth === 2 && s.name === 'authors') info.authorsElement = { start: s.tagStart, end: s.tagEnd, qname: s.qname, selfClosing: s.selfClosing };
      if (depth === 2 && s.name === 'commentList') info.commentListElement = { start: s.tagStart, end: s.tagEnd, qname: s.qname, selfClosing: s.selfClosing };
      if (depth === 3 && s.name === 'author') info.authors.push(s.elementText());
      if (depth === 3 && s.name === 'comment') {
        ref = (attrValue(s.attrs, 'ref') ?? '').toUpperCase();
        current = { textClose: -1, bareT: [] };
      }
      if (depth === 4 && s.name === 'text') inText = true;
      if (depth === 5 && inText && s.name === 't') bareStart = s.tagStart;
    } else if (t === CLOSE) {
      if (depth === 4 && inText && s.name === 't' && bareStart >= 0) {
        current?.bareT.push({ start: bareStart, end: s.tagEnd });
        bareStart = -1;
      }
      if (depth === 3 && s.name === 'text') {
        inText = false;
        if (current) current.textClose = s.tagStart;
      }
      if (depth === 2 && s.name === 'comment' && current && ref && !info.byRef.has(ref)) info.byRef.set(ref, current);
      if (depth === 1 && s.name === 'authors') info.authorsClose = s.tagStart;
      if (depth === 1 && s.name === 'commentList') info.commentListClose = s.tagStart;
      if (depth === 0) info.rootClose = s.tagStart;
    }
  }
  return info;
}

/** Writes the notes of one sheet into its comments part and VML drawing (both created when missing). */
export function addNotes(pkg: OoxmlPackage, sheet: SheetNotes): NotesResult {
  const rels = pkg.relationships(sheet.sheetPart);
  const folder = sheet.sheetPart.slice(0, sheet.sheetPart.indexOf('/') + 1); // "xl/"
  const existingComments = rels.find((rel) => rel.type.endsWith('/comments') && !rel.external && pkg.has(rel.part));
  const existingVml = sheet.legacyDrawingId ? rels.find((rel) => rel.id === sheet.legacyDrawingId && !rel.external && pkg.has(rel.part)) : undefined;

  // Comments part.
  const commentsPart = existingComments?.part ?? pkg.freeName((n) => `${folder}comments${n}.xml`);
  const commentsXml = existingComments ? pkg.text(commentsPart)! : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS.main}"><authors></authors><commentList></commentList></comments>`;
  const info = readComments(commentsXml);
  const p = info.prefix;
  const edits: TextEdit[] = [];
  let authorId = info.authors.indexOf(NOTE_AUTHOR);
  if (authorId < 0) {
    authorId = info.authors.length;
    const author = `<${p}author>${NOTE_AUTHOR}</${p}author>`;
    const el = info.authorsElement;
    if (!el) throw new Error('comments part without <authors>');
    if (el.selfClosing) edits.push({ start: el.start, end: el.end, text: `<${el.qname}>${author}</${el.qname}>` });
    else edits.push({ start: info.authorsClose, end: info.authorsClose, text: author });
  }
  const fresh: Note[] = [];
  let added = '';
  for (const note of sheet.notes) {
    const existing = info.byRef.get(note.ref);
    if (existing && existing.textClose >= 0) {
      // The unit's own note stays first; a bare <t> becomes a run so that runs can follow it.
      for (const bare of existing.bareT) {
        edits.push({ start: bare.start, end: bare.start, text: `<${p}r>` });
        edits.push({ start: bare.end, end: bare.end, text: `</${p}r>` });
      }
      edits.push({ start: existing.textClose, end: existing.textClose, text: noteRuns(p, note.lines, true) });
    } else {
      fresh.push(note);
      added += `<${p}comment ref="${note.ref}" authorId="${authorId}" shapeId="0"><${p}text>${noteRuns(p, note.lines, false)}</${p}text></${p}comment>`;
    }
  }
  if (added) {
    const el = info.commentListElement;
    if (!el) throw new Error('comments part without <commentList>');
    if (el.selfClosing) edits.push({ start: el.start, end: el.end, text: `<${el.qname}>${added}</${el.qname}>` });
    else edits.push({ start: info.commentListClose, end: info.commentListClose, text: added });
  }
  pkg.setText(commentsPart, applyEdits(commentsXml, edits));
  if (!existingComments) {
    pkg.addRelationship(sheet.sheetPart, REL_TYPE.comments, commentsPart);
    pkg.declareContentType(commentsPart, CONTENT_TYPE.comments);
  }

  // VML shapes for the new comments (a merged note keeps its shape).
  if (fresh.length === 0 && existingVml) return { newLegacyDrawingId: undefined };
  const firstBlock = usedShapeBlock(pkg) + 1;
  const blocks = Math.max(1, Math.ceil((fresh.length + 1) / 1024));
  const ids = fresh.map((_, i) => firstBlock * 1024 + 1 + i);
  const shapes = fresh.map((note, i) => vmlShape(ids[i]!, note)).join('');
  const blockList = Array.from({ length: blocks }, (_, i) => firstBlock + i).join(',');
  if (existingVml) {
    // VML is often not quite XML and not always UTF-8: it is edited as bytes (latin1 keeps every byte), ASCII in.
    const vml = pkg.bytes(existingVml.part)!.toString('latin1');
    const close = vml.lastIndexOf('</xml>');
    if (close < 0) throw new Error('VML drawing without </xml>');
    const vmlEdits: TextEdit[] = [{ start: close, end: close, text: `${vml.includes('id="_x0000_t202"') ? '' : SHAPETYPE}${shapes}` }];
    const idmap = /<o:idmap\b[^>]*\bdata\s*=\s*"([^"]*)"/.exec(vml);
    if (idmap) {
      const at = idmap.index + idmap[0].length - 1; // before the closing quote
      vmlEdits.push({ start: at, end: at, text: `${idmap[1] ? ',' : ''}${blockList}` });
    }
    pkg.setBytes(existingVml.part, Buffer.from(applyEdits(vml, vmlEdits), 'latin1'));
    return { newLegacyDrawingId: undefined };
  }
  const vmlPart = pkg.freeName((n) => `${folder}drawings/vmlDrawing${n}.vml`);
  const vml = `${VML_HEADER}<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blockList}"/></o:shapelayout>${SHAPETYPE}${shapes}</xml>`;
  pkg.setText(vmlPart, vml);
  pkg.declareContentType(vmlPart, CONTENT_TYPE.vml, true);
  return { newLegacyDrawingId: pkg.addRelationship(sheet.sheetPart, REL_TYPE.vmlDrawing, vmlPart) };
}


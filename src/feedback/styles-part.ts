/**
 * Adds to a workbook's styles part what the annotated copy needs: two differential formats (the highlight of a
 * cell with an error, with a warning) and the cell formats of the "Kết quả kiểm tra" sheet. Everything is
 * appended, so every index the unit's cells use keeps its meaning.
 */
import { FONT_NAME, FONT_SIZE } from '../form/styles.js';
import { CONTENT_TYPE, NS, REL_TYPE, applyEdits, escapeXml, scanTop, type OoxmlPackage, type RootInfo, type TextEdit } from './ooxml-package.js';

/** Excel's limit on the cell formats of a workbook ("Unique cell formats/cell styles: 65,490"). */
export const MAX_CELL_FORMATS = 65_490;

/** CT_Stylesheet's children, in schema order. */
const STYLESHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

export const COLORS = {
  errorFill: 'FFFFC7CE',
  errorText: 'FF9C0006',
  warningFill: 'FFFFEB9C',
  warningText: 'FF9C5700',
  headerFill: 'FFDDEBF7',
  title: 'FF1F3864',
  link: 'FF0563C1',
  hint: 'FF595959',
  border: 'FF808080',
} as const;

/** Cell formats of the summary sheet. */
export type SummaryStyle = 'title' | 'text' | 'bold' | 'header' | 'cell' | 'center' | 'link' | 'error' | 'warning';

export interface FeedbackStyles {
  dxf: { error: number; warning: number };
  xf: Record<SummaryStyle, number>;
}

interface FontSpec {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  color?: string;
}

/** CT_Font children in schema order (b, i, u, sz, color, name, family). */
function font(p: string, spec: FontSpec): string {
  return (
    `<${p}font>${spec.bold ? `<${p}b/>` : ''}${spec.italic ? `<${p}i/>` : ''}${spec.underline ? `<${p}u/>` : ''}` +
    `<${p}sz val="${spec.size ?? FONT_SIZE}"/>${spec.color ? `<${p}color rgb="${spec.color}"/>` : ''}` +
    `<${p}name val="${escapeXml(FONT_NAME)}"/><${p}family val="1"/></${p}font>`
  );
}

const solidFill = (p: string, rgb: string) => `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
/** A differential format: dark text on a light fill, as Excel's own "Light Red Fill with Dark Red Text". */
const dxf = (p: string, text: string, fill: string) =>
  `<${p}dxf><${p}font><${p}color rgb="${text}"/></${p}font><${p}fill><${p}patternFill><${p}bgColor rgb="${fill}"/></${p}patternFill></${p}fill></${p}dxf>`;
const thinBorder = (p: string) => {
  const side = (name: string) => `<${p}${name} style="thin"><${p}color rgb="${COLORS.border}"/></${p}${name}>`;
  return `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`;
};

/** What a list must start with when we create it: the entries Excel expects at index 0 (and 1 for fills). */
function defaultsOf(name: string, p: string): string[] {
  switch (name) {
    case 'fonts':
      return [`<${p}font><${p}sz val="11"/><${p}color theme="1"/><${p}name val="Calibri"/><${p}family val="2"/><${p}scheme val="minor"/></${p}font>`];
    case 'fills':
      return [`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`, `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`];
    case 'borders':
      return [`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`];
    case 'cellXfs':
      return [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`];
    default:
      return [];
  }
}

function withCount(qname: string, attrs: string, count: number): string {
  const rest = attrs.replace(/\s+count\s*=\s*("[^"]*"|'[^']*')/, '');
  return `<${qname}${rest} count="${count}">`;
}

/** Appends items to the list child `name` of the stylesheet (creating it in order) and returns the first new index. */
function appendToList(root: RootInfo, name: string, items: readonly string[], edits: TextEdit[]): number {
  const p = root.prefix;
  const list = root.top.find((element) => element.name === name);
  if (list) {
    const count = list.children + items.length;
    if (list.selfClosing) {
      edits.push({ start: list.start, end: list.end, text: `${withCount(list.qname, list.attrs, count)}${items.join('')}</${list.qname}>` });
    } else {
      edits.push({ start: list.start, end: list.openEnd, text: withCount(list.qname, list.attrs, count) });
      edits.push({ start: list.closeStart, end: list.closeStart, text: items.join('') });
    }
    return list.children;
  }
  const defaults = defaultsOf(name, p);
  const later = new Set(STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(name) + 1));
  const at = root.top.find((element) => later.has(element.name))?.start ?? root.closeStart;
  edits.push({ start: at, end: at, text: `<${p}${name} count="${defaults.length + items.length}">${[...defaults, ...items].join('')}</${p}${name}>` });
  return defaults.length;
}

/** What a package without a styles part is read as (Excel's and openpyxl's defaults): Calibri 11, the two required fills, Normal. */
const EMPTY_STYLESHEET =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS.main}">` +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/**
 * Extends (or, for a package without one, creates) the styles part of the workbook part `workbookPart` whose
 * styles relationship points to `stylesPart`.
 */
export function addFeedbackStyles(pkg: OoxmlPackage, workbookPart: string, stylesPart: string | undefined, usedXfs = 0): FeedbackStyles {
  let part = stylesPart;
  if (!part || !pkg.has(part)) {
    part = pkg.freeName((n) => `${workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1)}styles${n === 1 ? '' : n}.xml`);
    pkg.setText(part, EMPTY_STYLESHEET);
    pkg.addRelationship(workbookPart, REL_TYPE.styles, part);
    pkg.declareContentType(part, CONTENT_TYPE.styles);
  }
  const xml = pkg.text(part)!;
  const root = scanTop(xml);
  const p = root.prefix;
  const edits: TextEdit[] = [];

  const fonts = appendToList(root, 'fonts', [
    font(p, {}),
    font(p, { bold: true }),
    font(p, { bold: true, size: 14, color: COLORS.title }),
    font(p, { underline: true, color: COLORS.link }),
    font(p, { bold: true, color: COLORS.errorText }),
    font(p, { bold: true, color: COLORS.warningText }),
  ], edits);
  const fills = appendToList(root, 'fills', [solidFill(p, COLORS.headerFill), solidFill(p, COLORS.errorFill), solidFill(p, COLORS.warningFill)], edits);
  const borders = appendToList(root, 'borders', [thinBorder(p)], edits);
  const styleXfs = root.top.find((element) => element.name === 'cellStyleXfs');
  const xfId = styleXfs && styleXfs.children > 0 ? ' xfId="0"' : '';
  const F = { regular: fonts, bold: fonts + 1, title: fonts + 2, link: fonts + 3, error: fonts + 4, warning: fonts + 5 };
  const xf = (fontId: number, fillId: number, borderId: number, alignment: string) =>
    `<${p}xf numFmtId="0" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}"${xfId} applyFont="1"${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''} applyAlignment="1"><${p}alignment ${alignment}/></${p}xf>`;
  const top = 'vertical="top" wrapText="1"';
  const order: SummaryStyle[] = ['title', 'text', 'bold', 'header', 'cell', 'center', 'link', 'error', 'warning'];
  // A damaged file may give its cells a format index past the end of the list: those must not land on ours.
  const cellXfs = root.top.find((element) => element.name === 'cellXfs');
  const existing = cellXfs ? cellXfs.children : defaultsOf('cellXfs', p).length;
  // Padding is sized by an index taken from the file: only up to what a workbook can hold (Excel's limit on cell
  // formats). An index past that is no format of any workbook (s="4294967295" asked for four billion entries): no
  // cell can mean one of ours by it, so nothing is padded for it.
  const padTo = usedXfs <= MAX_CELL_FORMATS ? usedXfs : existing;
  const padding = Array.from({ length: Math.max(0, padTo - existing) }, () => `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"${xfId}/>`);
  const xfs = padding.length + appendToList(root, 'cellXfs', [
    ...padding,
    xf(F.title, 0, 0, 'vertical="center"'),
    xf(F.regular, 0, 0, top),
    xf(F.bold, 0, 0, top),
    xf(F.bold, fills, borders, 'horizontal="center" vertical="center" wrapText="1"'),
    xf(F.regular, 0, borders, top),
    xf(F.regular, 0, borders, `horizontal="center" ${top}`),
    xf(F.link, 0, borders, `horizontal="center" ${top}`),
    xf(F.error, fills + 1, borders, `horizontal="center" ${top}`),
    xf(F.warning, fills + 2, borders, `horizontal="center" ${top}`),
  ], edits);
  const dxfs = appendToList(root, 'dxfs', [dxf(p, COLORS.errorText, COLORS.errorFill), dxf(p, COLORS.warningText, COLORS.warningFill)], edits);
  pkg.setText(part, applyEdits(xml, edits));
  return {
    dxf: { error: dxfs, warning: dxfs + 1 },
    xf: Object.fromEntries(order.map((key, i) => [key, xfs + i])) as Record<SummaryStyle, number>,
  };
}

/** The first-page frame: the borderless two-column header table, then the document type and subject lines. */

import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from 'docx';
import type { DocFrame } from '../../model/doc-model.js';
import type { LayoutProfile, RuleStyle, TextStyle } from '../../layout/profile.js';
import { estimateTextWidthTwips } from '../../layout/text-width.js';
import { centredLine, run, spacing, upperVi } from './text.js';
import { scaleWidths } from './units.js';

const ZERO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

/**
 * A rule `width` twips long, centred in a cell or page `available` twips wide: the bottom border of an
 * empty paragraph squeezed by indents (FORMAT.md A6). Its line is a few points high so the rule sits
 * just under the text above it.
 */
export function ruleParagraph(width: number, available: number, thicknessEighths: number, afterPt = 0): Paragraph {
  const side = Math.max(0, Math.floor((available - width) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 0, after: afterPt * 20, line: 80, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: thicknessEighths, color: '000000', space: 1 } },
    run: { size: 4 },
    children: [],
  });
}

/** Width of `text` as printed in `style`, for rules that follow the text's length. */
function printedWidth(text: string, style: TextStyle): number {
  return estimateTextWidthTwips(style.upper ? upperVi(text) : text, style.sizePt, Boolean(style.bold));
}

/**
 * A name set in as few centred lines as fit its cell, split between words so that the lines are as even as they
 * can be ("BAN TUYÊN GIÁO / VÀ DÂN VẬN"), never with one word left alone on a line ("… DÂN / VẬN").
 */
export function balancedLines(text: string, style: TextStyle, width: number): string[] {
  const words = text.split(' ').filter(Boolean);
  if (words.length < 2 || printedWidth(text, style) <= width) return [text];
  let best: { lines: string[]; widest: number } | undefined;
  for (let cut = 1; cut < words.length; cut += 1) {
    const lines = [words.slice(0, cut).join(' '), words.slice(cut).join(' ')];
    const widest = Math.max(...lines.map((l) => printedWidth(l, style)));
    if (!best || widest < best.widest) best = { lines, widest };
  }
  // A name too long for two lines is left to the cell's own wrapping.
  return best && best.widest <= width ? best.lines : [text];
}

function ruleUnder(text: string, style: TextStyle, rule: RuleStyle, cellWidth: number): Paragraph {
  const width = Math.min(cellWidth, Math.round(printedWidth(text, style) * rule.widthRatio));
  return ruleParagraph(width, cellWidth, rule.thicknessEighths);
}

function cell(children: Paragraph[], width: number, valign: 'top' | 'bottom'): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: ZERO_MARGINS,
    verticalAlign: valign === 'top' ? VerticalAlignTable.TOP : VerticalAlignTable.BOTTOM,
    children: children.length > 0 ? children : [new Paragraph({})],
  });
}

/** The header table: issuing bodies, star and number left; party name, rule and place/date right. */
export function headerTable(frame: DocFrame, profile: LayoutProfile, textWidth: number): Table {
  const f = profile.frame;
  const [leftWidth, rightWidth] = scaleWidths(f.columnsTwips, textWidth) as [number, number];

  const left: Paragraph[] = [];
  if (frame.superiorBody !== '') for (const line of balancedLines(frame.superiorBody, f.superiorBody, leftWidth)) left.push(centredLine(line, f.superiorBody));
  const issuingLines = balancedLines(frame.issuingBody, f.issuingBody, leftWidth);
  for (const line of issuingLines) left.push(centredLine(line, f.issuingBody));
  if (f.issuingBodyMark.kind === 'star') {
    left.push(centredLine(f.issuingBodyMark.text, f.issuingBodyMark.style));
  } else {
    // The rule follows the longest line of the name as printed.
    left.push(ruleUnder(issuingLines.reduce((a, b) => (printedWidth(a, f.issuingBody) >= printedWidth(b, f.issuingBody) ? a : b)), f.issuingBody, f.issuingBodyMark.rule, leftWidth));
  }

  const right: Paragraph[] = [centredLine(frame.partyName, f.partyName)];
  const motto = frame.motto ?? '';
  if (motto !== '') right.push(centredLine(motto, f.motto));
  right.push(motto !== ''
    ? ruleUnder(motto, f.motto, f.titleRule, rightWidth)
    : ruleUnder(frame.partyName, f.partyName, f.titleRule, rightWidth));

  // A second row puts the number and the place/date on one line, as in the HD36 diagram.
  return new Table({
    width: { size: leftWidth + rightWidth, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: ZERO_MARGINS,
    rows: [
      new TableRow({ cantSplit: true, children: [cell(left, leftWidth, 'top'), cell(right, rightWidth, 'top')] }),
      new TableRow({
        cantSplit: true,
        children: [
          cell(
            [
              centredLine(frame.documentNumber, f.documentNumber),
              // A letter's trích yếu sits under its number, in the left column.
              ...(frame.letterSubject ? [centredLine(frame.letterSubject, f.letterSubject, { beforePt: 3, afterPt: 0 })] : []),
            ],
            leftWidth,
            frame.letterSubject ? 'top' : 'bottom',
          ),
          cell([centredLine(frame.placeAndDate, f.placeAndDate)], rightWidth, 'bottom'),
        ],
      }),
    ],
  });
}

/**
 * A letter's "Kính gửi:": one addressee on the line itself, centred; several in a list under it, indented so that
 * the block stands in the middle of the page, as typists lay it out.
 */
export function salutationBlock(addressees: readonly string[], profile: LayoutProfile, textWidth: number): Paragraph[] {
  const f = profile.frame;
  if (addressees.length === 0) return [];
  const label = 'Kính gửi:';
  if (addressees.length === 1) {
    return [centredLine(`${label} ${addressees[0]!.replace(/[.;,]\s*$/, '')}.`, f.salutation, f.salutationSpacing, { keepNext: true })];
  }
  const indent = Math.round(textWidth * 0.22);
  const out = [new Paragraph({ indent: { left: indent }, spacing: spacing({ beforePt: f.salutationSpacing.beforePt, afterPt: 0 }), keepNext: true, children: [run(label, f.salutation)] })];
  addressees.forEach((name, i) => {
    const last = i === addressees.length - 1;
    out.push(
      new Paragraph({
        indent: { left: indent + 1134 },
        spacing: spacing({ beforePt: 0, afterPt: last ? f.salutationSpacing.afterPt : 0 }),
        keepNext: true,
        children: [run(`- ${name.replace(/[.;,]\s*$/, '')}${last ? '.' : ';'}`, f.salutation)],
      }),
    );
  });
  return out;
}

/** "BÁO CÁO", the subject lines and the short rule under them; for a letter, its "Kính gửi:" instead. */
export function titleBlock(frame: DocFrame, profile: LayoutProfile, textWidth: number): Paragraph[] {
  const f = profile.frame;
  if (frame.documentType === '') return salutationBlock(frame.addressees ?? [], profile, textWidth);
  const out: Paragraph[] = [centredLine(frame.documentType, f.documentType, f.documentTypeSpacing, { keepNext: true })];
  for (const line of frame.subject) {
    out.push(centredLine(line, f.subject, { beforePt: 0, afterPt: 0 }, { keepNext: true }));
  }
  if (f.subjectRule.kind === 'text') {
    out.push(new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: spacing({ beforePt: 0, afterPt: f.afterSubjectPt }),
      children: [run(f.subjectRule.text, f.subjectRule.style)],
    }));
  } else {
    out.push(ruleParagraph(f.subjectRule.widthTwips, textWidth, f.subjectRule.thicknessEighths, f.afterSubjectPt));
  }
  // A report sent upward under NĐ 30/2020 carries its "Kính gửi:" under the subject (FORMAT.md A5).
  out.push(...salutationBlock(frame.addressees ?? [], profile, textWidth));
  return out;
}

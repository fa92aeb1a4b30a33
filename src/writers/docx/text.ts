/** Run and paragraph helpers shared by the docx modules: profile text styles onto docx options. */

import { AlignmentType, LineRuleType, Paragraph, TextRun, UnderlineType } from 'docx';
import type { IParagraphOptions, IRunOptions } from 'docx';
import type { Spacing, TextAlign, TextStyle } from '../../layout/profile.js';
import { ptToHalfPoints, ptToTwips } from './units.js';

export type AlignmentValue = (typeof AlignmentType)[keyof typeof AlignmentType];

export function alignment(align: TextAlign): AlignmentValue {
  switch (align) {
    case 'left':
      return AlignmentType.LEFT;
    case 'center':
      return AlignmentType.CENTER;
    case 'right':
      return AlignmentType.RIGHT;
    case 'justify':
      return AlignmentType.JUSTIFIED;
  }
}

/** Upper-cases Vietnamese text as the locale does ("ủy" → "ỦY"). */
export function upperVi(text: string): string {
  return text.toLocaleUpperCase('vi-VN');
}

/** Run options for `text` in `style`; `extra` can add bold/italic on top (never take them away). */
export function runOptions(text: string, style: TextStyle, extra: { bold?: boolean; italic?: boolean } = {}): IRunOptions {
  const bold = Boolean(style.bold || extra.bold);
  const italic = Boolean(style.italic || extra.italic);
  return {
    text: style.upper ? upperVi(text) : text,
    size: ptToHalfPoints(style.sizePt),
    ...(bold ? { bold: true } : {}),
    ...(italic ? { italics: true } : {}),
    ...(style.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
  };
}

export function run(text: string, style: TextStyle, extra: { bold?: boolean; italic?: boolean } = {}): TextRun {
  return new TextRun(runOptions(text, style, extra));
}

/** Paragraph spacing in twips; a fixed line height when the profile sets one, otherwise single. */
export function spacing(s: Spacing): NonNullable<IParagraphOptions['spacing']> {
  return {
    before: ptToTwips(s.beforePt),
    after: ptToTwips(s.afterPt),
    ...(s.lineExactPt !== undefined
      ? { line: ptToTwips(s.lineExactPt), lineRule: LineRuleType.EXACT }
      : { line: 240, lineRule: LineRuleType.AUTO }),
  };
}

const NO_SPACING: Spacing = { beforePt: 0, afterPt: 0 };

/** A centred single-spaced line in `style` (the frame, titles, signature lines). */
export function centredLine(text: string, style: TextStyle, s: Spacing = NO_SPACING, more: IParagraphOptions = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: spacing(s),
    ...more,
    children: text === '' ? [] : [run(text, style)],
  });
}

/** Document defaults and the named paragraph styles (body, headings) built from the layout profile. */

import { LineRuleType } from 'docx';
import type { IParagraphStyleOptions, IStylesOptions } from 'docx';
import type { HeadingStyle, LayoutProfile } from '../../layout/profile.js';
import { alignment, spacing } from './text.js';
import { mmToTwips, ptToHalfPoints } from './units.js';

/** Style ids the blocks refer to. Custom ids, so that LibreOffice does not merge in its own heading looks. */
export const STYLE = {
  body: 'DvBody',
  heading: { 1: 'DvHeading1', 2: 'DvHeading2', 3: 'DvHeading3' },
} as const;

/** The four font slots, so no script falls back to another face. */
export function fontSlots(family: string) {
  return { ascii: family, hAnsi: family, cs: family, eastAsia: family };
}

function headingStyle(profile: LayoutProfile, level: 1 | 2 | 3, h: HeadingStyle): IParagraphStyleOptions {
  const indent = h.indentFirstLine ? mmToTwips(profile.body.firstLineIndentMm) : 0;
  return {
    id: STYLE.heading[level],
    name: `Danvan Heading ${level}`,
    basedOn: STYLE.body,
    next: STYLE.body,
    quickFormat: true,
    paragraph: {
      alignment: alignment(profile.body.align),
      indent: { firstLine: indent },
      keepNext: true,
      keepLines: true,
      outlineLevel: level - 1,
    },
    run: {
      font: fontSlots(profile.font.family),
      size: ptToHalfPoints(h.sizePt),
      bold: Boolean(h.bold),
      italics: Boolean(h.italic),
    },
  };
}

export function documentStyles(profile: LayoutProfile): IStylesOptions {
  const font = fontSlots(profile.font.family);
  return {
    default: {
      document: {
        run: {
          font,
          size: ptToHalfPoints(profile.body.text.sizePt),
          language: { value: profile.font.language, eastAsia: profile.font.language },
        },
        // Everything not in a named style is single spaced with no paragraph gaps (frame, tables, closing).
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.body,
        name: 'Danvan Body',
        next: STYLE.body,
        quickFormat: true,
        paragraph: {
          alignment: alignment(profile.body.align),
          indent: { firstLine: mmToTwips(profile.body.firstLineIndentMm) },
          spacing: spacing(profile.body.spacing),
        },
        run: { font, size: ptToHalfPoints(profile.body.text.sizePt) },
      },
      headingStyle(profile, 1, profile.headings[1]),
      headingStyle(profile, 2, profile.headings[2]),
      headingStyle(profile, 3, profile.headings[3]),
    ],
  };
}

/** Section properties: page size and margins, and the page-number headers (none on the title page). */

import { AlignmentType, Header, PageNumber, PageOrientation, Paragraph, SectionType, TextRun } from 'docx';
import type { ISectionOptions } from 'docx';
import type { LayoutProfile } from '../../layout/profile.js';
import type { PageGeometry } from './geometry.js';
import { runOptions } from './text.js';

type SectionProperties = NonNullable<ISectionOptions['properties']>;
type SectionHeaders = NonNullable<ISectionOptions['headers']>;

function pageNumberHeader(profile: LayoutProfile): Header {
  const { text: _text, ...style } = runOptions('', profile.pageNumber.text);
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ ...style, children: [PageNumber.CURRENT] })] })],
  });
}

/**
 * Headers of a section: the centred page number, and for the body section an empty first-page header
 * (Word wants a paragraph in every header part) so numbering shows from page 2.
 */
export function sectionHeaders(profile: LayoutProfile, titlePage: boolean): SectionHeaders {
  return titlePage
    ? { default: pageNumberHeader(profile), first: new Header({ children: [new Paragraph({})] }) }
    : { default: pageNumberHeader(profile) };
}

export function sectionProperties(
  geometry: PageGeometry,
  options: { titlePage: boolean; newPage: boolean; restartNumbering: boolean },
): SectionProperties {
  return {
    ...(options.newPage ? { type: SectionType.NEXT_PAGE } : {}),
    ...(options.titlePage ? { titlePage: true } : {}),
    page: {
      // docx takes the portrait size and swaps width and height itself for a landscape page.
      size: {
        width: Math.min(geometry.width, geometry.height),
        height: Math.max(geometry.width, geometry.height),
        orientation: geometry.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: { ...geometry.margin, gutter: 0 },
      ...(options.restartNumbering ? { pageNumbers: { start: 1 } } : {}),
    },
  };
}

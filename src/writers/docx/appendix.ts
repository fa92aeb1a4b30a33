/** Appendix sections: each on a new page, landscape when its table is wide, with its own title lines. */

import { Paragraph } from 'docx';
import type { ISectionOptions } from 'docx';
import type { Appendix } from '../../model/doc-model.js';
import type { LayoutProfile } from '../../layout/profile.js';
import { pageGeometry } from './geometry.js';
import { sectionHeaders, sectionProperties } from './sections.js';
import { tableWithCaption } from './tables.js';
import type { TableRowSlots } from './table-rows.js';
import { centredLine } from './text.js';

/** A subtitle in parentheses is the "(Kèm theo Báo cáo số …)" note line, printed italic. */
function isNoteLine(line: string): boolean {
  return /^\(.*\)$/.test(line.trim());
}

export function appendixSection(appendix: Appendix, profile: LayoutProfile, slots?: TableRowSlots): ISectionOptions {
  const a = profile.appendix;
  const geometry = pageGeometry(profile, appendix.landscape);
  const lines: Paragraph[] = [centredLine(appendix.title, a.title, undefined, { keepNext: true })];
  appendix.subtitle.forEach((line, i) => {
    const last = i === appendix.subtitle.length - 1;
    lines.push(centredLine(line, isNoteLine(line) ? a.subtitleNote : a.subtitle, { beforePt: 0, afterPt: last ? 6 : 0 }, { keepNext: true }));
  });
  return {
    properties: sectionProperties(geometry, {
      titlePage: false,
      newPage: true,
      // Each appendix may start its own numbering; a part of it never does.
      restartNumbering: a.pageNumbering === 'restart' && !appendix.continued,
    }),
    headers: sectionHeaders(profile, false),
    children: [...lines, ...tableWithCaption(appendix.table, profile, geometry.textWidth, { text: a.table, header: a.tableHeader }, slots)],
  };
}

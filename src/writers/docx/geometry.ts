/** Page geometry of a section in twips: portrait from the profile, or landscape with the margins turned. */

import type { LayoutProfile } from '../../layout/profile.js';
import { mmToTwips } from './units.js';

export interface PageGeometry {
  width: number;
  height: number;
  landscape: boolean;
  margin: { top: number; right: number; bottom: number; left: number; header: number; footer: number };
  /** Width between the left and right margins: what tables are scaled to. */
  textWidth: number;
}

export function pageGeometry(profile: LayoutProfile, landscape: boolean): PageGeometry {
  const p = profile.page;
  const m = {
    top: mmToTwips(p.margins.topMm),
    right: mmToTwips(p.margins.rightMm),
    bottom: mmToTwips(p.margins.bottomMm),
    left: mmToTwips(p.margins.leftMm),
  };
  const header = mmToTwips(p.headerMm);
  const footer = mmToTwips(p.footerMm);
  const portraitWidth = mmToTwips(p.widthMm);
  const portraitHeight = mmToTwips(p.heightMm);
  if (!landscape) {
    return { width: portraitWidth, height: portraitHeight, landscape, margin: { ...m, header, footer }, textWidth: portraitWidth - m.left - m.right };
  }
  // A landscape page is bound along its top edge when turned into the portrait stack, so the wide
  // binding margin moves from the left to the top ('rotate').
  const turned = profile.appendix.landscapeMargins === 'rotate'
    ? { top: m.left, right: m.top, bottom: m.right, left: m.bottom }
    : m;
  return {
    width: portraitHeight,
    height: portraitWidth,
    landscape,
    margin: { ...turned, header, footer },
    textWidth: portraitHeight - turned.left - turned.right,
  };
}

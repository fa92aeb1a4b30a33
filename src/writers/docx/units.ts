/** Unit conversions from the profile's millimetres and points to OOXML twips and half-points. */

/** Millimetres to twips (1/1440 inch), rounded as Word does. */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** Points to twips. */
export function ptToTwips(pt: number): number {
  return Math.round(pt * 20);
}

/** Points to half-points (w:sz). */
export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/**
 * Splits `total` twips in proportion to `weights`; the last column takes the rounding remainder so the
 * columns add up to the table width exactly.
 */
export function scaleWidths(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + Math.max(0, b), 0);
  if (weights.length === 0) return [];
  if (sum <= 0) return scaleWidths(weights.map(() => 1), total);
  const widths = weights.map((w) => Math.floor((Math.max(0, w) * total) / sum));
  const used = widths.slice(0, -1).reduce((a, b) => a + b, 0);
  widths[widths.length - 1] = total - used;
  return widths;
}

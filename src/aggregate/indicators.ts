/** Sums the figures of the valid submissions; a blank is not a 0, and ratios are recomputed, never averaged. */
import type { Indicator } from '../domain/catalogue.js';
import type { Submission } from '../schemas/submission.js';
import type { Change, IndicatorTotal } from '../model/report-model.js';

/**
 * Sums of decimals (1250,5 + 310,25) kept free of binary noise: 15 significant digits, as many as Excel keeps,
 * so that large totals are not rounded to millionths beyond what a double holds.
 */
function roundSum(value: number): number {
  return Number(value.toPrecision(15));
}

/** numerator / denominator in percent; null when a part is missing or the denominator is 0. */
export function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return (numerator / denominator) * 100;
}

/**
 * A ratio's change is told in percentage points (its delta), never as a percent of a percent, and between the two
 * ratios as they are printed (one decimal): 90,9% against 86,8% is 4,1 points, whatever the digits after.
 */
export function changeBetween(current: number | null, previous: number | null, isRatio = false): Change | null {
  if (current === null || previous === null) return null;
  const printed = (x: number) => Math.round(x * 10) / 10;
  const delta = isRatio ? printed(printed(current) - printed(previous)) : roundSum(current - previous);
  return {
    direction: delta > 0 ? 'up' : delta < 0 ? 'down' : 'same',
    percent: previous === 0 || isRatio ? null : (delta / previous) * 100,
    delta,
  };
}

export function sumIndicators(
  catalogue: readonly Indicator[],
  submissions: readonly Submission[],
  previous?: Record<string, number | null>,
): IndicatorTotal[] {
  const totals = new Map<string, { total: number | null; reported: number }>();
  for (const indicator of catalogue) {
    if (indicator.derived) continue;
    let total: number | null = null;
    let reported = 0;
    for (const submission of submissions) {
      const value = submission.figures[indicator.code];
      if (value === null || value === undefined) continue;
      total = roundSum((total ?? 0) + value);
      reported += 1;
    }
    totals.set(indicator.code, { total, reported });
  }
  const previousTotals = previous ? recomputeDerived(catalogue, previous) : undefined;
  return catalogue.map((indicator) => {
    let total: number | null;
    let reported: number;
    if (indicator.derived) {
      const num = totals.get(indicator.derived.numerator);
      const den = totals.get(indicator.derived.denominator);
      total = ratio(num?.total ?? null, den?.total ?? null);
      reported = Math.min(num?.reported ?? 0, den?.reported ?? 0);
    } else {
      ({ total, reported } = totals.get(indicator.code)!);
    }
    const prev = previousTotals ? (previousTotals[indicator.code] ?? null) : null;
    return {
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      kind: indicator.kind,
      aggregation: indicator.aggregation,
      total,
      reported,
      of: submissions.length,
      derived: Boolean(indicator.derived),
      previous: prev,
      change: previousTotals ? changeBetween(total, prev, Boolean(indicator.derived)) : null,
    };
  });
}

/** Figures of an earlier aggregate, with its ratios recomputed the same way as today's. */
function recomputeDerived(catalogue: readonly Indicator[], figures: Record<string, number | null>): Record<string, number | null> {
  const out = { ...figures };
  for (const indicator of catalogue) {
    if (indicator.derived) out[indicator.code] = ratio(figures[indicator.derived.numerator] ?? null, figures[indicator.derived.denominator] ?? null);
  }
  return out;
}

/** zod schemas over single cells: each turns a read cell into a typed value or an issue in Vietnamese. */
import { z } from 'zod';
import './zod-locale.js';
import type { CellValue } from '../readers/types.js';
import { cleanText } from '../domain/text.js';
import { matchClosed } from '../domain/fields.js';
import { parsePeriod, periodKey } from '../domain/period.js';
import { msg } from '../messages/vi.js';
import { cellText, isWhole, readDate, readNumber } from '../validate/cell-values.js';
import { formatNumber } from '../render/format.js';
import type { IndicatorKind } from '../domain/catalogue.js';

export type Cell = CellValue | undefined;
// Every cell schema accepts an absent key: a label or column left out of a file is reported by the validator
// in its own words, so zod never has to speak (its messages are English).
const anyCell = z.custom<Cell>(() => true).optional();

/** Issue params carry the stable code; the message is already Vietnamese. */
function fail(ctx: z.RefinementCtx, code: string, message: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message, params: { code } });
  return z.NEVER;
}

/** Whether a formula cell's stored result is declared out of date (readers/types.ts). */
const isStale = (cell: Cell): boolean => cell?.kind === 'formula' && cell.stale === true;

/** A cell's text; a formula with no cached result has none, and says so rather than pass for blank. */
function textOf(cell: Cell, ctx: z.RefinementCtx): string {
  if (cell === undefined) return '';
  if (cell.kind === 'formula') return fail(ctx, 'value.formula-uncomputed', msg.formulaUncomputed(cellText(cell), isStale(cell)));
  return cleanText(cellText(cell));
}

/** A cell that may be absent altogether (an optional label or column), or present and blank. */
export const optionalText = anyCell.transform((cell, ctx) => textOf(cell, ctx) || undefined);

export function requiredText(label: string, code = 'value.missing') {
  return anyCell.transform((cell, ctx) => textOf(cell, ctx) || fail(ctx, code, msg.valueMissing(label)));
}

/** Excel keeps 15 significant digits: from 10^15 up, a figure cannot be what the unit typed. */
const MAX_FIGURE = 1e15;

export interface FigureReading {
  /** null when left blank ("not reported", unlike 0). */
  value: number | null;
  /** A note on how a text number was read, to show at its cell. */
  warning?: { code: string; message: string };
}

/** What an indicator's "Kỳ này" cell must hold, from the catalogue. */
export interface FigureSpec {
  kind: IndicatorKind;
  unit: string;
}

/**
 * Kỳ này: a non-negative number, whole for a count; blank is null. Text is read the Vietnamese way, and a
 * text that an English reader would read otherwise is accepted with a warning naming both readings.
 */
export function figureValue(spec: FigureSpec) {
  return anyCell.transform((cell, ctx): FigureReading => {
    if (cell === undefined) return { value: null };
    if (cell.kind === 'text' && cell.text === '') return { value: null };
    // A date-formatted cell is a date, whatever serial number it holds: 15/03/2023 is not 45.000 buổi.
    if (cell.kind === 'date') return fail(ctx, 'figure.date', msg.dateInFigure(cellText(cell)));
    const result = readNumber(cell);
    if (!result.ok) {
      if (result.reason === 'formula-error') return fail(ctx, 'figure.formula-error', msg.formulaError(result.text));
      if (result.reason === 'formula-uncomputed') return fail(ctx, 'value.formula-uncomputed', msg.formulaUncomputed(result.text, isStale(cell)));
      return fail(ctx, 'figure.not-a-number', msg.notANumber(result.text, spec.kind));
    }
    const { value, text } = result;
    if (value < 0) return fail(ctx, 'figure.negative', msg.negative(value));
    if (value >= MAX_FIGURE) return fail(ctx, 'figure.too-large', msg.numberTooLarge(text ?? String(value)));
    const alternative = result.englishReading;
    if (spec.kind === 'count') {
      if (!isWhole(value)) {
        const hint = alternative !== undefined && isWhole(alternative) ? alternative : undefined;
        return fail(ctx, 'figure.fractional-count', msg.fractionalCount(text ?? formatNumber(value, 12), value, spec.unit, hint));
      }
      const whole = Math.round(value);
      // The English reading matters only if it is a count too: "1.234" (1,234 to an English reader) cannot be
      // one, but "1,000" (1 here, one thousand there) and "2.000" (two thousand here, 2 there) can.
      if (text !== undefined && alternative !== undefined && isWhole(alternative) && alternative !== whole) {
        return { value: whole, warning: { code: 'figure.ambiguous-text', message: msg.ambiguousNumber(text, whole, alternative, spec.unit) } };
      }
      if (result.englishOnly && text !== undefined) {
        return { value: whole, warning: { code: 'figure.english-style', message: msg.englishStyleNumber(text, whole) } };
      }
      return { value: whole };
    }
    if (text !== undefined && alternative !== undefined) {
      return { value, warning: { code: 'figure.ambiguous-text', message: msg.ambiguousNumber(text, value, alternative, spec.unit) } };
    }
    if (text !== undefined && result.englishOnly) {
      return { value, warning: { code: 'figure.english-style', message: msg.englishStyleNumber(text, value) } };
    }
    return { value };
  });
}

/** A value of a closed list, matched as people type it, returned in its canonical spelling. */
export function closedValue<T extends string>(list: readonly T[], label: string, unknownCode: string) {
  return anyCell.transform((cell, ctx): T => {
    const text = textOf(cell, ctx);
    // textOf has already reported a formula without its result (its return is zod's NEVER, not text).
    if (typeof text !== 'string') return text;
    if (!text) return fail(ctx, `${unknownCode}-missing`, label === 'Lĩnh vực' ? msg.fieldMissing() : msg.valueMissing(label));
    const match = matchClosed(list, text);
    if (match) return match;
    return fail(
      ctx,
      unknownCode,
      label === 'Lĩnh vực' ? msg.fieldUnknown(text, list) : msg.valueUnknown(label, text, list),
    );
  });
}

export const periodValue = anyCell.transform((cell, ctx): string => {
  if (cell === undefined) return fail(ctx, 'info.missing', msg.infoRequired('Kỳ báo cáo'));
  if (cell.kind === 'formula') return fail(ctx, 'value.formula-uncomputed', msg.formulaUncomputed(cellText(cell), isStale(cell)));
  const text = textOf(cell, ctx);
  const period = cell.kind === 'number' ? parsePeriod(cell.number) : parsePeriod(text);
  return period ? periodKey(period) : fail(ctx, 'info.period-invalid', msg.periodInvalid(text));
});

export const dateValue = anyCell.transform((cell, ctx): string => {
  if (cell === undefined) return fail(ctx, 'info.missing', msg.infoRequired('Ngày báo cáo'));
  const result = readDate(cell);
  if (result.ok) return result.iso;
  switch (result.reason) {
    case 'impossible':
      return fail(ctx, 'info.date-impossible', msg.dateImpossible(result.text));
    case 'out-of-range':
      return fail(ctx, 'info.date-out-of-range', msg.dateOutOfRange(result.text));
    case 'formula-uncomputed':
      return fail(ctx, 'value.formula-uncomputed', msg.formulaUncomputed(result.text, isStale(cell)));
    default:
      return fail(ctx, 'info.date-unreadable', msg.dateUnreadable(result.text));
  }
});

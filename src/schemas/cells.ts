/** zod schemas over single cells: each turns a read cell into a typed value or an issue in Vietnamese. */
import { z } from 'zod';
import type { CellValue } from '../readers/types.js';
import { cleanText } from '../domain/text.js';
import { matchClosed } from '../domain/fields.js';
import { parsePeriod, periodKey } from '../domain/period.js';
import { msg } from '../messages/vi.js';
import { cellText, readDate, readNumber } from '../validate/cell-values.js';

export type Cell = CellValue | undefined;
const anyCell = z.custom<Cell>(() => true);

/** Issue params carry the stable code; the message is already Vietnamese. */
function fail(ctx: z.RefinementCtx, code: string, message: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message, params: { code } });
  return z.NEVER;
}

const textOf = (cell: Cell) => (cell === undefined ? '' : cleanText(cellText(cell)));

export const optionalText = anyCell.transform((cell) => textOf(cell) || undefined);

export function requiredText(label: string, code = 'value.missing') {
  return anyCell.transform((cell, ctx) => textOf(cell) || fail(ctx, code, msg.valueMissing(label)));
}

/** Kỳ này: a non-negative number, or null when left blank ("not reported", unlike 0). */
export const figureValue = anyCell.transform((cell, ctx): number | null => {
  if (cell === undefined) return null;
  if (cell.kind === 'text' && cell.text === '') return null;
  const result = readNumber(cell);
  if (!result.ok) {
    return result.reason === 'formula-error'
      ? fail(ctx, 'figure.formula-error', msg.formulaError(result.text))
      : fail(ctx, 'figure.not-a-number', msg.notANumber(result.text));
  }
  if (result.value < 0) return fail(ctx, 'figure.negative', msg.negative(result.value));
  return result.value;
});

/** A value of a closed list, matched as people type it, returned in its canonical spelling. */
export function closedValue<T extends string>(list: readonly T[], label: string, unknownCode: string) {
  return anyCell.transform((cell, ctx): T => {
    const text = textOf(cell);
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
  const period = cell.kind === 'number' ? parsePeriod(cell.number) : parsePeriod(textOf(cell));
  return period ? periodKey(period) : fail(ctx, 'info.period-invalid', msg.periodInvalid(textOf(cell)));
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
    default:
      return fail(ctx, 'info.date-unreadable', msg.dateUnreadable(result.text));
  }
});

/** The validated submission: the plain model every later stage works on, with the row schemas that build it. */
import { z } from 'zod';
import './zod-locale.js';
import { FIELDS, MODEL_FIELDS, RECOGNITION_LEVELS } from '../domain/fields.js';
import type { IndicatorKind } from '../domain/catalogue.js';
import { closedValue, dateValue, figureValue, optionalText, periodValue, requiredText } from './cells.js';

export const infoSchema = z.object({
  unitCode: requiredText('Mã đơn vị', 'info.missing').transform((code) => code.toUpperCase().replace(/\s+/g, '_')),
  unitName: requiredText('Tên đơn vị', 'info.missing'),
  period: periodValue,
  reportDate: dateValue,
  preparedBy: optionalText,
  phone: optionalText,
  email: optionalText,
  head: optionalText,
});

const figureRowSchemas = new Map<string, ReturnType<typeof buildFigureRowSchema>>();
function buildFigureRowSchema(kind: IndicatorKind, unit: string) {
  return z.object({ value: figureValue({ kind, unit }), note: optionalText });
}

/** The cells of an indicator row once its code is known (the code is matched against the catalogue first). */
export function figureRowSchema(kind: IndicatorKind, unit: string) {
  const key = `${kind}\u0000${unit}`;
  let schema = figureRowSchemas.get(key);
  if (!schema) figureRowSchemas.set(key, (schema = buildFigureRowSchema(kind, unit)));
  return schema;
}

const field = closedValue(FIELDS, 'Lĩnh vực', 'row.field-unknown');

/** `origin`: the units an aggregate's row came from (the extra column of a roll-up written by `tonghop --xlsx`). */
export const rowSchemas = {
  results: z.object({ field, content: requiredText('Nội dung', 'row.content-missing'), origin: optionalText }),
  limitations: z.object({ field, content: requiredText('Hạn chế', 'row.content-missing'), cause: optionalText, origin: optionalText }),
  tasks: z.object({ field, content: requiredText('Nhiệm vụ', 'row.content-missing'), deadline: optionalText, origin: optionalText }),
  proposals: z.object({ content: requiredText('Nội dung kiến nghị', 'row.content-missing'), addressee: optionalText, origin: optionalText }),
  models: z.object({
    name: requiredText('Tên mô hình', 'row.content-missing'),
    field: closedValue(MODEL_FIELDS, 'Lĩnh vực', 'row.model-field-unknown'),
    level: closedValue(RECOGNITION_LEVELS, 'Cấp công nhận', 'row.level-unknown'),
    note: optionalText,
    origin: optionalText,
  }),
};

/** Where an item came from, so every figure and sentence of the report can be traced to a cell. */
const source = { row: z.number().int(), origin: z.string().optional() };

export const submissionSchema = z.object({
  file: z.string(),
  info: z.object({
    unitCode: z.string(),
    unitName: z.string(),
    period: z.string(),
    reportDate: z.string(),
    preparedBy: z.string().optional(),
    phone: z.string().optional(),
    email: z.string().optional(),
    head: z.string().optional(),
  }),
  /** Indicator code → value; null = left blank (not reported). Derived indicators are absent. */
  figures: z.record(z.string(), z.number().nonnegative().nullable()),
  /** Indicator code → the "Kỳ này" cell it was read from (null when the file has no row for it) and the unit's note. */
  figureSources: z.record(z.string(), z.object({ cell: z.string().nullable(), note: z.string().optional() })),
  /** Each sheet's name as the file spells it, so that a row or cell can be found in the unit's own file. */
  sheets: z.record(z.string(), z.string()),
  results: z.array(z.object({ field: z.enum(FIELDS), content: z.string(), ...source })),
  limitations: z.array(z.object({ field: z.enum(FIELDS), content: z.string(), cause: z.string().optional(), ...source })),
  tasks: z.array(z.object({ field: z.enum(FIELDS), content: z.string(), deadline: z.string().optional(), ...source })),
  proposals: z.array(z.object({ content: z.string(), addressee: z.string().optional(), ...source })),
  models: z.array(
    z.object({
      name: z.string(),
      field: z.enum(MODEL_FIELDS),
      level: z.enum(RECOGNITION_LEVELS),
      note: z.string().optional(),
      ...source,
    }),
  ),
});

export type Submission = z.infer<typeof submissionSchema>;
export type SubmissionInfo = Submission['info'];

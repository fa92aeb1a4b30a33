/** The validated submission: the plain model every later stage works on, with the row schemas that build it. */
import { z } from 'zod';
import { FIELDS, MODEL_FIELDS, RECOGNITION_LEVELS } from '../domain/fields.js';
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

/** The cells of an indicator row once its code is known (the code is matched against the catalogue first). */
export const figureRowSchema = z.object({
  value: figureValue,
  note: optionalText,
});

const field = closedValue(FIELDS, 'Lĩnh vực', 'row.field-unknown');

export const rowSchemas = {
  results: z.object({ field, content: requiredText('Nội dung', 'row.content-missing') }),
  limitations: z.object({ field, content: requiredText('Hạn chế', 'row.content-missing'), cause: optionalText }),
  tasks: z.object({ field, content: requiredText('Nhiệm vụ', 'row.content-missing'), deadline: optionalText }),
  proposals: z.object({ content: requiredText('Nội dung kiến nghị', 'row.content-missing'), addressee: optionalText }),
  models: z.object({
    name: requiredText('Tên mô hình', 'row.content-missing'),
    field: closedValue(MODEL_FIELDS, 'Lĩnh vực', 'row.model-field-unknown'),
    level: closedValue(RECOGNITION_LEVELS, 'Cấp công nhận', 'row.level-unknown'),
    note: optionalText,
  }),
};

/** Where an item came from, so every figure and sentence of the report can be traced to a cell. */
const source = { row: z.number().int() };

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

/** The config file's schema (zod): issuing body, document, signer, recipients, unit registry, catalogue, layout. */
import { z } from 'zod';
import '../schemas/zod-locale.js';
import { PLACEHOLDER } from './frame-gaps.js';
import { CONFIG_LIMITS } from './limits.js';

const text = z.string().trim();
const nonEmpty = text.min(1, { message: 'không được để trống' });

const indicatorSchema = z.object({
  code: nonEmpty.regex(/^[A-Z0-9_]+$/, { message: 'mã chỉ tiêu chỉ gồm chữ in hoa không dấu, số và "_"' }),
  name: nonEmpty,
  unit: nonEmpty,
  /** "count" (whole numbers), "amount" (decimals) or "ratio" (derived only); by default from the unit where obvious. */
  kind: z.enum(['count', 'amount', 'ratio']).optional(),
  /** "flow" adds up over periods; "stock" is a level at the period's end and does not. */
  aggregation: z.enum(['flow', 'stock']).default('flow'),
  derived: z.object({ numerator: nonEmpty, denominator: nonEmpty }).strict().optional(),
}).strict();

export const unitSchema = z.object({
  // A unit's code names its files (mau --theo-don-vi): only what every file system takes. On Windows ":" would
  // write an NTFS stream, and / \ * ? " < > | are refused or split the path.
  code: nonEmpty
    .regex(/^[\p{L}\p{M}\p{N}_-]+$/u, { message: 'mã đơn vị chỉ gồm chữ, số, "_" và "-" (không có dấu cách, dấu chấm hay các ký tự : / \\ * ? " < > |), vì mã được dùng làm tên tệp' })
    .transform((code) => code.toUpperCase()),
  name: nonEmpty,
  /** The block the unit belongs to ("Huyện ủy, thành ủy", "Mặt trận và đoàn thể"…), used to order lists. */
  group: text.default(''),
}).strict();

export const configSchema = z.object({
  /** The committee that issues the report. */
  organization: z.object({
    // No invented names: without a config the frame prints blanks to fill, and the run says so (frame-gaps.ts).
    superiorBody: text.default(PLACEHOLDER),
    issuingBody: nonEmpty.default('BAN DÂN VẬN'),
    /** Used in prose: "Ban Dân vận Tỉnh ủy". */
    name: nonEmpty.default('Ban Dân vận Tỉnh ủy'),
    /** Abbreviation after the document type: "BC/BDVTU". */
    abbreviation: nonEmpty.default('BDVTU'),
    /** The committee's own unit code when the aggregate is written back as a submission (--xlsx). */
    unitCode: nonEmpty.default('BDVTU'),
    partyName: nonEmpty.default('ĐẢNG CỘNG SẢN VIỆT NAM'),
    /** State documents (layout nd30): the tiêu ngữ under the Quốc hiệu, "Độc lập - Tự do - Hạnh phúc". */
    motto: text.default(''),
    /** Place name of the date line: "Bình Sơn, ngày … tháng … năm …". */
    place: nonEmpty.default(PLACEHOLDER),
  }).strict().prefault({}),
  document: z.object({
    /** Document number; empty leaves a blank for the clerk to fill in at issuance. */
    number: text.default(''),
    type: nonEmpty.default('BC'),
    /** Date of the report (dd/mm/yyyy); empty leaves day and month blank, to be written at signing. */
    date: text.regex(/^$|^\d{1,2}\/\d{1,2}\/\d{4}$/, { message: 'ngày phải có dạng ngày/tháng/năm, ví dụ 05/04/2023' }).default(''),
    /** Opening sentence: what the report answers ("Thực hiện Hướng dẫn số …"). */
    basis: text.default(''),
    /**
     * "Đặc điểm tình hình": a few sentences (one paragraph each) that the staff write for the period; the part is
     * left out of the report when there are none.
     */
    situation: z.union([text.transform((t) => (t ? [t] : [])), z.array(nonEmpty)]).default([]),
    /** "Kính gửi:" of a report in the state layout (nd30); empty: the recipients marked "(để b/c)". */
    addressees: z.array(nonEmpty).default([]),
    /** Closing mark of the body. */
    endMark: text.default('./.'),
  }).strict().prefault({}),
  signer: z.object({
    /** "" when the head signs; "K/T TRƯỞNG BAN" for a deputy; "T/M BAN THƯỜNG VỤ" for a collective body. */
    authority: text.default(''),
    title: nonEmpty.default('TRƯỞNG BAN'),
    name: text.default(''),
  }).strict().prefault({}),
  recipients: z.array(nonEmpty).default(['Ban Dân vận Trung ương (để b/c)', 'Thường trực Tỉnh ủy (để b/c)', 'Các đơn vị trong khối dân vận']),
  /** Last line of "Nơi nhận:". */
  archive: nonEmpty.default('Lưu Văn phòng'),
  /** The reminder letter (danvan nhac, công văn đôn đốc). */
  reminder: z.object({
    /** Deadline for the units (dd/mm/yyyy); --han overrides it; empty leaves "ngày ……" to fill in. */
    deadline: text.regex(/^$|^\d{1,2}\/\d{1,2}\/\d{4}$/, { message: 'ngày phải có dạng ngày/tháng/năm, ví dụ 10/04/2023' }).default(''),
    /** Type in the number line: "Số …-CV/BDVTU". */
    type: nonEmpty.default('CV'),
    /** "Nơi nhận:" of the letter before the archive line. */
    recipients: z.array(nonEmpty).default(['Như trên']),
  }).strict().prefault({}),
  units: z.array(unitSchema).max(CONFIG_LIMITS.units).default([]),
  indicators: z.object({
    /** "extend" adds these to the built-in catalogue; "replace" uses only these. */
    mode: z.enum(['extend', 'replace']).default('extend'),
    items: z.array(indicatorSchema).max(CONFIG_LIMITS.indicators).default([]),
  })
    .strict()
    // "replace" with nothing to replace with would leave every file with an error on every figure row.
    .refine((indicators) => indicators.mode !== 'replace' || indicators.items.length > 0, {
      message: 'với "mode": "replace" phải khai báo ít nhất một chỉ tiêu trong "items" (danh mục có sẵn không được dùng)',
      path: ['items'],
    })
    .prefault({}),
  layout: z.enum(['hd36', 'nd30']).default('hd36'),
  /** How the report's body keeps its length at any number of units (docs/cau-hinh.md, "report"). */
  report: z.object({
    /** A merged item names its units while they are at most this many; beyond, it counts them by group. */
    namesUpTo: z.number().int().min(1).max(1000).default(5),
    /** Each field shows its most widely reported items, at most this many; the others go to an appendix. */
    itemsPerField: z.number().int().min(1).max(10000).default(15),
    /**
     * A part of the body (results, limitations, tasks, proposals) shows at most this many items in all: when its
     * fields together have more, each field keeps the same smaller number (a field with fewer keeps all of its).
     */
    itemsPerPart: z.number().int().min(1).max(100000).default(75),
    /** Beyond this many units, the list of units that sent is told by group ("28/30 đảng ủy xã"). */
    unitListUpTo: z.number().int().min(1).max(100000).default(30),
    /** How alike two items must be to be merged (Dice over syllables, 0,5–1; 1 = only the same text). */
    similarity: z.number().min(0.5).max(1).default(0.9),
    /** Group of the registry → how to count its units: { "Đảng ủy các xã, phường": "đảng ủy xã, phường" }. */
    groupNouns: z.record(z.string(), nonEmpty).default({}),
  }).strict().prefault({}),
  /** Largest submission file accepted, in megabytes. */
  maxFileMB: z.number().positive().max(CONFIG_LIMITS.maxFileMB).default(20),
}).strict();

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
export type UnitEntry = z.output<typeof unitSchema>;

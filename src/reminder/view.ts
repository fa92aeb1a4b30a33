/** The data a reminder template (templates/nhac.hbs) sees: who to remind and why, the period, the deadline, the frame. */
import type { Config } from '../config/schema.js';
import { nextPeriodName, parsePeriod, periodLabel, periodName, type Period } from '../domain/period.js';
import { escapeMarkup } from '../document/markup.js';
import { formatDateLong } from '../render/format.js';
import type { ReminderModel, UnitToFix, UnitToRemind } from './model.js';

export interface ReminderView {
  period: { key: string; name: string; nextName: string; label: string; year: number };
  organization: Config['organization'];
  document: Config['document'];
  /** "ngày 10 tháng 4 năm 2023", or null when neither --han nor the config gives one. */
  han: string | null;
  chuaGui: UnitToRemind[];
  chuaHopLe: UnitToFix[];
  soChuaGui: number;
  soChuaHopLe: number;
  coDanhSach: boolean;
  /** Who the letter is addressed to: each unit while they are few, else the units "có tên dưới đây". */
  kinhGui: string[];
}

/** Beyond this many units, "Kính gửi:" names them as a group and the body lists them. */
export const ADDRESSEES_LISTED = 5;

export function buildReminderView(model: ReminderModel, config: Config, deadlineIso: string | null): ReminderView {
  const period = parsePeriod(model.period) as Period;
  const concerned = [...model.missing, ...model.toFix];
  const view: ReminderView = {
    period: { key: model.period, name: periodName(period), nextName: nextPeriodName(period), label: periodLabel(period), year: period.year },
    organization: config.organization,
    document: config.document,
    han: deadlineIso ? formatDateLong(deadlineIso) : null,
    chuaGui: model.missing,
    chuaHopLe: model.toFix,
    soChuaGui: model.missing.length,
    soChuaHopLe: model.toFix.length,
    coDanhSach: model.hasRegistry,
    kinhGui: concerned.length <= ADDRESSEES_LISTED ? concerned.map((u) => u.name) : ['Các cơ quan, đơn vị có tên tại công văn này'],
  };
  // Plain data with every string escaped, as for the report: a unit's name is never read as markup.
  return JSON.parse(JSON.stringify(view), (_key, value: unknown) => (typeof value === 'string' ? escapeMarkup(value) : value)) as ReminderView;
}

/** Excel date serials (1900 system): the one place that knows their epoch and how they map to dates. */

/** Serial 0 is 30/12/1899; serials carry no time zone, so all arithmetic stays in UTC. */
export const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
export const MS_PER_DAY = 86_400_000;

/** A UTC timestamp as a serial. */
export function msToSerial(ms: number): number {
  return (ms - EXCEL_EPOCH_MS) / MS_PER_DAY;
}

/**
 * Serials Excel shows as dates: 0 (its "00/01/1900") to 2,958,465 (31/12/9999). Outside, Excel shows "####" and
 * openpyxl reads #VALUE!; a phone number in a date-formatted cell is not a date anybody meant.
 */
export const MAX_DATE_SERIAL = 2_958_465;

/** Whether a serial is a date Excel can show (see MAX_DATE_SERIAL). */
export function isDateSerial(serial: number): boolean {
  return Number.isFinite(serial) && serial >= 0 && serial < MAX_DATE_SERIAL + 1;
}

/** A serial as an ISO date (its day; the time of day is dropped). Callers check `isDateSerial` first. */
export function serialToIso(serial: number): string {
  if (!isDateSerial(serial)) throw new RangeError(`serial ${serial} is not a date`);
  const date = new Date(EXCEL_EPOCH_MS + Math.floor(serial + 1e-9) * MS_PER_DAY);
  return date.toISOString().slice(0, 10);
}

const ISO_DATE = /^(-?\d{4,})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const ISO_TIME = /^T?(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;

/** Serial of ISO 8601 text (a `t="d"` cell, or a date of the model); a bare time is a fraction of a day. */
export function isoToSerial(text: string): number | undefined {
  const d = ISO_DATE.exec(text);
  if (d) {
    const ms = Date.UTC(
      Number(d[1]),
      Number(d[2]) - 1,
      Number(d[3]),
      Number(d[4] ?? 0),
      Number(d[5] ?? 0),
      Number(d[6] ?? 0),
      d[7] ? Math.round(Number(d[7]) * 1000) : 0,
    );
    // A stated offset is ignored: Excel keeps wall-clock time, and so do its serials.
    return Number.isFinite(ms) ? msToSerial(ms) : undefined;
  }
  const t = ISO_TIME.exec(text);
  if (t) {
    const seconds = Number(t[1]) * 3600 + Number(t[2]) * 60 + Number(t[3] ?? 0) + Number(t[4] ?? 0);
    return seconds / 86_400;
  }
  return undefined;
}

/**
 * The parts of the official frame that only the config can supply. A report made without them must not carry
 * invented names: they print as a blank to fill ("……"), and the run says which config keys to fill.
 */
import type { Config } from './schema.js';

/** What an unfilled frame value prints as: a run of dots, the way a typed form leaves a blank. */
export const PLACEHOLDER = '……………';

export interface FrameGap {
  /** The config key, as the user types it in danvan.config.json. */
  key: string;
  /** What it is, in Vietnamese. */
  what: string;
}

const FRAME_KEYS: ReadonlyArray<{ key: string; what: string; value: (c: Config) => string }> = [
  { key: 'organization.superiorBody', what: 'cấp ủy cấp trên ở góc trái trang đầu', value: (c) => c.organization.superiorBody },
  { key: 'organization.place', what: 'địa danh ở dòng ngày tháng', value: (c) => c.organization.place },
  { key: 'signer.name', what: 'họ tên người ký', value: (c) => c.signer.name },
];

/** Empty, or still holding a placeholder's dots ("TỈNH ỦY ……", "..."). */
export function isUnfilled(value: string): boolean {
  const text = value.trim();
  return text === '' || text.includes('…') || text.includes('...');
}

export function frameGaps(config: Config): FrameGap[] {
  return FRAME_KEYS.filter((entry) => isUnfilled(entry.value(config))).map(({ key, what }) => ({ key, what }));
}

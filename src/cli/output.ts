/** Printing for the CLI: human reports of checks and aggregates, and a progress bar that only a terminal sees. */
import type { CheckReport } from '../check/check.js';
import type { SkippedFile } from '../check/discover.js';
import type { FileResult, IssueOut } from '../check/file-result.js';
import { describePeriod } from '../check/cross-file.js';
import { formatLocation } from '../diagnostics/issue.js';
import type { JobOutcome } from '../pipeline/aggregate-job.js';

const SKIP_REASON: Record<SkippedFile['reason'], string> = {
  'lock-file': 'tệp khóa tạm của Excel (đang mở tệp gốc), không phải báo cáo',
  hidden: 'tệp ẩn của hệ thống',
  'not-a-spreadsheet': 'không phải bảng tính Excel',
  'link-loop': 'liên kết tượng trưng (symlink) trỏ vòng, không dẫn tới tệp nào',
  'broken-link': 'liên kết tượng trưng (symlink) trỏ tới tệp hoặc thư mục không còn',
  duplicate: 'cùng một tệp hoặc thư mục đã gặp, chỉ kiểm tra một lần',
  'not-a-file': 'không phải tệp thường (ống dẫn, thiết bị…)',
};

function issueLine(issue: IssueOut, prefix = ''): string {
  const where = formatLocation(issue);
  return `    ${prefix}${where ? `${where}: ` : ''}${issue.message}`;
}

export function fileSummary(result: FileResult): string {
  const who = [result.unit, result.period ? describePeriod(result.period).replace(/ \(.*\)$/, '') : null].filter(Boolean).join(' · ');
  const status = result.superseded
    ? `hợp lệ nhưng không tính: đơn vị đã gửi tệp khác (${result.superseded.by})`
    : result.valid
      ? `hợp lệ${result.warnings.length ? ` (${result.warnings.length} lưu ý)` : ''}`
      : `${result.errors.length} lỗi${result.warnings.length ? `, ${result.warnings.length} lưu ý` : ''}`;
  const mark = result.superseded ? '○' : result.valid ? '✓' : '✗';
  return `${mark} ${result.file}${who ? ` — ${who}` : ''}: ${status}`;
}

export interface CheckReportOptions {
  warnings: boolean;
  /** Details of these files only (tonghop shows the invalid ones); the counts always cover every file. */
  details?: (result: FileResult) => boolean;
}

export function formatCheckReport(report: CheckReport, options: CheckReportOptions): string {
  const lines: string[] = [];
  for (const result of report.files) {
    if (options.details && !options.details(result)) continue;
    lines.push(fileSummary(result));
    for (const error of result.errors) lines.push(issueLine(error));
    if (options.warnings) for (const warning of result.warnings) lines.push(issueLine(warning, 'lưu ý: '));
  }
  if (report.skipped.length) {
    lines.push('', `Bỏ qua ${report.skipped.length} tệp:`);
    for (const skipped of report.skipped) {
      lines.push(`    ${skipped.file}: ${SKIP_REASON[skipped.reason]}${skipped.sameAs ? ` (${skipped.sameAs})` : ''}`);
    }
  }
  const valid = report.files.filter((f) => f.valid).length;
  const invalid = report.files.length - valid;
  if (lines.length) lines.push('');
  if (report.period) lines.push(`Kỳ báo cáo: ${describePeriod(report.period)}.`);
  const superseded = report.files.filter((f) => f.superseded).length;
  lines.push(
    report.files.length === 0
      ? 'Không có tệp bảng tính nào để kiểm tra.'
      : `Tổng cộng ${report.files.length} tệp: ${valid} hợp lệ${superseded ? ` (${superseded} tệp cũ không tính vì đơn vị đã gửi tệp khác)` : ''}, ${invalid} không hợp lệ.`,
  );
  return lines.join('\n');
}

/** What a job's exit code means, in a few words (README, "Mã thoát"). */
const JOB_RESULT: Record<number, string> = {
  0: 'đã ghi, mọi tệp hợp lệ',
  1: 'đã ghi, có tệp không hợp lệ',
  2: 'lỗi cách dùng, cấu hình hoặc mẫu',
  3: 'không ghi: không có tệp dùng được',
  70: 'lỗi nội bộ của danvan',
};

/** One line for a finished job of a batch: mark, position, name, exit code, and what was written or why not. */
export function formatJobLine(job: { index: number; name: string }, outcome: JobOutcome, done: number, total: number): string {
  const mark = outcome.exitCode === 0 ? '✓' : outcome.exitCode === 1 ? '!' : '✗';
  const units = outcome.json.units;
  const counts = units ? `; ${units.valid} tệp hợp lệ, ${units.invalid} không hợp lệ, ${units.missing.length} đơn vị chưa gửi` : '';
  const detail = outcome.message ? `: ${outcome.message.split('\n')[0]}` : outcome.json.output ? `: đã ghi ${outcome.json.output}${counts}` : '';
  return `${mark} [${done}/${total}] việc ${job.index} (${job.name}) — mã ${outcome.exitCode}${detail}`;
}

/** The closing table of a batch, one row per job in the batch's order. */
export function formatBatchTable(jobs: readonly { index: number; name: string }[], outcomes: readonly JobOutcome[]): string {
  const header = ['#', 'Việc', 'Kỳ', 'Hợp lệ', 'Không hợp lệ', 'Chưa gửi', 'Mã', 'Kết quả'];
  const rows = jobs.map((job, i) => {
    const o = outcomes[i]!;
    const units = o.json.units;
    return [
      String(job.index),
      job.name,
      o.json.period ?? '—',
      units ? String(units.valid) : '—',
      units ? String(units.invalid) : '—',
      units ? String(units.missing.length) : '—',
      String(o.exitCode),
      JOB_RESULT[o.exitCode] ?? '',
    ];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  const worst = outcomes.reduce((max, o) => Math.max(max, o.exitCode), 0);
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), '', `Mã thoát của cả lô: ${worst} (mã cao nhất của các việc).`].join('\n');
}

/** A one-line bar on stderr, redrawn in place; nothing at all when stderr is not a terminal. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): ((done: number, total: number) => void) & { end: () => void } {
  const enabled = Boolean(stream.isTTY);
  let lastDrawn = -1;
  let shown = false;
  const update = (done: number, total: number) => {
    if (!enabled || total < 20) return;
    const percent = Math.floor((done / total) * 100);
    if (percent === lastDrawn && done !== total) return;
    lastDrawn = percent;
    const width = 30;
    const filled = Math.round((done / total) * width);
    stream.write(`\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}`);
    shown = true;
  };
  return Object.assign(update, {
    end: () => {
      if (shown) stream.write('\r\x1b[K');
    },
  });
}

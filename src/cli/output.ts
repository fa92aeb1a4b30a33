/** Printing for the CLI: human reports of checks and aggregates, and a progress bar that only a terminal sees. */
import type { CheckReport } from '../check/check.js';
import type { SkippedFile } from '../check/discover.js';
import type { FileResult, IssueOut } from '../check/file-result.js';
import { describePeriod } from '../check/cross-file.js';
import { formatLocation } from '../diagnostics/issue.js';

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
  const status = result.valid
    ? `hợp lệ${result.warnings.length ? ` (${result.warnings.length} lưu ý)` : ''}`
    : `${result.errors.length} lỗi${result.warnings.length ? `, ${result.warnings.length} lưu ý` : ''}`;
  return `${result.valid ? '✓' : '✗'} ${result.file}${who ? ` — ${who}` : ''}: ${status}`;
}

export function formatCheckReport(report: CheckReport, options: { warnings: boolean }): string {
  const lines: string[] = [];
  for (const result of report.files) {
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
  lines.push('');
  if (report.period) lines.push(`Kỳ báo cáo: ${describePeriod(report.period)}.`);
  lines.push(
    report.files.length === 0
      ? 'Không có tệp bảng tính nào để kiểm tra.'
      : `Tổng cộng ${report.files.length} tệp: ${valid} hợp lệ, ${invalid} không hợp lệ.`,
  );
  return lines.join('\n');
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

/** Printing for the CLI: human reports of checks and aggregates, and a progress bar that only a terminal sees. */
import type { CheckReport } from '../check/check.js';
import type { SkippedFile } from '../check/discover.js';
import { isUsed, needsFixing, unitMustFix, unreadableHere, type FileResult, type IssueOut } from '../check/file-result.js';
import { describePeriod } from '../check/cross-file.js';
import { escapeControls } from './escape.js';

export { escapeControlLines, escapeControls } from './escape.js';
import { describeLocation, isInformational } from '../diagnostics/issue.js';
import type { UnitEntry } from '../config/schema.js';
import { aggregateOutputMsg, FOLDED, loMsg } from '../messages/vi.js';
import type { JobOutcome } from '../pipeline/aggregate-job.js';
import { fixOrderOf } from '../feedback/issues.js';
import { MARKS } from './symbols.js';

const SKIP_REASON: Partial<Record<SkippedFile['reason'], string>> = {
  'lock-file': 'tệp khóa tạm của Excel (đang mở tệp gốc), không phải báo cáo',
  hidden: 'tệp ẩn của hệ thống',
  'not-a-spreadsheet': 'không phải bảng tính Excel',
  'word-report': 'tệp Word, không phải biểu mẫu Excel',
  'link-loop': 'liên kết tượng trưng (symlink) trỏ vòng, không dẫn tới tệp nào',
  'broken-link': 'liên kết tượng trưng (symlink) trỏ tới tệp hoặc thư mục không còn',
  duplicate: 'cùng một tệp hoặc thư mục đã gặp, chỉ kiểm tra một lần',
  'not-a-file': 'không phải tệp thường (ống dẫn, thiết bị…)',
};

/** The command that turns a unit's Word report into the form. */
export function wordReportHint(file: string): string {
  // The folder may hold danvan's own report of an earlier run too: the hint says when it applies.
  return `nếu đây là báo cáo Word của đơn vị, chuyển thành biểu mẫu bằng: danvan nhap "${file}" -o bieu-mau-nhap --config danvan.config.json`;
}

function issueLine(issue: IssueOut, prefix = ''): string {
  const where = describeLocation(issue);
  return `    ${prefix}${where ? `${where}: ` : ''}${issue.message}`;
}

/** Below this many warnings of one kind in one file, each gets its own line. */
const FOLD_AT = 3;

/**
 * A file's warnings, alike ones folded into one line ("12 chỉ tiêu để trống …: DVK_MH_MOI, …"). A warning that
 * asks something of the unit is a "lưu ý"; one that only informs (a blank indicator, a sheet left out, the file
 * used of two) is a "ghi chú", as the feedback workbook counts them. A warning about a whole sheet already sums
 * up its cells: it keeps its own line.
 */
function warningLines(warnings: readonly IssueOut[], notes = true): string[] {
  const byCode = new Map<string, IssueOut[]>();
  for (const w of warnings) if (notes || !isInformational(w.code)) byCode.set(w.code, [...(byCode.get(w.code) ?? []), w]);
  const lines: string[] = [];
  for (const [code, group] of byCode) {
    const label = isInformational(code) ? 'ghi chú' : 'lưu ý';
    const kind = FOLDED[code];
    if (group.length < FOLD_AT || (!kind && group.some((w) => !w.cell && !w.subject))) {
      for (const w of group) lines.push(issueLine(w, `${label}: `));
      continue;
    }
    const items = group.map((w) => w.subject ?? (w.cell ? `${w.sheet}!${w.cell}` : w.sheet ?? '')).filter(Boolean);
    const first = describeLocation(group[0]!);
    lines.push(
      kind
        ? `    ${label}: ${group.length} ${kind}: ${items.join(', ')}`
        : `    ${label}: ${first ? `${first}: ` : ''}${group[0]!.message} (cùng ${label} ở ${group.length - 1} chỗ khác: ${items.slice(1).join(', ')})`,
    );
  }
  return lines;
}

/** "2 lưu ý, 15 ghi chú": the warnings that ask something of the unit, then those that only inform. */
function warningCounts(warnings: readonly IssueOut[]): string {
  const notes = warnings.filter((w) => isInformational(w.code)).length;
  const asks = warnings.length - notes;
  return [asks ? `${asks} lưu ý` : '', notes ? `${notes} ghi chú` : ''].filter(Boolean).join(', ');
}

/** A file's errors in the order a person fixes them, as the feedback workbook and the annotated copy list them. */
function errorsInFixOrder(result: FileResult): IssueOut[] {
  return fixOrderOf(result).filter((issue) => issue.severity === 'error');
}

export function fileSummary(result: FileResult): string {
  const who = [result.unit ?? result.typedUnit, result.period ? describePeriod(result.period).replace(/ \(.*\)$/, '') : null].filter(Boolean).join(' · ');
  const status = result.superseded
    ? `${result.valid ? 'hợp lệ nhưng không tính' : `có ${result.errors.length} lỗi nhưng không cần sửa, không tính`}: đơn vị đã gửi tệp khác (${result.superseded.by})`
    : result.valid
      ? `hợp lệ${result.warnings.length ? ` (${warningCounts(result.warnings)})` : ''}`
      : `${result.errors.length} lỗi${result.warnings.length ? `, ${warningCounts(result.warnings)}` : ''}`;
  const mark = result.superseded ? MARKS.superseded : result.valid ? MARKS.ok : MARKS.bad;
  return `${mark} ${result.file}${who ? ` — ${who}` : ''}: ${status}`;
}

export interface CheckReportOptions {
  /** The warnings' lines ("lưu ý" and "ghi chú"); false prints errors only. */
  warnings: boolean;
  /** The "ghi chú" lines (notes that ask nothing of the unit) among the warnings; default true. */
  notes?: boolean;
  /** Details of these files only (tonghop shows the invalid ones); the counts always cover every file. */
  details?: (result: FileResult) => boolean;
  /** The closing list of files to fix and of units that have not sent (kiemtra). */
  closing?: boolean;
}

/** "Các huyện ủy: Ban Dân vận Huyện ủy A, Ban Dân vận Huyện ủy B", one line per group of the registry. */
function missingLines(missing: readonly UnitEntry[]): string[] {
  const byGroup = new Map<string, string[]>();
  for (const unit of missing) byGroup.set(unit.group, [...(byGroup.get(unit.group) ?? []), `${unit.name} (${unit.code})`]);
  return [...byGroup].map(([group, names]) => `    ${group ? `${group}: ` : ''}${names.join(', ')}`);
}

export function formatCheckReport(report: CheckReport, options: CheckReportOptions): string {
  return formatCheckLines(report, options).map(escapeControls).join('\n');
}

/** The lines of the check report, each a single line built from the results (names and messages as they are). */
function formatCheckLines(report: CheckReport, options: CheckReportOptions): string[] {
  const lines: string[] = [];
  for (const result of report.files) {
    if (options.details && !options.details(result)) continue;
    lines.push(fileSummary(result));
    // A superseded file's errors are the unit's past: the note says which file replaced it.
    if (!result.superseded) for (const error of errorsInFixOrder(result)) lines.push(issueLine(error));
    if (options.warnings) lines.push(...warningLines(result.warnings, options.notes !== false));
  }
  if (report.skipped.length) {
    lines.push('', `Bỏ qua ${report.skipped.length} tệp:`);
    for (const skipped of report.skipped) {
      lines.push(`    ${skipped.file}: ${SKIP_REASON[skipped.reason] ?? skipped.reason}${skipped.sameAs ? ` (${skipped.sameAs})` : ''}`);
      if (skipped.reason === 'word-report') lines.push(`        ${wordReportHint(skipped.file)}`);
    }
  }
  const valid = report.files.filter(isUsed).length;
  const invalid = report.files.filter(needsFixing).length;
  if (options.closing) {
    // After the details, what the staff member acts on: the files to send back, the units to chase.
    const toFix = report.files.filter(unitMustFix);
    const local = report.files.filter((f) => needsFixing(f) && unreadableHere(f));
    if (local.length) {
      lines.push('', `Không mở được trên máy này, cần kiểm tra quyền đọc tệp hoặc ổ đĩa (${local.length} tệp; không phải lỗi của đơn vị):`);
      for (const f of local) lines.push(`    ${MARKS.bad} ${f.file}: ${f.errors[0]!.message}`);
    }
    if (toFix.length) {
      lines.push('', `Cần đơn vị sửa và gửi lại (${toFix.length} tệp):`);
      for (const f of toFix) {
        const first = errorsInFixOrder(f)[0]!;
        const where = describeLocation(first);
        lines.push(`    ${MARKS.bad} ${f.file}${f.unit ? ` (${f.unit})` : ''}: ${where ? `${where}: ` : ''}${first.message}${f.errors.length > 1 ? ` (và ${f.errors.length - 1} lỗi khác)` : ''}`);
      }
    }
    if (report.missing?.length) {
      lines.push('', `Chưa gửi báo cáo (${report.missing.length} đơn vị):`, ...missingLines(report.missing));
    }
  }
  if (lines.length) lines.push('');
  if (report.period) lines.push(`Kỳ báo cáo: ${describePeriod(report.period)}.`);
  const superseded = report.files.filter((f) => f.superseded).length;
  lines.push(
    report.files.length === 0
      ? 'Không có tệp bảng tính nào để kiểm tra.'
      : `Tổng cộng ${report.files.length} tệp: ${valid} hợp lệ, ${invalid} không hợp lệ` +
          (superseded ? `, ${superseded} tệp cũ không tính (đơn vị đã gửi tệp mới hơn)` : '') +
          (report.missing ? `; ${report.missing.length} đơn vị chưa gửi.` : '.'),
  );
  return lines;
}

/** The outputs of a tonghop run, in its order (report, xlsx, doiChieu, pdf): one line each, written or unchanged. */
export function outputLines(outputs: { output: string | null; xlsx: string | null; doiChieu: string | null; pdf: string | null; unchanged: readonly string[] }): string[] {
  const lines: string[] = [];
  for (const key of ['output', 'xlsx', 'doiChieu', 'pdf'] as const) {
    const path = outputs[key];
    if (!path) continue;
    if (!outputs.unchanged.includes(path)) lines.push(aggregateOutputMsg[key](path));
    else lines.push(key === 'pdf' ? aggregateOutputMsg.pdfUnchanged(path) : aggregateOutputMsg.unchanged(path));
  }
  return lines;
}

/**
 * A finished job of a batch: mark, position, name, exit code, the counts or why nothing was written; then each
 * output as tonghop says it (written, or unchanged and untouched).
 */
export function formatJobLine(job: { index: number; name: string }, outcome: JobOutcome, done: number, total: number): string {
  const mark = outcome.exitCode === 0 ? MARKS.ok : outcome.exitCode === 1 ? '!' : MARKS.bad;
  const units = outcome.json.units;
  const detail = outcome.message ? outcome.message.split('\n')[0]! : units ? loMsg.counts(units.valid, units.invalid, units.missing.length) : '';
  const head = loMsg.jobLine(mark, done, total, job.index, job.name, outcome.exitCode, detail);
  return [head, ...outputLines(outcome.json).map((line) => `    ${line}`)].join('\n');
}

/** What came of a job, in a few words: written or unchanged, else why nothing was written (tonghop's own reason). */
function jobResult(outcome: JobOutcome): string {
  const { json } = outcome;
  if (json.error?.code === 'output') return loMsg.outputRefused(/ đã có /.test(outcome.message ?? json.error.message));
  if (outcome.exitCode > 1 || !json.output) return loMsg.notWritten(json.error?.code, outcome.exitCode);
  const outputs = [json.output, json.xlsx, json.doiChieu, json.pdf].filter((p): p is string => Boolean(p));
  return loMsg.written(outcome.exitCode, outputs.every((p) => json.unchanged.includes(p)));
}

/** The closing table of a batch, one row per job in the batch's order. */
export function formatBatchTable(
  jobs: readonly { index: number; name: string }[],
  outcomes: readonly JobOutcome[],
  created: readonly { folder: string; jobIndex: number }[] = [],
): string {
  const header = [...loMsg.tableHeader];
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
      // The folders made for this job before the batch ran are said where the job's outcome is.
      [jobResult(o), ...created.filter((c) => c.jobIndex === job.index).map((c) => loMsg.folderCreated(c.folder))].join('; '),
    ];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  const worst = outcomes.reduce((max, o) => Math.max(max, o.exitCode), 0);
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), '', loMsg.batchExit(worst)].join('\n');
}

/** A one-line bar on stderr, redrawn in place; nothing at all when stderr is not a terminal. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): ((done: number, total: number) => void) & { end: () => void } {
  const enabled = Boolean(stream.isTTY);
  let lastDrawn = -1;
  let shown = false;
  const update = (done: number, total: number) => {
    if (!enabled || total < 20) return;
    const percent = Math.floor((done / total) * 100);
    // The first call (0 files done) draws at once; afterwards, only when the percentage moves.
    if (shown && percent === lastDrawn && done !== total) return;
    lastDrawn = percent;
    const counter = ` ${done}/${total}`;
    // Within the terminal's width, whatever it is: a line that wraps leaves a stale copy behind at each redraw.
    const columns = Math.max(20, (stream.columns ?? 80) - 1);
    const barWidth = Math.max(0, Math.min(30, columns - label.length - counter.length - 3));
    const filled = Math.round((done / total) * barWidth);
    const bar = barWidth > 0 ? ` [${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}]` : '';
    stream.write(`\r${`${label}${bar}${counter}`.slice(0, columns)}\x1b[K`);
    shown = true;
  };
  return Object.assign(update, {
    end: () => {
      if (shown) stream.write('\r\x1b[K');
    },
  });
}

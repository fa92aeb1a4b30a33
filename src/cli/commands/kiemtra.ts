/** `danvan kiemtra`: checks submissions and prints every problem, or the JSON of SPEC §5. */
import { sep } from 'node:path';
import { loadConfig } from '../../config/load.js';
import { checkSubmissions, internalFailures } from '../../check/check.js';
import { checkJson, stringifyJson, type FeedbackJson } from '../../pipeline/json-output.js';
import { EXIT } from '../../diagnostics/errors.js';
import { formatCheckReport, progressBar } from '../output.js';
import { writeOut } from '../stdout.js';
import { needsFixing } from '../../check/file-result.js';
import { feedbackMsg, runMsg } from '../../messages/vi.js';
import { checkFeedbackDir, writeFeedbackDir } from '../../output/feedback-dir.js';

export interface KiemtraOptions {
  json?: boolean;
  ky?: string;
  config?: string;
  luuY?: boolean;
  /** --khong-ghi-chu: false hides the "ghi chú" lines (notes that ask nothing of the unit); errors and "lưu ý" stay. */
  ghiChu?: boolean;
  /** --chi-loi: details of the files with errors only. */
  chiLoi?: boolean;
  workers?: number;
  /** --phan-hoi DIR: annotated copies and tong-hop-kiem-tra.xlsx. */
  phanHoi?: string;
  force?: boolean;
}

export async function kiemtraCommand(inputs: string[], options: KiemtraOptions): Promise<number> {
  const { config } = loadConfig(options.config);
  const cwd = process.cwd();
  // A feedback folder that can never be used is refused before any file is read.
  if (options.phanHoi !== undefined) checkFeedbackDir(options.phanHoi, inputs, cwd);
  const progress = progressBar('Đang kiểm tra');
  const report = await checkSubmissions({
    inputs,
    config,
    period: options.ky,
    workers: options.workers,
    onProgress: options.json ? undefined : progress,
  });
  progress.end();
  // A bug of ours on any file outweighs the verdict on the others: the user must not trust this run.
  const broken = internalFailures(report);
  const failure = broken.length ? { code: 'internal' as const, message: runMsg.internalOnFiles(broken.map((f) => f.file)) } : null;

  let feedback: FeedbackJson | null = null;
  if (options.phanHoi !== undefined && !failure) {
    // Loaded only when asked for: plain checking never pays for exceljs.
    const { buildFeedback, staleCopies } = await import('../../feedback/feedback-run.js');
    const request = { inputs, cwd, registry: config.units };
    const plan = await buildFeedback(report, request);
    const stale = staleCopies(report, plan, request, options.phanHoi);
    const done = writeFeedbackDir(options.phanHoi, plan.files, { force: options.force ?? false, cwd, inputs });
    feedback = {
      dir: options.phanHoi,
      summary: plan.summary,
      copies: plan.copies,
      notCopied: plan.notCopied,
      unchanged: done.unchanged.map((p) => p.split(sep).join('/')),
      stale,
    };
  }

  if (options.json) writeOut(`${stringifyJson(checkJson(report, failure, feedback))}\n`);
  else {
    const details = options.chiLoi ? needsFixing : undefined;
    let text = formatCheckReport(report, { warnings: options.luuY !== false, notes: options.ghiChu !== false, closing: true, ...(details ? { details } : {}) });
    if (feedback) {
      const unchanged = new Set(feedback.unchanged);
      text += `\n${feedbackMsg.written(feedback.copies.filter((c) => !unchanged.has(c.copy)).length, feedback.copies.filter((c) => unchanged.has(c.copy)).length, unchanged.has(feedback.summary), feedback.dir)}`;
      if (feedback.notCopied.length) text += `\n${feedbackMsg.notCopiedHead}\n${feedback.notCopied.map((n) => feedbackMsg.notCopied(n.file, n.reason)).join('\n')}`;
      if (feedback.stale.length) text += `\n${feedbackMsg.stale(feedback.dir, feedback.stale)}`;
    }
    writeOut(`${text}\n`);
  }
  if (failure) {
    process.stderr.write(`${failure.message}\n`);
    return EXIT.internal;
  }
  return report.files.some(needsFixing) ? EXIT.invalidInput : EXIT.ok;
}

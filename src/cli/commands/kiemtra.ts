/** `danvan kiemtra`: checks submissions and prints every problem, or the JSON of SPEC §5. */
import { loadConfig } from '../../config/load.js';
import { checkSubmissions, internalFailures } from '../../check/check.js';
import { checkJson } from '../../pipeline/json-output.js';
import { EXIT } from '../../diagnostics/errors.js';
import { formatCheckReport, progressBar } from '../output.js';
import { writeOut } from '../stdout.js';
import type { FileResult } from '../../check/file-result.js';
import { runMsg } from '../../messages/vi.js';

export interface KiemtraOptions {
  json?: boolean;
  ky?: string;
  config?: string;
  luuY?: boolean;
  /** --chi-loi: details of the files with errors only. */
  chiLoi?: boolean;
  workers?: number;
}

export async function kiemtraCommand(inputs: string[], options: KiemtraOptions): Promise<number> {
  const { config } = loadConfig(options.config);
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
  if (options.json) writeOut(`${JSON.stringify(checkJson(report, failure), null, 2)}\n`);
  else {
    const details = options.chiLoi ? (f: FileResult) => !f.valid : undefined;
    writeOut(`${formatCheckReport(report, { warnings: options.luuY !== false, closing: true, ...(details ? { details } : {}) })}\n`);
  }
  if (failure) {
    process.stderr.write(`${failure.message}\n`);
    return EXIT.internal;
  }
  return report.files.some((f) => !f.valid) ? EXIT.invalidInput : EXIT.ok;
}

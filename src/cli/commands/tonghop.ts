/** `danvan tonghop`: checks, aggregates and writes the report; prints a summary or the JSON of SPEC §5. */
import { needsFixing } from '../../check/file-result.js';
import { loadConfig } from '../../config/load.js';
import { AggregateRejectedError, runAggregate } from '../../pipeline/aggregate-run.js';
import { aggregateJson, stringifyJson } from '../../pipeline/json-output.js';
import { EXIT } from '../../diagnostics/errors.js';
import { formatCheckReport, outputLines, progressBar } from '../output.js';
import { writeOut } from '../stdout.js';

export interface TonghopOptions {
  output?: string;
  json?: boolean;
  xlsx?: string;
  template?: string;
  config?: string;
  compare?: string;
  doiChieu?: string;
  pdf?: string;
  force?: boolean;
  strict?: boolean;
  ky?: string;
  workers?: number;
}

export async function tonghopCommand(inputs: string[], options: TonghopOptions): Promise<number> {
  const { config, path: configPath } = loadConfig(options.config);
  const progress = progressBar('Đang tổng hợp');
  let outcome;
  try {
    outcome = await runAggregate({
      inputs,
      config,
      configPath: configPath ? (options.config ?? 'danvan.config.json') : null,
      period: options.ky,
      output: options.output,
      template: options.template,
      xlsx: options.xlsx,
      compare: options.compare,
      doiChieu: options.doiChieu,
      pdf: options.pdf,
      force: options.force,
      strict: options.strict,
      workers: options.workers,
      onProgress: options.json ? undefined : progress,
    });
  } catch (error) {
    progress.end();
    // Refused because of the inputs: show what is wrong with them before the reason (--json: main prints it all).
    if (error instanceof AggregateRejectedError && !options.json) writeOut(`${formatCheckReport(error.check, { warnings: false })}\n\n`);
    throw error;
  }
  progress.end();
  const { check, model, output, xlsx, doiChieu, pdf, unchanged, warnings } = outcome;
  const invalid = check.files.filter(needsFixing);
  if (options.json) {
    writeOut(`${stringifyJson(aggregateJson(check, model, { output, xlsx, doiChieu, pdf, unchanged }, warnings))}\n`);
  } else {
    // The invalid files in detail; the counts, like kiemtra's, cover every file.
    writeOut(`${formatCheckReport(check, { warnings: false, details: needsFixing })}\n\n`);
    // A rerun that would write the same bytes leaves the file as it is, and says so.
    const lines = [
      ...outputLines({ output, xlsx, doiChieu, pdf, unchanged }),
      `Tổng hợp ${model.status.valid.length} đơn vị hợp lệ` +
        (invalid.length ? `; ${invalid.length} tệp không hợp lệ không được tính (xem ở trên)` : '') +
        (model.status.missing.length ? `; ${model.status.missing.length} đơn vị chưa gửi: ${model.status.missing.map((u) => u.code).join(', ')}` : '') +
        '.',
    ];
    for (const warning of warnings) lines.push(`Lưu ý: ${warning.message}`);
    writeOut(`${lines.join('\n')}\n`);
  }
  return invalid.length ? EXIT.invalidInput : EXIT.ok;
}

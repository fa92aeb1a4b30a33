/** `danvan nhac`: writes the reminder letter (công văn đôn đốc) to the units that have not sent or must fix their files. */
import { loadConfig } from '../../config/load.js';
import { runReminder } from '../../pipeline/remind-run.js';
import { reminderJson, stringifyJson } from '../../pipeline/json-output.js';
import { EXIT } from '../../diagnostics/errors.js';
import { describePeriod } from '../../check/cross-file.js';
import { reminderMsg } from '../../messages/vi.js';
import { progressBar } from '../output.js';
import { writeOut } from '../stdout.js';

export interface NhacOptions {
  output?: string;
  json?: boolean;
  config?: string;
  ky?: string;
  han?: string;
  template?: string;
  force?: boolean;
  workers?: number;
}

export async function nhacCommand(inputs: string[], options: NhacOptions): Promise<number> {
  const { config, path: configPath } = loadConfig(options.config);
  const progress = progressBar('Đang kiểm tra');
  let outcome;
  try {
    outcome = await runReminder({
      inputs,
      config,
      configPath: configPath ? (options.config ?? 'danvan.config.json') : null,
      period: options.ky,
      output: options.output,
      deadline: options.han,
      template: options.template,
      force: options.force,
      workers: options.workers,
      onProgress: options.json ? undefined : progress,
    });
  } finally {
    progress.end();
  }
  const { model, output, unchanged, warnings } = outcome;
  if (options.json) {
    writeOut(`${stringifyJson(reminderJson(outcome.check, model, output, unchanged, warnings))}\n`);
  } else {
    const lines = [
      !output
        ? reminderMsg.nobody(describePeriod(model.period))
        : unchanged.includes(output)
          ? reminderMsg.unchanged(output)
          : reminderMsg.written(output, model.missing.length, model.toFix.length),
    ];
    for (const unit of model.missing) lines.push(`    chưa gửi: ${unit.name} (${unit.code})`);
    for (const unit of model.toFix) lines.push(`    cần sửa: ${unit.name}: ${unit.problems.join('; ')}`);
    for (const warning of warnings) lines.push(`Lưu ý: ${warning.message}`);
    writeOut(`${lines.join('\n')}\n`);
  }
  return EXIT.ok;
}

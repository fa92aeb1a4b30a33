/** `danvan nhap`: units' Word reports into filled forms; prints one line per file, or the JSON of docs/json/nhap.schema.json. */
import { loadConfig } from '../../config/load.js';
import { EXIT } from '../../diagnostics/errors.js';
import { describePeriod } from '../../check/cross-file.js';
import { runImport, type ImportOutcome } from '../../import/import-run.js';
import { nhapJson } from '../../import/json.js';
import { stringifyJson } from '../../pipeline/json-output.js';
import { nhapMsg } from '../../messages/vi.js';
import { writeOut } from '../stdout.js';
import { progressBar } from '../output.js';

export interface NhapOptions {
  output?: string;
  config?: string;
  ky?: string;
  force?: boolean;
  json?: boolean;
}

function exitCode(outcome: ImportOutcome): number {
  const imported = outcome.files.filter((f) => f.imported).length;
  if (imported === 0) return EXIT.nothingWritten;
  return imported === outcome.files.length ? EXIT.ok : EXIT.invalidInput;
}

export async function nhapCommand(inputs: string[], options: NhapOptions): Promise<number> {
  const { config, path: configPath } = loadConfig(options.config);
  const progress = progressBar(nhapMsg.progress);
  let outcome;
  try {
    outcome = await runImport({
      inputs,
      outDir: options.output!,
      config,
      configPath,
      ...(options.ky !== undefined ? { ky: options.ky } : {}),
      force: options.force ?? false,
      ...(options.json ? {} : { onProgress: progress }),
    });
  } finally {
    progress.end();
  }
  if (options.json) {
    writeOut(`${stringifyJson(nhapJson(outcome))}\n`);
    return exitCode(outcome);
  }
  const lines: string[] = [];
  for (const file of outcome.files) {
    if (!file.imported) {
      lines.push(nhapMsg.refusedLine(file.file, file.refused!.message));
      continue;
    }
    const who = [file.unit, file.period ? describePeriod(file.period).replace(/ \(.*\)$/, '') : null].filter(Boolean).join(' · ');
    lines.push(file.unchanged ? nhapMsg.unchangedLine(file.file, file.output!) : nhapMsg.importedLine(file.file, file.output!, who, file.review.length));
    for (const item of file.review) lines.push(nhapMsg.reviewLine(item.where, item.message));
  }
  const imported = outcome.files.filter((f) => f.imported);
  const refused = outcome.files.length - imported.length;
  lines.push('', imported.length ? nhapMsg.summary(imported.filter((f) => !f.unchanged).length, imported.filter((f) => f.unchanged).length, refused, outcome.dir) : nhapMsg.nothingImported(refused));
  writeOut(`${lines.join('\n')}\n`);
  return exitCode(outcome);
}

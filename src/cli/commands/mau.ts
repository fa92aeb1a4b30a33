/** `danvan mau`: writes the blank submission form, or one pre-filled form per unit of the registry. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueOf, loadConfig } from '../../config/load.js';
import { UsageError } from '../../diagnostics/errors.js';
import { parsePeriod, periodLabel, type Period } from '../../domain/period.js';
import { submissionFileName } from '../../form/guide-sheet.js';
import { buildFormWorkbook } from '../../form/index.js';
import { committeeOf } from '../../domain/committee.js';
import { OutputPlan } from '../../output/plan.js';
import { requireExtension } from '../../output/extension.js';
import { EXIT } from '../../diagnostics/errors.js';

export const DEFAULT_FORM_NAME = 'bieu-mau-bao-cao-dan-van.xlsx';

export interface MauOptions {
  output?: string;
  config?: string;
  theoDonVi?: string;
  ky?: string;
  force?: boolean;
}

export async function mauCommand(options: MauOptions): Promise<number> {
  const { config, path: configPath } = loadConfig(options.config);
  const plan = new OutputPlan({ cwd: process.cwd(), force: options.force ?? false });
  plan.addInputs([configPath]);
  const catalogue = catalogueOf(config);
  // The guide speaks to the units of this committee: its level's bodies, the registry's groups.
  const audience = { committee: committeeOf(config.organization), groups: [...new Set(config.units.map((u) => u.group).filter(Boolean))] };
  let period: string | undefined;
  let parsed: Period | undefined;
  if (options.ky) {
    parsed = parsePeriod(options.ky);
    if (!parsed) throw new UsageError(`Kỳ báo cáo "${options.ky}" không hợp lệ; hãy ghi như Quý I/2023, 6 tháng/2023, Năm 2023.`);
    period = periodLabel(parsed);
  }

  if (options.theoDonVi) {
    if (config.units.length === 0) {
      throw new UsageError('Cấu hình chưa có danh sách đơn vị ("units"); hãy chạy "danvan khoitao" và điền danh sách, rồi dùng --config.');
    }
    // Each form is named as its own guide tells the unit to name the file it sends: code and period.
    if (!parsed) throw new UsageError('Biểu mẫu điền sẵn cho từng đơn vị cần kỳ báo cáo: thêm --ky, ví dụ --ky "Quý I/2025".');
    const forPeriod = parsed;
    const dir = options.theoDonVi;
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
    const paths = config.units.map((unit) => join(dir, submissionFileName(unit.code, forPeriod)));
    for (const path of paths) plan.add('--theo-don-vi', path);
    let committed;
    try {
      for (const [i, unit] of config.units.entries()) {
        plan.write(paths[i]!, await buildFormWorkbook({ catalogue, ...audience, content: { info: { unitCode: unit.code, unitName: unit.name, period } } }));
      }
      committed = plan.commit();
    } finally {
      plan.discard();
    }
    process.stdout.write(
      `Đã ghi ${committed.written.length} biểu mẫu điền sẵn tên, mã đơn vị vào thư mục ${dir}` +
        (committed.unchanged.length ? `; ${committed.unchanged.length} biểu mẫu không thay đổi (giống hệt tệp đã có, không ghi lại)` : '') +
        '.\n',
    );
    return EXIT.ok;
  }

  const output = options.output ?? DEFAULT_FORM_NAME;
  requireExtension(output, '.xlsx', '-o', 'biểu mẫu Excel');
  plan.add('-o', output);
  // A blank form's hints show a unit of the registry when there is one, so that they read like the real thing.
  const example = config.units[0];
  const examples = example ? { unitCode: example.code, unitName: example.name } : undefined;
  let committed;
  try {
    plan.write('-o', await buildFormWorkbook({ catalogue, ...audience, content: period ? { info: { period } } : undefined, ...(examples ? { examples } : {}) }));
    committed = plan.commit();
  } finally {
    plan.discard();
  }
  process.stdout.write(
    `${committed.unchanged.length ? `Không thay đổi (giống hệt tệp đã có, không ghi lại): ${output}` : `Đã ghi biểu mẫu: ${output}`}\n` +
      'Gửi tệp này cho các đơn vị; hướng dẫn điền có trong sheet "Hướng dẫn".\n',
  );
  return EXIT.ok;
}

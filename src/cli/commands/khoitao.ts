/** `danvan khoitao`: writes a commented starting config and copies of the built-in templates to edit. */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAME } from '../../config/load.js';
import { BUILTIN_TEMPLATES, REMINDER_TEMPLATE, TEMPLATES_DIR } from '../../render/template.js';
import { OutputPlan } from '../../output/plan.js';
import { EXIT } from '../../diagnostics/errors.js';

export const STARTER_CONFIG = join(TEMPLATES_DIR, 'danvan.config.json');
export const TEMPLATE_COPY_DIR = 'mau-bao-cao';

export async function khoitaoCommand(dir: string | undefined, options: { force?: boolean }): Promise<number> {
  const target = dir ?? '.';
  if (!existsSync(target)) mkdirSync(target, { recursive: true });
  const configPath = join(target, CONFIG_FILE_NAME);
  const templateDir = join(target, TEMPLATE_COPY_DIR);
  const copies = [
    [STARTER_CONFIG, configPath],
    ...[...Object.values(BUILTIN_TEMPLATES), REMINDER_TEMPLATE].map((name) => [join(TEMPLATES_DIR, name), join(templateDir, name)]),
  ] as const;
  mkdirSync(templateDir, { recursive: true });
  const plan = new OutputPlan({ cwd: process.cwd(), force: options.force ?? false });
  for (const [, to] of copies) plan.add('thư mục khác', to);
  let committed;
  try {
    for (const [from, to] of copies) plan.write(to, readFileSync(from));
    committed = plan.commit();
  } finally {
    plan.discard();
  }
  process.stdout.write(
    [
      committed.written.length ? 'Đã tạo:' : 'Các tệp đã có, giống hệt bản gốc (không ghi lại):',
      `  ${configPath}  — cấu hình: cơ quan ban hành, người ký, nơi nhận, danh sách đơn vị, chỉ tiêu`,
      `  ${join(templateDir, BUILTIN_TEMPLATES.interim)}  — mẫu báo cáo sơ kết (quý, 6 tháng, 9 tháng)`,
      `  ${join(templateDir, BUILTIN_TEMPLATES.final)}  — mẫu báo cáo tổng kết năm`,
      `  ${join(templateDir, REMINDER_TEMPLATE)}  — mẫu công văn đôn đốc (danvan nhac --template)`,
      `Sửa các tệp này rồi chạy, ví dụ:`,
      `  danvan tonghop nop-bao-cao/quy-1-2023 --config ${configPath} --template ${templateDir}`,
      `(--template chỉ tới thư mục: danvan tự chọn ${BUILTIN_TEMPLATES.interim} cho quý, 6 tháng, 9 tháng và ${BUILTIN_TEMPLATES.final} cho cả năm.)`,
    ].join('\n') + '\n',
  );
  return EXIT.ok;
}

/** The danvan command line: parses arguments, calls the pipeline, prints, and maps every failure to an exit code. */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Help, InvalidArgumentError } from 'commander';
import { DanvanError, EXIT, InternalError } from '../diagnostics/errors.js';
import { fsMsg } from '../messages/vi.js';
import { aggregateFailureJson, checkFailureJson, knownCheck, reminderFailureJson, stringifyJson, type Failure } from '../pipeline/json-output.js';
import { BatchFileError, batchFailureJson } from '../batch/json.js';
import { nhapFailureJson } from '../import/json.js';
import { guardStdout, writeOut } from './stdout.js';
import { installInterruptHandlers } from './interrupt.js';
import { interruptedMessage } from '../messages/vi.js';
import { escapeControlLines } from './escape.js';

const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Options:': 'Tùy chọn:',
  'Commands:': 'Lệnh:',
  'Arguments:': 'Tham số:',
  'Global Options:': 'Tùy chọn chung:',
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Commander's own errors, said in Vietnamese. */
function translateCommanderError(error: CommanderError): string {
  const arg = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownOption':
      return `Tùy chọn không có: ${arg}. Xem "danvan <lệnh> --help".`;
    case 'commander.unknownCommand':
      return `Lệnh không có: ${arg}. Các lệnh: mau, kiemtra, tonghop, lo, nhac, nhap, khoitao (xem "danvan --help").`;
    case 'commander.missingArgument':
      return `Thiếu tham số <${arg}>. Xem "danvan <lệnh> --help".`;
    case 'commander.optionMissingArgument':
      return `Tùy chọn ${arg} cần một giá trị.`;
    case 'commander.missingMandatoryOptionValue':
      return `Thiếu tùy chọn bắt buộc ${arg}. Xem "danvan <lệnh> --help".`;
    case 'commander.excessArguments':
      return `Thừa tham số. Xem "danvan <lệnh> --help".`;
    case 'commander.invalidArgument':
      // Our own parsers give the reason in Vietnamese after commander's English preamble.
      return `Tùy chọn ${arg.split(' ')[0]}: ${error.message.replace(/^.*? is invalid\.\s*/s, '')}`;
    default:
      return error.message.replace(/^error: /, '');
  }
}

/** A command's usage in Vietnamese even where it was not set (commander's default says "[options]" and "[command]"). */
function vietnameseUsage(cmd: Command): string {
  return cmd.usage().replace('[options]', '[tùy chọn]').replace('[command]', '[lệnh]');
}

/** --workers: a whole number from 1 up, said in Vietnamese when it is not. */
function parseWorkers(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`cần một số nguyên dương, không phải "${value}".`);
  return n;
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command();
  const run =
    <A extends unknown[]>(action: (...args: A) => Promise<number>) =>
    async (...args: A) => setExit(await action(...args));

  program
    .name('danvan')
    .usage('[tùy chọn] [lệnh]')
    .description('Tổng hợp báo cáo công tác dân vận: biểu mẫu Excel cho các đơn vị, kiểm tra báo cáo, viết báo cáo Word sẵn sàng trình ký.')
    .version(version(), '-V, --version', 'in số phiên bản')
    .helpOption('-h, --help', 'hiển thị trợ giúp')
    .helpCommand('help [lệnh]', 'hiển thị trợ giúp của một lệnh')
    .configureHelp({
      styleTitle: (title: string) => TITLES[title] ?? title,
      // A command in the list as its own usage says it ("kiemtra|check [tùy chọn] <tệp-hoặc-thư-mục...>"), never commander's "[options]".
      subcommandTerm: (cmd: Command) => [[cmd.name(), ...cmd.aliases().slice(0, 1)].join('|'), vietnameseUsage(cmd)].filter(Boolean).join(' '),
      commandUsage: (cmd: Command) => `${Help.prototype.commandUsage.call(new Help(), cmd).slice(0, -cmd.usage().length || undefined)}${vietnameseUsage(cmd)}`,
    } as Partial<Help>)
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ outputError: () => {} })
    .addHelpText(
      'after',
      `
Ví dụ:
  danvan mau -o bieu-mau.xlsx                          tạo biểu mẫu gửi các đơn vị
  danvan kiemtra nop-bao-cao/quy-1-2023                kiểm tra các tệp đơn vị gửi
  danvan tonghop nop-bao-cao/quy-1-2023 -o bao-cao.docx   viết báo cáo tổng hợp
  danvan lo lo-cuoi-quy.json                           chạy nhiều việc tổng hợp theo tệp lô
  danvan nhac nop-bao-cao/quy-1-2023 --han 10/04/2023  công văn đôn đốc đơn vị chưa gửi, gửi sai
  danvan khoitao                                       tạo tệp cấu hình và mẫu báo cáo để sửa
  danvan nhap bao-cao-word -o bieu-mau-nhap            chuyển báo cáo Word của đơn vị thành biểu mẫu đã điền

Mã thoát:
  0   thành công: mọi tệp hợp lệ, đã ghi kết quả
  1   đã ghi kết quả, nhưng có tệp báo cáo không hợp lệ
  2   sai cách dùng; cấu hình, mẫu báo cáo hoặc tệp lô không dùng được; hai kỳ có số đơn vị gửi bằng nhau mà thiếu --ky
  3   không ghi gì vì đầu vào: không có tệp hợp lệ, hoặc --strict mà có tệp không hợp lệ
  70  lỗi nội bộ của danvan`,
    );

  const common = (cmd: Command) => cmd.helpOption('-h, --help', 'hiển thị trợ giúp').exitOverride().configureOutput({ outputError: () => {} });

  common(
    program
      .command('mau')
      .alias('form')
      .usage('[tùy chọn]')
      .description('Tạo biểu mẫu báo cáo (.xlsx) để các đơn vị điền')
      .option('-o, --output <tệp>', 'tên tệp biểu mẫu (mặc định: bieu-mau-bao-cao-dan-van.xlsx)')
      .option('--config <tệp>', 'tệp cấu hình (danh mục chỉ tiêu, danh sách đơn vị)')
      .option('--theo-don-vi <thư-mục>', 'tạo một biểu mẫu điền sẵn cho mỗi đơn vị trong cấu hình, vào thư mục này')
      .option('--ky <kỳ>', 'điền sẵn kỳ báo cáo, ví dụ "Quý I/2023"')
      .option('--force', 'ghi đè tệp đã có')
      .addHelpText('after', '\nVí dụ:\n  danvan mau -o bieu-mau-quy-1.xlsx --ky "Quý I/2023"\n  danvan mau --config danvan.config.json --theo-don-vi bieu-mau-don-vi')
      .action(run(async (options) => (await import('./commands/mau.js')).mauCommand(options))),
  );

  common(
    program
      .command('kiemtra')
      .alias('check')
      .usage('[tùy chọn] <tệp-hoặc-thư-mục...>')
      .description('Kiểm tra các tệp báo cáo: liệt kê mọi lỗi kèm tệp, sheet và ô')
      .argument('<tệp-hoặc-thư-mục...>', 'các tệp .xlsx hoặc thư mục chứa chúng (tìm cả thư mục con)')
      .option('--json', 'in kết quả dạng JSON cho máy đọc')
      .option('--ky, --period <kỳ>', 'kỳ báo cáo cần kiểm tra (mặc định: kỳ mà đa số đơn vị ghi)')
      .option('--config <tệp>', 'tệp cấu hình (mặc định: danvan.config.json nếu có)')
      .option('--chi-loi', 'chỉ in các tệp có lỗi (tệp hợp lệ chỉ được đếm)')
      .option('--khong-luu-y', 'chỉ in lỗi: không in các dòng lưu ý và ghi chú (vẫn đếm)')
      .option('--khong-ghi-chu', 'không in các dòng ghi chú (chỉ để biết, đơn vị không cần làm gì); vẫn in lỗi và lưu ý')
      .option('--workers <số>', 'số luồng đọc tệp (mặc định: số lõi CPU)', parseWorkers)
      .option('--phan-hoi <thư-mục>', 'ghi vào thư mục này bản sao tệp của mỗi đơn vị có lỗi hoặc lưu ý (ô bị tô màu, có ghi chú, sheet đầu "Kết quả kiểm tra") và tong-hop-kiem-tra.xlsx')
      .option('--force', 'ghi đè tệp khác nội dung đã có trong thư mục --phan-hoi')
      .addHelpText(
        'after',
        '\nMức độ của mỗi dòng:\n' +
          '  lỗi       tệp chưa được tổng hợp; đơn vị sửa đúng ô được chỉ và gửi lại\n' +
          '  lưu ý     tệp vẫn được tổng hợp, nhưng đơn vị nên xem lại (ví dụ số "1,250" được đọc là 1,25; mã đơn vị gõ sai)\n' +
          '  ghi chú   chỉ để biết, không ai phải làm gì (chỉ tiêu để trống, sheet không có nội dung, tệp cũ được thay); ẩn bằng --khong-ghi-chu\n' +
          '\nVí dụ:\n  danvan kiemtra nop-bao-cao/quy-1-2023\n  danvan kiemtra nop-bao-cao/quy-1-2023 --khong-ghi-chu\n  danvan kiemtra bao-cao-hoi-nong-dan.xlsx --ky "Quý I/2023"\n  danvan kiemtra nop-bao-cao --json > ket-qua.json\n  danvan kiemtra nop-bao-cao/quy-1-2023 --phan-hoi phan-hoi-quy-1   bản có đánh dấu lỗi để gửi lại từng đơn vị',
      )
      .action(
        // Each command loads its own modules: checking never pays for exceljs, docx or handlebars.
        run(async (inputs: string[], options: Record<string, unknown>) =>
          (await import('./commands/kiemtra.js')).kiemtraCommand(inputs, {
            ...options,
            ky: (options.period as string | undefined) ?? (options.ky as string | undefined),
            luuY: !options.khongLuuY,
            ghiChu: !options.khongGhiChu,
            chiLoi: Boolean(options.chiLoi),
          }),
        ),
      ),
  );

  common(
    program
      .command('tonghop')
      .alias('aggregate')
      .usage('[tùy chọn] <tệp-hoặc-thư-mục...>')
      .description('Kiểm tra, tổng hợp và viết báo cáo Word (.docx) sẵn sàng trình ký')
      .argument('<tệp-hoặc-thư-mục...>', 'các tệp .xlsx hoặc thư mục chứa chúng')
      .option('-o, --output <tệp>', 'tên tệp báo cáo (mặc định: bao-cao-<kỳ>.docx, ví dụ bao-cao-quy-1-2023.docx)')
      .option('--json', 'in tóm tắt dạng JSON cho máy đọc')
      .option('--xlsx <tệp>', 'ghi thêm số liệu tổng hợp theo đúng biểu mẫu, để gửi cấp trên tổng hợp tiếp')
      .option('--template <tệp-hoặc-thư-mục>', 'mẫu báo cáo Handlebars tự sửa, hoặc thư mục chứa so-ket.hbs và tong-ket.hbs để danvan chọn theo kỳ (tạo bằng "danvan khoitao")')
      .option('--config <tệp>', 'tệp cấu hình (mặc định: danvan.config.json nếu có)')
      .option('--compare <tệp>', 'tệp tổng hợp cùng kỳ năm trước (tạo bằng --xlsx) để so sánh')
      .option('--doi-chieu <tệp.xlsx>', 'ghi thêm bảng đối chiếu: mỗi số liệu kèm tệp, sheet, ô; mỗi nội dung kèm đơn vị và dòng gốc')
      .option('--pdf <tệp.pdf>', 'ghi thêm bản PDF của báo cáo (PDF/A) để ký số; cần LibreOffice trên máy')
      .option('--ky, --period <kỳ>', 'kỳ báo cáo cần tổng hợp (mặc định: kỳ mà đa số đơn vị ghi)')
      .option('--force', 'ghi đè tệp báo cáo đã có')
      .option('--strict', 'không ghi báo cáo nếu có tệp không hợp lệ')
      .option('--workers <số>', 'số luồng đọc tệp (mặc định: số lõi CPU)', parseWorkers)
      .addHelpText(
        'after',
        '\nVí dụ:\n  danvan tonghop nop-bao-cao/quy-1-2023 -o bao-cao-quy-1-2023.docx\n  danvan tonghop nop-bao-cao/nam-2023 --config danvan.config.json --template mau-bao-cao\n  danvan tonghop nop-bao-cao/quy-1-2023 --doi-chieu doi-chieu-quy-1-2023.xlsx\n  danvan tonghop nop-bao-cao/quy-1-2023 -o bao-cao-quy-1-2023.docx --pdf bao-cao-quy-1-2023.pdf\n  danvan tonghop nop-bao-cao/nam-2023 --config danvan.config.json --xlsx tong-hop-2023.xlsx --compare tong-hop-2022.xlsx',
      )
      .action(
        run(async (inputs: string[], options: Record<string, unknown>) =>
          (await import('./commands/tonghop.js')).tonghopCommand(inputs, { ...options, ky: (options.period as string | undefined) ?? (options.ky as string | undefined) }),
        ),
      ),
  );

  common(
    program
      .command('nhac')
      .alias('remind')
      .usage('[tùy chọn] <tệp-hoặc-thư-mục...>')
      .description('Viết công văn đôn đốc (.docx) gửi các đơn vị chưa gửi báo cáo hoặc có báo cáo chưa hợp lệ')
      .argument('<tệp-hoặc-thư-mục...>', 'các tệp .xlsx hoặc thư mục các đơn vị đã gửi')
      .option('-o, --output <tệp>', 'tên tệp công văn (mặc định: cong-van-don-doc-<kỳ>.docx)')
      .option('--han <ngày>', 'hạn gửi báo cáo, dạng ngày/tháng/năm (mặc định: "reminder.deadline" trong cấu hình)')
      .option('--json', 'in tóm tắt dạng JSON cho máy đọc')
      .option('--config <tệp>', 'tệp cấu hình: danh sách đơn vị (để biết ai chưa gửi), cơ quan ban hành, người ký')
      .option('--template <tệp>', 'mẫu công văn Handlebars tự sửa (tạo bằng "danvan khoitao")')
      .option('--ky, --period <kỳ>', 'kỳ báo cáo cần nhắc (mặc định: kỳ mà đa số đơn vị ghi)')
      .option('--force', 'ghi đè tệp công văn đã có')
      .option('--workers <số>', 'số luồng đọc tệp (mặc định: số lõi CPU)', parseWorkers)
      .addHelpText('after', '\nVí dụ:\n  danvan nhac nop-bao-cao/quy-1-2023 --config danvan.config.json --han 10/04/2023\n  danvan nhac nop-bao-cao/quy-1-2023 -o cong-van-don-doc.docx --json')
      .action(
        run(async (inputs: string[], options: Record<string, unknown>) =>
          (await import('./commands/nhac.js')).nhacCommand(inputs, { ...options, ky: (options.period as string | undefined) ?? (options.ky as string | undefined) }),
        ),
      ),
  );

  common(
    program
      .command('lo')
      .alias('batch')
      .usage('[tùy chọn] <tệp-lô>')
      .description('Chạy một tệp lô gồm nhiều việc tổng hợp (mỗi việc như một lệnh tonghop), kể cả khi có việc lỗi')
      .argument('<tệp-lô>', 'tệp JSON (cho phép chú thích //): "config" chung và danh sách "jobs"')
      .option('--json', 'in một đối tượng JSON: kết quả của từng việc')
      .option('--workers <số>', 'số việc chạy cùng lúc (mặc định: số lõi CPU)', parseWorkers)
      .option('--force', 'cho mọi việc ghi đè tệp kết quả đã có mà nội dung khác')
      .addHelpText(
        'after',
        '\nVí dụ:\n  danvan lo lo-cuoi-quy.json\n  danvan lo lo-cuoi-quy.json --json > ket-qua-lo.json\n\nXem docs/lo.md: cách viết tệp lô, chạy bằng cron hoặc Task Scheduler.',
      )
      .action(run(async (file: string, options: Record<string, unknown>) => (await import('./commands/lo.js')).loCommand(file, options))),
  );

  common(
    program
      .command('nhap')
      .alias('import')
      .usage('[tùy chọn] <tệp-hoặc-thư-mục...> -o <thư-mục>')
      .description('Chuyển báo cáo Word (.docx, .doc) của các đơn vị thành biểu mẫu Excel đã điền, mỗi báo cáo một tệp, có ghi chú nguồn gốc từng ô')
      .argument('<tệp-hoặc-thư-mục...>', 'các tệp .docx, .doc hoặc thư mục chứa chúng')
      .requiredOption('-o, --output <thư-mục>', 'thư mục ghi các biểu mẫu đã điền (đặt tên như "danvan mau --theo-don-vi")')
      .option('--config <tệp>', 'tệp cấu hình: danh sách đơn vị (để nhận ra đơn vị theo tên), danh mục chỉ tiêu')
      .option('--ky, --period <kỳ>', 'kỳ báo cáo cho báo cáo có tiêu đề không ghi kỳ, ví dụ "Quý III/2025"')
      .option('--force', 'ghi đè biểu mẫu khác nội dung đã có trong thư mục')
      .option('--json', 'in kết quả dạng JSON cho máy đọc')
      .addHelpText(
        'after',
        '\nVí dụ:\n  danvan nhap bao-cao-word/quy-3-2025 -o bieu-mau-nhap --config danvan.config.json\n  danvan nhap "BC quy III - Hoi Nong dan.docx" -o bieu-mau-nhap --ky "Quý III/2025"\n\nSau khi nhập: mở từng biểu mẫu, xem sheet đầu "Nhập từ Word", rồi chạy "danvan kiemtra bieu-mau-nhap".',
      )
      .action(
        run(async (inputs: string[], options: Record<string, unknown>) =>
          (await import('./commands/nhap.js')).nhapCommand(inputs, { ...options, ky: (options.period as string | undefined) ?? (options.ky as string | undefined) }),
        ),
      ),
  );

  common(
    program
      .command('khoitao')
      .alias('init')
      .usage('[tùy chọn] [thư-mục]')
      .description('Tạo tệp cấu hình mẫu (có chú thích) và bản sao các mẫu báo cáo để sửa')
      .argument('[thư-mục]', 'nơi tạo (mặc định: thư mục hiện tại)')
      .option('--force', 'ghi đè tệp đã có')
      .addHelpText('after', '\nVí dụ:\n  danvan khoitao\n  danvan khoitao cau-hinh-ban-dan-van')
      .action(run(async (dir: string | undefined, options: { force?: boolean }) => (await import('./commands/khoitao.js')).khoitaoCommand(dir, options))),
  );
  return program;
}

/** Commands with a machine output, by every name they answer to. */
const JSON_COMMANDS: Record<string, 'kiemtra' | 'tonghop' | 'lo' | 'nhac' | 'nhap'> = {
  nhap: 'nhap',
  import: 'nhap',
  nhac: 'nhac',
  remind: 'nhac',
  kiemtra: 'kiemtra',
  check: 'kiemtra',
  tonghop: 'tonghop',
  aggregate: 'tonghop',
  lo: 'lo',
  batch: 'lo',
};

/** The one object a failing `--json` run prints: the command's own shape, with what is known and the error. */
function failureJson(command: string | undefined, failure: Failure, error: unknown): object {
  switch (command ? JSON_COMMANDS[command] : undefined) {
    case 'kiemtra':
      return checkFailureJson(failure);
    case 'tonghop':
      return error instanceof DanvanError && knownCheck(error)
        ? aggregateFailureJson(failure, knownCheck(error)!.check, knownCheck(error)!.indicatorCodes)
        : aggregateFailureJson(failure, null, null);
    case 'lo':
      return batchFailureJson(failure, error instanceof BatchFileError ? error.batch : null);
    case 'nhac':
      return reminderFailureJson(failure);
    case 'nhap':
      return nhapFailureJson(failure);
    default:
      return { schema: null, error: failure };
  }
}

/** Runs the CLI and returns the exit code; the only place that turns errors into codes. */
export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  guardStdout();
  const program = buildProgram((c) => (code = c));
  const json = argv.slice(2).includes('--json');
  const command = argv[2];
  const fail = (failure: Failure, exitCode: number, error: unknown): number => {
    if (json) writeOut(`${stringifyJson(failureJson(command, failure, error))}\n`);
    return exitCode;
  };
  installInterruptHandlers((signal) => {
    const message = interruptedMessage(signal);
    process.stderr.write(`\n${message}\n`);
    fail({ code: 'interrupted', message }, 0, undefined);
  });
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return EXIT.ok;
    }
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      const message = translateCommanderError(error);
      process.stderr.write(`Lỗi: ${message}\n`);
      return fail({ code: 'usage', message }, EXIT.usage, error);
    }
    if (error instanceof DanvanError && !(error instanceof InternalError)) {
      process.stderr.write(`Lỗi: ${escapeControlLines(error.message)}\n`);
      return fail({ code: error.code, message: error.message }, error.exitCode, error);
    }
    // The file system refused something no stage foresaw (a permission, a full disk, an I/O error): a
    // problem of the machine or the paths, said in Vietnamese, not an internal error of danvan.
    const errno = error as NodeJS.ErrnoException;
    if (errno && typeof errno.code === 'string' && /^E[A-Z0-9]+$/.test(errno.code) && typeof errno.syscall === 'string') {
      const message = fsMsg.other(errno.syscall, errno.path, errno.code);
      process.stderr.write(`Lỗi: ${message}\n`);
      if (process.env.DANVAN_DEBUG) process.stderr.write(`${errno.stack ?? ''}\n`);
      return fail({ code: 'file-system', message }, EXIT.usage, error);
    }
    const message = `Lỗi nội bộ của danvan (không phải do dữ liệu của bạn): ${(error as Error)?.message ?? String(error)}`;
    process.stderr.write(
      `${message}\nHãy báo lỗi cho nhóm phát triển, kèm lệnh đã chạy và các tệp đầu vào. Đặt DANVAN_DEBUG=1 để xem chi tiết.\n`,
    );
    if (process.env.DANVAN_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return fail({ code: 'internal', message }, EXIT.internal, error);
  }
}

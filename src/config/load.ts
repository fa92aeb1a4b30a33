/** Finds, reads and validates the config; every problem becomes a ConfigError naming the file and the key. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { ConfigError } from '../diagnostics/errors.js';
import { DEFAULT_CATALOGUE, kindForUnit, type Indicator, type IndicatorKind } from '../domain/catalogue.js';
import { configSchema, type Config } from './schema.js';
import { JsoncSyntaxError, parseJsonc } from './jsonc.js';
import { CONFIG_LIMITS } from './limits.js';
import { FileReadError, readUtf8File } from '../files/read.js';
import { configCharMsg, fileReadProblem, schemaMsg } from '../messages/vi.js';
import { describeSchemaIssue } from '../schemas/issue-text.js';

export const CONFIG_FILE_NAME = 'danvan.config.json';

/** The embedded default: tonghop runs with no config file at all. */
export function defaultConfig(): Config {
  return configSchema.parse({});
}

export function parseConfig(source: string, file: string): Config {
  let data: unknown;
  try {
    data = parseJsonc(source);
  } catch (error) {
    const where = error instanceof JsoncSyntaxError && error.line ? ` (dòng ${error.line}, cột ${error.column})` : '';
    throw new ConfigError(`Tệp cấu hình ${file} không đúng cú pháp JSON${where}. Hãy kiểm tra dấu phẩy, dấu ngoặc và dấu nháy.`);
  }
  const forbidden = forbiddenCharacters(data);
  if (forbidden.length > 0) {
    const lines = forbidden.slice(0, 20).map(({ key, code }) => `  - ${key}: ${configCharMsg(code)}`);
    throw new ConfigError(`Tệp cấu hình ${file} có ${forbidden.length} lỗi:\n${lines.join('\n')}`);
  }
  const parsed = configSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const lines = parsed.error.issues.flatMap((issue) => describeSchemaIssue(issue, schemaMsg.unknownKeys)).map((line) => `  - ${line}`);
    throw new ConfigError(`Tệp cấu hình ${file} có ${lines.length} lỗi:\n${lines.join('\n')}`);
  }
  checkRegistry(parsed.data, file);
  return parsed.data;
}

/** A character XML 1.0 does not allow (a control other than tab and line breaks, U+FFFE, U+FFFF, a lone surrogate). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Every string of the config (keys included) holding a character no XML document may hold, with its key as the
 * schema messages write it ("units[3].name"): such text would reach the report and Word would not open it.
 */
function forbiddenCharacters(data: unknown): { key: string; code: number }[] {
  const out: { key: string; code: number }[] = [];
  const check = (text: string, key: string) => {
    const m = NOT_XML.exec(text);
    if (m) out.push({ key: key || '(gốc)', code: m[0].charCodeAt(0) });
  };
  // An explicit stack: a config is at most a few megabytes, but nesting must not exhaust the call stack.
  const stack: { value: unknown; key: string }[] = [{ value: data, key: '' }];
  while (stack.length > 0) {
    const { value, key } = stack.pop()!;
    if (typeof value === 'string') check(value, key);
    else if (Array.isArray(value)) value.forEach((item, i) => stack.push({ value: item, key: `${key}[${i}]` }));
    else if (value !== null && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) {
        const path = key ? `${key}.${name}` : name;
        check(name, path);
        stack.push({ value: item, key: path });
      }
    }
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function checkRegistry(config: Config, file: string): void {
  const seen = new Set<string>();
  const problems: string[] = [];
  config.units.forEach((unit, index) => {
    if (seen.has(unit.code)) problems.push(`  - units[${index}].code: mã đơn vị "${unit.code}" bị trùng`);
    seen.add(unit.code);
  });
  const codes = new Set(DEFAULT_CATALOGUE.map((i) => i.code));
  config.indicators.items.forEach((item, index) => {
    if (config.indicators.mode === 'extend' && codes.has(item.code)) {
      problems.push(`  - indicators.items[${index}].code: "${item.code}" đã có trong danh mục mặc định (dùng "mode": "replace" để thay cả danh mục)`);
    }
  });
  const catalogue = new Set(catalogueOf(config).map((i) => i.code));
  config.indicators.items.forEach((item, index) => {
    for (const part of ['numerator', 'denominator'] as const) {
      const code = item.derived?.[part];
      if (code && !catalogue.has(code)) problems.push(`  - indicators.items[${index}].derived.${part}: không có chỉ tiêu "${code}" trong danh mục`);
    }
    const kind = indicatorKind(item);
    if (kind === undefined) {
      problems.push(
        `  - indicators.items[${index}].kind: chưa rõ chỉ tiêu "${item.code}" (đơn vị tính "${item.unit}") là số đếm hay số lượng; ` +
          'hãy ghi "kind": "count" (số nguyên: mô hình, buổi, người…) hoặc "kind": "amount" (số thập phân: tiền, diện tích…)',
      );
    } else if (kind === 'ratio' && !item.derived) {
      problems.push(`  - indicators.items[${index}].kind: chỉ tiêu tỷ lệ "${item.code}" phải được tính từ hai chỉ tiêu khác ("derived"), không nhập tay`);
    } else if (kind !== 'ratio' && item.derived) {
      problems.push(`  - indicators.items[${index}].kind: chỉ tiêu "${item.code}" có "derived" nên là tỷ lệ ("kind": "ratio")`);
    }
  });
  if (problems.length) throw new ConfigError(`Tệp cấu hình ${file} có ${problems.length} lỗi:\n${problems.join('\n')}`);
}

/**
 * The config to use: the given file (it must exist), else danvan.config.json in the working directory
 * if there is one, else the embedded default.
 */
export function loadConfig(file?: string, cwd = process.cwd()): { config: Config; path: string | null } {
  const path = file ? resolve(cwd, file) : resolve(cwd, CONFIG_FILE_NAME);
  if (!file && !existsSync(path)) return { config: defaultConfig(), path: null };
  const shown = file ?? CONFIG_FILE_NAME;
  let source: string;
  try {
    // Only a regular file, at most CONFIG_LIMITS.fileBytes, and only UTF-8 (with or without a byte order mark).
    source = readUtf8File(path, CONFIG_LIMITS.fileBytes);
  } catch (error) {
    if (error instanceof FileReadError) {
      if (error.problem === 'not-found') throw new ConfigError(`Không tìm thấy tệp cấu hình ${shown}.`);
      throw new ConfigError(fileReadProblem('tệp cấu hình', shown, error, CONFIG_LIMITS.fileBytes));
    }
    throw error;
  }
  return { config: parseConfig(source, shown), path };
}

type IndicatorItem = Config['indicators']['items'][number];

/** A config indicator's kind: as declared, else a ratio when derived, else what its unit makes obvious. */
function indicatorKind(item: IndicatorItem): IndicatorKind | undefined {
  if (item.kind) return item.kind;
  if (item.derived) return 'ratio';
  const byUnit = kindForUnit(item.unit);
  return byUnit === 'ratio' ? undefined : byUnit;
}

/** The indicator catalogue in force: the built-in one, extended or replaced by the config. */
export function catalogueOf(config: Config): Indicator[] {
  // checkRegistry has refused every item whose kind cannot be told, so the fallback is never used on a loaded config.
  const items: Indicator[] = config.indicators.items.map((item) => ({ ...item, kind: indicatorKind(item) ?? 'amount' }));
  return config.indicators.mode === 'replace' ? items : [...DEFAULT_CATALOGUE, ...items];
}

/** Loads and runs report templates in a sealed Handlebars environment; failures name the file and line. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { TemplateError } from '../diagnostics/errors.js';
import { helpers } from './helpers.js';

/** Built-in templates ship in templates/ at the package root. */
export const TEMPLATES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');
export const BUILTIN_TEMPLATES = { interim: 'so-ket.hbs', final: 'tong-ket.hbs' } as const;

export interface LoadedTemplate {
  file: string;
  render: (data: object) => string;
}

function environment(): typeof Handlebars {
  const env = Handlebars.create();
  for (const [name, helper] of Object.entries(helpers)) env.registerHelper(name, helper);
  return env;
}

/** "Parse error on line 12" / "… - 12:4" → 12. */
function lineOf(message: string): number | undefined {
  const parse = /on line (\d+)/.exec(message);
  if (parse) return Number(parse[1]);
  const strict = / - (\d+):(\d+)\s*$/.exec(message);
  return strict ? Number(strict[1]) : undefined;
}

function templateError(file: string, error: unknown, phase: 'compile' | 'render'): TemplateError {
  const raw = (error as Error).message ?? String(error);
  const line = lineOf(raw);
  const where = line ? `, dòng ${line}` : '';
  const firstLine = raw.split('\n')[0]!.replace(/ - \d+:\d+\s*$/, '');
  const missing = /"(.+?)" not defined in/.exec(raw);
  const reason = missing
    ? `không có dữ liệu "${missing[1]}" (kiểm tra lại tên trường; xem docs/mau-bao-cao.md)`
    : phase === 'compile'
      ? `sai cú pháp Handlebars: ${firstLine}`
      : firstLine;
  return new TemplateError(`Mẫu báo cáo ${file}${where}: ${reason}.`);
}

export function compileTemplate(source: string, file: string): LoadedTemplate {
  const env = environment();
  let compiled: Handlebars.TemplateDelegate;
  try {
    // strict: a misspelt field is an error, not an empty string; noEscape: docx escapes XML itself.
    compiled = env.compile(source, { strict: true, noEscape: true });
    // Handlebars compiles lazily: parse now so that syntax errors surface before any work is done.
    env.precompile(source, { strict: true, noEscape: true });
  } catch (error) {
    throw templateError(file, error, 'compile');
  }
  return {
    file,
    render: (data) => {
      try {
        return compiled(data, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (error) {
        if (error instanceof TemplateError) throw error;
        throw templateError(file, error, 'render');
      }
    },
  };
}

export function loadTemplate(path: string, displayName = path): LoadedTemplate {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    throw new TemplateError(`Không đọc được mẫu báo cáo ${displayName}.`);
  }
  return compileTemplate(source.replace(/^\uFEFF/, '').normalize('NFC'), displayName);
}

export function builtinTemplatePath(final: boolean): string {
  return join(TEMPLATES_DIR, final ? BUILTIN_TEMPLATES.final : BUILTIN_TEMPLATES.interim);
}

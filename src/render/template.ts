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
/** The reminder letter's template (danvan nhac). */
export const REMINDER_TEMPLATE = 'nhac.hbs';

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

/** The line of the first block opened with {{#x}} and never closed, for Handlebars' "got EOF" errors. */
function unclosedBlockLine(source: string): { line: number; name: string } | undefined {
  const stack: { line: number; name: string }[] = [];
  const tag = /\{\{~?\s*([#/])\s*([\w-]+)/g;
  for (let m = tag.exec(source); m; m = tag.exec(source)) {
    const line = source.slice(0, m.index).split('\n').length;
    if (m[1] === '#') stack.push({ line, name: m[2]! });
    else if (stack.length && stack[stack.length - 1]!.name === m[2]) stack.pop();
  }
  return stack.pop();
}

function templateError(file: string, error: unknown, phase: 'compile' | 'render', source = ''): TemplateError {
  const raw = (error as Error).message ?? String(error);
  let line = lineOf(raw);
  // Strict mode names the missing field; a path through a missing object ("chiTieu.TT_BOUI.total") surfaces as a TypeError.
  const missing = /"(.+?)" not defined in/.exec(raw) ?? /Cannot read properties of (?:undefined|null) \(reading '(.+?)'\)/.exec(raw);
  const mismatch = /(\S+) doesn't match (\S+)/.exec(raw);
  let reason: string;
  if (missing) {
    reason = `không có dữ liệu "${missing[1]}" (kiểm tra lại tên trường; xem docs/mau-bao-cao.md)`;
  } else if (mismatch) {
    reason = `thẻ mở {{#${mismatch[1]}}} lại được đóng bằng {{/${mismatch[2]}}}`;
  } else if (phase === 'compile' && /got 'EOF'/.test(raw)) {
    const open = unclosedBlockLine(source);
    if (open) line = open.line;
    reason = open ? `khối {{#${open.name}}} mở ở dòng này chưa được đóng bằng {{/${open.name}}}` : 'mẫu kết thúc khi một khối chưa được đóng';
  } else if (phase === 'compile') {
    // Handlebars says what it expected on the last line of its message: keep it, it is the useful part.
    const lines = raw.split('\n').filter((l) => l.trim());
    reason = `sai cú pháp Handlebars (${lines[lines.length - 1]!.trim()})`;
  } else {
    reason = raw.split('\n')[0]!.replace(/ - \d+:\d+\s*$/, '');
  }
  return new TemplateError(`Mẫu báo cáo ${file}${line ? `, dòng ${line}` : ''}: ${reason}.`);
}

export function compileTemplate(text: string, file: string): LoadedTemplate {
  const source = text.replace(/\r\n?/g, '\n');
  const env = environment();
  let compiled: Handlebars.TemplateDelegate;
  try {
    // strict: a misspelt field is an error, not an empty string; noEscape: docx escapes XML itself.
    compiled = env.compile(source, { strict: true, noEscape: true });
    // Handlebars compiles lazily: parse now so that syntax errors surface before any work is done.
    env.precompile(source, { strict: true, noEscape: true });
  } catch (error) {
    throw templateError(file, error, 'compile', source);
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

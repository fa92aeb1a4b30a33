/** Loads and runs report templates in a sealed Handlebars environment; failures name the file and line. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { TemplateError } from '../diagnostics/errors.js';
import { FileReadError, readUtf8File } from '../files/read.js';
import { fileReadProblem } from '../messages/vi.js';
import { formatNumber } from './format.js';
import { helpers } from './helpers.js';
import { TEMPLATE_LIMITS } from './limits.js';

/** Built-in templates ship in templates/ at the package root. */
export const TEMPLATES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');
export const BUILTIN_TEMPLATES = { interim: 'so-ket.hbs', final: 'tong-ket.hbs' } as const;
/** The reminder letter's template (danvan nhac). */
export const REMINDER_TEMPLATE = 'nhac.hbs';

export interface LoadedTemplate {
  file: string;
  render: (data: object) => string;
}

/**
 * Budgets of this module beside TEMPLATE_LIMITS: partial calls in one render (a partial that calls the next ten times,
 * ten deep, would make 10^10 calls, each within the depth budget) and the nesting of sub-expressions in one tag
 * (Handlebars' parser recurses once per level: 20,000 levels took over a minute). The built-in templates call no
 * partial and nest sub-expressions 2 deep.
 */
const PARTIAL_CALLS = 1_000_000;
const EXPRESSION_DEPTH = 32;

/** Counters of one render, checked against TEMPLATE_LIMITS as the block bodies run. */
interface RenderRun {
  blockRuns: number;
  blockChars: number;
  partialDepth: number;
  partialCalls: number;
}

/** A budget of TEMPLATE_LIMITS broken while rendering, or a partial that cannot be called; turned into a TemplateError. */
class RenderStop extends Error {
  constructor(
    readonly kind: 'blockRuns' | 'blockChars' | 'partialDepth' | 'partialCalls' | 'partialMissing',
    readonly partial?: string,
  ) {
    super(kind);
  }
}

/** Block helpers of Handlebars that run a body: each is wrapped so that every run is counted. */
const BLOCK_HELPERS = ['each', 'with', 'if', 'unless', 'blockHelperMissing'] as const;

type HelperOptionsLike = { fn?: (context: unknown, options?: unknown) => string; inverse?: (context: unknown, options?: unknown) => string };

/**
 * A fresh environment with only our helpers, whose block helpers count what they run (`current()` is the
 * render in progress) and whose partial calls are counted too: a runaway loop or a partial that calls itself
 * stops with a RenderStop instead of running for minutes or overflowing the stack.
 */
function environment(current: () => RenderRun | undefined): typeof Handlebars {
  const env = Handlebars.create();
  // {{log}} writes to the console: in a report template it would break --json and talk past the output plan.
  env.unregisterHelper('log');
  for (const [name, helper] of Object.entries(helpers)) env.registerHelper(name, helper);
  const wrappedBodies = new WeakSet<object>();
  const counted = (body: HelperOptionsLike['fn']) => {
    // blockHelperMissing hands an array to `each` with options it already wrapped: count a run once.
    if (!body || wrappedBodies.has(body)) return body;
    const wrapped = function (this: unknown, context: unknown, options?: unknown): string {
      const run = current();
      if (run && ++run.blockRuns > TEMPLATE_LIMITS.blockRuns) throw new RenderStop('blockRuns');
      const out = body.call(this, context, options);
      if (run && (run.blockChars += out.length) > TEMPLATE_LIMITS.blockChars) throw new RenderStop('blockChars');
      return out;
    };
    wrappedBodies.add(wrapped);
    return wrapped;
  };
  for (const name of BLOCK_HELPERS) {
    const original = env.helpers[name]!;
    env.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      const options = args[args.length - 1] as HelperOptionsLike;
      if (options && typeof options === 'object') {
        // Handlebars keeps the originals as properties of the program; wrap copies, not them.
        const wrapped = Object.assign(Object.create(Object.getPrototypeOf(options) as object) as object, options, {
          fn: counted(options.fn),
          inverse: counted(options.inverse),
        });
        args[args.length - 1] = wrapped;
      }
      return (original as (...values: unknown[]) => unknown).apply(this, args);
    });
  }
  // env.VM is how the compiled template reaches the runtime: a copy whose invokePartial counts nesting.
  const vm = env.VM as unknown as Record<string, unknown> & { invokePartial: (partial: unknown, context: unknown, options: { name?: string }) => unknown };
  const invokePartial = vm.invokePartial;
  (env as unknown as { VM: unknown }).VM = {
    ...vm,
    invokePartial(this: unknown, partial: unknown, context: unknown, options: { name?: string }) {
      const block = (options as { fn?: unknown }).fn;
      if (partial === undefined && (block === undefined || block === vm.noop)) throw new RenderStop('partialMissing', options.name);
      const run = current();
      if (!run) return invokePartial.call(this, partial, context, options);
      if (++run.partialCalls > PARTIAL_CALLS) throw new RenderStop('partialCalls', options.name);
      if (++run.partialDepth > TEMPLATE_LIMITS.partialDepth) throw new RenderStop('partialDepth', options.name);
      try {
        return invokePartial.call(this, partial, context, options);
      } finally {
        run.partialDepth -= 1;
      }
    },
  };
  return env;
}

/** "Parse error on line 12" / "… - 12:4" → 12. */
function lineOf(message: string): number | undefined {
  const parse = /on line (\d+)/.exec(message);
  if (parse) return Number(parse[1]);
  const strict = / - (\d+):(\d+)\s*$/.exec(message);
  return strict ? Number(strict[1]) : undefined;
}

/** Line numbers by offset, for a scan that only moves forward: each character is looked at once. */
function lineCounter(source: string): (offset: number) => number {
  let line = 1;
  let at = 0;
  return (offset) => {
    for (; at < offset; at += 1) if (source.charCodeAt(at) === 10) line += 1;
    return line;
  };
}

/** The line of the first block opened with {{#x}} and never closed, for Handlebars' "got EOF" errors. */
function unclosedBlockLine(source: string): { line: number; name: string } | undefined {
  const stack: { line: number; name: string }[] = [];
  const tag = /\{\{~?\s*([#/])\s*([\w-]+)/g;
  const lineAt = lineCounter(source);
  for (let m = tag.exec(source); m; m = tag.exec(source)) {
    const line = lineAt(m.index);
    if (m[1] === '#') stack.push({ line, name: m[2]! });
    else if (stack.length && stack[stack.length - 1]!.name === m[2]) stack.pop();
  }
  return stack.pop();
}

/** "a doesn't match b" → [a, b], read around the words rather than with a pattern that backtracks on a long name. */
function mismatchedBlocks(raw: string): [string, string] | undefined {
  const words = " doesn't match ";
  const at = raw.indexOf(words);
  if (at < 0) return undefined;
  const before = raw.slice(Math.max(0, at - 200), at);
  const open = before.slice(before.search(/\S+$/));
  const close = /^\S{1,200}/.exec(raw.slice(at + words.length))?.[0];
  return open && close ? [open.slice(-100), close.slice(0, 100)] : undefined;
}

const VIETNAMESE_LETTER = /[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/;

/**
 * Handlebars' parse error in Vietnamese: what went wrong, from the token it got, and the text it stopped at
 * (its excerpt, cut at its pointer). Its own English ("Expecting 'CLOSE_RAW_BLOCK', … got 'INVALID'") is not shown.
 */
function syntaxReason(raw: string): string {
  const lines = raw.split('\n');
  const got = /got '(\w{1,40})'\s*$/.exec(raw)?.[1];
  const what = raw.startsWith('Lexical error')
    ? 'có đoạn không đọc được trong thẻ (một chú thích {{!-- … --}} chưa đóng, hoặc ngoặc {{ }} lẫn lộn)'
    : got === 'INVALID'
      ? 'thẻ {{…}} có ký tự không hợp lệ (thường do thiếu một dấu } hoặc dấu ngoặc kép chưa đóng)'
      : got === 'CLOSE_UNESCAPED'
        ? 'thừa dấu } (thẻ {{…}} đóng bằng }}, thẻ {{{…}}} đóng bằng }}})'
        : got === 'CLOSE'
          ? 'thẻ {{…}} thiếu tên hoặc giá trị trước dấu }}'
          : 'thẻ {{…}} viết chưa đúng cú pháp Handlebars';
  const pointer = lines.findIndex((l) => /^-*\^$/.test(l));
  // Handlebars' excerpt runs the lines together: keep the tag it stopped in, from its last "{{".
  const upTo = pointer > 0 ? lines[pointer - 1]!.slice(0, lines[pointer]!.length) : '';
  const tag = upTo.lastIndexOf('{{') >= 0 ? upTo.slice(upTo.lastIndexOf('{{')) : upTo.replace(/^\.\.\./, '…');
  return tag.trim() ? `${what}; chỗ sai ở cuối đoạn “${tag.slice(-60)}”` : what;
}

function templateError(file: string, error: unknown, phase: 'compile' | 'render', source = ''): TemplateError {
  const raw = (error as Error)?.message ?? String(error);
  let line = lineOf(raw);
  // Strict mode names the missing field; a path through a missing object ("chiTieu.TT_BOUI.total") surfaces as a TypeError.
  const missing = /"([^"]{1,200})" not defined in/.exec(raw) ?? /Cannot read properties of (?:undefined|null) \(reading '([^']{1,200})'\)/.exec(raw);
  const mismatch = mismatchedBlocks(raw);
  let reason: string;
  if (error instanceof RangeError && /call stack/i.test(raw)) {
    reason = 'mẫu lồng hoặc gọi nhau quá sâu, danvan dừng lại (hãy bớt các khối lồng nhau hoặc mẫu con gọi nhau)';
  } else if (missing?.[1] === 'lookupProperty') {
    // Handlebars' own lookup, called with nothing to look in: its internal name means nothing to a user.
    reason = 'thẻ {{lookup}} cần một đối tượng và một khóa, ví dụ {{lookup chiTieu "TT_BUOI"}}';
  } else if (missing) {
    reason = `không có dữ liệu "${missing[1]}" (kiểm tra lại tên trường; xem docs/mau-bao-cao.md)`;
  } else if (mismatch) {
    reason = `thẻ mở {{#${mismatch[0]}}} lại được đóng bằng {{/${mismatch[1]}}}`;
  } else if (phase === 'compile' && /got 'EOF'/.test(raw)) {
    const open = unclosedBlockLine(source);
    if (open) line = open.line;
    reason = open ? `khối {{#${open.name}}} mở ở dòng này chưa được đóng bằng {{/${open.name}}}` : 'mẫu kết thúc khi một khối chưa được đóng';
  } else if (phase === 'compile') {
    reason = syntaxReason(raw);
  } else {
    const first = raw.split('\n')[0]!.replace(/ - \d+:\d+\s*$/, '');
    const arity = /^#(\w{1,50}) requires exactly one argument/.exec(first);
    // Handlebars gives no place for this one: the first such block written with nothing after its name.
    const bare = arity ? new RegExp(`\\{\\{~?#${arity[1]}\\s*~?\\}\\}`).exec(source) : null;
    if (bare && !line) line = lineCounter(source)(bare.index);
    // danvan's own helpers fail in Vietnamese; anything else is Handlebars' English, which the user never sees.
    reason = arity
      ? `khối {{#${arity[1]}}} cần đúng một giá trị sau tên khối`
      : VIETNAMESE_LETTER.test(first)
        ? first.slice(0, 300)
        : 'thẻ {{…}} này không dựng được (kiểm tra tên trợ giúp, số và kiểu giá trị truyền vào; xem docs/mau-bao-cao.md)';
  }
  return new TemplateError(`Mẫu báo cáo ${file}${line ? `, dòng ${line}` : ''}: ${reason}.`);
}

const budgetError = (file: string, text: string, line?: number) => new TemplateError(`Mẫu báo cáo ${file}${line ? `, dòng ${line}` : ''}: ${text}.`);
const n0 = (n: number) => formatNumber(n, 0);

/**
 * A first pass over the source, before Handlebars sees it: counts tags and the nesting of blocks, so that
 * a template of millions of tags or thousands of nested blocks is refused without being parsed (Handlebars'
 * parser and compiler recurse once per level and take seconds per 10,000 tags). Comments, raw blocks and
 * escaped mustaches are skipped as Handlebars reads them.
 */
/**
 * A built-in block with nothing after its name ({{#if}}) fails only when it runs: in a branch that this period
 * skips, a template would pass today and fail next quarter. It is refused when the template is read.
 */
function checkBareBlocks(source: string, file: string): void {
  const bare = /\{\{~?#(if|unless|each|with)\s*~?\}\}/.exec(source);
  if (bare) throw budgetError(file, `khối {{#${bare[1]}}} cần đúng một giá trị sau tên khối`, lineCounter(source)(bare.index));
}

function checkTags(source: string, file: string): void {
  const lineAt = lineCounter(source);
  let tags = 0;
  let depth = 0;
  for (let i = source.indexOf('{{'); i >= 0; i = source.indexOf('{{', i)) {
    // "\{{" is a literal "{{" ("\\{{" is a backslash, then a tag).
    if (source.charCodeAt(i - 1) === 92 && source.charCodeAt(i - 2) !== 92) {
      i += 2;
      continue;
    }
    if (++tags > TEMPLATE_LIMITS.tags) throw budgetError(file, `quá nhiều thẻ {{…}} (giới hạn ${n0(TEMPLATE_LIMITS.tags)} thẻ; mẫu có sẵn dùng khoảng 170)`, lineAt(i));
    if (source.startsWith('{{{{', i)) {
      // A raw block: nothing inside it is a tag until its closing {{{{/name}}}}.
      const end = source.indexOf('}}}}', i + 4);
      if (end < 0) return; // Handlebars reports it
      const name = source.slice(i + 4, end).trim();
      const close = name.startsWith('/') ? end : source.indexOf(`{{{{/${name}}}}}`, end);
      i = close < 0 ? source.length : source.indexOf('}}}}', close) + 4;
      continue;
    }
    let p = i + 2;
    if (source.charCodeAt(p) === 126 /* ~ */) p += 1;
    if (source.startsWith('!--', p)) {
      const end = source.indexOf('--', p + 3);
      const close = end < 0 ? -1 : source.indexOf('}}', end);
      i = close < 0 ? source.length : close + 2;
      continue;
    }
    const close = source.indexOf('}}', p);
    checkExpressionDepth(source, p, close < 0 ? source.length : close, file, lineAt);
    const c = source.charCodeAt(p);
    if (c === 35 /* # */ || (c === 94 /* ^ */ && !/^\^\s*~?$/.test(source.slice(p, close < 0 ? p + 1 : Math.min(close, p + 20))))) {
      if (++depth > TEMPLATE_LIMITS.blockDepth) {
        throw budgetError(file, `các khối {{#…}} lồng nhau quá ${n0(TEMPLATE_LIMITS.blockDepth)} tầng (mẫu có sẵn lồng 4 tầng)`, lineAt(i));
      }
    } else if (c === 47 /* / */) {
      depth -= 1;
    }
    i = close < 0 ? source.length : close + 2;
  }
}

/** Sub-expressions "(…)" nested in one tag, outside string literals: refused past EXPRESSION_DEPTH before parsing. */
function checkExpressionDepth(source: string, from: number, to: number, file: string, lineAt: (index: number) => number): void {
  let depth = 0;
  let quote = 0;
  for (let k = from; k < to; k++) {
    const c = source.charCodeAt(k);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 /* " */ || c === 39 /* ' */) {
      quote = c;
    } else if (c === 40 /* ( */) {
      if (++depth > EXPRESSION_DEPTH) {
        throw budgetError(file, `biểu thức con (…) lồng nhau quá ${n0(EXPRESSION_DEPTH)} tầng trong một thẻ`, lineAt(k));
      }
    } else if (c === 41 /* ) */) {
      depth -= 1;
    }
  }
}

/** A helper that writes to the console instead of the report: refused when the template is read. */
function logCall(ast: HbsNode): number | undefined {
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const child of node) stack.push(child);
      continue;
    }
    const n = node as HbsNode;
    if ((n.type === 'MustacheStatement' || n.type === 'SubExpression' || n.type === 'BlockStatement') && n.path?.original === 'log') {
      return n.loc?.start.line ?? 0;
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && value && typeof value === 'object') stack.push(value);
  }
  return undefined;
}

interface HbsNode {
  type: string;
  loc?: { start: { line: number } };
  name?: { type: string; original?: unknown };
  path?: { original?: unknown };
  params?: { type: string; value?: unknown }[];
  [key: string]: unknown;
}

/** Where each partial is called: its name, line, and the inline partial it is written in (if any). */
interface PartialCall {
  name: string;
  line: number;
  inside: string[];
}

/** Partials defined with {{#*inline "name"}} and partials called with {{> name}}, from the parsed template. */
function partialsOf(ast: HbsNode): { defined: Set<string>; calls: PartialCall[] } {
  const defined = new Set<string>();
  const calls: PartialCall[] = [];
  const visit = (node: unknown, inside: string[]): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child, inside);
      return;
    }
    const n = node as HbsNode;
    let scope = inside;
    if (n.type === 'DecoratorBlock' && n.path?.original === 'inline' && typeof n.params?.[0]?.value === 'string') {
      defined.add(n.params[0].value);
      scope = [...inside, n.params[0].value];
    }
    if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && n.name && n.name.type !== 'SubExpression') {
      const name = String(n.name.original);
      // A partial block ({{#> x}}…{{/x}}) falls back to its own content when x does not exist.
      if (n.type === 'PartialStatement') calls.push({ name, line: n.loc?.start.line ?? 0, inside });
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && value && typeof value === 'object') visit(value, scope);
  };
  visit(ast, []);
  return { defined, calls };
}

/** The line to blame for a partial: its call inside its own definition (recursion), else its first call. */
function partialLine(calls: PartialCall[], name: string | undefined): number | undefined {
  if (name === undefined) return undefined;
  return (calls.find((c) => c.name === name && c.inside.includes(name)) ?? calls.find((c) => c.name === name))?.line;
}

export function compileTemplate(text: string, file: string): LoadedTemplate {
  const source = text.replace(/\r\n?/g, '\n');
  checkTags(source, file);
  checkBareBlocks(source, file);
  let run: RenderRun | undefined;
  const env = environment(() => run);
  let compiled: Handlebars.TemplateDelegate;
  let calls: PartialCall[];
  try {
    const ast = env.parse(source) as unknown as HbsNode;
    const log = logCall(ast);
    if (log !== undefined) throw budgetError(file, 'không dùng được {{log}} trong mẫu báo cáo (nó ghi ra màn hình, không vào báo cáo)', log || undefined);
    const partials = partialsOf(ast);
    calls = partials.calls;
    const unknown = calls.find((c) => !partials.defined.has(c.name) && c.name !== '@partial-block');
    if (unknown) {
      throw budgetError(file, `không có mẫu con (partial) "${unknown.name.slice(0, 100)}"; mẫu con phải được khai báo trong chính mẫu bằng {{#*inline "${unknown.name.slice(0, 100)}"}}…{{/inline}}`, unknown.line);
    }
    // strict: a misspelt field is an error, not an empty string; noEscape: docx escapes XML itself.
    compiled = env.compile(source, { strict: true, noEscape: true });
    // Handlebars compiles lazily: compile now so that errors surface before any work is done.
    env.precompile(source, { strict: true, noEscape: true });
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    throw templateError(file, error, 'compile', source);
  }
  return {
    file,
    render: (data) => {
      run = { blockRuns: 0, blockChars: 0, partialDepth: 0, partialCalls: 0 };
      let out: string;
      try {
        out = compiled(data, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (error) {
        if (error instanceof TemplateError) throw error;
        if (error instanceof RenderStop) throw stopError(file, error, calls);
        throw templateError(file, error, 'render', source);
      } finally {
        run = undefined;
      }
      checkOutput(out, file);
      return out;
    },
  };
}

function stopError(file: string, stop: RenderStop, calls: PartialCall[]): TemplateError {
  const name = (stop.partial ?? '').slice(0, 100);
  switch (stop.kind) {
    case 'partialMissing':
      return budgetError(file, `không có mẫu con (partial) "${name}"`, partialLine(calls, stop.partial));
    case 'partialCalls':
      return budgetError(
        file,
        `các mẫu con (partial) được gọi quá ${n0(PARTIAL_CALLS)} lần, danvan dừng lại (có thể các mẫu con gọi lẫn nhau nhân số lần gọi lên quá nhiều)`,
        partialLine(calls, stop.partial),
      );
    case 'partialDepth':
      return budgetError(
        file,
        `mẫu con "${name}" được gọi lồng nhau quá ${n0(TEMPLATE_LIMITS.partialDepth)} tầng (có thể nó tự gọi lại chính nó không dừng)`,
        partialLine(calls, stop.partial),
      );
    case 'blockRuns':
      return budgetError(file, `các khối lặp chạy quá ${n0(TEMPLATE_LIMITS.blockRuns)} lần, danvan dừng lại (có thể các vòng {{#each}} lồng nhau nhân số lần lặp lên quá nhiều)`);
    case 'blockChars':
      return budgetError(file, `các khối tạo ra quá ${n0(TEMPLATE_LIMITS.blockChars)} ký tự, danvan dừng lại (có thể các vòng {{#each}} lồng nhau lặp lại nội dung quá nhiều)`);
  }
}

/** The rendered body must fit the report's budget: characters, lines, tables. */
function checkOutput(out: string, file: string): void {
  if (out.length > TEMPLATE_LIMITS.outputChars) {
    throw budgetError(file, `báo cáo tạo ra dài quá ${n0(TEMPLATE_LIMITS.outputChars)} ký tự, danvan dừng lại (có thể một vòng lặp của mẫu lặp lại nội dung quá nhiều, hoặc các tệp báo cáo có quá nhiều nội dung)`);
  }
  let lines = 1;
  for (let i = out.indexOf('\n'); i >= 0; i = out.indexOf('\n', i + 1)) {
    if (++lines > TEMPLATE_LIMITS.outputLines) {
      throw budgetError(file, `báo cáo tạo ra quá ${n0(TEMPLATE_LIMITS.outputLines)} dòng (đoạn văn), danvan dừng lại (có thể một vòng lặp của mẫu lặp lại nội dung quá nhiều, hoặc các tệp báo cáo có quá nhiều nội dung)`);
    }
  }
  let tables = 0;
  for (let i = out.indexOf('[[bang:'); i >= 0; i = out.indexOf('[[bang:', i + 1)) {
    if (++tables > TEMPLATE_LIMITS.tables) {
      throw budgetError(file, `báo cáo chèn quá ${n0(TEMPLATE_LIMITS.tables)} bảng [[bang:…]] (mẫu có sẵn chèn 2)`);
    }
  }
}

export function loadTemplate(path: string, displayName = path): LoadedTemplate {
  let source: string;
  try {
    // Only a regular file (a FIFO would block), at most TEMPLATE_LIMITS.fileBytes, and only UTF-8.
    source = readUtf8File(path, TEMPLATE_LIMITS.fileBytes);
  } catch (error) {
    if (error instanceof FileReadError) throw new TemplateError(fileReadProblem('mẫu báo cáo', displayName, error, TEMPLATE_LIMITS.fileBytes));
    throw error;
  }
  return compileTemplate(source.normalize('NFC'), displayName);
}

export function builtinTemplatePath(final: boolean): string {
  return join(TEMPLATES_DIR, final ? BUILTIN_TEMPLATES.final : BUILTIN_TEMPLATES.interim);
}

/**
 * Budgets of templates and configs: size, UTF-8, regular files only, tags and nesting at compile time,
 * partials, and the render budget that stops a runaway loop. The hostile cases come from
 * scripts/hostile-inputs.mjs; each must end quickly in a Vietnamese TemplateError or ConfigError.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MISSING_PARTIAL_TEMPLATE,
  RECURSIVE_PARTIAL_TEMPLATE,
  bigStringConfig,
  bigTemplate,
  latin1Config,
  manyIndicatorsConfig,
  manyTagsTemplate,
  manyUnitsConfig,
  nestedBlocksTemplate,
  nestedLoopsTemplate,
} from '../../scripts/hostile-inputs.mjs';
import { ConfigError, TemplateError } from '../../src/diagnostics/errors.js';
import { loadConfig } from '../../src/config/load.js';
import { CONFIG_LIMITS } from '../../src/config/limits.js';
import { compileTemplate, loadTemplate } from '../../src/render/template.js';
import { readBatchFile } from '../../src/batch/batch-file.js';
import { BatchFileError } from '../../src/batch/json.js';
import { TEMPLATE_LIMITS } from '../../src/render/limits.js';

const dir = mkdtempSync(join(tmpdir(), 'danvan-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, data: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/**
 * The error `fn` throws; fails when it does not throw. A budget is checked by what it counts (bytes, tags, depth,
 * runs, characters), never by the time it took: a busy machine must not fail the suite.
 */
function failure(fn: () => unknown): { error: Error } {
  try {
    fn();
  } catch (error) {
    return { error: error as Error };
  }
  throw new Error('did not throw');
}

const units = Array.from({ length: 15 }, (_, i) => ({ name: `Đơn vị ${i + 1}` }));
const data = { units: { valid: units }, period: { name: 'quý I năm 2023' } };

describe('template budgets', () => {
  it('a template file over the size limit is refused without being read whole (the issue: 60 MB)', () => {
    const path = file('lon.hbs', bigTemplate(60 * 1024 * 1024));
    const { error } = failure(() => loadTemplate(path, 'lon.hbs'));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.message).toBe('Mẫu báo cáo lon.hbs quá lớn (giới hạn 256 KB; mẫu có sẵn chỉ khoảng 7 KB). Có thể đã chỉ nhầm tệp.');
  });

  it('too many tags (the issue: 2 million) are refused before Handlebars parses them', () => {
    const { error } = failure(() => compileTemplate(manyTagsTemplate(2_000_000), 'the.hbs'));
    expect(error.message).toMatch(/^Mẫu báo cáo the\.hbs, dòng 1: quá nhiều thẻ \{\{…\}\} \(giới hạn 5\.000 thẻ/);
    expect(() => compileTemplate(manyTagsTemplate(TEMPLATE_LIMITS.tags), 'ok.hbs')).not.toThrow();
  });

  it('blocks nested too deep (the issue: 20,000) are refused at compile time, naming the line', () => {
    const { error } = failure(() => compileTemplate(`# Phần\n\n${nestedBlocksTemplate(20_000)}`, 'long.hbs'));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.message).toBe('Mẫu báo cáo long.hbs, dòng 3: các khối {{#…}} lồng nhau quá 32 tầng (mẫu có sẵn lồng 4 tầng).');
    expect(compileTemplate(nestedBlocksTemplate(TEMPLATE_LIMITS.blockDepth), 'ok.hbs').render({})).toBe('x');
    // Comments and escaped mustaches are not blocks.
    expect(compileTemplate(`{{!-- ${'{{#if a}}'.repeat(100)} --}}\\{{#x}}y`, 'c.hbs').render({})).toBe('{{#x}}y');
  });

  it('loops nested 7 deep stop at the render budget (runs or characters counted) with a message', () => {
    const template = compileTemplate(nestedLoopsTemplate(7), 'vong.hbs');
    const { error } = failure(() => template.render(data));
    expect(error).toBeInstanceOf(TemplateError);
    // Whichever budget the loops reach first: runs of block bodies, or characters they produce.
    expect(error.message).toMatch(/^Mẫu báo cáo vong\.hbs: các khối (lặp chạy quá 1\.000\.000 lần|tạo ra quá 50\.000\.000 ký tự), danvan dừng lại/);
    // Two levels are an ordinary template.
    expect(compileTemplate(nestedLoopsTemplate(2), 'ok.hbs').render(data)).toContain('Đơn vị 15');
  });

  it('output budgets: characters, lines, tables', () => {
    const big = { text: 'x'.repeat(1_000_000) };
    expect(failure(() => compileTemplate('{{text}}{{text}}{{text}}{{text}}', 'c.hbs').render(big)).error.message).toContain('dài quá 3.000.000 ký tự');
    expect(compileTemplate('{{text}}{{text}}{{text}}', 'c.hbs').render(big)).toHaveLength(3_000_000);
    const lines = { list: Array.from({ length: 30_000 }, (_, i) => i) };
    expect(failure(() => compileTemplate('{{#each list}}{{this}}\n{{/each}}', 'l.hbs').render(lines)).error.message).toContain('quá 30.000 dòng');
    expect(failure(() => compileTemplate('[[bang:chi-tieu]]\n'.repeat(21), 't.hbs').render({})).error.message).toContain('quá 20 bảng');
  });

  it('a missing partial is named with its line, at compile time and at render time', () => {
    const { error } = failure(() => compileTemplate(MISSING_PARTIAL_TEMPLATE, 'thieu.hbs'));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.message).toMatch(/^Mẫu báo cáo thieu\.hbs, dòng 3: không có mẫu con \(partial\) "khong-co"/);
    const dynamic = compileTemplate('a\n{{> (lookup . "ten")}}', 'dong.hbs');
    expect(failure(() => dynamic.render({ ten: 'khong-co' })).error.message).toBe('Mẫu báo cáo dong.hbs: không có mẫu con (partial) "khong-co".');
    // A partial block falls back to its own content; a defined partial works.
    expect(compileTemplate('{{#> khong-co}}mặc định{{/khong-co}}', 'p.hbs').render({})).toBe('mặc định');
    expect(compileTemplate('{{#*inline "dv"}}[{{name}}]{{/inline}}{{#each units.valid}}{{> dv}}{{/each}}', 'p.hbs').render(data)).toContain('[Đơn vị 1][Đơn vị 2]');
  });

  it('a partial that calls itself stops at the nesting limit, naming the line of the call', () => {
    const template = compileTemplate(RECURSIVE_PARTIAL_TEMPLATE, 'de-quy.hbs');
    const { error } = failure(() => template.render({}));
    expect(error.message).toBe('Mẫu báo cáo de-quy.hbs, dòng 1: mẫu con "vong" được gọi lồng nhau quá 16 tầng (có thể nó tự gọi lại chính nó không dừng).');
  });

  it('a template that is not UTF-8 is refused with the byte offset; a byte order mark is fine', () => {
    const { error } = failure(() => loadTemplate(file('latin1.hbs', Buffer.from('# Ph\u00e2n\n', 'latin1')), 'latin1.hbs'));
    expect(error.message).toBe(
      'Mẫu báo cáo latin1.hbs không phải văn bản UTF-8 (byte thứ 4 tính từ 0 không hợp lệ). Hãy lưu lại tệp với bảng mã UTF-8 (trong Notepad: Lưu thành → Mã hóa: UTF-8).',
    );
    expect(loadTemplate(file('bom.hbs', '\ufeff{{period.name}}'), 'bom.hbs').render(data)).toBe('quý I năm 2023');
  });
});

describe('config budgets', () => {
  it('a config over the size limit (the issue: a 50 MB string) is refused at once', () => {
    const path = file('lon.json', bigStringConfig(50 * 1024 * 1024));
    const { error } = failure(() => loadConfig(path));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain('quá lớn (giới hạn 1 MB; cấu hình mẫu chỉ khoảng 4 KB)');
  });

  it('indicators and units are capped far above real use (the issue: 20,000 indicators)', () => {
    // The 20,000 indicators are 1.2 MB: over the file limit already.
    const { error } = failure(() => loadConfig(file('ct.json', manyIndicatorsConfig(20_000))));
    expect(error).toBeInstanceOf(ConfigError);
    expect(failure(() => loadConfig(file('ct-501.json', manyIndicatorsConfig(CONFIG_LIMITS.indicators + 1)))).error.message).toContain(
      'indicators.items: nhiều nhất 500 mục',
    );
    expect(loadConfig(file('ct-ok.json', manyIndicatorsConfig(CONFIG_LIMITS.indicators))).config.indicators.items).toHaveLength(500);
    expect(failure(() => loadConfig(file('dv.json', manyUnitsConfig(CONFIG_LIMITS.units + 1)))).error.message).toContain('units: nhiều nhất 5000 mục');
  });

  it('a config that is not UTF-8 is refused with the byte offset, not read as "Ban D�n vận"', () => {
    const { error } = failure(() => loadConfig(file('latin1.json', latin1Config())));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain('không phải văn bản UTF-8 (byte thứ 34 tính từ 0 không hợp lệ)');
    expect(loadConfig(file('bom.json', '\ufeff{ "organization": { "name": "Ban Dân vận" } }')).config.organization.name).toBe('Ban Dân vận');
  });

  it.skipIf(process.platform === 'win32')('a FIFO or a folder given as config, template or batch file is refused at once, never waited on', () => {
    const fifo = join(dir, 'ong-dan');
    execFileSync('mkfifo', [fifo]);
    for (const load of [() => loadConfig(fifo), () => loadTemplate(fifo, 'ong-dan'), () => loadConfig(dir), () => loadTemplate(dir, 'thu-muc')]) {
      const { error } = failure(load);
      expect(error.message).toMatch(/không phải một tệp thường/);
    }
    const { error } = failure(() => readBatchFile(fifo));
    expect(error).toBeInstanceOf(BatchFileError);
    expect(error.message).toContain('không phải là tệp lô');
  });

  it('a batch file that is not UTF-8 is refused with the byte offset', () => {
    const { error } = failure(() => readBatchFile(file('lo.json', Buffer.from('{ "jobs": [ { "name": "Qu\u00fd I" } ] }', 'latin1'))));
    expect(error.message).toContain('không phải văn bản UTF-8 (byte thứ 25 tính từ 0 không hợp lệ)');
  });
});

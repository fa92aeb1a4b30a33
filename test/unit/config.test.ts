import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueOf, defaultConfig, parseConfig } from '../../src/config/load.js';
import { JsoncSyntaxError, parseJsonc, stripJsonComments } from '../../src/config/jsonc.js';
import { ConfigError } from '../../src/diagnostics/errors.js';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';

function configError(source: string, file = 'danvan.config.json'): ConfigError {
  try {
    parseConfig(source, file);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('parseConfig did not throw');
}

describe('parseJsonc', () => {
  it('accepts // and /* */ comments, trailing commas and a BOM', () => {
    const source = '\uFEFF// đầu tệp\n{\n  /* khối\n chú thích */ "a": 1, // cuối dòng\n  "b": [1, 2,],\n}\n';
    expect(parseJsonc(source)).toEqual({ a: 1, b: [1, 2] });
  });
  it('keeps // and /* inside strings', () => {
    expect(parseJsonc('{"url": "http://x.vn/*a*/", "s": "a\\"//b"}')).toEqual({ url: 'http://x.vn/*a*/', s: 'a"//b' });
  });
  it('keeps a comma inside a string before a bracket', () => {
    expect(parseJsonc('{"s": ",]"}')).toEqual({ s: ',]' });
  });
  it('blanking comments keeps line breaks so positions stay right', () => {
    const src = '{/* a\nb */"x": 1}';
    expect(stripJsonComments(src).split('\n')).toHaveLength(2);
  });
  it('a syntax error carries line and column', () => {
    let error: unknown;
    try {
      parseJsonc('{\n  "a": 1\n  "b": 2\n}');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JsoncSyntaxError);
    expect((error as JsoncSyntaxError).line).toBe(3);
    expect((error as JsoncSyntaxError).column).toBe(3);
  });
});

describe('parseConfig', () => {
  it('the starter config parses', () => {
    const source = readFileSync(new URL('../../templates/danvan.config.json', import.meta.url), 'utf8');
    const config = parseConfig(source, 'danvan.config.json');
    // The registry ships empty (its example is commented out), so that a new user's run treats no unit as unknown.
    expect(config.units).toEqual([]);
    const uncommented = source.replace(/\/\/ (\{ "code")/g, '$1').replace(/("group": "Các huyện ủy, thành ủy" \}),\n(\s*)\{/, '$1,\n$2{');
    expect(parseConfig(uncommented, 'danvan.config.json').units.map((u) => u.code)).toEqual(['HU_DONGHOA', 'MTTQ']);
    expect(config.signer.title).toBe('TRƯỞNG BAN');
    expect(config.layout).toBe('hd36');
  });
  it('accepts comments, trailing commas and a BOM', () => {
    const config = parseConfig('\uFEFF{ // x\n "signer": { "name": "Nguyễn Văn An", }, /* y */ }', 'c.json');
    expect(config.signer.name).toBe('Nguyễn Văn An');
    expect(config.signer.title).toBe('TRƯỞNG BAN');
  });
  it('an unknown key names its parent and the key', () => {
    const error = configError('{"signer": {"nmae": "x"}}');
    expect(error.message).toContain('signer');
    expect(error.message).toContain('"nmae"');
    expect(error.message).toContain('danvan.config.json');
  });
  it('an unknown top-level key is named', () => {
    expect(configError('{"unit": []}').message).toContain('"unit"');
  });
  it('a wrong type names the key path', () => {
    const error = configError('{"units": [{"code": 5, "name": "A"}]}');
    expect(error.message).toContain('units[0].code');
    expect(error.message).toContain('chuỗi');
    expect(configError('{"maxFileMB": "20"}').message).toContain('maxFileMB');
  });
  it('a wrong enum value lists the accepted ones', () => {
    const error = configError('{"layout": "nd31"}');
    expect(error.message).toContain('layout');
    expect(error.message).toContain('"hd36"');
  });
  it('every problem is listed', () => {
    const error = configError('{"layout": 1, "signer": {"nmae": "x"}}');
    expect(error.message).toContain('2 lỗi');
  });
  it('duplicate unit codes are rejected (case-insensitive after upper-casing)', () => {
    const error = configError('{"units": [{"code": "MTTQ", "name": "A"}, {"code": "mttq", "name": "B"}]}');
    expect(error.message).toContain('units[1].code');
    expect(error.message).toContain('MTTQ');
  });
  it('unit codes are upper-cased and group defaults to ""', () => {
    expect(parseConfig('{"units": [{"code": "hu_a", "name": "A"}]}', 'c').units).toEqual([{ code: 'HU_A', name: 'A', group: '' }]);
  });
  it('invalid JSON gives line and column', () => {
    const error = configError('{\n  "signer": {\n    "name": "x"\n    "title": "y"\n  }\n}');
    expect(error.message).toMatch(/dòng 4, cột \d+/);
    expect(error.message).toContain('danvan.config.json');
  });
  it('a bad document date is rejected with its key', () => {
    expect(configError('{"document": {"date": "2023-04-05"}}').message).toContain('document.date');
  });
  it('extending with a code of the default catalogue is rejected', () => {
    const error = configError('{"indicators": {"items": [{"code": "TT_BUOI", "name": "x", "unit": "y"}]}}');
    expect(error.message).toContain('indicators.items[0].code');
  });
});

describe('defaultConfig and catalogueOf', () => {
  it('defaultConfig works with no file', () => {
    const config = defaultConfig();
    expect(config.units).toEqual([]);
    expect(config.organization.issuingBody).toBe('BAN DÂN VẬN');
    expect(config.indicators.mode).toBe('extend');
    expect(config.maxFileMB).toBe(20);
    expect(catalogueOf(config)).toEqual([...DEFAULT_CATALOGUE]);
  });
  it('extend appends to the default catalogue', () => {
    const config = parseConfig('{"indicators": {"items": [{"code": "HV_MOI", "name": "Hội viên mới", "unit": "người"}]}}', 'c');
    const catalogue = catalogueOf(config);
    expect(catalogue).toHaveLength(DEFAULT_CATALOGUE.length + 1);
    // "người" makes it a count without saying so; a flow unless declared a stock.
    expect(catalogue.at(-1)).toEqual({ code: 'HV_MOI', name: 'Hội viên mới', unit: 'người', kind: 'count', aggregation: 'flow' });
    expect(catalogue[0]!.code).toBe('DVK_MH_MOI');
  });
  it('an added indicator takes its kind from its unit where obvious, or as declared', () => {
    const items = [
      { code: 'A', name: 'Tiền hỗ trợ', unit: 'tỷ đồng' },
      { code: 'B', name: 'Đường bê tông', unit: 'km' },
      { code: 'C', name: 'Hộ thoát nghèo', unit: 'hộ' },
      { code: 'D', name: 'Mô hình duy trì', unit: 'mô hình', aggregation: 'stock' },
      { code: 'E', name: 'Suất quà', unit: 'phần', kind: 'count' },
      { code: 'F', name: 'Tỷ lệ', unit: '%', derived: { numerator: 'C', denominator: 'D' } },
    ];
    const catalogue = catalogueOf(parseConfig(JSON.stringify({ indicators: { items } }), 'c')).slice(DEFAULT_CATALOGUE.length);
    expect(catalogue.map((i) => [i.code, i.kind, i.aggregation])).toEqual([
      ['A', 'amount', 'flow'],
      ['B', 'amount', 'flow'],
      ['C', 'count', 'flow'],
      ['D', 'count', 'stock'],
      ['E', 'count', 'flow'],
      ['F', 'ratio', 'flow'],
    ]);
  });
  it('refuses an added indicator whose kind cannot be told, naming the key', () => {
    const undeclared = () => parseConfig('{"indicators": {"items": [{"code": "X", "name": "Chỉ số", "unit": "điểm số"}]}}', 'c');
    expect(undeclared).toThrow(/indicators\.items\[0\]\.kind: chưa rõ chỉ tiêu "X"/);
    const ratioTyped = () => parseConfig('{"indicators": {"items": [{"code": "X", "name": "Tỷ lệ", "unit": "%"}]}}', 'c');
    expect(ratioTyped).toThrow(/indicators\.items\[0\]\.kind/);
    const countDerived = () =>
      parseConfig('{"indicators": {"items": [{"code": "X", "name": "x", "unit": "người", "kind": "count", "derived": {"numerator": "TT_BUOI", "denominator": "TT_LUOT"}}]}}', 'c');
    expect(countDerived).toThrow(/nên là tỷ lệ/);
  });
  it('replace uses only the given items', () => {
    const config = parseConfig(
      '{"indicators": {"mode": "replace", "items": [{"code": "TT_BUOI", "name": "Buổi", "unit": "buổi"}, {"code": "A", "name": "a", "unit": "u", "derived": {"numerator": "TT_BUOI", "denominator": "TT_BUOI"}}]}}',
      'c',
    );
    const catalogue = catalogueOf(config);
    expect(catalogue.map((i) => i.code)).toEqual(['TT_BUOI', 'A']);
    expect(catalogue[1]!.derived).toEqual({ numerator: 'TT_BUOI', denominator: 'TT_BUOI' });
  });
  it('an indicator code must be upper case without diacritics', () => {
    expect(configError('{"indicators": {"items": [{"code": "hv mới", "name": "x", "unit": "y"}]}}').message).toContain('indicators.items[0].code');
  });
});

describe('config errors are Vietnamese and precise', () => {
  it('a number out of range and a derived indicator over an unknown code', async () => {
    const { parseConfig } = await import('../../src/config/load.js');
    expect(() => parseConfig('{ "maxFileMB": 0 }', 'c.json')).toThrow('maxFileMB: phải lớn hơn 0');
    expect(() =>
      parseConfig('{ "indicators": { "items": [ { "code": "HV_TL", "name": "Tỷ lệ", "unit": "%", "derived": { "numerator": "HV_MOI", "denominator": "HV_TONG" } } ] } }', 'c.json'),
    ).toThrow('indicators.items[0].derived.numerator: không có chỉ tiêu "HV_MOI" trong danh mục');
  });
});

describe('a missing key is told apart from a value of the wrong type', () => {
  it('names the key, and what it needs', () => {
    const error = configError('{ "units": [{ "code": "A", "group": "x" }], "report": { "similarity": "cao" }, "nmae": 1 }', 'c.json');
    expect(error.message.split('\n').slice(1)).toEqual([
      '  - units[0].name: thiếu (bắt buộc)',
      '  - report.similarity: sai kiểu dữ liệu (cần số)',
      '  - khóa không được hỗ trợ "nmae" (có thể gõ nhầm tên)',
    ]);
    expect(configError('{ "report": { "namesUpTo": 2.5 } }').message).toContain('report.namesUpTo: sai kiểu dữ liệu (cần số nguyên)');
    expect(configError('{ "indicators": { "mode": "replace" } }').message).toContain('indicators.items: với "mode": "replace" phải khai báo ít nhất một chỉ tiêu');
    expect(configError('{ "units": [{ "code": "A", "name": null }] }', 'c.json').message).toContain('units[0].name: sai kiểu dữ liệu (cần chuỗi chữ)');
  });
});

describe('zod never speaks English to a user', () => {
  it('its fallback messages are Vietnamese once our schemas are loaded', async () => {
    await import('../../src/config/schema.js');
    const { z } = await import('zod');
    const issue = z.object({ a: z.string() }).safeParse({ a: 1 }).error!.issues[0]!;
    expect(issue.message).not.toMatch(/Invalid|expected/);
    expect(issue.message).toMatch(/không hợp lệ|Đầu vào/i);
  });
});

describe('the starter config', () => {
  it('gives a document.basis example that is a whole opening sentence, and invents no frame', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../../templates/danvan.config.json', import.meta.url), 'utf8');
    // The example sits in the comment above "basis": the quoted text, joined over its lines.
    const comment = source.slice(0, source.indexOf('"basis"')).split('\n').slice(-3).join(' ');
    const example = /ví dụ: "(.*?)"/s.exec(comment.replace(/\s*\/\/\s*/g, ' '))![1]!;
    expect(example).toMatch(/^Thực hiện .*, Ban Dân vận Tỉnh ủy báo cáo .* như sau:$/);
    expect(example).not.toContain('…');
    const config = parseConfig(source, 'danvan.config.json');
    expect(config.organization.superiorBody).toContain('…');
    expect(config.organization.place).toContain('…');
  });
});

import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkup, splitFrontMatter } from '../../src/document/markup.js';
import type { Block, HeadingBlock } from '../../src/model/doc-model.js';

const noTables = () => undefined;
const headings = (blocks: Block[]) =>
  blocks.filter((b): b is HeadingBlock => b.type === 'heading').map((h) => `${h.number} ${h.text}`);

describe('parseMarkup numbering', () => {
  const body = [
    '# kết quả đạt được',
    '## Lãnh đạo',
    'Đoạn 1.',
    '### điểm một',
    'Đoạn a.',
    '### điểm hai',
    'Đoạn b.',
    '## Chính quyền',
    'Đoạn 2.',
    '# hạn chế, nguyên nhân',
    '## Hạn chế',
    'Đoạn 3.',
    '## Nguyên nhân',
    'Đoạn 4.',
  ].join('\n');
  const { blocks, unknownTables } = parseMarkup(body, noTables);

  it('numbers parts I., II.; sections 1., 2. restarting under each part; points a), b)', () => {
    expect(headings(blocks)).toEqual([
      'I. KẾT QUẢ ĐẠT ĐƯỢC',
      '1. Lãnh đạo',
      'a) điểm một',
      'b) điểm hai',
      '2. Chính quyền',
      'II. HẠN CHẾ, NGUYÊN NHÂN',
      '1. Hạn chế',
      '2. Nguyên nhân',
    ]);
    expect(unknownTables).toEqual([]);
  });
  it('keeps levels and paragraphs in order', () => {
    expect(blocks.map((b) => (b.type === 'heading' ? `h${b.level}` : b.type))).toEqual([
      'h1', 'h2', 'paragraph', 'h3', 'paragraph', 'h3', 'paragraph', 'h2', 'paragraph', 'h1', 'h2', 'paragraph', 'h2', 'paragraph',
    ]);
  });
  it('upper-cases level 1 in Vietnamese', () => {
    const { blocks: b } = parseMarkup('# kết quả\nx', noTables);
    expect((b[0] as HeadingBlock).text).toBe('KẾT QUẢ');
    const { blocks: c } = parseMarkup('# đổi mới\nx', noTables);
    expect((c[0] as HeadingBlock).text).toBe('ĐỔI MỚI');
  });
  it('the fourth point is đ) in Vietnamese lettering', () => {
    const { blocks: b } = parseMarkup('## s\n### a\nx\n### b\nx\n### c\nx\n### d\nx\n### e\nx', noTables);
    expect(headings(b).slice(1).map((h) => h.split(' ')[0])).toEqual(['a)', 'b)', 'c)', 'd)', 'đ)']);
  });
});

describe('empty headings', () => {
  it('a section with nothing until the next section disappears without a gap in numbering', () => {
    const { blocks } = parseMarkup('# Phần\n## Một\nnội dung\n## Rỗng\n## Ba\nnội dung', noTables);
    expect(headings(blocks)).toEqual(['I. PHẦN', '1. Một', '2. Ba']);
  });
  it('a part whose sections are all empty disappears, and the next part becomes I.', () => {
    const { blocks } = parseMarkup('# A\n## x\n## y\n# B\nnội dung', noTables);
    expect(headings(blocks)).toEqual(['I. B']);
  });
  it('a heading at the end with nothing after it disappears', () => {
    const { blocks } = parseMarkup('# A\nx\n## cuối', noTables);
    expect(headings(blocks)).toEqual(['I. A']);
  });
  it('blank lines are not content', () => {
    const { blocks } = parseMarkup('# A\n\n   \n# B\ny', noTables);
    expect(headings(blocks)).toEqual(['I. B']);
  });
});

describe('inline runs', () => {
  it('**bold** and *italic*', () => {
    expect(parseInline('Tổng số **22 buổi**, *tăng 10%* so với cùng kỳ.')).toEqual([
      { text: 'Tổng số ' },
      { text: '22 buổi', bold: true },
      { text: ', ' },
      { text: 'tăng 10%', italic: true },
      { text: ' so với cùng kỳ.' },
    ]);
  });
  it('plain text is one run; a paragraph carries its runs', () => {
    expect(parseInline('không có gì')).toEqual([{ text: 'không có gì' }]);
    const { blocks } = parseMarkup('  **Đậm** thường  ', noTables);
    expect(blocks).toEqual([{ type: 'paragraph', runs: [{ text: 'Đậm', bold: true }, { text: ' thường' }] }]);
  });
});

describe('tables', () => {
  const table: Block = { type: 'table', columns: [{ header: 'A', width: 1, align: 'left' }], rows: [{ cells: ['1'] }] };
  it('[[bang:chi-tieu]] is resolved through the resolver and counts as content', () => {
    const asked: string[] = [];
    const { blocks, unknownTables } = parseMarkup('## Chỉ tiêu\n[[bang:chi-tieu]]', (name) => {
      asked.push(name);
      return name === 'chi-tieu' ? [table] : undefined;
    });
    expect(asked).toEqual(['chi-tieu']);
    expect(blocks).toEqual([{ type: 'heading', level: 2, number: '1.', text: 'Chỉ tiêu' }, table]);
    expect(unknownTables).toEqual([]);
  });
  it('unknown table names are reported', () => {
    const { blocks, unknownTables } = parseMarkup('x\n[[bang:khong-co]]\n[[bang:mo-hinh]]', () => undefined);
    expect(unknownTables).toEqual(['khong-co', 'mo-hinh']);
    expect(blocks).toHaveLength(1);
  });
});

describe('splitFrontMatter', () => {
  it('reads key: value pairs and returns the rest as body', () => {
    const { front, body } = splitFrontMatter('---\ntrich-yeu: sơ kết công tác dân vận quý I năm 2023\nky: 2023-Q1\n---\n# Phần\nx');
    expect(front).toEqual({ 'trich-yeu': 'sơ kết công tác dân vận quý I năm 2023', ky: '2023-Q1' });
    expect(body).toBe('# Phần\nx');
  });
  it('no front matter: empty front, body unchanged', () => {
    expect(splitFrontMatter('# Phần\nx')).toEqual({ front: {}, body: '# Phần\nx' });
  });
  it('a value may contain a colon', () => {
    expect(splitFrontMatter('---\ntrich-yeu: a: b\n---\n').front['trich-yeu']).toBe('a: b');
  });
  it('accepts Windows line endings (a template saved by Notepad)', () => {
    const { front, body } = splitFrontMatter('---\r\ntrich-yeu: sơ kết\r\n---\r\n# Phần\r\n');
    expect(front['trich-yeu']).toBe('sơ kết');
    expect(body.trim()).toBe('# Phần');
  });
});

describe('what units typed is never read as markup', () => {
  it('stars, hashes, brackets and line breaks in data print as typed', async () => {
    const { escapeMarkup, parseMarkup } = await import('../../src/document/markup.js');
    const typed = 'Hỗ trợ 5*3 hộ và 2*4 hộ\n# không phải tiêu đề [[bang:chi-tieu]] \\ hết';
    const { blocks } = parseMarkup(`## Mục\n- ${escapeMarkup(typed)} (**Hội Nông dân**).`, () => []);
    expect(blocks).toHaveLength(2);
    const paragraph = blocks[1]!;
    expect(paragraph.type).toBe('paragraph');
    if (paragraph.type !== 'paragraph') return;
    expect(paragraph.runs).toEqual([
      { text: '- Hỗ trợ 5*3 hộ và 2*4 hộ # không phải tiêu đề [[bang:chi-tieu]] \\ hết (' },
      { text: 'Hội Nông dân', bold: true },
      { text: ').' },
    ]);
  });

  it('the template view escapes every string it hands over', async () => {
    const { buildView } = await import('../../src/render/view.js');
    const { aggregateReport } = await import('../../src/aggregate/aggregate.js');
    const { defaultConfig } = await import('../../src/config/load.js');
    const { DEFAULT_CATALOGUE } = await import('../../src/domain/catalogue.js');
    const submission = {
      file: 'a.xlsx',
      info: { unitCode: 'A', unitName: 'Đơn vị *A*', period: '2023-Q1', reportDate: '2023-04-01' },
      figures: {},
      figureSources: {},
      sheets: {},
      results: [{ field: 'Khác' as const, content: 'Tăng 5*3\n# lần', row: 3 }],
      limitations: [], tasks: [], proposals: [], models: [],
    };
    const model = aggregateReport({
      period: '2023-Q1',
      files: [{ file: 'a.xlsx', valid: true, unit: 'A', period: '2023-Q1', reportDate: '2023-04-01', modifiedMs: 0, unitCell: 'B2', periodCell: 'B4', errors: [], warnings: [], submission }],
      catalogue: DEFAULT_CATALOGUE,
      registry: [],
    });
    const view = buildView(model, defaultConfig());
    expect(view.resultsById.KHAC!.items[0]!.text).toBe('Tăng 5\\*3 \\# lần');
    expect(view.units.valid[0]!.name).toBe('Đơn vị \\*A\\*');
  });

  it('the view is the JSON round trip of the data with every string escaped, shared objects copied once', async () => {
    const { plainCopy } = await import('../../src/render/view.js');
    const { escapeMarkup } = await import('../../src/document/markup.js');
    const group = { id: 'KHAC', items: [{ text: 'a*b\n#c', units: [{ code: 'A', name: '[x]' }], score: Number.NaN }] };
    const data = {
      results: [group],
      resultsById: { KHAC: group },
      dropped: undefined,
      fn: () => 1,
      list: [1, undefined, Number.POSITIVE_INFINITY, null, true, 'x\\y'],
      when: new Date(Date.UTC(2023, 3, 1)),
      empty: {},
    };
    const reference = JSON.parse(JSON.stringify(data), (_k, v: unknown) => (typeof v === 'string' ? escapeMarkup(v) : v));
    const copy = plainCopy(data) as typeof data;
    expect(copy).toEqual(reference);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(reference));
    // One copy for the object reached twice; never the original.
    expect(copy.resultsById.KHAC).toBe(copy.results[0]);
    expect(copy.results[0]).not.toBe(group);
  });
});

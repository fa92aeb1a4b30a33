import { describe, expect, it } from 'vitest';
import { TemplateError } from '../../src/diagnostics/errors.js';
import { thrown } from '../helpers/thrown.js';
import { formatChange, formatDateLong, formatDateShort, formatNumber, formatPercent, joinList } from '../../src/render/format.js';
import { compileTemplate } from '../../src/render/template.js';
import type { IndicatorTotal } from '../../src/model/report-model.js';

describe('formatNumber', () => {
  it('uses "." for thousands and "," for decimals', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(0.125)).toBe('0,13');
    expect(formatNumber(-3)).toBe('-3');
    expect(formatNumber(-1234.56)).toBe('-1.234,56');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1000)).toBe('1.000');
  });
  it('drops trailing zeros and honours the decimals argument', () => {
    expect(formatNumber(2.5, 2)).toBe('2,5');
    expect(formatNumber(2.499, 0)).toBe('2');
    expect(formatNumber(1560.85)).toBe('1.560,85');
  });
  it('never prints "-0"', () => {
    expect(formatNumber(-0.001)).toBe('0');
  });
});

describe('formatPercent / formatChange', () => {
  it('one decimal with a comma', () => {
    expect(formatPercent(95.238)).toBe('95,2%');
    expect(formatPercent(100 / 1.2)).toBe('83,3%');
    expect(formatPercent(100)).toBe('100%');
  });
  it('describes a change', () => {
    expect(formatChange({ direction: 'up', percent: 12.5, delta: 5 })).toBe('tăng 12,5% so với cùng kỳ');
    expect(formatChange({ direction: 'down', percent: null, delta: -8 }, 'mô hình')).toBe('giảm 8 mô hình so với cùng kỳ');
    expect(formatChange({ direction: 'same', percent: 0, delta: 0 })).toBe('bằng cùng kỳ');
  });
});

describe('dates and lists', () => {
  it('formatDateLong pads day < 10 and months 1–2 only', () => {
    expect(formatDateLong('2023-01-09')).toBe('ngày 09 tháng 01 năm 2023');
    expect(formatDateLong('2023-04-05')).toBe('ngày 05 tháng 4 năm 2023');
    expect(formatDateLong('2023-02-28')).toBe('ngày 28 tháng 02 năm 2023');
    expect(formatDateLong('2023-12-25')).toBe('ngày 25 tháng 12 năm 2023');
  });
  it('formatDateShort', () => {
    expect(formatDateShort('2023-01-09')).toBe('09/01/2023');
  });
  it('joinList', () => {
    expect(joinList([])).toBe('');
    expect(joinList(['a'])).toBe('a');
    expect(joinList(['a', 'b'])).toBe('a và b');
    // Names holding "và" are set apart by semicolons (an outside tester read "… và Đào tạo và Ủy ban nhân dân huyện").
    expect(joinList(['Phòng Giáo dục và Đào tạo', 'Ủy ban nhân dân huyện'])).toBe('Phòng Giáo dục và Đào tạo; Ủy ban nhân dân huyện');
    expect(joinList(['Hội Nông dân', 'Sở Nông nghiệp và Phát triển nông thôn', 'Huyện đoàn'])).toBe('Hội Nông dân; Sở Nông nghiệp và Phát triển nông thôn; Huyện đoàn');
    expect(joinList(['a', 'b', 'c'])).toBe('a, b và c');
    expect(joinList(['a', 'b'], 'hoặc')).toBe('a hoặc b');
  });
});

describe('compileTemplate errors', () => {
  it('an unclosed {{#if}} is a TemplateError naming the file and the line', () => {
    const error = thrown(() => compileTemplate('# Kết quả\nđoạn văn\n{{#if x}}\ncó x\nhết', 'mau-cua-toi.hbs'));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.message).toContain('mau-cua-toi.hbs');
    expect(error.message).toMatch(/dòng (3|5)\b/);
  });
  it('a syntax error message says what is wrong, not only "Parse error on line n:"', () => {
    const error = thrown(() => compileTemplate('a\nb\n{{#if x}}\nc\nd', 'mau.hbs'));
    expect(error.message).not.toMatch(/Parse error on line \d+:\.?$/);
  });
  it.each([
    ['Xin chào {{ten}\ndòng hai', /ký tự không hợp lệ.*cuối đoạn “\{\{ten\}”/],
    ['a\n{{ten}}}', /thừa dấu \}/],
    ['a\n{{> }}', /thiếu tên hoặc giá trị/],
    ['a\n{{!-- chưa đóng', /không đọc được/],
    ['a\n{{a "b}}', /dấu ngoặc kép chưa đóng/],
  ])('a syntax error is told in Vietnamese, with the line and the text where it stopped, never Handlebars\' English: %j', (source, expected) => {
    const error = thrown(() => compileTemplate(source, 'mau.hbs'));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.message).toMatch(/^Mẫu báo cáo mau\.hbs, dòng \d+: /);
    expect(error.message).toMatch(expected);
    expect(error.message).not.toMatch(/Expecting|got '|Parse error|Lexical|CLOSE|INVALID/);
  });
  it('a built-in block given no value is refused when the template is read, even in a branch this period skips', () => {
    const error = thrown(() => compileTemplate('a\n{{#if x}}b{{else}}\n{{#each}}x{{/each}}{{/if}}', 'mau.hbs'));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.message).toBe('Mẫu báo cáo mau.hbs, dòng 3: khối {{#each}} cần đúng một giá trị sau tên khối.');
  });
  it('{{lookup}} with nothing to look in never names Handlebars\' internals', () => {
    const error = thrown(() => compileTemplate('a\n{{lookup}}', 'mau.hbs').render({}));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.message).toContain('thẻ {{lookup}} cần một đối tượng và một khóa');
    expect(error.message).not.toContain('lookupProperty');
  });
  it('{{so}} and {{phantram}} refuse what is not a number instead of printing "NaN" into the report', () => {
    const error = thrown(() => compileTemplate('a\n{{so "abc" 1}}', 'mau.hbs').render({}));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.message).toMatch(/^Mẫu báo cáo mau\.hbs(, dòng 2)?: \{\{so\}\} cần một số/);
    expect(compileTemplate('{{so x}}|{{phantram y}}', 'm').render({ x: null, y: 95.24 })).toBe('—|95,2%');
  });
  it('a mismatched closing block names its line', () => {
    const error = thrown(() => compileTemplate('a\nb\n{{#if x}}\n{{/unless}}\n', 'mau.hbs'));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.message).toMatch(/dòng \d+/);
    expect(error.message).toContain('unless');
  });
  it('an undefined field throws at render, naming the field and its line', () => {
    const t = compileTemplate('Dòng một\n{{khongCo}}\n', 'mau.hbs');
    const error = thrown(() => t.render({ x: 1 }));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.message).toContain('khongCo');
    expect(error.message).toContain('dòng 2');
    expect(error.message).toContain('mau.hbs');
  });
  it('does not escape HTML (the docx writer escapes XML itself)', () => {
    expect(compileTemplate('{{t}}', 'm').render({ t: 'a & "b" <c>' })).toBe('a & "b" <c>');
  });
});

function total(code: string, over: Partial<IndicatorTotal> = {}): IndicatorTotal {
  return { code, name: code, unit: 'buổi', total: null, reported: 0, of: 3, derived: false, previous: null, change: null, ...over };
}

describe('helpers', () => {
  const data = {
    chiTieu: {
      TT_BUOI: total('TT_BUOI', { total: 1234.5, reported: 3, change: { direction: 'up', percent: 12.5, delta: 5 } }),
      DT_HN: total('DT_HN'),
      KN_TL: total('KN_TL', { total: 83.3333, derived: true, unit: '%', change: { direction: 'down', percent: null, delta: -2 } }),
    },
    item: { text: 'x', units: [{ code: 'A', name: 'Hội Nông dân tỉnh', group: '' }, { code: 'B', name: 'Tỉnh đoàn', group: '' }] },
    names: ['Đông Hòa', 'Tuy Hòa', 'Sông Hinh'],
    units: [{ name: 'Tỉnh đoàn' }, { name: 'Hội LHPN' }],
    nothing: null,
  };
  const render = (source: string) => compileTemplate(source, 't.hbs').render(data);

  it('so / phantram', () => {
    expect(render('{{so 1234.5}}')).toBe('1.234,5');
    expect(render('{{so 2.56 0}}')).toBe('3');
    expect(render('{{so nothing}}')).toBe('—');
    expect(render('{{phantram 95.238}}')).toBe('95,2%');
    expect(render('{{phantram nothing}}')).toBe('—');
  });
  it('tong / co', () => {
    expect(render('{{so (tong "TT_BUOI")}}')).toBe('1.234,5');
    expect(render('{{so (tong "DT_HN")}}')).toBe('—');
    expect(render('{{so (tong "KHONG_CO")}}')).toBe('—');
    expect(render('{{#if (co "TT_BUOI")}}có{{else}}không{{/if}}')).toBe('có');
    expect(render('{{#if (co "DT_HN")}}có{{else}}không{{/if}}')).toBe('không');
    expect(render('{{#if (co "KHONG_CO")}}có{{else}}không{{/if}}')).toBe('không');
  });
  it('tg', () => {
    expect(render('{{tg "TT_BUOI"}}')).toBe(' (tăng 12,5% so với cùng kỳ)');
    expect(render('x{{tg "DT_HN"}}y')).toBe('xy');
    expect(render('{{tg "KN_TL"}}')).toBe(' (giảm 2 điểm phần trăm so với cùng kỳ)');
  });
  it('cau', () => {
    expect(render('{{cau "tổ chức hội nghị quán triệt."}}')).toBe('Tổ chức hội nghị quán triệt');
    expect(render('{{cau "đẩy mạnh tuyên truyền; "}}')).toBe('Đẩy mạnh tuyên truyền');
  });
  it('nguon / danhsach', () => {
    expect(render('{{nguon item}}')).toBe('Hội Nông dân tỉnh, Tỉnh đoàn');
    expect(render('{{danhsach names}}')).toBe('Đông Hòa, Tuy Hòa và Sông Hinh');
    expect(render('{{danhsach units "name"}}')).toBe('Tỉnh đoàn và Hội LHPN');
  });
  it('ky / kytiep / ngay', () => {
    expect(render('{{ky "2023-Q1"}}; {{kytiep "2023-Q1"}}')).toBe('quý I năm 2023; quý II năm 2023');
    expect(render('{{ngay "2023-01-09"}}')).toBe('ngày 09 tháng 01 năm 2023');
  });
});

describe('template errors in Vietnamese', () => {
  it('a path through missing data names the field, in Vietnamese', async () => {
    const { compileTemplate } = await import('../../src/render/template.js');
    const { TemplateError } = await import('../../src/diagnostics/errors.js');
    const template = compileTemplate('---\ntrich-yeu: x\n---\n{{so chiTieu.TT_BOUI.total}}\n', 'mau.hbs');
    expect(() => template.render({ chiTieu: {} })).toThrow(TemplateError);
    expect(() => template.render({ chiTieu: {} })).toThrow(/Mẫu báo cáo mau\.hbs.*không có dữ liệu/);
  });
  it('a date helper given something that is not a date fails instead of printing garbage', async () => {
    const { compileTemplate } = await import('../../src/render/template.js');
    expect(compileTemplate('{{ngay "05/04/2023"}}', 'm.hbs').render({})).toBe('ngày 05 tháng 4 năm 2023');
    expect(() => compileTemplate('{{ngay x}}', 'm.hbs').render({ x: 'hôm qua' })).toThrow(/"hôm qua" không phải ngày/);
  });
});

describe('a template reaches only the data it is given', () => {
  it('no prototype, constructor or global is reachable', async () => {
    const { compileTemplate } = await import('../../src/render/template.js');
    const { TemplateError } = await import('../../src/diagnostics/errors.js');
    const data = { organization: { name: 'Ban Dân vận Tỉnh ủy' } };
    for (const source of ['{{organization.constructor.name}}', '{{organization.__proto__}}', '{{process.env.HOME}}', '{{lookup organization "constructor"}}x']) {
      let out: string | undefined;
      try {
        out = compileTemplate(source, 'm.hbs').render(data);
      } catch (error) {
        expect(error).toBeInstanceOf(TemplateError);
        continue;
      }
      // Where Handlebars does not throw, it must print nothing of what lies outside the data.
      expect(out, source).not.toMatch(/Object|function|\//);
    }
    expect(compileTemplate('{{organization.name}}', 'm.hbs').render(data)).toBe('Ban Dân vận Tỉnh ủy');
  });
});

describe('progress bar', () => {
  it('draws on a terminal and says nothing on a pipe', async () => {
    const { progressBar } = await import('../../src/cli/output.js');
    const written: string[] = [];
    const terminal = { isTTY: true, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const bar = progressBar('Đang kiểm tra', terminal);
    for (let i = 1; i <= 40; i += 1) bar(i, 40);
    bar.end();
    expect(written.some((s) => s.includes('Đang kiểm tra [') && s.includes('40/40'))).toBe(true);
    expect(written[written.length - 1]).toBe('\r\x1b[K');
    const piped: string[] = [];
    const pipe = { isTTY: false, write: (s: string) => piped.push(s) } as unknown as NodeJS.WriteStream;
    const quiet = progressBar('Đang kiểm tra', pipe);
    for (let i = 1; i <= 40; i += 1) quiet(i, 40);
    quiet.end();
    expect(piped).toEqual([]);
  });

  it('appears at once and never draws wider than the terminal', async () => {
    const { progressBar } = await import('../../src/cli/output.js');
    for (const columns of [40, 24, 120]) {
      const written: string[] = [];
      const terminal = { isTTY: true, columns, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
      const bar = progressBar('Đang kiểm tra', terminal);
      bar(0, 200);
      expect(written).toHaveLength(1);
      for (let i = 1; i <= 200; i += 1) bar(i, 200);
      for (const line of written) {
        const visible = line.replace(/\r|\x1b\[K/g, '');
        expect(visible.length, `${columns}: ${visible}`).toBeLessThan(columns);
        expect(line.endsWith('\x1b[K')).toBe(true);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { aggregateReport, type AggregateInput } from '../../src/aggregate/aggregate.js';
import type { FileResult } from '../../src/check/file-result.js';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { FIELDS } from '../../src/domain/fields.js';
import { InternalError } from '../../src/diagnostics/errors.js';
import { thrown } from '../helpers/thrown.js';
import type { Submission } from '../../src/schemas/submission.js';

type Parts = Partial<Omit<Submission, 'info'>> & { code: string; name: string; date?: string };

function sub(p: Parts): Submission {
  return {
    file: `${p.code.toLowerCase()}.xlsx`,
    info: { unitCode: p.code, unitName: p.name, period: '2023-Q1', reportDate: p.date ?? '2023-04-05' },
    figures: p.figures ?? {},
    // Each figure in its own row of "Số liệu", as the form lays them out (from row 3).
    figureSources: Object.fromEntries(Object.keys(p.figures ?? {}).map((code, i) => [code, { cell: `D${3 + i}` }])),
    sheets: {},
    results: p.results ?? [],
    limitations: p.limitations ?? [],
    tasks: p.tasks ?? [],
    proposals: p.proposals ?? [],
    models: p.models ?? [],
  };
}

function ok(s: Submission): FileResult {
  return {
    file: s.file,
    valid: true,
    unit: s.info.unitCode,
    period: s.info.period,
    reportDate: s.info.reportDate,
    modifiedMs: 0,
    unitCell: 'B2',
    periodCell: 'B4',
    errors: [],
    warnings: [],
    submission: s,
  };
}

const REGISTRY = [
  { code: 'HU_TUYHOA', name: 'Ban Dân vận Thành ủy Tuy Hòa', group: 'Các huyện ủy, thành ủy' },
  { code: 'HU_DONGHOA', name: 'Ban Dân vận Huyện ủy Đông Hòa', group: 'Các huyện ủy, thành ủy' },
  { code: 'HU_ANPHU', name: 'Ban Dân vận Huyện ủy An Phú', group: 'Các huyện ủy, thành ủy' },
  { code: 'MTTQ', name: 'Ủy ban MTTQ Việt Nam tỉnh', group: 'Mặt trận và các đoàn thể' },
  { code: 'TINHDOAN', name: 'Tỉnh đoàn', group: 'Mặt trận và các đoàn thể' },
  { code: 'HND', name: 'Hội Nông dân tỉnh', group: 'Mặt trận và các đoàn thể' },
];

const MTTQ = sub({
  code: 'MTTQ',
  name: 'MTTQ tỉnh (tên tự ghi)',
  date: '2023-04-08',
  figures: { TT_BUOI: 10, KN_TIEP: 20, KN_GQ: 10, VD_TIEN: 1250.5, DT_HN: null, DVK_MH_MOI: 0 },
  results: [
    { field: 'Mặt trận và đoàn thể', content: 'Tổ chức hội nghị quán triệt Kết luận 43-KL/TW.', row: 3 },
    { field: 'Khác', content: 'Tham gia ngày hội đại đoàn kết.', row: 4 },
  ],
  limitations: [{ field: 'Dân chủ ở cơ sở', content: 'Dân chủ còn hình thức.', cause: 'Nhận thức chưa đầy đủ', row: 3 }],
  proposals: [
    { content: 'Bố trí kinh phí.', addressee: 'UBND tỉnh', row: 3 },
    { content: 'Tăng cường tập huấn.', row: 4 },
  ],
  models: [{ name: 'Mô hình A', field: 'Kinh tế', level: 'Tỉnh', row: 3 }],
});
const DONGHOA = sub({
  code: 'HU_DONGHOA',
  name: 'Đông Hòa',
  date: '2023-04-05',
  figures: { TT_BUOI: 5, KN_TIEP: 100, KN_GQ: 90, VD_TIEN: 310.25, DT_HN: null, DVK_MH_MOI: 2 },
  results: [{ field: 'Mặt trận và đoàn thể', content: 'tổ chức  Hội nghị quán triệt Kết luận 43-KL/TW', row: 3 }],
  limitations: [
    { field: 'Dân chủ ở cơ sở', content: 'dân chủ còn hình thức', cause: 'nhận thức chưa đầy đủ.', row: 3 },
    { field: 'Dân chủ ở cơ sở', content: 'Dân chủ còn hình thức!', cause: 'Thiếu kinh phí', row: 4 },
  ],
  proposals: [
    { content: 'Hỗ trợ xây nhà đại đoàn kết.', addressee: 'UBND Tỉnh', row: 3 },
    { content: 'Sớm ban hành hướng dẫn.', addressee: 'Ban Dân vận Trung ương', row: 4 },
  ],
  models: [
    { name: 'Mô hình B', field: 'Kinh tế', level: 'Huyện', row: 3 },
    { name: 'Mô hình C', field: 'Văn hóa - xã hội', level: 'Tỉnh', row: 4 },
  ],
  tasks: [{ field: 'Khác', content: 'Tổng kết năm.', deadline: 'Quý IV', row: 3 }],
});
const TUYHOA = sub({
  code: 'HU_TUYHOA',
  name: 'Tuy Hòa',
  date: '2023-04-02',
  figures: { TT_BUOI: 7, VD_TIEN: 0.1, DT_HN: null },
});
const invalidFile: FileResult = {
  file: 'tinhdoan.xlsx',
  valid: false,
  unit: 'TINHDOAN',
  period: '2023-Q1',
  reportDate: null,
  modifiedMs: 0,
  unitCell: 'B2',
  periodCell: 'B4',
  errors: [
    { sheet: 'Số liệu', cell: 'D7', message: '"nhiều" không phải là số', code: 'figure.not-a-number' },
    { sheet: 'Thông tin', cell: null, message: 'Thiếu nhãn', code: 'info.label-missing' },
  ],
  warnings: [],
};

const input: AggregateInput = {
  period: '2023-Q1',
  files: [ok(MTTQ), invalidFile, ok(DONGHOA), ok(TUYHOA)],
  catalogue: DEFAULT_CATALOGUE,
  registry: REGISTRY,
};
const model = aggregateReport(input);
const ind = (code: string, m = model) => m.indicators.find((i) => i.code === code)!;

describe('indicator totals', () => {
  it('sums over valid files only and keeps catalogue order', () => {
    expect(model.indicators.map((i) => i.code)).toEqual(DEFAULT_CATALOGUE.map((i) => i.code));
    expect(ind('TT_BUOI')).toMatchObject({ total: 22, reported: 3, of: 3, derived: false });
  });
  it('blank is not 0: reported counts only units that filled it', () => {
    expect(ind('DVK_MH_MOI')).toMatchObject({ total: 2, reported: 2 });
    expect(ind('KN_TIEP')).toMatchObject({ total: 120, reported: 2 });
  });
  it('an indicator nobody filled has total null', () => {
    expect(ind('DT_HN')).toMatchObject({ total: null, reported: 0, of: 3 });
    expect(ind('KT_CANHAN').total).toBeNull();
  });
  it('KN_TL is recomputed from the sums (100/120), not averaged (70%)', () => {
    const tl = ind('KN_TL');
    expect(tl.derived).toBe(true);
    expect(tl.total).toBeCloseTo(83.333, 2);
    expect(tl.reported).toBe(2);
  });
  it('decimals sum without float noise', () => {
    expect(ind('VD_TIEN').total).toBe(1560.85);
  });
  it('without --compare there is no previous figure or change', () => {
    expect(ind('TT_BUOI').previous).toBeNull();
    expect(ind('TT_BUOI').change).toBeNull();
    expect(model.comparedWith).toBeNull();
  });
});

describe('byUnit (appendix)', () => {
  it('has one row per valid unit in report order, values in indicator order, blank = null', () => {
    // The registry's order (protocol order), not the alphabet: Tuy Hòa is listed before Đông Hòa.
    expect(model.byUnit.map((r) => r.unit.code)).toEqual(['HU_TUYHOA', 'HU_DONGHOA', 'MTTQ']);
    const col = (code: string) => model.indicators.findIndex((i) => i.code === code);
    const donghoa = model.byUnit.find((r) => r.unit.code === 'HU_DONGHOA')!.values;
    expect(donghoa[col('TT_BUOI')]).toBe(5);
    expect(donghoa[col('DT_HN')]).toBeNull();
    expect(donghoa[col('KN_TL')]).toBe(90);
    expect(model.byUnit.find((r) => r.unit.code === 'HU_TUYHOA')!.values[col('KN_TL')]).toBeNull();
    expect(model.byUnit[2]!.values[col('DVK_MH_MOI')]).toBe(0);
    expect(model.byUnit[2]!.values[col('KN_TL')]).toBe(50);
  });
});

describe('results, limitations, tasks, proposals', () => {
  it('results are grouped in FIELDS order with all 10 groups present', () => {
    expect(model.results).toHaveLength(10);
    expect(model.results.map((g) => g.field)).toEqual([...FIELDS]);
    expect(model.results.find((g) => g.field === 'Lãnh đạo, chỉ đạo')!.items).toEqual([]);
  });
  it('the same result from two units is one item naming both, in first-seen order', () => {
    const group = model.results.find((g) => g.field === 'Mặt trận và đoàn thể')!;
    expect(group.items).toHaveLength(1);
    expect(group.items[0]!.units.map((u) => u.code)).toEqual(['HU_DONGHOA', 'MTTQ']);
    expect(group.items[0]!.text).toBe('tổ chức  Hội nghị quán triệt Kết luận 43-KL/TW');
    expect(model.results.find((g) => g.field === 'Khác')!.items.map((i) => i.text)).toEqual(['Tham gia ngày hội đại đoàn kết.']);
  });
  it('uses the registry name of a unit, not the one it typed', () => {
    const group = model.results.find((g) => g.field === 'Mặt trận và đoàn thể')!;
    expect(group.items[0]!.units.map((u) => u.name)).toEqual(['Ban Dân vận Huyện ủy Đông Hòa', 'Ủy ban MTTQ Việt Nam tỉnh']);
  });
  it('limitations merge and collect their causes distinctly', () => {
    const group = model.limitations.find((g) => g.field === 'Dân chủ ở cơ sở')!;
    expect(group.items).toHaveLength(1);
    expect(group.items[0]!.causes).toEqual(['nhận thức chưa đầy đủ.', 'Thiếu kinh phí']);
    expect(group.items[0]!.units.map((u) => u.code)).toEqual(['HU_DONGHOA', 'MTTQ']);
  });
  it('tasks keep their deadlines', () => {
    const group = model.tasks.find((g) => g.field === 'Khác')!;
    expect(group.items[0]).toMatchObject({ text: 'Tổng kết năm.', deadlines: ['Quý IV'] });
  });
  it('proposals are grouped by addressee ignoring case and abbreviations, higher bodies first, empty addressee last', () => {
    expect(model.proposals.map((p) => p.addressee)).toEqual(['Ban Dân vận Trung ương', 'Ủy ban nhân dân Tỉnh', '']);
    expect(model.proposals[1]!.items.map((i) => i.text)).toEqual(['Hỗ trợ xây nhà đại đoàn kết.', 'Bố trí kinh phí.']);
    expect(model.proposals[2]!.items.map((i) => i.text)).toEqual(['Tăng cường tập huấn.']);
  });

  it('"UBND tỉnh", "Ủy ban nhân dân tỉnh" and "BDV Tỉnh ủy" / "Ban Dân vận Tỉnh ủy" are the same addressees', async () => {
    const { canonicalAddressee, addresseeRank } = await import('../../src/domain/addressees.js');
    expect(canonicalAddressee('UBND tỉnh')).toBe('Ủy ban nhân dân tỉnh');
    expect(canonicalAddressee('BDV Tỉnh ủy.')).toBe('Ban Dân vận Tỉnh ủy');
    expect(canonicalAddressee('BTV Tỉnh ủy')).toBe('Ban Thường vụ Tỉnh ủy');
    expect(addresseeRank('Ban Thường vụ Tỉnh ủy')).toBeLessThan(addresseeRank('Ủy ban nhân dân tỉnh'));
    expect(addresseeRank('Ủy ban nhân dân tỉnh')).toBeLessThan(addresseeRank('Ban Dân vận Tỉnh ủy'));
    expect(addresseeRank('Sở Tài chính')).toBeLessThan(addresseeRank(''));
  });
});

describe('models', () => {
  it('counts by field, by level and in the matrix', () => {
    const m = model.models;
    expect(m.total).toBe(3);
    expect(m.byField.find((f) => f.field === 'Kinh tế')!.count).toBe(2);
    expect(m.byField.find((f) => f.field === 'Văn hóa - xã hội')!.count).toBe(1);
    expect(m.byField.find((f) => f.field === 'Quốc phòng - an ninh')!.count).toBe(0);
    expect(m.byLevel.find((l) => l.level === 'Tỉnh')!.count).toBe(2);
    expect(m.byLevel.find((l) => l.level === 'Huyện')!.count).toBe(1);
    expect(m.matrix[0]).toEqual([0, 0, 1, 1, 0]);
    expect(m.matrix[1]).toEqual([0, 0, 0, 1, 0]);
    expect(m.list.map((e) => e.name)).toEqual(['Mô hình B', 'Mô hình C', 'Mô hình A']);
    expect(m.list[2]!.unit.code).toBe('MTTQ');
  });
});

describe('status', () => {
  it('valid units in the registry\'s order', () => {
    expect(model.status.valid.map((u) => u.code)).toEqual(['HU_TUYHOA', 'HU_DONGHOA', 'MTTQ']);
    expect(model.status.valid[1]).toMatchObject({ file: 'hu_donghoa.xlsx', reportDate: '2023-04-05', group: 'Các huyện ủy, thành ủy' });
  });
  it('invalid files with reasons "Sheet!Cell: message"', () => {
    expect(model.status.invalid).toEqual([
      {
        file: 'tinhdoan.xlsx',
        unit: 'TINHDOAN',
        name: 'Tỉnh đoàn',
        reasons: ['Số liệu!D7: "nhiều" không phải là số', 'Thiếu nhãn'],
      },
    ]);
  });
  it('registry units that sent no file are missing, in order; a unit whose file is invalid has sent', () => {
    expect(model.status.missing.map((u) => u.code)).toEqual(['HU_ANPHU', 'HND']);
    expect(model.status.invalid.map((f) => f.unit)).toEqual(['TINHDOAN']);
    expect(model.status.expected).toBe(6);
    expect(model.status.hasRegistry).toBe(true);
  });
  it('latestReportDate is the latest among valid files', () => {
    expect(model.latestReportDate).toBe('2023-04-08');
  });
  it('does not depend on file order', () => {
    const reversed = aggregateReport({ ...input, files: [...input.files].reverse() });
    expect(reversed.status.valid.map((u) => u.code)).toEqual(model.status.valid.map((u) => u.code));
    expect(reversed.indicators).toEqual(model.indicators);
    expect(reversed.results).toEqual(model.results);
  });
  it('without a registry: names alone, nothing missing, expected = units heard from', () => {
    const m = aggregateReport({ ...input, registry: [] });
    expect(m.status.valid.map((u) => u.name)).toEqual(['Đông Hòa', 'MTTQ tỉnh (tên tự ghi)', 'Tuy Hòa']);
    expect(m.status.missing).toEqual([]);
    expect(m.status.expected).toBe(4);
    expect(m.status.hasRegistry).toBe(false);
  });
});

describe('the invariant: a valid file is one that the aggregate uses', () => {
  it('a valid, unsuperseded file without a submission is danvan\'s bug: an InternalError (exit 70), never a silent blank', () => {
    const broken = { ...ok(sub({ code: 'HU_A', name: 'A', figures: { TT_BUOI: 3 } })) };
    delete broken.submission;
    const error = thrown(() => aggregateReport({ ...input, files: [broken] }));
    expect(error).toBeInstanceOf(InternalError);
    expect((error as InternalError).exitCode).toBe(70);
  });
  it('a superseded file that still carries its submission would be counted twice: also an InternalError', () => {
    const twice = { ...ok(sub({ code: 'HU_A', name: 'A' })), superseded: { by: 'x.xlsx', reason: 'r' } };
    expect(() => aggregateReport({ ...input, files: [twice] })).toThrow(InternalError);
  });
});

describe('comparison with a previous aggregate', () => {
  const m = aggregateReport({
    ...input,
    previous: { period: '2022-Q1', figures: { TT_BUOI: 20, VD_TIEN: 2000, KN_TIEP: 100, KN_GQ: 50, DVK_MH_MOI: 0, KT_CANHAN: 4, TH_LOP: null } },
  });
  it('records the compared period', () => {
    expect(m.comparedWith).toBe('2022-Q1');
  });
  it('up with percent', () => {
    expect(ind('TT_BUOI', m).previous).toBe(20);
    expect(ind('TT_BUOI', m).change).toEqual({ direction: 'up', percent: 10, delta: 2 });
  });
  it('down with percent', () => {
    const c = ind('VD_TIEN', m).change!;
    expect(c.direction).toBe('down');
    expect(c.delta).toBe(-439.15);
    expect(c.percent).toBeCloseTo(-21.9575, 6);
  });
  it('same', () => {
    const same = aggregateReport({ ...input, previous: { period: '2022-Q1', figures: { TT_BUOI: 22 } } });
    expect(ind('TT_BUOI', same).change).toEqual({ direction: 'same', percent: 0, delta: 0 });
  });
  it('previous 0 → percent null', () => {
    expect(ind('DVK_MH_MOI', m).change).toEqual({ direction: 'up', percent: null, delta: 2 });
  });
  it('blank now or before → no change', () => {
    expect(ind('KT_CANHAN', m).change).toBeNull();
    expect(ind('TH_LOP', m).change).toBeNull();
  });
  it('the previous ratio is recomputed too', () => {
    expect(ind('KN_TL', m).previous).toBe(50);
    expect(ind('KN_TL', m).change!.direction).toBe('up');
  });
});

describe('change of a ratio against the year before', () => {
  it('is told in percentage points, not as a percent of a percent', async () => {
    const { changeBetween } = await import('../../src/aggregate/indicators.js');
    const { formatChange } = await import('../../src/render/format.js');
    const change = changeBetween(90, 80, true)!;
    expect(change.percent).toBeNull();
    expect(change.delta).toBe(10);
    expect(formatChange(change, 'điểm phần trăm')).toBe('tăng 10 điểm phần trăm so với cùng kỳ');
    expect(changeBetween(90, 80)!.percent).toBe(12.5);
  });
});

import { describe, expect, it } from 'vitest';
import { applyDuplicateRule, applyPeriodRule, applyRegistryRule, majorityPeriod, missingUnits, resolvePeriod } from '../../src/check/cross-file.js';
import { isUsed, needsFixing, type FileResult } from '../../src/check/file-result.js';
import type { Submission } from '../../src/schemas/submission.js';
import { PeriodTieError } from '../../src/diagnostics/errors.js';

function fr(file: string, over: Partial<FileResult> = {}): FileResult {
  const unit = over.unit === undefined ? 'HU_DONGHOA' : over.unit;
  const period = over.period === undefined ? '2023-Q1' : over.period;
  const reportDate = over.reportDate === undefined ? '2023-04-05' : over.reportDate;
  const submission: Submission = {
    file,
    info: { unitCode: unit ?? '', unitName: 'x', period: period ?? '', reportDate: reportDate ?? '' },
    figures: {},
    results: [],
    limitations: [],
    tasks: [],
    proposals: [],
    models: [],
  };
  return {
    file,
    valid: true,
    unit,
    period,
    reportDate,
    modifiedMs: 1_000,
    unitCell: 'B2',
    periodCell: 'B4',
    errors: [],
    warnings: [],
    submission,
    ...over,
  };
}

describe('majorityPeriod', () => {
  it('counts units, not files: one unit\'s three files of a period do not outvote two units of another', () => {
    const files = [fr('x1', { unit: 'X', period: '2023-Q2' }), fr('x2', { unit: 'X', period: '2023-Q2' }), fr('x3', { unit: 'X', period: '2023-Q2' }), fr('a', { unit: 'A', period: '2023-Q1' }), fr('b', { unit: 'B', period: '2023-Q1' })];
    expect(majorityPeriod(files)).toBe('2023-Q1');
    // Files whose unit is unknown count one each.
    expect(majorityPeriod([fr('u1', { unit: null, period: '2023-Q2' }), fr('u2', { unit: null, period: '2023-Q2' }), fr('a', { unit: 'A', period: '2023-Q1' })])).toBe('2023-Q2');
  });
  it('picks the period most units declare', () => {
    expect(majorityPeriod([fr('a', { unit: 'A', period: '2023-Q1' }), fr('b', { unit: 'B', period: '2023-Q2' }), fr('c', { unit: 'C', period: '2023-Q1' })])).toBe('2023-Q1');
  });
  it('ignores files without a period; null when none has one', () => {
    expect(majorityPeriod([fr('a', { unit: 'A', period: null }), fr('b', { unit: 'B', period: '2023-Q2' })])).toBe('2023-Q2');
    expect(majorityPeriod([fr('a', { unit: 'A', period: null })])).toBeNull();
    expect(majorityPeriod([])).toBeNull();
  });
  it('never decides a tie: PeriodTieError (exit 2) naming the periods in time order and asking for --ky', () => {
    const a = fr('a', { unit: 'A', period: '2023-Q1' });
    const b = fr('b', { unit: 'B', period: '2023-Q2' });
    for (const files of [[a, b], [b, a]]) {
      let error: unknown;
      try {
        majorityPeriod(files);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PeriodTieError);
      expect((error as PeriodTieError).exitCode).toBe(2);
      expect((error as PeriodTieError).message).toMatch(/quý I năm 2023 \(2023-Q1\) và quý II năm 2023 \(2023-Q2\).*--ky 2023-Q2/);
    }
    expect(() => majorityPeriod([fr('a', { unit: 'A', period: '2023-Q2' }), fr('b', { unit: 'B', period: '2023-9T' })])).toThrow(/2023-Q2.*2023-9T/);
  });
  it('a majority is not a tie, even with other periods tied below it', () => {
    const files = [fr('a', { unit: 'A', period: '2023-Q1' }), fr('b', { unit: 'B', period: '2023-Q1' }), fr('c', { unit: 'C', period: '2023-Q2' }), fr('d', { unit: 'D', period: '2022' })];
    expect(majorityPeriod(files)).toBe('2023-Q1');
  });
  it('resolvePeriod takes a requested period in any spelling', () => {
    expect(resolvePeriod([fr('a')], 'Quý III/2023')).toBe('2023-Q3');
    expect(resolvePeriod([fr('a')])).toBe('2023-Q1');
  });
});

describe('applyPeriodRule', () => {
  it('invalidates a file of another period, on Thông tin!<periodCell>', () => {
    const good = fr('a.xlsx');
    const other = fr('b.xlsx', { period: '2023-Q2', periodCell: 'B7' });
    applyPeriodRule([good, other], '2023-Q1');
    expect(good.valid).toBe(true);
    expect(good.errors).toEqual([]);
    expect(other.valid).toBe(false);
    expect(other.submission).toBeUndefined();
    expect(other.errors).toHaveLength(1);
    expect(other.errors[0]).toMatchObject({ code: 'period.mismatch', sheet: 'Thông tin', cell: 'B7' });
    expect(other.errors[0]!.message).toContain('quý II năm 2023');
    expect(other.errors[0]!.message).toContain('quý I năm 2023');
  });
  it('leaves a file without a readable period alone', () => {
    const none = fr('c.xlsx', { period: null });
    applyPeriodRule([none], '2023-Q1');
    expect(none.errors).toEqual([]);
  });
});

describe('applyRegistryRule', () => {
  const registry = [
    { code: 'HU_DONGHOA', name: 'Ban Dân vận Huyện ủy Đông Hòa', group: 'Huyện' },
    { code: 'MTTQ', name: 'Ủy ban MTTQ tỉnh', group: 'Đoàn thể' },
  ];
  const named = (file: string, unit: string, unitName: string) => fr(file, { unit, contact: { unitName } });
  it('a mistyped code whose name names one unit is that unit\'s file: invalid with the right code when the file name says nothing', () => {
    const typo = named('x.xlsx', 'HU_DONGHAO', 'BDV Huyện ủy Đông Hòa');
    applyRegistryRule([typo], registry);
    expect(typo.valid).toBe(false);
    expect(typo.submission).toBeUndefined();
    expect(typo.unit).toBe('HU_DONGHOA');
    expect(typo.typedUnit).toBe('HU_DONGHAO');
    expect(typo.errors[0]).toMatchObject({ code: 'unit.code-mistyped', sheet: 'Thông tin', cell: 'B2' });
    expect(typo.errors[0]!.message).toContain('mã đúng là "HU_DONGHOA"');
    expect(missingUnits([typo], registry)!.map((u) => u.code)).toEqual(['MTTQ']);
  });
  it('a mistyped code whose name and file name both name one unit is counted for it, with a lưu ý', () => {
    const typo = named('HU_DONGHOA_quy-1.xlsx', 'HU_DONGHAO', 'Ban Dân vận Huyện ủy Đông Hòa');
    applyRegistryRule([typo], registry);
    expect(typo.valid).toBe(true);
    expect(typo.unit).toBe('HU_DONGHOA');
    expect(typo.submission!.info.unitCode).toBe('HU_DONGHOA');
    expect(typo.warnings[0]).toMatchObject({ code: 'unit.code-corrected', cell: 'B2' });
  });
  it('a registry code under another organisation\'s name is an error naming both, and belongs to nobody', () => {
    const other = named('MTTQ.xlsx', 'MTTQ', 'Hội Người cao tuổi tỉnh');
    applyRegistryRule([other], registry);
    expect(other.valid).toBe(false);
    expect(other.unit).toBeNull();
    expect(other.typedUnit).toBe('MTTQ');
    expect(other.errors[0]).toMatchObject({ code: 'unit.name-mismatch' });
    expect(other.errors[0]!.message).toContain('Ủy ban MTTQ tỉnh');
    expect(other.errors[0]!.message).toContain('Hội Người cao tuổi tỉnh');
  });
  it('an organisation outside the registry is told to ask for its addition, with the key to fill, and no near code', () => {
    const far = named('HNCT.xlsx', 'HU_DONGHOB', 'Hội Người cao tuổi tỉnh');
    applyRegistryRule([far], registry);
    expect(far.valid).toBe(false);
    expect(far.unit).toBe('HU_DONGHOB');
    expect(far.errors[0]!.code).toBe('unit.not-in-registry');
    expect(far.errors[0]!.message).toContain('"units"');
    expect(far.errors[0]!.message).toContain('{ "code": "HU_DONGHOB", "name": "Hội Người cao tuổi tỉnh", "group": "…" }');
    expect(far.errors[0]!.message).not.toContain('HU_DONGHOA');
  });
  it('leaves known units, unreadable units, and every unit without a registry', () => {
    const known = fr('a', { unit: 'MTTQ' });
    const unknown = fr('b', { unit: null });
    applyRegistryRule([known, unknown], registry);
    expect(known.valid).toBe(true);
    expect(unknown.errors).toEqual([]);
    const any = fr('c', { unit: 'ABC' });
    applyRegistryRule([any], []);
    expect(any.valid).toBe(true);
  });
});

describe('applyDuplicateRule', () => {
  it('the later report date wins', () => {
    const early = fr('dong-hoa-v1.xlsx', { reportDate: '2023-04-05', modifiedMs: 9_000 });
    const late = fr('dong-hoa-v2.xlsx', { reportDate: '2023-04-10', modifiedMs: 1_000 });
    applyDuplicateRule([late, early]);
    expect(late.valid).toBe(true);
    expect(late.superseded).toBeUndefined();
    expect(late.submission).toBeDefined();
    // The older file is valid but not used: a note, not an error.
    expect(early.valid).toBe(true);
    expect(early.superseded).toEqual({ by: 'dong-hoa-v2.xlsx', reason: 'ngày báo cáo 10/04/2023 muộn hơn' });
    expect(early.submission).toBeUndefined();
    expect(early.errors).toEqual([]);
    expect(early.warnings).toHaveLength(1);
    expect(early.warnings[0]).toMatchObject({ code: 'unit.superseded', sheet: 'Thông tin', cell: 'B2' });
    expect(early.warnings[0]!.message).toContain('dong-hoa-v2.xlsx');
    expect(early.warnings[0]!.message).toContain('10/04/2023');
    expect(late.warnings).toHaveLength(1);
    expect(late.warnings[0]).toMatchObject({ code: 'unit.duplicate', sheet: 'Thông tin', cell: 'B2' });
    expect(late.warnings[0]!.message).toContain('dong-hoa-v1.xlsx');
  });
  it('same report date: the later modified file wins, and the message says so', () => {
    const older = fr('b.xlsx', { modifiedMs: 1_000 });
    const newer = fr('a.xlsx', { modifiedMs: 2_000 });
    applyDuplicateRule([older, newer]);
    expect(newer.superseded).toBeUndefined();
    expect(older.superseded?.by).toBe('a.xlsx');
    expect(older.warnings[0]!.message).toContain('a.xlsx');
    expect(older.warnings[0]!.message).toContain('sửa sau cùng');
  });
  it('same date and time: the later name wins, independent of order', () => {
    const a = fr('a.xlsx');
    const b = fr('b.xlsx');
    applyDuplicateRule([b, a]);
    expect(b.superseded).toBeUndefined();
    expect(a.superseded?.by).toBe('b.xlsx');
    expect(a.warnings[0]!.message).toContain('tên tệp');
  });
  it('three files: one winner, two superseded, the warning names both', () => {
    const files = [fr('1.xlsx', { reportDate: '2023-04-01' }), fr('2.xlsx', { reportDate: '2023-04-03' }), fr('3.xlsx', { reportDate: '2023-04-02' })];
    applyDuplicateRule(files);
    expect(files.map((f) => f.superseded?.by ?? null)).toEqual(['2.xlsx', null, '2.xlsx']);
    expect(files[1]!.warnings[0]!.message).toContain('"1.xlsx"');
    expect(files[1]!.warnings[0]!.message).toContain('"3.xlsx"');
  });
  it('a file of another period, however new, gives way to the unit\'s file of the period; other units take no part', () => {
    const a = fr('a.xlsx', { reportDate: '2023-04-01' });
    const otherUnit = fr('c.xlsx', { unit: 'MTTQ', reportDate: '2023-04-09' });
    const otherPeriod = fr('d.xlsx', { valid: false, period: '2023-Q2', reportDate: '2023-07-01', modifiedMs: 99_000 });
    otherPeriod.errors.push({ sheet: 'Thông tin', cell: 'B3', code: 'period.mismatch', message: 'kỳ khác' });
    applyDuplicateRule([a, otherUnit, otherPeriod]);
    expect([a, otherUnit].map((f) => f.superseded ?? null)).toEqual([null, null]);
    expect(otherPeriod.superseded).toEqual({ by: 'a.xlsx', reason: 'tệp đúng kỳ báo cáo' });
    expect(needsFixing(otherPeriod)).toBe(false);
    expect(a.submission).toBeDefined();
    expect(otherUnit.warnings).toEqual([]);
  });
  it('a unit whose period was typed wrong, then corrected in a newer file that has another mistake: one file to fix, the newer one', () => {
    const wrongPeriod = fr('HDTN.xlsx', { valid: false, period: '2025-Q2', reportDate: null, modifiedMs: 1_000 });
    wrongPeriod.errors.push({ sheet: 'Thông tin', cell: 'B4', code: 'period.mismatch', message: 'kỳ khác' }, { sheet: 'Thông tin', cell: 'B5', code: 'info.date-impossible', message: 'ngày' });
    const corrected = fr('HDTN (1).xlsx', { valid: false, reportDate: null, modifiedMs: 2_000 });
    corrected.errors.push({ sheet: 'Thông tin', cell: 'B5', code: 'info.date-impossible', message: 'ngày' });
    applyDuplicateRule([wrongPeriod, corrected]);
    expect([wrongPeriod, corrected].map(needsFixing)).toEqual([false, true]);
    expect(wrongPeriod.superseded?.reason).toBe('tệp đúng kỳ báo cáo');
  });
  it('a newer file with errors: the unit must fix it, and the older valid file is not counted in its place', () => {
    const older = fr('TW_v1.xlsx', { reportDate: '2023-03-20' });
    const newer = fr('TW_v2.xlsx', { valid: false, reportDate: '2023-03-28' });
    newer.errors.push({ sheet: 'Số liệu', cell: 'D7', code: 'figure.fractional-count', message: 'không phải số nguyên' });
    applyDuplicateRule([older, newer]);
    expect(older.valid).toBe(true);
    expect(older.superseded).toEqual({ by: 'TW_v2.xlsx', reason: 'ngày báo cáo 28/03/2023 muộn hơn' });
    expect(older.submission).toBeUndefined();
    expect(older.warnings[0]!.message).toContain('"TW_v2.xlsx"');
    expect(older.warnings[0]!.message).toContain('có lỗi');
    expect(newer.superseded).toBeUndefined();
    expect(newer.errors).toHaveLength(1);
    expect(newer.warnings[0]).toMatchObject({ code: 'unit.duplicate' });
    expect(newer.warnings[0]!.message).toContain('hãy sửa');
    expect([older, newer].map(needsFixing)).toEqual([false, true]);
    expect([older, newer].map(isUsed)).toEqual([false, false]);
  });
  it('an older file with errors, corrected and sent again: nothing left to fix', () => {
    const older = fr('TW.xlsx', { valid: false, reportDate: '2023-03-20' });
    older.errors.push({ sheet: 'Số liệu', cell: 'D7', code: 'figure.fractional-count', message: 'không phải số nguyên' });
    const newer = fr('TW (1).xlsx', { reportDate: '2023-03-28' });
    applyDuplicateRule([older, newer]);
    expect(older.superseded).toEqual({ by: 'TW (1).xlsx', reason: 'ngày báo cáo 28/03/2023 muộn hơn' });
    expect(older.errors).toHaveLength(1); // kept in the record, but no longer the unit's to fix
    expect([older, newer].map(needsFixing)).toEqual([false, false]);
    expect([older, newer].map(isUsed)).toEqual([false, true]);
  });
  it('a file whose report date could not be read is ranked by when it was saved, and the reason does not claim one date', () => {
    const dated = fr('a.xlsx', { reportDate: '2023-04-20', modifiedMs: 1_000 });
    const undated = fr('b.xlsx', { valid: false, reportDate: null, modifiedMs: 5_000 });
    applyDuplicateRule([dated, undated]);
    expect(dated.superseded).toEqual({ by: 'b.xlsx', reason: 'tệp được sửa sau cùng' });
  });
  it('same date and time: names are compared as people version them ("(1)" after none, "v10" after "v2")', () => {
    const pairs: [string, string][] = [['HND.xlsx', 'HND (1).xlsx'], ['HND (1).xlsx', 'HND (2).xlsx'], ['bao cao v2.xlsx', 'bao cao v10.xlsx']];
    for (const [older, newer] of pairs) {
      const files = [fr(newer), fr(older)];
      applyDuplicateRule(files);
      expect(files.find((f) => !f.superseded)!.file, `${older} / ${newer}`).toBe(newer);
    }
  });
  it('the choice does not depend on the order of the files', () => {
    const make = () => [fr('x.xlsx', { reportDate: null, modifiedMs: 3_000 }), fr('y.xlsx', { reportDate: '2023-04-02', modifiedMs: 2_000 }), fr('z.xlsx', { reportDate: '2023-04-01', modifiedMs: 1_000 })];
    const winners = new Set<string>();
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 0, 2], [2, 0, 1]]) {
      const files = make();
      applyDuplicateRule(order.map((i) => files[i]!));
      winners.add(files.find((f) => !f.superseded)!.file);
    }
    expect(winners.size).toBe(1);
  });
});

// The committee's own voice: counts summed across units, proposals routed by addressee, causes grouped, one
// deadline per task, changes attached to their figure, and a fair share of the body for every group of units.
import { describe, expect, it } from 'vitest';
import { additiveShape, withSums } from '../../src/aggregate/additive.js';
import { mergeItems } from '../../src/aggregate/gather.js';
import { addresseeInText, addresseeRank, bodyLevel, canonicalAddressee, protocolOrder, routeProposal, withoutAddressee } from '../../src/domain/addressees.js';
import { causeGroups, causeKindOf, earliestDeadline, markedCause, movements } from '../../src/render/synthesis.js';
import { inSentence } from '../../src/render/format.js';
import { selectItems } from '../../src/render/selection.js';
import { changeBetween } from '../../src/aggregate/indicators.js';
import type { GatheredItem, IndicatorTotal, LimitationItem, UnitRef } from '../../src/model/report-model.js';

const unit = (code: string, group = 'Đảng ủy các xã, phường'): UnitRef => ({ code, name: `Đảng ủy xã ${code}`, group });
const row = (text: string, code: string) => ({ text, unit: unit(code), source: { unit: code, file: `${code}.xlsx`, sheet: 'Kết quả', row: 3, text } });
const merge = (texts: [string, string][]) =>
  mergeItems(texts.map(([t, c]) => row(t, c)), (r) => ({ text: r.text, units: [r.unit], sources: [] as GatheredItem['sources'] }), undefined, { similarity: 0.9, sumCounts: true });

describe('counts that add up', () => {
  it('finds a count only before a counting noun, never in a percentage, a date, a document number or an ordinal', () => {
    const counted = (text: string) => additiveShape(text).slots.map((s) => [s.value, s.noun]);
    expect(counted('Bồi dưỡng nghiệp vụ cho 45 cán bộ')).toEqual([[45, 'cán bộ']]);
    expect(counted('Trao 1.250 suất quà, trị giá 1,25 tỷ đồng')).toEqual([[1250, 'suất quà'], [1.25, 'tỷ đồng']]);
    expect(counted('100% khu dân cư tổ chức Ngày hội Đại đoàn kết')).toEqual([]);
    expect(counted('Ban hành Kế hoạch số 56-KH/ĐU về công tác dân vận')).toEqual([]);
    expect(counted('Hội nghị đối thoại lần thứ 2 năm 2025')).toEqual([]);
    expect(counted('Kỷ niệm 95 năm Ngày truyền thống (15/10/1930 - 15/10/2025)')).toEqual([]);
    expect(counted('Chỉ đạo 14/14 xã kiện toàn Ban Chỉ đạo')).toEqual([]);
    expect(counted('Triển khai Đề án 06 của Chính phủ tại số 3 hộ')).toEqual([]);
  });

  it('writes the sums into the first wording, the Vietnamese way, keeping the decimals of the parts', () => {
    const text = 'Trao 1.250 suất quà, trị giá 1,25 tỷ đồng';
    expect(withSums(text, additiveShape(text), [3750, 2.5], [0, 2])).toBe('Trao 3.750 suất quà, trị giá 2,5 tỷ đồng');
  });

  it('merges results that differ only in their counts into one item with the sums and every unit', () => {
    const merged = merge([
      ['Kiện toàn khối dân vận cơ sở, bồi dưỡng nghiệp vụ cho 45 cán bộ.', 'A'],
      ['Kiện toàn khối dân vận cơ sở, bồi dưỡng nghiệp vụ cho 60 cán bộ.', 'B'],
      ['Kiện toàn khối dân vận cơ sở, bồi dưỡng nghiệp vụ cho 1.020 cán bộ.', 'C'],
      ['Trao 120 suất quà cho hộ nghèo.', 'A'],
    ]);
    expect(merged.map((m) => m.text)).toEqual(['Kiện toàn khối dân vận cơ sở, bồi dưỡng nghiệp vụ cho 1.125 cán bộ.', 'Trao 120 suất quà cho hộ nghèo.']);
    expect(merged[0]!.units.map((u) => u.code)).toEqual(['A', 'B', 'C']);
    expect(merged[0]!.summed).toEqual({ values: [1125], nouns: ['cán bộ'] });
    expect(merged[1]!.summed).toBeUndefined();
  });

  it('keeps the very same sentence from several units as one item, unsummed', () => {
    const merged = merge([
      ['Phối hợp tổ chức Lễ kỷ niệm với 500 đại biểu tham dự, trao 120 suất quà.', 'A'],
      ['Phối hợp tổ chức Lễ kỷ niệm với 500 đại biểu tham dự, trao 120 suất quà.', 'B'],
    ]);
    expect(merged.map((m) => [m.text, m.units.length, m.summed])).toEqual([['Phối hợp tổ chức Lễ kỷ niệm với 500 đại biểu tham dự, trao 120 suất quà.', 2, undefined]]);
  });

  it('never sums across different nouns, different other numbers or different names', () => {
    const merged = merge([
      ['Trao 50 suất quà cho hộ nghèo.', 'A'],
      ['Trao 50 phần quà cho hộ nghèo.', 'B'],
      ['Ban hành Kế hoạch số 56-KH/ĐU, bồi dưỡng 10 cán bộ.', 'C'],
      ['Ban hành Kế hoạch số 57-KH/ĐU, bồi dưỡng 10 cán bộ.', 'D'],
      ['Vận động 12 hộ ở xã Hòa Xuân hiến đất.', 'E'],
      ['Vận động 14 hộ ở xã Hòa Tâm hiến đất.', 'F'],
    ]);
    expect(merged).toHaveLength(6);
    expect(merged.every((m) => m.summed === undefined)).toBe(true);
  });
});

describe('proposals by addressee', () => {
  const issuer = 'Ban Tuyên giáo và Dân vận Tỉnh ủy';
  it('routes a proposal to the issuer to its own tasks and one to a body below out of the report', () => {
    expect(routeProposal('Ban Tuyên giáo và Dân vận Tỉnh ủy', issuer)).toBe('issuer');
    expect(routeProposal('Ủy ban nhân dân tỉnh', issuer)).toBe('report');
    expect(routeProposal('Ban Dân vận Trung ương', issuer)).toBe('report');
    expect(routeProposal('Đảng ủy các xã, phường', issuer)).toBe('below');
    expect(routeProposal('Ủy ban nhân dân huyện', 'Ban Dân vận Huyện ủy')).toBe('report');
    expect(routeProposal('BDV Huyện ủy', 'Ban Dân vận Huyện ủy')).toBe('issuer');
    expect(routeProposal('Ban Chấp hành Hội Nông dân xã', 'Ban Dân vận Huyện ủy')).toBe('below');
    expect(bodyLevel('Mặt trận Tổ quốc Việt Nam tỉnh')).toBe(1);
    // Below a commune (an outside tester's district report printed "Đối với Các chi bộ ấp").
    expect(routeProposal(canonicalAddressee('Các chi bộ ấp'), 'Ban Dân vận Huyện ủy')).toBe('below');
    expect(routeProposal('Ban công tác Mặt trận khu dân cư', 'Ban Dân vận Tỉnh ủy')).toBe('below');
    expect(canonicalAddressee('các sở, ngành')).toBe('các sở, ngành');
    expect(canonicalAddressee('UBND huyện.')).toBe('Ủy ban nhân dân huyện');
    expect(bodyLevel('Ban Tổ chức')).toBeUndefined();
  });

  it('orders bodies as protocol does: the Centre, the Party committee, the government, then boards and departments', () => {
    const names = ['Sở Tài chính', 'Ủy ban nhân dân huyện', 'Ban Dân vận Huyện ủy', 'Ban Thường vụ Huyện ủy', 'Thường trực Huyện ủy', 'Ban Dân vận Trung ương', ''];
    expect([...names].sort((a, b) => addresseeRank(a) - addresseeRank(b))).toEqual([
      'Ban Dân vận Trung ương', 'Ban Thường vụ Huyện ủy', 'Thường trực Huyện ủy', 'Ủy ban nhân dân huyện', 'Sở Tài chính', 'Ban Dân vận Huyện ủy', '',
    ]);
  });

  it('puts the bodies of a higher level before those of the issuer\'s own, whatever their kind', () => {
    const issuer = 'Ban Dân vận Huyện ủy';
    const names = ['Ủy ban nhân dân huyện', 'Ban Dân vận Tỉnh ủy', 'Ban Thường vụ Huyện ủy', 'Ban Tuyên giáo và Dân vận Trung ương'];
    expect([...names].sort((a, b) => protocolOrder(a, issuer) - protocolOrder(b, issuer))).toEqual([
      'Ban Tuyên giáo và Dân vận Trung ương', 'Ban Dân vận Tỉnh ủy', 'Ban Thường vụ Huyện ủy', 'Ủy ban nhân dân huyện',
    ]);
  });

  it('reads the issuer from the text when the unit left the addressee blank, and drops "Đề nghị <addressee>" under its heading', () => {
    expect(addresseeInText('Đề nghị Ban Dân vận Tỉnh ủy tổ chức tập huấn nghiệp vụ.', 'Ban Dân vận Tỉnh ủy')).toBe('Ban Dân vận Tỉnh ủy');
    expect(addresseeInText('Tổ chức tập huấn nghiệp vụ.', 'Ban Dân vận Tỉnh ủy')).toBe('');
    expect(withoutAddressee('Đề nghị UBND tỉnh bố trí kinh phí.', ['UBND tỉnh', 'Ủy ban nhân dân tỉnh'])).toBe('Bố trí kinh phí.');
    expect(withoutAddressee('Đề nghị Ủy ban nhân dân tỉnh sớm phê duyệt giá đất.', ['UBND tỉnh'])).toBe('Sớm phê duyệt giá đất.');
    expect(withoutAddressee('Quan tâm bố trí kinh phí.', ['UBND tỉnh'])).toBe('Quan tâm bố trí kinh phí.');
  });
});

describe('causes, deadlines and changes', () => {
  it('reads khách quan / chủ quan where the unit marked them, and says each cause once', () => {
    expect(markedCause('Khách quan: thiên tai kéo dài.')).toEqual({ kind: 'khách quan', text: 'Thiên tai kéo dài.' });
    expect(markedCause('Nguyên nhân chủ quan - phối hợp chưa chặt chẽ')).toEqual({ kind: 'chủ quan', text: 'Phối hợp chưa chặt chẽ' });
    expect(markedCause('Địa bàn rộng.')).toEqual({ kind: '', text: 'Địa bàn rộng.' });
    const a = unit('A');
    const b = unit('B');
    const limitation = (text: string, causes: [UnitRef, string][]): LimitationItem => ({
      text,
      units: causes.map(([u]) => u),
      causes: causes.map(([, c]) => c),
      sources: causes.map(([u, c]) => ({ unit: u.code, file: '', sheet: 'Hạn chế', row: 3, text, detail: c })),
    });
    const groups = causeGroups(
      [
        limitation('Hạn chế một', [[a, 'Địa bàn rộng.'], [b, 'Khách quan: thiên tai kéo dài; chủ quan: phối hợp chưa chặt chẽ.']]),
        limitation('Hạn chế hai', [[b, 'Địa bàn rộng.']]),
      ],
      new Map([[a.code, a], [b.code, b]]),
      { similarity: 0.9 },
    );
    // "Địa bàn rộng" is marked by nobody, but its words tell a condition, not a shortcoming: khách quan.
    expect(groups.map((g) => [g.kind, g.items.map((i) => i.text)])).toEqual([
      ['khách quan', ['Địa bàn rộng.', 'Thiên tai kéo dài']],
      ['chủ quan', ['Phối hợp chưa chặt chẽ.']],
    ]);
    expect(groups[0]!.items[0]!.units.map((u) => u.code)).toEqual(['A', 'B']);
    expect(causeKindOf('Một số cấp ủy chưa quan tâm đúng mức đến công tác dân vận.')).toBe('chủ quan');
    expect(causeKindOf('Cán bộ làm công tác dân vận ở cơ sở kiêm nhiệm nhiều việc.')).toBe('chủ quan');
    expect(causeKindOf('Kinh phí hỗ trợ xây dựng mô hình còn hạn chế.')).toBe('khách quan');
    expect(causeKindOf('Hội viên tuổi cao, sức khỏe hạn chế.')).toBe('khách quan');
    expect(causeKindOf('Vì nhiều lẽ.')).toBe('');
    // Nothing tells a kind: one list.
    const plain = causeGroups([limitation('Hạn chế ba', [[a, 'Vì nhiều lẽ.']])], new Map([[a.code, a]]), { similarity: 0.9 });
    expect(plain.map((g) => g.kind)).toEqual(['']);
  });

  it('writes a deadline lower case inside a sentence, a name keeping its capital', () => {
    expect(['Thường xuyên', 'Quý II/2023', 'Tháng 5/2023', 'Năm 2023', '30/6/2023', 'Đại hội Đảng bộ'].map(inSentence)).toEqual([
      'thường xuyên', 'quý II/2023', 'tháng 5/2023', 'năm 2023', '30/6/2023', 'Đại hội Đảng bộ',
    ]);
  });

  it('gives a task the earliest full date, else the earliest month, else none', () => {
    expect(earliestDeadline({ deadlines: ['Thường xuyên', 'Quý IV/2025', 'Tháng 12/2025', '20/12/2025', '15/12/2025', 'Năm 2025'] })).toBe('15/12/2025');
    expect(earliestDeadline({ deadlines: ['Tháng 12/2025', 'Tháng 11/2025', 'Thường xuyên'] })).toBe('tháng 11/2025');
    expect(earliestDeadline({ deadlines: ['Thường xuyên', 'Quý IV/2025'] })).toBe('');
  });

  it('tells a ratio\'s change in points between the ratios as printed, and names rises and notable falls each with its figure', () => {
    expect(changeBetween(90.8867, 86.8421, true)!.delta).toBe(4.1);
    const total = (code: string, name: string, total: number, previous: number, derived = false): IndicatorTotal => ({
      code, name, unit: derived ? '%' : 'tập thể', kind: derived ? 'ratio' : 'count', aggregation: 'flow', total, reported: 1, of: 1, derived, previous,
      change: changeBetween(total, previous, derived),
    });
    const { rises, falls } = movements([
      total('KT_TAPTHE', 'Tập thể được khen thưởng', 66, 60),
      total('KT_CANHAN', 'Cá nhân được khen thưởng', 157, 170),
      total('TT_BUOI', 'Buổi tuyên truyền', 99, 100),
      total('KN_TL', 'Tỷ lệ kiến nghị được giải quyết', 90.8867, 86.8421, true),
    ]);
    expect(rises.map((m) => m.text)).toEqual(['số tập thể được khen thưởng tăng 10%', 'tỷ lệ kiến nghị được giải quyết tăng 4,1 điểm phần trăm']);
    expect(falls.map((m) => m.text)).toEqual(['số cá nhân được khen thưởng giảm 7,6%']);
  });
});

describe('a fair share of the body', () => {
  it('lets the groups take turns among items reported by as many units, so that the last group is not always cut', () => {
    const item = (text: string, group: string): GatheredItem => ({ text, units: [unit(text, group)], sources: [] });
    const items = [
      ...['a1', 'a2', 'a3', 'a4'].map((t) => item(t, 'Đảng ủy các xã, phường')),
      ...['m1', 'm2'].map((t) => item(t, 'Mặt trận và đoàn thể')),
      item('l1', 'Lực lượng vũ trang'),
    ];
    const { shown, rest } = selectItems(items, 4);
    expect(shown.map((i) => i.text).sort()).toEqual(['a1', 'a2', 'l1', 'm1']);
    expect(rest.map((i) => i.text)).toEqual(['a3', 'a4', 'm2']);
  });
});

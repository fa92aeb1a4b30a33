import { describe, expect, it } from 'vitest';
import { findUnitsByName, findUnitsInFileName, nameAgreement } from '../../src/domain/unit-name.js';
import { encodeTcvn3, encodeVni } from '../../src/domain/legacy-encoding.js';
import type { UnitEntry } from '../../src/config/schema.js';

/** A district's registry as a Ban Dân vận Huyện ủy keeps it (protocol order). */
const DISTRICT: UnitEntry[] = [
  { code: 'MTTQ', name: 'Ủy ban MTTQ Việt Nam huyện', group: 'Mặt trận và các đoàn thể' },
  { code: 'LDLD', name: 'Liên đoàn Lao động huyện', group: 'Mặt trận và các đoàn thể' },
  { code: 'HDTN', name: 'Huyện đoàn', group: 'Mặt trận và các đoàn thể' },
  { code: 'HLHPN', name: 'Hội Liên hiệp Phụ nữ huyện', group: 'Mặt trận và các đoàn thể' },
  { code: 'HND', name: 'Hội Nông dân huyện', group: 'Mặt trận và các đoàn thể' },
  { code: 'HCCB', name: 'Hội Cựu chiến binh huyện', group: 'Mặt trận và các đoàn thể' },
  { code: 'CA', name: 'Công an huyện', group: 'Lực lượng vũ trang' },
  { code: 'BCHQS', name: 'Ban Chỉ huy Quân sự huyện', group: 'Lực lượng vũ trang' },
  { code: 'XA_BINHTHANH', name: 'Đảng ủy xã Bình Thạnh', group: 'Đảng ủy các xã, thị trấn' },
  { code: 'XA_BINHTHANH2', name: 'Đảng ủy xã Bình Thành', group: 'Đảng ủy các xã, thị trấn' },
  { code: 'XA_ANHOA', name: 'Đảng ủy xã An Hòa', group: 'Đảng ủy các xã, thị trấn' },
  { code: 'TT_TANLAC', name: 'Đảng ủy thị trấn Tân Lạc', group: 'Đảng ủy các xã, thị trấn' },
];

/** A province's registry (before 2025 and after). */
const PROVINCE: UnitEntry[] = [
  { code: 'HU_DONGHOA', name: 'Ban Dân vận Huyện ủy Đông Hòa', group: 'Các huyện ủy, thành ủy' },
  { code: 'TU_BINHSON', name: 'Ban Dân vận Thành ủy Bình Sơn', group: 'Các huyện ủy, thành ủy' },
  { code: 'TINHDOAN', name: 'Tỉnh đoàn', group: 'Mặt trận' },
  { code: 'BDBP', name: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', group: 'Lực lượng vũ trang' },
  { code: 'BCHQS', name: 'Bộ Chỉ huy Quân sự tỉnh', group: 'Lực lượng vũ trang' },
];

describe('nameAgreement: how units write their own names', () => {
  // [what the file says, the registry's name]: the same unit.
  const same: [string, string][] = [
    ['Ủy ban MTTQ Việt Nam huyện', 'Ủy ban MTTQ Việt Nam huyện'],
    ['UBMTTQ huyện', 'Ủy ban MTTQ Việt Nam huyện'],
    ['UBMTTQVN huyện', 'Ủy ban MTTQ Việt Nam huyện'],
    ['MTTQ', 'Ủy ban MTTQ Việt Nam huyện'],
    ['Ủy ban Mặt trận Tổ quốc Việt Nam huyện', 'Ủy ban MTTQ Việt Nam huyện'],
    ['UY BAN MAT TRAN TO QUOC HUYEN', 'Ủy ban MTTQ Việt Nam huyện'],
    ['Hội CCB huyện', 'Hội Cựu chiến binh huyện'],
    ['HCCB', 'Hội Cựu chiến binh huyện'],
    ['hội cựu chiến binh', 'Hội Cựu chiến binh huyện'],
    ['Hoi Cuu chien binh huyen', 'Hội Cựu chiến binh huyện'],
    ['Hội Cựu chiến binh huyện Tân Lạc', 'Hội Cựu chiến binh huyện'],
    ['HLHPN huyện', 'Hội Liên hiệp Phụ nữ huyện'],
    ['Hội Phụ nữ huyện', 'Hội Liên hiệp Phụ nữ huyện'],
    ['Hội LHPN', 'Hội Liên hiệp Phụ nữ huyện'],
    ['LĐLĐ huyện', 'Liên đoàn Lao động huyện'],
    ['Đoàn TN huyện', 'Huyện đoàn'],
    ['Đoàn TNCS Hồ Chí Minh huyện', 'Huyện đoàn'],
    ['Huyện Đoàn', 'Huyện đoàn'],
    ['BCH Quân sự huyện', 'Ban Chỉ huy Quân sự huyện'],
    ['CA huyện', 'Công an huyện'],
    ['Đảng ủy Công an huyện', 'Công an huyện'],
    ['ĐU xã Bình Thạnh', 'Đảng ủy xã Bình Thạnh'],
    ['xã Bình Thạnh', 'Đảng ủy xã Bình Thạnh'],
    ['Bình Thạnh', 'Đảng ủy xã Bình Thạnh'],
    ['ĐẢNG ỦY XÃ BÌNH THẠNH', 'Đảng ủy xã Bình Thạnh'],
    ['Dang uy xa Binh Thanh', 'Đảng ủy xã Bình Thạnh'],
    ['Đảng bộ xã Bình Thạnh', 'Đảng ủy xã Bình Thạnh'],
    ['Ban Dân vận Đảng ủy xã Bình Thạnh', 'Đảng ủy xã Bình Thạnh'],
    ['BDV HU Đông Hòa', 'Ban Dân vận Huyện ủy Đông Hòa'],
    // Old and new placement of the tone mark: "Hoà"/"Hòa", "Thuỷ"/"Thủy", "Uỷ"/"Ủy".
    ['Ban Dân vận Huyện uỷ Đông Hoà', 'Ban Dân vận Huyện ủy Đông Hòa'],
    ['Đảng uỷ xã Yên Thuỷ', 'Đảng ủy xã Yên Thủy'],
    ['Uỷ ban MTTQ Việt Nam huyện', 'Ủy ban MTTQ Việt Nam huyện'],
    ['Huyện ủy Đông Hòa', 'Ban Dân vận Huyện ủy Đông Hòa'],
    ['TU Bình Sơn', 'Ban Dân vận Thành ủy Bình Sơn'],
    ['Tỉnh Đoàn', 'Tỉnh đoàn'],
    ['Đoàn Thanh niên tỉnh', 'Tỉnh đoàn'],
    ['BĐBP tỉnh', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh'],
    ['Biên phòng', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh'],
    ['Quân sự huyện', 'Ban Chỉ huy Quân sự huyện'],
    // Old keyboards: TCVN3 and VNI text that was not converted cell by cell.
    [encodeTcvn3('Hội Cựu chiến binh huyện'), 'Hội Cựu chiến binh huyện'],
    [encodeVni('Đảng ủy xã Bình Thạnh'), 'Đảng ủy xã Bình Thạnh'],
  ];
  it.each(same)('%s is %s', (file, registry) => {
    expect(nameAgreement(file, registry)).toBe('same');
  });

  // Another organisation, or another place: never the unit.
  const different: [string, string][] = [
    ['Hội Người cao tuổi huyện', 'Hội Cựu chiến binh huyện'],
    ['Hội Người cao tuổi', 'Hội Cựu chiến binh huyện'],
    ['Hội Chữ thập đỏ huyện', 'Hội Cựu chiến binh huyện'],
    ['Hội Nông dân huyện', 'Hội Liên hiệp Phụ nữ huyện'],
    ['xã Bình Thành', 'Đảng ủy xã Bình Thạnh'],
    ['Đảng ủy xã Bình Thạnh', 'Đảng ủy xã Bình Thành'],
    ['Đảng ủy xã An Hòa', 'Đảng ủy xã Bình Thạnh'],
    ['Đảng ủy xã Yên Thuỷ', 'Đảng ủy xã Yên Thúy'],
    ['Công an huyện', 'Ban Chỉ huy Quân sự huyện'],
    ['Ban Dân vận Huyện ủy Tân Lạc', 'Ban Dân vận Huyện ủy Đông Hòa'],
    ['Huyện ủy Đông Hòa', 'Ban Dân vận Thành ủy Bình Sơn'],
    ['Bộ Chỉ huy Quân sự tỉnh', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh'],
  ];
  it.each(different)('%s is not %s', (file, registry) => {
    expect(nameAgreement(file, registry)).toBe('different');
  });

  // Too little to tell: never an error, never an identification.
  const unclear: [string, string][] = [
    ['', 'Hội Cựu chiến binh huyện'],
    ['Ban Dân vận', 'Ban Dân vận Huyện ủy Đông Hòa'],
    ['Hội', 'Hội Cựu chiến binh huyện'],
    ['x', 'Hội Cựu chiến binh huyện'],
    ['ABC-123', 'Hội Cựu chiến binh huyện'],
    // "Thanh" is a name of its own: typed with diacritics elsewhere, the missing dot is not read as "Thạnh".
    ['xã Bình Thanh', 'Đảng ủy xã Bình Thạnh'],
    // An abbreviation danvan does not know.
    ['UBMTQ huyện', 'Ủy ban MTTQ Việt Nam huyện'],
    ['Phòng', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh'],
  ];
  it.each(unclear)('%s against %s cannot tell', (file, registry) => {
    expect(nameAgreement(file, registry)).toBe('unclear');
  });
});

describe('findUnitsByName and findUnitsInFileName', () => {
  it('finds the one unit a name names, none for an outside organisation, both when the letters cannot tell', () => {
    expect(findUnitsByName('Hội CCB huyện', DISTRICT).map((u) => u.code)).toEqual(['HCCB']);
    expect(findUnitsByName('Hội Người cao tuổi huyện', DISTRICT)).toEqual([]);
    expect(findUnitsByName('xã Bình Thạnh', DISTRICT).map((u) => u.code)).toEqual(['XA_BINHTHANH']);
    expect(findUnitsByName('xã Bình Thành', DISTRICT).map((u) => u.code)).toEqual(['XA_BINHTHANH2']);
    // Without diacritics "Binh Thanh" is either commune.
    expect(findUnitsByName('Dang uy xa Binh Thanh', DISTRICT).map((u) => u.code)).toEqual(['XA_BINHTHANH', 'XA_BINHTHANH2']);
    expect(findUnitsByName('  ', DISTRICT)).toEqual([]);
  });

  it('reads a code or a name in a file name, the longer of two codes', () => {
    expect(findUnitsInFileName('in/XA_BINHTHANH_quy-3-2026.xlsx', DISTRICT).map((u) => u.code)).toEqual(['XA_BINHTHANH']);
    expect(findUnitsInFileName('XA_BINHTHANH2.xlsx', DISTRICT).map((u) => u.code)).toEqual(['XA_BINHTHANH2']);
    expect(findUnitsInFileName('Báo cáo quý III - Hội Cựu chiến binh.xlsx', DISTRICT).map((u) => u.code)).toEqual(['HCCB']);
    expect(findUnitsInFileName('bao cao quy 3.xlsx', DISTRICT)).toEqual([]);
    expect(findUnitsInFileName('HU_DONGHOA (ban sua).xlsx', [...PROVINCE, { code: 'HU', name: 'Huyện ủy', group: '' }]).map((u) => u.code)).toEqual(['HU_DONGHOA']);
  });
});

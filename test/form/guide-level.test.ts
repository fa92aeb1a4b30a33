/** The "Hướng dẫn" sheet speaks to the configured committee's units: its level's bodies, never a fixed province. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { RECOGNITION_LEVELS } from '../../src/domain/fields.js';
import { committeeOf } from '../../src/domain/committee.js';
import { buildFormWorkbook } from '../../src/form/index.js';
import { dumpXlsx, hasOpenpyxl } from '../helpers/openpyxl.js';
import { danvan, tempDir } from '../e2e/run-cli.js';

const openpyxl = hasOpenpyxl();
if (!openpyxl) console.warn('guide-level.test.ts: python3-openpyxl absent, the guides are not read back');

/** The guide's text as openpyxl reads it from the written file. */
async function guideText(organization: { name: string; superiorBody: string }, groups: string[] = []): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'danvan-guide-'));
  const file = join(dir, 'form.xlsx');
  writeFileSync(file, await buildFormWorkbook({ catalogue: DEFAULT_CATALOGUE, committee: committeeOf(organization), groups }));
  return dumpXlsx(file)['Hướng dẫn']!.rows.flat().filter((v): v is string => typeof v === 'string').join('\n');
}

function withoutLevels(guide: string): string {
  return guide.replace(`Cấp công nhận: ${RECOGNITION_LEVELS.join('; ')}`, '');
}

describe.skipIf(!openpyxl)('the guide follows the committee of the config', () => {
  it('a district committee: Huyện ủy, UBND huyện, its own name; nothing of a province', async () => {
    const guide = await guideText({ name: 'Ban Dân vận Huyện ủy', superiorBody: 'HUYỆN ỦY TÂN LẠC' });
    expect(guide).toContain('Ban Thường vụ Huyện ủy, UBND huyện, Ban Dân vận Huyện ủy');
    expect(guide).toContain('các đảng ủy xã, phường, thị trấn');
    expect(guide).toContain('Gửi tệp về Ban Dân vận Huyện ủy');
    // "Tỉnh" stays only as a level of recognition of a model (SPEC §3's fixed list).
    expect(withoutLevels(guide)).not.toMatch(/tỉnh/i);
  });

  it('a commune committee (after 2025): Đảng ủy xã, UBND xã', async () => {
    const guide = await guideText({ name: 'Ban Xây dựng Đảng Đảng ủy xã', superiorBody: 'ĐẢNG ỦY XÃ AN HÒA' });
    expect(guide).toContain('Ban Thường vụ Đảng ủy xã, UBND xã, Ban Xây dựng Đảng Đảng ủy xã');
    expect(withoutLevels(guide)).not.toMatch(/tỉnh|huyện/i);
  });

  it('a province: Tỉnh ủy, UBND tỉnh; with a registry, its groups say who fills the form', async () => {
    const guide = await guideText({ name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', superiorBody: 'TỈNH ỦY BÌNH SƠN' }, ['Đảng ủy các xã, phường', 'Mặt trận và các tổ chức chính trị - xã hội']);
    expect(guide).toContain('Ban Thường vụ Tỉnh ủy, UBND tỉnh, Ban Tuyên giáo và Dân vận Tỉnh ủy');
    expect(guide).toContain('Mỗi đơn vị trong danh sách của Ban Tuyên giáo và Dân vận Tỉnh ủy (Đảng ủy các xã, phường; Mặt trận và các tổ chức chính trị - xã hội)');
  });

  it('names that say no level: general wording, no level invented', async () => {
    const guide = await guideText({ name: 'Ban Dân vận', superiorBody: '……' });
    expect(guide).toContain('Ban Thường vụ cấp ủy, Ủy ban nhân dân cùng cấp, Ban Dân vận');
    expect(guide).not.toMatch(/tỉnh ủy|huyện ủy|UBND tỉnh/i);
  });

  it('danvan mau with a district\'s config: the guide of the written form speaks to the district\'s units', () => {
    const cwd = tempDir();
    const config = {
      organization: { superiorBody: 'HUYỆN ỦY TÂN LẠC', name: 'Ban Dân vận Huyện ủy', abbreviation: 'BDVHU', unitCode: 'BDVHU', place: 'Tân Lạc' },
      units: [
        { code: 'MTTQ', name: 'Ủy ban MTTQ Việt Nam huyện', group: 'Mặt trận và các đoàn thể' },
        { code: 'XA_ANHOA', name: 'Đảng ủy xã An Hòa', group: 'Đảng ủy các xã, thị trấn' },
      ],
    };
    writeFileSync(join(cwd, 'danvan.config.json'), JSON.stringify(config));
    const result = danvan(['mau', '--config', 'danvan.config.json', '-o', 'bieu-mau.xlsx'], cwd);
    expect(result.code, result.stderr).toBe(0);
    const guide = dumpXlsx(join(cwd, 'bieu-mau.xlsx'))['Hướng dẫn']!.rows.flat().filter((v): v is string => typeof v === 'string').join('\n');
    expect(guide).toContain('Ban Thường vụ Huyện ủy, UBND huyện, Ban Dân vận Huyện ủy');
    expect(guide).toContain('Mỗi đơn vị trong danh sách của Ban Dân vận Huyện ủy (Mặt trận và các đoàn thể; Đảng ủy các xã, thị trấn)');
    expect(withoutLevels(guide)).not.toMatch(/tỉnh/i);
  });
});

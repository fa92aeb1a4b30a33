#!/usr/bin/python3
"""A province's worth of submissions, written by openpyxl, to read the report that danvan makes of them.

The invented province Lâm Giang after the 2025 reorganisation: N commune Party committees (Đảng ủy xã, phường),
the Fatherland Front and the mass organisations, two departments and the armed forces, reporting to the
"Ban Tuyên giáo và Dân vận Tỉnh ủy" for 9 tháng/2025. What units send is what makes a report hard to write:

- the same result with a different additive count ("bồi dưỡng nghiệp vụ cho 45 cán bộ", "… cho 60 cán bộ"),
  which the report says once with the sum, and numbers that never add (percentages, "lần thứ", document
  numbers, anniversaries), which it never sums;
- the same limitation tagged with different fields, with shared causes, some marked khách quan / chủ quan;
- the same task with different deadlines;
- proposals to the issuer itself, to the bodies above and beside it, and to bodies below it.

Beside the folder it writes <folder>.config.json (the registry in protocol order) and <folder>.expected.json:
the totals of every indicator, the sum of every additive result and the units that reported it, the distinct
limitations, causes and tasks, and where each proposal belongs; all computed here, never by danvan.

Usage: /usr/bin/python3 scripts/make-province.py OUT_DIR [--units N] [--seed N]
"""
import argparse
import datetime
import importlib.util
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('foreign', os.path.join(HERE, 'make-foreign-fixtures.py'))
foreign = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(foreign)

PERIOD = ('9 tháng/2025', '2025-9T')
ISSUER = 'Ban Tuyên giáo và Dân vận Tỉnh ủy'
COMMUNE_GROUP = 'Đảng ủy các xã, phường'
FRONT_GROUP = 'Mặt trận Tổ quốc và các tổ chức chính trị - xã hội'
STATE_GROUP = 'Các sở, ngành'
ARMED_GROUP = 'Lực lượng vũ trang'

# Registry order is protocol order: the Front first among the mass organisations.
ORGANISATIONS = [
    ('MTTQ_TINH', 'Ủy ban MTTQ Việt Nam tỉnh', FRONT_GROUP),
    ('LDLD_TINH', 'Liên đoàn Lao động tỉnh', FRONT_GROUP),
    ('TINHDOAN', 'Tỉnh đoàn', FRONT_GROUP),
    ('HLHPN_TINH', 'Hội Liên hiệp Phụ nữ tỉnh', FRONT_GROUP),
    ('HND_TINH', 'Hội Nông dân tỉnh', FRONT_GROUP),
    ('HCCB_TINH', 'Hội Cựu chiến binh tỉnh', FRONT_GROUP),
    ('SO_NOIVU', 'Sở Nội vụ', STATE_GROUP),
    ('SO_DTTG', 'Sở Dân tộc và Tôn giáo', STATE_GROUP),
    ('BCHQS_TINH', 'Bộ Chỉ huy Quân sự tỉnh', ARMED_GROUP),
    ('CA_TINH', 'Công an tỉnh', ARMED_GROUP),
    ('BDBP_TINH', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', ARMED_GROUP),
]
SYLLABLES = ['An', 'Bình', 'Hòa', 'Phú', 'Tân', 'Thạnh', 'Xuân', 'Đông', 'Tây', 'Nam', 'Bắc', 'Long', 'Mỹ',
             'Phước', 'Thuận', 'Hưng', 'Lộc', 'Sơn', 'Thủy', 'Vĩnh', 'Quang', 'Trung']
ASCII = str.maketrans('ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ',
                      'AAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYD')

# Results with additive counts: (field, wording with {slots}, the slots' units). The report sums each slot.
ADDITIVE = [
    ('Tổ chức, cán bộ', 'Kiện toàn khối dân vận cơ sở, bồi dưỡng nghiệp vụ cho {0} cán bộ.', ['cán bộ']),
    ('Mặt trận và đoàn thể', 'Phối hợp Ủy ban MTTQ xã trao {0} suất quà cho hộ nghèo, gia đình chính sách nhân dịp Tết Trung thu.', ['suất quà']),
    ('Dân vận khéo', 'Vận động Nhân dân hiến {0} m² đất, đóng góp {1} ngày công làm đường giao thông nông thôn.', ['m²', 'ngày công']),
    ('Dân vận chính quyền', 'Tiếp nhận và giải quyết đúng hạn {0} hồ sơ thủ tục hành chính tại Trung tâm phục vụ hành chính công xã.', ['hồ sơ']),
]
# Results whose numbers never add: every unit says the same, or each says its own document.
SAME_FOR_ALL = [
    ('Mặt trận và đoàn thể', '100% khu dân cư tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025.'),
    ('Lãnh đạo, chỉ đạo', 'Tổ chức kỷ niệm 95 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 - 15/10/2025).'),
    ('Dân chủ ở cơ sở', 'Tổ chức hội nghị đối thoại lần thứ 2 năm 2025 giữa Bí thư Đảng ủy xã với Nhân dân.'),
]
OWN_DOCUMENT = ('Lãnh đạo, chỉ đạo', 'Ban hành Kế hoạch số {0}-KH/ĐU về thực hiện công tác dân vận năm 2025.')

# The same limitation, tagged by each unit with one of several fields.
LIMITATIONS = [
    ('Dân vận chính quyền ở một số nơi hiệu quả chưa cao.', ['Dân vận chính quyền', 'Lãnh đạo, chỉ đạo', 'Tổ chức, cán bộ']),
    ('Việc nắm tình hình Nhân dân có lúc chưa kịp thời.', ['Nắm tình hình Nhân dân', 'Dân chủ ở cơ sở', 'Khác']),
    ('Hoạt động của khối dân vận cơ sở sau sắp xếp còn lúng túng.', ['Tổ chức, cán bộ', 'Mặt trận và đoàn thể']),
    ('Một số mô hình “Dân vận khéo” chưa được duy trì thường xuyên.', ['Dân vận khéo', 'Khác']),
]
CAUSES = [
    'Địa bàn rộng sau sắp xếp, giao thông đi lại khó khăn.',
    'Cán bộ làm công tác dân vận ở cơ sở kiêm nhiệm nhiều việc.',
    'Một số cấp ủy chưa quan tâm đúng mức đến công tác dân vận.',
    'Kinh phí hỗ trợ xây dựng mô hình còn hạn chế.',
]
# Causes the units mark themselves: (text as typed, kind, text without the mark).
MARKED_CAUSES = [
    ('Khách quan: thiên tai, bão lũ kéo dài ảnh hưởng đến đời sống Nhân dân.', 'khách quan', 'thiên tai, bão lũ kéo dài ảnh hưởng đến đời sống Nhân dân.'),
    ('Chủ quan: công tác phối hợp giữa các tổ chức trong hệ thống chính trị có lúc chưa chặt chẽ.', 'chủ quan', 'công tác phối hợp giữa các tổ chức trong hệ thống chính trị có lúc chưa chặt chẽ.'),
]
TASKS = [
    ('Dân vận khéo', 'Tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo” gắn với nhiệm vụ chính trị của địa phương.',
     ['Thường xuyên', 'Quý IV/2025', 'Tháng 12/2025', '15/12/2025', 'Năm 2025']),
    ('Lãnh đạo, chỉ đạo', 'Tham mưu tổng kết công tác dân vận năm 2025.', ['15/12/2025', 'Tháng 12/2025', '20/12/2025']),
    ('Dân chủ ở cơ sở', 'Tăng cường đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân.', ['Thường xuyên', 'Quý IV/2025']),
]
# Proposals: (text, addressee as typed, where it belongs: 'issuer' | 'kept' | 'below').
PROPOSALS = [
    ('Đề nghị Ban Tuyên giáo và Dân vận Tỉnh ủy tổ chức tập huấn nghiệp vụ công tác dân vận cho cán bộ cấp xã sau sắp xếp.', 'Ban Tuyên giáo và Dân vận Tỉnh ủy', 'issuer'),
    # Addressed to the issuer in "Cơ quan nhận" only: the text names nobody.
    ('Đề nghị tổ chức hội nghị giao ban khối dân vận cấp xã định kỳ hằng quý.', 'Ban Tuyên giáo và Dân vận Tỉnh ủy', 'issuer'),
    ('Đề nghị UBND tỉnh bố trí kinh phí hỗ trợ xây dựng, nhân rộng các mô hình “Dân vận khéo”.', 'UBND tỉnh', 'kept'),
    ('Đề nghị Ban Thường vụ Tỉnh ủy chỉ đạo kiện toàn khối dân vận cơ sở sau sắp xếp.', 'Ban Thường vụ Tỉnh ủy', 'kept'),
    ('Đề nghị Ban Tuyên giáo và Dân vận Trung ương sớm ban hành hướng dẫn về tổ chức khối dân vận cấp xã.', 'Ban Tuyên giáo và Dân vận Trung ương', 'kept'),
]
FRONT_PROPOSAL = ('Đề nghị Đảng ủy các xã, phường quan tâm bố trí kinh phí hoạt động cho Ban Công tác Mặt trận ở khu dân cư.', 'Đảng ủy các xã, phường', 'below')


def communes(n, rng):
    # Two syllables give 462 names; a province of thousands of communes takes three.
    size = 2 if n <= 300 else 3
    names, seen = [], set()
    while len(names) < n:
        parts = tuple(rng.sample(SYLLABLES, size))
        if parts in seen:
            continue
        seen.add(parts)
        kind = 'phường' if rng.random() < 0.2 else 'xã'
        code = f"DU_{'PHUONG' if kind == 'phường' else 'XA'}_{''.join(parts).upper().translate(ASCII)}"
        names.append((code, f'Đảng ủy {kind} {" ".join(parts)}', COMMUNE_GROUP))
    return names


# A commune's figures for nine months (low, high, whole?); an organisation's are a few times larger.
RANGES = {'DVK_MH_MOI': (0, 5, True), 'DVK_MH_CN': (0, 3, True), 'DVK_DH': (0, 3, True), 'TT_BUOI': (5, 60, True),
          'TT_LUOT': (300, 5000, True), 'TH_LOP': (0, 4, True), 'TH_LUOT': (20, 300, True), 'DT_HN': (0, 4, True),
          'KN_TIEP': (0, 60, True), 'KTGS_CUOC': (0, 6, True), 'VD_TIEN': (50, 3000, False),
          'VD_NGAYCONG': (100, 3000, False), 'VD_DAT': (0, 5000, False), 'VD_NHA': (0, 10, True),
          'KT_TAPTHE': (0, 5, True), 'KT_CANHAN': (0, 15, True)}


def figures(rng, is_commune):
    scale = 1 if is_commune else 4
    out = {}
    for code, (low, high, whole) in RANGES.items():
        if rng.random() < 0.08:
            out[code] = None
        elif whole:
            out[code] = rng.randint(low, high * scale)
        else:
            out[code] = round(rng.uniform(low, high * scale), 1)
    out['KN_GQ'] = None if out['KN_TIEP'] is None else round(out['KN_TIEP'] * rng.uniform(0.75, 1))
    return out


def make_report(rng, code, name, is_commune, expected):
    unit = foreign.make_unit(rng, code, name)
    unit['info']['period'] = PERIOD[0]
    unit['info']['reportDate'] = datetime.date(2025, 9, rng.randint(15, 25))
    unit['models'] = unit['models'][:1]
    unit['figures'] = figures(rng, is_commune)
    results, limitations, tasks, proposals = [], [], [], []
    for k, (field, text, units) in enumerate(ADDITIVE):
        if rng.random() < (0.6 if is_commune else 0.3):
            values = [rng.randint(5, 120) if u != 'm²' else rng.randint(100, 2500) for u in units]
            results.append((field, text.format(*[foreign.vn_number(v, True) for v in values])))
            entry = expected['additive'].setdefault(str(k), {'text': text, 'units': [], 'sums': [0] * len(units), 'slotUnits': units})
            entry['units'].append(code)
            entry['sums'] = [s + v for s, v in zip(entry['sums'], values)]
    for field, text in SAME_FOR_ALL:
        if rng.random() < 0.4:
            results.append((field, text))
            expected['sameForAll'].setdefault(text, []).append(code)
    if is_commune and rng.random() < 0.1:
        number = rng.randint(10, 999)
        results.append((OWN_DOCUMENT[0], OWN_DOCUMENT[1].format(number)))
        expected['ownDocuments'].append(OWN_DOCUMENT[1].format(number))
    for text, fields in rng.sample(LIMITATIONS, rng.randint(1, 2)):
        cause = rng.choice(CAUSES + [m[0] for m in MARKED_CAUSES])
        limitations.append((rng.choice(fields), text, cause))
        expected['limitations'].setdefault(text, []).append(code)
        expected['causes'].setdefault(cause, []).append(code)
    for field, text, deadlines in rng.sample(TASKS, rng.randint(1, 2)):
        deadline = rng.choice(deadlines)
        tasks.append((field, text, deadline))
        expected['tasks'].setdefault(text, []).append(deadline)
    pool = PROPOSALS + ([] if is_commune else [FRONT_PROPOSAL])
    for text, addressee, where in rng.sample(pool, rng.randint(0, 2)):
        proposals.append((text, addressee))
        expected['proposals'].setdefault(text, {'addressee': addressee, 'where': where, 'units': []})['units'].append(code)
    unit.update(results=results, limitations=limitations, tasks=tasks, proposals=proposals)
    return unit


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('out')
    parser.add_argument('--units', type=int, default=300, help='how many units in all (communes and organisations)')
    parser.add_argument('--seed', type=int, default=2025)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    folder = os.path.basename(os.path.normpath(args.out))
    registry = communes(max(1, args.units - len(ORGANISATIONS)), rng) + ORGANISATIONS
    expected = {'period': PERIOD[1], 'seed': args.seed, 'issuer': ISSUER, 'indicators': {}, 'additive': {},
                'sameForAll': {}, 'ownDocuments': [], 'limitations': {}, 'causes': {},
                'markedCauses': {m[0]: {'kind': m[1], 'text': m[2]} for m in MARKED_CAUSES},
                'tasks': {}, 'proposals': {}, 'units': [], 'missing': []}
    totals = {c[0]: None for c in foreign.CATALOGUE}
    # About one unit in 25 sends nothing: the report says "n/N", the letter and kiemtra name them.
    for code, name, group in registry:
        if rng.random() < 0.04:
            expected['missing'].append(code)
            continue
        unit = make_report(rng, code, name, group == COMMUNE_GROUP, expected)
        sources = {}
        layout, _ = foreign.lay_out(unit, {'numbers': 'number'}, rng, sources)
        for sheet in layout.sheets.values():
            if (1, 1) in sheet and sheet[(1, 1)][1].startswith('SỐ LIỆU'):
                sheet[(1, 1)] = ('text', 'SỐ LIỆU CÔNG TÁC DÂN VẬN 9 THÁNG NĂM 2025')
        path = os.path.join(args.out, f'{code}.xlsx')
        foreign.write_openpyxl(layout, path, compute_formulas=False)
        foreign.pin_zip(path)
        expected['units'].append(code)
        for ind, cells in sources.items():
            for cell in cells:
                totals[ind] = round((totals[ind] or 0) + cell['value'], 6)
    gq, tiep = totals['KN_GQ'], totals['KN_TIEP']
    totals['KN_TL'] = round(gq / tiep * 100, 2) if gq is not None and tiep else None
    expected['indicators'] = totals
    with open(os.path.normpath(args.out) + '.expected.json', 'w', encoding='utf-8') as f:
        json.dump(expected, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write('\n')
    config = {
        'organization': {'superiorBody': 'TỈNH ỦY LÂM GIANG', 'issuingBody': 'BAN TUYÊN GIÁO VÀ DÂN VẬN',
                         'name': ISSUER, 'abbreviation': 'BTGDVTU', 'unitCode': 'BTGDVTU', 'place': 'Lâm Giang'},
        'document': {'basis': ''},
        'signer': {'authority': '', 'title': 'TRƯỞNG BAN', 'name': 'Hoàng Thị Ngọc Diệp'},
        'recipients': ['Ban Tuyên giáo và Dân vận Trung ương (để b/c)', 'Thường trực Tỉnh ủy (để b/c)',
                       'Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy', 'Đảng ủy các xã, phường',
                       'Các cơ quan, đơn vị trong khối dân vận tỉnh'],
        'archive': 'Lưu Văn phòng',
        'units': [{'code': c, 'name': n, 'group': g} for c, n, g in registry],
        'report': {'groupNouns': {COMMUNE_GROUP: 'đảng ủy xã, phường'}},
    }
    with open(os.path.normpath(args.out) + '.config.json', 'w', encoding='utf-8') as f:
        json.dump(config, f, ensure_ascii=False, indent=1)
        f.write('\n')
    print(f'{folder}: {len(expected["units"])} files, {len(expected["missing"])} units silent')


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/python3
"""A district's inbox where who sent what is the question: files written by openpyxl (two re-saved by LibreOffice),
a config with the district's registry in protocol order, and what danvan must conclude, stated here.

The cases of issue 16: a file of the Hội Người cao tuổi carrying the Hội Cựu chiến binh's code under its own name
with a later report date; the same organisation under its own code (outside the registry); a commune whose code is
mistyped in a file named after its right code (re-saved by LibreOffice); a commune whose code is mistyped in a file
whose name says nothing; units writing their own names as units do (UBMTTQ, Hội CCB, LĐLĐ, CA, "Hội Nông dân").

Writes into OUT_DIR: nop/*.xlsx, danvan.config.json and expected.json (every value in it decided here).
Usage: /usr/bin/python3 test/helpers/make_identity_inbox.py OUT_DIR [--no-libreoffice]
"""
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

PERIOD = ('Quý III/2026', '2026-Q3')

# The registry in protocol order: the Mặt trận first although "Ủy ban…" sorts last, then the organisations as
# the district lists them, the armed forces, the communes.
MASS = 'Mặt trận Tổ quốc và các đoàn thể'
ARMED = 'Lực lượng vũ trang'
COMMUNES = 'Đảng ủy các xã, thị trấn'
REGISTRY = [
    ('MTTQ', 'Ủy ban MTTQ Việt Nam huyện', MASS),
    ('LDLD', 'Liên đoàn Lao động huyện', MASS),
    ('HDTN', 'Huyện đoàn', MASS),
    ('HLHPN', 'Hội Liên hiệp Phụ nữ huyện', MASS),
    ('HND', 'Hội Nông dân huyện', MASS),
    ('HCCB', 'Hội Cựu chiến binh huyện', MASS),
    ('CA', 'Công an huyện', ARMED),
    ('BCHQS', 'Ban Chỉ huy Quân sự huyện', ARMED),
    ('XA_BINHTHANH', 'Đảng ủy xã Bình Thạnh', COMMUNES),
    ('XA_BINHTHANH_B', 'Đảng ủy xã Bình Thành', COMMUNES),
    ('XA_ANHOA', 'Đảng ủy xã An Hòa', COMMUNES),
    ('TT_TANLAC', 'Đảng ủy thị trấn Tân Lạc', COMMUNES),
]
NAME = {code: name for code, name, _ in REGISTRY}

# file, code typed, name typed, report date, TT_BUOI, a result, written how; then what danvan must conclude:
# the unit the file belongs to (None: nobody's), whether it is counted, the code of its first error or warning.
FILES = [
    dict(file='MTTQ.xlsx', code='MTTQ', name='UBMTTQ huyện', date=(2026, 10, 2), buoi=12,
         result='Vận động Quỹ "Vì người nghèo" được 1,2 tỷ đồng',
         unit='MTTQ', counted=True),
    dict(file='LDLD.xlsx', code='LDLD', name='LĐLĐ huyện', date=(2026, 10, 3), buoi=7,
         result='Tổ chức Tháng Công nhân năm 2026',
         unit='LDLD', counted=True),
    dict(file='HND.xlsx', code='HND', name='Hội Nông dân', date=(2026, 10, 3), buoi=9,
         result='Giải ngân 2 tỷ đồng Quỹ Hỗ trợ nông dân',
         unit='HND', counted=True),
    dict(file='HCCB_quy-3-2026.xlsx', code='HCCB', name='Hội CCB huyện', date=(2026, 10, 5), buoi=96,
         result='Thăm, tặng 120 suất quà cho hội viên cựu chiến binh khó khăn',
         unit='HCCB', counted=True),
    # The Hội Người cao tuổi followed the old hint: HCCB's code, its own name, a later date. Never HCCB's report.
    dict(file='Hoi Nguoi cao tuoi - bao cao quy 3.xlsx', code='HCCB', name='Hội Người cao tuổi huyện', date=(2026, 10, 8), buoi=91,
         result='Tổ chức mừng thọ cho 215 người cao tuổi',
         unit=None, counted=False, error='unit.name-mismatch'),
    # The same organisation under its own code: outside the registry, told to ask for its addition.
    dict(file='HNCT.xlsx', code='HNCT', name='Hội Người cao tuổi huyện', date=(2026, 10, 8), buoi=91,
         result='Tổ chức mừng thọ cho 215 người cao tuổi',
         unit='HNCT', counted=False, error='unit.not-in-registry'),
    dict(file='CA.xlsx', code='CA', name='CA huyện', date=(2026, 10, 4), buoi=15,
         result='Triển khai Đề án 06 tại các xã',
         unit='CA', counted=True, libreoffice=True),
    # Code mistyped, file named by the right code, registry name: the commune's file, counted, with a lưu ý.
    dict(file='XA_BINHTHANH_quy-3-2026.xlsx', code='XA_BINHTHAHN', name='Đảng ủy xã Bình Thạnh', date=(2026, 10, 6), buoi=20,
         result='Vận động Nhân dân hiến 1.200 m² đất làm đường',
         unit='XA_BINHTHANH', counted=True, warning='unit.code-corrected', libreoffice=True),
    dict(file='XA_BINHTHANH_B.xlsx', code='XA_BINHTHANH_B', name='xã Bình Thành', date=(2026, 10, 6), buoi=4,
         result='Ra mắt mô hình "Dân vận khéo" về vệ sinh môi trường',
         unit='XA_BINHTHANH_B', counted=True),
    # Code mistyped, a file name that says nothing: the commune's file (it has sent), to correct.
    dict(file='bao cao quy 3.xlsx', code='XA_ANHAO', name='ĐU xã An Hòa', date=(2026, 10, 7), buoi=6,
         result='Tổ chức đối thoại với Nhân dân về giải phóng mặt bằng',
         unit='XA_ANHOA', counted=False, error='unit.code-mistyped'),
]


def write(spec, path):
    wb = openpyxl.Workbook()
    info = wb.active
    info.title = 'Thông tin'
    info['A1'] = 'THÔNG TIN ĐƠN VỊ BÁO CÁO'
    rows = [('Mã đơn vị', spec['code']), ('Tên đơn vị', spec['name']), ('Kỳ báo cáo', PERIOD[0]),
            ('Ngày báo cáo', datetime.datetime(*spec['date'])), ('Người lập', 'Nguyễn Văn A')]
    for i, (label, value) in enumerate(rows, start=2):
        info.cell(row=i, column=1, value=label)
        cell = info.cell(row=i, column=2, value=value)
        if isinstance(value, datetime.datetime):
            cell.number_format = 'DD/MM/YYYY'
    figures = wb.create_sheet('Số liệu')
    for col, label in enumerate(['Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Kỳ này', 'Ghi chú'], start=1):
        figures.cell(row=1, column=col, value=label)
    figures.append(['TT_BUOI', 'Buổi tuyên truyền, vận động Nhân dân', 'buổi', spec['buoi'], None])
    results = wb.create_sheet('Kết quả')
    for col, label in enumerate(['STT', 'Lĩnh vực', 'Nội dung'], start=1):
        results.cell(row=1, column=col, value=label)
    results.append([1, 'Mặt trận và đoàn thể', spec['result']])
    wb.properties.creator = 'openpyxl'
    wb.save(path)


def libreoffice_resave(paths):
    """Opens the files in LibreOffice Calc and saves them as .xlsx again, in a private profile, in one run."""
    soffice = shutil.which('soffice') or shutil.which('libreoffice')
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'out')
        subprocess.run([soffice, f'-env:UserInstallation=file://{tmp}/profile', '--headless', '--calc',
                        '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, *paths],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        for path in paths:
            shutil.move(os.path.join(out, os.path.basename(path)), path)


def main():
    out = sys.argv[1]
    libreoffice = '--no-libreoffice' not in sys.argv
    inbox = os.path.join(out, 'nop')
    os.makedirs(inbox, exist_ok=True)
    for spec in FILES:
        write(spec, os.path.join(inbox, spec['file']))
    resaved = [os.path.join(inbox, s['file']) for s in FILES if s.get('libreoffice')] if libreoffice else []
    if resaved:
        libreoffice_resave(resaved)

    config = {
        'organization': {'superiorBody': 'HUYỆN ỦY TÂN LẠC', 'name': 'Ban Dân vận Huyện ủy', 'abbreviation': 'BDVHU',
                         'unitCode': 'BDVHU', 'place': 'Tân Lạc'},
        'signer': {'name': 'Trần Thị B'},
        'units': [{'code': c, 'name': n, 'group': g} for c, n, g in REGISTRY],
    }
    with open(os.path.join(out, 'danvan.config.json'), 'w', encoding='utf-8') as f:
        json.dump(config, f, ensure_ascii=False, indent=2)

    position = {code: i for i, (code, _, _) in enumerate(REGISTRY)}
    belongs = {s['unit'] for s in FILES if s['unit'] in position}
    counted = [s for s in FILES if s['counted']]
    expected = {
        'period': PERIOD[1],
        'libreoffice': bool(resaved),
        'files': {f"nop/{s['file']}": {'unit': s['unit'], 'typedUnit': s['code'] if s['code'] != s['unit'] else None,
                                       'counted': s['counted'], 'error': s.get('error'), 'warning': s.get('warning'),
                                       'name': s['name'], 'result': s['result']} for s in FILES},
        # Registry units without a file that belongs to them, in the registry's order.
        'missing': [code for code, _, _ in REGISTRY if code not in belongs],
        # Units counted, in the registry's order, with their registry names.
        'counted': [{'code': s['unit'], 'name': NAME[s['unit']]} for s in sorted(counted, key=lambda s: position[s['unit']])],
        'TT_BUOI': sum(s['buoi'] for s in counted),
        # Results that must not reach the report: those of files that are not counted.
        'absentResults': sorted({s['result'] for s in FILES if not s['counted']}),
        'registry': [{'code': c, 'name': n, 'group': g} for c, n, g in REGISTRY],
        # Registry units whose only file must be corrected (the letter asks them), in the registry's order.
        'toFix': [code for code, _, _ in REGISTRY if any(s['unit'] == code and not s['counted'] for s in FILES)
                  and not any(s['unit'] == code and s['counted'] for s in FILES)],
    }
    with open(os.path.join(out, 'expected.json'), 'w', encoding='utf-8') as f:
        json.dump(expected, f, ensure_ascii=False, indent=2)


if __name__ == '__main__':
    main()

#!/usr/bin/python3
"""Submissions written by programs other than danvan's own form writer, and the values they hold.

Writes, into one folder, the workbooks of invented units of the invented province "Lâm Giang", each written
the way another program writes it:

- openpyxl (Debian's python3-openpyxl), in the standard layout or edited the way people edit forms;
- LibreOffice Calc, re-saving an openpyxl file (which also computes the formulas openpyxl leaves uncomputed);
- hand-written SpreadsheetML with inline strings and no shared strings, the way Google Sheets exports and WPS
  write, some without styles and with cells that carry no address.

Between them the files leave out every optional label, column and sheet of SPEC §3, and give figures as
numbers, as Vietnamese text ("1.234", "12,5", "1.250,5"), as formulas with cached results, or blank.

Beside the folder it writes <folder>.expected.json: the totals, the cells each total adds up ("sources") and
the number of items per sheet, all computed here from the values this script wrote. The tests compare danvan's
output with that file, never with danvan's own output.

Usage: /usr/bin/python3 scripts/make-foreign-fixtures.py OUT_DIR [--seed N] [--no-libreoffice]
The same seed gives the same files (zip time stamps are pinned); LibreOffice's output may differ between its
versions. Needs python3-openpyxl; LibreOffice (soffice) unless --no-libreoffice.
"""
import argparse
import datetime
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

import openpyxl

# SPEC §3: the default catalogue (code, name, unit, whole numbers?). KN_TL is derived and never entered.
CATALOGUE = [
    ('DVK_MH_MOI', 'Mô hình "Dân vận khéo" đăng ký, xây dựng mới', 'mô hình', True),
    ('DVK_MH_CN', 'Mô hình "Dân vận khéo" được công nhận', 'mô hình', True),
    ('DVK_DH', 'Điển hình "Dân vận khéo" được biểu dương, khen thưởng', 'điển hình', True),
    ('TT_BUOI', 'Buổi tuyên truyền, vận động Nhân dân', 'buổi', True),
    ('TT_LUOT', 'Lượt người được tuyên truyền, vận động', 'lượt người', True),
    ('TH_LOP', 'Lớp tập huấn, bồi dưỡng nghiệp vụ dân vận', 'lớp', True),
    ('TH_LUOT', 'Lượt cán bộ được tập huấn, bồi dưỡng', 'lượt người', True),
    ('DT_HN', 'Hội nghị đối thoại của người đứng đầu cấp ủy, chính quyền với Nhân dân', 'cuộc', True),
    ('KN_TIEP', 'Kiến nghị của Nhân dân được tiếp nhận', 'kiến nghị', True),
    ('KN_GQ', 'Kiến nghị đã được giải quyết, trả lời', 'kiến nghị', True),
    ('KN_TL', 'Tỷ lệ kiến nghị được giải quyết', '%', None),
    ('KTGS_CUOC', 'Cuộc kiểm tra, giám sát công tác dân vận, dân chủ ở cơ sở', 'cuộc', True),
    ('VD_TIEN', 'Kinh phí Nhân dân đóng góp xây dựng nông thôn mới, an sinh xã hội', 'triệu đồng', False),
    ('VD_NGAYCONG', 'Ngày công lao động Nhân dân đóng góp', 'ngày công', False),
    ('VD_DAT', 'Diện tích đất Nhân dân hiến', 'm²', False),
    ('VD_NHA', 'Nhà đại đoàn kết, nhà tình nghĩa xây mới, sửa chữa', 'căn', True),
    ('KT_TAPTHE', 'Tập thể được khen thưởng', 'tập thể', True),
    ('KT_CANHAN', 'Cá nhân được khen thưởng', 'cá nhân', True),
]
ENTERED = [c for c in CATALOGUE if c[0] != 'KN_TL']
FIELDS = ['Lãnh đạo, chỉ đạo', 'Dân vận chính quyền', 'Mặt trận và đoàn thể', 'Lực lượng vũ trang', 'Dân vận khéo',
          'Dân chủ ở cơ sở', 'Dân tộc, tôn giáo', 'Nắm tình hình Nhân dân', 'Tổ chức, cán bộ', 'Khác']
MODEL_FIELDS = ['Kinh tế', 'Văn hóa - xã hội', 'Quốc phòng - an ninh', 'Xây dựng hệ thống chính trị']
LEVELS = ['Đăng ký', 'Cơ sở', 'Huyện', 'Tỉnh', 'Trung ương']

INFO_LABELS = [('unitCode', 'Mã đơn vị'), ('unitName', 'Tên đơn vị'), ('period', 'Kỳ báo cáo'),
               ('reportDate', 'Ngày báo cáo'), ('preparedBy', 'Người lập'), ('phone', 'Điện thoại'),
               ('email', 'Email'), ('head', 'Thủ trưởng đơn vị')]
OPTIONAL_INFO = ['preparedBy', 'phone', 'email', 'head']

# Sheet → its columns (key, label, optional?) as SPEC §3 fixes them.
TABLES = {
    'results': ('Kết quả', [('no', 'STT', True), ('field', 'Lĩnh vực', False), ('content', 'Nội dung', False)]),
    'limitations': ('Hạn chế', [('no', 'STT', True), ('field', 'Lĩnh vực', False), ('content', 'Hạn chế', False),
                                ('cause', 'Nguyên nhân', True)]),
    'tasks': ('Nhiệm vụ', [('no', 'STT', True), ('field', 'Lĩnh vực', False), ('content', 'Nhiệm vụ', False),
                           ('deadline', 'Thời hạn', True)]),
    'proposals': ('Kiến nghị', [('no', 'STT', True), ('content', 'Nội dung kiến nghị', False),
                                ('addressee', 'Cơ quan nhận', True)]),
    'models': ('Mô hình', [('no', 'STT', True), ('name', 'Tên mô hình', False), ('field', 'Lĩnh vực', False),
                           ('level', 'Cấp công nhận', False), ('note', 'Ghi chú', True)]),
}
FIGURE_COLUMNS = [('code', 'Mã chỉ tiêu', False), ('name', 'Chỉ tiêu', True), ('unit', 'Đơn vị tính', True),
                  ('value', 'Kỳ này', False), ('note', 'Ghi chú', True)]

PERIOD = ('6 tháng/2025', '2025-6T')

# Invented units of the invented province Lâm Giang after the 2025 reorganisation: commune Party committees
# and the province's organisations. (code, name, group)
UNITS = [
    ('DU_XA_TANPHU', 'Đảng ủy xã Tân Phú', 'Đảng ủy các xã, phường'),
    ('DU_XA_HOALAC', 'Đảng ủy xã Hòa Lạc', 'Đảng ủy các xã, phường'),
    ('DU_PHUONG_BACSON', 'Đảng ủy phường Bắc Sơn', 'Đảng ủy các xã, phường'),
    ('DU_XA_YENTHUY', 'Đảng ủy xã Yên Thủy', 'Đảng ủy các xã, phường'),
    ('DU_XA_DAILOC', 'Đảng ủy xã Đại Lộc', 'Đảng ủy các xã, phường'),
    ('DU_PHUONG_NAMTHANH', 'Đảng ủy phường Nam Thành', 'Đảng ủy các xã, phường'),
    ('MTTQ_TINH', 'Ủy ban MTTQ Việt Nam tỉnh', 'Mặt trận và các tổ chức chính trị - xã hội'),
    ('HND_TINH', 'Hội Nông dân tỉnh', 'Mặt trận và các tổ chức chính trị - xã hội'),
    ('HLHPN_TINH', 'Hội Liên hiệp Phụ nữ tỉnh', 'Mặt trận và các tổ chức chính trị - xã hội'),
    ('TINHDOAN', 'Tỉnh đoàn', 'Mặt trận và các tổ chức chính trị - xã hội'),
    ('CA_TINH', 'Công an tỉnh', 'Lực lượng vũ trang'),
    ('BCHQS_TINH', 'Bộ Chỉ huy Quân sự tỉnh', 'Lực lượng vũ trang'),
    ('SO_NONGNGHIEP', 'Sở Nông nghiệp và Môi trường', 'Các sở, ngành'),
]
# In the registry but sends nothing: "missing" must list it, and only it.
SILENT_UNIT = ('DU_XA_THACHLAM', 'Đảng ủy xã Thạch Lâm', 'Đảng ủy các xã, phường')

# How each file is written: (unit code, writer, what it leaves out or does differently). Between them every
# optional label, column and sheet is absent somewhere, and every way of typing a number occurs.
PLAN = [
    ('DU_XA_TANPHU', 'openpyxl', {'numbers': 'number'}),
    ('DU_XA_HOALAC', 'openpyxl', {'drop_info': OPTIONAL_INFO, 'numbers': 'vn-text', 'date': 'text'}),
    ('DU_PHUONG_BACSON', 'openpyxl', {'drop_info': ['head'], 'drop_figure_columns': ['name', 'unit', 'note'],
                                      'numbers': 'mixed'}),
    ('DU_XA_YENTHUY', 'openpyxl', {'drop_info': ['email'], 'drop_sheets': list(TABLES), 'numbers': 'number',
                                   'date': 'serial'}),
    ('DU_XA_DAILOC', 'openpyxl', {'drop_table_columns': ['no', 'cause', 'deadline', 'addressee', 'note'],
                                  'numbers': 'mixed', 'drop_rows': ['VD_DAT', 'DT_HN']}),
    ('DU_PHUONG_NAMTHANH', 'libreoffice', {'numbers': 'formula', 'drop_info': ['phone', 'preparedBy']}),
    ('MTTQ_TINH', 'libreoffice', {'drop_sheets': ['proposals', 'models'], 'drop_figure_columns': ['note'],
                                  'numbers': 'mixed'}),
    ('HND_TINH', 'libreoffice', {'drop_table_columns': ['cause', 'deadline'], 'numbers': 'formula', 'date': 'text'}),
    ('HLHPN_TINH', 'spreadsheetml', {'numbers': 'vn-text', 'styles': False}),
    ('TINHDOAN', 'spreadsheetml', {'numbers': 'number', 'drop_info': OPTIONAL_INFO, 'no_refs': True,
                                   'drop_sheets': ['limitations']}),
    ('CA_TINH', 'spreadsheetml', {'numbers': 'mixed', 'drop_figure_columns': ['name', 'unit'],
                                  'drop_table_columns': ['no'], 'date': 'serial'}),
    ('BCHQS_TINH', 'openpyxl', {'numbers': 'number', 'drop_sheets': ['results', 'tasks'],
                                'drop_rows': ['VD_TIEN', 'VD_NGAYCONG', 'VD_DAT']}),
    ('SO_NONGNGHIEP', 'spreadsheetml', {'numbers': 'vn-text', 'drop_table_columns': ['addressee', 'note'],
                                        'drop_info': ['head', 'email'], 'styles': False}),
]

RESULTS = [
    'Tổ chức hội nghị quán triệt, triển khai Kết luận số 43-KL/TW của Ban Bí thư đến 100% chi bộ trực thuộc.',
    'Chỉ đạo tổ chức {n} hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân, tiếp nhận {m} ý kiến.',
    'Vận động Nhân dân hiến {a} m² đất, đóng góp {d} ngày công làm đường giao thông nông thôn.',
    'Duy trì giao ban khối dân vận hằng tháng, nắm chắc tình hình Nhân dân, không để phát sinh điểm nóng.',
    'Phối hợp trao {n} suất quà cho hộ nghèo, gia đình chính sách nhân dịp kỷ niệm Ngày Thương binh - Liệt sĩ.',
    'Kiện toàn Ban Chỉ đạo thực hiện dân chủ ở cơ sở sau khi sắp xếp đơn vị hành chính.',
]
LIMITS = [
    ('Công tác nắm tình hình Nhân dân ở một số thôn, tổ dân phố có lúc chưa kịp thời.',
     'Cán bộ dân vận cơ sở kiêm nhiệm nhiều việc sau sắp xếp.'),
    ('Việc giải quyết một số kiến nghị về đất đai còn chậm.', 'Vướng mắc hồ sơ nguồn gốc đất.'),
    ('Một số mô hình "Dân vận khéo" chưa được duy trì thường xuyên.', 'Thiếu kinh phí hỗ trợ.'),
]
TASKS = [
    ('Tiếp tục đẩy mạnh phong trào thi đua "Dân vận khéo" gắn với nhiệm vụ chính trị của địa phương.', 'Thường xuyên'),
    ('Tổ chức sơ kết công tác dân vận 6 tháng đầu năm 2025.', '15/7/2025'),
    ('Tăng cường đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân.', 'Quý III/2025'),
]
ISSUER = 'Ban Tuyên giáo và Dân vận Tỉnh ủy'
PROPOSALS = [
    ('Đề nghị Ban Tuyên giáo và Dân vận Tỉnh ủy tổ chức tập huấn nghiệp vụ cho cán bộ dân vận cấp xã.', 'Ban Tuyên giáo và Dân vận Tỉnh ủy'),
    ('Đề nghị UBND tỉnh bố trí kinh phí nhân rộng các mô hình "Dân vận khéo".', 'UBND tỉnh'),
]
MODELS = [
    ('Tuyến đường hoa, cây xanh khu dân cư', 'Văn hóa - xã hội', 'Cơ sở'),
    ('Tổ tự quản an ninh trật tự khu dân cư', 'Quốc phòng - an ninh', 'Cơ sở'),
    ('Hiến đất mở rộng đường giao thông nông thôn', 'Kinh tế', 'Tỉnh'),
    ('Chi bộ "4 tốt" gắn với dân vận khéo', 'Xây dựng hệ thống chính trị', 'Đăng ký'),
]
PEOPLE = ['Lê Thị Minh Thu', 'Phan Văn Hậu', 'Đỗ Thị Lan Anh', 'Trịnh Quốc Bảo', 'Vũ Thị Hồng Nhung', 'Mai Văn Tuấn']


def vn_number(value, whole):
    """A number as a Vietnamese types it: "." for thousands, "," for decimals."""
    if whole:
        text = f'{int(value):,}'.replace(',', '.')
        return text
    integer, _, fraction = f'{value:.2f}'.rstrip('0').rstrip('.').partition('.')
    integer = f'{int(integer):,}'.replace(',', '.')
    return integer + (',' + fraction if fraction else '')


def make_unit(rng, code, name):
    """The content of one unit's report: figures (None = blank), notes and items."""
    figures = {}
    for c, _, unit, whole in ENTERED:
        if rng.random() < 0.12:
            figures[c] = None
        elif whole:
            figures[c] = rng.choice([0, rng.randint(1, 40), rng.randint(100, 9999)])
        else:
            figures[c] = round(rng.uniform(10, 5000), rng.choice([0, 1, 2]))
    if figures['KN_TIEP'] is not None and figures['KN_GQ'] is not None:
        figures['KN_GQ'] = min(figures['KN_GQ'], figures['KN_TIEP'])
    notes = {}
    if figures['VD_TIEN'] is not None and rng.random() < 0.5:
        notes['VD_TIEN'] = 'Gồm tiền mặt và hiện vật quy đổi'
    fmt = dict(n=rng.randint(2, 20), m=rng.randint(10, 90), a=rng.randint(100, 900), d=rng.randint(50, 900))
    results = [(rng.choice(FIELDS), t.format(**fmt)) for t in rng.sample(RESULTS, rng.randint(2, 4))]
    limitations = [(rng.choice(FIELDS), l, c) for l, c in rng.sample(LIMITS, rng.randint(1, 2))]
    tasks = [(rng.choice(FIELDS), t, d) for t, d in rng.sample(TASKS, rng.randint(1, 3))]
    proposals = rng.sample(PROPOSALS, rng.randint(0, 2))
    models = [(m[0], m[1], m[2], 'Duy trì từ năm 2023' if rng.random() < 0.5 else '') for m in rng.sample(MODELS, rng.randint(0, 3))]
    info = {
        'unitCode': code, 'unitName': name, 'period': PERIOD[0],
        'reportDate': datetime.date(2025, 6, rng.randint(18, 30)),
        'preparedBy': rng.choice(PEOPLE), 'phone': f'0{rng.randint(200, 299)} 3{rng.randint(100000, 999999)}',
        'email': f'{code.lower()}@lamgiang.dcs.vn', 'head': rng.choice(PEOPLE),
    }
    return dict(info=info, figures=figures, notes=notes, results=results, limitations=limitations, tasks=tasks,
                proposals=proposals, models=models)


def excel_serial(day):
    return (day - datetime.date(1899, 12, 30)).days


class Layout:
    """Where each cell goes: the grid a writer fills, as {sheet: {(row, col): value}}, plus what to expect."""

    def __init__(self):
        self.sheets = {}
        self.order = []

    def sheet(self, name):
        if name not in self.sheets:
            self.sheets[name] = {}
            self.order.append(name)
        return self.sheets[name]


def col_letter(col):
    name = ''
    while col:
        col, rem = divmod(col - 1, 26)
        name = chr(65 + rem) + name
    return name


def lay_out(unit, options, rng, expected_sources):
    """Places a unit's report in cells. Values are ('text', s) / ('number', x) / ('date', d) / ('formula', f, x).
    Records in expected_sources, per indicator, the cell that holds each non-blank figure and its value."""
    layout = Layout()
    numbers = options.get('numbers', 'number')
    date_style = options.get('date', 'date')

    info = layout.sheet('Thông tin')
    info[(1, 1)] = ('text', 'THÔNG TIN ĐƠN VỊ BÁO CÁO')
    row = 2
    for key, label in INFO_LABELS:
        if key in options.get('drop_info', []):
            continue
        value = unit['info'][key]
        if key == 'reportDate':
            value = {'date': ('date', value), 'serial': ('number', excel_serial(value)),
                     'text': ('text', value.strftime('%d/%m/%Y'))}[date_style]
        else:
            value = ('text', value)
        info[(row, 1)] = ('text', label)
        info[(row, 2)] = value
        row += 1

    figures = layout.sheet('Số liệu')
    figures[(1, 1)] = ('text', 'SỐ LIỆU CÔNG TÁC DÂN VẬN 6 THÁNG ĐẦU NĂM 2025')
    columns = [c for c in FIGURE_COLUMNS if c[0] not in options.get('drop_figure_columns', [])]
    col_of = {key: i + 1 for i, (key, _, _) in enumerate(columns)}
    for i, (_, label, _) in enumerate(columns):
        figures[(2, i + 1)] = ('text', label)
    row = 3
    for code, name, unit_name, whole in CATALOGUE:
        if code in options.get('drop_rows', []):
            continue
        figures[(row, col_of['code'])] = ('text', code)
        if 'name' in col_of:
            figures[(row, col_of['name'])] = ('text', name)
        if 'unit' in col_of:
            figures[(row, col_of['unit'])] = ('text', unit_name)
        value = None if code == 'KN_TL' else unit['figures'][code]
        if value is not None:
            style = numbers if numbers != 'mixed' else rng.choice(['number', 'vn-text', 'formula'])
            if style == 'number':
                cell = ('number', value)
            elif style == 'vn-text':
                cell = ('text', vn_number(value, whole))
            else:
                # A formula whose result is the value: only LibreOffice computes it; elsewhere a plain number.
                cell = ('formula', f'{value}*1', value)
            figures[(row, col_of['value'])] = cell
            expected_sources.setdefault(code, []).append({'sheet': 'Số liệu', 'cell': f'{col_letter(col_of["value"])}{row}', 'value': value})
        if 'note' in col_of and code in unit['notes']:
            figures[(row, col_of['note'])] = ('text', unit['notes'][code])
        row += 1

    items = {
        'results': [dict(field=f, content=c) for f, c in unit['results']],
        'limitations': [dict(field=f, content=c, cause=k) for f, c, k in unit['limitations']],
        'tasks': [dict(field=f, content=c, deadline=d) for f, c, d in unit['tasks']],
        'proposals': [dict(content=c, addressee=a) for c, a in unit['proposals']],
        'models': [dict(name=n, field=f, level=l, note=t) for n, f, l, t in unit['models']],
    }
    counts = {}
    for key, (sheet_name, cols) in TABLES.items():
        if key in options.get('drop_sheets', []):
            counts[key] = 0
            continue
        sheet = layout.sheet(sheet_name)
        sheet[(1, 1)] = ('text', sheet_name.upper())
        kept = [c for c in cols if not (c[2] and c[0] in options.get('drop_table_columns', []))]
        for i, (_, label, _) in enumerate(kept):
            sheet[(2, i + 1)] = ('text', label)
        for n, item in enumerate(items[key]):
            for i, (ckey, _, _) in enumerate(kept):
                value = n + 1 if ckey == 'no' else item.get(ckey, '')
                if value != '':
                    sheet[(3 + n, i + 1)] = ('number', value) if ckey == 'no' else ('text', value)
        counts[key] = len(items[key])
    return layout, counts


def write_openpyxl(layout, path, compute_formulas):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name in layout.order:
        ws = wb.create_sheet(name)
        for (row, col), value in sorted(layout.sheets[name].items()):
            cell = ws.cell(row=row, column=col)
            kind = value[0]
            if kind == 'formula':
                # openpyxl writes the formula without a cached result; LibreOffice computes it on re-saving.
                cell.value = f'={value[1]}' if compute_formulas else value[2]
            elif kind == 'date':
                cell.value = datetime.datetime.combine(value[1], datetime.time())
                cell.number_format = 'DD/MM/YYYY'
            else:
                cell.value = value[1]
    wb.properties.creator = 'openpyxl'
    wb.properties.created = wb.properties.modified = datetime.datetime(2025, 6, 30)
    wb.save(path)


def inline_cell(ref, value, styles):
    kind = value[0]
    attr = f' r="{ref}"' if ref else ''
    if kind == 'text':
        return f'<c{attr} t="inlineStr"><is><t xml:space="preserve">{escape(value[1])}</t></is></c>'
    if kind == 'date':
        style = ' s="1"' if styles else ''
        return f'<c{attr}{style}><v>{excel_serial(value[1])}</v></c>'
    if kind == 'formula':
        # Google Sheets and WPS store the formula with its computed value.
        return f'<c{attr}><f>{escape(value[1])}</f><v>{value[2]!r}</v></c>'
    return f'<c{attr}><v>{value[1]!r}</v></c>'


def write_spreadsheetml(layout, path, styles=True, no_refs=False):
    """A minimal package with inline strings only, as Google Sheets exports and WPS write."""
    sheets = []
    for name in layout.order:
        rows = {}
        for (row, col), value in layout.sheets[name].items():
            rows.setdefault(row, {})[col] = value
        xml_rows = []
        for row in sorted(rows):
            cols = rows[row]
            if no_refs:
                # Cells without an address follow the previous one: fill the gaps so that columns stay right.
                cells = ''.join(inline_cell(None, cols[c], styles) if c in cols else '<c/>' for c in range(1, max(cols) + 1))
            else:
                cells = ''.join(inline_cell(f'{col_letter(c)}{row}', cols[c], styles) for c in sorted(cols))
            xml_rows.append(f'<row r="{row}">{cells}</row>')
        sheets.append((name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                       '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                       f'<sheetData>{"".join(xml_rows)}</sheetData></worksheet>'))
    types = ''.join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                    for i in range(len(sheets)))
    if styles:
        types += '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    files = {
        '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        f'{types}</Types>',
        '_rels/.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
        + ''.join(f'<sheet name="{escape(name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (name, _) in enumerate(sheets))
        + '</sheets></workbook>',
        'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + ''.join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
                  for i in range(len(sheets)))
        + (f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' if styles else '')
        + '</Relationships>',
    }
    if styles:
        files['xl/styles.xml'] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                                  '<fonts count="1"><font><sz val="11"/><name val="Arial"/></font></fonts>'
                                  '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
                                  '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
                                  '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')
    for i, (_, xml) in enumerate(sheets):
        files[f'xl/worksheets/sheet{i + 1}.xml'] = xml
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(zipfile.ZipInfo(name, (2025, 6, 30, 0, 0, 0)), text.encode('utf-8'), zipfile.ZIP_DEFLATED)


def libreoffice_resave(path):
    """Opens the file in LibreOffice Calc and saves it as .xlsx again, in a private profile."""
    soffice = shutil.which('soffice') or shutil.which('libreoffice')
    if not soffice:
        raise SystemExit('soffice (LibreOffice) not found; use --no-libreoffice')
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'out')
        subprocess.run([soffice, f'-env:UserInstallation=file://{tmp}/profile', '--headless', '--calc',
                        '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, path],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        shutil.move(os.path.join(out, os.path.basename(path)), path)


def pin_zip(path):
    """Rewrites a zip with fixed time stamps, entry order and compression, so that a seed gives the same bytes."""
    with zipfile.ZipFile(path) as z:
        entries = [(info.filename, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name, (2025, 6, 30, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('out')
    parser.add_argument('--seed', type=int, default=2025)
    parser.add_argument('--no-libreoffice', action='store_true', help='write openpyxl files instead of LibreOffice re-saves')
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    folder = os.path.basename(os.path.normpath(args.out))

    names = {code: name for code, name, _ in UNITS}
    expected = {'period': PERIOD[1], 'seed': args.seed, 'files': {}, 'indicators': {}, 'sources': {}, 'items': {},
                'missing': [SILENT_UNIT[0]]}
    totals = {c[0]: None for c in CATALOGUE}
    items = {key: 0 for key in TABLES}
    items['proposalsToIssuer'] = 0
    for code, writer, options in PLAN:
        unit = make_unit(rng, code, names[code])
        sources = {}
        layout, counts = lay_out(unit, options, rng, sources)
        file_name = f'{code}.xlsx'
        path = os.path.join(args.out, file_name)
        if writer == 'spreadsheetml':
            write_spreadsheetml(layout, path, styles=options.get('styles', True), no_refs=options.get('no_refs', False))
        else:
            use_lo = writer == 'libreoffice' and not args.no_libreoffice
            write_openpyxl(layout, path, compute_formulas=use_lo)
            if use_lo:
                libreoffice_resave(path)
            pin_zip(path)
        expected['files'][file_name] = {'unit': code, 'writer': writer if writer != 'libreoffice' or not args.no_libreoffice else 'openpyxl',
                                        'options': {k: v for k, v in options.items()}}
        for ind, cells in sources.items():
            for cell in cells:
                expected['sources'].setdefault(ind, []).append({'file': f'{folder}/{file_name}', 'unit': code, **cell})
                totals[ind] = round((totals[ind] or 0) + cell['value'], 6)
        for key, count in counts.items():
            items[key] += count
        # What a unit asks of the issuer itself is the issuer's own task in the report, not a proposal.
        if 'proposals' not in options.get('drop_sheets', []):
            items['proposalsToIssuer'] += sum(1 for text, _ in unit['proposals'] if text.startswith('Đề nghị ' + ISSUER))
    gq, tiep = totals['KN_GQ'], totals['KN_TIEP']
    totals['KN_TL'] = round(gq / tiep * 100, 2) if gq is not None and tiep else None
    expected['indicators'] = totals
    expected['items'] = items
    for c in CATALOGUE:
        expected['sources'].setdefault(c[0], [])
    with open(os.path.normpath(args.out) + '.expected.json', 'w', encoding='utf-8') as f:
        json.dump(expected, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write('\n')
    config = {
        'organization': {'superiorBody': 'TỈNH ỦY LÂM GIANG', 'issuingBody': 'BAN TUYÊN GIÁO VÀ DÂN VẬN',
                         'name': 'Ban Tuyên giáo và Dân vận Tỉnh ủy', 'abbreviation': 'BTGDVTU', 'unitCode': 'BTGDVTU',
                         'place': 'Lâm Giang'},
        'signer': {'authority': 'K/T TRƯỞNG BAN', 'title': 'PHÓ TRƯỞNG BAN', 'name': 'Hoàng Thị Ngọc Diệp'},
        'units': [{'code': c, 'name': n, 'group': g} for c, n, g in UNITS + [SILENT_UNIT]],
    }
    with open(os.path.normpath(args.out) + '.config.json', 'w', encoding='utf-8') as f:
        json.dump(config, f, ensure_ascii=False, indent=1)
        f.write('\n')


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/python3
"""Writes a unit's submission the way openpyxl writes it, carrying what an annotated copy must keep.

Usage: make_rich_workbook.py OUT.xlsx

Besides the form's sheets and values (with known mistakes: a negative figure, a word in a figure cell, a
formula without a cached result), the workbook holds notes of its own (one on a cell that has a problem),
merged cells, data validations, a protected sheet (with a password), conditional formats, an external and an
internal hyperlink, a global defined name and names local to a sheet (a print area, print titles, a name with
localSheetId), frozen panes, column widths, row heights, a hidden sheet, and it opens on its third sheet. Prints
a JSON object describing the mistakes, for the test to compare with.
"""
import json
import sys

import openpyxl
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

CODES = ['DVK_MH_MOI', 'DVK_MH_CN', 'DVK_DH', 'TT_BUOI', 'TT_LUOT', 'TH_LOP', 'TH_LUOT', 'DT_HN', 'KN_TIEP', 'KN_GQ',
         'KTGS_CUOC', 'VD_TIEN', 'VD_NGAYCONG', 'VD_DAT', 'VD_NHA', 'KT_TAPTHE', 'KT_CANHAN']


def main():
    out = sys.argv[1]
    wb = openpyxl.Workbook()
    info = wb.active
    info.title = 'Thông tin'
    rows = [('Mã đơn vị', 'HND_TINH'), ('Tên đơn vị', 'Hội Nông dân tỉnh'), ('Kỳ báo cáo', 'Quý I/2023'),
            ('Ngày báo cáo', '30/03/2023'), ('Người lập', 'Nguyễn Văn An'), ('Điện thoại', '0257 3824 519'),
            ('Email', 'hnd@example.vn')]
    for i, (label, value) in enumerate(rows, start=1):
        info.cell(i, 1, label).font = Font(name='Times New Roman', bold=True)
        info.cell(i, 2, value).alignment = Alignment(wrap_text=True, vertical='top')
    info['B1'].comment = Comment('Mã do Ban Dân vận cấp', 'Trưởng phòng')
    info['C1'].hyperlink = 'https://example.vn/huong-dan'
    info['C1'] = 'Hướng dẫn'
    info.column_dimensions['A'].width = 18
    info.column_dimensions['B'].width = 40
    info.protection.sheet = True
    info.protection.password = 'danvan'
    info.protection.formatColumns = False
    dv_period = DataValidation(type='list', formula1='"Quý I/2023,Quý II/2023"', allow_blank=True)
    dv_period.add('B3')
    info.add_data_validation(dv_period)

    fig = wb.create_sheet('Số liệu')
    fig.merge_cells('A1:E1')
    fig['A1'] = 'SỐ LIỆU CÔNG TÁC DÂN VẬN QUÝ I NĂM 2023'
    fig['A1'].font = Font(name='Times New Roman', size=14, bold=True, color='FF1F3864')
    fig['A1'].alignment = Alignment(horizontal='center')
    fig.row_dimensions[1].height = 24
    header = ['Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Kỳ này', 'Ghi chú']
    thin = Side(style='thin', color='FF808080')
    for c, label in enumerate(header, start=1):
        cell = fig.cell(2, c, label)
        cell.font = Font(bold=True)
        cell.fill = PatternFill('solid', fgColor='FFDDEBF7')
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    values = {code: 10 + i for i, code in enumerate(CODES)}
    values['TT_BUOI'] = -3          # an error, on a cell that already has a note
    values['TH_LOP'] = 'mười hai'   # an error: a word in a figure cell
    for r, code in enumerate(CODES, start=3):
        fig.cell(r, 1, code)
        fig.cell(r, 4, values[code]).number_format = '#,##0'
    fig['D14'] = '=20*2'            # a formula openpyxl leaves uncomputed (LibreOffice computes it on re-save)
    row_of = {code: r for r, code in enumerate(CODES, start=3)}
    fig.cell(row_of['TT_BUOI'], 4).comment = Comment('Số liệu tạm tính', 'Trưởng phòng')
    fig.merge_cells('E3:E5')
    fig['E3'] = 'Ghi chú gộp ba dòng'
    fig.freeze_panes = 'A3'
    fig.column_dimensions['B'].width = 50
    dv = DataValidation(type='decimal', operator='greaterThanOrEqual', formula1='0', allow_blank=True,
                        showErrorMessage=True, error='Chỉ nhận số không âm')
    dv.add('D3:D19')
    fig.add_data_validation(dv)
    fig.conditional_formatting.add('D3:D19', CellIsRule(operator='greaterThan', formula=['1000'], fill=PatternFill('solid', bgColor='FFC6EFCE')))
    fig.conditional_formatting.add('A3:A19', FormulaRule(formula=['LEN(A3)>10'], font=Font(italic=True)))
    fig['F1'] = 'Về Thông tin'
    fig['F1'].hyperlink = "#'Thông tin'!A1"
    fig.print_title_rows = '1:2'
    fig.print_area = 'A1:E19'

    notes = wb.create_sheet('Ghi chú')
    notes['A1'] = 'Ghi chú riêng của đơn vị'
    hidden = wb.create_sheet('DanhMuc')
    hidden['A1'] = 'Kinh tế'
    hidden.sheet_state = 'hidden'

    wb.defined_names.append(DefinedName('MaChiTieu', attr_text="'Số liệu'!$A$3:$A$19"))
    wb.defined_names.append(DefinedName('GhiChuRieng', localSheetId=2, attr_text="'Ghi chú'!$A$1"))
    wb.active = 2
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = ws.title == 'Ghi chú'
    wb.save(out)
    print(json.dumps({
        'negative': f"D{row_of['TT_BUOI']}",
        'word': f"D{row_of['TH_LOP']}",
        'formula': 'D14',
    }))


main()

#!/usr/bin/env python3
"""Writes units' Word reports the way units type them, for `danvan nhap` tests, and what each one says.

Usage: make-word-reports.py OUT_DIR [--no-libreoffice]

Each report is written by python-docx in the style of real units' reports (header table, "BÁO CÁO" and its
subject, parts I–IV with numbered sub-headings, "- " / "+" / "•" / "a)" items or Word's own list numbering,
a figures table), and some are re-saved or converted to .doc by LibreOffice. A plan is written too, to be
refused. OUT_DIR/expected.json holds, per file, the content the script put in it: the unit, the period, the
items per field, limitations, causes, tasks with deadlines, proposals with addressees, the figures of the
table, the rows not to place, the numbers planted in sentences. People, places and numbers are invented.
"""
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt


def clean(text):
    """An item as the form keeps it: spaces collapsed, no closing ';' or ','."""
    text = " ".join(text.split())
    if text.endswith("./."):
        text = text[:-3] + "."
    while text and text[-1] in ";,":
        text = text[:-1].rstrip()
    return text


# ---------------------------------------------------------------------------------------------------------
# Building blocks


def header_table(doc, left_lines, place_date, number):
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    first = True
    for line in left_lines + ["*", number]:
        p = left.paragraphs[0] if first else left.add_paragraph()
        first = False
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(line)
        run.bold = line == left_lines[-1]
    p = right.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("ĐẢNG CỘNG SẢN VIỆT NAM").bold = True
    p = right.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(place_date).italic = True


def title(doc, subject_lines):
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run("BÁO CÁO")
    run.bold = True
    run.font.size = Pt(15)
    for line in subject_lines:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(line).bold = True
    p = doc.add_paragraph("-----")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def bold_paragraph(doc, text, style=None):
    p = doc.add_paragraph(style=style)
    p.add_run(text).bold = True
    return p


def signature(doc, title_lines, name, recipients):
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    p = left.paragraphs[0]
    p.add_run("Nơi nhận:").bold = True
    for r in recipients:
        left.add_paragraph(f"- {r}")
    first = True
    for line in title_lines + ["", "", name]:
        p = right.paragraphs[0] if first else right.add_paragraph()
        first = False
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(line).bold = True


def figures_table(doc, rows, value_header):
    """rows: (label, unit, value text)."""
    bold_paragraph(doc, "BIỂU SỐ LIỆU KẾT QUẢ CÔNG TÁC DÂN VẬN")
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["STT", "Chỉ tiêu", "Đơn vị tính", value_header, "Ghi chú"]):
        cell.paragraphs[0].add_run(text).bold = True
    for i, (label, unit, value) in enumerate(rows, 1):
        cells = table.add_row().cells
        for cell, text in zip(cells, [str(i), label, unit, value, ""]):
            cell.text = text
    # Word always ends a document with a paragraph; without one LibreOffice's .doc export flattens the last table.
    doc.add_paragraph()


ROMAN_ABSTRACT_ID = "90"
ROMAN_NUM_ID = "90"


def add_roman_numbering(doc):
    """A Word list of parts numbered I., II., III. (upperRoman), as some units' templates have."""
    numbering = doc.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), ROMAN_ABSTRACT_ID)
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), "0")
    for tag, val in (("w:start", "1"), ("w:numFmt", "upperRoman"), ("w:lvlText", "%1."), ("w:lvlJc", "left")):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        lvl.append(el)
    abstract.append(lvl)
    # abstractNum elements come before num elements in numbering.xml.
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), ROMAN_NUM_ID)
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), ROMAN_ABSTRACT_ID)
    num.append(ref)
    numbering.append(num)


def roman_heading(doc, text):
    p = bold_paragraph(doc, text)
    ppr = p._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    numid = OxmlElement("w:numId")
    numid.set(qn("w:val"), ROMAN_NUM_ID)
    numpr.append(ilvl)
    numpr.append(numid)
    ppr.insert(0, numpr)
    return p


# ---------------------------------------------------------------------------------------------------------
# The reports. Each returns its expected content.


def report_dash(path):
    """Ban Dân vận Huyện ủy Thạch Bàn, quý I/2023: header table, "1." sub-headings, "- " and "+" items."""
    doc = Document()
    header_table(doc, ["HUYỆN ỦY THẠCH BÀN", "BAN DÂN VẬN"], "Thạch Bàn, ngày 21 tháng 3 năm 2023", "Số 15-BC/BDVHU")
    title(doc, ["kết quả công tác dân vận quý I năm 2023,", "phương hướng, nhiệm vụ quý II năm 2023"])
    doc.add_paragraph(
        "Thực hiện Hướng dẫn số 05-HD/BDVTU của Ban Dân vận Tỉnh ủy, Ban Dân vận Huyện ủy Thạch Bàn báo cáo kết quả công tác dân vận quý I năm 2023 như sau:"
    )
    exp = {"results": [], "limitations": [], "causes": [], "tasks": [], "proposals": []}
    bold_paragraph(doc, "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC DÂN VẬN")
    sections = [
        ("1. Công tác lãnh đạo, chỉ đạo", "Lãnh đạo, chỉ đạo", [
            "Tham mưu Ban Thường vụ Huyện ủy ban hành Kế hoạch thực hiện công tác dân vận năm 2023;",
            "Chỉ đạo các chi, đảng bộ cơ sở xây dựng chương trình công tác dân vận sát với nhiệm vụ chính trị của địa phương;",
        ]),
        ("2. Công tác dân vận của chính quyền", "Dân vận chính quyền", [
            "Ủy ban nhân dân huyện tổ chức 4 buổi tiếp công dân định kỳ, giải quyết kịp thời các kiến nghị chính đáng của Nhân dân;",
            "Đẩy mạnh cải cách hành chính, thực hiện tốt cơ chế một cửa liên thông ở 100% xã, thị trấn.",
        ]),
        ("3. Hoạt động của Mặt trận Tổ quốc và các đoàn thể", "Mặt trận và đoàn thể", [
            "Mặt trận và các đoàn thể vận động đoàn viên, hội viên tham gia xây dựng nông thôn mới, giúp đỡ hộ nghèo;",
        ]),
        ("4. Phong trào thi đua “Dân vận khéo”", "Dân vận khéo", [
            "Các xã đăng ký xây dựng mô hình “Dân vận khéo” gắn với chuyển đổi số trong cải cách hành chính;",
        ]),
    ]
    for heading, field, items in sections:
        bold_paragraph(doc, heading)
        for item in items:
            doc.add_paragraph(f"- {item}")
            exp["results"].append({"field": field, "content": clean(item)})
    # A lead-in with "+" items: the lead-in introduces them, each "+" is an item.
    bold_paragraph(doc, "5. Công tác tuyên truyền, nắm tình hình Nhân dân")
    doc.add_paragraph("- Công tác tuyên truyền, vận động:")
    plus = [
        "Phối hợp tổ chức 25 buổi tuyên truyền về chủ trương của Đảng, chính sách, pháp luật của Nhà nước;",
        "Nắm bắt kịp thời tâm tư, nguyện vọng của Nhân dân ở các thôn, bản vùng sâu;",
    ]
    for item in plus:
        doc.add_paragraph(f"+ {item}")
        exp["results"].append({"field": "Nắm tình hình Nhân dân", "content": clean(item)})

    bold_paragraph(doc, "II. HẠN CHẾ, NGUYÊN NHÂN")
    bold_paragraph(doc, "1. Hạn chế")
    for item in [
        "Công tác nắm tình hình Nhân dân ở một số cơ sở có lúc chưa kịp thời;",
        "Việc nhân rộng các mô hình “Dân vận khéo” còn chậm.",
    ]:
        doc.add_paragraph(f"- {item}")
        exp["limitations"].append(clean(item))
    bold_paragraph(doc, "2. Nguyên nhân")
    for item in [
        "Một số cấp ủy cơ sở chưa quan tâm đúng mức đến công tác dân vận;",
        "Đội ngũ cán bộ làm công tác dân vận ở cơ sở thường xuyên thay đổi.",
    ]:
        doc.add_paragraph(f"- {item}")
        exp["causes"].append(clean(item))

    bold_paragraph(doc, "III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II NĂM 2023")
    for item, deadline in [
        ("Tham mưu tổ chức sơ kết 5 năm thực hiện phong trào thi đua “Dân vận khéo”, hoàn thành trước ngày 15/5/2023;", "15/05/2023"),
        ("Hướng dẫn các xã kiện toàn tổ dân vận thôn, bản trong tháng 6/2023;", "Tháng 6/2023"),
        ("Tiếp tục nắm tình hình Nhân dân, nhất là ở các địa bàn có dự án giải phóng mặt bằng.", None),
    ]:
        doc.add_paragraph(f"- {item}")
        # The deadline has its own column: "…, hoàn thành trước ngày …" leaves the task's text.
        kept = clean(item).replace(", hoàn thành trước ngày 15/5/2023", "")
        exp["tasks"].append({"content": kept, "deadline": deadline})

    bold_paragraph(doc, "IV. ĐỀ XUẤT, KIẾN NGHỊ")
    for item, addressee in [
        ("Đề nghị Ban Dân vận Tỉnh ủy tổ chức tập huấn nghiệp vụ cho cán bộ dân vận cơ sở;", "Ban Dân vận Tỉnh ủy"),
        ("Đề nghị UBND tỉnh bố trí kinh phí hỗ trợ xây dựng mô hình “Dân vận khéo”./.", "UBND tỉnh"),
    ]:
        doc.add_paragraph(f"- {item}")
        exp["proposals"].append({"content": clean(item), "addressee": addressee})

    signature(doc, ["T/M BAN DÂN VẬN", "TRƯỞNG BAN"], "Lương Thị Hạnh", ["Ban Dân vận Tỉnh ủy (b/c)", "Lưu VP"])
    figures = [
        ("Số buổi tuyên truyền, vận động Nhân dân", "buổi", "25", "TT_BUOI", 25),
        ("Số lượt người được tuyên truyền", "lượt người", "3.150", "TT_LUOT", 3150),
        ("Mô hình “Dân vận khéo” xây dựng mới", "mô hình", "6", "DVK_MH_MOI", 6),
        ("Mô hình “Dân vận khéo” được công nhận", "mô hình", "2", "DVK_MH_CN", 2),
        ("Hội nghị đối thoại với Nhân dân", "cuộc", "3", "DT_HN", 3),
        ("Kiến nghị của Nhân dân được tiếp nhận", "kiến nghị", "40", "KN_TIEP", 40),
        ("Kiến nghị đã giải quyết", "kiến nghị", "36", "KN_GQ", 36),
        ("Ngày công Nhân dân đóng góp", "ngày công", "1.250,5", "VD_NGAYCONG", 1250.5),
    ]
    unplaced = [("Số hộ gia đình đạt danh hiệu văn hóa", "hộ", "1.820"), ("Tỷ lệ kiến nghị được giải quyết", "%", "90")]
    figures_table(doc, [(l, u, v) for l, u, v, _c, _n in figures] + unplaced, "Quý I/2023")
    doc.save(path)
    return {
        "unit": "HU_THACHBAN",
        "period": "2023-Q1",
        "reportDate": "2023-03-21",
        "head": "Lương Thị Hạnh",
        **exp,
        "figures": {c: n for _l, _u, _v, c, n in figures},
        "unplaced": [u[0] for u in unplaced],
        # TT_BUOI's 25 is in the table too: a sentence's number is offered only for an indicator the table leaves blank.
        "offered": [],
        "unknownHeadings": [],
    }


def report_word_lists(path, unit="MTTQ", header=("ỦY BAN MTTQ VIỆT NAM", "TỈNH BÌNH SƠN")):
    """Ủy ban MTTQ tỉnh, quý I/2023: parts numbered by Word (I., II.), sub-headings in "List Number", items in "List Bullet"."""
    doc = Document()
    add_roman_numbering(doc)
    header_table(doc, list(header), "Bình Sơn, ngày 24 tháng 3 năm 2023", "Số 31/BC-BTT")
    title(doc, ["Kết quả công tác dân vận quý I năm 2023"])
    exp = {"results": [], "limitations": [], "causes": [], "tasks": [], "proposals": []}
    roman_heading(doc, "KẾT QUẢ ĐẠT ĐƯỢC")
    sections = [
        ("Hoạt động của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội", "Mặt trận và đoàn thể", [
            "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc điểm tại xã Hòa Phong với hơn 500 người tham dự",
            "Vận động Quỹ “Vì người nghèo” được 1.200 triệu đồng, hỗ trợ xây mới 15 căn nhà đại đoàn kết",
        ]),
        ("Thực hiện Quy chế dân chủ ở cơ sở", "Dân chủ ở cơ sở", [
            "Ban Thanh tra nhân dân và Ban Giám sát đầu tư cộng đồng giám sát 42 công trình xây dựng cơ bản ở cơ sở",
        ]),
        ("Công tác dân tộc, tôn giáo", "Dân tộc, tôn giáo", [
            "Thăm hỏi, chúc mừng các chức sắc, chức việc nhân dịp lễ trọng của các tôn giáo",
            "Phối hợp vận động đồng bào dân tộc thiểu số xóa bỏ hủ tục trong việc cưới, việc tang",
        ]),
    ]
    for heading, field, items in sections:
        doc.add_paragraph(heading, style="List Number")
        for item in items:
            doc.add_paragraph(item, style="List Bullet")
            exp["results"].append({"field": field, "content": clean(item)})
    roman_heading(doc, "HẠN CHẾ VÀ NGUYÊN NHÂN")
    doc.add_paragraph("Hạn chế", style="List Number")
    for item in ["Công tác giám sát và phản biện xã hội ở một số nơi còn hình thức"]:
        doc.add_paragraph(item, style="List Bullet")
        exp["limitations"].append(clean(item))
    doc.add_paragraph("Nguyên nhân", style="List Number")
    for item in ["Một bộ phận cán bộ Mặt trận cơ sở còn kiêm nhiệm, chưa được tập huấn đầy đủ"]:
        doc.add_paragraph(item, style="List Bullet")
        exp["causes"].append(clean(item))
    roman_heading(doc, "NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2023")
    for item, deadline in [
        ("Tổ chức giám sát việc thực hiện chính sách bảo hiểm y tế cho người dân tộc thiểu số trong quý II/2023", "Quý II/2023"),
        ("Tiếp tục vận động xây dựng nhà đại đoàn kết cho hộ nghèo", None),
    ]:
        doc.add_paragraph(item, style="List Bullet")
        exp["tasks"].append({"content": clean(item), "deadline": deadline})
    roman_heading(doc, "KIẾN NGHỊ")
    for item, addressee in [
        ("Đề nghị Thường trực Tỉnh ủy quan tâm chỉ đạo các cấp ủy tạo điều kiện cho Mặt trận thực hiện giám sát", "Thường trực Tỉnh ủy"),
        ("Kiến nghị Ủy ban nhân dân tỉnh sớm ban hành quy chế phối hợp trong công tác giảm nghèo", "Ủy ban nhân dân tỉnh"),
    ]:
        doc.add_paragraph(item, style="List Bullet")
        exp["proposals"].append({"content": clean(item), "addressee": addressee})
    signature(doc, ["T/M BAN THƯỜNG TRỰC", "CHỦ TỊCH"], "Hoàng Văn Toản", ["Ban Dân vận Tỉnh ủy", "Lưu VT"])
    figures = [
        ("Nhà đại đoàn kết xây mới, sửa chữa", "căn", "15", "VD_NHA", 15),
        ("Kinh phí Nhân dân đóng góp, ủng hộ", "triệu đồng", "1.200", "VD_TIEN", 1200),
        ("Cuộc kiểm tra, giám sát", "cuộc", "12", "KTGS_CUOC", 12),
    ]
    unplaced = [("Mô hình “Dân vận khéo”", "mô hình", "4")]
    figures_table(doc, [(l, u, v) for l, u, v, _c, _n in figures] + unplaced, "Kết quả")
    doc.save(path)
    return {
        "unit": unit,
        "period": "2023-Q1",
        "reportDate": "2023-03-24",
        "head": "Hoàng Văn Toản",
        **exp,
        "figures": {c: n for _l, _u, _v, c, n in figures},
        "unplaced": [u[0] for u in unplaced],
        "offered": [],
        "unknownHeadings": [],
    }


def report_plain(path):
    """Hội Nông dân tỉnh, quý I/2023: no header table, "a)" sub-headings, "•" and plain paragraphs, an unknown heading."""
    doc = Document()
    for line in ["BAN CHẤP HÀNH TỈNH BÌNH SƠN", "HỘI NÔNG DÂN TỈNH"]:
        p = doc.add_paragraph(line)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = doc.add_paragraph("Bình Sơn, ngày 27 tháng 3 năm 2023")
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p = doc.add_paragraph("BÁO CÁO")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = doc.add_paragraph("Kết quả công tác dân vận quý I năm 2023 của Hội Nông dân tỉnh")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    exp = {"results": [], "limitations": [], "causes": [], "tasks": [], "proposals": []}
    doc.add_paragraph("I. ĐẶC ĐIỂM TÌNH HÌNH")
    doc.add_paragraph("Quý I năm 2023, thời tiết thuận lợi, nông dân trong tỉnh tập trung sản xuất vụ Đông Xuân.")
    doc.add_paragraph("II. KẾT QUẢ CÔNG TÁC DÂN VẬN")
    doc.add_paragraph("a) Công tác tuyên truyền, vận động hội viên")
    items = [
        "Các cấp Hội tổ chức 18 buổi tuyên truyền về pháp luật đất đai, thu hút 2.400 lượt người tham dự.",
        "Phối hợp hướng dẫn hội viên ứng dụng khoa học kỹ thuật vào sản xuất.",
    ]
    for item in items:
        doc.add_paragraph(f"• {item}")
        exp["results"].append({"field": "Khác", "content": clean(item)})
    doc.add_paragraph("b) Công tác dân vận của chính quyền")
    for item in ["Tham gia cùng chính quyền các cấp giải quyết kịp thời các kiến nghị của nông dân về đất đai."]:
        doc.add_paragraph(item)
        exp["results"].append({"field": "Dân vận chính quyền", "content": clean(item)})
    doc.add_paragraph("c) Hoạt động hỗ trợ nông dân khởi nghiệp")
    for item in ["Hỗ trợ 35 hộ nông dân vay vốn từ Quỹ hỗ trợ nông dân để phát triển sản xuất."]:
        doc.add_paragraph(item)
        exp["results"].append({"field": "Khác", "content": clean(item)})
    doc.add_paragraph("III. TỒN TẠI, HẠN CHẾ")
    for item in ["Hoạt động của một số chi hội còn đơn điệu, chưa thu hút hội viên trẻ."]:
        doc.add_paragraph(item)
        exp["limitations"].append(clean(item))
    doc.add_paragraph("IV. NHIỆM VỤ THỜI GIAN TỚI")
    for item, deadline in [("Tổ chức Hội thi “Nhà nông đua tài” cấp tỉnh, hoàn thành trước 30/6/2023.", "30/06/2023")]:
        doc.add_paragraph(item)
        exp["tasks"].append({"content": clean(item).replace(", hoàn thành trước 30/6/2023", ""), "deadline": deadline})
    doc.add_paragraph("V. ĐỀ XUẤT")
    for item, addressee in [("Đề nghị các sở, ngành liên quan phối hợp với Hội mở lớp dạy nghề cho nông dân.", "các sở, ngành liên quan")]:
        doc.add_paragraph(item)
        exp["proposals"].append({"content": clean(item), "addressee": addressee})
    for line in ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "", "Đinh Công Sáng"]:
        p = doc.add_paragraph(line)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.save(path)
    return {
        "unit": "HND",
        "period": "2023-Q1",
        "reportDate": "2023-03-27",
        "head": "Đinh Công Sáng",
        **exp,
        "figures": {},
        "unplaced": [],
        # Numbers found only in sentences: offered beside their indicator, never placed.
        "offered": [{"code": "TT_BUOI", "value": 18}, {"code": "TT_LUOT", "value": 2400}],
        "unknownHeadings": ["Công tác tuyên truyền, vận động hội viên", "Hoạt động hỗ trợ nông dân khởi nghiệp"],
        "contextSkipped": True,
    }


def report_ccb(path):
    """Hội Cựu chiến binh tỉnh, 6 tháng đầu năm 2025 (sent as .doc): the issue's period form."""
    doc = Document()
    header_table(doc, ["HỘI CCB VIỆT NAM", "HỘI CỰU CHIẾN BINH TỈNH"], "Bình Sơn, ngày 20 tháng 6 năm 2025", "Số 09-BC/CCB")
    title(doc, ["kết quả công tác dân vận 6 tháng đầu năm 2025, nhiệm vụ 6 tháng cuối năm 2025"])
    exp = {"results": [], "limitations": [], "causes": [], "tasks": [], "proposals": []}
    bold_paragraph(doc, "I. KẾT QUẢ")
    bold_paragraph(doc, "1. Công tác nắm tình hình Nhân dân")
    for item in ["Hội viên cựu chiến binh phản ánh kịp thời tình hình an ninh trật tự ở khu dân cư;"]:
        doc.add_paragraph(f"- {item}")
        exp["results"].append({"field": "Nắm tình hình Nhân dân", "content": clean(item)})
    bold_paragraph(doc, "2. Công tác tổ chức, cán bộ")
    for item in ["Kiện toàn Ban Chấp hành Hội ở 8 cơ sở sau sắp xếp đơn vị hành chính;"]:
        doc.add_paragraph(f"- {item}")
        exp["results"].append({"field": "Tổ chức, cán bộ", "content": clean(item)})
    bold_paragraph(doc, "II. HẠN CHẾ")
    for item in ["Công tác phối hợp với Đoàn Thanh niên giáo dục truyền thống có lúc chưa thường xuyên."]:
        doc.add_paragraph(f"- {item}")
        exp["limitations"].append(clean(item))
    bold_paragraph(doc, "III. NHIỆM VỤ 6 THÁNG CUỐI NĂM")
    for item, deadline in [("Tổ chức gặp mặt kỷ niệm Ngày thương binh liệt sĩ trong tháng 7/2025.", "Tháng 7/2025")]:
        doc.add_paragraph(f"- {item}")
        exp["tasks"].append({"content": clean(item), "deadline": deadline})
    bold_paragraph(doc, "IV. KIẾN NGHỊ")
    for item, addressee in [("Đề nghị Ban Dân vận Tỉnh ủy hướng dẫn việc đánh giá mô hình “Dân vận khéo” sau sắp xếp.", "Ban Dân vận Tỉnh ủy")]:
        doc.add_paragraph(f"- {item}")
        exp["proposals"].append({"content": clean(item), "addressee": addressee})
    signature(doc, ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"], "Vũ Đức Thuận", ["Ban Dân vận Tỉnh ủy", "Lưu"])
    figures = [("Cá nhân được khen thưởng", "cá nhân", "14", "KT_CANHAN", 14), ("Tập thể được khen thưởng", "tập thể", "5", "KT_TAPTHE", 5)]
    figures_table(doc, [(l, u, v) for l, u, v, _c, _n in figures], "6 tháng/2025")
    doc.save(path)
    return {
        "unit": "HCCB",
        "period": "2025-6T",
        "reportDate": "2025-06-20",
        "head": "Vũ Đức Thuận",
        **exp,
        "figures": {c: n for _l, _u, _v, c, n in figures},
        "unplaced": [],
        "offered": [],
        "unknownHeadings": [],
    }


def plan(path):
    doc = Document()
    header_table(doc, ["HUYỆN ỦY ĐÔNG HÒA", "BAN DÂN VẬN"], "Đông Hòa, ngày 05 tháng 1 năm 2023", "Số 02-KH/BDVHU")
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("KẾ HOẠCH").bold = True
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("thực hiện công tác dân vận năm 2023").bold = True
    doc.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    doc.add_paragraph("- Nâng cao chất lượng công tác dân vận của hệ thống chính trị.")
    doc.save(path)


# ---------------------------------------------------------------------------------------------------------


def soffice(args, cwd):
    profile = tempfile.mkdtemp(prefix="danvan-word-lo-")
    try:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", *args],
            cwd=cwd, check=True, capture_output=True, timeout=240,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main():
    out = sys.argv[1]
    libreoffice = "--no-libreoffice" not in sys.argv and shutil.which("soffice") is not None
    os.makedirs(out, exist_ok=True)
    expected = {}
    expected["BC quy I-2023 BDV Thach Ban.docx"] = report_dash(os.path.join(out, "BC quy I-2023 BDV Thach Ban.docx"))
    expected["MTTQ tinh - bao cao quy I.docx"] = report_word_lists(os.path.join(out, "MTTQ tinh - bao cao quy I.docx"))
    work = tempfile.mkdtemp(prefix="danvan-word-src-")
    try:
        plain = report_plain(os.path.join(work if libreoffice else out, "Hoi Nong dan Q1.docx"))
        ccb = report_ccb(os.path.join(work if libreoffice else out, "HCCB 6 thang 2025.docx"))
        if libreoffice:
            # Word's own list numbering through LibreOffice's .doc export and back.
            ldld = report_word_lists(os.path.join(work, "LDLD bao cao quy I.docx"), "LDLD", ("LIÊN ĐOÀN LAO ĐỘNG", "TỈNH BÌNH SƠN"))
            soffice(["--convert-to", "doc:MS Word 97", "--outdir", out, os.path.join(work, "LDLD bao cao quy I.docx")], work)
            expected["LDLD bao cao quy I.doc"] = {**ldld, "writer": "libreoffice"}
            # Re-saved by LibreOffice Writer (its own .docx), and converted to the old .doc.
            lo_docx = os.path.join(work, "lo")
            os.makedirs(lo_docx)
            soffice(["--convert-to", "docx:MS Word 2007 XML", "--outdir", lo_docx, os.path.join(work, "Hoi Nong dan Q1.docx")], work)
            shutil.copy(os.path.join(lo_docx, "Hoi Nong dan Q1.docx"), os.path.join(out, "Hoi Nong dan Q1.docx"))
            soffice(["--convert-to", "doc:MS Word 97", "--outdir", out, os.path.join(work, "HCCB 6 thang 2025.docx")], work)
            expected["Hoi Nong dan Q1.docx"] = {**plain, "writer": "libreoffice"}
            expected["HCCB 6 thang 2025.doc"] = {**ccb, "writer": "libreoffice"}
        else:
            expected["Hoi Nong dan Q1.docx"] = plain
            expected["HCCB 6 thang 2025.docx"] = ccb
    finally:
        shutil.rmtree(work, ignore_errors=True)
    plan(os.path.join(out, "Ke hoach dan van 2023 - Dong Hoa.docx"))
    expected["Ke hoach dan van 2023 - Dong Hoa.docx"] = {"refused": "plan"}
    with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    main()

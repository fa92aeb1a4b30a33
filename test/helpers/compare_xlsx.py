#!/usr/bin/python3
"""Compares a workbook with its annotated copy as openpyxl reads them, and prints the differences as JSON.

Usage: compare_xlsx.py ORIGINAL COPY [ORIGINAL COPY ...]
For each pair: {"file": ORIGINAL, "diffs": [...], "counts": {...}}, one JSON object per line.

The copy must hold one more sheet, first; every other sheet must equal the original's: every cell's value,
formula and cached value, number format, font, fill, border, alignment and protection; merged cells, data
validations, sheet protection, panes, column widths, row heights, hyperlinks, images, print settings; the
original's conditional formats (the copy may add its own); notes (the copy's note starts with the original's);
defined names, global and local. An independent reader: none of danvan's code is involved.
"""
import json
import sys
import warnings

import openpyxl

warnings.simplefilter('ignore')


def color(c):
    if c is None:
        return None
    return (c.type, c.rgb if c.type == 'rgb' else c.indexed if c.type == 'indexed' else c.theme, round(c.tint or 0, 6))


def style(cell):
    f, fill, b, a, p = cell.font, cell.fill, cell.border, cell.alignment, cell.protection
    return {
        'numFmt': cell.number_format,
        'font': (f.name, f.sz, f.b, f.i, f.u, f.strike, color(f.color), f.vertAlign),
        'fill': (fill.fill_type, color(getattr(fill, 'fgColor', None)), color(getattr(fill, 'bgColor', None))) if fill is not None else None,
        'border': tuple((s.style, color(s.color)) if s is not None else None for s in (b.left, b.right, b.top, b.bottom, b.diagonal)),
        'alignment': (a.horizontal, a.vertical, a.wrap_text, a.indent, a.text_rotation, a.shrink_to_fit),
        'protection': (p.locked, p.hidden),
        'styleId': cell.style_id if hasattr(cell, 'style_id') else None,
    }


def plain(v):
    if v is None or isinstance(v, (int, float, str, bool)):
        return v
    return str(v)


def validations(ws):
    out = []
    for dv in ws.data_validations.dataValidation:
        out.append((str(dv.sqref), dv.type, dv.operator, dv.formula1, dv.formula2, dv.allow_blank, dv.showDropDown,
                    dv.showErrorMessage, dv.showInputMessage, dv.error, dv.errorTitle, dv.prompt, dv.promptTitle, dv.errorStyle))
    return sorted(out, key=repr)


def protection(ws):
    p = ws.protection
    keys = ['sheet', 'objects', 'scenarios', 'formatCells', 'formatRows', 'formatColumns', 'insertColumns', 'insertRows',
            'insertHyperlinks', 'deleteColumns', 'deleteRows', 'selectLockedCells', 'selectUnlockedCells', 'sort',
            'autoFilter', 'pivotTables', 'password', 'algorithmName', 'hashValue', 'saltValue', 'spinCount']
    return {k: plain(getattr(p, k, None)) for k in keys}


def conditional(ws):
    out = []
    for rng in ws.conditional_formatting:
        for rule in rng.rules:
            dxf = rule.dxf
            fill = None
            if dxf is not None and dxf.fill is not None:
                fill = (dxf.fill.fill_type, color(dxf.fill.fgColor), color(dxf.fill.bgColor))
            out.append((str(rng.sqref), rule.type, rule.operator, tuple(rule.formula or ()), rule.stopIfTrue, fill))
    return out


def names_of(wb, sheet_titles):
    out = {}
    # openpyxl 3.0 keeps every defined name in wb.defined_names, local ones with localSheetId.
    for dn in wb.defined_names.definedName:
        scope = None if dn.localSheetId is None else sheet_titles[int(dn.localSheetId)]
        out[f'{scope}!{dn.name}'] = (dn.attr_text, dn.hidden)
    return out


def compare(original, copy):
    diffs = []
    counts = {'sheets': 0, 'cells': 0, 'validations': 0, 'merged': 0, 'protected': 0, 'conditional': 0, 'hyperlinks': 0,
              'notes': 0, 'images': 0, 'names': 0, 'localNames': 0}
    a = openpyxl.load_workbook(original)
    b = openpyxl.load_workbook(copy)
    av = openpyxl.load_workbook(original, data_only=True)
    bv = openpyxl.load_workbook(copy, data_only=True)
    if b.sheetnames[1:] != a.sheetnames:
        diffs.append(f'sheets {a.sheetnames} -> {b.sheetnames}')
        return diffs, counts
    for name in a.sheetnames:
        wa, wb_, va, vb = a[name], b[name], av[name], bv[name]
        counts['sheets'] += 1
        if type(wa) is not type(wb_):
            diffs.append(f'{name}: kind {type(wa).__name__} -> {type(wb_).__name__}')
            continue
        if not hasattr(wa, 'iter_rows'):
            continue  # a chartsheet: nothing cell-like to compare
        # Every cell either reader stored (a value or a style), not the whole used rectangle: a sheet that
        # touches row 1,048,576 would take hours. A cell only one side stores is compared with an empty one.
        stored = sorted(set(wa._cells) | set(wb_._cells) | set(va._cells) | set(vb._cells))
        for r, c in stored:
            ca, cb = wa.cell(r, c), wb_.cell(r, c)
            counts['cells'] += 1
            if plain(ca.value) != plain(cb.value) or ca.data_type != cb.data_type:
                diffs.append(f'{name}!{ca.coordinate}: value {ca.value!r} -> {cb.value!r}')
            if plain(va.cell(r, c).value) != plain(vb.cell(r, c).value):
                diffs.append(f'{name}!{ca.coordinate}: cached {va.cell(r, c).value!r} -> {vb.cell(r, c).value!r}')
            sa, sb = style(ca), style(cb)
            sa.pop('styleId')
            sb.pop('styleId')
            if sa != sb:
                diffs.append(f'{name}!{ca.coordinate}: style {sa} -> {sb}')
            if ca.hyperlink is not None or cb.hyperlink is not None:
                counts['hyperlinks'] += 1
                ha = (ca.hyperlink.target, ca.hyperlink.location) if ca.hyperlink else None
                hb = (cb.hyperlink.target, cb.hyperlink.location) if cb.hyperlink else None
                if ha != hb:
                    diffs.append(f'{name}!{ca.coordinate}: hyperlink {ha} -> {hb}')
            if ca.comment is not None:
                counts['notes'] += 1
                if cb.comment is None or not cb.comment.text.startswith(ca.comment.text):
                    diffs.append(f'{name}!{ca.coordinate}: note {ca.comment.text!r} -> {cb.comment.text if cb.comment else None!r}')
        ma, mb = sorted(map(str, wa.merged_cells.ranges)), sorted(map(str, wb_.merged_cells.ranges))
        counts['merged'] += len(ma)
        if ma != mb:
            diffs.append(f'{name}: merged {ma} -> {mb}')
        da, db = validations(wa), validations(wb_)
        counts['validations'] += len(da)
        if da != db:
            diffs.append(f'{name}: validations {da} -> {db}')
        pa, pb = protection(wa), protection(wb_)
        counts['protected'] += 1 if pa.get('sheet') else 0
        if pa != pb:
            diffs.append(f'{name}: protection {pa} -> {pb}')
        fa, fb = conditional(wa), conditional(wb_)
        counts['conditional'] += len(fa)
        for rule in fa:
            if rule not in fb:
                diffs.append(f'{name}: conditional format {rule} lost')
        if len(fb) - len(fa) > 2:
            diffs.append(f'{name}: {len(fb) - len(fa)} conditional formats added (at most 2 expected)')
        if wa.freeze_panes != wb_.freeze_panes:
            diffs.append(f'{name}: panes {wa.freeze_panes} -> {wb_.freeze_panes}')
        widths_a = {k: (d.width, d.hidden) for k, d in wa.column_dimensions.items()}
        widths_b = {k: (d.width, d.hidden) for k, d in wb_.column_dimensions.items()}
        if widths_a != widths_b:
            diffs.append(f'{name}: column widths {widths_a} -> {widths_b}')
        heights_a = {k: (d.height, d.hidden) for k, d in wa.row_dimensions.items()}
        heights_b = {k: (d.height, d.hidden) for k, d in wb_.row_dimensions.items()}
        if heights_a != heights_b:
            diffs.append(f'{name}: row heights differ')
        counts['images'] += len(wa._images)
        if len(wa._images) != len(wb_._images) or len(wa._charts) != len(wb_._charts):
            diffs.append(f'{name}: images/charts {len(wa._images)}/{len(wa._charts)} -> {len(wb_._images)}/{len(wb_._charts)}')
        if (wa.print_area, wa.print_title_rows, wa.print_title_cols) != (wb_.print_area, wb_.print_title_rows, wb_.print_title_cols):
            diffs.append(f'{name}: print area/titles differ')
        if wa.sheet_state != wb_.sheet_state:
            diffs.append(f'{name}: state {wa.sheet_state} -> {wb_.sheet_state}')
    na, nb = names_of(a, a.sheetnames), names_of(b, b.sheetnames)
    counts['names'] += len(na)
    counts['localNames'] += sum(1 for k in na if not k.startswith('None!'))
    if na != nb:
        diffs.append(f'defined names {na} -> {nb}')
    return diffs, counts


def main():
    args = sys.argv[1:]
    for i in range(0, len(args), 2):
        try:
            diffs, counts = compare(args[i], args[i + 1])
            print(json.dumps({'file': args[i], 'diffs': diffs[:20], 'counts': counts}, ensure_ascii=False))
        except Exception as error:  # the original itself may be beyond openpyxl
            print(json.dumps({'file': args[i], 'error': f'{type(error).__name__}: {error}'}, ensure_ascii=False))
        sys.stdout.flush()


main()

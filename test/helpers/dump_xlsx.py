#!/usr/bin/python3
"""Prints a workbook as openpyxl reads it, as JSON: {sheet: {"rows": [[value…]…], "notes": {"D7": "…"}}}.

An outside reader for the tests: what danvan writes is checked by another program's eyes. Dates come out as
ISO strings; with --values, formulas give their cached results instead of their text.
"""
import datetime
import json
import sys

import openpyxl


def plain(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return value


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    book = openpyxl.load_workbook(args[0], data_only='--values' in sys.argv)
    out = {}
    for sheet in book.worksheets:
        rows = [[plain(c) for c in row] for row in sheet.iter_rows(values_only=True)]
        notes = {cell.coordinate: cell.comment.text for row in sheet.iter_rows() for cell in row if cell.comment}
        out[sheet.title] = {'rows': rows, 'notes': notes}
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    main()

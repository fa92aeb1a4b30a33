#!/usr/bin/python3
"""Reads many workbooks with openpyxl (cached values, as a spreadsheet shows them) and prints one JSON line per file:
{"file": …, "sheets": {name: {"A1": [type, value], …}}} or {"file": …, "error": "…"} when openpyxl cannot open it.

Types are openpyxl's data_type: n (number), s (text), b (boolean), d (date: value is its Excel serial), e (error).
File names come one per line on stdin, so that thousands of files cost one Python start.
"""
import datetime
import json
import sys
import warnings

import openpyxl
from openpyxl.utils.datetime import to_excel


def value_of(cell):
    v = cell.value
    if v is None:
        return None
    if isinstance(v, bool):
        return ['b', v]
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)):
        try:
            return ['d', float(to_excel(v))]
        except Exception:  # noqa: BLE001 - an out-of-range date is no value either program agrees on
            return ['e', '#VALUE!']
    if isinstance(v, (int, float)):
        return ['n', v]
    return [cell.data_type if cell.data_type in ('e',) else 's', str(v)]


def main():
    warnings.simplefilter('ignore')
    for line in sys.stdin:
        name = line.rstrip('\n')
        if not name:
            continue
        try:
            book = openpyxl.load_workbook(name, data_only=True)
            sheets = {}
            for sheet in book.worksheets:
                cells = {}
                for row in sheet.iter_rows():
                    for cell in row:
                        value = value_of(cell)
                        if value is not None:
                            cells[cell.coordinate] = value
                sheets[sheet.title] = cells
            out = {'file': name, 'sheets': sheets}
        except Exception as error:  # noqa: BLE001 - any refusal is an outcome to report, not a crash of the test
            out = {'file': name, 'error': f'{type(error).__name__}: {error}'[:300]}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + '\n')
        sys.stdout.flush()


if __name__ == '__main__':
    main()

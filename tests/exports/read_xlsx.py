#!/usr/bin/env python3
"""Prints every sheet of an .xlsx file as JSON ({"title": [[cell, ...], ...]}), read with openpyxl.

The export tests read the server's files with a real spreadsheet reader, not with the code that wrote them.
"""
import json
import sys

import openpyxl


def main() -> int:
    workbook = openpyxl.load_workbook(sys.argv[1], read_only=True)
    sheets = {}
    for sheet in workbook.worksheets:
        sheets[sheet.title] = [["" if cell is None else str(cell) for cell in row]
                               for row in sheet.iter_rows(values_only=True)]
    json.dump(sheets, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())

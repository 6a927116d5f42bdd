#!/usr/bin/env python3
"""Writes the .xlsx files the lead tests upload, made by a real spreadsheet writer (openpyxl) or, for the
hostile ones, by hand with zipfile.

  make_xlsx.py table OUT ROWS_JSON   rows [[cell, ...], ...]: a string, an integer (a numeric cell, as an
                                     18-digit 身份证号 typed into Excel), or {"date": "YYYY-MM-DD"} (a date
                                     cell: Excel's serial number with a date format)
  make_xlsx.py shared OUT            by hand: shared strings (rich text runs, a phonetic reading), an 18-digit
                                     number written out in full, a date serial; the workbook's first sheet is
                                     the part sheet2.xml (only its relationship says so)
  make_xlsx.py bomb OUT              a sheet part that inflates to 200 MB from a few hundred KB
  make_xlsx.py doctype OUT           a sheet part with a DOCTYPE declaring nested entities
"""
import datetime
import json
import sys
import zipfile

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>"""
SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
              '<row r="1"><c r="A1" t="inlineStr"><is><t>身份证号</t></is></c></row>')


SHARED_WORKBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="名单" sheetId="2" r:id="rId7"/><sheet name="说明" sheetId="1" r:id="rId1"/></sheets></workbook>"""
SHARED_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""
SHARED_STRINGS = """<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5">
<si><t>姓名</t></si><si><t>身份证号</t></si><si><t>预警日期</t></si>
<si><r><t>张</t></r><r><rPr><b/></rPr><t xml:space="preserve">三</t></r><rPh sb="0" eb="1"><t>zhang</t></rPh></si>
<si><t>说明页</t></si></sst>"""
SHARED_SHEET = """<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><v>429005199003071234</v></c><c r="C3" s="1"><v>45356</v></c>
<c r="E3" t="inlineStr"><is><t>备注</t></is></c></row>
</sheetData></worksheet>"""
OTHER_SHEET = """<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>4</v></c></row></sheetData></worksheet>"""


def handmade(out, sheet, workbook=WORKBOOK, rels=WORKBOOK_RELS, extra=None):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        for name, text in (extra or {}).items():
            z.writestr(name, text)


def table(out, rows_json):
    import openpyxl
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "预警名单"
    with open(rows_json, encoding="utf-8") as f:
        rows = json.load(f)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if isinstance(value, dict):
                cell = sheet.cell(row=r, column=c, value=datetime.date.fromisoformat(value["date"]))
                cell.number_format = "yyyy-mm-dd"
            else:
                sheet.cell(row=r, column=c, value=value)
    workbook.save(out)


def main() -> int:
    mode, out = sys.argv[1], sys.argv[2]
    if mode == "table":
        table(out, sys.argv[3])
    elif mode == "shared":
        handmade(out, OTHER_SHEET, SHARED_WORKBOOK, SHARED_RELS,
                 {"xl/worksheets/sheet2.xml": SHARED_SHEET, "xl/sharedStrings.xml": SHARED_STRINGS})
    elif mode == "bomb":
        handmade(out, SHEET_HEAD + " " * (200 * 1024 * 1024) + "</sheetData></worksheet>")
    elif mode == "doctype":
        handmade(out, '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
                      '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
                      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row>'
                      '</sheetData></worksheet>')
    else:
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

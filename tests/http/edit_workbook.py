#!/usr/bin/python3
"""Edits a FRAMSYN budget workbook as a person would, with openpyxl or in
LibreOffice (headless, through UNO), for the round trip in test_service.cpp:
the first cost line's amount 126 000 -> 140 000,50, the line "Projektledare
100 %, januari–september" removed, and a line "Resa till Bryssel" (travel,
2011, 9 999,99) added after the last one.

    edit_workbook.py openpyxl|libreoffice IN.xlsx OUT.xlsx

Exits 77 when the tool is not installed (the test then says it skipped)."""

import os
import shutil
import subprocess
import sys
import tempfile
import time

CHANGED = "Projektledare 100 %, oktober–december"
REMOVED = "Projektledare 100 %, januari–september"
TRAVEL = "Resor i länet, noder och projektverkstad"   # its category cell is copied, in the workbook's own words
ADDED = ("Resa till Bryssel", 2011, 9999.99)
COSTS_SHEETS = ("Kostnader", "Costs")
HEADERS = {"category": ("Kategori", "Category"), "year": ("År", "Year"), "label": ("Benämning", "Label"),
           "amount": ("Belopp", "Amount")}


def columns(header_row):
    """Column index (0-based) of each header this script edits."""
    found = {}
    for index, text in enumerate(header_row):
        for key, words in HEADERS.items():
            if text in words and key not in found:
                found[key] = index
    missing = [key for key in HEADERS if key not in found]
    if missing:
        sys.exit("the costs sheet has no column for " + ", ".join(missing))
    return found


def with_openpyxl(source, target):
    try:
        import openpyxl
    except ImportError:
        sys.exit(77)
    book = openpyxl.load_workbook(source)
    sheet = next(book[name] for name in COSTS_SHEETS if name in book.sheetnames)
    rows = list(sheet.iter_rows(values_only=True))
    col = columns(rows[0])
    row_of = {row[col["label"]]: number for number, row in enumerate(rows, start=1) if row and row[col["label"]]}
    sheet.cell(row=row_of[CHANGED], column=col["amount"] + 1).value = 140000.5
    category = sheet.cell(row=row_of[TRAVEL], column=col["category"] + 1).value
    last = max(number for number, row in enumerate(rows, start=1) if any(cell is not None for cell in row))
    new = last + 1
    sheet.cell(row=new, column=col["category"] + 1).value = category
    sheet.cell(row=new, column=col["year"] + 1).value = ADDED[1]
    sheet.cell(row=new, column=col["label"] + 1).value = ADDED[0]
    sheet.cell(row=new, column=col["amount"] + 1).value = ADDED[2]
    sheet.delete_rows(row_of[REMOVED])
    book.save(target)


def with_libreoffice(source, target):
    soffice = shutil.which("soffice")
    try:
        import uno
        from com.sun.star.beans import PropertyValue
    except ImportError:
        sys.exit(77)
    if not soffice:
        sys.exit(77)

    def prop(name, value):
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    profile = tempfile.mkdtemp(prefix="esfdraft-lo-")
    pipe = "esfdraft" + str(os.getpid())
    office = subprocess.Popen([soffice, "-env:UserInstallation=file://" + profile, "--headless", "--invisible", "--norestore",
                               "--nologo", "--accept=pipe,name=" + pipe + ";urp;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext())
        context = None
        for _ in range(240):
            try:
                context = resolver.resolve("uno:pipe,name=" + pipe + ";urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.25)
        if context is None:
            sys.exit("LibreOffice did not answer on its pipe")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0,
                                                (prop("Hidden", True),))
        sheets = document.Sheets
        sheet = next(sheets.getByName(name) for name in COSTS_SHEETS if sheets.hasByName(name))
        header = [sheet.getCellByPosition(c, 0).getString() for c in range(12)]
        col = columns(header)
        row_of, last = {}, 0
        for r in range(1, 1000):
            label = sheet.getCellByPosition(col["label"], r).getString()
            if label:
                row_of[label] = r
                last = r
        sheet.getCellByPosition(col["amount"], row_of[CHANGED]).setValue(140000.5)
        category = sheet.getCellByPosition(col["category"], row_of[TRAVEL]).getString()
        new = last + 1
        sheet.getCellByPosition(col["category"], new).setString(category)
        sheet.getCellByPosition(col["year"], new).setValue(ADDED[1])
        sheet.getCellByPosition(col["label"], new).setString(ADDED[0])
        sheet.getCellByPosition(col["amount"], new).setValue(ADDED[2])
        sheet.Rows.removeByIndex(row_of[REMOVED], 1)
        document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        document.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass   # the bridge goes down with the office
    finally:
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("openpyxl", "libreoffice"):
        sys.exit(__doc__)
    (with_openpyxl if sys.argv[1] == "openpyxl" else with_libreoffice)(sys.argv[2], sys.argv[3])


if __name__ == "__main__":
    main()

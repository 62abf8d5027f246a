#!/usr/bin/env python3
"""Opens each sample budget workbook with openpyxl and checks it against its
JSON sidecar (written by xlsx_write_samples from the model alone):

  * every formula cell carries a cached result, so viewers that do not
    recalculate show numbers;
  * every defined key figure holds the exact amount (whole öre), share or text;
  * the status beside each limited figure reads as expected;
  * the costs are an Excel table (autofilter, banded rows) whose amounts add
    up, to the öre, to the total;
  * the by-year sheet's rows and columns add up to its totals;
  * frozen header rows, print set-up, document properties and the chart;
  * with --recalc: LibreOffice, made to recalculate every formula on load,
    gets the same value as the cached result of every formula cell.

Usage: check_workbook.py [--recalc] FOLDER   (every FOLDER/*.xlsx with a .json beside it)
Exit status: 0 all pass, 1 a check fails, 2 bad usage, 77 openpyxl (or, with
--recalc, LibreOffice) is missing.
"""
import datetime
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import openpyxl
except ImportError:
    print("check_workbook.py: openpyxl is not installed; skipped")
    sys.exit(77)

problems = []


def fail(workbook, message):
    problems.append("%s: %s" % (os.path.basename(workbook), message))


def ore(value):
    """Whole öre of a cell holding kronor; None when it is no number."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return round(value * 100)


def cell_of(workbook, name):
    """(sheet title, coordinate) of a defined name."""
    defined = workbook.defined_names[name]
    destinations = list(defined.destinations)
    if len(destinations) != 1:
        raise KeyError(name)
    title, ref = destinations[0]
    return title, ref.replace("$", "")


def check_formulas_have_results(path, formulas, values):
    count = 0
    for sheet in formulas.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    count += 1
                    cached = values[sheet.title][cell.coordinate].value
                    if cached is None or cached == "":
                        fail(path, "%s!%s %s has no cached result" % (sheet.title, cell.coordinate, cell.value))
    if count == 0:
        fail(path, "no formulas at all")
    return count


def check_names(path, expected, formulas, values):
    for name, want in expected["names"].items():
        try:
            title, coordinate = cell_of(formulas, name)
        except KeyError:
            fail(path, "no defined name %s" % name)
            continue
        value = values[title][coordinate].value
        number_format = formulas[title][coordinate].number_format
        if "ore" in want:
            if ore(value) != want["ore"] or abs(value - want["ore"] / 100) > 1e-9 * max(1, abs(want["ore"] / 100)):
                fail(path, "%s is %r, expected %s öre" % (name, value, want["ore"]))
            if "kr" not in number_format and "SEK" not in number_format:
                fail(path, "%s is not formatted as money: %r" % (name, number_format))
        elif "share" in want:
            part, whole = want["share"]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or abs(value - part / whole) > 1e-12:
                fail(path, "%s is %r, expected %d/%d" % (name, value, part, whole))
            if "%" not in number_format:
                fail(path, "%s is not formatted as a percentage: %r" % (name, number_format))
        elif value != want["text"]:
            fail(path, "%s is %r, expected %r" % (name, value, want["text"]))
    for name, want in expected["statuses"].items():
        title, coordinate = cell_of(formulas, name)
        row = values[title][coordinate].row
        status = values[title].cell(row=row, column=4).value
        if status != want:
            fail(path, "the status of %s is %r, expected %r" % (name, status, want))


def check_costs(path, expected, formulas, values):
    title = expected["sheets"][1]
    sheet = formulas[title]
    lines = expected["cost_lines"]
    table = sheet.tables.get(expected["table"])
    if table is None:
        fail(path, "no table %s on %s" % (expected["table"], title))
    else:
        # Column G is the beneficiary's when partners are beneficiaries.
        if table.ref not in ("A1:F%d" % (max(lines, 1) + 1), "A1:G%d" % (max(lines, 1) + 1)):
            fail(path, "table %s covers %s" % (table.name, table.ref))
        if table.autoFilter is None:
            fail(path, "table %s has no autofilter" % table.name)
        if not (table.tableStyleInfo and table.tableStyleInfo.showRowStripes):
            fail(path, "table %s has no banded rows" % table.name)
    total = sum(ore(values[title].cell(row=r, column=5).value) or 0 for r in range(2, lines + 2))
    if total != expected["total_cost_ore"]:
        fail(path, "the cost lines add up to %d öre, not %d" % (total, expected["total_cost_ore"]))
    if sheet.freeze_panes != "A2":
        fail(path, "%s freezes %r, not its header row" % (title, sheet.freeze_panes))


def check_by_year(path, expected, values):
    sheet = values[expected["sheets"][2]]
    total_label = sheet.cell(row=1, column=sheet.max_column).value
    last_column = None
    for column in range(1, sheet.max_column + 1):
        if sheet.cell(row=1, column=column).value == total_label:
            last_column = column
    total_row = None
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=1).value == total_label:
            total_row = row
            break
    if last_column is None or total_row is None:
        fail(path, "no totals on %s" % sheet.title)
        return
    for row in range(2, total_row + 1):
        parts = sum(ore(sheet.cell(row=row, column=c).value) or 0 for c in range(2, last_column))
        whole = ore(sheet.cell(row=row, column=last_column).value)
        if last_column > 2 and parts != whole:
            fail(path, "%s row %d adds up to %d öre, its total says %s" % (sheet.title, row, parts, whole))
    for column in range(2, last_column + 1):
        parts = sum(ore(sheet.cell(row=r, column=column).value) or 0 for r in range(2, total_row))
        whole = ore(sheet.cell(row=total_row, column=column).value)
        if total_row > 2 and parts != whole:
            fail(path, "%s column %d adds up to %d öre, its total says %s" % (sheet.title, column, parts, whole))
    charts = getattr(sheet, "_charts", [])
    if expected["chart"] and not charts:
        fail(path, "no chart on %s" % sheet.title)
    if not expected["chart"] and charts:
        fail(path, "a chart on %s with nothing to compare" % sheet.title)


def check_print_and_properties(path, expected, formulas):
    for sheet in formulas.worksheets:
        setup = sheet.page_setup
        if setup.orientation != "landscape":
            fail(path, "%s prints %s" % (sheet.title, setup.orientation))
        if not sheet.sheet_properties.pageSetUpPr.fitToPage or int(setup.fitToWidth or 1) != 1 or int(setup.fitToHeight) != 0:
            fail(path, "%s is not fitted to one page wide" % sheet.title)
        header = sheet.oddHeader.left.text or ""
        if not header or not expected["title"].split(" – ", 1)[1].startswith(header.replace("&&", "&")[:40]):
            fail(path, "%s prints the header %r" % (sheet.title, header))
        if "&P" not in (sheet.oddFooter.right.text or ""):
            fail(path, "%s prints no page number" % sheet.title)
    for index in (1, 2, 3, 4):
        sheet = formulas.worksheets[index]
        if (sheet.print_title_rows or "").replace("$", "") != "1:1":
            fail(path, "%s does not repeat its header row: %r" % (sheet.title, sheet.print_title_rows))
    properties = formulas.properties
    if properties.title != expected["title"]:
        fail(path, "the document title is %r" % properties.title)
    if properties.created != datetime.datetime.fromisoformat(expected["created"]):
        fail(path, "the document was created %r" % properties.created)
    summary = formulas.worksheets[0]
    dates = [c.value for c in summary["B"] if isinstance(c.value, datetime.datetime)]
    if datetime.datetime.fromisoformat(expected["created"]) not in dates:
        fail(path, "the summary shows no date cell for the document date")


def check(path, expected):
    formulas = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    if formulas.sheetnames != expected["sheets"]:
        fail(path, "sheets %r" % formulas.sheetnames)
        return 0
    count = check_formulas_have_results(path, formulas, values)
    check_names(path, expected, formulas, values)
    check_costs(path, expected, formulas, values)
    check_by_year(path, expected, values)
    check_print_and_properties(path, expected, formulas)
    return count


# LibreOffice's setting "recalculation on file load" for OOXML and ODF: 0 = always.
ALWAYS_RECALCULATE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def same_value(ours, theirs):
    if isinstance(ours, (int, float)) and isinstance(theirs, (int, float)):
        return abs(ours - theirs) <= 1e-9 * max(1.0, abs(ours))
    return ours == theirs


def check_recalculation(workbooks):
    """Lets LibreOffice recalculate and re-save every workbook; compares."""
    soffice = shutil.which("soffice")
    if not soffice:
        print("check_workbook.py: LibreOffice (soffice) is not installed; skipped")
        sys.exit(77)
    work = tempfile.mkdtemp(prefix="esfdraft-xlsx-recalc-")
    try:
        profile = os.path.join(work, "profile")
        os.makedirs(os.path.join(profile, "user"))
        with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w", encoding="utf-8") as f:
            f.write(ALWAYS_RECALCULATE)
        out = os.path.join(work, "out")
        os.makedirs(out)
        subprocess.run([soffice, "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
                        "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out] + workbooks,
                       env=dict(os.environ, HOME=work), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=600, check=False)
        for path in workbooks:
            again = os.path.join(out, os.path.basename(path))
            if not os.path.exists(again):
                fail(path, "LibreOffice could not open and re-save it")
                continue
            formulas = openpyxl.load_workbook(path)
            ours = openpyxl.load_workbook(path, data_only=True)
            theirs = openpyxl.load_workbook(again, data_only=True)
            count = differ = 0
            for sheet in formulas.worksheets:
                for row in sheet.iter_rows():
                    for cell in row:
                        if isinstance(cell.value, str) and cell.value.startswith("="):
                            count += 1
                            a = ours[sheet.title][cell.coordinate].value
                            b = theirs[sheet.title][cell.coordinate].value
                            if not same_value(a, b):
                                differ += 1
                                fail(path, "%s!%s %s: cached %r, LibreOffice %r" % (sheet.title, cell.coordinate,
                                                                                  cell.value, a, b))
            print("%s %s: LibreOffice recalculated %d formulas, %d differ" % ("ok  " if differ == 0 else "FAIL",
                                                                                os.path.basename(path), count, differ))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def recalculate(soffice, work, workbooks, out):
    profile = os.path.join(work, "profile")
    if not os.path.isdir(profile):
        os.makedirs(os.path.join(profile, "user"))
        with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w", encoding="utf-8") as f:
            f.write(ALWAYS_RECALCULATE)
    os.makedirs(out, exist_ok=True)
    subprocess.run([soffice, "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out] + workbooks,
                   env=dict(os.environ, HOME=work), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=600, check=False)


APPENDED_ORE = 123456   # 1 234,56 kr
# The key figures' defined names by the summary sheet's name (the language).
FIGURE_NAMES = {
    "Sammanställning": {"total": "Kostnad_totalt", "esf": "ESF_stod", "esf_share": "ESF_andel",
                        "eligible": "Stodberattigande_kostnad"},
    "Summary": {"total": "Total_cost", "esf": "ESF_support", "esf_share": "ESF_share", "eligible": "Eligible_cost"},
}


def check_appended_lines(workbooks):
    """Types a cost line on the first empty row under the cost table (as a
    finance officer would, with openpyxl), lets LibreOffice recalculate, and
    finds the line in every total: category × year, the year, the category,
    the grand total, the total cost and the ESF share."""
    soffice = shutil.which("soffice")
    if not soffice:
        print("check_workbook.py: LibreOffice (soffice) is not installed; skipped")
        sys.exit(77)
    work = tempfile.mkdtemp(prefix="esfdraft-xlsx-append-")
    try:
        typed = {}
        for path in workbooks:
            with open(os.path.splitext(path)[0] + ".json", encoding="utf-8") as f:
                expected = json.load(f)
            lines = expected["cost_lines"]
            if lines == 0 or lines > 1000:
                continue
            book = openpyxl.load_workbook(path)
            costs = book[expected["sheets"][1]]
            category, year = costs.cell(row=2, column=1).value, costs.cell(row=2, column=2).value
            row = lines + 2   # the first empty row below the table
            if costs.cell(row=row, column=1).value is not None:
                fail(path, "row %d below the table is not empty" % row)
                continue
            costs.cell(row=row, column=1).value = category
            costs.cell(row=row, column=2).value = year
            costs.cell(row=row, column=4).value = "Typed below the table"
            costs.cell(row=row, column=5).value = APPENDED_ORE / 100
            edited = os.path.join(work, os.path.basename(path))
            book.save(edited)
            typed[edited] = (path, expected, category, year)
        out = os.path.join(work, "out")
        recalculate(soffice, work, list(typed), out)
        for edited, (path, expected, category, year) in typed.items():
            again = os.path.join(out, os.path.basename(edited))
            if not os.path.exists(again):
                fail(path, "LibreOffice could not open and re-save it with a typed line")
                continue
            before = openpyxl.load_workbook(path, data_only=True)
            after = openpyxl.load_workbook(again, data_only=True)
            names = openpyxl.load_workbook(path)
            figure = FIGURE_NAMES[expected["sheets"][0]]
            grew = 0

            def expect_growth(title, coordinate, what):
                nonlocal grew
                a = ore(before[title][coordinate].value)
                b = ore(after[title][coordinate].value)
                if a is None or b != a + APPENDED_ORE:
                    fail(path, "%s (%s!%s) is %r after typing a line of %d öre, was %r" % (what, title, coordinate, b,
                                                                                       APPENDED_ORE, a))
                else:
                    grew += 1

            title, coordinate = cell_of(names, figure["total"])
            expect_growth(title, coordinate, "the total cost")
            by_year = before[expected["sheets"][2]]
            year_column = total_column = category_row = total_row = None
            for column in range(2, by_year.max_column + 1):
                header = by_year.cell(row=1, column=column).value
                if header == year:
                    year_column = column
                if isinstance(header, str):
                    total_column = column
            for r in range(2, by_year.max_row + 1):
                if by_year.cell(row=r, column=1).value == category:
                    category_row = r
                if category_row and by_year.cell(row=r, column=1).value == by_year.cell(row=1, column=total_column).value:
                    total_row = r
                    break
            if None in (year_column, total_column, category_row, total_row):
                fail(path, "no category %r and year %r on %s" % (category, year, by_year.title))
                continue
            cell = lambda r, c: by_year.cell(row=r, column=c).coordinate
            expect_growth(by_year.title, cell(category_row, year_column), "category × year")
            expect_growth(by_year.title, cell(category_row, total_column), "the category's total")
            expect_growth(by_year.title, cell(total_row, year_column), "the year's total")
            expect_growth(by_year.title, cell(total_row, total_column), "the grand total")
            # The ESF share: ESF over the eligible cost, which grew by the line.
            title, coordinate = cell_of(names, figure["esf_share"])
            esf_title, esf_coordinate = cell_of(names, figure["esf"])
            eligible_title, eligible_coordinate = cell_of(names, figure["eligible"])
            esf = ore(after[esf_title][esf_coordinate].value)
            eligible = ore(after[eligible_title][eligible_coordinate].value)
            share = after[title][coordinate].value
            if eligible != ore(before[eligible_title][eligible_coordinate].value) + APPENDED_ORE or \
                    not isinstance(share, float) or abs(share - esf / eligible) > 1e-12:
                fail(path, "the ESF share is %r after typing a line, expected %d/%s" % (share, esf, eligible))
            else:
                grew += 1
            print("%s %s: a line typed under the table counts in %d totals" % (
                "ok  " if grew == 6 else "FAIL", os.path.basename(path), grew))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    arguments = sys.argv[1:]
    recalc = "--recalc" in arguments
    arguments = [a for a in arguments if a != "--recalc"]
    if len(arguments) != 1 or not os.path.isdir(arguments[0]):
        print("usage: check_workbook.py [--recalc] FOLDER", file=sys.stderr)
        return 2
    workbooks = sorted(glob.glob(os.path.join(arguments[0], "*.xlsx")))
    if not workbooks:
        print("check_workbook.py: no workbooks in %s" % arguments[0], file=sys.stderr)
        return 1
    if recalc:
        check_recalculation(workbooks)
        check_appended_lines(workbooks)
        for problem in problems:
            print("FAIL " + problem)
        return 1 if problems else 0
    for path in workbooks:
        sidecar = os.path.splitext(path)[0] + ".json"
        with open(sidecar, encoding="utf-8") as f:
            expected = json.load(f)
        before = len(problems)
        count = check(path, expected)
        print("%s %s: %d formulas with results" % ("ok  " if len(problems) == before else "FAIL",
                                                    os.path.basename(path), count))
    for problem in problems:
        print("FAIL " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

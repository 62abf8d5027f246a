#!/usr/bin/env python3
"""Checks that an anchor wrote the same document as esfdraft, so the benchmark
compares like with like. Standard library only.

Usage:
  compare.py docx ESFDRAFT.docx ANCHOR.docx
      compares the text of every paragraph (in the body and in table cells) in
      order, and the number of tables and table rows
  compare.py xlsx ESFDRAFT.xlsx ANCHOR.xlsx
      compares the sheets by name and every cell: its formula, else its value
      (numbers to 1e-9 relative), and the defined names

Prints one line: "same" or what differs (at most a few examples). Exit status
0 when the same, 1 when not: the benchmark reports it and goes on.
"""
import difflib
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def docx_outline(path):
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    paragraphs = ["".join(t.text or "" for t in p.iter(W + "t")) for p in root.iter(W + "p")]
    return paragraphs, len(list(root.iter(W + "tbl"))), len(list(root.iter(W + "tr")))


def compare_docx(ours, theirs):
    a, tables_a, rows_a = docx_outline(ours)
    b, tables_b, rows_b = docx_outline(theirs)
    same = sum(block.size for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    problems = []
    if (tables_a, rows_a) != (tables_b, rows_b):
        problems.append(f"tables/rows {tables_a}/{rows_a} vs {tables_b}/{rows_b}")
    if same != len(a) or len(a) != len(b):
        diff = [line for line in difflib.unified_diff(a, b, lineterm="", n=0) if line[:1] in "+-" and line[:3] not in ("+++", "---")]
        problems.append(f"{same} of {len(a)} paragraphs the same ({len(b)} in the anchor's); e.g. " +
                        "; ".join(repr(d[:70]) for d in diff[:4]))
    summary = f"{len(a)} paragraphs, {tables_a} tables, {rows_a} table rows"
    return problems, summary


def xlsx_sheets(path):
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        shared = []
        if "xl/sharedStrings.xml" in names:
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(S + "si"):
                shared.append("".join(t.text or "" for t in si.iter(S + "t")))
        book = ET.fromstring(z.read("xl/workbook.xml"))
        rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels")).iter(PR + "Relationship")}
        defined = {d.get("name"): (d.text or "").replace("$", "") for d in book.iter(S + "definedName")
                   if not d.get("name", "").startswith("_xlnm")}
        sheets = {}
        for sheet in book.iter(S + "sheet"):
            target = rels[sheet.get(R + "id")].lstrip("/")
            target = target if target.startswith("xl/") else "xl/" + target
            cells = {}
            for c in ET.fromstring(z.read(target)).iter(S + "c"):
                f, v, t = c.find(S + "f"), c.find(S + "v"), c.get("t", "n")
                is_ = c.find(S + "is")
                if f is not None and f.text:
                    cells[c.get("r")] = ("=", f.text.lstrip("="))
                elif t == "s" and v is not None:
                    cells[c.get("r")] = ("s", shared[int(v.text)])
                elif t == "inlineStr" and is_ is not None:
                    cells[c.get("r")] = ("s", "".join(x.text or "" for x in is_.iter(S + "t")))
                elif v is not None and v.text is not None:
                    cells[c.get("r")] = ("n", float(v.text)) if t == "n" else (t, v.text)
            sheets[sheet.get("name")] = {k: x for k, x in cells.items() if x[1] != ""}
        return sheets, defined


def close(x, y):
    if x[0] == "n" and y[0] == "n":
        return abs(x[1] - y[1]) <= 1e-9 * max(1.0, abs(x[1]), abs(y[1]))
    return x == y


def compare_xlsx(ours, theirs):
    a, names_a = xlsx_sheets(ours)
    b, names_b = xlsx_sheets(theirs)
    problems = []
    if list(a) != list(b):
        problems.append(f"sheets {list(a)} vs {list(b)}")
    total = same = 0
    examples = []
    for name in a:
        cells_a, cells_b = a[name], b.get(name, {})
        for ref in sorted(set(cells_a) | set(cells_b), key=lambda r: (int(re.sub(r"\D", "", r)), r)):
            total += 1
            x, y = cells_a.get(ref), cells_b.get(ref)
            if x is not None and y is not None and close(x, y):
                same += 1
            elif len(examples) < 4:
                examples.append(f"{name}!{ref}: {x} vs {y}")
    if same != total:
        problems.append(f"{same} of {total} cells the same; e.g. " + "; ".join(examples))
    if names_a != names_b:
        problems.append(f"defined names differ: {sorted(set(names_a.items()) ^ set(names_b.items()))[:4]}")
    return problems, f"{len(a)} sheets, {total} cells, {len(names_a)} defined names"


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("docx", "xlsx"):
        sys.exit(__doc__)
    kind, ours, theirs = sys.argv[1:]
    try:
        problems, summary = (compare_docx if kind == "docx" else compare_xlsx)(ours, theirs)
    except (OSError, KeyError, zipfile.BadZipFile, ET.ParseError) as error:
        print(f"cannot compare: {error}")
        sys.exit(1)
    print(f"same ({summary})" if not problems else f"differs ({summary}): " + " | ".join(problems))
    sys.exit(0 if not problems else 1)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Makes the docxtemplater template equivalent to esfdraft's default template.

Usage: docx_template.py TEMPLATE_FOLDER DATA_JSON OUT.docx

TEMPLATE_FOLDER is esfdraft's own template, kept unzipped in the repository
(templates/application-sv). It is converted at bench time, so the anchor
always renders the same tables, loops and text as esfdraft does, and zipped
into OUT.docx. The tag language is nearly the same (docxtemplater with the
{{ }} delimiters, and docx_anchor.js's parser for dotted names and filters);
what docxtemplater's free core lacks is rewritten:

- {{#row x}}, {{#paragraph x}}, {{#inline x}}  ->  {{#x}} (docxtemplater picks
  the same kind from where the tags stand);
- {{@x}} (a rich-text block standing alone in its paragraph)  ->  a paragraph
  loop over x.paragraphs, one paragraph per block with the tag paragraph's
  style: {{#x.paragraphs}} / the paragraph with {{text}} / {{/x.paragraphs}};
- {{#column x}}...{{/x}} (a cell that repeats sideways: docxtemplater's table
  module is not free)  ->  the cell written once per item of x, item i as
  {{#x.i}}...{{/x.i}}, its width and grid column shared between the copies; a
  tag of an enclosing loop in the same cell (the Gantt chart's row loop ends
  there) stays in the first or the last copy only. The number of items is
  computed from DATA_JSON as esfdraft computes it: the budget years (the
  project period's and the cost lines') for the budget's columns, the chart's
  columns (1, 3, 6 or 12 months by the project's length) for the timeline's
  periods and cells;
- {{shade x}} (a cell's template shading kept only when x is true)  ->
  {{#x}}{{/x}}: the condition evaluated, the shading always kept;
- {{%logo}} (an image: docxtemplater's image module is not free)  ->  {{logo}},
  which is empty, as esfdraft's is without --logo.
"""
import calendar
import datetime
import json
import re
import sys
import zipfile
from pathlib import Path

PARAGRAPH = re.compile(r"<w:p[ >].*?</w:p>", re.S)
TABLE = re.compile(r"<w:tbl>.*?</w:tbl>", re.S)
ROW = re.compile(r"<w:tr[ >].*?</w:tr>", re.S)
CELL = re.compile(r"<w:tc>.*?</w:tc>", re.S)
BLOCK_TAG = re.compile(r"\{\{@\s*([\w.]+)\s*\}\}")
KIND_TAG = re.compile(r"\{\{#(?:row|paragraph|inline)\s+([\w.]+)\s*\}\}")
COLUMN_TAG = re.compile(r"\{\{#column\s+([\w.]+)\s*\}\}")


def tag_paragraph(tag):
    return f"<w:p><w:r><w:t>{tag}</w:t></w:r></w:p>"


def block_paragraphs(xml):
    def convert(match):
        paragraph = match.group(0)
        tag = BLOCK_TAG.search(paragraph)
        if not tag:
            return paragraph
        name = tag.group(1)
        return (tag_paragraph("{{#" + name + ".paragraphs}}") + BLOCK_TAG.sub("{{text}}", paragraph) +
                tag_paragraph("{{/" + name + ".paragraphs}}"))
    return PARAGRAPH.sub(convert, xml)


def cell_width(cell):
    found = re.search(r'<w:tcW w:w="(\d+)"', cell)
    return int(found.group(1)) if found else 0


def grid_span(cell):
    found = re.search(r'<w:gridSpan w:val="(\d+)"', cell)
    return int(found.group(1)) if found else 1


def column_cells(table, counts):
    """Writes each column cell as many times as counts(name) and splits its grid column."""
    if "{{#column" not in table:
        return table
    grid_index = None
    for row in ROW.findall(table):
        index = 0
        for cell in CELL.findall(row):
            if COLUMN_TAG.search(cell):
                grid_index = index
                break
            index += grid_span(cell)
        if grid_index is not None:
            break

    grid_count = [1]

    def expand_cell(match):
        cell = match.group(0)
        tag = COLUMN_TAG.search(cell)
        if not tag:
            return cell
        name = tag.group(1)
        count = counts(name)
        grid_count[0] = count
        width = cell_width(cell) // max(count, 1)
        close = "{{/" + name + "}}"
        # Tags of enclosing loops: those opened before the column's own, and
        # closed after it, belong to the first and the last copy only.
        opened_before = re.findall(r"\{\{#[^}]*\}\}", cell[:tag.start()])
        closed_after = re.findall(r"\{\{/[^}]*\}\}", cell[cell.find(close) + len(close):]) if close in cell else []
        copies = []
        for i in range(count):
            copy = cell
            if i > 0:
                for t in opened_before:
                    copy = copy.replace(t, "", 1)
            if i < count - 1 and close in copy:
                head, tail = copy.split(close, 1)
                for t in closed_after:
                    tail = tail.replace(t, "", 1)
                copy = head + close + tail
            copy = COLUMN_TAG.sub("{{#" + f"{name}.{i}" + "}}", copy, count=1)
            copy = copy.replace(close, "{{/" + f"{name}.{i}" + "}}")
            copy = re.sub(r'(<w:tcW w:w=")\d+(")', rf"\g<1>{width}\g<2>", copy, count=1)
            copies.append(copy)
        return "".join(copies)

    table = CELL.sub(expand_cell, table)
    count = grid_count[0]

    def expand_grid(match):
        columns = re.findall(r'<w:gridCol w:w="(\d+)"/>', match.group(0))
        out = []
        for index, width in enumerate(columns):
            if index == grid_index:
                out += [f'<w:gridCol w:w="{int(width) // max(count, 1)}"/>'] * count
            else:
                out.append(f'<w:gridCol w:w="{width}"/>')
        return "<w:tblGrid>" + "".join(out) + "</w:tblGrid>"

    return re.sub(r"<w:tblGrid>.*?</w:tblGrid>", expand_grid, table, count=1, flags=re.S)


SHADE_TAG = re.compile(r"\{\{shade\s+([\w.]+)\s*\}\}")


def convert(xml, counts):
    xml = xml.replace("{{%logo}}", "{{logo}}")
    xml = KIND_TAG.sub(lambda m: "{{#" + m.group(1) + "}}", xml)
    xml = SHADE_TAG.sub(lambda m: "{{#" + m.group(1) + "}}{{/" + m.group(1) + "}}", xml)
    xml = block_paragraphs(xml)
    xml = TABLE.sub(lambda m: column_cells(m.group(0), counts), xml)
    return xml


def budget_years(data):
    period = data["project"]["period"]
    years = set(range(int(period["start"][:4]), int(period["end"][:4]) + 1))
    years.update(cost["year"] for cost in data["budget"]["costs"])
    return len(years)


def chart_columns(data):
    """The Gantt chart's columns: the period's months grouped by 1, 3, 6 or 12 (by its whole months)."""
    sy, sm, sd = (int(x) for x in data["project"]["period"]["start"].split("-"))
    ey, em, ed = (int(x) for x in data["project"]["period"]["end"].split("-"))
    after_end = datetime.date(ey, em, ed) + datetime.timedelta(days=1)

    def add_months(k):
        total = sy * 12 + (sm - 1) + k
        year, month = total // 12, total % 12 + 1
        return datetime.date(year, month, min(sd, calendar.monthrange(year, month)[1]))

    months = 0
    while months < 1200 and add_months(months + 1) <= after_end:
        months += 1
    span = 1 if months <= 12 else 3 if months <= 36 else 6 if months <= 72 else 12
    columns, y, m = set(), sy, sm
    for _ in range(240):
        if (y, m) > (ey, em):
            break
        columns.add((y, (m - 1) // span))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return len(columns)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    folder, data_path, out = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    with open(data_path, encoding="utf-8") as fh:
        data = json.load(fh)
    years, chart = budget_years(data), chart_columns(data)

    def counts(name):
        return chart if name in ("timeline.periods", "cells") else years
    files = sorted((p for p in folder.rglob("*") if p.is_file()), key=lambda p: p.relative_to(folder).as_posix())
    files.sort(key=lambda p: p.name != "[Content_Types].xml")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as docx:
        for path in files:
            name = path.relative_to(folder).as_posix()
            data = path.read_bytes()
            if name.endswith(".xml"):
                text = data.decode("utf-8")
                if "{{" in text:
                    text = convert(text, counts)
                    leftover = re.findall(r"\{\{[@%][^}]*\}\}|\{\{#(?:row|column|paragraph|inline) [^}]*\}\}", text)
                    if leftover:
                        sys.exit(f"docx_template.py: {name}: tags left unconverted: {leftover}")
                data = text.encode("utf-8")
            docx.writestr(name, data)


if __name__ == "__main__":
    main()

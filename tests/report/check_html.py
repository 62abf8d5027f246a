#!/usr/bin/env python3
"""Checks an esfdraft HTML report for the structure a screen reader and a
printer rely on, with Python's own HTML parser (no code of ours involved):
every element closed and properly nested, <html lang>, a non-empty <title>,
one <h1> and no skipped heading level, every table with header cells that
say their scope, no script and no event handlers.

Usage: check_html.py REPORT.html   (exit 0 when it passes, 1 with the reasons)
"""
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.problems = []
        self.lang = None
        self.title = ""
        self.in_title = False
        self.headings = []
        self.tables = []          # per table: [has_th, every_th_scoped]

    def problem(self, text):
        line, column = self.getpos()
        self.problems.append(f"{line}:{column}: {text}")

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        if tag == "script":
            self.problem("a <script> element")
        for name in attributes:
            if name.startswith("on"):
                self.problem(f"an event handler attribute {name}")
        if tag == "title":
            self.in_title = True
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = int(tag[1])
            if self.headings and level > self.headings[-1] + 1:
                self.problem(f"<{tag}> skips a level after <h{self.headings[-1]}>")
            if not self.headings and level != 1:
                self.problem(f"the first heading is <{tag}>, not <h1>")
            self.headings.append(level)
        if tag == "table":
            self.tables.append([False, True])
        if tag == "th":
            if not self.tables:
                self.problem("<th> outside a table")
            else:
                self.tables[-1][0] = True
                if attributes.get("scope") not in ("col", "row", "colgroup", "rowgroup"):
                    self.tables[-1][1] = False
                    self.problem("<th> without scope")
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            open_tag = self.stack[-1][0] if self.stack else "nothing"
            self.problem(f"</{tag}> closes <{open_tag}>")
            return
        self.stack.pop()
        if tag == "title":
            self.in_title = False
        if tag == "table":
            has_th, _ = self.tables.pop()
            if not has_th:
                self.problem("a table without header cells")

    def handle_data(self, data):
        if self.in_title:
            self.title += data


def main():
    with open(sys.argv[1], encoding="utf-8") as page:
        text = page.read()
    checker = Checker()
    checker.feed(text)
    checker.close()
    if not checker.lang:
        checker.problems.append("<html> has no lang")
    if not checker.title.strip():
        checker.problems.append("no <title>")
    if checker.headings.count(1) != 1:
        checker.problems.append(f"{checker.headings.count(1)} <h1> elements, expected one")
    for tag, (line, column) in checker.stack:
        checker.problems.append(f"{line}:{column}: <{tag}> is never closed")
    for problem in checker.problems:
        print(f"{sys.argv[1]}:{problem}")
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main())

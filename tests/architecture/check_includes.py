#!/usr/bin/env python3
"""The include graph of src/ follows DESIGN.md §1 and ARCHITECTURE.md.

cli -> pipeline -> {load, rules, report, docx, xlsx} -> model and
cli -> http -> {pipeline, store, report} and cli -> store -> model, where an arrow means "may include"; the five in the
middle never include each other (cli may also include report, which formats
what it prints). A third-party library stays inside the module that needs it,
or the one file of it that ARCHITECTURE.md names (zlib in docx/zip_package,
libxlsxwriter in xlsx/xlsx_emitter); the longest matching header prefix
decides (Poco/Data/ is store's even though other Poco headers may be docx's). Exits 1 listing every
violation, 0 when there is none.
"""
import pathlib
import re
import sys

SRC = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[2] / "src")

ALLOWED_MODULES = {
    "model": {"model"},
    "load": {"load", "model"},
    "rules": {"rules", "model"},
    "report": {"report", "model"},
    "docx": {"docx", "model"},
    "xlsx": {"xlsx", "model"},
    "pipeline": {"pipeline", "load", "rules", "report", "docx", "xlsx", "model"},
    "store": {"store", "model"},
    "http": {"http", "pipeline", "store", "report", "model"},
    "cli": {"cli", "http", "pipeline", "store", "report", "model"},
}
# Third-party headers and where each may appear: a module ("store"), or one
# file of it ("xlsx/xlsx_emitter.cpp") where ARCHITECTURE.md gives the
# library to that file alone.
THIRD_PARTY = {
    "libxml/": {"load"},
    "Poco/": {"docx", "store", "http"},
    # Poco XML's SAX parser: the template engine, and reading a budget workbook back.
    "Poco/SAX/": {"docx", "xlsx"},
    "Poco/DOM/": {"docx", "xlsx"},
    "Poco/XML/": {"docx", "xlsx"},
    "Poco/Zip/": {"docx"},
    "Poco/Net/": {"http"},
    "Poco/JSON/": {"http"},
    "Poco/Data/": {"store"},
    "sodium": {"store"},
    "libpq-fe.h": {"store"},
    "zlib.h": {"docx/zip_package.cpp"},
    "xlsxwriter": {"xlsx/xlsx_emitter.cpp"},
    "boost/program_options": {"cli"},
}


def owns(owner, relative):
    """Whether `owner` (a module or a module's file) covers the file at `relative` (e.g. "docx/zip_package.cpp")."""
    return relative == owner if "/" in owner else relative.split("/")[0] == owner

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def main():
    problems = []
    files = sorted(p for p in SRC.rglob("*") if p.suffix in {".hpp", ".cpp", ".h"})
    if not files:
        print(f"no sources under {SRC}")
        return 1
    for path in files:
        module = path.relative_to(SRC).parts[0]
        if module not in ALLOWED_MODULES:
            problems.append(f"{path}: folder '{module}' is not a known module")
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = INCLUDE.match(line)
            if not match:
                continue
            kind, header = match.groups()
            where = f"{path.relative_to(SRC.parent)}:{number}"
            relative = path.relative_to(SRC).as_posix()
            # A third-party header is checked however it is spelt: "zlib.h"
            # in quotes finds the same file as <zlib.h>.
            matches = [prefix for prefix in THIRD_PARTY if header.startswith(prefix)]
            if matches:
                owners = THIRD_PARTY[max(matches, key=len)]
                if not any(owns(owner, relative) for owner in owners):
                    problems.append(f"{where}: {header} belongs in {', '.join(sorted(owners))}, not {relative}")
            elif kind == '"':
                target = header.split("/")[0] if "/" in header else module
                if target not in ALLOWED_MODULES[module]:
                    problems.append(f"{where}: {module} may not include {header}")
    for problem in problems:
        print(problem)
    print(f"{len(files)} files checked, {len(problems)} violations")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The include graph of src/ follows ARCHITECTURE.md.

cli -> pipeline -> {load, rules, report, docx, xlsx} -> model and
cli -> http -> {pipeline, store, report} and cli -> store -> model, where an arrow means "may include"; the five in the
middle never include each other (cli may also include report, which formats
what it prints). A third-party library stays inside the module that needs it,
or the one file of it that ARCHITECTURE.md names (zlib in docx/engine/zip_package,
libxlsxwriter in xlsx/xlsx_emitter); the longest matching header prefix
decides (Poco/Data/ is store's even though other Poco headers may be docx's). A header whose
opening comment says it is "Internal to" its module (e.g. "// Internal to the rules module: ...") may
be included only from inside that module. Exits 1 listing every violation, 0 when there is none.
With --self-test, checks the checker on a small tree of its own that breaks each rule once.
"""
import pathlib
import re
import sys

ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
SRC = pathlib.Path(ARGS[0] if ARGS else pathlib.Path(__file__).resolve().parents[2] / "src")

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
    # The JSON report (report/json_report.cpp) and the API's JSON.
    "Poco/JSON/": {"report/json_report.cpp", "http"},
    "Poco/Data/": {"store"},
    "sodium": {"store"},
    "libpq-fe.h": {"store"},
    "zlib.h": {"docx/engine/zip_package.cpp"},
    "xlsxwriter": {"xlsx/xlsx_emitter.cpp"},
    "boost/program_options": {"cli"},
}

# The template engine (docx/engine/) knows nothing about ESF: of the project
# it includes only itself and these plain helpers of the model.
ENGINE = "docx/engine/"
ENGINE_MAY_INCLUDE = {"model/printable.hpp", "model/values.hpp", "model/nearest_name.hpp", "model/utf8.hpp"}


INTERNAL = re.compile(r"\bInternal\s+to\b")


def is_internal(path):
    """Whether the header's opening comment block (the // lines before any code) calls it internal."""
    opening = []
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            break
        opening.append(stripped[2:])
    return bool(INTERNAL.search(" ".join(opening)))


def owns(owner, relative):
    """Whether `owner` (a module or a module's file) covers the file at `relative` (e.g. "docx/engine/zip_package.cpp")."""
    return relative == owner if "/" in owner else relative.split("/")[0] == owner

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def check(src):
    """Every violation under `src`, one line each, and the number of files checked."""
    problems = []
    files = sorted(p for p in src.rglob("*") if p.suffix in {".hpp", ".cpp", ".h"})
    internal = {p.relative_to(src).as_posix() for p in files if p.suffix in {".hpp", ".h"} and is_internal(p)}
    for path in files:
        module = path.relative_to(src).parts[0]
        if module not in ALLOWED_MODULES:
            problems.append(f"{path}: folder '{module}' is not a known module")
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = INCLUDE.match(line)
            if not match:
                continue
            kind, header = match.groups()
            where = f"{path.relative_to(src.parent)}:{number}"
            relative = path.relative_to(src).as_posix()
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
                elif "/" in header and header in internal and target != module:
                    problems.append(f"{where}: {header} is internal to {target}; {module} may not include it")
                elif (relative.startswith(ENGINE) and "/" in header and not header.startswith(ENGINE)
                      and header not in ENGINE_MAY_INCLUDE):
                    problems.append(f"{where}: the template engine may not include {header}; it knows nothing about ESF")
    return problems, len(files)


def self_test():
    """The checker finds each kind of violation in a tree made to have it, and nothing in a clean one."""
    import tempfile
    cases = {
        "rules/terms.hpp": "// Internal to the rules module: helpers.\n#pragma once\n",
        "rules/check.hpp": "// The check.\n#pragma once\n#include \"rules/terms.hpp\"\n",
        "pipeline/build.cpp": "#include \"rules/check.hpp\"\n#include \"rules/terms.hpp\"\n#include \"store/store.hpp\"\n",
        "model/plan.hpp": "// A plan. Not internal to anything, says this line only later.\n#pragma once\n#include <libxml/tree.h>\n",
        "docx/engine/render.cpp": "#include \"docx/engine/render.hpp\"\n#include \"model/values.hpp\"\n#include \"docx/view.hpp\"\n#include \"model/plan.hpp\"\n",
        "docx/engine/render.hpp": "#pragma once\n",
        "docx/view.hpp": "#pragma once\n#include \"docx/engine/render.hpp\"\n",
    }
    expected = [
        "src/docx/engine/render.cpp:3: the template engine may not include docx/view.hpp; it knows nothing about ESF",
        "src/docx/engine/render.cpp:4: the template engine may not include model/plan.hpp; it knows nothing about ESF",
        "src/model/plan.hpp:3: libxml/tree.h belongs in load, not model/plan.hpp",
        "src/pipeline/build.cpp:2: rules/terms.hpp is internal to rules; pipeline may not include it",
        "src/pipeline/build.cpp:3: pipeline may not include store/store.hpp",
    ]
    with tempfile.TemporaryDirectory() as folder:
        src = pathlib.Path(folder) / "src"
        for name, text in cases.items():
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            (src / name).write_text(text, encoding="utf-8")
        problems, _ = check(src)
    if sorted(problems) != expected:
        print("self-test failed: expected", expected, "got", sorted(problems), sep="\n")
        return 1
    print(f"self-test: {len(expected)} planted violations found, nothing else")
    return 0


def main():
    if "--self-test" in sys.argv[1:]:
        return self_test()
    if not SRC.is_dir() or not any(SRC.rglob("*.?pp")):
        print(f"no sources under {SRC}")
        return 1
    problems, count = check(SRC)
    for problem in problems:
        print(problem)
    print(f"{count} files checked, {len(problems)} violations")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

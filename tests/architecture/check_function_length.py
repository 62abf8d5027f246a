#!/usr/bin/env python3
"""No function of src/ over 80 lines without a reason written beside it.

Usage: check_function_length.py SRC_DIR ALLOWED_FILE
       check_function_length.py --self-test

A function (or method defined in its class) counts from its signature's first
line to its closing brace. One longer than LIMIT lines passes when the comment
right above it says why, in a sentence that starts "Long because" (a table of
messages, one route per line, ...), or when ALLOWED_FILE lists it as
"path function" (functions not yet split; the list may only shrink: an entry
whose function is gone or now short fails too, so that it is taken off).
Everything else fails with the file, the line, the length and what to do.

The scan is textual (braces outside strings, characters and comments); it is
not a C++ parser, but the code is clang-formatted, which keeps a function's
signature at the start of a line.
"""
import pathlib
import re
import sys
import tempfile

LIMIT = 80
REASON = re.compile(r"\bLong because\b")
SIGNATURE = re.compile(r"^( {0,4})(?:[A-Za-z_~][\w:<>,&*\s\[\]]*?\s[&*]*)?(~?[A-Za-z_]\w*(?:::~?\w+)*|operator\S+)\(")
NOT_A_SIGNATURE = ("return", "if", "for", "while", "switch", "else", "case", "do", "catch", "throw", "using", "#")


def code_of(line, state):
    """The line without strings, characters and comments; `state` carries an open /* … */ and a raw string."""
    out = []
    i = 0
    while i < len(line):
        if state.get("raw"):
            end = line.find(state["raw"], i)
            if end < 0:
                return "".join(out)
            i = end + len(state["raw"])
            state["raw"] = None
            out.append('""')
            continue
        if state.get("comment"):
            end = line.find("*/", i)
            if end < 0:
                return "".join(out)
            i = end + 2
            state["comment"] = False
            continue
        c = line[i]
        if line.startswith("//", i):
            break
        if line.startswith("/*", i):
            state["comment"] = True
            i += 2
            continue
        raw = re.match(r'R"([^(\s]*)\(', line[i:])
        if raw and (i == 0 or not (line[i - 1].isalnum() or line[i - 1] == "_")):
            state["raw"] = ")" + raw.group(1) + '"'
            i += raw.end()
            continue
        if c in "\"'":
            j = i + 1
            while j < len(line) and line[j] != c:
                j += 2 if line[j] == "\\" else 1
            out.append(c + c)
            i = j + 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def functions(path):
    """(name, first line, length, reason given) of each function defined in the file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    codes = []
    state = {}
    for line in lines:
        codes.append(code_of(line, state))
    found = []
    i = 0
    while i < len(lines):
        match = SIGNATURE.match(codes[i])
        stripped = codes[i].strip()
        if not match or stripped.startswith(NOT_A_SIGNATURE) or stripped.endswith(";"):
            i += 1
            continue
        # The body opens at the first "{" before any ";" (else a declaration or a call).
        j = i
        while j < len(codes) and "{" not in codes[j] and ";" not in codes[j]:
            j += 1
        if j >= len(codes) or "{" not in codes[j] or (";" in codes[j] and codes[j].find(";") < codes[j].find("{")):
            i += 1
            continue
        depth = 0
        k = j
        while k < len(codes):
            depth += codes[k].count("{") - codes[k].count("}")
            if depth <= 0:
                break
            k += 1
        above = []
        a = i - 1
        while a >= 0 and lines[a].strip().startswith("//"):
            above.append(lines[a])
            a -= 1
        found.append((match.group(2), i + 1, k - i + 1, bool(REASON.search(" ".join(reversed(above))))))
        i = k + 1
    return found


def check(src, allowed_file):
    allowed = set()
    for line in pathlib.Path(allowed_file).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            allowed.add(tuple(line.split()))
    problems = []
    long_now = set()
    for path in sorted(pathlib.Path(src).rglob("*.cpp")):
        relative = path.relative_to(src).as_posix()
        for name, line, length, reasoned in functions(path):
            if length <= LIMIT:
                continue
            long_now.add((relative, name))
            if reasoned or (relative, name) in allowed:
                continue
            problems.append(f"src/{relative}:{line}: {name} is {length} lines (over {LIMIT}): split it along its parts, "
                            f"or say in a comment right above it why it is long (\"Long because …\")")
    for relative, name in sorted(allowed - long_now):
        problems.append(f"{allowed_file}: {relative} {name} is no longer over {LIMIT} lines (or is gone): "
                        "take it off the list")
    return problems


def self_test():
    long_body = "".join(f"    int v{i} = {i};\n" for i in range(LIMIT))
    files = {
        "a/short.cpp": "int short_one() {\n    return 1;\n}\n",
        "a/long.cpp": "int long_one(int x) {\n" + long_body + "    return x;\n}\n",
        "a/reasoned.cpp": "// A table.\n// Long because it is one row per code.\nint table() {\n" + long_body + "    return 0;\n}\n",
        "a/listed.cpp": "namespace n {\nvoid Listed::run() {\n" + long_body + "}\n}  // namespace n\n",
        "a/strings.cpp": 'const char* s() {\n    return "{{{{";\n}\nint after() {\n' + long_body + "    return '}';\n}\n",
        "a/method.cpp": "class C {\n    void method() {\n" + long_body + "    }\n};\n",
    }
    with tempfile.TemporaryDirectory() as folder:
        root = pathlib.Path(folder)
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
        allowed = root / "allowed.txt"
        allowed.write_text("# comment\na/listed.cpp Listed::run\na/short.cpp short_one\n", encoding="utf-8")
        got = sorted(p.split(":")[0] + ":" + p.split(": ")[1].split(" ")[0] for p in check(root, allowed))
    want = sorted([
        "src/a/long.cpp:long_one",
        "src/a/method.cpp:method",
        "src/a/strings.cpp:after",
        f"{allowed}:a/short.cpp",
    ])
    if got != want:
        print("self-test failed:\n  got  " + "\n       ".join(got) + "\n  want " + "\n       ".join(want))
        return 1
    print(f"self-test: {len(want)} planted problems found, no others")
    return 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) != 3:
        print(__doc__)
        return 2
    problems = check(argv[1], argv[2])
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s); functions of src/ stay within {LIMIT} lines unless a comment says why")
        return 1
    print(f"every function of {argv[1]} is within {LIMIT} lines, says why it is longer, or is listed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""The benchmark proper; bench/run installs what it needs and then runs this.

Usage: measure.py --esfdraft PATH [--sizes 10,100,1000,10000] [--runs 5]
                  [--many 1000] [--record RESULTS.md]

For each size it generates a synthetic plan (generate_plan.py) and measures
whole processes, the contestants alternated run by run (A B C … A B C …):
  check          esfdraft check PLAN
  build          esfdraft build PLAN -o DIR            (docx + xlsx + report)
  draft          esfdraft draft PLAN -o FILE.docx      (the DOCX step)
  docxtemplater  node anchors/docx_anchor.js           (the DOCX anchor)
  budget         esfdraft budget PLAN -o FILE.xlsx     (the XLSX step)
  exceljs        node anchors/xlsx_anchor.js           (the XLSX anchor)
and then `esfdraft check FOLDER` over --many small plans (10 cost lines each).
Wall time is measured around the process; peak memory is /usr/bin/time -v's
maximum resident set size. Each contestant runs once untimed first (and must
succeed), then --runs timed runs (3 for one whose warm-up took over 2 s);
the figure is the median.

Prints the machine, the equivalence checks of the anchors' output against
esfdraft's, a Markdown table, the targets, and last one line per comparison:
  ratio docx-10k docxtemplater/esfdraft = 14.2
A command esfdraft does not have (yet) is reported "not available".
"""
import argparse
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / "work"
DATE = "2012-01-01"
SLOW_SECONDS = 2.0


def size_label(n):
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def grouped(n):
    return f"{n:,}".replace(",", " ")


class Contestant:
    def __init__(self, name, step, argv, esfdraft_command=None):
        self.name, self.step, self.argv = name, step, argv
        self.esfdraft_command = esfdraft_command   # the subcommand it needs, for "not available"
        self.times, self.peaks = [], []
        self.status = "ok"        # ok | not available | failed: …
        self.wanted = 0

    def median_ms(self):
        return statistics.median(self.times) * 1000 if self.times else None

    def peak_mb(self):
        return max(self.peaks) / 1024 if self.peaks else None


def run_once(contestant):
    """One whole process under /usr/bin/time -v: (seconds, peak KiB, error or None)."""
    time_file = WORK / "time.txt"
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v", "-o", str(time_file)] + contestant.argv, cwd=WORK,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    report = time_file.read_text(errors="replace") if time_file.exists() else ""
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    peak = int(found.group(1)) if found else 0
    # esfdraft exits 1 when the application has errors: still a finished job.
    limit = 1 if contestant.esfdraft_command else 0
    if done.returncode > limit or done.returncode < 0:
        message = done.stderr.decode(errors="replace").strip().splitlines()
        return seconds, peak, f"exit {done.returncode}: {message[-1] if message else ''}"[:200]
    return seconds, peak, None


def available_commands(esfdraft):
    """The subcommands the binary has: `esfdraft CMD --help` succeeds."""
    have = set()
    if not esfdraft or not os.access(esfdraft, os.X_OK):
        return have
    for command in ("check", "build", "draft", "budget"):
        done = subprocess.run([esfdraft, command, "--help"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if done.returncode == 0:
            have.add(command)
    return have


def measure(contestants, runs, log):
    active = [c for c in contestants if c.status == "ok"]
    for c in active:   # warm-up: untimed, and it must succeed
        seconds, _, error = run_once(c)
        if error:
            c.status = "failed: " + error
            log(f"  {c.name}: {c.status}")
        c.wanted = 3 if seconds > SLOW_SECONDS and runs > 3 else runs
    active = [c for c in active if c.status == "ok"]
    for round_ in range(max([c.wanted for c in active], default=0)):
        for c in active:
            if round_ >= c.wanted or c.status != "ok":
                continue
            seconds, peak, error = run_once(c)
            if error:
                c.status = "failed: " + error
                continue
            c.times.append(seconds)
            c.peaks.append(peak)


def machine():
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass
    return cpu, memory


def command_output(argv, cwd=None):
    try:
        return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def ratio(numerator, denominator):
    a = numerator.median_ms() if numerator else None
    b = denominator.median_ms() if denominator else None
    return a / b if a and b else None


def fmt_ratio(value):
    return f"{value:.1f}" if value is not None else "n/a"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--esfdraft", default="")
    parser.add_argument("--sizes", default="10,100,1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--many", type=int, default=1000)
    parser.add_argument("--probe", type=int, default=100000,
                        help="a larger size measured for esfdraft only (3 runs), to see non-linear costs; 0: none")
    parser.add_argument("--record", default="", help="write the figures into this Markdown file between its markers")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    esfdraft = str(Path(args.esfdraft).resolve()) if args.esfdraft else ""
    WORK.mkdir(exist_ok=True)
    out_lines = []

    def emit(line=""):
        print(line, flush=True)
        out_lines.append(line)

    def log(line):
        print(line, file=sys.stderr, flush=True)

    have = available_commands(esfdraft)
    cpu, memory = machine()
    git = command_output(["git", "describe", "--always", "--dirty"], cwd=ROOT)
    emit("## Machine")
    emit()
    emit(f"- date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}")
    emit(f"- CPU: {cpu}; {os.cpu_count()} cores (nproc); memory {memory}")
    emit(f"- system: {platform.system()} {platform.release()}; Node.js {command_output(['node', '--version'])}")
    shown = esfdraft
    if esfdraft and Path(esfdraft).is_relative_to(ROOT):
        shown = str(Path(esfdraft).relative_to(ROOT))
    emit(f"- esfdraft: {command_output([esfdraft, '--version']) if esfdraft else 'not available'} "
         f"({shown or 'no binary'}; source {git or 'unknown'}); commands: {', '.join(sorted(have)) or 'none'}")
    emit(f"- load average when it started: {', '.join(f'{x:.2f}' for x in os.getloadavg())} "
         "(other work on the machine makes single figures vary)")
    emit(f"- anchors: docxtemplater {package_version('docxtemplater')}, exceljs {package_version('exceljs')}")
    emit()

    # Data: plans of growing size, their JSON, the anchor's template.
    probe = [args.probe] if args.probe and args.probe not in sizes else []
    plans = {}
    for n in sizes + probe:
        folder = WORK / "plans" / str(n)
        subprocess.run([sys.executable, str(BENCH / "generate_plan.py"), str(n), str(folder)], check=True)
        plans[n] = folder
    template = WORK / "anchor-template.docx"
    subprocess.run([sys.executable, str(BENCH / "anchors" / "docx_template.py"), str(ROOT / "templates" / "application-sv"),
                    str(plans[sizes[0]] / "data.json"), str(template)], check=True)
    many = WORK / "many"
    if args.many:
        shutil.rmtree(many, ignore_errors=True)
        subprocess.run([sys.executable, str(BENCH / "generate_plan.py"), "--many", str(args.many), "10", str(many)], check=True)

    results = {}   # (size, name) -> Contestant
    for n in sizes + probe:
        log(f"measuring {grouped(n)} cost lines …")
        plan, data = plans[n] / "plan.xml", plans[n] / "data.json"
        out = WORK / "out" / str(n)
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        contestants = [
            Contestant("esfdraft check", "check", [esfdraft, "check", str(plan), "--date", DATE], "check"),
            Contestant("esfdraft build", "build", [esfdraft, "build", str(plan), "-o", str(out / "build"), "--date", DATE], "build"),
            Contestant("esfdraft draft", "docx", [esfdraft, "draft", str(plan), "-o", str(out / "esfdraft.docx"), "--date", DATE], "draft"),
            Contestant("docxtemplater", "docx", ["node", str(BENCH / "anchors" / "docx_anchor.js"), str(data), str(template),
                                                 str(out / "docxtemplater.docx"), DATE]),
            Contestant("esfdraft budget", "xlsx", [esfdraft, "budget", str(plan), "-o", str(out / "esfdraft.xlsx"), "--date", DATE], "budget"),
            Contestant("exceljs", "xlsx", ["node", str(BENCH / "anchors" / "xlsx_anchor.js"), str(data), str(out / "exceljs.xlsx"), DATE]),
        ]
        if n in probe:
            contestants = [c for c in contestants if c.esfdraft_command]
        for c in contestants:
            if c.esfdraft_command and c.esfdraft_command not in have:
                c.status = "not available"
        measure(contestants, min(args.runs, 3) if n in probe else args.runs, log)
        for c in contestants:
            results[(n, c.name)] = c

    if args.many:
        log(f"measuring check of {grouped(args.many)} applications …")
        c = Contestant(f"esfdraft check ({grouped(args.many)} plans)", "check-many",
                       [esfdraft, "check", str(many), "--date", DATE], "check")
        if "check" not in have:
            c.status = "not available"
        measure([c], min(args.runs, 3), log)
        results[("many", c.name)] = c

    # Are the anchors' documents the same as esfdraft's?
    emit("## Equivalence of the anchors' output")
    emit()
    for n in sizes:
        out = WORK / "out" / str(n)
        for kind, ours, theirs, anchor in (("docx", "esfdraft.docx", "docxtemplater.docx", "docxtemplater"),
                                           ("xlsx", "esfdraft.xlsx", "exceljs.xlsx", "exceljs")):
            if (out / ours).exists() and (out / theirs).exists():
                verdict = command_output([sys.executable, str(BENCH / "compare.py"), kind, str(out / ours), str(out / theirs)])
            else:
                verdict = "not compared (an output is missing)"
            emit(f"- {kind}, {grouped(n)} cost lines, {anchor} vs esfdraft: {verdict}")
    emit()

    emit("## Figures")
    emit()
    emit("Wall time of whole processes, the contestants alternating run by run: the median (which the ratios "
         "use) and the fastest run; peak resident memory of the largest run.")
    emit()
    emit("| cost lines | step | contestant | runs | median ms | min ms | peak MB |")
    emit("|---:|---|---|---:|---:|---:|---:|")
    for (n, name), c in results.items():
        size = f"{grouped(args.many)} × 10" if n == "many" else grouped(n) + (" (probe)" if n in probe else "")
        if c.status == "ok":
            emit(f"| {size} | {c.step} | {name} | {len(c.times)} | {c.median_ms():.1f} | {min(c.times) * 1000:.1f} "
                 f"| {c.peak_mb():.1f} |")
        else:
            emit(f"| {size} | {c.step} | {name} | 0 | {c.status} | – | – |")
    many_c = next((c for (n, _), c in results.items() if n == "many"), None)
    if many_c and many_c.median_ms():
        emit()
        emit(f"Checking {grouped(args.many)} applications in one run: {many_c.median_ms():.0f} ms, "
             f"{many_c.median_ms() / args.many:.2f} ms per application.")
    emit()

    def get(n, name):
        return results.get((n, name))

    lines = []
    for n in sizes:
        lines.append((f"docx-{size_label(n)} docxtemplater/esfdraft", ratio(get(n, "docxtemplater"), get(n, "esfdraft draft"))))
    for n in sizes:
        lines.append((f"xlsx-{size_label(n)} exceljs/esfdraft", ratio(get(n, "exceljs"), get(n, "esfdraft budget"))))
    scaling = {}
    ladder = sizes + probe
    for small, large in zip(ladder, ladder[1:]):
        if large != small * 10:
            continue
        for step, name in (("build", "esfdraft build"), ("check", "esfdraft check"), ("draft", "esfdraft draft"),
                           ("budget", "esfdraft budget")):
            value = ratio(get(large, name), get(small, name))
            scaling[(step, large)] = value
            lines.append((f"scaling-{step} {size_label(large)}/{size_label(small)}", value))

    # Targets (issue 6), on the 10 000-line plan.
    top = max(sizes)
    emit("## Targets")
    emit()

    def times(value):
        return "n/a" if value is None else f"{value:.1f}×"

    def verdict(ok):
        return "n/a" if ok is None else ("met" if ok else "NOT met")

    docx_ratio = ratio(get(top, "docxtemplater"), get(top, "esfdraft draft"))
    xlsx_ratio = ratio(get(top, "exceljs"), get(top, "esfdraft budget"))
    build = get(top, "esfdraft build")
    build_ms = build.median_ms() if build else None
    build_mb = build.peak_mb() if build else None
    emit(f"- DOCX at least 10× faster than docxtemplater at {grouped(top)} lines: {times(docx_ratio)} — "
         f"{verdict(None if docx_ratio is None else docx_ratio >= 10)}")
    emit(f"- XLSX at least 5× faster than exceljs at {grouped(top)} lines: {times(xlsx_ratio)} — "
         f"{verdict(None if xlsx_ratio is None else xlsx_ratio >= 5)}")
    emit(f"- build of {grouped(top)} lines under 1 s: " +
         (f"{build_ms:.0f} ms — {verdict(build_ms < 1000)}" if build_ms else "n/a"))
    emit(f"- build of {grouped(top)} lines under 100 MB peak: " +
         (f"{build_mb:.1f} MB — {verdict(build_mb < 100)}" if build_mb else "n/a"))
    for step in ("build", "check", "draft", "budget"):
        parts = []
        for small, large in zip(ladder, ladder[1:]):
            if large != small * 10 or large < top:
                continue
            value = scaling.get((step, large))
            text = f"{size_label(small)} → {size_label(large)} {times(value)}"
            parts.append(f"{text} — {verdict(None if value is None else value <= 12)}")
        emit(f"- {step}: 10× the data at most 12× the time: " + ("; ".join(parts) or "n/a"))
    emit()
    for label, value in lines:
        emit(f"ratio {label} = {fmt_ratio(value)}")

    (WORK / "results.md").write_text("\n".join(out_lines) + "\n", encoding="utf-8")
    if args.record:
        record(Path(args.record), out_lines)


def package_version(name):
    try:
        import json
        return json.loads((BENCH / "node_modules" / name / "package.json").read_text())["version"]
    except (OSError, ValueError, KeyError):
        return "not installed"


def record(path, lines):
    """Replaces the text between the figure markers of a Markdown file."""
    begin, end = "<!-- figures:begin (bench/run --record) -->", "<!-- figures:end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Benchmark results\n\n{begin}\n{end}\n"
    if begin not in text or end not in text:
        text += f"\n{begin}\n{end}\n"
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    path.write_text(head + begin + "\n\n" + "\n".join(lines) + "\n\n" + end + tail, encoding="utf-8")
    print(f"recorded in {path}", file=sys.stderr)


if __name__ == "__main__":
    main()

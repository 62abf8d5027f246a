#!/usr/bin/env bash
# bench/many_findings.sh: how `esfdraft check` scales with the number of
# schema violations in a plan (issue 14, defect 5).
#
#   bench/many_findings.sh                         # build/esfdraft; about a minute
#   ESFDRAFT=path/to/esfdraft SIZES="5000 10000" SHAPES="amount date" TIMEOUT=60 bench/many_findings.sh
#
# Writes the FRAMSYN pre-study plan (samples/framsyn-prestudy/plan.xml) with N
# violations of one shape, one a line, into bench/work/many_findings/, and
# prints the wall time of one `check` of each (seconds; ">T" when it did not
# end within TIMEOUT seconds). The shapes:
#   unknown         N activities, each with <titl> for <title> (a suggestion per message)
#   amount          N cost lines with amount="40000,50"
#   enum            N cost lines with category="stafff"
#   date            N activities with start="7/1/2009"
#   misplaced       N activities, each with a <period/> before its <title>
#   unknown-flat    N <kost> lines in <costs> (libxml2 reports the first only)
#   misplaced-flat  N <period/> lines in <costs> (likewise)
# Linear time means each column about twice the one before. Not a test:
# figures belong in bench/RESULTS.md, never in ctest.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
binary=${ESFDRAFT:-$root/build/esfdraft}
[ -x "$binary" ] || { echo "bench/many_findings.sh: no $binary (build it: cmake --build build --target esfdraft)" >&2; exit 2; }
work=$here/work/many_findings
mkdir -p "$work"

BINARY=$binary WORK=$work SAMPLE=$root/samples/framsyn-prestudy/plan.xml \
SIZES=${SIZES:-5000 10000 20000 40000} \
SHAPES=${SHAPES:-unknown amount enum date misplaced unknown-flat misplaced-flat} \
TIMEOUT=${TIMEOUT:-30} python3 - <<'PY'
import os, subprocess, time

sample = open(os.environ["SAMPLE"], encoding="utf-8").read()
activity = '    <activity id="b{i}" start="{start}" end="2009-04-30" goals="g1">{content}</activity>\n'
cost = '      <cost category="{category}" year="2009" amount="{amount}">Rad {i}</cost>\n'
shapes = {
    "unknown": ("activities", lambda i: activity.format(i=i, start="2009-01-07", content="<titl>T</titl>")),
    "amount": ("costs", lambda i: cost.format(i=i, category="staff", amount="40000,50")),
    "enum": ("costs", lambda i: cost.format(i=i, category="stafff", amount="100")),
    "date": ("activities", lambda i: activity.format(i=i, start="7/1/2009", content="<title>T</title>")),
    "misplaced": ("activities", lambda i: activity.format(i=i, start="2009-01-07", content="<period/><title>T</title>")),
    "unknown-flat": ("costs", lambda i: '      <kost category="staff" year="2009" amount="100">Rad %d</kost>\n' % i),
    "misplaced-flat": ("costs", lambda i: '      <period start="2009-01-07" end="2009-07-07"/>\n'),
}
closing = {"activities": "  </activities>", "costs": "    </costs>"}
sizes = [int(n) for n in os.environ["SIZES"].split()]
limit = float(os.environ["TIMEOUT"])

print("%-15s" % "shape" + "".join("%10d" % n for n in sizes) + "   (seconds of one check)")
for name in os.environ["SHAPES"].split():
    where, line = shapes[name]
    row = "%-15s" % name
    for n in sizes:
        path = os.path.join(os.environ["WORK"], "%s-%d.xml" % (name, n))
        if not os.path.exists(path):
            with open(path, "w", encoding="utf-8") as out:
                out.write(sample.replace(closing[where], "".join(line(i) for i in range(n)) + closing[where], 1))
        start = time.monotonic()
        try:
            subprocess.run([os.environ["BINARY"], "check", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=limit)
            row += "%10.2f" % (time.monotonic() - start)
        except subprocess.TimeoutExpired:
            row += "%10s" % (">%g" % limit)
    print(row, flush=True)
print("load average: %.2f %.2f %.2f" % os.getloadavg())
PY

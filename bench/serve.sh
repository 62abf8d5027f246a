#!/usr/bin/env bash
# bench/serve.sh: what `esfdraft serve` answers per second, with wrk.
#
#   bench/serve.sh                      # build/esfdraft; ~1 minute
#   ESFDRAFT=path/to/esfdraft bench/serve.sh
#   DURATION=10s CONNECTIONS="1 8 32" bench/serve.sh
#
# Starts `serve` on a throw-away SQLite database in bench/work/serve/ (the
# embedded rule pack and templates, 8 threads), with ESFDRAFT_BENCH_FLOOR=1 so
# that GET /bench/floor exists (a fixed 200 that touches neither the database
# nor the pipeline: the HTTP layer's floor). One owner with an API token
# uploads samples/framsyn/plan.xml once; then, at each connection count, for
# DURATION each:
#   check   POST /api/check of FRAMSYN (multipart, bench/serve/check.lua)
#   report  GET  /api/applications/ID/versions/1/report (JSON)
#   draft   GET  /api/applications/ID/versions/1/draft.docx
#   floor   GET  /bench/floor
# and prints requests/s and p50/p99 latency, and the ratio floor/check (how
# many floor answers fit in the time of one check). Not a test: figures belong
# in bench/RESULTS.md, never in ctest. Installs wrk (apt) when missing.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
binary=${ESFDRAFT:-$root/build/esfdraft}
duration=${DURATION:-5s}
connections=${CONNECTIONS:-1 8 32}
[ -x "$binary" ] || { echo "bench/serve.sh: no $binary (build it: cmake --build build --target esfdraft)" >&2; exit 2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
command -v wrk >/dev/null || {
    echo "bench/serve.sh: installing wrk (apt)" >&2
    as_root apt-get install -y -qq wrk >/dev/null 2>&1 || { as_root apt-get update -qq >/dev/null; as_root apt-get install -y -qq wrk >/dev/null; }
}

work="$here/work/serve"
rm -rf "$work"
mkdir -p "$work"
database="sqlite:$work/serve.db"
"$binary" user add bench@one.example --role owner --organisation 556000-0001 --password-stdin \
    --database "$database" <<<"bench password, not a secret" >/dev/null
token=$("$binary" token create bench@one.example --database "$database" | awk 'NF { last = $0 } END { print last }')
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

ESFDRAFT_BENCH_FLOOR=1 "$binary" serve --listen "127.0.0.1:$port" --database "$database" >"$work/access.log" 2>"$work/serve.err" &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 200); do curl -fsS "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "$base/bench/floor" >/dev/null || { echo "bench/serve.sh: the server does not answer; see $work/serve.err" >&2; exit 1; }

plan="$root/samples/framsyn/plan.xml"
auth="Authorization: Bearer $token"
id=$(curl -fsS -H "$auth" -F "plan=@$plan;type=application/xml" "$base/api/applications" |
     python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
version="$base/api/applications/$id/versions/1"
# The first draft, made while nothing else runs; wrk then measures the later ones.
first_draft=$(curl -fsS -o /dev/null -w '%{time_total}' -H "$auth" "$version/draft.docx")

# wrk's latency figures in milliseconds: "1.23ms", "456.00us", "1.02s".
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

declare -A rps
run() {  # name connections url [wrk args...]
    local name=$1 c=$2 url=$3; shift 3
    local threads=$(( c < 2 ? 1 : 2 ))
    local out
    out=$(ESFDRAFT_BENCH_PLAN="$plan" wrk -t "$threads" -c "$c" -d "$duration" --latency -H "$auth" "$@" "$url")
    local r p50 p99
    r=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
    rps[$name,$c]=$r
    local bad
    bad=$(grep -E 'Non-2xx|non-2xx|Socket errors' <<<"$out" | tr -s ' ' | paste -sd ';' - || true)
    printf '%-7s %3d conn  %10.1f req/s  p50 %9s ms  p99 %9s ms  %s\n' "$name" "$c" "$r" "$p50" "$p99" "$bad"
}

echo "esfdraft serve, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $duration per run"
echo "first draft.docx (cold): $(awk -v t="$first_draft" 'BEGIN { printf "%.1f", t * 1000 }') ms"
for c in $connections; do
    run check "$c" "$base/api/check" -s "$here/serve/check.lua"
    run report "$c" "$version/report"
    run draft "$c" "$version/draft.docx"
    run floor "$c" "$base/bench/floor"
done
for c in $connections; do
    awk -v f="${rps[floor,$c]}" -v e="${rps[check,$c]}" -v c="$c" \
        'BEGIN { printf "ratio serve-check floor/esfdraft at %d conn: %.1f\n", c, (e > 0 ? f / e : 0) }'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

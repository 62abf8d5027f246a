#!/usr/bin/env bash
# The browser tests: starts `esfdraft serve` on a free local port with a
# throw-away SQLite database and two users, then runs the node tests (a real
# Chromium driven by playwright-core, pages checked with axe-core).
#
#   tests/browser/run.sh PATH/TO/esfdraft
#
# Installs the locked npm packages (install.sh) when node_modules is missing;
# exits 77 (ctest: skipped) when they cannot be fetched on this machine.
# Screenshots of every page go to $ESFDRAFT_SCREENSHOT_DIR (default: a
# temporary folder that is removed at the end).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
esfdraft=${1:?usage: run.sh PATH/TO/esfdraft}
esfdraft=$(cd "$(dirname "$esfdraft")" && pwd)/$(basename "$esfdraft")
chromium=${ESFDRAFT_CHROMIUM:-/usr/bin/chromium}

[ -x "$esfdraft" ] || { echo "run.sh: no esfdraft binary at $esfdraft" >&2; exit 2; }
[ -x "$chromium" ] || { echo "run.sh: no Chromium at $chromium (install the Debian package chromium: ./setup.sh deps)" >&2; exit 2; }
command -v node >/dev/null || { echo "run.sh: node is not installed (node >= 18 with npm: ./setup.sh deps)" >&2; exit 2; }
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' ||
  { echo "run.sh: node $(node --version) is too old for playwright-core 1.60; need node >= 18" >&2; exit 2; }
"$here/install.sh" || exit $?

work=$(mktemp -d "${TMPDIR:-/tmp}/esfdraft-browser.XXXXXX")
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

export ESFDRAFT_DATA_DIR=$source_dir
database="sqlite:$work/esfdraft.db"
# The owner's organisation is the one FRAMSYN's plan names, so the owner owns it.
organisation=$(sed -n 's/.*<owner[^>]*orgNumber="\([^"]*\)".*/\1/p' "$source_dir/samples/framsyn/plan.xml" | head -n 1)
[ -n "$organisation" ] || { echo "run.sh: no owner orgNumber in samples/framsyn/plan.xml" >&2; exit 2; }

export ESFDRAFT_OWNER_EMAIL=owner@example.org ESFDRAFT_OWNER_PASSWORD=owner-password-1234
export ESFDRAFT_REVIEWER_EMAIL=reviewer@example.org ESFDRAFT_REVIEWER_PASSWORD=reviewer-password-1234
printf '%s\n' "$ESFDRAFT_OWNER_PASSWORD" | "$esfdraft" user add "$ESFDRAFT_OWNER_EMAIL" --role owner \
  --organisation "$organisation" --name "Olga Owner" --password-stdin --database "$database" >/dev/null
printf '%s\n' "$ESFDRAFT_REVIEWER_PASSWORD" | "$esfdraft" user add "$ESFDRAFT_REVIEWER_EMAIL" --role reviewer \
  --name "Rita Reviewer" --password-stdin --database "$database" >/dev/null

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();})')
"$esfdraft" serve --listen "127.0.0.1:$port" --database "$database" --threads 4 >"$work/server.log" 2>&1 &
server_pid=$!
export ESFDRAFT_URL="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  curl -fsS "$ESFDRAFT_URL/healthz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { echo "run.sh: esfdraft serve exited:" >&2; cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
curl -fsS "$ESFDRAFT_URL/healthz" >/dev/null || { echo "run.sh: $ESFDRAFT_URL/healthz did not answer" >&2; exit 1; }

export ESFDRAFT_SAMPLES=$source_dir/samples ESFDRAFT_WORK=$work ESFDRAFT_CHROMIUM=$chromium
export ESFDRAFT_SCREENSHOT_DIR=${ESFDRAFT_SCREENSHOT_DIR:-$work/screenshots}
mkdir -p "$ESFDRAFT_SCREENSHOT_DIR"
status=0
# One file at a time (they share the server's users and applications); node
# 18's test runner has no --test-concurrency, so the loop is ours.
# ESFDRAFT_BROWSER_TESTS="editor flow" runs only those files (NAME.test.mjs).
for test_file in "$here"/*.test.mjs; do
  if [ -n "${ESFDRAFT_BROWSER_TESTS:-}" ]; then
    case " $ESFDRAFT_BROWSER_TESTS " in *" $(basename "$test_file" .test.mjs) "*) ;; *) continue ;; esac
  fi
  (cd "$here" && node --test "$test_file") || status=$?
done
# SIGTERM stops the server cleanly (exit 0); anything else (a crash, a
# sanitizer's report) fails the test even when the pages passed.
kill -TERM "$server_pid"
server_status=0
wait "$server_pid" || server_status=$?
server_pid=
if [ "$server_status" -ne 0 ]; then
  echo "run.sh: esfdraft serve exited $server_status on SIGTERM" >&2
  [ "$status" -ne 0 ] || status=1
fi
if [ "$status" -ne 0 ]; then
  echo "run.sh: the server's log (last 40 lines):" >&2
  tail -n 40 "$work/server.log" >&2
fi
exit "$status"

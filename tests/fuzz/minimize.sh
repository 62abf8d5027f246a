#!/usr/bin/env bash
# tests/fuzz/minimize.sh TARGET CRASH [NAME]: shrinks a crashing input
# (libFuzzer -minimize_crash=1, 60 s by default, MINIMIZE_SECONDS to change)
# and stores the smallest one as tests/fuzz/regressions/TARGET/NAME (default:
# the crash file's name). Commit it with the fix: the fuzz_*_replay ctest
# then replays it on every test run. It must still crash before the fix;
# a known defect nobody is fixing yet belongs in tests/fuzz/found/TARGET/.
set -euo pipefail
source "$(dirname "$0")/common.sh"

[[ $# -ge 2 ]] || { echo "usage: $0 TARGET CRASH [NAME]" >&2; exit 2; }
target=$1
crash=$2
name=${3:-$(basename "$crash")}
fuzz_known_target "$target"
[[ -f $crash ]] || { echo "$crash: no such file" >&2; exit 2; }

fuzz_build_targets
work=$(mktemp -d "${TMPDIR:-/tmp}/esfdraft-minimize.XXXXXX")
trap 'rm -rf "$work"' EXIT
mapfile -t options < <(fuzz_options "$target")
# -minimize_crash writes ever smaller crashing inputs into the artifact
# folder, each named minimized-from-<hash>; the last one written is the smallest.
"$(fuzz_binary "$target")" "${options[@]}" -minimize_crash=1 -max_total_time="${MINIMIZE_SECONDS:-60}" \
  -artifact_prefix="$work/" "$crash" >"$work/log" 2>&1 || true
smallest=$(ls -t "$work"/minimized-from-* 2>/dev/null | head -1 || true)
if [[ -z $smallest ]]; then
  if "$(fuzz_binary "$target")" "$crash" >/dev/null 2>&1; then
    echo "$crash does not crash $target (any more): nothing to minimise" >&2
    exit 1
  fi
  smallest=$crash  # it crashes but could not be made smaller
fi
mkdir -p "$fuzz_dir/regressions/$target"
cp "$smallest" "$fuzz_dir/regressions/$target/$name"
echo "$(wc -c <"$crash") bytes -> $(wc -c <"$smallest") bytes: tests/fuzz/regressions/$target/$name"

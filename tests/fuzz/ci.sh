#!/usr/bin/env bash
# tests/fuzz/ci.sh [SECONDS]: builds build-fuzz/ (reused when present) and
# runs every fuzz target for SECONDS (default 30) on a scratch copy of its
# committed corpus and regressions, so nothing is written into the
# repository. Exits 1 when any target finds a crash, leak, UB, timeout or
# broken property, printing the reproducer's path (kept under
# build-fuzz/fuzz-artifacts/) and how to replay and minimise it.
set -euo pipefail
source "$(dirname "$0")/common.sh"

seconds=${1:-30}
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: $0 [SECONDS]" >&2; exit 2; }

fuzz_build_targets

scratch=$(mktemp -d "${TMPDIR:-/tmp}/esfdraft-fuzz.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
artifacts="$fuzz_build/fuzz-artifacts"
failed=()
for target in "${fuzz_targets[@]}"; do
  corpus="$scratch/$target"
  mkdir -p "$corpus" "$artifacts/$target"
  for folder in corpus regressions; do
    if [[ -d "$fuzz_dir/$folder/$target" ]]; then cp -r "$fuzz_dir/$folder/$target/." "$corpus/"; fi
  done
  mapfile -t options < <(fuzz_options "$target")
  log="$scratch/$target.log"
  status=0
  "$(fuzz_binary "$target")" "${options[@]}" -max_total_time="$seconds" -artifact_prefix="$artifacts/$target/" \
    "$corpus" >"$log" 2>&1 || status=$?
  # The last status line: executions, coverage (cov), features (ft).
  summary=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  speed=$(grep -E '^stat::average_exec_per_sec' "$log" | awk '{print $2}' || true)
  echo "$target: ${summary:-no status line} (${speed:-?} exec/s)"
  if [[ $status -ne 0 ]]; then
    failed+=("$target")
    echo "---- $target failed (status $status); the end of its output:"
    tail -40 "$log"
    reproducer=$(grep -oE "Test unit written to [^ ]+" "$log" | tail -1 | sed 's/Test unit written to //' || true)
    echo "---- reproducer: ${reproducer:-none written (see above)}"
    if [[ -n $reproducer ]]; then
      echo "     replay:   $(fuzz_binary "$target") $reproducer"
      echo "     minimise: tests/fuzz/minimize.sh $target $reproducer"
    fi
  fi
done

if (( ${#failed[@]} )); then
  echo "fuzzing failed: ${failed[*]}"
  exit 1
fi
echo "fuzzing: all ${#fuzz_targets[@]} targets ran ${seconds}s without a failure"

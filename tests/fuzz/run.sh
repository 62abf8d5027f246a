#!/usr/bin/env bash
# tests/fuzz/run.sh TARGET [SECONDS] [libFuzzer options...]: fuzzes one
# target for SECONDS (default: until stopped with Ctrl-C). New inputs go to
# build-fuzz/fuzz-corpus/TARGET/ (seeded from the committed corpus the first
# time; copy good ones into tests/fuzz/corpus/TARGET/ by hand), crashes to
# build-fuzz/fuzz-artifacts/TARGET/. Extra options go to libFuzzer, e.g.
#   tests/fuzz/run.sh fuzz_load_plan 3600 -fork=2 -ignore_crashes=1
#   tests/fuzz/run.sh fuzz_zip 600 -jobs=2 -workers=2
set -euo pipefail
source "$(dirname "$0")/common.sh"

[[ $# -ge 1 ]] || { echo "usage: $0 TARGET [SECONDS] [libFuzzer options...]" >&2; exit 2; }
target=$1
shift
fuzz_known_target "$target"
time_option=()
if [[ $# -ge 1 && $1 =~ ^[0-9]+$ ]]; then
  time_option=(-max_total_time="$1")
  shift
fi

fuzz_build_targets
corpus="$fuzz_build/fuzz-corpus/$target"
artifacts="$fuzz_build/fuzz-artifacts/$target"
mkdir -p "$corpus" "$artifacts"
if [[ -z $(ls -A "$corpus") ]]; then cp -r "$fuzz_dir/corpus/$target/." "$corpus/"; fi
seeds=()
if [[ -d "$fuzz_dir/regressions/$target" ]]; then seeds+=("$fuzz_dir/regressions/$target"); fi
mapfile -t options < <(fuzz_options "$target")
cd "$artifacts"  # -fork and -jobs write their logs into the current folder
exec "$(fuzz_binary "$target")" "${options[@]}" "${time_option[@]}" -artifact_prefix="$artifacts/" "$@" "$corpus" "${seeds[@]}"

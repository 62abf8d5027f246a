#!/usr/bin/env bash
# tests/fuzz/long_run.sh TARGET RUNS [JOBS] [libFuzzer options...]: a long
# fuzzing run of RUNS executions in all, spread over JOBS processes (default
# 1), then every input the run kept replayed under ASan and UBSan.
#
# The run itself uses a build with UBSan alone (build-fuzz-ub/, or
# ESFDRAFT_FUZZ_LONG_BUILD): AddressSanitizer costs about a third of the
# executions per second, so it checks the corpus afterwards instead, input by
# input, with the build every other script uses (build-fuzz/). Both grow the
# same corpus, build-fuzz/fuzz-corpus/TARGET/, so a long run goes on from
# where run.sh or an earlier long run stopped. Logs go to
# build-fuzz/fuzz-logs/TARGET-TIME/, crashes to build-fuzz/fuzz-artifacts/TARGET/.
# The last lines printed are the figures to report: executions, coverage,
# features, corpus, executions per second, and the replay's verdict.
#
#   tests/fuzz/long_run.sh fuzz_load_plan 10000000 2
#   tests/fuzz/long_run.sh fuzz_template 1000000
set -euo pipefail
source "$(dirname "$0")/common.sh"

usage() { echo "usage: $0 TARGET RUNS [JOBS] [libFuzzer options...]" >&2; exit 2; }
[[ $# -ge 2 ]] || usage
target=$1
runs=$2
shift 2
jobs=1
if [[ $# -ge 1 && $1 =~ ^[0-9]+$ ]]; then jobs=$1; shift; fi
fuzz_known_target "$target"
[[ $runs =~ ^[1-9][0-9]*$ && $jobs =~ ^[1-9][0-9]*$ ]] || usage

fuzz_build_targets
asan_binary=$(fuzz_binary "$target")
fast_build=${ESFDRAFT_FUZZ_LONG_BUILD:-$fuzz_root/build-fuzz-ub}
(fuzz_build=$fast_build FUZZ_SANITIZERS=undefined fuzz_build_targets)
if ! grep -qx 'ESFDRAFT_FUZZ_SANITIZERS:STRING=undefined' "$fast_build/CMakeCache.txt"; then
  echo "$fast_build is not a UBSan-only fuzz build (ESFDRAFT_FUZZ_SANITIZERS); remove it or name another with ESFDRAFT_FUZZ_LONG_BUILD" >&2
  exit 2
fi
fast_binary="$fast_build/tests/fuzz/$target"

corpus="$fuzz_build/fuzz-corpus/$target"
artifacts="$fuzz_build/fuzz-artifacts/$target"
logs="$fuzz_build/fuzz-logs/$target-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$corpus" "$artifacts" "$logs"
if [[ -z $(ls -A "$corpus") ]]; then cp -r "$fuzz_dir/corpus/$target/." "$corpus/"; fi
seeds=()
if [[ -d "$fuzz_dir/regressions/$target" ]]; then seeds+=("$fuzz_dir/regressions/$target"); fi
mapfile -t options < <(fuzz_options "$target")
per_job=$(((runs + jobs - 1) / jobs))

echo "$target: $runs executions in $jobs job(s) of $per_job, UBSan build; logs in $logs"
started=$(date +%s)
status=0
cd "$logs"  # -jobs writes fuzz-N.log into the current folder
if [[ $jobs -eq 1 ]]; then
  "$fast_binary" "${options[@]}" -runs="$per_job" -artifact_prefix="$artifacts/" "$@" "$corpus" "${seeds[@]}" \
    >fuzz-0.log 2>&1 || status=$?
else
  "$fast_binary" "${options[@]}" -runs="$per_job" -jobs="$jobs" -workers="$jobs" -artifact_prefix="$artifacts/" \
    "$@" "$corpus" "${seeds[@]}" >driver.log 2>&1 || status=$?
fi
seconds=$(($(date +%s) - started))

executed=0
coverage=0
features=0
for log in fuzz-*.log; do
  units=$(grep -a 'stat::number_of_executed_units:' "$log" | tail -1 | awk '{print $2}')
  executed=$((executed + ${units:-0}))
  last=$(grep -a -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1 || true)
  cov=$(awk '{print $2}' <<<"$last")
  ft=$(awk '{print $4}' <<<"$last")
  if [[ ${cov:-0} -gt $coverage ]]; then coverage=$cov; fi
  if [[ ${ft:-0} -gt $features ]]; then features=$ft; fi
done
inputs=$(find "$corpus" -type f | wc -l)
echo "$target: $executed executions in ${seconds} s ($((executed / (seconds > 0 ? seconds : 1))) per second), cov $coverage, ft $features, corpus $inputs inputs"
if [[ $status -ne 0 ]]; then
  echo "$target: the run failed (exit $status); the reproducer is in $artifacts, the report at the end of:" >&2
  ls "$logs"/fuzz-*.log >&2
  exit 1
fi

# Every kept input once under ASan+UBSan (-runs=0: load the corpus, run each
# input, stop).
if "$asan_binary" "${options[@]}" -runs=0 -artifact_prefix="$artifacts/" "$corpus" "${seeds[@]}" >replay.log 2>&1; then
  echo "$target: the $inputs kept inputs replayed under ASan+UBSan: clean"
else
  echo "$target: an input fails under ASan+UBSan; the report is at the end of $logs/replay.log" >&2
  exit 1
fi

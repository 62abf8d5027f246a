#!/usr/bin/env bash
# bench/load_paths.sh: the two ways a plan is loaded, at several sizes, on one
# core and on two (issue 11: does the tree parser earn its keep?).
#
#   bench/load_paths.sh                  # build/ (cmake --build build --target esfdraft_load); ~2 minutes
#   BUILD=build-bench RUNS=15 LINES="10 800 9000" bench/load_paths.sh
#
# Builds bench/load_paths.cpp against BUILD's load and model libraries,
# writes plans with bench/generate_plan.py (LINES cost lines each: about
# 10 KiB, 30 KiB, 50 KiB, 100 KiB, 256 KiB, 1 MiB, 4 MiB and 16 MiB) into
# bench/work/load_paths/, and prints, under `taskset -c 0` and then
# `taskset -c 0,1`, the median and fastest wall time, the median CPU time of
# both threads and of the calling thread alone (ms) of Loader::load_plan_bytes
# taking each way:
#   one_pass   libxml2's document, the tree copied from it (streaming_from_bytes = SIZE_MAX)
#   streaming  the tree parser, validation on a second thread (streaming_from_bytes = 0)
# The loader takes the streaming way from load::default_streaming_from_bytes
# (src/load/xml_input.hpp). Figures only, no verdict: other work on the
# machine adds wall time; the CPU times are the steadier figures, and on two
# free cores the streaming way's wall time is about the larger of caller_med
# and cpu_med - caller_med (its validator thread).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
build=${BUILD:-$root/build}
runs=${RUNS:-9}
lines=${LINES:-10 200 400 800 2200 9000 36000 143000}
for lib in "$build/src/load/libesfdraft_load.a" "$build/src/model/libesfdraft_model.a"; do
    [ -f "$lib" ] || { echo "bench/load_paths.sh: no $lib (cmake --build $build --target esfdraft_load)" >&2; exit 2; }
done
work=$here/work/load_paths
mkdir -p "$work"
${CXX:-g++} -O2 -std=c++20 -I"$root/src" "$here/load_paths.cpp" \
    "$build/src/load/libesfdraft_load.a" "$build/src/model/libesfdraft_model.a" \
    $(pkg-config --libs libxml-2.0) -pthread -o "$work/load_paths"
plans=()
for n in $lines; do
    [ -f "$work/n$n/plan.xml" ] || python3 "$here/generate_plan.py" "$n" "$work/n$n" >/dev/null
    plans+=("$work/n$n/plan.xml")
done
# The same at about 100 KiB and 256 KiB with one bad amount: invalid, so the
# streaming way falls back to the one-pass check.
for n in ${INVALID_LINES-800 2200}; do
    [ -f "$work/n$n/plan.xml" ] || python3 "$here/generate_plan.py" "$n" "$work/n$n" >/dev/null
    sed '0,/amount="[0-9.]*"/s//amount="12,50"/' "$work/n$n/plan.xml" > "$work/n$n/invalid.xml"
    plans+=("$work/n$n/invalid.xml")
done
echo "# $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $runs runs each way, alternated; times in ms"
for cores in 0 0,1; do
    echo "## taskset -c $cores"
    taskset -c "$cores" "$work/load_paths" "$root/schemas" "$runs" "${plans[@]}"
done
echo "# load afterwards $(cut -d' ' -f1-3 /proc/loadavg)"

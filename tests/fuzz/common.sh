# Sourced by ci.sh, run.sh and minimize.sh: where things are, the build, and
# the options every fuzzing run uses.
fuzz_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
fuzz_dir="$fuzz_root/tests/fuzz"
fuzz_build=${ESFDRAFT_FUZZ_BUILD:-$fuzz_root/build-fuzz}
fuzz_targets=(fuzz_load_plan fuzz_template fuzz_render fuzz_tags fuzz_zip fuzz_request)

# A crash, leak or UB report stops the run with the input that caused it;
# ASan's own options given in the environment come after ours and win.
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export ESFDRAFT_DATA_DIR="$fuzz_root"

# Configures build-fuzz/ the first time (clang-14, ESFDRAFT_FUZZ=ON, no
# tests), then builds only the fuzz targets and the libraries they link.
fuzz_build_targets() {
  if [[ ! -f "$fuzz_build/CMakeCache.txt" ]]; then
    local launcher=()
    if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache); fi
    cmake -S "$fuzz_root" -B "$fuzz_build" -DESFDRAFT_FUZZ=ON -DESFDRAFT_FUZZ_SANITIZERS="${FUZZ_SANITIZERS:-address,undefined}" \
      -DESFDRAFT_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_COMPILER="${CXX_FUZZ:-clang++-14}" -DCMAKE_C_COMPILER="${CC_FUZZ:-clang-14}" "${launcher[@]}" >/dev/null
  fi
  cmake --build "$fuzz_build" -j"${FUZZ_BUILD_JOBS:-2}" --target fuzz
}

fuzz_binary() { echo "$fuzz_build/tests/fuzz/$1"; }

# The options of every run: a 10 s limit per input, 2 GiB of memory, the
# target's dictionary when it has one.
fuzz_options() {
  local target=$1
  local options=(-timeout=10 -rss_limit_mb=2048 -print_final_stats=1)
  if [[ -f "$fuzz_dir/$target.dict" ]]; then options+=(-dict="$fuzz_dir/$target.dict"); fi
  printf '%s\n' "${options[@]}"
}

fuzz_known_target() {
  local target
  for target in "${fuzz_targets[@]}"; do [[ $target == "$1" ]] && return 0; done
  echo "unknown target '$1' (targets: ${fuzz_targets[*]})" >&2
  return 1
}

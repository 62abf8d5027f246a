#!/usr/bin/env bash
# esfdraft set-up for a Debian 12 machine: installs what is missing (apt, as
# root or through sudo), builds, and runs one of the jobs below.
#
#   ./setup.sh sample   build the program, then write the FRAMSYN sample's draft
#                       (DOCX), budget workbook (XLSX) and completeness report
#                       into out/, as of the day the sample was written
#   ./setup.sh test     build and run every test (also under AddressSanitizer
#                       and UndefinedBehaviorSanitizer)
#   ./setup.sh deps     only install the Debian packages (and the browser tests' npm ones)
#   ./setup.sh packages list the Debian packages the jobs install
#   ./setup.sh build    only build (Release, into build/)
#
# Environment: JOBS (parallel compile jobs, default: number of cores),
# ESFDRAFT_SKIP_SANITIZE=1 skips the sanitizer build in `test`.
set -euo pipefail
cd "$(dirname "$0")"

job=${1:-}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}

build_packages=(g++ make cmake pkg-config ca-certificates
  libpoco-dev zlib1g-dev libxml2-dev libxlsxwriter-dev libboost-program-options-dev libboost-test-dev
  libsodium-dev libsqlite3-dev libpq-dev)
# Tools no one on the project wrote, used by the interop tests.
test_packages=(python3 python3-lxml python3-docx python3-openpyxl python3-jsonschema libxml2-utils unzip tidy
  libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-dejavu-core fonts-liberation2
  python3-uno  # tests/http/edit_workbook.py edits a budget workbook in LibreOffice itself
  chromium  # screenshots of the service's pages (and the browser tests)
  nodejs  # the browser tests (tests/browser): node 18 or newer; npm is added where it is missing
  curl  # the browser tests wait for the server's /healthz with it
  clang-format  # the format test: every C++ file as .clang-format says
  postgresql-15)  # the store suite's PostgreSQL cases start a throw-away server (tests/store/with-postgres.sh)

install_missing() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup.sh: need root (or sudo) to install: ${missing[*]}" >&2; exit 2; }
    as_root=(sudo)
  fi
  echo "setup.sh: installing ${missing[*]}"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# The browser tests' npm packages (playwright-core, axe-core), exactly as
# tests/browser/package-lock.json pins them; no browser download (they drive
# Debian's chromium).
browser_test_packages() {
  # Debian 12's nodejs (18) comes without npm, which is its own package; a
  # machine with NodeSource's nodejs has npm inside it (and that package
  # conflicts with Debian's npm), so install npm only where there is none.
  command -v node >/dev/null || install_missing nodejs
  command -v npm >/dev/null || install_missing npm
  if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)'; then
    echo "setup.sh: the browser tests need node 18 or newer (found $(node --version))" >&2
    exit 2
  fi
  local status=0
  tests/browser/install.sh || status=$?
  if [ "$status" -eq 77 ]; then
    browser_tests_skipped=1
    echo "setup.sh: WARNING: the browser tests will be reported as skipped (see above); everything else is tested." >&2
  elif [ "$status" -ne 0 ]; then
    exit "$status"
  fi
}
browser_tests_skipped=0

# build/ is configured the same way by every job (Release, warnings as
# errors as in CI), so `sample` then `test` reuses what was compiled instead
# of reconfiguring and compiling everything again.
release_options=(-DCMAKE_BUILD_TYPE=Release -DESFDRAFT_WERROR=ON)

build() {  # build DIR [--target T] -- [cmake options...]
  local dir=$1; shift
  local targets=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do targets+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  cmake -S . -B "$dir" "$@" >/dev/null
  cmake --build "$dir" -j "$jobs" "${targets[@]}"
}

# The day the FRAMSYN sample was written: a week after its pre-study ended
# (2009-07-07) and before the project starts (2009-10-01), so the date rules
# judge it as its authors would have (no "starts before today").
sample_date=2009-07-14

case "$job" in
  deps)
    install_missing "${build_packages[@]}" "${test_packages[@]}"
    browser_test_packages
    ;;
  packages)
    printf '%s\n' "${build_packages[@]}" "${test_packages[@]}"
    ;;
  build)
    install_missing "${build_packages[@]}"
    build build -- "${release_options[@]}"
    ;;
  sample)
    install_missing "${build_packages[@]}"
    # Only the program, not the tests: a newcomer waits for one target.
    build build --target esfdraft -- "${release_options[@]}"
    echo "setup.sh: esfdraft build samples/framsyn/plan.xml -o out --date $sample_date"
    ./build/esfdraft build samples/framsyn/plan.xml -o out --date "$sample_date"
    ;;
  test)
    install_missing "${build_packages[@]}" "${test_packages[@]}"
    browser_test_packages
    build build -- "${release_options[@]}"
    (cd build && ctest --output-on-failure -j "$jobs")
    if [ "${ESFDRAFT_SKIP_SANITIZE:-0}" != 1 ]; then
      echo "setup.sh: the same tests under AddressSanitizer and UndefinedBehaviorSanitizer"
      build build-sanitize -- -DESFDRAFT_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
      (cd build-sanitize && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --output-on-failure -j "$jobs")
    fi
    if [ "$browser_tests_skipped" = 1 ]; then
      echo "setup.sh: WARNING: the browser tests were skipped: npm could not fetch playwright-core and axe-core (see the start of this output)." >&2
    fi
    ;;
  *)
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
    [ -z "$job" ] && exit 2
    echo "setup.sh: unknown job '$job'" >&2
    exit 2
    ;;
esac

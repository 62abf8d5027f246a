#!/usr/bin/env bash
# tests/architecture/check_format.sh [ROOT]: every C++ file of src/, tests/
# and bench/ is formatted as .clang-format says. Fails with the files that are
# not and the command that formats them. Uses Debian 12's clang-format 14:
# another release may format a few constructs differently.
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root"
formatter=$(command -v clang-format-14 || command -v clang-format || true)
if [[ -z $formatter ]]; then
  echo "check_format: clang-format is not installed; ./setup.sh deps installs it" >&2
  exit 1
fi
mapfile -t files < <(find src tests bench \( -name node_modules -o -name golden \) -prune -o \
                       -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) -print | sort)
unformatted=()
for file in "${files[@]}"; do
  if ! "$formatter" --style=file --dry-run -Werror "$file" >/dev/null 2>&1; then unformatted+=("$file"); fi
done
if [[ ${#unformatted[@]} -gt 0 ]]; then
  echo "check_format: ${#unformatted[@]} of ${#files[@]} files are not formatted as .clang-format says ($("$formatter" --version)):" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  echo "format them with: $formatter -i --style=file ${unformatted[*]}" >&2
  exit 1
fi
echo "check_format: ${#files[@]} files formatted as .clang-format says"

#!/usr/bin/env bash
# Installs the browser tests' npm packages (playwright-core, axe-core) exactly
# as package-lock.json pins them (npm ci), when they are not there yet. No
# browser is downloaded: the tests drive Debian's chromium.
#
# Exit status: 0 when the packages are there; 77 when npm could not fetch them
# (no route to the npm registry, or a proxy whose certificate this machine does
# not trust): the browser tests cannot run on this machine, and say so;
# anything else is a real failure. With ESFDRAFT_REQUIRE_BROWSER=1 (CI) a
# failed download is a failure (1) instead of 77.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ -d "$here/node_modules/playwright-core" ] && [ -d "$here/node_modules/axe-core" ] && exit 0

command -v npm >/dev/null || { echo "install.sh: npm is not installed (./setup.sh deps installs it)" >&2; exit 1; }
log=$(mktemp "${TMPDIR:-/tmp}/esfdraft-npm.XXXXXX")
trap 'rm -f "$log"' EXIT
echo "install.sh: npm ci in tests/browser"
if (cd "$here" && npm ci --no-audit --no-fund) >"$log" 2>&1; then cat "$log"; exit 0; fi
# Node.js trusts its own list of certificate authorities, not the system's: a
# machine behind a proxy with its own authority (added to the system's list)
# reaches the registry only when npm is told to use the system's list.
system_cas=/etc/ssl/certs/ca-certificates.crt
if [ -r "$system_cas" ] && (cd "$here" && npm ci --no-audit --no-fund --cafile "$system_cas") >>"$log" 2>&1; then exit 0; fi
cat "$log" >&2
reason=$(grep -m1 -E 'npm ERR! (code|request to)|npm error (code|request to)' "$log" | sed 's/^npm \(ERR!\|error\) //')
echo "install.sh: npm could not install the browser tests' packages${reason:+ ($reason)}." >&2
echo "install.sh: the browser tests need the npm registry once (https://registry.npmjs.org, or the registry npm is configured for);" >&2
echo "install.sh: give this machine access to it and run ./setup.sh test again." >&2
if [ "${ESFDRAFT_REQUIRE_BROWSER:-0}" = 1 ]; then exit 1; fi
exit 77

#!/usr/bin/env bash
# with-postgres.sh CMD...: runs CMD with a throw-away PostgreSQL server.
#
# Creates a cluster in a temporary folder (initdb, as an unprivileged user
# when run as root: initdb refuses root), starts it on a free port on
# 127.0.0.1 only (no other interface, its socket inside the folder), creates
# the database esfdraft_test, exports
# ESFDRAFT_TEST_POSTGRES=postgresql://esfdraft:PASSWORD@127.0.0.1:PORT/esfdraft_test,
# runs CMD, then stops the server and deletes the folder, whatever CMD did.
# Exits with CMD's status (2 when the server could not be started).
# PG_BIN overrides the server's folder (default /usr/lib/postgresql/15/bin).
set -euo pipefail

[ $# -gt 0 ] || { echo "usage: with-postgres.sh CMD..." >&2; exit 2; }
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$pg_bin/initdb" ] || { echo "with-postgres.sh: no initdb in $pg_bin (install postgresql-15)" >&2; exit 2; }

folder=$(mktemp -d "${TMPDIR:-/tmp}/esfdraft-postgres.XXXXXX")
as_server=()
if [ "$(id -u)" -eq 0 ]; then
  # The server runs as nobody: it owns nothing else on the machine.
  chown nobody "$folder"
  as_server=(runuser -u nobody --)
fi

stop() {
  if [ -f "$folder/data/postmaster.pid" ]; then
    "${as_server[@]}" "$pg_bin/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$folder"
}
trap stop EXIT

# A port the kernel says is free now; another program could take it before
# the server binds it, in which case pg_ctl fails and says so.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# TCP connections must give the password (SCRAM), so the tests show that the
# one in the URL reaches the server; it has a quote, a backslash, an '@' and
# an '=' on purpose. The socket inside the folder is trusted, for createdb.
password="it's\\@pass="
password_in_url="it's%5C%40pass%3D"
printf '%s\n' "$password" >"$folder/password"
[ ${#as_server[@]} -eq 0 ] || chown nobody "$folder/password"
if ! "${as_server[@]}" "$pg_bin/initdb" -D "$folder/data" -U esfdraft --pwfile="$folder/password" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C \
    >"$folder/initdb.log" 2>&1; then
  cat "$folder/initdb.log" >&2
  echo "with-postgres.sh: initdb failed" >&2
  exit 2
fi
mkdir -p "$folder/socket"
[ ${#as_server[@]} -eq 0 ] || chown nobody "$folder/socket"
# fsync off: the tests check the store's logic, not the disk, and share the
# machine with other builds. Only 127.0.0.1 listens.
if ! "${as_server[@]}" "$pg_bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $folder/socket -c fsync=off -c max_connections=40" \
    start >/dev/null; then
  cat "$folder/server.log" >&2 || true
  echo "with-postgres.sh: the server did not start" >&2
  exit 2
fi
"${as_server[@]}" "$pg_bin/createdb" -h "$folder/socket" -p "$port" -U esfdraft esfdraft_test

export ESFDRAFT_TEST_POSTGRES="postgresql://esfdraft:$password_in_url@127.0.0.1:$port/esfdraft_test"
status=0
"$@" || status=$?
exit $status

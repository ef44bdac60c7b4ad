#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback for the SQL tests (test/sql/postgres.test.ts).
#
#   bash scripts/ci-postgres.sh npx vitest run test/sql/postgres.test.ts
#       installs Debian's postgresql if needed, starts a server on port 54329 (Unix socket in /tmp),
#       creates the database "indicatrix", runs the command with INDICATRIX_PG set to its connection
#       string, and stops the server and removes its data directory afterwards.
#   eval "$(bash scripts/ci-postgres.sh)"
#       the same without a command: leaves the server running and prints the export line.
#
# Needs root (apt-get, and to run the server as the postgres user) or an installed postgresql run as
# a non-root user. Nothing listens on a network interface: the server uses a Unix socket only.
set -euo pipefail

PORT="${INDICATRIX_PG_PORT:-54329}"
SOCKET_DIR=/tmp

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "ci-postgres: installing postgresql (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"

DATA="$(mktemp -d /tmp/indicatrix-pg.XXXXXX)"
LOG="$DATA.log"
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$DATA"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
touch "$LOG" && chmod 666 "$LOG"

as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C >&2
as_pg "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w \
  -o "-p $PORT -k $SOCKET_DIR -c listen_addresses=''" start >&2
"$BIN/createdb" -h "$SOCKET_DIR" -p "$PORT" -U postgres indicatrix

export INDICATRIX_PG="postgresql://postgres@/indicatrix?host=$SOCKET_DIR&port=$PORT"

if [ "$#" -eq 0 ]; then
  echo "export INDICATRIX_PG='$INDICATRIX_PG'"
  echo "# stop with: runuser -u postgres -- $BIN/pg_ctl -D $DATA stop" >&2
  exit 0
fi

stop() {
  as_pg "$BIN/pg_ctl" -D "$DATA" -m fast stop >&2 || true
  rm -rf "$DATA" "$LOG"
}
trap stop EXIT
"$@"

#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for the tests (issue 12) and prints the connection string.
# Debian's server package is installed if missing; the cluster runs as the unprivileged `postgres`
# user in a fresh temp folder, listens on loopback only, on a port no default install uses, and
# trusts local connections (nothing else can reach it). Durability is switched off: the data is
# thrown away, and CI's time is better spent on the tests than on fsync.
# Usage: source .ci/postgres.sh  -> sets COHORTBOT_TEST_POSTGRES and COHORTBOT_PG_DIR
#        .ci/postgres.sh stop DIR
set -uo pipefail

pg_port=${COHORTBOT_PG_PORT:-55432}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

if [ "${1:-}" = "stop" ]; then
  bin=$(pg_bin) && [ -n "${2:-}" ] && su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$2/data' -m immediate stop" >/dev/null 2>&1
  rm -rf "${2:-/nonexistent}"
  exit 0
fi

bin=$(pg_bin) || true
if [ -z "${bin:-}" ]; then
  echo "Installing PostgreSQL from Debian's packages..." >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bin=$(pg_bin) || { echo "PostgreSQL could not be installed." >&2; return 1 2>/dev/null || exit 1; }
fi

COHORTBOT_PG_DIR=$(mktemp -d /tmp/cohortbot-pg.XXXXXX)
chown postgres "$COHORTBOT_PG_DIR"
chmod 700 "$COHORTBOT_PG_DIR"
su postgres -s /bin/sh -c "'$bin/initdb' -D '$COHORTBOT_PG_DIR/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >"$COHORTBOT_PG_DIR.initdb.log" 2>&1 \
  || { cat "$COHORTBOT_PG_DIR.initdb.log" >&2; return 1 2>/dev/null || exit 1; }
su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$COHORTBOT_PG_DIR/data' -l '$COHORTBOT_PG_DIR/server.log' -w -t 60 \
  -o \"-c listen_addresses=127.0.0.1 -p $pg_port -c unix_socket_directories='$COHORTBOT_PG_DIR' -c max_connections=400 \
       -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=128MB\" start" >&2 \
  || { cat "$COHORTBOT_PG_DIR/server.log" >&2; return 1 2>/dev/null || exit 1; }
rm -f "$COHORTBOT_PG_DIR.initdb.log"

export COHORTBOT_PG_DIR
export COHORTBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (data in $COHORTBOT_PG_DIR)" >&2

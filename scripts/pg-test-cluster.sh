#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests labelled pg (docs/storage.md "Tests on PostgreSQL").
#   scripts/pg-test-cluster.sh start SOCKET_DIR   initdb as the postgres user into a temporary directory,
#                                                  start it listening only on SOCKET_DIR (no TCP), fsync off
#   scripts/pg-test-cluster.sh stop SOCKET_DIR    stop it and delete its data
# The tests find it as postgresql:///postgres?host=SOCKET_DIR&user=postgres (cmake/RuhuTesting.cmake).
# fsync=off is for tests only: a crash of the machine may lose the cluster, which is thrown away anyway.
set -euo pipefail

action=${1:-}
socket_dir=${2:-}
if [ -z "$action" ] || [ -z "$socket_dir" ]; then
  echo "usage: $0 start|stop SOCKET_DIR" >&2
  exit 2
fi
pg_bin=${RUHU_PG_BIN:-/usr/lib/postgresql/15/bin}
socket_dir=$(mkdir -p "$socket_dir" && cd "$socket_dir" && pwd)

# initdb and postgres refuse to run as root: as root, run them as the postgres user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
start)
  if [ ! -x "$pg_bin/initdb" ]; then
    echo "pg-test-cluster: PostgreSQL 15 is not installed ($pg_bin/initdb); run scripts/install-deps.sh" >&2
    exit 1
  fi
  if [ -f "$socket_dir/datadir" ] && "$pg_bin/pg_isready" -q -h "$socket_dir"; then
    echo "pg-test-cluster: already running on $socket_dir"
    exit 0
  fi
  data=$(mktemp -d /tmp/ruhu-pg-test.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$data" "$socket_dir"; fi
  as_owner "$pg_bin/initdb" -D "$data/cluster" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync \
    > "$data/initdb.log"
  echo "$data" > "$socket_dir/datadir"
  as_owner "$pg_bin/pg_ctl" -D "$data/cluster" -l "$data/server.log" -w -t 60 start -o \
    "-c listen_addresses='' -k $socket_dir -c fsync=off -c full_page_writes=off -c max_connections=300" \
    > /dev/null
  echo "pg-test-cluster: running on $socket_dir (data in $data)"
  ;;
stop)
  if [ ! -f "$socket_dir/datadir" ]; then
    echo "pg-test-cluster: nothing to stop on $socket_dir"
    exit 0
  fi
  data=$(cat "$socket_dir/datadir")
  as_owner "$pg_bin/pg_ctl" -D "$data/cluster" -m fast -w stop > /dev/null || true
  rm -rf "$data" "$socket_dir/datadir"
  echo "pg-test-cluster: stopped"
  ;;
*)
  echo "usage: $0 start|stop SOCKET_DIR" >&2
  exit 2
  ;;
esac

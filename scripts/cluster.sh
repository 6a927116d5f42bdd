#!/usr/bin/env bash
# Province layout on one machine (docs/storage.md "Several servers"): a PostgreSQL cluster, N stateless
# ruhu-syncd (default 2) on it with the demo county, and HAProxy in front of them on 127.0.0.1:PORT.
#   scripts/cluster.sh [--servers N] [--port PORT]        runs until Ctrl-C, then stops everything
# RUHU_BUILD picks the build directory (default build/release, built by scripts/demo.sh or
# `cmake --build --preset release`). Everything lives in run/cluster/ and is thrown away at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
servers=2
port=${RUHU_PORT:-8080}
while [ $# -gt 0 ]; do
  case "$1" in
  --servers) servers=$2; shift 2 ;;
  --port) port=$2; shift 2 ;;
  *) echo "usage: $0 [--servers N] [--port PORT]" >&2; exit 2 ;;
  esac
done
build=${RUHU_BUILD:-build/release}
syncd=$build/syncserver/ruhu-syncd
if [ ! -x "$syncd" ]; then
  echo "cluster: $syncd is missing; build it first (cmake --build --preset release)" >&2
  exit 1
fi
command -v haproxy >/dev/null || { echo "cluster: haproxy is missing; run scripts/install-deps.sh" >&2; exit 1; }

run=run/cluster
rm -rf "$run"
mkdir -p "$run/media"
socket=$(pwd)/$run/pg
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  ./scripts/pg-test-cluster.sh stop "$socket" >/dev/null || true
}
trap cleanup EXIT INT TERM

./scripts/pg-test-cluster.sh start "$socket"
psql -X -q "postgresql:///postgres?host=$socket&user=postgres" -c "CREATE DATABASE ruhu"
database="postgresql:///ruhu?host=$socket&user=postgres"

# Every server shares the database and the media directory: nothing a request needs is in one of them.
backends=""
for i in $(seq 1 "$servers"); do
  server_port=$((port + i))
  "$syncd" --listen "127.0.0.1:$server_port" --data-dir "$run/media" --database "$database" --demo \
    2>>"$run/server$i.log" &
  pids+=($!)
  backends+="    server s$i 127.0.0.1:$server_port check"$'\n'
done

cat >"$run/haproxy.cfg" <<CFG
global
    maxconn 4096
defaults
    mode http
    timeout connect 5s
    timeout client 120s
    timeout server 120s
    option httpchk GET /healthz
    retry-on conn-failure empty-response response-timeout
    retries 3
frontend ruhu
    bind 127.0.0.1:$port
    default_backend syncd
backend syncd
    balance roundrobin
$backends
CFG
haproxy -f "$run/haproxy.cfg" -db 2>>"$run/haproxy.log" &
pids+=($!)

for _ in $(seq 1 600); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
  sleep 0.1
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null
echo "cluster ready: http://127.0.0.1:$port -> $servers ruhu-syncd on PostgreSQL ($socket); logs in $run/"
echo "demo accounts cadre1/cadre2/cadre3/township/county, password ruhu2024. Ctrl-C stops everything."
wait "${pids[0]}"

#!/usr/bin/env bash
# Installs what is missing, builds the debug preset and runs every test (ctest, all labels; the pg ones
# on a throwaway PostgreSQL cluster). One line per step; each step's full output is kept in run/logs/
# (configure.log, build.log, pg-cluster.log, test.log).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/steps.sh
./scripts/install-deps.sh
step configure "configuring the debug build (cmake --preset dev)" cmake --preset dev
step build "building everything in build/dev" cmake --build --preset dev
# The tests labelled pg run on a throwaway PostgreSQL cluster (docs/storage.md), stopped whatever happens.
pg_socket=build/dev/pg-test
step pg-cluster "starting a throwaway PostgreSQL cluster in ${pg_socket}" ./scripts/pg-test-cluster.sh start "$pg_socket"
trap './scripts/pg-test-cluster.sh stop "$pg_socket" >>"${RUHU_LOG_DIR}/pg-cluster.log" 2>&1' EXIT
step test "running every test (ctest --preset dev)" ctest --preset dev
grep -E "tests passed|Total Test time" "${RUHU_LOG_DIR}/test.log"

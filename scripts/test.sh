#!/usr/bin/env bash
# Installs what is missing, builds the debug preset and runs every test (ctest, all labels; the pg ones
# on a throwaway PostgreSQL cluster).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset dev
cmake --build --preset dev
# The tests labelled pg run on a throwaway PostgreSQL cluster (docs/storage.md), stopped whatever happens.
pg_socket=build/dev/pg-test
./scripts/pg-test-cluster.sh start "$pg_socket"
trap './scripts/pg-test-cluster.sh stop "$pg_socket"' EXIT
ctest --preset dev

#!/usr/bin/env bash
# Installs what is missing, builds the debug preset and runs every test (ctest, all labels).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --workflow --preset dev

#!/usr/bin/env bash
# Screenshots of every console page for a township and a county user, at 1366x768, in headless Chromium
# against the real ruhu-syncd with the demo county and a few clashes pushed by headless tablets.
# usage: scripts/console-screenshots.sh [OUT_DIR]   (default build/dev/console-screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-build/dev/console-screenshots}")"
cmake --build build/dev --target ruhu-syncd console-tablet console-case-seed
cd tests/browser
exec /usr/bin/python3 console_screenshots.py "../../build/dev/syncserver/ruhu-syncd" \
    "../../build/dev/tests/browser/console-tablet" "../../build/dev/tests/browser/console-case-seed" "$out"

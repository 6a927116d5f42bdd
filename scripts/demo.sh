#!/usr/bin/env bash
# Installs what is missing, builds the release preset, starts the sync server on its embedded SQLite
# store with the demo county, and opens the tablet app pointed at it. One line per step; the build's
# own output is kept in run/logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
port=${RUHU_PORT:-8080}
source scripts/lib/steps.sh
./scripts/install-deps.sh
step configure-release "configuring the release build (cmake --preset release)" cmake --preset release
step build-release "building build/release (full output in run/logs/build-release.log)" \
  cmake --build --preset release

server_log=run/server.log
echo "starting ruhu-syncd on 127.0.0.1:${port} (data in run/server, log in ${server_log})"
build/release/syncserver/ruhu-syncd --listen "127.0.0.1:${port}" --data-dir run/server --demo 2>>"${server_log}" &
server_pid=$!
trap 'kill -TERM ${server_pid} 2>/dev/null; wait ${server_pid} 2>/dev/null || true' EXIT INT TERM

for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:${port}/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 ${server_pid} 2>/dev/null; then echo "ruhu-syncd exited; see ${server_log}" >&2; exit 1; fi
  sleep 0.1
done
echo "sync server ready: http://127.0.0.1:${port}  (demo accounts cadre1/cadre2/cadre3/township/county, password ruhu2024)"

app=(build/release/mobile/ruhu --server "http://127.0.0.1:${port}" --data-dir run/tablet)
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  echo "opening the tablet app; close its window to stop the demo"
  "${app[@]}"
else
  QT_QPA_PLATFORM=offscreen build/release/mobile/ruhu --screenshot-dir run/screenshots >run/screenshots.log 2>&1 \
    || echo "(screenshots failed, see run/screenshots.log)"
  cat <<MSG

No display here, so the app window cannot open. The server keeps running; to use the app:
  - on a desktop session:      ${root}/${app[0]} ${app[*]:1}
  - over SSH with X forwarding: ssh -X this-machine, then the line above
  - screenshots of every page were saved in ${root}/run/screenshots/
Press Ctrl-C to stop the server.
MSG
  wait ${server_pid}
fi

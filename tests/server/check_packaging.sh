#!/bin/sh
# The packaging files are valid: the systemd units (systemd-analyze verify; any finding fails, unknown
# keys included) and the Prometheus alert rules (promtool check rules). Usage: check_packaging.sh SOURCE_DIR
set -eu
src=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# verify wants the executables to exist: point them at one that does.
for unit in ruhu-syncd.service ruhu-backup.service ruhu-backup.timer; do
  sed -e 's|/usr/local/bin/ruhu-syncd|/bin/true|g' -e 's|/usr/local/bin/ruhu-backup.sh|/bin/true|g' \
    "$src/packaging/$unit" >"$work/$unit"
done
findings=$(cd "$work" && systemd-analyze verify ruhu-syncd.service ruhu-backup.service ruhu-backup.timer 2>&1 || echo "verify failed")
if [ -n "$findings" ]; then
  echo "systemd-analyze verify:"
  echo "$findings"
  exit 1
fi
promtool check rules "$src/packaging/ruhu-syncd-alerts.yml"
sh -n "$src/packaging/ruhu-backup.sh"
echo "packaging OK"

#!/bin/sh
# Nightly backup of ruhu-syncd (run by ruhu-backup.service as user ruhu; docs/operations.md).
# Usage: ruhu-backup.sh [BACKUP_ROOT] [KEEP_DAYS]  (defaults: /srv/ruhu-backup, 14)
# Each run writes BACKUP_ROOT/YYYY-MM-DDTHHMM (store + media, consistent while the server runs) and
# deletes runs older than KEEP_DAYS. On success it leaves a timestamp for node_exporter's textfile
# collector, so Prometheus can alert when backups stop (RuhuBackupMissing).
set -eu
root=${1:-/srv/ruhu-backup}
keep_days=${2:-14}
config=${RUHU_CONFIG:-/etc/ruhu/ruhu-syncd.toml}
textfile_dir=${RUHU_TEXTFILE_DIR:-/var/lib/prometheus/node-exporter}

target="${root}/$(date -u +%Y-%m-%dT%H%M)"
ruhu-syncd backup --to "${target}" --config "${config}"
find "${root}" -mindepth 1 -maxdepth 1 -type d -mtime "+${keep_days}" -exec rm -rf {} +
if [ -d "${textfile_dir}" ] && [ -w "${textfile_dir}" ]; then
  printf '# HELP ruhu_backup_last_success_timestamp_seconds End of the last successful ruhu-syncd backup.\n# TYPE ruhu_backup_last_success_timestamp_seconds gauge\nruhu_backup_last_success_timestamp_seconds %s\n' \
    "$(date +%s)" >"${textfile_dir}/ruhu_backup.prom.tmp"
  mv "${textfile_dir}/ruhu_backup.prom.tmp" "${textfile_dir}/ruhu_backup.prom"
fi

# Sourced by demo.sh and test.sh: `step NAME DESCRIPTION COMMAND...` prints one line for the step and
# keeps the command's own output in run/logs/NAME.log; on failure it shows the end of that log and stops.
RUHU_LOG_DIR=${RUHU_LOG_DIR:-run/logs}
mkdir -p "${RUHU_LOG_DIR}"

step() {
  local name=$1 description=$2
  shift 2
  local log="${RUHU_LOG_DIR}/${name}.log"
  local started=${SECONDS}
  printf '%s ... ' "${description}"
  if "$@" >"${log}" 2>&1; then
    echo "ok ($((SECONDS - started)) s)"
  else
    local rc=$?
    echo "FAILED (exit ${rc}); last lines of ${log}:"
    tail -n 40 "${log}" | sed 's/^/    /'
    exit "${rc}"
  fi
}

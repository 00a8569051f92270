#!/usr/bin/env bash
# Runs the nightly reconciliation for cron or systemd: every inbox date not yet completed, in order, up to
# yesterday (or the date given), under a lock so that overlapping runs cannot collide, with a dated log file.
# The exit code is recon's (see `recon --help`): 0 done, 1 failed (restartable), 2 usage/configuration or
# an earlier date missing, 3 input rejected.
#
#   jobs/recon-nightly.sh [YYYY-MM-DD] [extra recon flags...]
#
# recon is started through jobs/recon (the same as java -jar recon.jar, with a start-up archive made on first
# use). Environment: RECON_HOME (the install folder holding recon.jar; default: this repository's target/),
# RECON_LOG_DIR (default: ./recon-data/logs), JAVA (default: java), RECON_JAVA_OPTS, RECON_CMD (the whole
# command that starts recon, instead of jobs/recon), plus any recon setting, e.g. SPRING_DATASOURCE_URL,
# RECON_INBOX, RECON_ARCHIVE.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
log_dir="${RECON_LOG_DIR:-./recon-data/logs}"

date_arg=()
if [[ $# -gt 0 && "$1" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]]; then
  date_arg=(--date "$1")
  shift
fi

mkdir -p "$log_dir"
log="$log_dir/recon-$(date -u +%Y-%m-%d).log"
lock="$log_dir/.recon-nightly.lock"

exec 9>"$lock"
if ! flock -n 9; then
  echo "$(date -u +%FT%TZ) another recon run holds $lock; not starting" | tee -a "$log" >&2
  exit 2
fi

echo "$(date -u +%FT%TZ) recon run --catch-up ${date_arg[*]:-} $*" >>"$log"
if [ -n "${RECON_CMD:-}" ]; then
  read -r -a recon <<<"$RECON_CMD"
else
  recon=("$here/recon")
fi
"${recon[@]}" run --catch-up "${date_arg[@]}" "$@" >>"$log" 2>&1
status=$?
echo "$(date -u +%FT%TZ) exit $status" >>"$log"
exit $status

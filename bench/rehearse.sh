#!/usr/bin/env bash
# Rehearsal speed and memory, beside a baseline measured in the same run.
#   bench/rehearse.sh [people ...]        (default: 20000 100000)
# For each size: generates a provider database, then
#   baseline  - sqlite3 copies the same two tables (client, payment) into a new
#               database with INSERT ... SELECT: rows moved, nothing checked;
#   handover  - `handover rehearse` of mappings/leaving-care: parse and check the
#               mappings, transform every row, load, ledger every record,
#               reconcile from both databases, write the reports.
# Prints seconds, source rows per second and peak RSS for both.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${HANDOVER_BUILD_DIR:-$root/build}"
"$root/scripts/build" >/dev/null
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time: apt-get install -y time" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "needs sqlite3: apt-get install -y sqlite3" >&2; exit 2; }
handover="$build/cli/handover"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Runs a command under /usr/bin/time; prints "seconds peak_rss_mb".
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1
  awk '{ printf "%s %.0f\n", $1, $2 / 1024 }' "$work/time"
}

printf "%-9s %-9s %9s %9s %12s %10s\n" people tool rows seconds "rows/s" "peak MB"
for people in "${@:-20000 100000}"; do
  for n in $people; do
    rm -rf "$work"/*.db "$work/key.json" "$work/reports"
    "$handover" generate --people "$n" --seed 1 --out "$work/provider.db" --answer-key "$work/key.json" >/dev/null
    rows=$(sqlite3 "$work/provider.db" "SELECT (SELECT count(*) FROM client) + (SELECT count(*) FROM payment)")
    read -r s m < <(measure sqlite3 "$work/copy.db" \
      "ATTACH '$work/provider.db' AS p; BEGIN; CREATE TABLE client AS SELECT * FROM p.client; CREATE TABLE payment AS SELECT * FROM p.payment; COMMIT;")
    printf "%-9s %-9s %9s %9s %12.0f %10s\n" "$n" baseline "$rows" "$s" "$(echo "$rows / $s" | bc -l)" "$m"
    read -r s m < <(measure "$handover" rehearse --source "sqlite:$work/provider.db" --target "sqlite:$work/council.db" \
      --mappings "$root/mappings/leaving-care" --param cutover=2018-10-01 --out "$work/reports")
    printf "%-9s %-9s %9s %9s %12.0f %10s\n" "$n" handover "$rows" "$s" "$(echo "$rows / $s" | bc -l)" "$m"
  done
done

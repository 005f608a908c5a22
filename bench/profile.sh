#!/usr/bin/env bash
# `handover profile` beside the least a profile could cost: a plain
# `SELECT count(*)` of every table, on the same SQLite provider, with the
# peak memory of each (issue 16: under a minute at 200,000 people, memory
# flat). Two sizes show whether memory grows with the rows.
#
#   bench/profile.sh [people ...]        (default: 20000 200000)
# Environment: HANDOVER_BUILD_DIR (default build/), ROUNDS (default 1).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${HANDOVER_BUILD_DIR:-$root/build}"
rounds="${ROUNDS:-1}"
sizes=("$@")
[[ $# -eq 0 ]] && sizes=(20000 200000)
for tool in sqlite3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install -y sqlite3 time" >&2; exit 2; }
done
HANDOVER_BUILD_DIR="$build" "$root/scripts/build" >/dev/null
handover="$build/cli/handover"
work="$(mktemp -d /var/tmp/handover-profile-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# Runs a command under /usr/bin/time; prints "seconds peak_rss_mb".
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>&1 || {
    echo "failed: $*" >&2; tail -20 "$work/out" >&2; exit 1; }
  awk '{ printf "%s %.0f\n", $1, $2 / 1024 }' "$work/time"
}

printf '%10s %12s %26s %26s\n' "people" "rows" "count(*) of every table" "handover profile"
for people in "${sizes[@]}"; do
  db="$work/provider-$people.db"
  "$handover" generate --people "$people" --seed 1 --out "$db" --answer-key "$work/key-$people.json" --force >/dev/null
  count_sql="$(sqlite3 "$db" "SELECT group_concat('SELECT count(*) FROM \"' || name || '\"', ' UNION ALL ') FROM sqlite_master WHERE type = 'table'")"
  rows="$(sqlite3 "$db" "$count_sql" | awk '{ s += $1 } END { print s }')"
  for ((round = 1; round <= rounds; ++round)); do
    read -r count_s count_mb < <(measure sqlite3 "$db" "$count_sql")
    rm -rf "$work/profile"
    read -r prof_s prof_mb < <(measure "$handover" profile --source "sqlite:$db" --out "$work/profile")
    printf '%10d %12d %17s s %5s MB %17s s %5s MB\n' "$people" "$rows" "$count_s" "$count_mb" "$prof_s" "$prof_mb"
  done
  rm -f "$db"
done

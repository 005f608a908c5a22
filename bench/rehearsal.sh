#!/usr/bin/env bash
# A full rehearsal beside the baselines it competes with, measured in the
# same run (interleaved rounds, medians):
#   floor     - the raw-copy floor: every provider table piped as CSV from
#               `sqlite3 -csv` into `psql \copy` (all columns text), then each
#               table's primary key and an index on client_ref added;
#   pgloader  - pgloader (Debian's), SQLite -> PostgreSQL, every table;
#   ho-pg     - `handover rehearse` of mappings/leaving-care -> PostgreSQL;
#   ho-sqlite - the same -> a new SQLite file.
# The PostgreSQL server is a throwaway cluster of the test suite's kind
# (scripts/pg-cluster: loopback, fsync off), started and removed here.
#
#   bench/rehearsal.sh [people ...]      (default: 20000 200000)
# Environment: ROUNDS (default 3), RESULTS (default bench/RESULTS.md; set
# RESULTS=- to write no file), HANDOVER_BUILD_DIR (default build/).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${HANDOVER_BUILD_DIR:-$root/build}"
rounds="${ROUNDS:-3}"
results="${RESULTS:-$root/bench/RESULTS.md}"
sizes=("${@:-20000}")
[[ $# -eq 0 ]] && sizes=(20000 200000)

need() { command -v "$1" >/dev/null || missing+=("$2"); }
missing=()
need sqlite3 sqlite3; need pgloader pgloader; need psql postgresql-client
[[ -x /usr/bin/time ]] || missing+=(time)
if ((${#missing[@]})); then
  echo "installing ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
"$root/scripts/build" >/dev/null
handover="$build/cli/handover"

work="$(mktemp -d /var/tmp/handover-bench.XXXXXX)"
chmod 755 "$work"
cleanup() { "$root/scripts/pg-cluster" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
admin_url="$("$root/scripts/pg-cluster" start "$work/pg" 56432 | tail -1)"
pg_base="${admin_url%/*}"
export PGPASSWORD=handover-test-pw

# Runs a command under /usr/bin/time; prints "seconds peak_rss_mb" (the
# largest process of the command, children included).
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>&1 || {
    echo "failed: $*" >&2; tail -20 "$work/out" >&2; cat "$work/time" >&2; exit 1; }
  awk '{ printf "%s %.0f\n", $1, $2 / 1024 }' "$work/time"
}
# A new empty database $1; $2 "bytes" makes it SQL_ASCII, so the copies store
# the provider's legacy Windows-1252 bytes as they are, as a raw copy would.
fresh_db() {
  local create="CREATE DATABASE $1"
  [[ "${2:-}" = bytes ]] && create+=" ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0"
  psql -q "$admin_url" -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "$create" 2>&1 >/dev/null | grep -v NOTICE >&2 || true
}

# The raw-copy floor into database $2 of the SQLite provider $1.
raw_copy() {
  local source="$1" url="$pg_base/$2" table columns
  for table in $(sqlite3 "$source" "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"); do
    columns=$(sqlite3 "$source" "SELECT group_concat('\"' || name || '\" text', ', ') FROM pragma_table_info('$table')")
    psql -q "$url" -c "CREATE TABLE \"$table\" ($columns)" >/dev/null
    sqlite3 -csv "$source" "SELECT * FROM \"$table\"" | psql -q "$url" -c "\\copy \"$table\" FROM STDIN WITH (FORMAT csv)"
  done
  for table in $(sqlite3 "$source" "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"); do
    local key index
    key=$(sqlite3 "$source" "SELECT name FROM pragma_table_info('$table') WHERE pk = 1")
    if [[ -n "$key" ]]; then psql -q "$url" -c "ALTER TABLE \"$table\" ADD PRIMARY KEY (\"$key\")" >/dev/null; fi
    index=$(sqlite3 "$source" "SELECT count(*) FROM pragma_table_info('$table') WHERE name = 'client_ref'")
    if [[ "$index" = 1 ]]; then psql -q "$url" -c "CREATE INDEX ON \"$table\" (client_ref)" >/dev/null; fi
  done
}
export -f raw_copy
export pg_base

pgloader_load() {
  cat >"$work/load.pgl" <<EOF
LOAD DATABASE FROM sqlite://$1 INTO $pg_base/$2
WITH include drop, create tables, create indexes, reset sequences, workers = 2, concurrency = 1;
EOF
  pgloader --quiet "$work/load.pgl"
}
export -f pgloader_load
export work

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

machine="$(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB; $(psql -tA "$admin_url" -c 'SHOW server_version') PostgreSQL; $(pgloader --version 2>&1 | sed -n 1p); $(sqlite3 --version | cut -d' ' -f1) sqlite3"
report="$work/report.md"
{
  echo "# Rehearsal benchmark"
  echo
  echo "Run $(date -u +%Y-%m-%d) on $machine; handover $(git -C "$root" rev-parse --short HEAD)."
  echo "Each figure is the median of $rounds interleaved rounds; the ratio columns are medians of per-round ratios."
  echo
} >"$report"

for people in "${sizes[@]}"; do
  provider="$work/provider-$people.db"
  "$handover" generate --people "$people" --seed 1 --out "$provider" --answer-key "$work/key-$people.json" >/dev/null
  rows=$(for t in $(sqlite3 "$provider" "SELECT name FROM sqlite_master WHERE type = 'table'"); do
           sqlite3 "$provider" "SELECT count(*) FROM \"$t\""; done | paste -sd+ | bc)
  echo "== $people people: $rows source rows in 12 tables =="
  declare -A secs=() mb=()
  for ((round = 1; round <= rounds; round++)); do
    fresh_db floor_copy bytes
    read -r s m < <(measure bash -c "raw_copy '$provider' floor_copy")
    secs[floor]+="$s "; mb[floor]+="$m "
    fresh_db pgl_copy bytes
    read -r s m < <(measure bash -c "pgloader_load '$provider' pgl_copy")
    secs[pgloader]+="$s "; mb[pgloader]+="$m "
    # pgloader leaves a table at the first value it cannot decode (the
    # provider's Windows-1252 bytes) and still succeeds: count what it loaded.
    pgl_rows=$(for t in $(sqlite3 "$provider" "SELECT name FROM sqlite_master WHERE type = 'table'"); do
                 psql -tA "$pg_base/pgl_copy" -c "SELECT count(*) FROM \"$t\"" 2>/dev/null || echo 0; done | paste -sd+ | bc)
    # Each path starts on a quiet server: the copies go before handover runs,
    # or autovacuum would analyze their millions of rows beside it.
    psql -q "$admin_url" -c "DROP DATABASE floor_copy WITH (FORCE)" -c "DROP DATABASE pgl_copy WITH (FORCE)" \
      -c "CHECKPOINT" >/dev/null
    fresh_db council
    read -r s m < <(measure "$handover" rehearse --source "sqlite:$provider" --target "$pg_base/council" \
      --mappings "$root/mappings/leaving-care" --param cutover=2018-10-01 --out "$work/reports-pg")
    secs[ho-pg]+="$s "; mb[ho-pg]+="$m "
    rm -f "$work/council.db"
    read -r s m < <(measure "$handover" rehearse --source "sqlite:$provider" --target "sqlite:$work/council.db" \
      --mappings "$root/mappings/leaving-care" --param cutover=2018-10-01 --out "$work/reports-sqlite")
    secs[ho-sqlite]+="$s "; mb[ho-sqlite]+="$m "
    printf "round %d:" "$round"
    for p in floor pgloader ho-pg ho-sqlite; do
      set -- ${secs[$p]}; shift $((round - 1)); printf " %s %ss" "$p" "$1"
    done
    echo
  done
  # Per-round ratios.
  ratio() { paste -d' ' <(tr ' ' '\n' <<<"${secs[$1]}" | sed '/^$/d') <(tr ' ' '\n' <<<"${secs[$2]}" | sed '/^$/d') |
            awk '{ printf "%.2f\n", $1 / $2 }' | median; }
  pg_floor=$(ratio ho-pg floor); sqlite_pgl=$(ratio pgloader ho-sqlite); pg_pgl=$(ratio pgloader ho-pg)
  {
    echo "## $people people ($rows source rows, 12 tables)"
    echo
    echo "| path | median s | peak RSS MB (max of rounds) | ratio |"
    echo "|---|---|---|---|"
    for p in floor pgloader ho-pg ho-sqlite; do
      s=$(tr ' ' '\n' <<<"${secs[$p]}" | sed '/^$/d' | median)
      m=$(tr ' ' '\n' <<<"${mb[$p]}" | sed '/^$/d' | sort -n | tail -1)
      case $p in
        floor) name="raw-copy floor: sqlite3 -csv into psql \\copy, keys added"; r="1.00× floor" ;;
        pgloader) name="pgloader, SQLite → PostgreSQL (loaded $pgl_rows of $rows rows)"; r="" ;;
        ho-pg) name="handover rehearse → PostgreSQL"; r="${pg_floor}× the floor; pgloader/handover ${pg_pgl}" ;;
        ho-sqlite) name="handover rehearse → SQLite"; r="pgloader/handover ${sqlite_pgl}" ;;
      esac
      echo "| $name | $s | $m | $r |"
    done
    echo
    echo "Per round (s): $(for p in floor pgloader ho-pg ho-sqlite; do printf "%s: %s; " "$p" "${secs[$p]% }"; done)"
    echo
  } | tee -a "$report"
  unset secs mb
  rm -f "$provider"
done
if [[ "$results" != - ]]; then cp "$report" "$results"; echo "written to $results"; fi

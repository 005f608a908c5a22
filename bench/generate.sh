#!/usr/bin/env bash
# Generation time and peak memory for 20k and 200k people, side by side.
#   bench/generate.sh [build-dir]       (default: build)
# Set PG_ADMIN_URL=postgresql://user:pw@host:port/db to also time writing
# into PostgreSQL: the script creates a scratch database beside that one
# (with psql), generates into it, and drops it at the end.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
HANDOVER_BUILD_DIR="$build" "$root/scripts/build" >/dev/null
if [[ ! -x /usr/bin/time ]]; then
  echo "needs /usr/bin/time: apt-get install -y time" >&2
  exit 2
fi
work="$(mktemp -d)"
scratch=""
cleanup() {
  rm -rf "$work"
  if [[ -n "$scratch" ]]; then
    psql "$PG_ADMIN_URL" -qc "DROP DATABASE IF EXISTS $scratch WITH (FORCE)" >/dev/null
  fi
}
trap cleanup EXIT

# Runs one generation; prints "seconds peak_rss_mb rows".
measure() {
  local people="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" \
    "$build/cli/handover" generate --people "$people" --seed 1 --force "$@" > "$work/out.txt"
  local rows
  rows="$(sed -n 's/.*total \([0-9]*\).*/\1/p' "$work/out.txt")"
  awk -v rows="$rows" '{ printf "%8.1f s %8.0f MB %10d rows\n", $1, $2 / 1024, rows }' "$work/time.txt"
}

printf '%-28s %10s %11s %15s\n' "target" "people" "time" "peak RSS / rows"
for people in 20000 200000; do
  printf '%-28s %10d ' "sqlite file" "$people"
  measure "$people" --out "$work/provider.db" --answer-key "$work/key.json"
  rm -f "$work/provider.db"
done
if [[ -n "${PG_ADMIN_URL:-}" ]]; then
  scratch="handover_bench_$$"
  psql "$PG_ADMIN_URL" -qc "CREATE DATABASE $scratch" >/dev/null
  target="${PG_ADMIN_URL%/*}/$scratch"
  for people in 20000 200000; do
    printf '%-28s %10d ' "postgresql (COPY)" "$people"
    measure "$people" --target "$target" --answer-key "$work/key.json"
  done
fi

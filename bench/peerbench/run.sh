#!/usr/bin/env bash
# tradegraph next to raw SQL and PostGraphile v4 on peerbench's 10 M BACI-shaped flows (issue #9).
#
#   bash bench/peerbench/run.sh [peerbench run-paged.sh options…]   e.g. --only Q1,Q1-HHI  --no-load
#
# Steps (each skipped when already done): peerbench's cluster (setup.sh, 127.0.0.1:55432) and
# PostGraphile (peer.sh); the table exported as a BACI file (export-baci.sh); a database `tradegraph` in
# the same cluster, migrated, with the reference data, the HS nomenclature and that file imported by
# `npm run import -- baci` (stages printed); a production build of tradegraph started on TG_PORT (default
# 4700) over it; then peerbench's run-paged.sh with this folder's query files as the `tradegraph` column.
# Results land in the peerbench folder's results/<UTC time>/ (table.md, results.json).
#
# Environment: PEERBENCH (default ../shared/tools/peerbench from the project root), TG_PORT,
# PB_SHARED_DATA (default ../shared/data), RESPONSE_CACHE_BYTES (passed to the server; 0 turns the response
# cache off, so that every repeated request is computed again: the figures of misses).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
here="$root/bench/peerbench"
pb=${PEERBENCH:-$root/../shared/tools/peerbench}
export PB_SHARED_DATA=${PB_SHARED_DATA:-$root/../shared/data}
port=${TG_PORT:-4700}
db_url=postgres://postgres@127.0.0.1:55432/tradegraph
csv=/tmp/peerbench/baci_peer.csv
log() { printf '[tradegraph-peerbench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

[ -d "$pb" ] || { echo "peerbench not found at $pb (set PEERBENCH)" >&2; exit 2; }
(cd "$pb" && ./setup.sh && ./peer.sh)
[ -s "$csv" ] || (cd "$pb" && ./export-baci.sh "$csv")

cd "$root"
if ! psql -h 127.0.0.1 -p 55432 -U postgres -Atc "select 1 from dataset where name = 'peerbench'" tradegraph 2>/dev/null | grep -q 1; then
  log "loading the 10 M rows into $db_url"
  psql -h 127.0.0.1 -p 55432 -U postgres -qc 'drop database if exists tradegraph' -c 'create database tradegraph' postgres
  export DATABASE_URL=$db_url
  npm run -s migrate
  npm run -s seed -- reference
  npm run -s import -- hs "$PB_SHARED_DATA/reference/hs2022-nomenclature.csv"
  /usr/bin/time -f 'import: %e s wall, peak RSS %M kB' \
    npm run -s import -- baci "$csv" --countries "$PB_SHARED_DATA/trade/BACI_country_codes_V202301.csv" --dataset peerbench --version N10M
  psql -h 127.0.0.1 -p 55432 -U postgres -qc 'vacuum analyze' tradegraph
  unset DATABASE_URL
else
  DATABASE_URL=$db_url npm run -s migrate
fi

npm run -s build
log "starting tradegraph on 127.0.0.1:$port"
DATABASE_URL=$db_url PORT=$port HOST=127.0.0.1 NODE_ENV=production LOG_LEVEL=warn ANONYMOUS_ROLE=reader \
  RATE_LIMIT_POINTS=1000000000 RATE_LIMIT_WINDOW_S=1 RESPONSE_CACHE_BYTES=${RESPONSE_CACHE_BYTES:-67108864} node dist/src/main.js > /tmp/peerbench/tradegraph.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf -H 'content-type: application/json' -d '{"query":"{ __typename }"}' "http://127.0.0.1:$port/graphql" >/dev/null && break
  sleep 0.5
done
uptime
(cd "$pb" && ./run-paged.sh --server "tradegraph|http://127.0.0.1:$port/graphql|$here" "$@")
uptime

#!/usr/bin/env bash
# run.sh — issue 8's reliability measurements of tradegraph on the 1 M-flow demo in PostgreSQL,
# in one command.
#
#   bench/reliability/run.sh [--quick] [--no-build] [--commit REV] [STEP…]
#
# STEP: fuzz | fuzz-noguard | audit | load | fault | abuse | all (default: all, in that order).
# It builds (npm run build), makes sure the rig's own cluster (cluster.sh, 127.0.0.1:55440) is up with
# the 1 M-flow demo (loads it the first time), starts `node dist/src/main.js` against it
# (PORT=4100, HOST=127.0.0.1, ANONYMOUS_ROLE=reader, LOG_LEVEL=warn), waits for /health, runs the
# steps, stops the server with SIGTERM (and checks that it exits 0), and prints a summary table.
# Every step prints `uptime` and the server's RSS at its start and end; a server that died in a step
# is restarted (and reported) before the next one. Results: /tmp/tg-reliability/results/<UTC time>/.
#
# --quick: the dry-run sizes (fuzz 2,000 and 1,000 requests, load 10 s, fault 20 s, abuse ×50).
# --commit REV: measure a commit instead of the working tree: `git archive REV` into
#   /tmp/tg-reliability/build/<sha> (node_modules linked from the project), built and run there; the
#   project's tree and its dist/ are not touched. Default: the working tree (npm run build in the project).
# The server starts with MIGRATE_ON_START=true: the rig's cluster gets any migration the code brings.
# Sizes (environment; defaults are issue 8's figures):
#   FUZZ_REQUESTS=100000  FUZZ_NOGUARD_REQUESTS=20000  FUZZ_MAX_SECONDS (requests/20 + 600)  RSS_SAMPLE_S=2
#   LOAD_CONNECTIONS=50  LOAD_DURATION=60  LOAD_WARMUP=5
#   FAULT_DURATION=40  FAULT_RESTART_AT=10  FAULT_RATE=100  FAULT_OUTAGE_S=5  PROBE_RATE=20
#   ABUSE_REPEAT=200  ABUSE_BASELINE_S=10  ABUSE_CONCURRENCY=4  ABUSE_PHASE_MAX_S=60
#   TG_REL_PORT=4100  TG_REL_SERVER_ENV='NAME=value …' (extra server environment)
#   TG_REL_RATE_LIMIT_POINTS=1000000000 (the rig is one client: see below; empty = the server's default)
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$HERE/lib/common.sh"

QUICK=0
BUILD=1
COMMIT=
STEPS=()
while [ $# -gt 0 ]; do
  a=$1; shift
  case "$a" in
    --quick) QUICK=1 ;;
    --no-build) BUILD=0 ;;   # reuse dist/ when there is one
    --commit) COMMIT=${1:?--commit needs a git revision}; shift ;;
    all) STEPS+=(fuzz fuzz-noguard audit load fault abuse) ;;
    fuzz|fuzz-noguard|audit|load|fault|abuse) STEPS+=("$a") ;;
    -h|--help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$a' (steps: fuzz fuzz-noguard audit load fault abuse all)" >&2; exit 2 ;;
  esac
done
[ ${#STEPS[@]} -gt 0 ] || STEPS=(fuzz fuzz-noguard audit load fault abuse)

if [ $QUICK = 1 ]; then
  : "${FUZZ_REQUESTS:=2000}" "${FUZZ_NOGUARD_REQUESTS:=1000}" "${LOAD_DURATION:=10}" "${LOAD_WARMUP:=3}"
  : "${FAULT_DURATION:=20}" "${FAULT_RESTART_AT:=5}" "${ABUSE_REPEAT:=50}" "${ABUSE_BASELINE_S:=5}"
fi
FUZZ_REQUESTS=${FUZZ_REQUESTS:-100000}
FUZZ_NOGUARD_REQUESTS=${FUZZ_NOGUARD_REQUESTS:-20000}
RSS_SAMPLE_S=${RSS_SAMPLE_S:-2}
LOAD_CONNECTIONS=${LOAD_CONNECTIONS:-50}
LOAD_DURATION=${LOAD_DURATION:-60}
LOAD_WARMUP=${LOAD_WARMUP:-5}
FAULT_DURATION=${FAULT_DURATION:-40}
FAULT_RESTART_AT=${FAULT_RESTART_AT:-10}
FAULT_RATE=${FAULT_RATE:-100}
FAULT_OUTAGE_S=${FAULT_OUTAGE_S:-5}
PROBE_RATE=${PROBE_RATE:-20}
ABUSE_REPEAT=${ABUSE_REPEAT:-200}
ABUSE_BASELINE_S=${ABUSE_BASELINE_S:-10}
ABUSE_CONCURRENCY=${ABUSE_CONCURRENCY:-4}
ABUSE_PHASE_MAX_S=${ABUSE_PHASE_MAX_S:-60}
TG_REL_PORT=${TG_REL_PORT:-4100}
TG_REL_SERVER_ENV=${TG_REL_SERVER_ENV:-}
# Every request of the rig comes from one client (127.0.0.1): with the default per-client budget
# (RATE_LIMIT_POINTS=200000 cost points a minute) the fuzz, load and fault steps would measure the
# rate limiter after a few hundred requests (429 RATE_LIMITED, even for { __typename }). The rig
# raises it to the largest value the server accepts; TG_REL_RATE_LIMIT_POINTS= (empty) keeps the default.
TG_REL_RATE_LIMIT_POINTS=${TG_REL_RATE_LIMIT_POINTS-1000000000}
URL=http://127.0.0.1:$TG_REL_PORT/graphql
REL_TOOLS=$TG_TOOLS/reliability
AUDIT_DIR=/tmp/http-audit

RES=$TG_REL_HOME/results/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RES"
exec > >(tee -a "$RES/run.log") 2>&1
STEPS_TSV=$RES/steps.tsv
printf 'step\trc\tstarted\tended\tseconds\tpid\trss_start_mb\trss_end_mb\talive_after\tuptime_start\tuptime_end\n' >"$STEPS_TSV"

SERVER_PID=
SERVER_N=0
SAMPLER_PID=
rss_mb() { awk '/^VmRSS:/ {printf "%d", $2/1024}' "/proc/$1/status" 2>/dev/null; }
hwm_mb() { awk '/^VmHWM:/ {printf "%d", $2/1024}' "/proc/$1/status" 2>/dev/null; }
alive() {  # running, and not a zombie waiting for us to reap it
  [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null || return 1
  local st; st=$(sed 's/.*) //' "/proc/$SERVER_PID/stat" 2>/dev/null | cut -d' ' -f1)
  [ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ]
}

# ---------------------------------------------------------------- server
start_server() {
  SERVER_N=$((SERVER_N + 1))
  local log=$RES/server-$SERVER_N.log
  if ss -ltn 2>/dev/null | awk '{print $4}' | grep -q ":$TG_REL_PORT\$"; then
    rdie "port $TG_REL_PORT is already in use (another server?); set TG_REL_PORT"
  fi
  rlog "starting the server #$SERVER_N: node dist/src/main.js in $SERVER_ROOT on $URL (log $log)"
  # shellcheck disable=SC2086
  (cd "$SERVER_ROOT" && exec env DATABASE_URL="$TG_REL_DB_URL" PORT="$TG_REL_PORT" HOST=127.0.0.1 ANONYMOUS_ROLE=reader LOG_LEVEL=warn \
      MIGRATE_ON_START=true SEED_DEMO_WHEN_EMPTY=false RATE_LIMIT_POINTS="$TG_REL_RATE_LIMIT_POINTS" \
      $TG_REL_SERVER_ENV node dist/src/main.js >"$log" 2>&1) &
  SERVER_PID=$!
  local i
  for i in $(seq 1 120); do
    if curl -fsS -m 2 "http://127.0.0.1:$TG_REL_PORT/health" >/dev/null 2>&1; then
      rlog "server up (pid $SERVER_PID) after $((i / 2)) s: $(curl -sS -m 2 "http://127.0.0.1:$TG_REL_PORT/health"); RSS $(rss_mb "$SERVER_PID") MB"
      echo "$SERVER_PID" >"$RES/server-$SERVER_N.pid"
      return 0
    fi
    alive || { tail -30 "$log" >&2; rdie "the server exited during start-up"; }
    sleep 0.5
  done
  rdie "no /health answer within 60 s (log $log)"
}

STOP_RC=
stop_server() {  # stop_server [no-record]: SIGTERM, 25 s, SIGKILL; the exit code goes to server-stop.tsv
  alive || return 0
  rlog "stopping the server (SIGTERM to pid $SERVER_PID)"
  local t0=$SECONDS
  kill -TERM "$SERVER_PID"
  local i
  for i in $(seq 1 100); do alive || break; sleep 0.25; done
  if alive; then
    rlog "pid $SERVER_PID still running 25 s after SIGTERM: SIGKILL"
    kill -KILL "$SERVER_PID"
  fi
  wait "$SERVER_PID" 2>/dev/null
  STOP_RC=$?
  rlog "server exited with code $STOP_RC $((SECONDS - t0)) s after SIGTERM"
  [ "${1:-}" = no-record ] || printf 'pid\t%s\nexit_code\t%s\nseconds\t%s\n' "$SERVER_PID" "$STOP_RC" "$((SECONDS - t0))" >"$RES/server-stop.tsv"
  SERVER_PID=
}

healthy() { curl -fsS -m 5 "http://127.0.0.1:$TG_REL_PORT/health" >/dev/null 2>&1; }

ensure_server() {  # before each step: a live server that answers /health (else record why, and start a new one)
  local after=${LAST_STEP:-start-up}
  if alive && ! { healthy || { sleep 2; healthy; } || { sleep 2; healthy; }; }; then
    rlog "the server (pid $SERVER_PID) is alive but does not answer /health after $after (RSS $(rss_mb "$SERVER_PID") MB): stopping it"
    printf '%s\t%s\t%s\n' "$SERVER_PID" "hung (no /health answer; killed)" "$after" >>"$RES/server-deaths.tsv"
    stop_server no-record
  fi
  if ! alive; then
    if [ -n "$SERVER_PID" ]; then
      wait "$SERVER_PID" 2>/dev/null
      local rc=$?
      rlog "the server (pid $SERVER_PID) is GONE after $after (exit code $rc); last lines of its log:"
      tail -15 "$RES/server-$SERVER_N.log" >&2
      printf '%s\t%s\t%s\n' "$SERVER_PID" "exit code $rc" "$after" >>"$RES/server-deaths.tsv"
      SERVER_PID=
    fi
    start_server
  fi
}

cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null
  stop_server
  # the fault step may have been interrupted while the cluster was down: bring it back
  pg_running || "$HERE/cluster.sh" start >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'rlog "interrupted"; exit 130' INT TERM

# ---------------------------------------------------------------- steps
CURRENT_STEP=
LAST_STEP=
STEP_T0=
STEP_UP0=
STEP_RSS0=
step_begin() {
  CURRENT_STEP=$1
  ensure_server
  STEP_T0=$(date -u +%FT%TZ)
  STEP_UP0=$(uptime)
  STEP_RSS0=$(rss_mb "$SERVER_PID")
  STEP_S0=$SECONDS
  echo
  rlog "======== $1 ========"
  rlog "uptime at start: $STEP_UP0"
  rlog "server pid $SERVER_PID, RSS at start $STEP_RSS0 MB"
}
step_end() {  # step_end NAME RC
  local up1 rss1 alive_after=yes
  LAST_STEP=$1
  up1=$(uptime)
  if alive; then rss1=$(rss_mb "$SERVER_PID"); else rss1=; alive_after=no; fi
  rlog "uptime at end:   $up1"
  if [ "$alive_after" = yes ]; then
    rlog "$1: exit code $2; server pid $SERVER_PID alive, RSS at end $rss1 MB (VmHWM, its peak since it started: $(hwm_mb "$SERVER_PID") MB)"
  else
    rlog "$1: exit code $2; THE SERVER PROCESS (pid $SERVER_PID) IS GONE"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$STEP_T0" "$(date -u +%FT%TZ)" "$((SECONDS - STEP_S0))" "$SERVER_PID" \
    "$STEP_RSS0" "$rss1" "$alive_after" "$STEP_UP0" "$up1" >>"$STEPS_TSV"
}

rss_sampler() {  # rss_sampler FILE: VmRSS of the server every RSS_SAMPLE_S s; ends with the process (at most 24 h)
  local pid=$SERVER_PID out=$1 n=0 max=$((86400 / RSS_SAMPLE_S))
  ( while [ $n -lt $max ] && kill -0 "$pid" 2>/dev/null; do
      printf '%s\t%s\n' "$(date +%s)" "$(awk '/^VmRSS:/ {print int($2/1024)}' "/proc/$pid/status" 2>/dev/null)"
      n=$((n + 1)); sleep "$RSS_SAMPLE_S"
    done ) >"$out" &
  SAMPLER_PID=$!
}

run_fuzz() {  # run_fuzz NAME REQUESTS [extra fuzz options…]
  local name=$1 n=$2; shift 2
  local max=${FUZZ_MAX_SECONDS:-$((n / 20 + 600))}
  step_begin "$name"
  rss_sampler "$RES/$name-rss.tsv"
  (cd "$REL_TOOLS" && node fuzz.mjs "$URL" --requests "$n" --server-pid "$SERVER_PID" --max-seconds "$max" --out "$RES/$name.json" "$@") \
    >"$RES/$name.txt" 2>&1
  local rc=$?
  kill "$SAMPLER_PID" 2>/dev/null; wait "$SAMPLER_PID" 2>/dev/null; SAMPLER_PID=
  grep -v '^\[fuzz' "$RES/$name.txt" | sed -n '1,16p'
  grep -E '^health checks|^(PASS|FAIL|INCOMPLETE)|^first ' "$RES/$name.txt"
  rlog "RSS sampled every ${RSS_SAMPLE_S} s: peak $(cut -f2 "$RES/$name-rss.tsv" | sort -n | tail -1) MB ($(wc -l <"$RES/$name-rss.tsv") samples)"
  step_end "$name" $rc
}

step_audit() {
  step_begin audit
  if [ ! -d "$AUDIT_DIR/node_modules/graphql-http" ] || ! cmp -s "$TG_TOOLS/http-audit/audit.mjs" "$AUDIT_DIR/audit.mjs" \
     || ! cmp -s "$TG_TOOLS/http-audit/package.json" "$AUDIT_DIR/package.json"; then
    rlog "installing http-audit into $AUDIT_DIR (as its README says: copy the folder, npm install there once)"
    mkdir -p "$AUDIT_DIR"
    cp "$TG_TOOLS/http-audit/audit.mjs" "$TG_TOOLS/http-audit/package.json" "$AUDIT_DIR/"
    (cd "$AUDIT_DIR" && npm install --no-audit --no-fund --loglevel=error) || rlog "npm install failed in $AUDIT_DIR"
  fi
  (cd "$AUDIT_DIR" && timeout 300 node audit.mjs "$URL") >"$RES/audit.txt" 2>&1
  local rc=$?
  cat "$RES/audit.txt"
  step_end audit $rc
}

step_load() {
  local q rc all=0
  for q in lookup import-concentration; do
    step_begin "load-$q"
    "$REL_TOOLS/load.sh" "$URL" "$HERE/queries/$q.json" --connections "$LOAD_CONNECTIONS" --duration "$LOAD_DURATION" \
      --warmup "$LOAD_WARMUP" --out "$RES/load-$q.json" >"$RES/load-$q.txt" 2>&1
    rc=$?
    cat "$RES/load-$q.txt"
    step_end "load-$q" $rc
  done
}

fault_once() {  # fault_once NAME 'PG COMMAND'
  local name=$1 cmd=$2 rc probe_pid
  step_begin "$name"
  node "$HERE/lib/codes-probe.mjs" "$URL" --query "$HERE/queries/fault-query.json" --rate "$PROBE_RATE" \
    --duration $((FAULT_DURATION + 2)) --out "$RES/$name-codes.json" >"$RES/$name-codes.txt" 2>&1 &
  probe_pid=$!
  "$REL_TOOLS/fault.sh" "$URL" --query "$HERE/queries/fault-query.json" --server-pid "$SERVER_PID" \
    --pg-ctl "$cmd" --pg-ready "$(pg_ready_cmd)" --rate "$FAULT_RATE" --duration "$FAULT_DURATION" \
    --restart-at "$FAULT_RESTART_AT" --out "$RES/$name.json" >"$RES/$name.txt" 2>&1
  rc=$?
  wait "$probe_pid"
  cat "$RES/$name.txt" "$RES/$name-codes.txt"
  # whatever happened, the cluster must be up for what follows
  pg_running || { rlog "the cluster is down after $name: starting it"; "$HERE/cluster.sh" start; }
  step_end "$name" $rc
}

step_fault() {
  local pgc
  pgc=$(pg_ctl_cmd)
  fault_once fault-restart "$pgc -m fast -w restart"
  sleep 2
  fault_once fault-outage "$pgc -m fast -w stop && sleep $FAULT_OUTAGE_S && $pgc -w start"
}

step_abuse() {
  step_begin abuse
  node "$HERE/abuse.mjs" "$URL" --repeat "$ABUSE_REPEAT" --baseline-seconds "$ABUSE_BASELINE_S" \
    --cheap-concurrency "$ABUSE_CONCURRENCY" --phase-max-seconds "$ABUSE_PHASE_MAX_S" --server-pid "$SERVER_PID" --out "$RES/abuse.json" >"$RES/abuse.txt" 2>&1
  local rc=$?
  grep -v '^\[abuse' "$RES/abuse.txt"
  step_end abuse $rc
}

# ---------------------------------------------------------------- main
rlog "results: $RES"
rlog "steps: ${STEPS[*]}$([ $QUICK = 1 ] && echo ' (--quick sizes)')"
{
  echo "started	$(date -u +%FT%TZ)"
  echo "steps	${STEPS[*]}"
  echo "quick	$QUICK"
  echo "head	$(git -C "$TG_REL_ROOT" rev-parse --short=12 HEAD) $(git -C "$TG_REL_ROOT" log -1 --format=%s | cut -c1-80)"
  echo "uncommitted_src_files	$(git -C "$TG_REL_ROOT" status --porcelain -- src | wc -l)"
  echo "node	$(node --version)"
  echo "postgres	$("$PGBIN/postgres" --version)"
  echo "machine	$(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB"
  echo "sizes	fuzz=$FUZZ_REQUESTS fuzz_noguard=$FUZZ_NOGUARD_REQUESTS load=${LOAD_CONNECTIONS}x${LOAD_DURATION}s fault=${FAULT_DURATION}s@${FAULT_RATE}/s abuse=x$ABUSE_REPEAT"
  echo "server_env	${TG_REL_RATE_LIMIT_POINTS:+RATE_LIMIT_POINTS=$TG_REL_RATE_LIMIT_POINTS }$TG_REL_SERVER_ENV"
} >"$RES/meta.tsv"
rlog "uptime: $(uptime)"

SERVER_ROOT=$TG_REL_ROOT
if [ -n "$COMMIT" ]; then
  sha=$(git -C "$TG_REL_ROOT" rev-parse --verify "$COMMIT^{commit}") || rdie "no such commit: $COMMIT"
  SERVER_ROOT=$TG_REL_HOME/build/${sha:0:12}
  if [ ! -f "$SERVER_ROOT/package.json" ]; then
    rlog "snapshot of $COMMIT (${sha:0:12}) into $SERVER_ROOT"
    mkdir -p "$SERVER_ROOT"
    git -C "$TG_REL_ROOT" archive "$sha" | tar -x -C "$SERVER_ROOT" || rdie "git archive failed"
    ln -sfn "$TG_REL_ROOT/node_modules" "$SERVER_ROOT/node_modules"
  fi
  echo "source	commit ${sha:0:12} (snapshot in $SERVER_ROOT)" >>"$RES/meta.tsv"
else
  echo "source	working tree of $TG_REL_ROOT" >>"$RES/meta.tsv"
fi
if [ $BUILD = 1 ] || [ ! -f "$SERVER_ROOT/dist/src/main.js" ]; then
  rlog "npm run build (in $SERVER_ROOT)"
  (cd "$SERVER_ROOT" && npm run -s build) >"$RES/build.log" 2>&1 || { cat "$RES/build.log"; rdie "the build failed"; }
fi
[ -f "$SERVER_ROOT/dist/src/main.js" ] || rdie "the build wrote no $SERVER_ROOT/dist/src/main.js"

"$HERE/cluster.sh" start
flows=$(rpsql -d "$TG_REL_DB" -At -c "select count(*) from trade_flow" 2>/dev/null || echo 0)
if [ "$flows" != "$TG_REL_FLOWS" ]; then
  rlog "the rig's database has ${flows:-no} flows, not $TG_REL_FLOWS: loading the demo (cluster.sh load-demo)"
  "$HERE/cluster.sh" load-demo || rdie "loading the demo failed"
  flows=$(rpsql -d "$TG_REL_DB" -At -c "select count(*) from trade_flow")
fi
echo "flows	$flows" >>"$RES/meta.tsv"
rlog "database $TG_REL_DB_URL: $flows trade flows"

start_server
for s in "${STEPS[@]}"; do
  case $s in
    fuzz) run_fuzz fuzz "$FUZZ_REQUESTS" ;;
    fuzz-noguard) run_fuzz fuzz-noguard "$FUZZ_NOGUARD_REQUESTS" --no-guard ;;
    audit) step_audit ;;
    load) step_load ;;
    fault) step_fault ;;
    abuse) step_abuse ;;
  esac
done
CURRENT_STEP=end
alive || rlog "the server is gone after the last step: restarting it only to check its SIGTERM exit"
ensure_server
stop_server
echo
node "$HERE/lib/summary.mjs" "$RES"

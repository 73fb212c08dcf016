#!/usr/bin/env bash
# cluster.sh — the reliability rig's own throwaway PostgreSQL 15 cluster, never the shared one.
#
#   cluster.sh start       initdb /tmp/tg-reliability/pgdata if needed, start it on 127.0.0.1:55440
#   cluster.sh load-demo   start, create database `tradegraph`, apply the migrations and load the
#                          reference data + the 1 M-flow demo with the project's own commands
#                          (npm run migrate -- up; npm run seed -- demo --flows 1000000); a demo
#                          already loaded is left as it is (the seed is idempotent), so re-runs are quick
#   cluster.sh status      running or not, databases, flows loaded
#   cluster.sh stop        pg_ctl -m fast stop (the data stays: `start` brings it back without a reload)
#   cluster.sh purge       stop, then delete the data directory and run.sh's --commit builds
#                          (results/ and logs stay)
#
# Durability is OFF in this cluster (fsync, synchronous_commit, full_page_writes, wal_level
# minimal): it only speeds up the load and the restarts of the fault test; the measurements are
# read-only. A crash of the machine can corrupt it: `purge` + `load-demo` rebuilds it (~minutes).
# Environment: TG_REL_HOME (/tmp/tg-reliability), TG_REL_PGPORT (55440), TG_REL_FLOWS (1000000), PGBIN.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

conf_wanted() {
  cat <<EOF
# written by bench/reliability/cluster.sh — edits are overwritten
port = $TG_REL_PGPORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$TG_REL_PGDATA'
max_connections = 100
shared_buffers = 1GB
effective_cache_size = 8GB
work_mem = 32MB
maintenance_work_mem = 512MB
random_page_cost = 1.1
# benchmark cluster: no durability (see cluster.sh)
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = minimal
max_wal_senders = 0
max_wal_size = 4GB
checkpoint_timeout = 30min
log_min_messages = warning
log_line_prefix = '%m [%p] '
EOF
}

start() {
  [ -x "$PGBIN/postgres" ] || rdie "PostgreSQL binaries not found in PGBIN=$PGBIN"
  mkdir -p "$TG_REL_HOME"
  if [ ! -f "$TG_REL_PGDATA/PG_VERSION" ]; then
    rlog "initdb $TG_REL_PGDATA (PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}'), locale C, UTF8, trust auth on loopback)"
    mkdir -p "$TG_REL_PGDATA"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$TG_REL_PGDATA"
    chmod 700 "$TG_REL_PGDATA"
    as_pg "$PGBIN/initdb" -D "$TG_REL_PGDATA" -U postgres --auth=trust --locale=C --encoding=UTF8 \
      >"$TG_REL_HOME/initdb.log" 2>&1 || { cat "$TG_REL_HOME/initdb.log" >&2; rdie "initdb failed"; }
    echo "include 'reliability.conf'" | as_pg tee -a "$TG_REL_PGDATA/postgresql.conf" >/dev/null
  fi
  touch "$TG_REL_PGLOG"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$TG_REL_PGLOG"
  local changed=0
  if ! conf_wanted | cmp -s - "$TG_REL_PGDATA/reliability.conf"; then
    conf_wanted | as_pg tee "$TG_REL_PGDATA/reliability.conf" >/dev/null
    changed=1
  fi
  if pg_running; then
    if [ $changed = 1 ]; then
      rlog "settings changed: restarting the rig's cluster"
      as_pg "$PGBIN/pg_ctl" -D "$TG_REL_PGDATA" -l "$TG_REL_PGLOG" -m fast -w -t 60 restart >/dev/null
    else
      rlog "cluster already running on 127.0.0.1:$TG_REL_PGPORT"
    fi
  else
    if ss -ltn 2>/dev/null | awk '{print $4}' | grep -q ":$TG_REL_PGPORT\$"; then
      rdie "port $TG_REL_PGPORT is taken by another process"
    fi
    rlog "starting the cluster on 127.0.0.1:$TG_REL_PGPORT (log $TG_REL_PGLOG)"
    as_pg "$PGBIN/pg_ctl" -D "$TG_REL_PGDATA" -l "$TG_REL_PGLOG" -w -t 60 start >/dev/null \
      || { tail -20 "$TG_REL_PGLOG" >&2; rdie "pg_ctl start failed"; }
  fi
  "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$TG_REL_PGPORT" || rdie "the cluster does not accept connections"
}

stop() {
  if pg_running; then
    rlog "stopping the rig's cluster ($TG_REL_PGDATA)"
    as_pg "$PGBIN/pg_ctl" -D "$TG_REL_PGDATA" -m fast -w -t 60 stop >/dev/null
  else
    rlog "the rig's cluster is not running"
  fi
}

load_demo() {
  start
  if ! rpsql -d postgres -At -c "select 1 from pg_database where datname = '$TG_REL_DB'" | grep -q 1; then
    rlog "creating database $TG_REL_DB"
    rpsql -d postgres -c "create database $TG_REL_DB"
  fi
  cd "$TG_REL_ROOT"
  export DATABASE_URL=$TG_REL_DB_URL
  local t0=$SECONDS
  rlog "npm run migrate -- up  (DATABASE_URL=$DATABASE_URL)"
  npm run -s migrate -- up
  rlog "npm run seed -- demo --flows $TG_REL_FLOWS  (reference data, then the demo; nothing to do when already loaded)"
  npm run -s seed -- demo --flows "$TG_REL_FLOWS"
  rlog "loaded in $((SECONDS - t0)) s; trade_flow rows: $(rpsql -d "$TG_REL_DB" -At -c 'select count(*) from trade_flow')"
  rpsql -d "$TG_REL_DB" -At -F ' | ' -c "select id, kind, name, version, row_count from dataset order by id" 2>/dev/null \
    || rpsql -d "$TG_REL_DB" -c "select * from dataset" || true
}

status() {
  if pg_running; then
    echo "cluster: running on 127.0.0.1:$TG_REL_PGPORT, data $TG_REL_PGDATA ($(du -sh "$TG_REL_PGDATA" 2>/dev/null | cut -f1))"
    rpsql -d postgres -At -c "select datname from pg_database where not datistemplate" | sed 's/^/  database: /'
    if rpsql -d postgres -At -c "select 1 from pg_database where datname = '$TG_REL_DB'" | grep -q 1; then
      echo "  $TG_REL_DB: trade_flow rows $(rpsql -d "$TG_REL_DB" -At -c 'select count(*) from trade_flow' 2>/dev/null || echo '(no table)')"
    fi
  elif [ -f "$TG_REL_PGDATA/PG_VERSION" ]; then
    echo "cluster: stopped (data in $TG_REL_PGDATA; 'cluster.sh start' brings it back)"
  else
    echo "cluster: none (run 'cluster.sh load-demo')"
  fi
}

purge() {
  stop
  if [ -d "$TG_REL_PGDATA" ]; then
    rlog "removing $TG_REL_PGDATA"
    rm -rf -- "$TG_REL_PGDATA"
  fi
  if [ -d "$TG_REL_HOME/build" ]; then
    rlog "removing $TG_REL_HOME/build (run.sh --commit snapshots)"
    rm -rf -- "$TG_REL_HOME/build"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  purge|--purge) purge ;;
  load-demo) load_demo ;;
  status) status ;;
  url) echo "$TG_REL_DB_URL" ;;
  *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac

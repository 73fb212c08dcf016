# Shared settings of the reliability rig (sourced by cluster.sh and run.sh, never run).
# Every value can be overridden from the environment, except that the rig refuses the
# machine's shared PostgreSQL port (5432): it only ever starts, stops or kills its own cluster.

TG_REL_DIR=${TG_REL_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}   # bench/reliability
TG_REL_ROOT=${TG_REL_ROOT:-$(cd "$TG_REL_DIR/../.." && pwd)}                  # the project
TG_REL_HOME=${TG_REL_HOME:-/tmp/tg-reliability}     # scratch: cluster, logs, results
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
TG_REL_PGDATA=${TG_REL_PGDATA:-$TG_REL_HOME/pgdata}
TG_REL_PGPORT=${TG_REL_PGPORT:-55440}
TG_REL_PGLOG=$TG_REL_HOME/pg.log
TG_REL_DB=${TG_REL_DB:-tradegraph}
TG_REL_DB_URL=postgres://postgres@127.0.0.1:$TG_REL_PGPORT/$TG_REL_DB
TG_REL_FLOWS=${TG_REL_FLOWS:-1000000}
TG_TOOLS=${TG_TOOLS:-/work/shared/tools}

rlog() { printf '[reliability %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
rdie() { rlog "ERROR: $*"; exit 1; }

[ "$TG_REL_PGPORT" != 5432 ] || rdie "TG_REL_PGPORT=5432 is the shared PostgreSQL: the rig only uses a cluster of its own"
[[ $TG_REL_PGPORT =~ ^[0-9]+$ ]] || rdie "TG_REL_PGPORT must be a port number"
case "$TG_REL_PGDATA" in
  /tmp/*/pgdata) ;;
  *) rdie "TG_REL_PGDATA must be a /tmp/<dir>/pgdata directory of the rig's own (got $TG_REL_PGDATA)" ;;
esac

# initdb/pg_ctl refuse to run as root: run them as the postgres user when we are root.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_ctl_cmd() {  # the pg_ctl command line of the rig's cluster, as a string (for fault.sh --pg-ctl)
  local pre=''
  [ "$(id -u)" = 0 ] && pre='runuser -u postgres -- '
  printf '%s%s/pg_ctl -D %s -l %s' "$pre" "$PGBIN" "$TG_REL_PGDATA" "$TG_REL_PGLOG"
}
pg_ready_cmd() { printf '%s/pg_isready -q -h 127.0.0.1 -p %s' "$PGBIN" "$TG_REL_PGPORT"; }
pg_running() { [ -f "$TG_REL_PGDATA/PG_VERSION" ] && as_pg "$PGBIN/pg_ctl" -D "$TG_REL_PGDATA" status >/dev/null 2>&1; }
rpsql() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$TG_REL_PGPORT" -U postgres "$@"; }

#!/usr/bin/env bash
# Install everything the tests need and run the whole suite: ruff, then pytest with a throwaway
# PostgreSQL cluster (127.0.0.1 only, a free port, removed on exit).
#
#   bash scripts/test.sh                 # everything
#   bash scripts/test.sh -k cancel -x    # arguments go to pytest
#
# Exits non-zero if ruff or pytest fails, including pytest's "no tests collected" (exit 5).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { echo "test: $*" >&2; }

t0=$SECONDS
bash scripts/setup.sh --test
log "setup took $((SECONDS - t0)) s"

# --- a throwaway PostgreSQL cluster ---------------------------------------------------------------
pg_bin() {
    local dir
    for dir in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
    return 1
}
PG_BIN="$(pg_bin)" || { log "PostgreSQL server binaries not found (apt-get install postgresql)"; exit 1; }

PG_TMP="$(mktemp -d "${TMPDIR:-/tmp}/practice-desk-pg.XXXXXX")"
PG_DATA="$PG_TMP/data"
if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$PG_TMP"   # initdb refuses to run as root
    AS_PG=(runuser -u postgres --)
else
    AS_PG=()
fi
# from a folder the postgres user can enter (initdb and pg_ctl look up the current directory)
as_pg() { (cd "$PG_TMP" && "${AS_PG[@]}" "$@"); }

cleanup() {
    local rc=$?
    if [ -f "$PG_DATA/postmaster.pid" ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
    "$ROOT/.venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

t1=$SECONDS
as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_TMP/initdb.log" 2>&1 \
    || { cat "$PG_TMP/initdb.log" >&2; log "initdb failed"; exit 1; }
PG_PORT=""
for _ in 1 2 3 4 5; do
    port="$(free_port)"
    if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_TMP/server.log" -w -t 30 \
            -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$PG_TMP' -c fsync=off" \
            start >/dev/null 2>&1; then
        PG_PORT="$port"; break
    fi
    log "PostgreSQL did not start on port $port; trying another"
done
[ -n "$PG_PORT" ] || { cat "$PG_TMP/server.log" >&2; log "PostgreSQL did not start"; exit 1; }
export PRACTICE_DESK_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($((SECONDS - t1)) s)"

# --- lint and tests ----------------------------------------------------------------------------
status=0
LINT_DIRS=()
for d in desktop tests benchmarks; do [ -d "$d" ] && LINT_DIRS+=("$d"); done
if [ "${#LINT_DIRS[@]}" -gt 0 ]; then
    log "ruff check ${LINT_DIRS[*]}"
    if ! .venv/bin/ruff check "${LINT_DIRS[@]}"; then
        log "ruff failed"
        status=1
    fi
fi

# The whole suite runs on every core (pytest-xdist; each worker is its own process with its own
# QApplication, database files under its own tmp_path and its own PostgreSQL databases);
# with arguments, pytest runs as asked.
PARALLEL=()
if [ "$#" -eq 0 ]; then
    PARALLEL=(-n "${PRACTICE_DESK_TEST_WORKERS:-auto}")
fi

t2=$SECONDS
set +e
QT_QPA_PLATFORM=offscreen timeout --kill-after=30 3000 .venv/bin/python -m pytest "${PARALLEL[@]}" "$@"
rc=$?
set -e
log "pytest exit code $rc after $((SECONDS - t2)) s"
if [ "$rc" -eq 0 ] && [ "$#" -eq 0 ]; then
    # The whole suite ran on SQLite; now every service test again on PostgreSQL.
    t3=$SECONDS
    set +e
    PRACTICE_DESK_TEST_BACKEND=postgresql QT_QPA_PLATFORM=offscreen timeout --kill-after=30 1800 \
        .venv/bin/python -m pytest -q "${PARALLEL[@]}" tests/test_services_*.py
    rc=$?
    set -e
    log "service tests on PostgreSQL: pytest exit code $rc after $((SECONDS - t3)) s"
fi
case "$rc" in
    0) ;;
    5) log "pytest collected no tests: that is a failure"; status=1 ;;
    124|137) log "pytest timed out (3000 s)"; status=1 ;;
    *) status=1 ;;
esac
exit "$status"

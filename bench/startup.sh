#!/usr/bin/env bash
# Measures how long the portal takes to serve its home page from `java -jar target/portal.jar`
# on the embedded defaults, twice (a fresh data directory, then the same one again), checks the
# JSON API and health, and checks that stopping the portal (SIGTERM) leaves no Elasticsearch process.
# Usage: bench/startup.sh [data-dir]   (build first: ./mvnw -B -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/portal.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 2; }
DATA=${1:-$(mktemp -d /tmp/portal-bench.XXXXXX)}
PORT=${PORT:-18080}
mkdir -p "$DATA" && chmod 755 "$DATA"

es_processes() { pgrep -f 'org.elasticsearch.bootstrap|elasticsearch.*cli.launcher|org.elasticsearch.server' -a | grep -F "$DATA" || true; }

run_once() {
  local label=$1 start end pid
  start=$(date +%s.%N)
  java -jar "$JAR" --server.port="$PORT" --portal.data-dir="$DATA" > "$DATA/bench-$label.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null "http://127.0.0.1:$PORT/"; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "portal exited, see $DATA/bench-$label.log" >&2; exit 1; fi
    sleep 0.5
  done
  end=$(date +%s.%N)
  printf 'startup %-6s home page served after %6.1f s\n' "$label" "$(echo "$end - $start" | bc)"
  printf 'health  %-6s %s\n' "$label" "$(curl -fsS "http://127.0.0.1:$PORT/actuator/health")"
  printf 'api     %-6s GET /api/v1/agencies -> total %s\n' "$label" \
    "$(curl -fsS "http://127.0.0.1:$PORT/api/v1/agencies" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
  kill -TERM "$pid"
  wait "$pid" || true
  sleep 2
  if [ -n "$(es_processes)" ]; then
    echo "orphan  $label: Elasticsearch still running after stop:"; es_processes; exit 1
  fi
  echo "stop    $label: no Elasticsearch process left"
}

echo "data dir: $DATA"
run_once first
run_once again

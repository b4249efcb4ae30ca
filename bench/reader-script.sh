#!/usr/bin/env bash
# Measures what the first zh-TW reader after a start waits for the phrase table of ReaderScript (HanLP's
# Simplified-to-Traditional table, built anew at each start): starts the portal, waits until it has started (its log line) with health UP, then DELAY
# seconds (a reader who comes some time after the start; 0 = at once), and times the first and the second
# GET /api/v1/agencies?lang=zh-TW (its agencies' names and addresses go through ReaderScript, as on the zh-TW pages),
# beside the same request in zh-CN, which converts nothing; prints the warm-up log lines. Run it with the jar of an
# older build (JAR=...) to compare.
# Usage: bench/reader-script.sh [data-dir]   (build first: ./mvnw -B -DskipTests package; PORT, DELAY, JAR optional)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/portal.jar}
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 2; }
DATA=${1:-$(mktemp -d /tmp/portal-bench.XXXXXX)}
PORT=${PORT:-18080}
ES_PORT=${ES_PORT:-$((PORT + 1000))}
DELAY=${DELAY:-5}
mkdir -p "$DATA" && chmod 755 "$DATA"
LOG="$DATA/bench-reader-script.log"
echo "jar: $JAR; data dir: $DATA; delay after ready: ${DELAY} s; cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar "$JAR" --server.port="$PORT" --portal.data-dir="$DATA" --portal.search.embedded.port="$ES_PORT" \
  --portal.embeddings.enabled=false > "$LOG" 2>&1 &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  if grep -q "Started PortalApplication" "$LOG" && curl -fs "http://127.0.0.1:$PORT/actuator/health" | grep -q '"UP"'; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "portal exited, see $LOG" >&2; exit 1; fi
  sleep 0.5
done
sleep "$DELAY"
timed() { curl -fsS -o /dev/null -w '%{time_total}' "http://127.0.0.1:$PORT/api/v1/agencies?lang=$1"; }
printf 'zh-CN  first request  %6.3f s\n' "$(timed zh-CN)"
printf 'zh-TW  first request  %6.3f s\n' "$(timed zh-TW)"
printf 'zh-TW  second request %6.3f s\n' "$(timed zh-TW)"
grep -hoE "(Phrase table for zh-TW pages|Word segmenter's dictionary) [^\"]*" "$LOG" || echo "(no warm-up line in the log)"

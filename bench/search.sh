#!/usr/bin/env bash
# Regulation search benchmark on the national corpus: retrieval quality on the STARD questions (portal vs a
# plain BM25 baseline on the same node) and HTTP latency at 1 and 16 concurrent clients.
#
# 1. copies the national documents of $SHARED/corpus/lawrefbook (everything outside DLC/ and 案例/, all
#    versions) to <data-dir>/corpus-national and imports them with `java -jar target/portal.jar --import=…`
#    (a no-op when the data dir already holds them; embeddings are cached in <data-dir>/embeddings)
# 2. starts the portal on that data dir (Elasticsearch on a fixed loopback port for the baseline)
# 3. runs bench/search_quality.py and bench/search_speed.py, then stops the portal
#
# Usage: bench/search.sh [data-dir]    (build first: ./mvnw -B -DskipTests package)
# Env:   PORTAL_SHARED_DIR (default ../shared), PORT (18080), ES_PORT (19200), REQUESTS (400),
#        JAR (default target/portal.jar), PORTAL_ARGS (extra portal arguments for both runs, e.g. --portal.embeddings.enabled=false for lexical only)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/portal.jar}
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 2; }
SHARED=${PORTAL_SHARED_DIR:-../shared}
[ -d "$SHARED/corpus/lawrefbook" ] || { echo "skipped: no corpus at $SHARED/corpus/lawrefbook (set PORTAL_SHARED_DIR)" >&2; exit 0; }
DATA=${1:-/tmp/portal-bench-national}
PORT=${PORT:-18080}
ES_PORT=${ES_PORT:-19200}
mkdir -p "$DATA" && chmod 755 "$DATA"
CORPUS="$DATA/corpus-national"
if [ ! -d "$CORPUS" ]; then
  mkdir -p "$CORPUS.tmp"
  for d in "$SHARED"/corpus/lawrefbook/*/; do
    case "$(basename "$d")" in DLC|案例) ;; *) cp -r "$d" "$CORPUS.tmp/" ;; esac
  done
  mv "$CORPUS.tmp" "$CORPUS"
fi
echo "data dir: $DATA; national documents: $(find "$CORPUS" -name '*.md' | wc -l) files"

start=$(date +%s)
java -jar "$JAR" --portal.data-dir="$DATA" ${PORTAL_ARGS:-} --import="$CORPUS" 2>"$DATA/import.log" | grep -v '^\s*$' || true
echo "import: $(( $(date +%s) - start )) s (log: $DATA/import.log)"

java -jar "$JAR" --server.port="$PORT" --portal.data-dir="$DATA" --portal.search.embedded.port="$ES_PORT" ${PORTAL_ARGS:-} \
  --portal.embeddings.query-cache-size=1 --portal.regulation.searches-per-minute=0 > "$DATA/portal.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/api/v1/regulations/search?q=%E8%A1%8C%E6%94%BF" && break
  kill -0 "$pid" 2>/dev/null || { echo "portal exited, see $DATA/portal.log" >&2; exit 1; }
  sleep 1
done
python3 bench/search_quality.py --portal "http://127.0.0.1:$PORT" --es "http://127.0.0.1:$ES_PORT" \
  --eval "$SHARED/eval/stard-dev.jsonl" --misses "$DATA/misses.jsonl"
python3 bench/search_speed.py --portal "http://127.0.0.1:$PORT" --eval "$SHARED/eval/stard-dev.jsonl" \
  --requests "${REQUESTS:-400}"

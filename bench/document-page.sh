#!/usr/bin/env bash
# Weight of the longest regulation document page a reader meets often: 民法典 合同编 (526 articles). Imports the
# 民法典 folder of $SHARED/corpus/lawrefbook into a data dir (lexical search only: the page does not need vectors),
# starts the portal and runs bench/document_page.py: compressed bytes of the page's answers, time until every
# article is shown (plain and on a throttled phone), server heap per reader session.
#
# Usage: bench/document-page.sh [data-dir]    (build first: ./mvnw -B -DskipTests package)
# Env:   PORTAL_SHARED_DIR (default ../shared), PORT (18081), ES_PORT (19201), LOADS (10), JAR (target/portal.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/portal.jar}
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 2; }
SHARED=${PORTAL_SHARED_DIR:-../shared}
[ -d "$SHARED/corpus/lawrefbook/民法典" ] || { echo "skipped: no 民法典 at $SHARED/corpus/lawrefbook (set PORTAL_SHARED_DIR)" >&2; exit 0; }
DATA=${1:-/tmp/portal-bench-document}
PORT=${PORT:-18081}
ES_PORT=${ES_PORT:-19201}
ARGS="--portal.data-dir=$DATA --portal.embeddings.enabled=false"
mkdir -p "$DATA" && chmod 755 "$DATA"
[ -d "$DATA/民法典" ] || cp -r "$SHARED/corpus/lawrefbook/民法典" "$DATA/"
java -jar "$JAR" $ARGS --import="$DATA/民法典" 2>"$DATA/import.log" | grep -v -e '^\s*$' -e '^[0-9]\{4\}-' || true

java -Xmx1g -jar "$JAR" --server.port="$PORT" --portal.search.embedded.port="$ES_PORT" $ARGS > "$DATA/portal.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
# the document of 合同编: the one holding the article that defines a sales contract (第五百九十五条)
query='q=%E4%B9%B0%E5%8D%96%E5%90%88%E5%90%8C%E6%98%AF%E5%87%BA%E5%8D%96%E4%BA%BA%E8%BD%AC%E7%A7%BB%E6%A0%87%E7%9A%84%E7%89%A9%E7%9A%84%E6%89%80%E6%9C%89%E6%9D%83%E4%BA%8E%E4%B9%B0%E5%8F%97%E4%BA%BA&size=20'
for _ in $(seq 1 600); do
  answer=$(curl -fs "http://127.0.0.1:$PORT/api/v1/regulations/search?$query" || true)
  [ -n "$answer" ] && break
  kill -0 "$pid" 2>/dev/null || { echo "portal exited, see $DATA/portal.log" >&2; exit 1; }
  sleep 1
done
path=$(python3 -c 'import json,sys,urllib.parse; r=json.loads(sys.argv[1])["results"]; print(urllib.parse.urlparse([h["url"] for h in r if h["article"]=="第五百九十五条"][0]).path)' "$answer")
python3 bench/document_page.py --portal "http://127.0.0.1:$PORT" --path "$path" --loads "${LOADS:-10}" --pid "$pid"

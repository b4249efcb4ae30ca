#!/usr/bin/env bash
# Import speed on the whole corpus ($SHARED/corpus/lawrefbook, about 3,500 files, 案例/ skipped by the importer):
# 1. "first": a new data directory, an empty embedding cache — every article is parsed, stored, embedded, indexed
# 2. "cached": database and index deleted, the embedding cache kept — what a rebuild from scratch costs
# 3. "again": nothing deleted — importing the same folder again (every file unchanged, no index rebuild)
# 4. "changed": nothing deleted — importing a folder with one new version of 行政处罚法 (the 2021 text with one
#    sentence added, dated this run, so every run adds a version): the index is revised, not rebuilt (only the new
#    version, the one it supersedes and the documents whose citation counts change are indexed again)
# Prints files, articles, seconds, documents/s and articles/s for each run.
#
# Usage: bench/import.sh [data-dir]   (build first: ./mvnw -B -DskipTests package)
# Env:   PORTAL_SHARED_DIR (default ../shared), CORPUS (default $SHARED/corpus/lawrefbook),
#        EMBEDDINGS (an existing cache dir to start from instead of an empty one; "first" then is not a first run),
#        JAR (default target/portal.jar), RUNS (default "first cached again changed": which runs, in order), PORTAL_ARGS (extra portal arguments, e.g.
#        --portal.embeddings.enabled=false to time parsing, storing and indexing without vectors)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/portal.jar}
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 2; }
SHARED=${PORTAL_SHARED_DIR:-../shared}
CORPUS=${CORPUS:-$SHARED/corpus/lawrefbook}
[ -d "$CORPUS" ] || { echo "skipped: no corpus at $CORPUS (set PORTAL_SHARED_DIR or CORPUS)" >&2; exit 0; }
DATA=${1:-$(mktemp -d /tmp/portal-bench-import.XXXXXX)}
mkdir -p "$DATA" && chmod 755 "$DATA"
CACHE="$DATA/embeddings"
if [ -n "${EMBEDDINGS:-}" ]; then mkdir -p "$CACHE" && cp -r "$EMBEDDINGS"/. "$CACHE"/; fi

run() {
  local label=$1 start end line
  local folder=$CORPUS
  case $label in
    again) ;;
    changed)
      folder="$DATA/changed"
      rm -rf "$folder" && mkdir -p "$folder/行政法"
      python3 - "$CORPUS/行政法/行政处罚法(2021-01-22).md" "$folder/行政法/行政处罚法(2026-11-01).md" <<'PY'
import sys, time
text = open(sys.argv[1], encoding="utf-8").read()
mark = "初次违法且危害后果轻微并及时改正的，可以不予行政处罚。"
assert mark in text, "the 2021 text changed: pick another sentence"
sentence = f"（基准测试改动 {time.time_ns()}，非真实条文。）"
open(sys.argv[2], "w", encoding="utf-8").write(text.replace(mark, mark + sentence, 1))
PY
      ;;
    *) rm -rf "$DATA/db" "$DATA/search" ;;
  esac
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  java -jar "$JAR" --portal.data-dir="$DATA" --portal.embeddings.cache-dir="$CACHE" ${PORTAL_ARGS:-} --import="$folder" \
    > "$DATA/import-$label.out" 2> "$DATA/import-$label.log" || true
  end=$(date +%s.%N)
  grep -E '^(imported|indexed|indexing)' "$DATA/import-$label.out" | sed "s/^/  $label: /" | tail -4
  line=$(grep '^import finished' "$DATA/import-$label.out" | tail -1)
  python3 - "$label" "$start" "$end" "$line" <<'PY'
import re, sys
label, start, end, line = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
m = re.search(r"(\d+) files.*?([\d,]+) articles", line)
files, articles = int(m.group(1)), int(m.group(2).replace(",", ""))
secs = end - start
u = re.search(r"(\d+) unchanged", line)
unchanged = f" ({u.group(1)} unchanged)" if u and int(u.group(1)) else ""
print(f"import {label:<6} {files} files{unchanged}, {articles:,} articles imported in {secs:.0f} s: "
      f"{files / secs:.1f} documents/s, {articles / secs:.0f} articles/s (JVM start included)")
PY
}

echo "corpus: $CORPUS; data dir: $DATA; ${PORTAL_ARGS:-}"
for r in ${RUNS:-first cached again changed}; do run "$r"; done
echo "target: the cached re-import within 120 s (\"cached\": from scratch; \"again\": the same folder once more;" \
  "\"changed\": one new version imported into the whole corpus)"

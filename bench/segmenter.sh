#!/usr/bin/env bash
# Measures the first use of HanLP's word segmenter (the self-check assistant's questionWords and the portal's
# background load after the start) and of its phrase-aware script conversion (ReaderScript on zh-TW pages): seconds,
# heap added after a full GC, and the dictionary files each reads, once in each order (each in a fresh JVM), so that a
# file read by both, or heap that only one order adds, would show. Uses the HanLP jar inside target/portal.jar.
# Usage: bench/segmenter.sh   (build first: ./mvnw -B -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/portal.jar
WORK=$(mktemp -d /tmp/segmenter-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
if [ -n "${HANLP_JAR:-}" ]; then
  HANLP=$(realpath "$HANLP_JAR")   # the same artifact from the Maven repository, without building the portal
else
  [ -f "$JAR" ] || { echo "build first: ./mvnw -B -DskipTests package (or set HANLP_JAR)" >&2; exit 2; }
  LIB=$(unzip -Z1 "$JAR" | grep -E '^BOOT-INF/lib/hanlp-.*\.jar$' | head -1)
  [ -n "$LIB" ] || { echo "no HanLP jar in $JAR" >&2; exit 1; }
  unzip -q -j "$JAR" "$LIB" -d "$WORK"
  HANLP="$WORK/$(basename "$LIB")"
fi
echo "HanLP: $(basename "$HANLP"); java: $(java -version 2>&1 | head -1); cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"
# a fresh JVM for each order, in a scratch directory (HanLP tries to cache what it builds beside its data)
for order in "segmenter conversion" "conversion segmenter"; do
  echo "--- $order"
  (cd "$WORK" && java -Xmx1g -XX:+UseSerialGC -cp "$HANLP" "$OLDPWD/bench/SegmenterLoad.java" $order)
done

#!/usr/bin/env python3
"""Latency of GET /api/v1/regulations/search under load: p50 and p95 at 1 and 16 concurrent clients.

Questions come from the eval file (real questions from the public). Every client sends its share of
requests back to back; the first pass over the questions warms the portal up and is not counted. Start the
portal with a tiny query-vector cache (--portal.embeddings.query-cache-size=1) so every timed request pays
for its query embedding, as a new question would.

Usage: bench/search_speed.py --portal http://127.0.0.1:18080 [--eval FILE] [--requests 400] [--clients 1,16]
"""
import argparse
import json
import random
import statistics
import threading
import time
import urllib.parse
import urllib.request


def one(base, query, size):
    url = base + "/api/v1/regulations/search?" + urllib.parse.urlencode({"q": query, "size": size})
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as r:
        r.read()
        if r.status != 200:
            raise RuntimeError(f"HTTP {r.status}")
    return (time.perf_counter() - start) * 1000


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def run(base, queries, clients, requests, size):
    latencies = []
    lock = threading.Lock()
    per_client = max(1, requests // clients)

    def client(seed):
        rnd = random.Random(seed)
        mine = []
        for _ in range(per_client):
            mine.append(one(base, rnd.choice(queries), size))
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    print(f"{clients:>2} client(s): {len(latencies)} requests, p50 {percentile(latencies, 50):6.1f} ms, "
          f"p95 {percentile(latencies, 95):6.1f} ms, mean {statistics.mean(latencies):6.1f} ms, "
          f"{len(latencies) / elapsed:6.1f} requests/s", flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--portal", required=True)
    ap.add_argument("--eval", default="../shared/eval/stard-dev.jsonl")
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--clients", default="1,16")
    ap.add_argument("--size", type=int, default=10)
    args = ap.parse_args()
    queries = [json.loads(line)["query"] for line in open(args.eval, encoding="utf-8") if line.strip()]
    started = time.perf_counter()
    for q in queries:
        one(args.portal, q, args.size)
    print(f"warm-up: {len(queries)} questions in {time.perf_counter() - started:.1f} s", flush=True)
    for c in [int(x) for x in args.clients.split(",")]:
        run(args.portal, queries, c, args.requests, args.size)
    print("target: p95 <= 100 ms at 16 clients")


if __name__ == "__main__":
    main()

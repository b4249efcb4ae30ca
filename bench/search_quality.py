#!/usr/bin/env python3
"""Retrieval quality of the portal's regulation search on STARD questions (../shared/eval/README.md).

Runs every question of the eval file through GET /api/v1/regulations/search (the search the API serves,
size=100) and, beside it, a plain BM25 baseline sent straight to the same Elasticsearch node (a match query
of the question on `all_s`: title, headings and article text in Simplified characters, `standard` analyzer, current
versions only; the node does not index the article text or the title on their own). Prints
Recall@10, Recall@100 and MRR@10 for both.

Usage: bench/search_quality.py --portal http://127.0.0.1:18080 [--es http://127.0.0.1:19200]
                               [--eval ../shared/eval/stard-dev.jsonl] [--misses FILE]
"""
import argparse
import json
import re
import sys
import time
import urllib.parse
import urllib.request

PREFIX = "中华人民共和国"


def norm_title(title):
    """Document title without a leading 中华人民共和国, a version date or a 编 subtitle."""
    t = title.strip()
    t = re.sub(r"[（(]\d{4}-\d{2}-\d{2}[)）]$", "", t).strip()
    t = t.split(" ")[0]
    if t.startswith(PREFIX):
        t = t[len(PREFIX):]
    return t


def get_json(url, body=None):
    data = None if body is None else json.dumps(body).encode("utf-8")
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.load(r)


def portal_search(base, query, size):
    url = base + "/api/v1/regulations/search?" + urllib.parse.urlencode({"q": query, "size": size})
    return [(norm_title(h["title"]), h["article"]) for h in get_json(url)["results"]]


# the indexed all_s folds these characters as the portal's queries do (ChineseScript.fold): so does the baseline
FOLD = str.maketrans("瞭著乾藉祇彷覆", "了着干借只仿复")


def bm25_search(es, query, size):
    query = query.translate(FOLD)
    body = {
        "size": size,
        "_source": ["display_title", "article"],
        "query": {"bool": {
            "must": {"match": {"all_s": query}},
            "filter": {"term": {"status": "CURRENT"}}}},
    }
    hits = get_json(es + "/regulation-articles/_search", body)["hits"]["hits"]
    return [(norm_title(h["_source"]["display_title"]), h["_source"]["article"]) for h in hits]


def quoted(key):
    """A (title, article) key with 中华人民共和国 also dropped inside 《》: the corpus names 69 judicial
    interpretations after the short form (最高人民法院关于适用《民法典》...) while their full title, which the
    portal shows, quotes the law's full name (...适用《中华人民共和国民法典》...)."""
    return (key[0].replace("《" + PREFIX, "《"), key[1])


def evaluate(name, questions, search, misses=None):
    """Prints the figures twice: matching titles as the eval README says (a leading 中华人民共和国 and the version
    date ignored), and also ignoring 中华人民共和国 inside 《》 (see quoted())."""
    sums = {"strict": [0.0, 0.0, 0.0], "quoted": [0.0, 0.0, 0.0]}
    started = time.time()
    for q in questions:
        found = search(q["query"])
        for mode, norm in (("strict", lambda k: k), ("quoted", quoted)):
            relevant = {norm((norm_title(r["law"]), r["article"])) for r in q["relevant"]}
            hits = [norm(h) for h in found]
            s = sums[mode]
            s[0] += len(relevant & set(hits[:10])) / len(relevant)
            s[1] += len(relevant & set(hits[:100])) / len(relevant)
            for rank, hit in enumerate(hits[:10], 1):
                if hit in relevant:
                    s[2] += 1 / rank
                    break
            if mode == "quoted" and misses is not None and not relevant & set(hits[:10]):
                misses.write(json.dumps({"id": q["id"], "query": q["query"], "relevant": sorted(relevant),
                                         "top5": hits[:5]}, ensure_ascii=False) + "\n")
    n = len(questions)
    for mode, label in (("strict", "titles as the eval README"), ("quoted", "also inside 《》")):
        r10, r100, mrr = (x / n for x in sums[mode])
        print(f"{name:<34} R@10 {r10:.3f}   R@100 {r100:.3f}   MRR@10 {mrr:.3f}   ({label}; {n} questions, "
              f"{time.time() - started:.0f} s)", flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--portal", required=True)
    ap.add_argument("--es")
    ap.add_argument("--eval", default="../shared/eval/stard-dev.jsonl")
    ap.add_argument("--misses")
    args = ap.parse_args()
    questions = [json.loads(line) for line in open(args.eval, encoding="utf-8") if line.strip()]
    print(f"eval file: {args.eval} ({len(questions)} questions)")
    misses = open(args.misses, "w", encoding="utf-8") if args.misses else None
    evaluate("portal search (API, size=100)", questions, lambda q: portal_search(args.portal, q, 100), misses)
    if args.es:
        evaluate("BM25 baseline (standard analyzer)", questions, lambda q: bm25_search(args.es, q, 100))
    print("targets: R@10 >= 0.70, R@100 >= 0.93, MRR@10 >= 0.55; reference baseline 0.442 / 0.648 / 0.373")


if __name__ == "__main__":
    sys.exit(main())

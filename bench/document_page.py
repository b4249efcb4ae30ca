#!/usr/bin/env python3
"""Weight of one regulation document page for a reader: bytes on the wire, time until every article is shown
(plain and on a throttled phone), and the server memory a reader's session costs.

Drives Debian's Chromium through chromedriver (Selenium). For every load a new session is started (cookies
deleted), the page is opened by its address and the script waits until the page holds the expected number of
articles. Bytes are Chromium's encoded (compressed) sizes of the page's own answers: the document request and
Vaadin's round trips (`?v-r=`), not the cached bundle. Session memory: the portal's heap after a full GC
(`jcmd <pid> GC.run`, `GC.heap_info`) before and after the loads, divided by the number of sessions opened.

Usage: bench/document_page.py --portal http://127.0.0.1:18081 --path /regulations/12 [--articles 526]
                              [--loads 10] [--pid PORTAL_PID]
"""
import argparse
import json
import re
import statistics
import subprocess
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def page_bytes(driver, path):
    """Encoded bytes of the page's own answers since the last call (the document and Vaadin's round trips)."""
    urls = {}
    total = 0
    answers = 0
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message["method"] == "Network.requestWillBeSent":
            urls[params["requestId"]] = params["request"]["url"]
        elif message["method"] == "Network.loadingFinished":
            url = urls.get(params["requestId"], "")
            if "v-r=" in url or url.split("?")[0].endswith(path):
                total += params["encodedDataLength"]
                answers += 1
    return total, answers


def load(driver, base, path, articles, timeout=120):
    driver.delete_all_cookies()
    driver.get("about:blank")
    start = time.perf_counter()
    driver.get(base + path)
    while time.perf_counter() - start < timeout:
        count = driver.execute_script("return document.querySelectorAll('.regulation-article').length")
        if count >= articles:
            return (time.perf_counter() - start) * 1000
        time.sleep(0.02)
    raise RuntimeError(f"{path}: fewer than {articles} articles after {timeout} s")


def heap_used_kb(pid):
    subprocess.run(["jcmd", str(pid), "GC.run"], check=True, capture_output=True)
    time.sleep(1)
    out = subprocess.run(["jcmd", str(pid), "GC.heap_info"], check=True, capture_output=True, text=True).stdout
    match = re.search(r"used (\d+)K", out)
    return int(match.group(1)) if match else None


def summary(label, values, unit):
    return (f"{label}: median {statistics.median(values):8.0f} {unit}, min {min(values):8.0f}, "
            f"max {max(values):8.0f} ({len(values)} loads)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--portal", required=True)
    parser.add_argument("--path", required=True)
    parser.add_argument("--articles", type=int, help="articles the page shows (default: counted on a first load)")
    parser.add_argument("--loads", type=int, default=10)
    parser.add_argument("--pid", type=int)
    args = parser.parse_args()

    driver = browser()
    try:
        if not args.articles:
            driver.get(args.portal + args.path)
            counts = []
            while len(counts) < 20 or counts[-1] == 0 or len(set(counts[-20:])) > 1:
                counts.append(driver.execute_script("return document.querySelectorAll('.regulation-article').length"))
                time.sleep(0.1)
            args.articles = counts[-1]
        # warm-up: the bundle is cached and the server's code compiled
        for _ in range(3):
            load(driver, args.portal, args.path, args.articles)
        page_bytes(driver, args.path)
        before = heap_used_kb(args.pid) if args.pid else None
        times, sizes = [], []
        for _ in range(args.loads):
            times.append(load(driver, args.portal, args.path, args.articles))
            time.sleep(0.5)
            size, answers = page_bytes(driver, args.path)
            sizes.append(size)
        after = heap_used_kb(args.pid) if args.pid else None
        elements = driver.execute_script("return document.querySelectorAll('*').length")
        print(f"page {args.path}: {args.articles} articles, {elements} elements in the document")
        print(summary("bytes of the page's answers (compressed)", sizes, "B"))
        print(summary("time until every article is shown", times, "ms"))
        if before is not None and after is not None:
            print(f"server heap after GC: {before} KB before, {after} KB after {args.loads} new sessions: "
                  f"{(after - before) / args.loads:.0f} KB per session")

        # a mid-range phone on a slow network: Chromium's own throttling
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": False, "latency": 150, "downloadThroughput": 1.6 * 1024 * 1024 / 8,
            "uploadThroughput": 750 * 1024 / 8})
        driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": 4})
        slow = [load(driver, args.portal, args.path, args.articles, timeout=300) for _ in range(3)]
        print(summary("throttled (150 ms, 1.6 Mbit/s, CPU / 4): time until every article is shown", slow, "ms"))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()

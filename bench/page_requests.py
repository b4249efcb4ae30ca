#!/usr/bin/env python3
"""Requests a page of a running portal makes in headless Chromium, from the Resource Timing entries.

Usage: bench/page_requests.py [base-url] [path ...]   (default http://localhost:8080, the four list pages)

For each path it prints Vaadin's server round trips (UIDL requests, v-r=uidl; the first draws the view), the
style sheets loaded and their bytes on the wire, then the same for the path opened again in the same browser
(a repeat view: which style sheets were used from the cache without asking, which were asked for again).
"""
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"
PATHS = sys.argv[2:] or ["/risks", "/exemptions", "/risks?level=HIGH", "/exemptions?category=MINOR"]

IDLE = ("return !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients"
        " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())"
        " && document.querySelector('main') !== null")
ENTRIES = ("return performance.getEntriesByType('resource').map(e => ({name: e.name, type: e.initiatorType,"
           " transfer: e.transferSize, body: e.encodedBodySize, status: e.responseStatus}))")


def settle(driver):
    deadline = time.time() + 60
    while time.time() < deadline:
        if driver.execute_script(IDLE):
            break
        time.sleep(0.1)
    # anything the page sends on its own after the first answer has left by now
    time.sleep(2)
    while not driver.execute_script(IDLE):
        time.sleep(0.1)


def report(label, entries):
    uidl = [e for e in entries if "v-r=uidl" in e["name"]]
    css = [e for e in entries if e["name"].split("?")[0].endswith(".css")]
    print(f"  {label}: {len(uidl)} UIDL round trip(s); "
          f"{len(css)} style sheet(s), {sum(e['transfer'] for e in css)} bytes on the wire")
    for e in css:
        if e["transfer"] == 0:
            how = "from the cache without asking"
        elif e["body"] == 0 or e["transfer"] < e["body"]:
            how = "asked again, not changed (304, headers only)"
        else:
            how = "downloaded"
        print(f"    {e['name'].replace(BASE, '')}: {e['transfer']} B on the wire, {e['body']} B body, {how}")


def main():
    options = Options()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--lang=zh-CN"]:
        options.add_argument(arg)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        for path in PATHS:
            print(path)
            driver.get(BASE + path)
            settle(driver)
            report("first view", driver.execute_script(ENTRIES))
            driver.get(BASE + path)
            settle(driver)
            report("repeat view", driver.execute_script(ENTRIES))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()

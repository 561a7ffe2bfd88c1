#!/usr/bin/env python3
"""Fires N manual pauses at once at a prober's POST /pause and prints the latency distribution and the answers.

usage: pause_burst.py URL TOKEN N
Each request is its own thread; all start together behind a barrier, so that N pauses are really in flight at once.
"""
import collections
import http.client
import json
import sys
import threading
import time
import urllib.parse

url, token, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
target = urllib.parse.urlsplit(url)
barrier = threading.Barrier(n)
latencies, answers, lock = [], collections.Counter(), threading.Lock()


def one(i):
    body = json.dumps({"reason": "bench burst request %d" % i, "requestedBy": "bench-%d" % i})
    conn = http.client.HTTPConnection(target.hostname, target.port, timeout=300)
    conn.connect()
    barrier.wait()
    start = time.monotonic()
    try:
        conn.request("POST", target.path, body, {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
        response = conn.getresponse()
        action = json.loads(response.read() or b"{}").get("action", "?")
        outcome = "%d %s" % (response.status, action)
    except Exception as e:  # noqa: BLE001 - a failed request is counted, not fatal
        outcome = "error " + type(e).__name__
    elapsed = time.monotonic() - start
    with lock:
        latencies.append(elapsed)
        answers[outcome] += 1


threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
for t in threads:
    t.start()
for t in threads:
    t.join()
latencies.sort()


def pct(p):
    return latencies[min(len(latencies) - 1, int(round(p / 100.0 * len(latencies) + 0.5)) - 1)]


print("n=%d p50=%.3fs p99=%.3fs max=%.3fs answers=%s" % (
    n, pct(50), pct(99), latencies[-1], ", ".join("%s x%d" % kv for kv in sorted(answers.items()))))

#!/usr/bin/env bash
# Benchmark 3: detection latency. From the moment a dependency breaks to the metrics flipping:
#  (a) Torghut's /trading/health starts answering 503 -> torghut_prober_pause_recommended == 1
#  (b) TA rows stop arriving in ClickHouse -> torghut_prober_signal_stale{signal="ta_signals"} == 1, measured from the
#      moment the newest row became older than its max age (5 s here)
# for the default intervals and for 1 s intervals. Hysteresis is the default (2 failures), so the floor is about two
# intervals plus the probe's round trip. Uses its own throwaway PostgreSQL and ClickHouse (scripts/test-services.sh).
# The scheduler (quarkus-scheduler) starts a probe on its once-a-second tick: each run may start up to a tick late, and
# 1 s is the finest interval.
#   bench/detection-latency.sh [repeats=3]                     this tree only
#   BEFORE_JAR=/path/quarkus-run.jar bench/detection-latency.sh  also that build (e.g. main's), case by case side by side
#   BEFORE_DIR=/path/to/main-checkout bench/detection-latency.sh  the same, with the build in that checkout's target/
#   CASES=1s bench/detection-latency.sh 1                     only the 1 s case (CASES: "default 1s", the default)
# Ports (BENCH_TARGET_PORT, BENCH_PROBER_PORT, BENCH_PG_PORT, BENCH_CH_HTTP_PORT, BENCH_CH_TCP_PORT) and BENCH_WORK can be
# moved when another run shares the machine.
source "$(dirname "$0")/lib.sh"
REPEATS=${1:-3}
CASES=${CASES:-default 1s}
TARGET_PORT=${BENCH_TARGET_PORT:-18941}; PROBER_PORT=${BENCH_PROBER_PORT:-18942}
export SVC_DIR=$WORK/services PG_PORT=${BENCH_PG_PORT:-55491} CH_HTTP_PORT=${BENCH_CH_HTTP_PORT:-18191} CH_TCP_PORT=${BENCH_CH_TCP_PORT:-19091}
BEFORE=$(before_jar)
build_if_needed
"$ROOT/scripts/test-services.sh" start >/dev/null
trap '"$ROOT/scripts/test-services.sh" stop >/dev/null; cleanup' EXIT
start_target "$TARGET_PORT"
CH="http://127.0.0.1:$CH_HTTP_PORT/"
COMMON=(TORGHUT_URL="http://127.0.0.1:$TARGET_PORT" TA_CLICKHOUSE_URL="http://127.0.0.1:$CH_HTTP_PORT"
  TA_CLICKHOUSE_USERNAME=torghut TA_CLICKHOUSE_PASSWORD=s3cret-ch-pass PROBER_KUBERNETES_ENABLED=false
  DB_DSN="postgresql://torghut:s3cret-pg-pass@127.0.0.1:$PG_PORT/torghut" PROBER_SESSION_ALWAYS_OPEN=true
  PROBER_FRESHNESS_TABLES_TA_SIGNALS_MAX_AGE=5s PROBER_FRESHNESS_TABLES_TA_MICROBARS_MAX_AGE=1h)

run_case() { # label env...
  local label=$1; shift
  curl -sf "$CH" --data-binary "INSERT INTO torghut.ta_microbars VALUES ('AAPL', now())" >/dev/null
  curl -sf "$CH" --data-binary "INSERT INTO torghut.ta_signals VALUES ('AAPL', now())" >/dev/null
  start_prober "$PROBER_PORT" "$WORK/detect.log" java "${COMMON[@]}" "$@"
  python3 - "$label" "$(mgmt_port "$PROBER_PORT")" "$TARGET_PORT" "$CH" "$REPEATS" <<'PY'
import re, sys, time, urllib.request, statistics
label, port, target, ch_url, repeats = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
def metric(name, labels=''):
    text = urllib.request.urlopen(f"http://127.0.0.1:{port}/q/metrics", timeout=2).read().decode()
    m = re.search(r'^' + re.escape(name) + (r'\{[^}]*' + re.escape(labels) + r'[^}]*\}' if labels else r'(\{[^}]*\})?') + r' (\S+)$', text, re.M)
    return float(m.group(2) if not labels else m.group(1)) if m else None
def ch(sql):
    urllib.request.urlopen(urllib.request.Request(ch_url, data=sql.encode()), timeout=5).read()
def get(path):
    urllib.request.urlopen(f"http://127.0.0.1:{target}{path}", timeout=2).read()
def wait(cond, timeout):
    end = time.time() + timeout
    while time.time() < end:
        if cond(): return time.time()
        time.sleep(0.05)
    return None
import threading
writing = threading.Event()
def writer():
    while True:
        writing.wait()
        try:
            ch("INSERT INTO torghut.ta_signals VALUES ('AAPL', now())")
            ch("INSERT INTO torghut.ta_microbars VALUES ('AAPL', now())")
        except Exception:
            pass
        time.sleep(0.5)
threading.Thread(target=writer, daemon=True).start()
a, b = [], []
for _ in range(repeats):
    writing.set()  # rows flow: healthy baseline
    if wait(lambda: metric('torghut_prober_pause_recommended') == 0, 120) is None: sys.exit(f"{label}: never healthy")
    # (a) trading health breaks
    t_break = time.time(); get('/_fail?path=/trading/health')
    t = wait(lambda: metric('torghut_prober_pause_recommended') == 1, 120)
    get('/_ok?path=/trading/health')
    if t: a.append(t - t_break)
    if wait(lambda: metric('torghut_prober_pause_recommended') == 0, 120) is None: sys.exit(f"{label}: did not recover")
    # (b) TA rows stop; CH's now() is second-granular, so the last row is stale at most 1 s after last + max age
    writing.clear(); time.sleep(0.6); last = time.time()
    t_stale = last + 5.0
    t = wait(lambda: metric('torghut_prober_signal_stale', 'signal="ta_signals"') == 1, 120)
    if t: b.append(t - t_stale)
def fmt(xs): return f"median {statistics.median(xs):6.2f}s  min {min(xs):6.2f}s  max {max(xs):6.2f}s  (n={len(xs)})" if xs else "not detected"
print(f"{label:<38} trading-health 503 -> pause_recommended: {fmt(a)}")
print(f"{'':<38} TA rows stop (from stale)  -> signal_stale:      {fmt(b)}")
PY
  kill $PROBER_PID; wait $PROBER_PID 2>/dev/null || true
}
# Each case on each build in turn (before, then this tree), so that both see the same machine at about the same time.
both() { # label env...
  local label=$1; shift
  if [ -n "$BEFORE" ]; then PROBER_JAR=$BEFORE run_case "before: $label" "$@"; fi
  PROBER_JAR='' run_case "$([ -n "$BEFORE" ] && echo 'after: ')$label" "$@"
}
echo "detection latency, $REPEATS repeats per case; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)${BEFORE:+; before = $BEFORE}"
case " $CASES " in *" default "*) both "default intervals (10s/15s)" ;; esac
case " $CASES " in *" 1s "*) both "1s intervals" PROBER_TORGHUT_TRADING_HEALTH_INTERVAL=1s PROBER_TORGHUT_HEALTHZ_INTERVAL=1s \
  PROBER_FRESHNESS_INTERVAL=1s PROBER_CLICKHOUSE_INTERVAL=1s PROBER_POSTGRES_INTERVAL=1s PROBER_FRESHNESS_TIMEOUT=900ms ;;
esac

#!/usr/bin/env bash
# Benchmark 1: probe cost side by side. The prober and Prometheus' blackbox_exporter probe the same local HTTP
# endpoint at the same rate for the same time, in one run. Prints CPU seconds per 1000 probes and RSS of each process.
# usage: bench/probe-cost.sh [rate_per_s=20] [seconds=60]
source "$(dirname "$0")/lib.sh"
RATE=${1:-20}; DURATION=${2:-60}
TARGET_PORT=18901; PROBER_PORT=18902; BB_PORT=18903
command -v prometheus-blackbox-exporter >/dev/null || { echo "needs Debian package prometheus-blackbox-exporter" >&2; exit 1; }
build_if_needed
start_target $TARGET_PORT
interval_ms=$((1000 / RATE))
start_prober $PROBER_PORT "$WORK/probe-cost-prober.log" java "${QUIET_CORE[@]}" \
  PROBER_HTTP_BENCH_URL="http://127.0.0.1:$TARGET_PORT/prober" PROBER_HTTP_BENCH_INTERVAL="${interval_ms}ms" PROBER_HTTP_BENCH_TIMEOUT=1s
cat >"$WORK/blackbox.yml" <<YML
modules:
  http_2xx:
    prober: http
    timeout: 1s
    http: {preferred_ip_protocol: ip4}
YML
prometheus-blackbox-exporter --config.file="$WORK/blackbox.yml" --web.listen-address="127.0.0.1:$BB_PORT" >"$WORK/blackbox.log" 2>&1 & PIDS+=($!); BB_PID=$!
wait_http "http://127.0.0.1:$BB_PORT/metrics" 20
sleep 5   # let both settle (JIT warm-up of the first probes is not what we measure)
curl -s "http://127.0.0.1:$TARGET_PORT/_stats?reset=1" >/dev/null
p0=$(cpu_seconds $PROBER_PID); b0=$(cpu_seconds $BB_PID)
# blackbox_exporter only probes when asked: drive it like Prometheus would, at the same rate.
python3 - "$BB_PORT" "$TARGET_PORT" "$RATE" "$DURATION" <<'PY'
import sys, time, urllib.request
bb, target, rate, duration = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
url = f"http://127.0.0.1:{bb}/probe?module=http_2xx&target=http://127.0.0.1:{target}/blackbox"
start = time.monotonic(); n = 0
while True:
    due = start + n / rate
    now = time.monotonic()
    if due - start >= duration: break
    if due > now: time.sleep(due - now)
    urllib.request.urlopen(url, timeout=2).read(); n += 1
PY
p1=$(cpu_seconds $PROBER_PID); b1=$(cpu_seconds $BB_PID)
prss=$(rss_mib $PROBER_PID); brss=$(rss_mib $BB_PID)
stats=$(curl -s "http://127.0.0.1:$TARGET_PORT/_stats")
pn=$(echo "$stats" | python3 -c 'import json,sys; print(len(json.load(sys.stdin).get("/prober",[])))')
bn=$(echo "$stats" | python3 -c 'import json,sys; print(len(json.load(sys.stdin).get("/blackbox",[])))')
python3 - "$p0" "$p1" "$pn" "$prss" "$b0" "$b1" "$bn" "$brss" "$RATE" "$DURATION" <<'PY'
import sys
p0, p1, pn, prss, b0, b1, bn, brss, rate, dur = sys.argv[1:]
pc = (float(p1) - float(p0)); bc = (float(b1) - float(b0))
pper = pc / int(pn) * 1000 if int(pn) else float('nan'); bper = bc / int(bn) * 1000 if int(bn) else float('nan')
print(f"probe cost, {rate}/s for {dur}s, same local endpoint, one run")
print(f"{'process':<22}{'probes':>8}{'cpu s':>9}{'cpu s/1000 probes':>20}{'rss MiB':>10}")
print(f"{'torghut-prober (JVM)':<22}{pn:>8}{pc:>9.2f}{pper:>20.3f}{prss:>10}")
print(f"{'blackbox_exporter':<22}{bn:>8}{bc:>9.2f}{bper:>20.3f}{brss:>10}")
print(f"ratio prober/blackbox: cpu per probe {pper/bper:.2f}x, rss {float(prss)/float(brss):.2f}x")
PY

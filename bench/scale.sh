#!/usr/bin/env bash
# Benchmark 2: cost as targets grow. 10, 100 and 1000 HTTP targets at a 1 s interval against one local server.
# Prints CPU use, RSS, missed rounds (expected minus received requests) and late rounds (gap between two requests
# to the same target > 1.5 s), and the growth per target.
# usage: bench/scale.sh [seconds_per_step=30] [counts="10 100 1000"]
source "$(dirname "$0")/lib.sh"
DURATION=${1:-30}; COUNTS=${2:-"10 100 1000"}
TARGET_PORT=18911; PROBER_PORT=18912
build_if_needed
start_target $TARGET_PORT
printf '%-8s %9s %9s %9s %10s %8s %8s %12s\n' targets "cpu %" "cpu s" "rss MiB" requests missed late "p99 gap s"
for n in $COUNTS; do
  props="$WORK/scale-$n.properties"
  : >"$props"
  for i in $(seq 1 "$n"); do
    echo "prober.http.t$i.url=http://127.0.0.1:$TARGET_PORT/t$i" >>"$props"
    echo "prober.http.t$i.interval=1s" >>"$props"
    echo "prober.http.t$i.timeout=900ms" >>"$props"
  done
  start_prober $PROBER_PORT "$WORK/scale-$n.log" java "${QUIET_CORE[@]}" QUARKUS_CONFIG_LOCATIONS="file:$props" \
    PROBER_SCHEDULER_MAX_CONCURRENCY=64
  sleep 10
  curl -s "http://127.0.0.1:$TARGET_PORT/_stats?reset=1" >/dev/null
  c0=$(cpu_seconds $PROBER_PID); t0=$(date +%s.%N)
  sleep "$DURATION"
  c1=$(cpu_seconds $PROBER_PID); t1=$(date +%s.%N); rss=$(rss_mib $PROBER_PID)
  curl -s "http://127.0.0.1:$TARGET_PORT/_stats?reset=1" >"$WORK/scale-$n.json"
  python3 - "$n" "$c0" "$c1" "$t0" "$t1" "$rss" "$WORK/scale-$n.json" <<'PY'
import json, sys
n, c0, c1, t0, t1, rss, path = int(sys.argv[1]), *map(float, sys.argv[2:7]), sys.argv[7]
stats = json.load(open(path)); elapsed = t1 - t0
received = sum(len(v) for k, v in stats.items() if k.startswith('/t'))
gaps = []
late = 0
missed = n - sum(1 for k in stats if k.startswith('/t'))  # targets never probed in the window count as one miss each
for k, v in stats.items():
    if not k.startswith('/t'): continue
    v.sort()
    for a, b in zip(v, v[1:]):
        gaps.append(b - a)
        if b - a > 1.5: late += 1
        missed += max(0, round(b - a) - 1)  # a 2 s gap at a 1 s interval is one missed round
gaps.sort(); p99 = gaps[int(len(gaps) * 0.99)] if gaps else float('nan')
cpu = c1 - c0
print(f"{n:<8} {cpu / elapsed * 100:9.1f} {cpu:9.2f} {rss:9.1f} {received:10d} {missed:8d} {late:8d} {p99:12.3f}")
PY
  kill $PROBER_PID; wait $PROBER_PID 2>/dev/null || true
done
echo "(cpu % is of one core; missed = rounds absent between two requests to a target; late = gaps > 1.5x the interval)"

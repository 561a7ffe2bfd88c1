#!/usr/bin/env bash
# Benchmark 4: /diagnose and /q/metrics under load with wrk (fixed concurrency) while probes run (10 HTTP targets
# at 1 s plus the core probes against a local stub). Prints requests/s, p50/p99 latency and errors for each.
# usage: bench/endpoints-load.sh [seconds=30] [connections=16]
source "$(dirname "$0")/lib.sh"
DURATION=${1:-30}; CONNECTIONS=${2:-16}
TARGET_PORT=18921; PROBER_PORT=18922
command -v wrk >/dev/null || { echo "needs Debian package wrk" >&2; exit 1; }
build_if_needed
start_target $TARGET_PORT
props="$WORK/load.properties"; : >"$props"
for i in $(seq 1 10); do
  printf 'prober.http.t%d.url=http://127.0.0.1:%d/t%d\nprober.http.t%d.interval=1s\n' "$i" "$TARGET_PORT" "$i" "$i" >>"$props"
done
start_prober $PROBER_PORT "$WORK/load.log" java TORGHUT_URL="http://127.0.0.1:$TARGET_PORT" \
  PROBER_TORGHUT_HEALTHZ_INTERVAL=1s PROBER_TORGHUT_TRADING_HEALTH_INTERVAL=1s QUARKUS_CONFIG_LOCATIONS="file:$props"
sleep 5
printf '%-12s %10s %10s %10s %8s %9s\n' endpoint "req/s" "p50" "p99" errors "rss MiB"
for path in /diagnose /q/metrics; do
  port=$PROBER_PORT; [ "$path" = /q/metrics ] && port=$(mgmt_port "$PROBER_PORT")
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$port$path")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}'); p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {s=s $0 "; "} END {print (s==""?"0":s)}')
  printf '%-12s %10s %10s %10s %8s %9s\n' "$path" "$rps" "$p50" "$p99" "$errors" "$(rss_mib $PROBER_PID)"
done
echo "peak RSS during the run: $(hwm_mib $PROBER_PID) MiB (wrk -t2 -c$CONNECTIONS -d${DURATION}s, 2 cores shared with wrk)"

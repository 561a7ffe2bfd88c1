#!/usr/bin/env bash
# Benchmark 1: probe cost side by side, in one window. The prober (native executable when target/*-runner exists,
# and the JVM) and Prometheus' blackbox_exporter probe the same local HTTP endpoint at the same rate for the same
# time. Each prober runs next to an idle twin (same binary and flags, no extra target): the twin's CPU is what the
# process costs without probing (timers, metrics, GC), and the marginal cost per probe is (busy - twin) / probes.
# blackbox_exporter costs nothing while nobody asks, so its whole CPU in the window is its probing cost.
# The rate is spread over TARGETS targets (default: as many as the rate, each at 1 s, how the prober runs in
# production): the scheduler (quarkus-scheduler) runs whole-second intervals only, so one target at 20/s, as earlier
# figures were taken, can no longer be configured; TARGETS must make TARGETS/rate whole seconds.
# usage: [TARGETS=n] [JAVA_OPTS=...] [JVM_NOFLAGS=0] bench/probe-cost.sh [rate_per_s=20] [seconds=60]
source "$(dirname "$0")/lib.sh"
RATE=${1:-20}; DURATION=${2:-60}; TARGETS=${TARGETS:-$RATE}
TARGET_PORT=18901; BB_PORT=18903
if [ $((TARGETS % RATE)) -ne 0 ]; then
  echo "TARGETS=$TARGETS at $RATE/s would need a $((1000 * TARGETS / RATE)) ms interval: the scheduler runs whole seconds only;" \
    "use a TARGETS that is a multiple of the rate" >&2
  exit 1
fi
interval_s=$((TARGETS / RATE))
command -v prometheus-blackbox-exporter >/dev/null || { echo "needs Debian package prometheus-blackbox-exporter" >&2; exit 1; }
build_if_needed
start_target $TARGET_PORT
RUNNER=$(find "$ROOT/target" -maxdepth 1 -name '*-runner' -type f -perm -u+x 2>/dev/null | head -1)
BENCH_TARGET=()
for i in $(seq 1 "$TARGETS"); do
  BENCH_TARGET+=("PROBER_HTTP_BENCH${i}_URL=http://127.0.0.1:$TARGET_PORT/prober-PATH-$i" "PROBER_HTTP_BENCH${i}_INTERVAL=${interval_s}s"
    "PROBER_HTTP_BENCH${i}_TIMEOUT=1s")
done

# start name port busy(0/1) command... -> sets PID_<name>
start() {
  local name=$1 port=$2 busy=$3; shift 3
  local extra=()
  [ "$busy" = 1 ] && extra=("${BENCH_TARGET[@]/PATH/$name}")
  env "${QUIET_CORE[@]}" "${extra[@]}" PROBER_PAUSE_LEADER_ENABLED=false PORT="$port" MANAGEMENT_PORT="$(mgmt_port "$port")" "$@" >"$WORK/probe-cost-$name.log" 2>&1 &
  PIDS+=("$!"); printf -v "PID_$name" '%s' "$!"
  wait_for "the prober ($name)" 60 curl -sf "http://127.0.0.1:$(mgmt_port "$port")/q/health/ready"
}

flavours=()
if [ -n "$RUNNER" ]; then
  start native 18904 1 "$RUNNER" -Xmx48m -Xmn8m; start native_idle 18905 0 "$RUNNER" -Xmx48m -Xmn8m; flavours+=(native)
fi
# The JVM as shipped (JAVA_OPTS of k8s/base/prober.env, or $JAVA_OPTS when set) and, unless JVM_NOFLAGS=0, with no
# flags at all: C2 is still compiling the probe path in the first minutes, and that shows in the window.
read -r -a IMAGE_FLAGS <<<"${JAVA_OPTS:-$(sed -n 's/^JAVA_OPTS=//p' "$(dirname "$0")/../k8s/base/prober.env")}"
start jvm 18906 1 java "${IMAGE_FLAGS[@]}" -jar "$JAR"; start jvm_idle 18907 0 java "${IMAGE_FLAGS[@]}" -jar "$JAR"; flavours+=(jvm)
if [ "${JVM_NOFLAGS:-1}" != 0 ]; then
  start jvm_noflags 18908 1 java -jar "$JAR"; start jvm_noflags_idle 18909 0 java -jar "$JAR"; flavours+=(jvm_noflags)
fi
cat >"$WORK/blackbox.yml" <<YML
modules:
  http_2xx:
    prober: http
    timeout: 1s
    http: {preferred_ip_protocol: ip4}
YML
prometheus-blackbox-exporter --config.file="$WORK/blackbox.yml" --web.listen-address="127.0.0.1:$BB_PORT" >"$WORK/blackbox.log" 2>&1 & PIDS+=($!); BB_PID=$!
wait_for blackbox_exporter 20 curl -sf "http://127.0.0.1:$BB_PORT/metrics"
sleep 10   # let everyone settle (the JVM's JIT warm-up of the first probes is not what we measure)
curl -s "http://127.0.0.1:$TARGET_PORT/_stats?reset=1" >/dev/null
declare -A c0
for f in "${flavours[@]}"; do p="PID_$f"; q="PID_${f}_idle"; c0[$f]=$(cpu_seconds "${!p}"); c0[${f}_idle]=$(cpu_seconds "${!q}"); done
b0=$(cpu_seconds $BB_PID)
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
b1=$(cpu_seconds $BB_PID); brss=$(rss_mib $BB_PID)
stats=$(curl -s "http://127.0.0.1:$TARGET_PORT/_stats")
# count PATH: requests to PATH; count_prefix PREFIX: to every path starting with PREFIX (the prober's targets)
count() { echo "$stats" | python3 -c 'import json,sys; print(len(json.load(sys.stdin).get(sys.argv[1],[])))' "$1"; }
count_prefix() { echo "$stats" | python3 -c 'import json,sys; print(sum(len(v) for k, v in json.load(sys.stdin).items() if k.startswith(sys.argv[1])))' "$1"; }
bn=$(count /blackbox)
echo "probe cost, $RATE/s over $TARGETS prober target(s) for ${DURATION}s, same local endpoint, one window"
printf '%-30s %8s %9s %9s %22s %10s\n' process probes "cpu s" "idle s" "marginal ms/probe" "rss MiB"
bper=$(python3 -c "print(f'{($b1 - $b0) / $bn * 1000:.3f}' if $bn else 'nan')")
for f in "${flavours[@]}"; do
  p="PID_$f"; q="PID_${f}_idle"
  busy=$(python3 -c "print($(cpu_seconds "${!p}") - ${c0[$f]})"); idle=$(python3 -c "print($(cpu_seconds "${!q}") - ${c0[${f}_idle]})")
  n=$(count_prefix "/prober-$f-")
  per=$(python3 -c "print(f'{($busy - $idle) / $n * 1000:.3f}' if $n else 'nan')")
  printf '%-30s %8s %9.2f %9.2f %22s %10s   (%.2fx blackbox)\n' "torghut-prober ($f)" "$n" "$busy" "$idle" "$per" "$(rss_mib "${!p}")" \
    "$(python3 -c "print($per / $bper if $bper else float('nan'))")"
done
printf '%-30s %8s %9.2f %9s %22s %10s\n' blackbox_exporter "$bn" "$(python3 -c "print($b1 - $b0)")" "-" "$bper" "$brss"

#!/usr/bin/env bash
# Benchmark 5: footprint, side by side in one run: the native executable, the JVM (as launched by default and with
# the shipped image's flags) and Prometheus' blackbox_exporter. For each: binary size, start to the first complete
# probe round, idle RSS (core probes at their default intervals, nothing else), and RSS with 100 HTTP targets probed
# every second for WINDOW seconds (blackbox_exporter: driven at 100 probes/s, as Prometheus would scrape 100 targets
# at a 1 s interval). Median of RUNS starts for the startup figure.
# usage: bench/footprint.sh [runs=3] [window_s=30]
# env: NATIVE_FLAGS (default: the -X flags of Dockerfile.native-micro), JVM_IMAGE_FLAGS (default: JAVA_OPTS of k8s/base/prober.env),
#      JVM_ROWS=0 leaves the JVM rows out (a quick native-against-blackbox run), K8S_ROWS=0 the "Kubernetes on" rows;
#      the build to compare with, in the same run (rows marked "before"): BEFORE_RUNNER (its native executable) and
#      BEFORE_JAR / BEFORE_DIR / BEFORE_COMMIT (its JVM build, bench/lib.sh before_jar), each with the image's flags
# The main rows run with the Kubernetes API off (no client at all). The "Kubernetes on" rows are the setting of a pod:
# Kubernetes reads every 15 s (the Knative Service, its revision, pod and log, the CNPG cluster: the healthy scenario)
# and the pause Lease renewed every 2 s, against scripts/kube_api_stub.py. The figures of 2026-12-06 and earlier were
# taken against bench/lease_api.py, which answered the first Knative read with 404, so the reads stopped there.
source "$(dirname "$0")/lib.sh"
RUNS=${1:-3}; WINDOW=${2:-30}
TARGET_PORT=18931; PROBER_PORT=18932; BB_PORT=18933
JAVA17=${JAVA17:-$(command -v java)}
# The native image's heap flags are what ships: the -X options of Dockerfile.native-micro's ENTRYPOINT.
read -r -a NATIVE_FLAGS <<<"${NATIVE_FLAGS:-$(grep '^ENTRYPOINT' "$(dirname "$0")/../src/main/docker/Dockerfile.native-micro" | grep -o '"-X[^"]*"' | tr -d '"' | tr '\n' ' ')}"
# The JVM image's flags are what ships: JAVA_OPTS in k8s/base/prober.env.
read -r -a JVM_IMAGE_FLAGS <<<"${JVM_IMAGE_FLAGS:-$(sed -n 's/^JAVA_OPTS=//p' "$(dirname "$0")/../k8s/base/prober.env")}"
RUNNER=$(find "$ROOT/target" -maxdepth 1 -name '*-runner' -type f -perm -u+x 2>/dev/null | head -1)
BEFORE_RUNNER=${BEFORE_RUNNER:-}
[ -z "$BEFORE_RUNNER" ] || [ -x "$BEFORE_RUNNER" ] || { echo "BEFORE_RUNNER=$BEFORE_RUNNER is not an executable" >&2; exit 1; }
BEFORE=$(before_jar)
build_if_needed
start_target $TARGET_PORT
ENVS=(TORGHUT_URL="http://127.0.0.1:$TARGET_PORT" TA_CLICKHOUSE_URL=http://127.0.0.1:9 PROBER_KUBERNETES_ENABLED=false
  PROBER_PAUSE_LEADER_ENABLED=false)
ROW_ENV=()
PROPS100="$WORK/footprint-100.properties"
: >"$PROPS100"
for i in $(seq 1 100); do
  printf 'prober.http.t%s.url=http://127.0.0.1:%s/t%s\nprober.http.t%s.interval=1s\nprober.http.t%s.timeout=900ms\n' \
    "$i" "$TARGET_PORT" "$i" "$i" "$i" >>"$PROPS100"
done

# launch label extra_env... -- command... : starts the prober, sets PID, prints start->first-round ms
launch() {
  local log="$WORK/footprint-$1.log" extra=() t0 t1; shift
  while [ "$1" != -- ]; do extra+=("$1"); shift; done; shift
  t0=$(date +%s%N)
  env "${ENVS[@]}" "${ROW_ENV[@]}" "${extra[@]}" PORT=$PROBER_PORT MANAGEMENT_PORT=$((PROBER_PORT + 1000)) "$@" >"$log" 2>&1 & PID=$!; PIDS+=("$PID")
  wait_for "the first probe round ($log)" 120 round_logged_or_exited "$log" "$PID"
  gone "$PID" && { echo "prober exited: $(tail -3 "$log")" >&2; return 1; }
  # The end is the prober's own timestamp on that line, not when the wait saw it: polling every 5 ms with a grep and
  # a sleep, on 2 cores shared with the starting prober, added about 100 ms (so the wait polls slowly).
  local line ts; line=$(grep -m1 "first probe round complete" "$log"); ts=$(sed -n 's/.*"timestamp":"\([^"]*\)".*/\1/p' <<<"$line")
  # Without the prober's own timestamp (a line not in JSON), the wait's time stands in: a little late, never negative.
  if [ -n "$ts" ]; then t1=$(date -d "$ts" +%s%N); else
    t1=$(date +%s%N); echo "no timestamp on the first-round line of $log (${line:0:120}): the wait's time is used" >&2
  fi
  STARTUP_MS=$(( (t1 - t0) / 1000000 ))
}

round_logged_or_exited() { grep -q "first probe round complete" "$1" || gone "$2"; }

stop() { kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null || true; }

# row label size_mib command... : startup median, idle RSS, RSS and peak with 100 targets
row() {
  local label=$1 size=$2; shift 2
  local s=()
  for _ in $(seq 1 "$RUNS"); do launch idle -- "$@"; s+=("$STARTUP_MS"); stop; done
  launch idle -- "$@"; sleep 15; local idle; idle=$(rss_mib "$PID"); stop
  launch t100 QUARKUS_CONFIG_LOCATIONS="file:$PROPS100" -- "$@"; sleep "$WINDOW"
  local busy hwm; busy=$(rss_mib "$PID"); hwm=$(hwm_mib "$PID"); stop
  printf '%-44s %9s %14s %10s %14s %14s\n' "$label" "$size" "$(printf '%s\n' "${s[@]}" | median)" "$idle" "$busy" "$hwm"
}

printf '%-44s %9s %14s %10s %14s %14s\n' process "size MiB" "start->round ms" "idle RSS" "RSS 100 tgts" "peak 100 tgts"
if [ -n "$RUNNER" ]; then
  nsize=$(du -m "$RUNNER" | cut -f1)
  row "native ${NATIVE_FLAGS[*]}" "$nsize" "$RUNNER" "${NATIVE_FLAGS[@]}"
  row "native, no heap flags" "$nsize" "$RUNNER"
  [ -n "$BEFORE_RUNNER" ] && row "before: native ${NATIVE_FLAGS[*]}" "$(du -m "$BEFORE_RUNNER" | cut -f1)" "$BEFORE_RUNNER" "${NATIVE_FLAGS[@]}"
else
  echo "native: no target/*-runner (build it with scripts/native.sh): row skipped"
fi
if [ "${JVM_ROWS:-1}" != 0 ]; then
  jsize=$(du -sm "$ROOT/target/quarkus-app" | cut -f1)
  row "JVM 17, image flags" "$jsize" "$JAVA17" "${JVM_IMAGE_FLAGS[@]}" -jar "$JAR"
  row "JVM 17, no flags" "$jsize" "$JAVA17" -jar "$JAR"
  [ -n "$BEFORE" ] && row "before: JVM 17, image flags" "$(du -sm "$(dirname "$BEFORE")" | cut -f1)" "$JAVA17" "${JVM_IMAGE_FLAGS[@]}" -jar "$BEFORE"
fi

if [ "${K8S_ROWS:-1}" != 0 ]; then
  mkdir -p "$WORK/footprint-kube"; rm -f "$WORK/footprint-kube/kube-requests.jsonl"
  start_kube_api "$WORK/footprint-kube"
  ROW_ENV=(PROBER_KUBERNETES_ENABLED=true PROBER_PAUSE_LEADER_ENABLED=true PROBER_KUBERNETES_API_SERVER_URL="$KUBE_URL")
  [ -n "$RUNNER" ] && row "native ${NATIVE_FLAGS[*]}, Kubernetes on" "$nsize" "$RUNNER" "${NATIVE_FLAGS[@]}"
  [ -n "$BEFORE_RUNNER" ] && row "before: native, Kubernetes on" "$(du -m "$BEFORE_RUNNER" | cut -f1)" "$BEFORE_RUNNER" "${NATIVE_FLAGS[@]}"
  [ "${JVM_ROWS:-1}" != 0 ] && row "JVM 17, image flags, Kubernetes on" "$jsize" "$JAVA17" "${JVM_IMAGE_FLAGS[@]}" -jar "$JAR"
  [ "${JVM_ROWS:-1}" != 0 ] && [ -n "$BEFORE" ] && row "before: JVM 17, image flags, Kubernetes on" "$(du -sm "$(dirname "$BEFORE")" | cut -f1)" \
    "$JAVA17" "${JVM_IMAGE_FLAGS[@]}" -jar "$BEFORE"
  ROW_ENV=()
fi

# blackbox_exporter: same target server, same window, 100 probes/s.
if command -v prometheus-blackbox-exporter >/dev/null; then
  printf 'modules:\n  http_2xx:\n    prober: http\n    timeout: 1s\n    http: {preferred_ip_protocol: ip4}\n' >"$WORK/blackbox.yml"
  prometheus-blackbox-exporter --config.file="$WORK/blackbox.yml" --web.listen-address="127.0.0.1:$BB_PORT" >"$WORK/blackbox.log" 2>&1 &
  PID=$!; PIDS+=("$PID")
  wait_for blackbox_exporter 20 curl -sf "http://127.0.0.1:$BB_PORT/metrics"
  sleep 5; bidle=$(rss_mib "$PID")
  python3 - "$BB_PORT" "$TARGET_PORT" "$WINDOW" <<'PY'
import sys, time, urllib.request
from concurrent.futures import ThreadPoolExecutor
bb, target, window = sys.argv[1], sys.argv[2], float(sys.argv[3])
def probe(i):
    urllib.request.urlopen(f"http://127.0.0.1:{bb}/probe?module=http_2xx&target=http://127.0.0.1:{target}/b{i}", timeout=2).read()
with ThreadPoolExecutor(16) as pool:
    start = time.monotonic(); second = 0
    while second < window:
        due = start + second
        if due > time.monotonic(): time.sleep(due - time.monotonic())
        list(pool.map(probe, range(1, 101))); second += 1
PY
  bbusy=$(rss_mib "$PID"); bhwm=$(hwm_mib "$PID")
  bsize=$(du -m "$(command -v prometheus-blackbox-exporter)" | cut -f1)
  printf '%-44s %9s %14s %10s %14s %14s\n' "blackbox_exporter (100 probes/s)" "$bsize" "-" "$bidle" "$bbusy" "$bhwm"
  stop
else
  echo "blackbox_exporter: not installed (Debian package prometheus-blackbox-exporter): row skipped"
fi

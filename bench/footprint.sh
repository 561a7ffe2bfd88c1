#!/usr/bin/env bash
# Benchmark 5: footprint. Startup to first complete probe round, idle RSS and RSS under /diagnose load, on Java 17
# and on Java 25 (Temurin, /usr/lib/jvm/temurin-25-jdk-amd64 when present), with and without a class-data cache
# (AppCDS on 17, the JDK 25 AOT cache). Median of RUNS starts each.
# usage: bench/footprint.sh [runs=3]
source "$(dirname "$0")/lib.sh"
RUNS=${1:-3}
TARGET_PORT=18931; PROBER_PORT=18932
JAVA17=${JAVA17:-$(command -v java)}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
build_if_needed
start_target $TARGET_PORT
APP_DIR=$ROOT/target/quarkus-app
ENVS=(TORGHUT_URL="http://127.0.0.1:$TARGET_PORT" TA_CLICKHOUSE_URL=http://127.0.0.1:9 PROBER_KUBERNETES_ENABLED=false)

# one_start java opts... -> "startup_ms idle_rss loaded_rss"
one_start() {
  local java=$1; shift
  local log="$WORK/footprint.log" t0 t1
  t0=$(date +%s%N)
  env "${ENVS[@]}" PORT=$PROBER_PORT MANAGEMENT_PORT=$((PROBER_PORT + 1000)) "$java" "$@" -jar "$APP_DIR/quarkus-run.jar" >"$log" 2>&1 & local pid=$!
  until grep -q "first probe round complete" "$log" 2>/dev/null; do
    kill -0 $pid 2>/dev/null || { echo "prober exited: $(tail -3 "$log")" >&2; return 1; }; sleep 0.02; done
  t1=$(date +%s%N)
  sleep 15; local idle; idle=$(rss_mib $pid)
  if command -v wrk >/dev/null; then wrk -t1 -c8 -d10s "http://127.0.0.1:$PROBER_PORT/diagnose" >/dev/null; fi
  local loaded; loaded=$(hwm_mib $pid)
  kill $pid; wait $pid 2>/dev/null || true
  echo "$(( (t1 - t0) / 1000000 )) $idle $loaded"
}

measure() { # label java opts...
  local label=$1; shift
  local s=() i=() l=()
  for _ in $(seq 1 "$RUNS"); do read -r a b c < <(one_start "$@"); s+=("$a"); i+=("$b"); l+=("$c"); done
  printf '%-34s %12s %12s %14s\n' "$label" "$(printf '%s\n' "${s[@]}" | median)" "$(printf '%s\n' "${i[@]}" | median)" "$(printf '%s\n' "${l[@]}" | median)"
}

printf '%-34s %12s %12s %14s\n' "JVM" "start->round ms" "idle RSS MiB" "loaded peak MiB"
measure "java 17" "$JAVA17"
measure "java 17 -Xmx64m SerialGC" "$JAVA17" -Xmx64m -XX:+UseSerialGC -Xss512k
# AppCDS (JDK 17): dump a dynamic archive from a training run, then start from it.
rm -f "$WORK/app17.jsa"
env "${ENVS[@]}" PORT=$PROBER_PORT MANAGEMENT_PORT=$((PROBER_PORT + 1000)) "$JAVA17" -XX:ArchiveClassesAtExit="$WORK/app17.jsa" -jar "$APP_DIR/quarkus-run.jar" >"$WORK/cds.log" 2>&1 & p=$!
sleep 12; kill $p; wait $p 2>/dev/null || true
measure "java 17 AppCDS" "$JAVA17" -XX:SharedArchiveFile="$WORK/app17.jsa"
measure "java 17 AppCDS -Xmx64m SerialGC" "$JAVA17" -XX:SharedArchiveFile="$WORK/app17.jsa" -Xmx64m -XX:+UseSerialGC -Xss512k
if [ -x "$JAVA25" ]; then
  measure "java 25" "$JAVA25"
  rm -f "$WORK/app25.aot"
  env "${ENVS[@]}" PORT=$PROBER_PORT MANAGEMENT_PORT=$((PROBER_PORT + 1000)) "$JAVA25" -XX:AOTCacheOutput="$WORK/app25.aot" -jar "$APP_DIR/quarkus-run.jar" >"$WORK/aot.log" 2>&1 & p=$!
  sleep 12; kill $p; wait $p 2>/dev/null || true
  measure "java 25 AOT cache" "$JAVA25" -XX:AOTCache="$WORK/app25.aot"
  measure "java 25 AOT cache -Xmx64m SerialGC" "$JAVA25" -XX:AOTCache="$WORK/app25.aot" -Xmx64m -XX:+UseSerialGC -Xss512k
else
  echo "java 25 not found at $JAVA25: skipped"
fi

# shellcheck shell=bash
# Variables set here (QUIET_CORE, TARGET_PID, PROBER_PID, KUBE_PID, KUBE_URL) are read by the scripts that source this file.
# shellcheck disable=SC2034
# Shared helpers for the benchmark scripts (sourced). Everything runs on 127.0.0.1 and stops by itself. The readiness
# wait (wait_for) and the GitOps repository seeding (seed_gitops_repo, human_resume) are scripts/lib.sh's.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
source "$ROOT/scripts/lib.sh"
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
CLK_TCK=$(getconf CLK_TCK)
WORK=${BENCH_WORK:-/tmp/torghut-prober-bench}
mkdir -p "$WORK"
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

build_if_needed() {
  if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/src" "$ROOT/pom.xml" -newer "$JAR" -print -quit)" ]; then
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
  fi
}

# cpu_seconds PID -> user+system CPU seconds the process has used so far
cpu_seconds() { awk -v t="$CLK_TCK" '{printf "%.3f", ($14+$15)/t}' "/proc/$1/stat"; }
# rss_mib PID -> resident set size in MiB
rss_mib() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }
# hwm_mib PID -> peak resident set size in MiB
hwm_mib() { awk '/VmHWM/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }

start_target() { # port: the HTTP target (scripts/target_server.py)
  python3 "$ROOT/scripts/target_server.py" "$1" & PIDS+=($!); TARGET_PID=$!
  wait_for "the target server" 10 curl -sf "http://127.0.0.1:$1/_stats"
}

# start_kube_api DIR [kube_api_stub.py options...]: the Kubernetes API stand-in (scripts/kube_api_stub.py, the healthy
# scenario) on an ephemeral port, every request logged to DIR/kube-requests.jsonl, its stderr in DIR/kube.log.
# Sets KUBE_PID and KUBE_URL.
start_kube_api() {
  local dir=$1; shift
  rm -f "$dir/kube.port"
  python3 "$ROOT/scripts/kube_api_stub.py" --port-file "$dir/kube.port" --requests "$dir/kube-requests.jsonl" "$@" \
    >"$dir/kube.log" 2>&1 & PIDS+=($!); KUBE_PID=$!
  wait_for "the Kubernetes API stand-in" 10 test -s "$dir/kube.port"
  KUBE_URL="http://127.0.0.1:$(cat "$dir/kube.port")"
}

# Core probes point at nothing and run hourly, so that a benchmark measures only the probes it configures.
QUIET_CORE=(PROBER_TORGHUT_HEALTHZ_INTERVAL=1h PROBER_TORGHUT_TRADING_HEALTH_INTERVAL=1h PROBER_CLICKHOUSE_INTERVAL=1h
  PROBER_FRESHNESS_INTERVAL=1h PROBER_POSTGRES_INTERVAL=1h PROBER_KUBERNETES_ENABLED=false
  TORGHUT_URL=http://127.0.0.1:9 TA_CLICKHOUSE_URL=http://127.0.0.1:9)

# The management port (/q/health, /q/metrics) is the application port + 1000.
mgmt_port() { echo $(($1 + 1000)); }

start_prober() { # port log java [env...]; sets PROBER_PID. Runs $PROBER_JAR when set (another build), else this tree's.
  local port=$1 log=$2 java=$3; shift 3
  env "$@" PORT="$port" MANAGEMENT_PORT="$(mgmt_port "$port")" "$java" ${JAVA_OPTS:-} -jar "${PROBER_JAR:-$JAR}" >"$log" 2>&1 & PIDS+=($!); PROBER_PID=$!
  wait_for "the prober ($log)" 60 curl -sf "http://127.0.0.1:$(mgmt_port "$port")/q/health/ready"
}

# The build to compare with, side by side in one run: BEFORE_JAR (a quarkus-run.jar), BEFORE_DIR (another checkout,
# e.g. a worktree of main, already built with ./mvnw package -DskipTests), or BEFORE_COMMIT (a commit of this
# repository: exported with git archive into $WORK/before-<commit> and built there once). Prints the jar's path, nothing
# when none is set.
before_jar() {
  local jar=${BEFORE_JAR:-}
  if [ -z "$jar" ] && [ -n "${BEFORE_DIR:-}" ]; then jar=$BEFORE_DIR/target/quarkus-app/quarkus-run.jar; fi
  if [ -z "$jar" ] && [ -n "${BEFORE_COMMIT:-}" ]; then
    local commit src; commit=$(git -C "$ROOT" rev-parse --short=12 "$BEFORE_COMMIT^{commit}") || return 1
    src=$WORK/before-$commit; jar=$src/target/quarkus-app/quarkus-run.jar
    if [ ! -f "$jar" ]; then
      echo "building $BEFORE_COMMIT ($commit) in $src ..." >&2
      rm -rf "$src"; mkdir -p "$src"
      git -C "$ROOT" archive "$commit" | tar -x -C "$src"
      (cd "$src" && ./mvnw -B -q package -DskipTests >&2) || return 1
    fi
  fi
  if [ -n "$jar" ] && [ ! -f "$jar" ]; then echo "no build at $jar (run ./mvnw -B package -DskipTests there first)" >&2; return 1; fi
  echo "$jar"
}

# median of numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

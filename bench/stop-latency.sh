#!/usr/bin/env bash
# Benchmark: how long the packaged prober takes to stop on SIGTERM (what a rolling update waits for; Kubernetes kills
# the pod after terminationGracePeriodSeconds, 30 s by default). Issue 10 point 4: a stop takes at most the pause in
# flight plus about 2 s; hung probes and unreachable APIs are abandoned, not awaited. Scenarios, each run ROUNDS times:
#   idle         every dependency refuses connections; no Kubernetes API
#   torghut-hung Torghut accepts connections and never answers (probes in flight), Kubernetes API up, Lease held
#                (the API is scripts/kube_api_stub.py with the healthy scenario: the Kubernetes reads run too)
#   api-refused  the Lease is held, then the Kubernetes API goes away (connections refused) before SIGTERM
#   api-hung     the Lease is held, then the Kubernetes API accepts requests and never answers before SIGTERM
#   pause-in-flight  trigger mode: a POST /pause has pushed its commit and waits for its Argo CD sync request, which the
#                API answers after 4 s (SLOW_PATCH_SECONDS); SIGTERM comes as soon as that request has arrived. Quarkus
#                waits for the request in flight (quarkus.shutdown.timeout), so the floor is the rest of those 4 s
# Time is measured from SIGTERM to the process's exit.
#   bench/stop-latency.sh [rounds=3]                    this tree only
#   BEFORE_JAR=/path/quarkus-run.jar bench/stop-latency.sh   also the jar given (e.g. a build of main), side by side
#   BEFORE_DIR=/path/to/main-checkout bench/stop-latency.sh  the same, with the build in that checkout's target/
#   SCENARIOS="idle pause-in-flight" bench/stop-latency.sh   only those
# Every port is ephemeral on 127.0.0.1; everything it starts is stopped at the end.
source "$(dirname "$0")/lib.sh"
ROUNDS=${1:-3}
SCENARIOS=${SCENARIOS:-idle torghut-hung api-refused api-hung pause-in-flight}
BEFORE=$(before_jar)
build_if_needed

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# A server that accepts connections and never answers; writes its port to $1.
silent_server() { # port_file
  python3 -c '
import socket, sys
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(128)
open(sys.argv[1], "w").write(str(s.getsockname()[1]))
held = []
while True:
    held.append(s.accept()[0])
' "$1" >/dev/null 2>&1 & PIDS+=($!); SILENT_PID=$!
  wait_for "the silent server" 10 test -s "$1"
}

# metric VALUE of NAME on the management port, or empty
metric() { curl -s "http://127.0.0.1:$2/q/metrics" | awk -v n="$1" '$1 == n {print $2}'; }
leading() { [ "$(metric torghut_prober_leader "$1")" = "1.0" ]; } # mgmt_port

stop_once() { # label jar scenario; sets SECONDS_TO_EXIT
  local label=$1 jar=$2 scenario=$3 dir="$WORK/stop-$1-$3" port mgmt torghut=http://127.0.0.1:9 api_pid='' env=()
  SILENT_PID=
  rm -rf "$dir"; mkdir -p "$dir"
  port=$(free_port); mgmt=$(free_port)
  if [ "$scenario" != idle ]; then
    start_kube_api "$dir" --slow-patch-seconds "${SLOW_PATCH_SECONDS:-4}"; api_pid=$KUBE_PID
    env+=(PROBER_KUBERNETES_API_SERVER_URL="$KUBE_URL"
      PROBER_KUBERNETES_ENABLED=true PROBER_PAUSE_LEADER_ENABLED=true
      PROBER_PAUSE_LEADER_DURATION=6s PROBER_PAUSE_LEADER_RENEW_DEADLINE=4s PROBER_PAUSE_LEADER_RETRY_PERIOD=1s)
  else
    env+=(PROBER_KUBERNETES_ENABLED=false PROBER_PAUSE_LEADER_ENABLED=false)
  fi
  if [ "$scenario" = pause-in-flight ]; then
    seed_gitops_repo "$dir/gitops.git" "$dir/seed"
    env+=(PROBER_PAUSE_LEADER_ENABLED=false PROBER_PAUSE_MODE=trigger PROBER_PAUSE_TOKEN=stop-bench-token
      GITOPS_REPO_URL="file://$dir/gitops.git" GITOPS_BRANCH=main GITOPS_WORK_DIR="$dir/workdir")
  fi
  if [ "$scenario" = torghut-hung ]; then
    silent_server "$dir/torghut.port"; torghut="http://127.0.0.1:$(cat "$dir/torghut.port")"
  fi
  env -i PATH="$PATH" HOME="$HOME" PORT="$port" MANAGEMENT_PORT="$mgmt" PROBER_LOG_JSON=false TORGHUT_URL="$torghut" \
    TA_CLICKHOUSE_URL=http://127.0.0.1:9 "${env[@]}" java -Xmx64m -jar "$jar" >"$dir/prober.log" 2>&1 & PIDS+=($!)
  local pid=$!
  wait_for "the prober ($dir/prober.log)" 90 curl -sf "http://127.0.0.1:$mgmt/q/health/live"
  if [ "$scenario" != idle ] && [ "$scenario" != pause-in-flight ]; then
    wait_for "$label $scenario: the Lease" 30 leading "$mgmt" || echo "$label $scenario: never held the Lease" >&2
  fi
  case $scenario in
    torghut-hung) sleep 1 ;;  # the Torghut probes are waiting for an answer now
    api-refused) kill "$api_pid"; wait "$api_pid" 2>/dev/null || true; sleep 0.5 ;;
    api-hung) kill -USR1 "$api_pid"; sleep 0.5 ;;
    pause-in-flight) pause_in_flight "$dir" "$port" "$api_pid" ;;
  esac
  local t0 t1
  t0=$(date +%s.%N); kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; t1=$(date +%s.%N)
  for p in $api_pid $SILENT_PID; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  SECONDS_TO_EXIT=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}')
  if [ "$scenario" = pause-in-flight ]; then
    wait "$PAUSE_CURL" 2>/dev/null || true
    if ! grep -q 'pause action mode=trigger result=paused' "$dir/prober.log"; then
      echo "$label pause-in-flight: the pause did not complete before the exit (HTTP $(cat "$dir/pause.status" 2>/dev/null))" >&2
    fi
  fi
}

# POST /pause in the background; returns once its Argo CD sync request has reached the (now slow) API.
pause_in_flight() { # dir port api_pid
  kill -USR2 "$3"
  curl -s -o "$1/pause.json" -w '%{http_code}' -X POST -H 'Authorization: Bearer stop-bench-token' -H 'Content-Type: application/json' \
    -d '{"reason": "stop-latency bench", "requestedBy": "bench"}' "http://127.0.0.1:$2/pause" >"$1/pause.status" 2>&1 &
  PAUSE_CURL=$!
  wait_for "the Argo CD sync request" 30 grep -q '^PATCH ' "$1/kube.log" \
    || echo "pause-in-flight: the pause never reached Argo CD's sync: $(cat "$1/pause.json" 2>/dev/null)" >&2
}

measure() { # label jar
  local label=$1 jar=$2 scenario times
  for scenario in $SCENARIOS; do
    times=()
    for _ in $(seq 1 "$ROUNDS"); do stop_once "$label" "$jar" "$scenario"; times+=("$SECONDS_TO_EXIT"); done
    printf '%-7s %-15s SIGTERM to exit: median %5.2fs  max %5.2fs  (%s)\n' "$label" "$scenario" \
      "$(printf '%s\n' "${times[@]}" | median)" "$(printf '%s\n' "${times[@]}" | sort -n | tail -1)" "${times[*]}"
  done
}

echo "stop latency, $ROUNDS rounds per scenario; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
if [ -n "$BEFORE" ]; then
  measure before "$BEFORE"
fi
measure after "$JAR"

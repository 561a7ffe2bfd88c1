#!/usr/bin/env bash
# Benchmark: 200 concurrent manual pauses (POST /pause, trigger mode, each its own request) against one GitOps
# remote; prints p50/p99/max latency, the answers, and the commits made; then 20 single pauses one after another.
# Issue 10 point 7: concurrent pauses share one git round (single-flight) instead of queueing a fetch each.
#   bench/pause-concurrency.sh [n=200]                       this tree only
#   BEFORE_COMMIT=main bench/pause-concurrency.sh [n=200]    also that commit's build (or BEFORE_DIR, BEFORE_JAR: see
#                                                            bench/lib.sh's before_jar), side by side
# Runs on 127.0.0.1 (port 19502, BENCH_PAUSE_PORT; the Kubernetes API stand-in on an ephemeral port) and stops by itself.
source "$(dirname "$0")/lib.sh"
N=${1:-200}
PROBER_PORT=${BENCH_PAUSE_PORT:-19502}; TOKEN=bench-pause-token-0123
BEFORE=$(before_jar)
build_if_needed

run() { # label jar
  local label=$1 jar=$2 dir="$WORK/pause-$1"
  rm -rf "$dir"; mkdir -p "$dir"
  seed_gitops_repo "$dir/gitops.git" "$dir/seed"
  start_kube_api "$dir"
  PROBER_JAR=$jar start_prober "$PROBER_PORT" "$dir/prober.log" java "${QUIET_CORE[@]}" PROBER_PAUSE_LEADER_ENABLED=false \
    PROBER_KUBERNETES_ENABLED=true PROBER_KUBERNETES_INTERVAL=1h PROBER_KUBERNETES_API_SERVER_URL="$KUBE_URL" \
    PROBER_PAUSE_MODE=trigger PROBER_PAUSE_TOKEN=$TOKEN GITOPS_REPO_URL="file://$dir/gitops.git" GITOPS_BRANCH=main \
    GITOPS_WORK_DIR="$dir/workdir"
  local result
  result=$(python3 "$BENCH_DIR/pause_burst.py" "http://127.0.0.1:$PROBER_PORT/pause" "$TOKEN" "$N")
  printf '%-7s %s commits=%s\n' "$label" "$result" "$(($(git --git-dir="$dir/gitops.git" rev-list --count main) - 1))"
  [ "$label" = after ] && sequential "$dir"
  kill "$PROBER_PID" "$KUBE_PID" 2>/dev/null || true; wait "$PROBER_PID" "$KUBE_PID" 2>/dev/null || true
}

# 20 single pauses one after the other, each after a human resume commit and with "force": true (else the resume is
# honoured for the rest of the episode): one fetch+edit+commit+push round each (the figures that used to be printed by
# GitOpsPauserTest), measured end to end through POST /pause.
sequential() { # dir
  local dir=$1 i out before times=()
  for i in $(seq 1 20); do
    human_resume "$dir/seed" "resume $i"
    before=$(git --git-dir="$dir/gitops.git" rev-list --count main)
    out=$(curl -s -o "$dir/answer.json" -w '%{http_code} %{time_total}' -X POST -H "Authorization: Bearer $TOKEN" \
      -H 'Content-Type: application/json' \
      --data "{\"reason\":\"sequential $i\",\"requestedBy\":\"bench\",\"force\":true}" "http://127.0.0.1:$PROBER_PORT/pause")
    if [ "${out%% *}" != 200 ] || [ "$(git --git-dir="$dir/gitops.git" rev-list --count main)" != $((before + 1)) ]; then
      echo "sequential pause $i: HTTP ${out%% *}, no new commit: $(cat "$dir/answer.json")" >&2; exit 1
    fi
    times+=("${out#* }")
  done
  printf 'sequential: 20 single pauses (fetch+edit+commit+push each): median %.3fs min %.3fs max %.3fs\n' \
    "$(printf '%s\n' "${times[@]}" | median)" "$(printf '%s\n' "${times[@]}" | sort -n | head -1)" \
    "$(printf '%s\n' "${times[@]}" | sort -n | tail -1)"
}

echo "$N concurrent manual pauses, trigger mode, file:// remote; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
if [ -n "$BEFORE" ]; then
  run before "$BEFORE"
fi
run after "$JAR"

#!/usr/bin/env bash
# Benchmark: 200 concurrent manual pauses (POST /pause, trigger mode, each its own request) against one GitOps
# remote; prints p50/p99/max latency, the answers, and the commits made. Issue 10 point 7: concurrent pauses share
# one git round (single-flight) instead of queueing a fetch each.
#   bench/pause-concurrency.sh [n=200]            this tree only
#   bench/pause-concurrency.sh --compare [n=200]  also builds `git archive main` and prints both, side by side
# BEFORE_JAR=/path/quarkus-run.jar skips the build of main. Runs on 127.0.0.1 (ports 19502, 55502; BENCH_PAUSE_PORT, BENCH_KUBE_PORT) and stops by itself.
source "$(dirname "$0")/lib.sh"
COMPARE=0
if [ "${1:-}" = "--compare" ]; then COMPARE=1; shift; fi
N=${1:-200}
PROBER_PORT=${BENCH_PAUSE_PORT:-19502}; KUBE_PORT=${BENCH_KUBE_PORT:-55502}; TOKEN=bench-pause-token-0123
MANIFEST=argocd/applications/torghut/knative-service.yaml
build_if_needed

main_jar() {
  if [ -n "${BEFORE_JAR:-}" ]; then echo "$BEFORE_JAR"; return; fi
  local src="$WORK/main-src"
  rm -rf "$src"; mkdir -p "$src"
  git -C "$ROOT" archive main | tar -x -C "$src"
  (cd "$src" && ./mvnw -B -q package -DskipTests >&2)
  echo "$src/target/quarkus-app/quarkus-run.jar"
}

seed_remote() { # dir
  rm -rf "$1"; git init -q --bare -b main "$1/gitops.git"
  git clone -q "$1/gitops.git" "$1/seed" 2>/dev/null
  mkdir -p "$1/seed/$(dirname $MANIFEST)"
  cp "$ROOT/src/test/resources/e2e/knative-service.yaml" "$1/seed/$MANIFEST"
  git -C "$1/seed" add -A
  git -C "$1/seed" -c user.name=seed -c user.email=seed@example.invalid commit -qm "torghut: initial manifest"
  git -C "$1/seed" push -q origin HEAD:main
}

run() { # label jar
  local label=$1 jar=$2 dir="$WORK/pause-$1"
  seed_remote "$dir"
  python3 "$ROOT/scripts/kube_api_stub.py" "$KUBE_PORT" "$dir/kube-requests.jsonl" >"$dir/kube.log" 2>&1 & PIDS+=($!)
  local kube=$!
  wait_http "http://127.0.0.1:$KUBE_PORT/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/torghut" 10
  JAR=$jar start_prober $PROBER_PORT "$dir/prober.log" java "${QUIET_CORE[@]}" PROBER_PAUSE_LEADER_ENABLED=false \
    PROBER_KUBERNETES_ENABLED=true PROBER_KUBERNETES_INTERVAL=1h \
    PROBER_KUBERNETES_API_SERVER_URL="http://127.0.0.1:$KUBE_PORT" \
    PROBER_PAUSE_MODE=trigger PROBER_PAUSE_TOKEN=$TOKEN GITOPS_REPO_URL="file://$dir/gitops.git" GITOPS_BRANCH=main \
    GITOPS_WORK_DIR="$dir/workdir"
  local result
  result=$(python3 "$BENCH_DIR/pause_burst.py" "http://127.0.0.1:$PROBER_PORT/pause" "$TOKEN" "$N")
  printf '%-7s %s commits=%s\n' "$label" "$result" "$(($(git --git-dir="$dir/gitops.git" rev-list --count main) - 1))"
  [ "$label" = after ] && sequential "$dir"
  kill "$PROBER_PID" "$kube" 2>/dev/null || true; wait "$PROBER_PID" "$kube" 2>/dev/null || true
}

# 20 single pauses one after the other, each after a human resume commit: one fetch+edit+commit+push round each
# (the figures that used to be printed by GitOpsPauserTest), measured end to end through POST /pause.
sequential() { # dir
  local dir=$1 i t times=()
  for i in $(seq 1 20); do
    git -C "$dir/seed" pull -q origin main
    sed -i 's/value: "false"/value: "true"/' "$dir/seed/$MANIFEST"
    git -C "$dir/seed" -c user.name=human -c user.email=h@example.invalid commit -qam "resume $i"
    git -C "$dir/seed" push -q origin HEAD:main
    t=$(curl -s -o /dev/null -w '%{time_total}' -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      --data "{\"reason\":\"sequential $i\",\"requestedBy\":\"bench\"}" "http://127.0.0.1:$PROBER_PORT/pause")
    times+=("$t")
  done
  printf 'sequential: 20 single pauses (fetch+edit+commit+push each): median %.3fs min %.3fs max %.3fs\n' \
    "$(printf '%s\n' "${times[@]}" | median)" "$(printf '%s\n' "${times[@]}" | sort -n | head -1)" \
    "$(printf '%s\n' "${times[@]}" | sort -n | tail -1)"
}

echo "$N concurrent manual pauses, trigger mode, file:// remote; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
if [ $COMPARE = 1 ]; then
  run before "$(main_jar)"
fi
run after "$JAR"

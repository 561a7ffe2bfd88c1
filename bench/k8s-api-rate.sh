#!/usr/bin/env bash
# Kubernetes API requests per minute, before and after, side by side in one run. Each build runs as the packaged jar
# with its default cadences, Kubernetes reads on, trigger mode on a local bare git repository, the Lease off, Torghut
# and ClickHouse pointed at a closed port (they make no API request), against scripts/kube_api_stub.py holding the
# healthy scenario (the Knative Service, its revision and pod, the CNPG cluster, the Argo CD Application). The stand-in
# runs without --gitops: a sync never rolls anything out, the live revision keeps TRADING_ENABLED=true, and a pause stays
# unconfirmed. Three phases, every request counted by method and path (query left out) from the stand-in's request log:
#   steady      BENCH_SECONDS (default 60) after a 5 s warm-up, no pause
#   at-pause    a manual POST /pause and the second after it (the Argo CD patch, the Event, the reads it brings forward)
#   confirming  the next BENCH_SECONDS: the pause is committed and its rollout followed at the confirming cadence
#               (prober.pause.effective-check-every); the run fails if the pause stopped being followed
# usage: bench/k8s-api-rate.sh
#   the build compared with: BEFORE_COMMIT (default 42ba74e, issue 20's before: the last build on the prober's own REST
#   client), or BEFORE_DIR / BEFORE_JAR (bench/lib.sh's before_jar); BEFORE_COMMIT=none measures this tree only.
# Why the stand-in and not the fabric8 mock server, as this script's earlier form did (bench/archive/): the mock server
# runs inside @QuarkusTest, so that form copied a test class into a checkout of each commit, which breaks whenever the
# test tree's packages move, and measured the test profile; here both builds are the production jar, answered by the
# same stand-in that the end-to-end test checks the prober against. What is counted is the same: HTTP requests.
source "$(dirname "$0")/lib.sh"
SECONDS_PER_PHASE=${BENCH_SECONDS:-60}
PROBER_PORT=${BENCH_PROBER_PORT:-18961}
TOKEN=bench-token-0b7e
BEFORE_COMMIT=${BEFORE_COMMIT:-42ba74e}
[ "$BEFORE_COMMIT" = none ] && BEFORE_COMMIT=
BEFORE=$(before_jar)
build_if_needed

# count DIR FROM TO PHASE: the requests logged in [FROM, TO), per minute, in total and by method and path
count() {
  python3 - "$1/kube-requests.jsonl" "$2" "$3" "$4" <<'PY'
import collections, json, sys
log, start, end, phase = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
by_path = collections.Counter()
for line in open(log):
    r = json.loads(line)
    if start <= r['t'] < end:
        by_path[r['method'] + ' ' + r['path'].split('?', 1)[0]] += 1
minutes = (end - start) / 60
total = sum(by_path.values())
if phase == 'at-pause':
    print(f"at-pause {total} requests (the POST /pause and the next second)")
    for path, n in sorted(by_path.items()):
        print(f"at-pause   {n}  {path}")
else:
    print(f"{phase} total {total} requests in {end - start:.1f} s = {total / minutes:.1f} per minute")
    for path, n in sorted(by_path.items()):
        print(f"{phase}   {n / minutes:6.1f}/min  {path}")
PY
}

run() { # label jar
  local label=$1 jar=$2 dir="$WORK/k8s-api-rate-$1" t0 t1 t2 t3 answer state
  rm -rf "$dir"; mkdir -p "$dir"
  seed_gitops_repo "$dir/gitops.git" "$dir/seed"
  start_kube_api "$dir"
  PROBER_JAR=$jar start_prober "$PROBER_PORT" "$dir/prober.log" java TORGHUT_URL=http://127.0.0.1:9 \
    TA_CLICKHOUSE_URL=http://127.0.0.1:9 PROBER_KUBERNETES_ENABLED=true PROBER_KUBERNETES_API_SERVER_URL="$KUBE_URL" \
    PROBER_PAUSE_LEADER_ENABLED=false PROBER_PAUSE_MODE=trigger PROBER_PAUSE_TOKEN=$TOKEN \
    GITOPS_REPO_URL="file://$dir/gitops.git" GITOPS_BRANCH=main GITOPS_WORK_DIR="$dir/workdir"
  sleep 5
  t0=$(date +%s.%N); sleep "$SECONDS_PER_PHASE"; t1=$(date +%s.%N)
  answer=$(curl -s -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"reason": "bench: confirming phase", "requestedBy": "bench"}' "http://127.0.0.1:$PROBER_PORT/pause")
  if [ "$(echo "$answer" | python3 -c 'import json, sys; print(json.load(sys.stdin).get("action"))' 2>/dev/null)" != paused ]; then
    echo "$label: the pause was not made: $answer" >&2; exit 1
  fi
  sleep 1; t2=$(date +%s.%N); sleep "$SECONDS_PER_PHASE"; t3=$(date +%s.%N)
  state=$(curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PROBER_PORT/pause" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["effectiveness"]["status"])')
  kill "$PROBER_PID" "$KUBE_PID" 2>/dev/null || true; wait "$PROBER_PID" "$KUBE_PID" 2>/dev/null || true
  case $state in waiting|overdue) ;; *) echo "$label: the pause stopped being confirmed during the phase: $state" >&2; exit 1 ;; esac
  echo "== $label: $jar"
  count "$dir" "$t0" "$t1" steady | tee "$dir/steady.txt"
  count "$dir" "$t1" "$t2" at-pause | tee "$dir/at-pause.txt"
  count "$dir" "$t2" "$t3" confirming | tee "$dir/confirming.txt"
  SUMMARY+=("$(printf '%-7s steady %6s/min   confirming a pause %6s/min   (+%s in the second of the POST /pause)' "$label" \
    "$(sed -n 's/^steady total .* = \([0-9.]*\) per minute$/\1/p' "$dir/steady.txt")" \
    "$(sed -n 's/^confirming total .* = \([0-9.]*\) per minute$/\1/p' "$dir/confirming.txt")" \
    "$(sed -n 's/^at-pause \([0-9]*\) requests.*/\1/p' "$dir/at-pause.txt")")")
}

SUMMARY=()
echo "Kubernetes API requests per minute, ${SECONDS_PER_PHASE}s per phase; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
if [ -n "$BEFORE" ]; then run before "$BEFORE"; fi
run after "$JAR"
echo "== requests per minute"
printf '%s\n' "${SUMMARY[@]}"

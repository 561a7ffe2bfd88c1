#!/usr/bin/env bash
# Benchmark: POST /pause -> pushed commit. The production jar in trigger mode against a local bare git repository
# (file://) and the Kubernetes API stand-in (scripts/kube_api_stub.py: Argo CD Application, Events); before every
# request a human-style commit resumes trading and the POST says "force": true (a human's resume is otherwise honoured
# for the rest of the episode: resumed-by-human, no commit), so that every POST makes exactly one new commit. Prints
# the median, min and max wall time of the POST (curl's time_total: the answer comes after the push and the Argo CD
# patch).
# Moved here from PauseResourceTest: a speed figure is a benchmark, not a test.
# usage: bench/pause-latency.sh [requests=20]
source "$(dirname "$0")/lib.sh"
N=${1:-20}
PROBER_PORT=18946
TOKEN=bench-pause-token-$$
DIR=$WORK/pause
build_if_needed
rm -rf "$DIR"; mkdir -p "$DIR"
seed_gitops_repo "$DIR/gitops.git" "$DIR/human"
start_kube_api "$DIR"
start_prober $PROBER_PORT "$DIR/prober.log" java "${QUIET_CORE[@]}" PROBER_PAUSE_MODE=trigger PROBER_PAUSE_TOKEN="$TOKEN" \
  PROBER_PAUSE_LEADER_ENABLED=false PROBER_KUBERNETES_ENABLED=true PROBER_KUBERNETES_INTERVAL=1h \
  PROBER_KUBERNETES_API_SERVER_URL="$KUBE_URL" \
  GITOPS_REPO_URL="file://$DIR/gitops.git" GITOPS_BRANCH=main GITOPS_WORK_DIR="$DIR/workdir"

times=()
for i in $(seq 1 "$N"); do
  human_resume "$DIR/human" "resume trading (human decision) $i"
  before=$(git --git-dir="$DIR/gitops.git" rev-list --count main)
  out=$(curl -s -o "$DIR/answer.json" -w '%{http_code} %{time_total}' -X POST -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "{\"reason\": \"bench $i\", \"requestedBy\": \"bench\", \"force\": true}" "http://127.0.0.1:$PROBER_PORT/pause")
  after=$(git --git-dir="$DIR/gitops.git" rev-list --count main)
  if [ "${out%% *}" != 200 ] || [ "$after" != $((before + 1)) ]; then
    echo "request $i: HTTP ${out%% *}, commits $before -> $after: $(cat "$DIR/answer.json")" >&2; exit 1
  fi
  times+=("$(awk -v s="${out#* }" 'BEGIN {printf "%.1f", s * 1000}')")
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
printf 'PAUSE_LATENCY POST /pause -> pushed commit + Argo CD patch, local bare repo: median %s ms (min %s, max %s, n=%d)\n' \
  "$(printf '%s\n' "${times[@]}" | median)" "$(echo "$sorted" | head -1)" "$(echo "$sorted" | tail -1)" "$N"

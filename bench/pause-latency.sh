#!/usr/bin/env bash
# Benchmark: POST /pause -> pushed commit. The production jar in trigger mode against a local bare git repository
# (file://) and the Kubernetes API stand-in (scripts/kube_api_stub.py: Argo CD Application, Events); before every
# request a human-style commit resumes trading, so that every POST makes exactly one new commit. Prints the median,
# min and max wall time of the POST (curl's time_total: the answer comes after the push and the Argo CD patch).
# Moved here from PauseResourceTest: a speed figure is a benchmark, not a test.
# usage: bench/pause-latency.sh [requests=20]
source "$(dirname "$0")/lib.sh"
N=${1:-20}
PROBER_PORT=18946; KUBE_PORT=18947
MANIFEST=argocd/applications/torghut/knative-service.yaml
TOKEN=bench-pause-token-$$
build_if_needed
rm -rf "$WORK/pause"; mkdir -p "$WORK/pause"
git init -q --bare -b main "$WORK/pause/gitops.git"
git clone -q "$WORK/pause/gitops.git" "$WORK/pause/human" 2>/dev/null
mkdir -p "$WORK/pause/human/$(dirname $MANIFEST)"
cp "$ROOT/src/test/resources/e2e/knative-service.yaml" "$WORK/pause/human/$MANIFEST"
human_commit() { # message
  git -C "$WORK/pause/human" add -A
  git -C "$WORK/pause/human" -c user.name=human -c user.email=human@example.invalid commit -qm "$1"
  git -C "$WORK/pause/human" push -q origin HEAD:main
}
human_commit "torghut: initial manifest"
python3 "$ROOT/scripts/kube_api_stub.py" "$KUBE_PORT" "$WORK/pause/kube-requests.jsonl" >"$WORK/pause/kube.log" 2>&1 & PIDS+=($!)
wait_http "http://127.0.0.1:$KUBE_PORT/api" 10 || true
start_prober $PROBER_PORT "$WORK/pause/prober.log" java "${QUIET_CORE[@]}" PROBER_PAUSE_MODE=trigger PROBER_PAUSE_TOKEN="$TOKEN" \
  PROBER_PAUSE_LEADER_ENABLED=false PROBER_KUBERNETES_ENABLED=true PROBER_KUBERNETES_INTERVAL=1h \
  PROBER_KUBERNETES_API_SERVER_URL="http://127.0.0.1:$KUBE_PORT" \
  GITOPS_REPO_URL="file://$WORK/pause/gitops.git" GITOPS_BRANCH=main GITOPS_WORK_DIR="$WORK/pause/workdir"

times=()
for i in $(seq 1 "$N"); do
  git -C "$WORK/pause/human" pull -q --ff-only origin main
  sed -i 's/value: "false"   # flipped/value: "true"   # flipped/' "$WORK/pause/human/$MANIFEST"
  git -C "$WORK/pause/human" diff --quiet || human_commit "resume trading (human decision) $i"
  before=$(git --git-dir="$WORK/pause/gitops.git" rev-list --count main)
  out=$(curl -s -o "$WORK/pause/answer.json" -w '%{http_code} %{time_total}' -X POST -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "{\"reason\": \"bench $i\", \"requestedBy\": \"bench\"}" "http://127.0.0.1:$PROBER_PORT/pause")
  after=$(git --git-dir="$WORK/pause/gitops.git" rev-list --count main)
  if [ "${out%% *}" != 200 ] || [ "$after" != $((before + 1)) ]; then
    echo "request $i: HTTP ${out%% *}, commits $before -> $after: $(cat "$WORK/pause/answer.json")" >&2; exit 1
  fi
  times+=("$(awk -v s="${out#* }" 'BEGIN {printf "%.1f", s * 1000}')")
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
printf 'PAUSE_LATENCY POST /pause -> pushed commit + Argo CD patch, local bare repo: median %s ms (min %s, max %s, n=%d)\n' \
  "$(printf '%s\n' "${times[@]}" | median)" "$(echo "$sorted" | head -1)" "$(echo "$sorted" | tail -1)" "$N"

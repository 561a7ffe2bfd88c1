#!/usr/bin/env bash
# End-to-end, everything real on 127.0.0.1 (see scripts/stack.sh): PostgreSQL, ClickHouse, Prometheus scraping the
# prober with the alert rules from k8s/prometheus (`for:` shortened to 2s), Alertmanager (clustering off) posting to
# /pause with the bearer token, a simulated Torghut, a bare git repository with the Knative manifest, and the
# production jar in trigger mode. Fresh TA rows -> green, no pause; rows stop inside the session window ->
# signal_stale -> alert -> Alertmanager -> /pause -> exactly one commit flipping TRADING_ENABLED to "false"; repeated
# and resolved notifications change nothing. Prints stale->metric, metric->alert, alert->commit and the total.
# usage: scripts/e2e.sh   (packages: scripts/test-services.sh install; builds the jar when missing)
set -euo pipefail
STACK_DIR=${STACK_DIR:-/tmp/torghut-prober-e2e}
source "$(dirname "$0")/stack.sh"
trap stack_stop EXIT
now() { date +%s.%N; }
TOKEN=e2e-pause-token-$$-$RANDOM

stack_prepare
stack_start_dependencies
stack_seed_gitops
[ "$(stack_commits)" = 1 ] || stack_fail "seed commit missing"
stack_start_prober trigger "$TOKEN"
stack_start_alertmanager "$TOKEN"
stack_start_prometheus

# 1. fresh rows: everything green, no alert, no commit
stack_wait "a healthy verdict" 60 sh -c "curl -sf http://127.0.0.1:$PROBER_PORT/diagnose | head -1 | grep -q HEALTHY"
stack_wait "prometheus to scrape the prober" 30 sh -c "curl -sf 'http://127.0.0.1:$PROM_PORT/api/v1/query?query=torghut_prober_pause_recommended' | grep -q '\"0\"'"
sleep 5
stack_firing TorghutSignalStale && stack_fail "TorghutSignalStale fires while rows are fresh"
stack_firing TorghutPauseRecommended && stack_fail "TorghutPauseRecommended fires while healthy"
[ "$(stack_commits)" = 1 ] || stack_fail "a commit appeared while everything was green"
echo "e2e: green with fresh rows, no alert, no commit"

# 2. the TA rows stop
stack_stop_rows
T_STALE=$(python3 -c "print($(cat "$STACK_DIR/last-row") + $MAX_AGE)")
stack_wait "signal_stale" 60 sh -c "[ \"\$(curl -sf http://127.0.0.1:$PROBER_MGMT_PORT/q/metrics | grep -F 'torghut_prober_signal_stale{signal=\"ta_signals\"}' | awk '{print \$2}')\" = 1.0 ]"
T_METRIC=$(now)
stack_wait "TorghutSignalStale to fire" 60 stack_firing TorghutSignalStale
T_ALERT=$(now)
stack_wait "the pause commit" 60 sh -c "[ \$(git --git-dir=$STACK_DIR/gitops.git rev-list --count main) -ge 2 ]"
T_COMMIT=$(now)
stack_manifest | grep -A1 'name: TRADING_ENABLED' | grep -q 'value: "false"' || stack_fail "the manifest does not say TRADING_ENABLED \"false\""
git --git-dir="$STACK_DIR/gitops.git" diff --numstat main~1 main | grep -qx "1	1	$MANIFEST" \
  || stack_fail "the pause commit changed more than one line: $(git --git-dir="$STACK_DIR/gitops.git" diff main~1 main)"

python3 - "$STACK_DIR/kube-requests.jsonl" <<'PY' || stack_fail "the Argo CD sync request is not as expected"
import json, sys
patches = [r for r in map(json.loads, open(sys.argv[1])) if r['method'] == 'PATCH' and r['path'].endswith('/applications/torghut')]
assert patches, 'no PATCH of applications/torghut'
op = patches[0]['body']['operation']
assert op['initiatedBy']['username'] == 'torghut-prober', op
assert len(op['sync']['revision']) == 40, op
assert patches[0]['body']['metadata']['annotations']['argocd.argoproj.io/refresh'], patches[0]
print('e2e: Argo CD asked to sync revision', op['sync']['revision'][:12])
PY

# 3. repeated notifications (repeat_interval 4s) and the resolved one change nothing
sleep 10
[ "$(stack_commits)" = 2 ] || stack_fail "repeated notifications made $(stack_commits) commits"
stack_start_rows
stack_wait "TorghutSignalStale to resolve" 90 stack_resolved TorghutSignalStale
stack_wait "TorghutPauseRecommended to resolve" 90 stack_resolved TorghutPauseRecommended
# No cluster rolls the pause out here, so the prober must say the pause is not effective: that alert fires.
stack_wait "TorghutPauseNotEffective to fire" 60 stack_firing TorghutPauseNotEffective
sleep 6
[ "$(stack_commits)" = 2 ] || stack_fail "the resolved notification made a commit"
stack_manifest | grep -A1 'name: TRADING_ENABLED' | grep -q 'value: "false"' || stack_fail "trading was resumed by a resolved alert"
grep -qi resolved "$STACK_DIR/prober.log" || stack_fail "the resolved notification was not logged"
python3 - "$T_STALE" "$T_METRIC" "$T_ALERT" "$T_COMMIT" <<'PY'
import sys
s, m, a, c = map(float, sys.argv[1:])
print(f"e2e times: stale->metric {m - s:.2f}s  metric->alert {a - m:.2f}s  alert->commit {c - a:.2f}s  total {c - s:.2f}s")
PY
echo "e2e: 1 passed, 0 failed"

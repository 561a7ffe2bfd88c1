#!/usr/bin/env bash
# End-to-end, everything real on 127.0.0.1 (see scripts/stack.sh): PostgreSQL, ClickHouse, Prometheus scraping the
# prober with the alert rules from k8s/prometheus (`for:` shortened to 2s; TorghutPauseNotEffective's to 10s),
# Alertmanager (clustering off) posting to /pause with the bearer token, a simulated Torghut, a bare git repository
# with the Knative manifest, a Kubernetes API stand-in that holds ksvc/revisions/pods/CNPG and rolls out what Argo CD is
# asked to sync (scripts/kube_api_stub.py), and the production jar in trigger mode. Fresh TA rows -> green, no pause;
# rows stop inside the session window -> signal_stale -> the finding "trading still enabled" -> alert -> Alertmanager
# -> /pause -> exactly one commit flipping TRADING_ENABLED to "false" -> Argo CD sync -> a new revision with
# TRADING_ENABLED=false takes all traffic -> pause_effective 1, TorghutPauseNotEffective never fires; repeated and
# resolved notifications change nothing. Every wait polls a condition. Prints stale->metric, metric->alert,
# alert->commit, commit->effective and the total.
# usage: scripts/e2e.sh   (packages: scripts/test-services.sh install; builds the jar when missing)
set -euo pipefail
STACK_DIR=${STACK_DIR:-/tmp/torghut-prober-e2e}
export STACK_NOT_EFFECTIVE_FOR=10s
source "$(dirname "$0")/stack.sh"
trap stack_stop EXIT
now() { date +%s.%N; }
TOKEN=e2e-pause-token-$$-$RANDOM
# promql EXPR -> the number of series in an instant query's result
promql_count() { curl -sf -G "http://127.0.0.1:$PROM_PORT/api/v1/query" --data-urlencode "query=$1" \
  | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["data"]["result"]))'; }
metric_at_least() { # series minimum
  [ "$(stack_metric "$1" | awk -v m="$2" '{print ($1 >= m) ? "yes" : "no"}')" = yes ]; }
am_notifications() { curl -sf "http://127.0.0.1:$AM_PORT/metrics" \
  | awk '/^alertmanager_notifications_total\{.*integration="webhook"/ {n += $2} END {print n + 0}'; }
am_notifications_at_least() { [ "$(am_notifications)" -ge "$1" ]; }
# Enough healthy samples for any `for: 2s` alert to have fired if the rules misread them: 5 s of scrapes, all 0.
healthy_for_5s() { [ "$(promql_count 'count_over_time(torghut_prober_pause_recommended[5s]) >= 4
  and max_over_time(torghut_prober_pause_recommended[5s]) == 0 and on() max(max_over_time(torghut_prober_signal_stale[5s])) == 0')" = 1 ]; }

stack_prepare
stack_start_dependencies
stack_seed_gitops
[ "$(stack_commits)" = 1 ] || stack_fail "seed commit missing"
stack_start_prober trigger "$TOKEN"
stack_start_alertmanager "$TOKEN"
stack_start_prometheus

# 1. fresh rows: everything green, no alert, no commit
stack_wait "a healthy verdict" 180 sh -c "curl -sf http://127.0.0.1:$PROBER_PORT/diagnose | head -1 | grep -q HEALTHY"
stack_wait "prometheus to scrape the prober" 30 sh -c "curl -sf 'http://127.0.0.1:$PROM_PORT/api/v1/query?query=torghut_prober_pause_recommended' | grep -q '\"0\"'"
stack_wait "5 s of healthy samples in Prometheus" 180 healthy_for_5s
[ "$(promql_count 'ALERTS{alertname=~"TorghutSignalStale|TorghutPauseRecommended|TorghutPauseNotEffective"}')" = 0 ] \
  || stack_fail "an alert is pending or firing while rows are fresh"
[ "$(stack_commits)" = 1 ] || stack_fail "a commit appeared while everything was green"
curl -sf -H 'Accept: application/json' "http://127.0.0.1:$PROBER_PORT/diagnose" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["sections"]["findings"]["findings"] == [], d["sections"]["findings"]
assert d["tradingState"] == "TRADING_ENABLED=true in live revision torghut-00041", d["tradingState"]
' || stack_fail "the healthy cluster is not read as healthy with trading enabled in torghut-00041"
echo "e2e: green with fresh rows, no alert, no finding, no commit; live revision torghut-00041 trades"

# 2. the TA rows stop
stack_stop_rows
T_STALE=$(python3 -c "print($(cat "$STACK_DIR/last-row") + $MAX_AGE)")
stack_wait "signal_stale" 180 sh -c "[ \"\$(curl -sf http://127.0.0.1:$PROBER_MGMT_PORT/q/metrics | grep -F 'torghut_prober_signal_stale{signal=\"ta_signals\"}' | awk '{print \$2}')\" = 1.0 ]"
T_METRIC=$(now)
stack_wait "TorghutSignalStale to fire" 180 stack_firing TorghutSignalStale
T_ALERT=$(now)
stack_wait "the pause commit" 180 sh -c "[ \$(git --git-dir=$STACK_DIR/gitops.git rev-list --count main) -ge 2 ]"
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

# 3. the pause takes effect: the stand-in rolled out torghut-00042 from the pause commit; the prober sees it Ready with
#    TRADING_ENABLED=false and all the traffic
stack_wait "pause_effective 1" 180 metric_at_least torghut_prober_pause_effective 1
T_EFFECTIVE=$(now)
curl -sf -H 'Accept: application/json' "http://127.0.0.1:$PROBER_PORT/diagnose" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["tradingState"] == "TRADING_ENABLED=false in live revision torghut-00042", d["tradingState"]
assert "trading-still-enabled-on-bad-data" not in [f["id"] for f in d["sections"]["findings"]["findings"]], d["sections"]["findings"]
' || stack_fail "the prober does not see the paused revision torghut-00042 live"
[ "$(promql_count 'max_over_time(torghut_prober_findings{finding="trading-still-enabled-on-bad-data"}[10m]) == 1')" = 1 ] \
  || stack_fail "the finding trading-still-enabled-on-bad-data never showed while the data was stale and trading enabled"
# With trading disabled the stale data no longer endangers trading: the verdict leaves PAUSE_RECOMMENDED.
stack_wait "TorghutPauseRecommended to resolve" 180 stack_resolved TorghutPauseRecommended
echo "e2e: pause effective (torghut-00042, TRADING_ENABLED=false, 100% traffic); finding shown while trading was enabled"

# 4. repeated notifications (TorghutSignalStale still firing, repeat_interval 4s) and resolved ones change nothing
SENT=$(am_notifications)
stack_wait "two more webhook notifications" 180 am_notifications_at_least $((SENT + 2))
stack_wait "the prober to answer them" 30 metric_at_least 'torghut_prober_pause_actions_total{mode="trigger",result="already-paused"}' 2
[ "$(stack_commits)" = 2 ] || stack_fail "repeated notifications made $(stack_commits) commits"
RESOLVED=$(stack_metric 'torghut_prober_pause_actions_total{mode="trigger",result="none"}'); RESOLVED=${RESOLVED:-0}
stack_start_rows
stack_wait "TorghutSignalStale to resolve" 180 stack_resolved TorghutSignalStale
stack_wait "the resolved notification to reach /pause" 180 metric_at_least 'torghut_prober_pause_actions_total{mode="trigger",result="none"}' \
  "$(python3 -c "print($RESOLVED + 1)")"
[ "$(stack_commits)" = 2 ] || stack_fail "the resolved notification made a commit"
stack_manifest | grep -A1 'name: TRADING_ENABLED' | grep -q 'value: "false"' || stack_fail "trading was resumed by a resolved alert"
[ "$(promql_count 'count_over_time(ALERTS{alertname="TorghutPauseNotEffective",alertstate="firing"}[15m])')" = 0 ] \
  || stack_fail "TorghutPauseNotEffective fired although the pause took effect"
[ "$(stack_metric torghut_prober_pause_effective)" = 1.0 ] || stack_fail "pause_effective left 1"
python3 - "$T_STALE" "$T_METRIC" "$T_ALERT" "$T_COMMIT" "$T_EFFECTIVE" <<'PY'
import sys
s, m, a, c, e = map(float, sys.argv[1:])
print(f"e2e times: stale->metric {m - s:.2f}s  metric->alert {a - m:.2f}s  alert->commit {c - a:.2f}s  "
      f"commit->effective {e - c:.2f}s  total {e - s:.2f}s")
PY
echo "e2e: 1 passed, 0 failed"

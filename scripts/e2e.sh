#!/usr/bin/env bash
# End-to-end: everything real on 127.0.0.1. PostgreSQL and ClickHouse (scripts/test-services.sh), Prometheus scraping
# the prober and loading the alert rules from k8s/prometheus (their `for:` shortened to 2s so the test takes seconds,
# not minutes), Alertmanager (clustering off) posting to the prober's /pause with the bearer token, a simulated Torghut
# (bench/target_server.py), a bare git repository holding the Knative manifest, and the production jar in trigger mode.
#   fresh TA rows -> green, no pause; rows stop (inside a simulated session window) -> signal_stale -> alert ->
#   Alertmanager -> /pause -> exactly one commit flipping TRADING_ENABLED to "false"; a repeated and a resolved
#   notification change nothing. Prints stale->metric, metric->alert, alert->commit and the total.
# usage: scripts/e2e.sh            (packages: scripts/test-services.sh install; the jar is built when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
E2E=${E2E_DIR:-/tmp/torghut-prober-e2e}
export SVC_DIR=$E2E/services PG_PORT=${E2E_PG_PORT:-55471} CH_HTTP_PORT=${E2E_CH_PORT:-18171} CH_TCP_PORT=${E2E_CH_TCP_PORT:-19071}
PROBER_PORT=18970; TORGHUT_PORT=18971; PROM_PORT=18972; AM_PORT=18973
TOKEN=e2e-pause-token-$$-$RANDOM
MAX_AGE=5
PIDS=()
fail() { echo "E2E FAILED: $*" >&2; echo "--- prober log (tail)"; tail -30 "$E2E/prober.log" >&2 || true; exit 1; }
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "$ROOT/scripts/test-services.sh" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
wait_for() { # what timeout_s cmd...
  local what=$1 t=$2; shift 2; local deadline=$((SECONDS + t))
  until "$@" >/dev/null 2>&1; do [ $SECONDS -ge $deadline ] && fail "timeout waiting for $what"; sleep 0.1; done; }
now() { date +%s.%N; }
metric() { curl -sf "http://127.0.0.1:$PROBER_PORT/q/metrics" | awk -v m="$1" '$1==m {print $2}'; }
commits() { git --git-dir="$E2E/gitops.git" rev-list --count main; }
manifest() { git --git-dir="$E2E/gitops.git" show main:argocd/applications/torghut/knative-service.yaml; }

rm -rf "$E2E"; mkdir -p "$E2E"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

# ---- dependencies ----
scripts/test-services.sh start >/dev/null
CH="http://127.0.0.1:$CH_HTTP_PORT/"
( while true; do
    curl -sf "$CH" --data-binary "INSERT INTO torghut.ta_signals VALUES ('AAPL', now())" >/dev/null || true
    curl -sf "$CH" --data-binary "INSERT INTO torghut.ta_microbars VALUES ('AAPL', now())" >/dev/null || true
    [ -f "$E2E/stop-rows" ] && { date +%s.%N >"$E2E/last-row"; exit 0; }
    sleep 0.5
  done ) & WRITER=$!; PIDS+=($WRITER)
python3 bench/target_server.py $TORGHUT_PORT & PIDS+=($!)

# ---- the GitOps repository ----
git init -q --bare -b main "$E2E/gitops.git"
git clone -q "$E2E/gitops.git" "$E2E/seed" 2>/dev/null
mkdir -p "$E2E/seed/argocd/applications/torghut"
cp src/test/resources/e2e/knative-service.yaml "$E2E/seed/argocd/applications/torghut/knative-service.yaml"
git -C "$E2E/seed" -c user.name=seed -c user.email=seed@example.invalid add -A
git -C "$E2E/seed" -c user.name=seed -c user.email=seed@example.invalid commit -qm "torghut: initial manifest"
git -C "$E2E/seed" push -q origin HEAD:main
[ "$(commits)" = 1 ] || fail "seed commit missing"

# ---- a session window around now (some zone where it is between 02:00 and 22:00) ----
ZONE=$(python3 -c 'import datetime; h=datetime.datetime.utcnow().hour; print("UTC" if 2<=h<22 else "Etc/GMT+12")')

# ---- the prober, production jar, trigger mode ----
env TORGHUT_URL="http://127.0.0.1:$TORGHUT_PORT" TA_CLICKHOUSE_URL="http://127.0.0.1:$CH_HTTP_PORT" \
  TA_CLICKHOUSE_USERNAME=torghut TA_CLICKHOUSE_PASSWORD=s3cret-ch-pass \
  DB_DSN="postgresql://torghut:s3cret-pg-pass@127.0.0.1:$PG_PORT/torghut" \
  PROBER_SESSION_ZONE="$ZONE" PROBER_SESSION_OPEN=00:00 PROBER_SESSION_CLOSE=23:59 \
  PROBER_SESSION_DAYS=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY \
  PROBER_FRESHNESS_INTERVAL=1s PROBER_FRESHNESS_TIMEOUT=900ms PROBER_CLICKHOUSE_INTERVAL=1s PROBER_POSTGRES_INTERVAL=2s \
  PROBER_TORGHUT_HEALTHZ_INTERVAL=1s PROBER_TORGHUT_TRADING_HEALTH_INTERVAL=1s \
  PROBER_FRESHNESS_TABLES_TA_SIGNALS_MAX_AGE=${MAX_AGE}s PROBER_FRESHNESS_TABLES_TA_MICROBARS_MAX_AGE=${MAX_AGE}s \
  PROBER_KUBERNETES_ENABLED=false \
  PROBER_PAUSE_MODE=trigger PROBER_PAUSE_TOKEN="$TOKEN" \
  GITOPS_REPO_URL="file://$E2E/gitops.git" GITOPS_BRANCH=main GITOPS_WORK_DIR="$E2E/workdir" \
  PORT=$PROBER_PORT java -jar target/quarkus-app/quarkus-run.jar >"$E2E/prober.log" 2>&1 & PIDS+=($!)
wait_for "the prober" 60 curl -sf "http://127.0.0.1:$PROBER_PORT/q/health/ready"

# ---- Alertmanager -> /pause ----
mkdir -p "$E2E/am"
cat >"$E2E/am/alertmanager.yml" <<YML
route: {receiver: blackhole, group_by: ['alertname'], group_wait: 1s, group_interval: 1s, repeat_interval: 4s,
        routes: [{receiver: torghut-prober-pause, matchers: ['action="pause"'], group_wait: 1s, group_interval: 1s, repeat_interval: 4s}]}
receivers:
  - name: blackhole
  - name: torghut-prober-pause
    webhook_configs:
      - url: 'http://127.0.0.1:$PROBER_PORT/pause'
        send_resolved: true
        http_config: {authorization: {type: Bearer, credentials: '$TOKEN'}}
YML
prometheus-alertmanager --config.file="$E2E/am/alertmanager.yml" --storage.path="$E2E/am/data" \
  --web.listen-address="127.0.0.1:$AM_PORT" --cluster.listen-address= >"$E2E/am/am.log" 2>&1 & PIDS+=($!)
wait_for alertmanager 30 curl -sf "http://127.0.0.1:$AM_PORT/-/ready"

# ---- Prometheus with the rules from k8s/ ----
mkdir -p "$E2E/prom"
sed -E 's/^(\s+)for: [0-9]+m$/\1for: 2s/' k8s/prometheus/torghut-prober-rules.yml >"$E2E/prom/rules.yml"
cat >"$E2E/prom/prometheus.yml" <<YML
global: {scrape_interval: 1s, scrape_timeout: 900ms, evaluation_interval: 1s}
rule_files: ['$E2E/prom/rules.yml']
alerting: {alertmanagers: [{static_configs: [{targets: ['127.0.0.1:$AM_PORT']}]}]}
scrape_configs:
  - job_name: torghut-prober
    metrics_path: /q/metrics
    static_configs: [{targets: ['127.0.0.1:$PROBER_PORT']}]
YML
prometheus --config.file="$E2E/prom/prometheus.yml" --storage.tsdb.path="$E2E/prom/data" \
  --web.listen-address="127.0.0.1:$PROM_PORT" --rules.alert.resend-delay=1s >"$E2E/prom/prom.log" 2>&1 & PIDS+=($!)
wait_for prometheus 30 curl -sf "http://127.0.0.1:$PROM_PORT/-/ready"
wait_for "prometheus to discover alertmanager" 30 sh -c "curl -sf http://127.0.0.1:$PROM_PORT/api/v1/alertmanagers | grep -q $AM_PORT"
alerts() { curl -sf "http://127.0.0.1:$PROM_PORT/api/v1/alerts"; }
firing() { alerts | python3 -c 'import json,sys; a=json.load(sys.stdin)["data"]["alerts"]; sys.exit(0 if any(x["labels"]["alertname"]==sys.argv[1] and x["state"]=="firing" for x in a) else 1)' "$1"; }

# ---- 1. fresh rows: everything green, no pause ----
wait_for "a healthy verdict" 60 sh -c "curl -sf http://127.0.0.1:$PROBER_PORT/diagnose | head -1 | grep -q HEALTHY"
wait_for "prometheus to scrape the prober" 30 sh -c "curl -sf 'http://127.0.0.1:$PROM_PORT/api/v1/query?query=torghut_prober_pause_recommended' | grep -q '\"0\"'"
sleep 5
firing TorghutSignalStale && fail "TorghutSignalStale fires while rows are fresh"
firing TorghutPauseRecommended && fail "TorghutPauseRecommended fires while healthy"
[ "$(commits)" = 1 ] || fail "a commit appeared while everything was green"
echo "e2e: green with fresh rows, no alert, no commit"

# ---- 2. rows stop ----
touch "$E2E/stop-rows"; wait $WRITER 2>/dev/null || true
T_STALE=$(python3 -c "print($(cat "$E2E/last-row") + $MAX_AGE)")
wait_for "signal_stale" 60 sh -c "[ \"\$(curl -sf http://127.0.0.1:$PROBER_PORT/q/metrics | awk '\$1==\"torghut_prober_signal_stale{signal=\\\"ta_signals\\\"}\" {print \$2}')\" = 1.0 ]"
T_METRIC=$(now)
wait_for "TorghutSignalStale to fire" 60 firing TorghutSignalStale
T_ALERT=$(now)
wait_for "the pause commit" 60 sh -c "[ \$(git --git-dir=$E2E/gitops.git rev-list --count main) -ge 2 ]"
T_COMMIT=$(now)
manifest | grep -A1 'name: TRADING_ENABLED' | grep -q 'value: "false"' || fail "the manifest does not say TRADING_ENABLED \"false\""
git --git-dir="$E2E/gitops.git" diff main~1 main --stat | grep -q '1 file changed, 1 insertion(+), 1 deletion(-)' \
  || fail "the pause commit changed more than one line: $(git --git-dir="$E2E/gitops.git" diff main~1 main)"

# ---- 3. repeated notifications (repeat_interval 4s) and a resolved one change nothing ----
sleep 10
[ "$(commits)" = 2 ] || fail "repeated notifications made $(commits) commits"
rm -f "$E2E/stop-rows"
( while [ ! -f "$E2E/stop-rows" ]; do curl -sf "$CH" --data-binary "INSERT INTO torghut.ta_signals VALUES ('AAPL', now())" >/dev/null || true
    curl -sf "$CH" --data-binary "INSERT INTO torghut.ta_microbars VALUES ('AAPL', now())" >/dev/null || true; sleep 0.5; done ) & PIDS+=($!)
wait_for "the alerts to resolve" 90 sh -c "! curl -sf http://127.0.0.1:$PROM_PORT/api/v1/alerts | grep -q '\"firing\"'"
sleep 6
touch "$E2E/stop-rows"
[ "$(commits)" = 2 ] || fail "the resolved notification made a commit"
manifest | grep -A1 'name: TRADING_ENABLED' | grep -q 'value: "false"' || fail "trading was resumed by a resolved alert"
grep -qi resolved "$E2E/prober.log" || fail "the resolved notification was not logged"
python3 - "$T_STALE" "$T_METRIC" "$T_ALERT" "$T_COMMIT" <<'PY'
import sys
s, m, a, c = map(float, sys.argv[1:])
print(f"e2e times: stale->metric {m - s:.2f}s  metric->alert {a - m:.2f}s  alert->commit {c - a:.2f}s  total {c - s:.2f}s")
PY
echo "e2e: 1 passed, 0 failed"

# shellcheck shell=bash
# The local stack shared by scripts/e2e.sh and scripts/rehearse.sh (sourced, not run). Everything on 127.0.0.1:
# PostgreSQL + ClickHouse (scripts/test-services.sh), a simulated Torghut (scripts/target_server.py), a TA row writer,
# a bare git repository with the Knative manifest, the prober (production jar), Alertmanager -> /pause, Prometheus
# with the rules from k8s/prometheus. Each process's pid goes to $STACK_DIR/pids/<name> so that `stack_stop` can end
# it from another shell. The waits and the repository seeding are scripts/lib.sh's.
STACK_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$STACK_ROOT/scripts/lib.sh"
STACK_DIR=${STACK_DIR:-/tmp/torghut-prober-stack}
export SVC_DIR=$STACK_DIR/services
export PG_PORT=${STACK_PG_PORT:-55471} CH_HTTP_PORT=${STACK_CH_PORT:-18171} CH_TCP_PORT=${STACK_CH_TCP_PORT:-19071}
PROBER_PORT=${STACK_PROBER_PORT:-18970}; TORGHUT_PORT=${STACK_TORGHUT_PORT:-18971}
PROM_PORT=${STACK_PROM_PORT:-18972}; AM_PORT=${STACK_AM_PORT:-18973}; KUBE_PORT=${STACK_KUBE_PORT:-18974}
# /q/health and /q/metrics are on the prober's management port (quarkus.management.enabled).
PROBER_MGMT_PORT=${STACK_PROBER_MGMT_PORT:-$((PROBER_PORT + 1000))}
MAX_AGE=${STACK_MAX_AGE:-5}
CH="http://127.0.0.1:$CH_HTTP_PORT/"

stack_fail() { echo "FAILED: $*" >&2; [ -f "$STACK_DIR/prober.log" ] && { echo "--- prober log (tail)" >&2; tail -30 "$STACK_DIR/prober.log" >&2; }; exit 1; }
stack_wait() { wait_for "$@" || stack_fail "timeout waiting for $1"; } # what timeout_s cmd...: wait_for, or the end
stack_pid() { echo "$2" >"$STACK_DIR/pids/$1"; }

stack_stop() {
  if [ -d "$STACK_DIR/pids" ]; then
    for f in "$STACK_DIR"/pids/*; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; rm -f "$f"; done
  fi
  "$STACK_ROOT/scripts/test-services.sh" stop >/dev/null 2>&1 || true
}

stack_prepare() {
  stack_stop
  rm -rf "$STACK_DIR"; mkdir -p "$STACK_DIR/pids"
  (cd "$STACK_ROOT" && { [ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests; })
}

stack_start_dependencies() {
  "$STACK_ROOT/scripts/test-services.sh" start >/dev/null
  python3 "$STACK_ROOT/scripts/target_server.py" "$TORGHUT_PORT" >"$STACK_DIR/torghut.log" 2>&1 & stack_pid torghut $!
  # No cluster runs here: the Kubernetes API stand-in holds ksvc/revisions/pods/CNPG and the Argo CD Application, takes
  # Events, and rolls out a new revision from the GitOps repository when asked to sync (scripts/kube_api_stub.py).
  python3 "$STACK_ROOT/scripts/kube_api_stub.py" --port "$KUBE_PORT" --requests "$STACK_DIR/kube-requests.jsonl" \
    --gitops "$STACK_DIR/gitops.git" "$MANIFEST" >"$STACK_DIR/kube.log" 2>&1 &
  stack_pid kube $!
  stack_wait "the Kubernetes API stand-in" 60 curl -s -o /dev/null "http://127.0.0.1:$KUBE_PORT/api"
  stack_start_rows
}

# The TA writer: a row per table every 0.5 s until stack_stop_rows; it records when it wrote the last one.
stack_start_rows() {
  rm -f "$STACK_DIR/stop-rows" "$STACK_DIR/last-row"
  # its own session, so that it outlives the shell that started it (the rehearsal stack is left running)
  CH="$CH" STACK_DIR="$STACK_DIR" setsid bash -c '
    while true; do
      curl -sf "$CH" --data-binary "INSERT INTO torghut.ta_signals VALUES ('"'"'AAPL'"'"', now())" >/dev/null || true
      curl -sf "$CH" --data-binary "INSERT INTO torghut.ta_microbars VALUES ('"'"'AAPL'"'"', now())" >/dev/null || true
      date +%s.%N >"$STACK_DIR/last-row"
      [ -f "$STACK_DIR/stop-rows" ] && exit 0
      sleep 0.5
    done' >/dev/null 2>&1 </dev/null &
  stack_pid rows $!
}
stack_stop_rows() {
  touch "$STACK_DIR/stop-rows"
  local p; p=$(cat "$STACK_DIR/pids/rows" 2>/dev/null || true)
  [ -z "$p" ] || stack_wait "the TA writer to stop" 10 gone "$p"
  rm -f "$STACK_DIR/pids/rows"
}

stack_seed_gitops() { seed_gitops_repo "$STACK_DIR/gitops.git" "$STACK_DIR/seed"; }
stack_commits() { git --git-dir="$STACK_DIR/gitops.git" rev-list --count main; }
stack_manifest() { git --git-dir="$STACK_DIR/gitops.git" show "main:$MANIFEST"; }

# stack_start_prober MODE TOKEN: a session window around now (in a zone where it is between 02:00 and 22:00)
stack_start_prober() {
  local mode=$1 token=$2 zone
  zone=$(python3 -c 'import datetime; h=datetime.datetime.now(datetime.timezone.utc).hour; print("UTC" if 2<=h<22 else "Etc/GMT+12")')
  env TORGHUT_URL="http://127.0.0.1:$TORGHUT_PORT" TA_CLICKHOUSE_URL="http://127.0.0.1:$CH_HTTP_PORT" \
    TA_CLICKHOUSE_USERNAME=torghut TA_CLICKHOUSE_PASSWORD=s3cret-ch-pass \
    DB_DSN="postgresql://torghut:s3cret-pg-pass@127.0.0.1:$PG_PORT/torghut" \
    PROBER_SESSION_ZONE="$zone" PROBER_SESSION_OPEN=00:00 PROBER_SESSION_CLOSE=23:59 \
    PROBER_SESSION_DAYS=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY \
    PROBER_FRESHNESS_INTERVAL=1s PROBER_FRESHNESS_TIMEOUT=900ms PROBER_CLICKHOUSE_INTERVAL=1s PROBER_POSTGRES_INTERVAL=2s \
    PROBER_TORGHUT_HEALTHZ_INTERVAL=1s PROBER_TORGHUT_TRADING_HEALTH_INTERVAL=1s \
    PROBER_FRESHNESS_TABLES_TA_SIGNALS_MAX_AGE=${MAX_AGE}s PROBER_FRESHNESS_TABLES_TA_MICROBARS_MAX_AGE=${MAX_AGE}s \
    PROBER_KUBERNETES_ENABLED=true PROBER_KUBERNETES_INTERVAL=1s PROBER_PAUSE_LEADER_ENABLED=false \
    PROBER_PAUSE_EFFECTIVE_CHECK_EVERY=1s PROBER_PAUSE_LIVE_EVERY=1s \
    PROBER_KUBERNETES_API_SERVER_URL="http://127.0.0.1:$KUBE_PORT" \
    PROBER_PAUSE_MODE="$mode" PROBER_PAUSE_TOKEN="$token" \
    GITOPS_REPO_URL="file://$STACK_DIR/gitops.git" GITOPS_BRANCH=main GITOPS_WORK_DIR="$STACK_DIR/workdir" \
    PORT=$PROBER_PORT MANAGEMENT_PORT=$PROBER_MGMT_PORT java -jar "$STACK_ROOT/target/quarkus-app/quarkus-run.jar" >"$STACK_DIR/prober.log" 2>&1 &
  stack_pid prober $!
  stack_wait "the prober" 180 curl -sf "http://127.0.0.1:$PROBER_MGMT_PORT/q/health/ready"
}

stack_start_alertmanager() { # token
  mkdir -p "$STACK_DIR/am"
  cat >"$STACK_DIR/am/alertmanager.yml" <<YML
route: {receiver: blackhole, group_by: ['alertname'], group_wait: 1s, group_interval: 1s, repeat_interval: 4s,
        routes: [{receiver: torghut-prober-pause, matchers: ['action="pause"'], group_wait: 1s, group_interval: 1s, repeat_interval: 4s}]}
receivers:
  - name: blackhole
  - name: torghut-prober-pause
    webhook_configs:
      - url: 'http://127.0.0.1:$PROBER_PORT/pause'
        send_resolved: true
        http_config: {authorization: {type: Bearer, credentials: '$1'}}
YML
  prometheus-alertmanager --config.file="$STACK_DIR/am/alertmanager.yml" --storage.path="$STACK_DIR/am/data" \
    --web.listen-address="127.0.0.1:$AM_PORT" --cluster.listen-address= >"$STACK_DIR/am/am.log" 2>&1 &
  stack_pid alertmanager $!
  stack_wait alertmanager 30 curl -sf "http://127.0.0.1:$AM_PORT/-/ready"
}

# Rules from k8s/prometheus, with every `for:` shortened to 2s so that a run takes seconds, not minutes
# (TorghutPauseNotEffective's to STACK_NOT_EFFECTIVE_FOR, default 2s: its 5m is a deadline for a real rollout).
stack_start_prometheus() {
  mkdir -p "$STACK_DIR/prom"
  sed -E -e 's/^(\s+)for: [0-9]+m$/\1for: 2s/' \
    -e "/alert: TorghutPauseNotEffective/,/for:/ s/for: 2s\$/for: ${STACK_NOT_EFFECTIVE_FOR:-2s}/" \
    "$STACK_ROOT/k8s/prometheus/torghut-prober-rules.yml" >"$STACK_DIR/prom/rules.yml"
  cat >"$STACK_DIR/prom/prometheus.yml" <<YML
global: {scrape_interval: 1s, scrape_timeout: 900ms, evaluation_interval: 1s}
rule_files: ['$STACK_DIR/prom/rules.yml']
alerting: {alertmanagers: [{static_configs: [{targets: ['127.0.0.1:$AM_PORT']}]}]}
scrape_configs:
  - job_name: torghut-prober
    metrics_path: /q/metrics
    # namespace: the label every Kubernetes scrape carries; the rules keep it (TorghutProberAbsent matches on it).
    static_configs: [{targets: ['127.0.0.1:$PROBER_MGMT_PORT'], labels: {namespace: torghut}}]
YML
  prometheus --config.file="$STACK_DIR/prom/prometheus.yml" --storage.tsdb.path="$STACK_DIR/prom/data" \
    --web.listen-address="127.0.0.1:$PROM_PORT" --rules.alert.resend-delay=1s >"$STACK_DIR/prom/prom.log" 2>&1 &
  stack_pid prometheus $!
  stack_wait prometheus 30 curl -sf "http://127.0.0.1:$PROM_PORT/-/ready"
  stack_wait "prometheus to discover alertmanager" 30 sh -c "curl -sf http://127.0.0.1:$PROM_PORT/api/v1/alertmanagers | grep -q $AM_PORT"
}

stack_firing() { # alertname -> exit 0 when firing
  curl -sf "http://127.0.0.1:$PROM_PORT/api/v1/alerts" | python3 -c 'import json,sys; a=json.load(sys.stdin)["data"]["alerts"]; sys.exit(0 if any(x["labels"]["alertname"]==sys.argv[1] and x["state"]=="firing" for x in a) else 1)' "$1"
}
stack_resolved() { ! stack_firing "$1"; }
stack_metric() { # exact series text, e.g. 'torghut_prober_signal_stale{signal="ta_signals"}'
  curl -sf "http://127.0.0.1:$PROBER_MGMT_PORT/q/metrics" | awk -v m="$1" '$1==m {print $2}'
}

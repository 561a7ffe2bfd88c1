#!/usr/bin/env bash
# A local rehearsal stack for oncall: the same stack as the end-to-end test (scripts/stack.sh), left running, with
# the prober in `recommend` mode by default, so that every runbook failure can be injected and practised.
#   scripts/rehearse.sh start [recommend|trigger]   start everything; prints what to open
#   scripts/rehearse.sh break stale|clickhouse|postgres|trading-health
#   scripts/rehearse.sh fix   stale|clickhouse|postgres|trading-health
#   scripts/rehearse.sh pause ["reason"]            ask for a pause as a human would (POST /pause with the token)
#   scripts/rehearse.sh status                      the verdict line and the git log of the manifest repository
#   scripts/rehearse.sh stop                        stop everything and delete the stack directory
set -euo pipefail
STACK_DIR=${STACK_DIR:-/tmp/torghut-prober-rehearsal}
# Its own ports (scripts/e2e.sh uses the stack.sh defaults 55471, 18171, 18970-18974), so both can run at once.
export STACK_PG_PORT=${STACK_PG_PORT:-55481} STACK_CH_PORT=${STACK_CH_PORT:-18181} STACK_CH_TCP_PORT=${STACK_CH_TCP_PORT:-19081}
export STACK_PROBER_PORT=${STACK_PROBER_PORT:-18980} STACK_TORGHUT_PORT=${STACK_TORGHUT_PORT:-18981}
export STACK_PROM_PORT=${STACK_PROM_PORT:-18982} STACK_AM_PORT=${STACK_AM_PORT:-18983} STACK_KUBE_PORT=${STACK_KUBE_PORT:-18984}
source "$(dirname "$0")/stack.sh"
PGBIN=/usr/lib/postgresql/15/bin

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

start() {
  local mode=${1:-recommend}
  # What the stack needs (PostgreSQL, ClickHouse, Prometheus, Alertmanager, git): installed when missing.
  "$STACK_ROOT/scripts/test-services.sh" install
  stack_prepare
  local token; token=rehearsal-$RANDOM$RANDOM; echo "$token" >"$STACK_DIR/token"
  stack_start_dependencies
  stack_seed_gitops
  stack_start_prober "$mode" "$token"
  stack_start_alertmanager "$token"
  stack_start_prometheus
  cat <<TXT
Rehearsal stack running (prober in $mode mode; alert 'for:' shortened to 2s, TA max age ${MAX_AGE}s, session open now).
  /diagnose          curl -s http://127.0.0.1:$PROBER_PORT/diagnose
  pause state        curl -s http://127.0.0.1:$PROBER_PORT/pause
  metrics            curl -s http://127.0.0.1:$PROBER_MGMT_PORT/q/metrics | grep ^torghut_prober
  Prometheus alerts  http://127.0.0.1:$PROM_PORT/alerts
  Alertmanager       http://127.0.0.1:$AM_PORT/#/alerts
  GitOps repository  git --git-dir=$STACK_DIR/gitops.git log --oneline -p main
Inject a runbook failure:  $0 break stale|clickhouse|postgres|trading-health   (and: $0 fix ...)
Ask for a pause:           $0 pause "practising the runbook"
  or by hand:              curl -s -X POST http://127.0.0.1:$PROBER_PORT/pause -H "Authorization: Bearer $token" \\
                             -H 'Content-Type: application/json' -d '{"reason": "practising", "requestedBy": "me"}'
Pause token:               $token   (also in $STACK_DIR/token)
Stop and clean up:         $0 stop
TXT
}

break_it() {
  case "${1:-}" in
    stale) stack_stop_rows; echo "TA rows stopped: stale after ${MAX_AGE}s (Procedure C, step 3 / Preconditions)";;
    clickhouse)
      local pid; pid=$(cat "$SVC_DIR/ch/pid"); kill "$pid" 2>/dev/null || true
      # ClickHouse 18.16 may take longer than 30 s to exit after it stopped answering; fix restarts it until it answers.
      wait_for "ClickHouse to exit" 30 gone "$pid" 2>/dev/null || echo "(its process was still exiting after 30 s)"
      echo "ClickHouse stopped (Procedure C, step 2)";;
    postgres) as_user postgres "$PGBIN/pg_ctl" -D "$SVC_DIR/pg/data" -m fast -w stop >/dev/null; echo "PostgreSQL stopped (Procedure C, step 1)";;
    trading-health) curl -sf "http://127.0.0.1:$TORGHUT_PORT/_fail?path=/trading/health" >/dev/null; echo "Torghut /trading/health answers 503";;
    *) usage;;
  esac
}

fix_it() {
  case "${1:-}" in
    stale) stack_start_rows; echo "TA rows flowing again";;
    clickhouse)
      # A stopped ClickHouse may hold its data-directory lock for a few more seconds: start again until it answers.
      CH_PID=
      stack_wait "ClickHouse to come back" 90 clickhouse_started
      echo "ClickHouse back";;
    postgres)
      as_user postgres "$PGBIN/pg_ctl" -D "$SVC_DIR/pg/data" -l "$SVC_DIR/pg/server.log" -w -t 60 \
        -o "-p $PG_PORT -k $SVC_DIR/pg -c listen_addresses=127.0.0.1" start >/dev/null; echo "PostgreSQL back";;
    trading-health) curl -sf "http://127.0.0.1:$TORGHUT_PORT/_ok?path=/trading/health" >/dev/null; echo "Torghut /trading/health answers 200";;
    *) usage;;
  esac
}

# Starts ClickHouse when it is not running (again when it exited at once); true once it answers.
clickhouse_started() {
  if [ -z "$CH_PID" ] || gone "$CH_PID"; then
    # Not through as_user: $! must be the server itself (setpriv execs it), not a subshell running a function.
    local runas=(); [ "$(id -u)" -eq 0 ] && runas=(setpriv --reuid=clickhouse --regid=clickhouse --init-groups)
    "${runas[@]}" /usr/sbin/clickhouse-server --config-file="$SVC_DIR/ch/config.xml" >>"$SVC_DIR/ch/log/stdout.log" 2>&1 </dev/null &
    CH_PID=$!; echo "$CH_PID" >"$SVC_DIR/ch/pid"
  fi
  curl -sf "http://127.0.0.1:$CH_HTTP_PORT/ping"
}

pause() {
  curl -s -X POST "http://127.0.0.1:$PROBER_PORT/pause" -H "Authorization: Bearer $(cat "$STACK_DIR/token")" \
    -H 'Content-Type: application/json' \
    -d "$(python3 -c 'import json,sys,getpass; print(json.dumps({"reason": sys.argv[1], "requestedBy": getpass.getuser()}))' "${1:-rehearsal}")"
  echo
}

status() {
  curl -s "http://127.0.0.1:$PROBER_PORT/diagnose" | head -3
  git --git-dir="$STACK_DIR/gitops.git" log --oneline main
}

case "${1:-}" in
  start) shift; start "$@";;
  break) shift; break_it "$@";;
  fix) shift; fix_it "$@";;
  pause) shift; pause "$@";;
  status) status;;
  stop) stack_stop; rm -rf "$STACK_DIR"; echo "rehearsal stack stopped";;
  *) usage;;
esac

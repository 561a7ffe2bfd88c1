#!/usr/bin/env bash
# Throwaway PostgreSQL 15 and ClickHouse 18.16 on 127.0.0.1 for the integration tests, from Debian packages;
# `install` also brings the other tools the tests and CI call: promtool, Alertmanager, git, shellcheck, pyflakes
# (kubectl with kustomize v4+ must already be there: checked, not installed; see check_installed).
# Usage: scripts/test-services.sh install | start | stop | env
#   install  apt-get the packages if a binary is missing (keeps their own services from starting)
#   start    initdb/start both in $SVC_DIR, create users and the torghut tables; prints the env to export
#   stop     stop both and delete $SVC_DIR
#   env      print the environment the tests read (TEST_PG_*, TEST_CH_*)
# Ports: PG_PORT (default 55432), CH_HTTP_PORT (18123), CH_TCP_PORT (19000). Works as root or as a normal user.
set -euo pipefail
SVC_DIR=${SVC_DIR:-/tmp/torghut-prober-services}
PG_PORT=${PG_PORT:-55432}; CH_HTTP_PORT=${CH_HTTP_PORT:-18123}; CH_TCP_PORT=${CH_TCP_PORT:-19000}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
SUDO=; [ "$(id -u)" -ne 0 ] && SUDO=sudo
# wait_for, as_user, gone
source "$(dirname "$0")/lib.sh"

svc_user() { if [ "$(id -u)" -eq 0 ]; then echo "$1"; else id -un; fi; }

install() {
  local missing=()
  [ -x "$PGBIN/initdb" ] || missing+=(postgresql-15 postgresql-client-15)
  [ -x /usr/sbin/clickhouse-server ] || missing+=(clickhouse-server)
  command -v curl >/dev/null || missing+=(curl)
  command -v promtool >/dev/null && command -v prometheus >/dev/null || missing+=(prometheus)
  command -v prometheus-alertmanager >/dev/null || missing+=(prometheus-alertmanager)
  # kubectl is not installed from Debian: bookworm's kubernetes-client (1.20, kustomize v2.0.3) cannot render the
  # manifests' components. check_installed names what is needed when it is missing or too old.
  command -v git >/dev/null || missing+=(git)
  command -v shellcheck >/dev/null || missing+=(shellcheck)
  /usr/bin/python3 -c 'import pyflakes' 2>/dev/null || missing+=(python3-pyflakes)  # scripts/pyflakes.sh
  python3 -c 'import yaml' 2>/dev/null || missing+=(python3-yaml)  # scripts/kube_api_stub.py reads the scenario YAML
  # SSH remotes and signed commits (issue 21): a real sshd with git-shell, ssh-keygen, gpg for git verify-commit
  [ -x /usr/sbin/sshd ] && command -v ssh-keygen >/dev/null || missing+=(openssh-server openssh-client)
  command -v gpg >/dev/null || missing+=(gnupg)
  [ ${#missing[@]} -eq 0 ] && { echo "test services: packages present"; git_user; check_installed; return; }
  # keep the packages from starting their own default-port services
  local made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null; $SUDO chmod +x /usr/sbin/policy-rc.d; made_policy=1; fi
  $SUDO apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  if [ $made_policy = 1 ]; then $SUDO rm -f /usr/sbin/policy-rc.d; fi
  git_user
  check_installed
}

# The SSH Git host of the tests (SshGitServer) logs in as this user, whose login shell is git-shell: it can run
# nothing but git's own commands. Without root the tests log in as themselves, held to git-shell by ForceCommand.
git_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  # '*': no password, but not a locked account (sshd without PAM refuses a locked one, even with a key)
  id torghut-git >/dev/null 2>&1 || useradd --system --no-create-home --home-dir /nonexistent --shell /usr/bin/git-shell \
      --password '*' torghut-git
}

# Every binary the tests call, checked after install so that a failed or skipped install names what is missing
# instead of failing later as "chown: invalid user" or a test timeout.
check_installed() {
  local absent=() b
  for b in "$PGBIN/initdb" "$PGBIN/pg_ctl" "$PGBIN/pg_isready" "$PGBIN/pg_basebackup" /usr/sbin/clickhouse-server /usr/sbin/sshd; do
    [ -x "$b" ] || absent+=("$b")
  done
  for b in psql curl promtool prometheus prometheus-alertmanager git shellcheck ssh-keygen gpg git-shell; do
    command -v "$b" >/dev/null || absent+=("$b")
  done
  /usr/bin/python3 -c 'import pyflakes' 2>/dev/null || absent+=("pyflakes for /usr/bin/python3 (package python3-pyflakes)")
  # The manifests use kustomize components (kustomize >= v3.7; kubectl >= 1.21 embeds v4+). Debian bookworm's
  # kubernetes-client is 1.20 (kustomize v2.0.3) and cannot render them.
  if ! kubectl version --client 2>/dev/null | grep -Eq 'Kustomize Version: v([4-9]|[1-9][0-9])\.'; then
    absent+=("kubectl >= 1.21 with kustomize v4+ (found: $(kubectl version --client 2>&1 | head -2 | tr '\n' ' ')): the Kubernetes project's kubectl package, not Debian's kubernetes-client")
  fi
  id clickhouse >/dev/null 2>&1 || absent+=("user clickhouse (package clickhouse-server)")
  id postgres >/dev/null 2>&1 || absent+=("user postgres (package postgresql-15)")
  if [ ${#absent[@]} -gt 0 ]; then
    echo "test services: missing after install: ${absent[*]}" >&2
    return 1
  fi
  echo "test services: every binary the tests need is present"
}

start_postgres() {
  mkdir -p "$SVC_DIR/pg"; [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$SVC_DIR/pg"
  as_user "$(svc_user postgres)" "$PGBIN/initdb" -D "$SVC_DIR/pg/data" -U postgres --auth-local=trust \
      --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$SVC_DIR/pg/initdb.log"
  # postgres trusted from 127.0.0.1 (replication too, so a test can make a streaming replica for the in-recovery
  # case). pg_hba is first-match: these lines go before initdb's scram-sha-256 lines or they would never apply.
  { echo "host replication postgres 127.0.0.1/32 trust"; echo "host all postgres 127.0.0.1/32 trust"
    cat "$SVC_DIR/pg/data/pg_hba.conf"; } >"$SVC_DIR/pg/pg_hba.new"
  cat "$SVC_DIR/pg/pg_hba.new" >"$SVC_DIR/pg/data/pg_hba.conf"; rm -f "$SVC_DIR/pg/pg_hba.new"
  as_user "$(svc_user postgres)" "$PGBIN/pg_ctl" -D "$SVC_DIR/pg/data" -l "$SVC_DIR/pg/server.log" -w -t 60 \
      -o "-p $PG_PORT -k $SVC_DIR/pg -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c wal_level=replica -c max_wal_senders=4" start >/dev/null
  wait_for postgres 30 "$PGBIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT"
  as_user "$(svc_user postgres)" psql -h "$SVC_DIR/pg" -p "$PG_PORT" -U postgres -qAt -v ON_ERROR_STOP=1 \
      -c "CREATE ROLE torghut LOGIN PASSWORD 's3cret-pg-pass'" -c "CREATE DATABASE torghut OWNER torghut"
}

start_clickhouse() {
  mkdir -p "$SVC_DIR/ch"/{data,tmp,user_files,format_schemas,log}
  cat >"$SVC_DIR/ch/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$SVC_DIR/ch/log/server.log</log><errorlog>$SVC_DIR/ch/log/server.err.log</errorlog><size>100M</size><count>2</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$CH_HTTP_PORT</http_port><tcp_port>$CH_TCP_PORT</tcp_port><interserver_http_port>$((CH_TCP_PORT+9))</interserver_http_port>
  <max_connections>256</max_connections><max_concurrent_queries>50</max_concurrent_queries>
  <uncompressed_cache_size>268435456</uncompressed_cache_size><mark_cache_size>268435456</mark_cache_size>
  <path>$SVC_DIR/ch/data/</path><tmp_path>$SVC_DIR/ch/tmp/</tmp_path>
  <user_files_path>$SVC_DIR/ch/user_files/</user_files_path><format_schema_path>$SVC_DIR/ch/format_schemas/</format_schema_path>
  <users_config>users.xml</users_config><default_profile>default</default_profile><default_database>default</default_database>
  <timezone>UTC</timezone>
</yandex>
XML
  cat >"$SVC_DIR/ch/users.xml" <<'XML'
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>2000000000</max_memory_usage></default><readonly><readonly>1</readonly></readonly></profiles>
  <users>
    <default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default>
    <torghut><password>s3cret-ch-pass</password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>readonly</profile><quota>default</quota></torghut>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
XML
  [ "$(id -u)" -eq 0 ] && chown -R clickhouse:clickhouse "$SVC_DIR/ch"
  local runas=(); [ "$(id -u)" -eq 0 ] && runas=(setpriv --reuid=clickhouse --regid=clickhouse --init-groups)
  "${runas[@]}" /usr/sbin/clickhouse-server --config-file="$SVC_DIR/ch/config.xml" >"$SVC_DIR/ch/log/stdout.log" 2>&1 &
  echo $! >"$SVC_DIR/ch/pid"
  wait_for clickhouse 60 curl -sf "http://127.0.0.1:$CH_HTTP_PORT/ping"
  local q="http://127.0.0.1:$CH_HTTP_PORT/"
  curl -sf "$q" --data-binary "CREATE DATABASE IF NOT EXISTS torghut" >/dev/null
  for t in ta_signals ta_microbars; do
    curl -sf "$q" --data-binary "CREATE TABLE IF NOT EXISTS torghut.$t (symbol String, event_ts DateTime) ENGINE = MergeTree ORDER BY (symbol, event_ts)" >/dev/null
  done
}

start() {
  # Name the missing install instead of failing halfway as "chown: invalid user: clickhouse:clickhouse".
  local b
  for b in "$PGBIN/initdb" "$PGBIN/pg_ctl" /usr/sbin/clickhouse-server; do
    [ -x "$b" ] || { echo "test services: $b is missing: run $0 install first" >&2; exit 1; }
  done
  id clickhouse >/dev/null 2>&1 || { echo "test services: no user clickhouse (package clickhouse-server): run $0 install first" >&2; exit 1; }
  if [ -e "$SVC_DIR" ]; then stop >/dev/null 2>&1 || true; fi
  mkdir -p "$SVC_DIR"; chmod 755 "$SVC_DIR"
  start_postgres
  start_clickhouse
  echo "test services: PostgreSQL on 127.0.0.1:$PG_PORT, ClickHouse HTTP on 127.0.0.1:$CH_HTTP_PORT (dir $SVC_DIR)"
}

stop_pid() { local f=$1; [ -f "$f" ] || return 0; local p; p=$(cat "$f"); kill "$p" 2>/dev/null || true
  wait_for "$f to exit" 30 gone "$p" 2>/dev/null || kill -9 "$p" 2>/dev/null || true
  rm -f "$f"; }
stop() {
  stop_pid "$SVC_DIR/ch/pid"
  if [ -f "$SVC_DIR/pg/data/postmaster.pid" ]; then as_user "$(svc_user postgres)" "$PGBIN/pg_ctl" -D "$SVC_DIR/pg/data" -m immediate -w stop >/dev/null || true; fi
  if [ -f "$SVC_DIR/replica/data/postmaster.pid" ]; then as_user "$(svc_user postgres)" "$PGBIN/pg_ctl" -D "$SVC_DIR/replica/data" -m immediate -w stop >/dev/null || true; fi
  rm -rf "$SVC_DIR"
  echo "test services: stopped"
}

print_env() {
  cat <<ENV
TEST_SVC_DIR=$SVC_DIR
TEST_PG_PORT=$PG_PORT
TEST_PG_BIN=$PGBIN
TEST_CH_HTTP_PORT=$CH_HTTP_PORT
ENV
}
# Dispatch by name: never define a function called like a command (a function `env` once shadowed /usr/bin/env,
# so `$SUDO env DEBIAN_FRONTEND=... apt-get install` printed this environment instead of installing).
case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  env) print_env ;;
  *) echo "usage: $0 install|start|stop|env" >&2; exit 2 ;;
esac

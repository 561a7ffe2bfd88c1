#!/usr/bin/env bash
# Runs every test: installs what the tests need (Debian packages), starts throwaway PostgreSQL and ClickHouse on
# 127.0.0.1, runs unit + integration tests (./mvnw verify, which also runs promtool and kubectl kustomize checks),
# always stops the servers again, then runs the end-to-end test (scripts/e2e.sh: Prometheus, Alertmanager, git).
# Extra arguments go to Maven, e.g. scripts/test.sh -Dtest='Policy*' -Dit.test=none (E2E=0 skips the end-to-end run).
set -euo pipefail
cd "$(dirname "$0")/.."
export SVC_DIR=${SVC_DIR:-/tmp/torghut-prober-services}
export TEST_SVC_DIR=$SVC_DIR

scripts/test-services.sh install
trap 'scripts/test-services.sh stop' EXIT
scripts/test-services.sh start
start=$SECONDS
./mvnw -B verify "$@"
echo "tests: ./mvnw verify took $((SECONDS - start))s"
scripts/test-services.sh stop
trap - EXIT
if [ "${E2E:-1}" != 0 ]; then
  start=$SECONDS
  scripts/e2e.sh
  echo "tests: end-to-end took $((SECONDS - start))s"
fi

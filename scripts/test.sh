#!/usr/bin/env bash
# Runs every test: installs what the integration tests need (Debian packages), starts throwaway PostgreSQL and
# ClickHouse on 127.0.0.1, runs unit + integration tests (./mvnw verify), and always stops the servers again.
# Extra arguments go to Maven, e.g. scripts/test.sh -Dtest='Policy*' -Dit.test=none
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

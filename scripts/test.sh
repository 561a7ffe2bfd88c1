#!/usr/bin/env bash
# Runs every test: installs what the tests need (Debian packages), starts throwaway PostgreSQL and ClickHouse on
# 127.0.0.1, runs unit + integration tests (./mvnw verify, which also runs promtool and kubectl kustomize checks),
# always stops the servers again, then runs the end-to-end test (scripts/e2e.sh: Prometheus, Alertmanager, git).
# Extra arguments go to Maven, e.g. scripts/test.sh -Dtest='Policy*' -Dit.test=none (E2E=0 skips the end-to-end run).
# Native stage (scripts/native.sh, issue 13): the packaged-app ITs again against the native executable. It runs when a
# native-image is installed, NATIVE=1 also installs the shared test toolchain, NATIVE=0 skips it; a skip says why.
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
if [ "${NATIVE:-auto}" = 0 ]; then
  echo "native stage SKIPPED: NATIVE=0"
else
  start=$SECONDS
  status=0
  NATIVE_INSTALL=$([ "${NATIVE:-auto}" = 1 ] && echo 1 || echo 0) scripts/native.sh || status=$?
  if [ $status -eq 3 ]; then echo "tests: native stage skipped (reason above)"; elif [ $status -ne 0 ]; then exit $status; else
    echo "tests: native stage took $((SECONDS - start))s"; fi
fi
scripts/test-services.sh stop
trap - EXIT
if [ "${E2E:-1}" != 0 ]; then
  start=$SECONDS
  scripts/e2e.sh
  echo "tests: end-to-end took $((SECONDS - start))s"
fi

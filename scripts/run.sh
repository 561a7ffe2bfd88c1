#!/usr/bin/env bash
# Builds the prober if needed and runs it on port ${PORT:-8080}. Configuration comes from the environment
# (TORGHUT_URL, TA_CLICKHOUSE_URL, TA_CLICKHOUSE_USERNAME, TA_CLICKHOUSE_PASSWORD, DB_DSN, PROBER_*: see README).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/quarkus-app/quarkus-run.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  ./mvnw -B -q package -DskipTests
fi
# Humans read text; production (the container) logs JSON lines. PROBER_LOG_JSON=true here gives JSON too.
export PROBER_LOG_JSON="${PROBER_LOG_JSON:-false}"
exec java ${JAVA_OPTS:-} -jar "$jar"

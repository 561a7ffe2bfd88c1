#!/usr/bin/env bash
# Benchmark: the memory floor of the stack. Builds, with the same Quarkus version, native toolchain and heap flags, a
# Quarkus application that has only what any Quarkus HTTP service has (REST with Jackson, Micrometer's Prometheus
# registry, SmallRye Health, JSON logging, the management interface, one JSON endpoint) and nothing of the prober.
# Prints its idle RSS next to the prober's native executable (target/*-runner, when built) and blackbox_exporter, in
# one run. The difference between the floor and the prober is what the prober's own work costs; the floor is what no
# cut inside the prober can go below.
# usage: bench/native-floor.sh [idle_s=15]
# env: NATIVE_FLAGS (default: the -X flags of Dockerfile.native-micro); GRAALVM_HOME, else /opt/pseudo-graalvm (with
#      Maven on Temurin 25, as scripts/native.sh does). About 3 minutes and 4 GB for the build on 2 cores.
source "$(dirname "$0")/lib.sh"
IDLE=${1:-15}
read -r -a NATIVE_FLAGS <<<"${NATIVE_FLAGS:-$(grep '^ENTRYPOINT' "$ROOT/src/main/docker/Dockerfile.native-micro" | grep -o '"-X[^"]*"' | tr -d '"' | tr '\n' ' ')}"
QUARKUS=$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' "$ROOT/pom.xml")
GRAAL=${GRAALVM_HOME:-/opt/pseudo-graalvm}
[ -x "$GRAAL/bin/native-image" ] || { echo "no native-image at $GRAAL (scripts/native.sh installs the test toolchain)" >&2; exit 1; }
MAVEN_JAVA=${JAVA_HOME:-}
[ "$GRAAL" = /opt/pseudo-graalvm ] && MAVEN_JAVA=${TEMURIN25:-/usr/lib/jvm/temurin-25-jdk-amd64}

APP=$WORK/native-floor
rm -rf "$APP"; mkdir -p "$APP/src/main/java/floor" "$APP/src/main/resources"
cp -r "$ROOT/mvnw" "$ROOT/.mvn" "$APP/"
cat >"$APP/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>floor</groupId><artifactId>floor</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencyManagement><dependencies><dependency><groupId>io.quarkus</groupId><artifactId>quarkus-bom</artifactId>
    <version>$QUARKUS</version><type>pom</type><scope>import</scope></dependency></dependencies></dependencyManagement>
  <dependencies>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-rest-jackson</artifactId></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-micrometer-registry-prometheus</artifactId></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-smallrye-health</artifactId></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-logging-json</artifactId></dependency>
  </dependencies>
  <build><plugins><plugin><groupId>io.quarkus</groupId><artifactId>quarkus-maven-plugin</artifactId><version>$QUARKUS</version>
    <extensions>true</extensions><executions><execution><goals><goal>build</goal></goals></execution></executions></plugin></plugins></build>
</project>
POM
cat >"$APP/src/main/java/floor/Hello.java" <<'JAVA'
package floor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Map;

@Path("/hello")
public class Hello {
    @GET
    public Map<String, String> hello() {
        return Map.of("hello", "world");
    }
}
JAVA
# the prober's own settings that shape the image: management interface, size-optimised code
printf 'quarkus.management.enabled=true\nquarkus.native.additional-build-args=-Os\n' >"$APP/src/main/resources/application.properties"
echo "building the floor application (Quarkus $QUARKUS, $GRAAL)..." >&2
(cd "$APP" && JAVA_HOME=$MAVEN_JAVA PSEUDO_GRAALVM_XMX=${PSEUDO_GRAALVM_XMX:-7g} ./mvnw -B -q package -DskipTests \
  -Dquarkus.native.enabled=true -Dquarkus.package.jar.enabled=false "-Dquarkus.native.graalvm-home=$GRAAL" >"$WORK/native-floor-build.log" 2>&1) \
  || { tail -20 "$WORK/native-floor-build.log" >&2; exit 1; }
FLOOR=$APP/target/floor-1-runner

printf '%-52s %9s %10s %14s\n' process "size MiB" "idle RSS" "after 1 scrape"
"$FLOOR" "${NATIVE_FLAGS[@]}" -Dquarkus.http.port=18951 -Dquarkus.management.port=18952 >"$WORK/native-floor.log" 2>&1 & PIDS+=($!); pid=$!
wait_for "the floor application" 30 curl -sf http://127.0.0.1:18952/q/health/ready; sleep "$IDLE"; idle=$(rss_mib $pid)
curl -sf -o /dev/null http://127.0.0.1:18951/hello; curl -sf -o /dev/null http://127.0.0.1:18952/q/metrics; sleep 1
printf '%-52s %9s %10s %14s\n' "Quarkus floor (REST+Jackson, Micrometer, Health)" "$(du -m "$FLOOR" | cut -f1)" "$idle" "$(rss_mib $pid)"
kill $pid

RUNNER=$(find "$ROOT/target" -maxdepth 1 -name '*-runner' -type f -perm -u+x 2>/dev/null | head -1)
if [ -n "$RUNNER" ]; then
  env "${QUIET_CORE[@]}" PROBER_TORGHUT_HEALTHZ_INTERVAL=10s PROBER_TORGHUT_TRADING_HEALTH_INTERVAL=10s PROBER_CLICKHOUSE_INTERVAL=15s \
    PROBER_FRESHNESS_INTERVAL=15s PROBER_POSTGRES_INTERVAL=15s PROBER_PAUSE_LEADER_ENABLED=false PORT=18953 MANAGEMENT_PORT=19953 \
    "$RUNNER" "${NATIVE_FLAGS[@]}" >"$WORK/native-floor-prober.log" 2>&1 & PIDS+=($!); pid=$!
  wait_for "the prober" 30 curl -sf http://127.0.0.1:19953/q/health/live; sleep "$IDLE"; idle=$(rss_mib $pid)
  curl -s -o /dev/null http://127.0.0.1:18953/diagnose; curl -sf -o /dev/null http://127.0.0.1:19953/q/metrics; sleep 1
  printf '%-52s %9s %10s %14s\n' "torghut-prober native (core probes at their intervals)" "$(du -m "$RUNNER" | cut -f1)" "$idle" "$(rss_mib $pid)"
  kill $pid
else
  echo "torghut-prober native: no target/*-runner (scripts/native.sh builds it): row skipped"
fi
if command -v prometheus-blackbox-exporter >/dev/null; then
  printf 'modules:\n  http_2xx:\n    prober: http\n' >"$WORK/native-floor-bb.yml"
  prometheus-blackbox-exporter --config.file="$WORK/native-floor-bb.yml" --web.listen-address=127.0.0.1:18954 >"$WORK/native-floor-bb.log" 2>&1 & PIDS+=($!); pid=$!
  wait_for blackbox_exporter 20 curl -sf http://127.0.0.1:18954/metrics; sleep "$IDLE"; idle=$(rss_mib $pid)
  curl -sf -o /dev/null http://127.0.0.1:18954/metrics; sleep 1
  printf '%-52s %9s %10s %14s\n' blackbox_exporter "$(du -m "$(command -v prometheus-blackbox-exporter)" | cut -f1)" "$idle" "$(rss_mib $pid)"
  kill $pid
fi

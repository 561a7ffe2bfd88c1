#!/usr/bin/env bash
# Benchmark: the memory floor of the stack. Builds, with the same Quarkus version, native toolchain and heap flags, a
# Quarkus application that has only what any Quarkus HTTP service has (REST with Jackson, Micrometer's Prometheus
# registry, SmallRye Health, JSON logging, the management interface, one JSON endpoint) and nothing of the prober.
# Then the design card's floor (issue 20): the same plus quarkus-scheduler and quarkus-kubernetes-client with the
# prober's fabric8 model-jar exclusions, reading the Kubernetes API every 15 s as the prober does (scripts/kube_api_stub.py,
# the healthy scenario), nothing else of ours. Prints their idle RSS next to the prober's native executable
# (target/*-runner, when built; Kubernetes reads off and on, the pause Lease off) and blackbox_exporter, in one run,
# with the API requests each made in its window. The difference between the card's floor and the prober with
# Kubernetes on is what the prober's own work costs; the floor is what no cut inside the prober can go below.
# usage: bench/native-floor.sh [idle_s=15]
# env: NATIVE_FLAGS (default: the -X flags of Dockerfile.native-micro); GRAALVM_HOME, else /opt/pseudo-graalvm (with
#      Maven on Temurin 25, as scripts/native.sh does). About 3 minutes and 4 GB for each of the two builds on 2 cores.
# Ports: 18951-18956 and an ephemeral one for the API stand-in.
source "$(dirname "$0")/lib.sh"
IDLE=${1:-15}
read -r -a NATIVE_FLAGS <<<"${NATIVE_FLAGS:-$(grep '^ENTRYPOINT' "$ROOT/src/main/docker/Dockerfile.native-micro" | grep -o '"-X[^"]*"' | tr -d '"' | tr '\n' ' ')}"
QUARKUS=$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' "$ROOT/pom.xml")
GRAAL=${GRAALVM_HOME:-/opt/pseudo-graalvm}
[ -x "$GRAAL/bin/native-image" ] || { echo "no native-image at $GRAAL (scripts/native.sh installs the test toolchain)" >&2; exit 1; }
MAVEN_JAVA=${JAVA_HOME:-}
[ "$GRAAL" = /opt/pseudo-graalvm ] && MAVEN_JAVA=${TEMURIN25:-/usr/lib/jvm/temurin-25-jdk-amd64}

# floor_pom NAME EXTRA_DEPENDENCIES: a pom with the REST, Micrometer, Health and JSON-logging extensions, plus the extra
# dependencies, at the prober's Quarkus version
floor_pom() {
  cat <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>floor</groupId><artifactId>$1</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencyManagement><dependencies><dependency><groupId>io.quarkus</groupId><artifactId>quarkus-bom</artifactId>
    <version>$QUARKUS</version><type>pom</type><scope>import</scope></dependency></dependencies></dependencyManagement>
  <dependencies>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-rest-jackson</artifactId></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-micrometer-registry-prometheus</artifactId></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-smallrye-health</artifactId></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-logging-json</artifactId></dependency>
$2
  </dependencies>
  <build><plugins><plugin><groupId>io.quarkus</groupId><artifactId>quarkus-maven-plugin</artifactId><version>$QUARKUS</version>
    <extensions>true</extensions><executions><execution><goals><goal>build</goal></goals></execution></executions></plugin></plugins></build>
</project>
POM
}

# new_floor NAME: a fresh project directory with the Maven wrapper, the one JSON endpoint and the prober's own settings
# that shape the image (management interface, size-optimised code); prints its path
new_floor() {
  local app=$WORK/$1
  rm -rf "$app"; mkdir -p "$app/src/main/java/floor" "$app/src/main/resources"
  cp -r "$ROOT/mvnw" "$ROOT/.mvn" "$app/"
  cat >"$app/src/main/java/floor/Hello.java" <<'JAVA'
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
  printf 'quarkus.management.enabled=true\nquarkus.native.additional-build-args=-Os\n' >"$app/src/main/resources/application.properties"
  echo "$app"
}

build_floor() { # DIR NAME: the native executable, its build log in $WORK/NAME-build.log
  echo "building $2 (Quarkus $QUARKUS, $GRAAL)..." >&2
  (cd "$1" && JAVA_HOME=$MAVEN_JAVA PSEUDO_GRAALVM_XMX=${PSEUDO_GRAALVM_XMX:-7g} ./mvnw -B -q package -DskipTests \
    -Dquarkus.native.enabled=true -Dquarkus.package.jar.enabled=false "-Dquarkus.native.graalvm-home=$GRAAL" >"$WORK/$2-build.log" 2>&1) \
    || { tail -20 "$WORK/$2-build.log" >&2; exit 1; }
}

# The stack floor: what any Quarkus HTTP service has.
APP=$(new_floor native-floor)
floor_pom native-floor "" >"$APP/pom.xml"
build_floor "$APP" native-floor
FLOOR=$APP/target/native-floor-1-runner

# The card's floor (issue 20): the stack floor plus the design card's quarkus-scheduler and quarkus-kubernetes-client
# with the prober's own fabric8 dependencies (its model-jar exclusions, read from pom.xml), reading as the prober does:
# every 15 s, on the scheduler, the Knative Service, its revisions, pods (and the newest pod's log tail) and the CNPG
# Cluster as generic resources, each request with a 5 s timeout, nothing else.
CARD=$(new_floor native-card-floor)
FABRIC8_DEPS=$(python3 - "$ROOT/pom.xml" <<'PY'
import re, sys
pom = open(sys.argv[1]).read()
deps = re.findall(r'<dependency>.*?</dependency>', pom, re.S)
print('\n'.join(d for d in deps if '<groupId>io.fabric8</groupId>' in d.split('<exclusions>')[0]))
PY
)
floor_pom native-card-floor "    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-scheduler</artifactId></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-kubernetes-client</artifactId></dependency>
$FABRIC8_DEPS" >"$CARD/pom.xml"
cat >"$CARD/src/main/java/floor/Reads.java" <<'JAVA'
package floor;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class Reads {
    private static final ResourceDefinitionContext SERVICES = kind("serving.knative.dev", "v1", "Service", "services");
    private static final ResourceDefinitionContext REVISIONS = kind("serving.knative.dev", "v1", "Revision", "revisions");
    private static final ResourceDefinitionContext PODS = kind("", "v1", "Pod", "pods");
    private static final ResourceDefinitionContext CLUSTERS = kind("postgresql.cnpg.io", "v1", "Cluster", "clusters");

    private final KubernetesClient client;

    Reads(KubernetesClient client) {
        this.client = client;
    }

    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void read() {
        try {
            client.genericKubernetesResources(SERVICES).inNamespace("torghut").withName("torghut").get();
            client.genericKubernetesResources(REVISIONS).inNamespace("torghut")
                    .withLabel("serving.knative.dev/service", "torghut").list();
            List<GenericKubernetesResource> pods = client.genericKubernetesResources(PODS).inNamespace("torghut")
                    .withLabels(Map.of("serving.knative.dev/service", "torghut")).list().getItems();
            if (!pods.isEmpty()) {
                client.raw("/api/v1/namespaces/torghut/pods/" + pods.get(0).getMetadata().getName()
                        + "/log?container=user-container&tailLines=200&limitBytes=65536", "GET", null);
            }
            client.genericKubernetesResources(CLUSTERS).inNamespace("torghut").withName("torghut-db").get();
        } catch (RuntimeException e) {
            System.err.println("read failed: " + e.getMessage());
        }
    }

    private static ResourceDefinitionContext kind(String group, String version, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }
}
JAVA
printf 'quarkus.kubernetes-client.devservices.enabled=false\nquarkus.kubernetes-client.request-timeout=5S\nquarkus.kubernetes-client.request-retry-backoff-limit=0\n' \
  >>"$CARD/src/main/resources/application.properties"
build_floor "$CARD" native-card-floor
CARD_FLOOR=$CARD/target/native-card-floor-1-runner
mkdir -p "$WORK/native-floor-kube"; rm -f "$WORK/native-floor-kube/kube-requests.jsonl"
start_kube_api "$WORK/native-floor-kube"

# api_requests: how many requests the stand-in has logged so far (none before its first)
api_requests() { if [ -f "$WORK/native-floor-kube/kube-requests.jsonl" ]; then wc -l <"$WORK/native-floor-kube/kube-requests.jsonl"; else echo 0; fi; }
printf '%-58s %9s %10s %14s %9s\n' process "size MiB" "idle RSS" "after 1 scrape" "API reqs"
# floor_row LABEL EXECUTABLE PORT [-D...]: idle RSS after IDLE seconds, then one request and one scrape
floor_row() {
  local label=$1 exe=$2 port=$3; shift 3
  local before; before=$(api_requests)
  "$exe" "${NATIVE_FLAGS[@]}" -Dquarkus.http.port="$port" -Dquarkus.management.port=$((port + 1)) "$@" >"$WORK/$(basename "$exe").log" 2>&1 & PIDS+=($!); pid=$!
  wait_for "$label" 30 curl -sf "http://127.0.0.1:$((port + 1))/q/health/ready"; sleep "$IDLE"; idle=$(rss_mib $pid)
  curl -sf -o /dev/null "http://127.0.0.1:$port/hello"; curl -sf -o /dev/null "http://127.0.0.1:$((port + 1))/q/metrics"; sleep 1
  printf '%-58s %9s %10s %14s %9s\n' "$label" "$(du -m "$exe" | cut -f1)" "$idle" "$(rss_mib $pid)" \
    $(( $(api_requests) - before ))
  kill $pid
}
floor_row "Quarkus floor (REST+Jackson, Micrometer, Health)" "$FLOOR" 18951
floor_row "card floor (+ scheduler, kubernetes-client, reads)" "$CARD_FLOOR" 18955 -Dquarkus.kubernetes-client.api-server-url="$KUBE_URL"

RUNNER=$(find "$ROOT/target" -maxdepth 1 -name '*-runner' -type f -perm -u+x 2>/dev/null | head -1)
if [ -n "$RUNNER" ]; then
  for kube in off on; do
    before=$(api_requests)
    env "${QUIET_CORE[@]}" PROBER_TORGHUT_HEALTHZ_INTERVAL=10s PROBER_TORGHUT_TRADING_HEALTH_INTERVAL=10s PROBER_CLICKHOUSE_INTERVAL=15s \
      PROBER_FRESHNESS_INTERVAL=15s PROBER_POSTGRES_INTERVAL=15s PROBER_PAUSE_LEADER_ENABLED=false PORT=18953 MANAGEMENT_PORT=19953 \
      PROBER_KUBERNETES_ENABLED="$([ $kube = on ] && echo true || echo false)" PROBER_KUBERNETES_API_SERVER_URL="$KUBE_URL" \
      "$RUNNER" "${NATIVE_FLAGS[@]}" >"$WORK/native-floor-prober-$kube.log" 2>&1 & PIDS+=($!); pid=$!
    wait_for "the prober" 30 curl -sf http://127.0.0.1:19953/q/health/live; sleep "$IDLE"; idle=$(rss_mib $pid)
    curl -s -o /dev/null http://127.0.0.1:18953/diagnose; curl -sf -o /dev/null http://127.0.0.1:19953/q/metrics; sleep 1
    printf '%-58s %9s %10s %14s %9s\n' "torghut-prober native, core probes, Kubernetes $kube" "$(du -m "$RUNNER" | cut -f1)" "$idle" \
      "$(rss_mib $pid)" $(( $(api_requests) - before ))
    kill $pid; wait $pid 2>/dev/null || true
  done
else
  echo "torghut-prober native: no target/*-runner (scripts/native.sh builds it): row skipped"
fi
if command -v prometheus-blackbox-exporter >/dev/null; then
  printf 'modules:\n  http_2xx:\n    prober: http\n' >"$WORK/native-floor-bb.yml"
  prometheus-blackbox-exporter --config.file="$WORK/native-floor-bb.yml" --web.listen-address=127.0.0.1:18954 >"$WORK/native-floor-bb.log" 2>&1 & PIDS+=($!); pid=$!
  wait_for blackbox_exporter 20 curl -sf http://127.0.0.1:18954/metrics; sleep "$IDLE"; idle=$(rss_mib $pid)
  curl -sf -o /dev/null http://127.0.0.1:18954/metrics; sleep 1
  printf '%-58s %9s %10s %14s %9s\n' blackbox_exporter "$(du -m "$(command -v prometheus-blackbox-exporter)" | cut -f1)" "$idle" "$(rss_mib $pid)" -
  kill $pid
fi

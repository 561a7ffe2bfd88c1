package io.torghut.prober.feature.probe.kubernetes;

import static io.restassured.RestAssured.given;
import static io.torghut.prober.testsupport.ManagementInterface.management;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.torghut.prober.feature.signal.SignalStore;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The Kubernetes API is down (nothing listens on its port): a finding, never a crash; the other probes carry on. */
@QuarkusTest
@TestProfile(KubernetesApiDownTest.Profile.class)
class KubernetesApiDownTest {

    /** Once: the profile is read at build and at run time, and both must name the same port. */
    static final int CLOSED_PORT = closedPort();

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("prober.kubernetes.api-server-url", "http://127.0.0.1:" + CLOSED_PORT,
                    "prober.kubernetes.timeout", "2s");
        }
    }

    @Inject
    SignalStore store;

    /** Polling bound: returns as soon as the condition holds; generous for a starved CI machine (10 s failed at load 35). */
    static final Duration SETTLE = Duration.ofSeconds(90);

    @Test
    void apiDownIsAnAccessFindingAndEverythingElseCarriesOn() {
        Awaitility.await().atMost(SETTLE).pollInterval(Duration.ofMillis(200)).until(() -> store.get("knative").flatMap(s -> s.latest()).isPresent()
                && store.get("cnpg").flatMap(s -> s.latest()).isPresent() && store.get("healthz").flatMap(s -> s.latest()).isPresent());
        Awaitility.await().atMost(SETTLE).pollInterval(Duration.ofMillis(200)).until(() -> diagnose().getList("sections.findings.findings.id").contains("kubernetes-access"));
        JsonPath diagnosis = diagnose();
        assertTrue(diagnosis.getList("sections.findings.findings.id").contains("kubernetes-access"), diagnosis.prettify());
        String evidence = diagnosis.getString("sections.findings.findings.find { it.id == 'kubernetes-access' }.evidence[0]");
        assertTrue(evidence.startsWith("unreachable: get services.serving.knative.dev torghut in torghut - cannot connect to the Kubernetes API"),
                evidence);
        assertEquals("connect", diagnosis.getString("signals.find { it.name == 'knative' }.reason"), diagnosis.prettify());
        // CNPG unreadable is the prober being blind, not Postgres down: not judged, no pause from it.
        assertEquals("NOT JUDGED", diagnosis.getString("signals.find { it.name == 'cnpg' }.status"));
        assertTrue(List.of("OK", "FAILING").contains(diagnosis.getString("signals.find { it.name == 'healthz' }.status")));
        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("torghut_prober_kubernetes_api_up 0.0"), metrics);
        assertTrue(metrics.contains("torghut_prober_component_ready{component=\"ksvc\"} 0.0"), metrics);
        assertTrue(metrics.contains("torghut_prober_findings{finding=\"kubernetes-access\",procedure=\"-\"} 1.0"), metrics);
        management().get("/q/health/live").then().statusCode(200);
    }

    private static JsonPath diagnose() {
        return given().accept("application/json").get("/diagnose").then().statusCode(200).extract().jsonPath();
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

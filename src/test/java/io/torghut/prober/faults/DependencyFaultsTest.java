package io.torghut.prober.faults;

import static io.restassured.RestAssured.given;
import static io.torghut.prober.testsupport.ManagementInterface.management;
import static io.torghut.prober.faults.Probing.anyReasonStartsWith;
import static io.torghut.prober.faults.Probing.awaitHealthy;
import static io.torghut.prober.faults.Probing.awaitSignal;
import static io.torghut.prober.faults.Probing.diagnose;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.torghut.prober.adapter.git.BareRepo;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dependency faults against the whole running prober (see {@link FaultsResource}): each test starts healthy, breaks
 * one dependency while /diagnose keeps answering within a second, checks the verdict and the signal's reason, mends
 * the dependency and waits for the prober to recover by itself. Torghut's refused/hung/slow/reset/garbage answers are
 * covered by HttpProbesStubServerTest and ProberAppTest; DNS and TLS need JVM-wide settings and run in
 * {@code DnsAndTlsFaultsIT} against the packaged jar.
 */
@QuarkusTest
@WithTestResource(FaultsResource.class)
class DependencyFaultsTest {
    static final String PAUSED_LINE = "value: \"false\"   # set to";
    static final String ENABLED_LINE = "value: \"true\"   # set to";

    @BeforeEach
    void healthy() {
        FaultsResource.env.kubernetesProxy().mode(FaultProxy.Mode.PASS);
        FaultsResource.env.clickhouseAdmin().insertAged(FaultsResource.SIGNALS, 0);
        FaultsResource.env.clickhouseAdmin().insertAged(FaultsResource.MICROBARS, 0);
        awaitHealthy(60);
    }

    @Test
    void clickhouseKilledAndRestarted() {
        FaultsResource.env.clickhouse().kill();
        try {
            awaitSignal("PAUSE_RECOMMENDED", "clickhouse", "FAILING", "connect", 20);
            // The freshness probes run on their own schedule: they reach their second failure in their own time.
            JsonPath report = awaitSignal("PAUSE_RECOMMENDED", "ta_signals", "STALE", "connect", 20);
            assertTrue(anyReasonStartsWith(report, "clickhouse down"), report::prettify);
            assertTrue(anyReasonStartsWith(report, "ta_signals freshness unknown (counted as stale)"), report::prettify);
        } finally {
            // Also when an assertion fails: the next test must not start with ClickHouse down.
            FaultsResource.env.clickhouse().restart();
        }
        awaitHealthy(30);
    }

    @Test
    void postgresRestarted() {
        FaultsResource.env.postgres().stop();
        JsonPath report = awaitSignal("PAUSE_RECOMMENDED", "postgres", "FAILING", "connect", 20);
        assertTrue(anyReasonStartsWith(report, "postgres down"), report::prettify);
        FaultsResource.env.postgres().start();
        awaitHealthy(30);
    }

    @Test
    void kubernetesApiAnswering500() {
        FaultsResource.env.kubernetesProxy().mode(FaultProxy.Mode.ERROR_500);
        JsonPath report = awaitSignal("DEGRADED", "knative", "FAILING", "http_5xx", 20);
        assertTrue(anyReasonStartsWith(report, "knative down"), report::prettify);
        assertTrue(report.getList("sections.findings.findings.id").contains("kubernetes-access"), report::prettify);
        assertTrue(management().get("/q/metrics").asString().contains("torghut_prober_kubernetes_api_up 0.0"));
        FaultsResource.env.kubernetesProxy().mode(FaultProxy.Mode.PASS);
        awaitHealthy(30);
        assertTrue(management().get("/q/metrics").asString().contains("torghut_prober_kubernetes_api_up 1.0"));
    }

    @Test
    void kubernetesApiTimingOut() {
        FaultsResource.env.kubernetesProxy().mode(FaultProxy.Mode.HANG);
        JsonPath report = awaitSignal("DEGRADED", "knative", "FAILING", "timeout", 30);
        assertTrue(report.getList("sections.findings.findings.id").contains("kubernetes-access"), report::prettify);
        FaultsResource.env.kubernetesProxy().mode(FaultProxy.Mode.PASS);
        awaitHealthy(30);
    }

    @Test
    void gitRemoteGoneDuringAPause() throws Exception {
        BareRepo remote = FaultsResource.env.git();
        remote.restart();
        int before = remote.log().size();
        remote.takeAway();
        try {
            given().header("Authorization", "Bearer " + FaultsResource.TOKEN).contentType("application/json")
                    .body("{\"reason\": \"remote away\", \"requestedBy\": \"faults\"}").post("/pause")
                    .then().statusCode(503).contentType("application/json").body("action", equalTo("pending"));
            JsonPath report = diagnose();
            assertEquals("git", report.getString("sections.pause.pending.kind"), report::prettify);
            assertEquals("HEALTHY", report.getString("verdict"), "an unreachable git remote is not a trading problem");
            // The internal retry (retry-initial 500 ms) runs and fails again while the remote is away; /diagnose shows it.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> diagnose().getInt("sections.pause.pending.attempts") >= 2);
        } finally {
            remote.bringBack();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> remote.log().size() == before + 1);
        assertTrue(remote.manifest().contains(PAUSED_LINE));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath report = diagnose();
            assertNull(report.get("sections.pause.pending"), report::prettify);
            assertEquals("paused", report.getString("sections.pause.lastAction.action"), report::prettify);
        });
        remote.restart();
        assertEquals(List.of(), diagnose().getList("reasons"));
    }
}

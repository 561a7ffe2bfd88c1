package io.torghut.prober.feature.pause;

import static io.torghut.prober.testsupport.ManagementInterface.management;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.torghut.prober.feature.signal.Health;
import io.torghut.prober.feature.verdict.VerdictLevel;
import io.torghut.prober.feature.verdict.VerdictTracker;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The automatic pause in a running app acts only after the first complete probe round: right after a restart every
 * signal is "no result yet", which reads as PAUSE_RECOMMENDED and must never commit a pause by itself.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(FirstRoundResource.class)
class AutoPauseFirstRoundTest {
    @Inject
    VerdictTracker verdicts;

    int commits() throws Exception {
        return FirstRoundResource.remote.log().size();
    }

    @Test
    void noAutomaticPauseBeforeEverySignalHasReportedThenPauseOnce() throws Exception {
        // Every signal but the held-back gate has reported, and the verdict says PAUSE_RECOMMENDED.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertEquals(1, FirstRoundResource.GATE_REQUESTS.get());
            assertEquals(VerdictLevel.PAUSE_RECOMMENDED, verdicts.current().level());
            assertEquals(Health.UNKNOWN, verdicts.current().signal("gate").orElseThrow().health());
            assertTrue(verdicts.current().signals().stream().filter(s -> !s.name().equals("gate")).noneMatch(s -> s.health() == Health.UNKNOWN),
                    () -> verdicts.current().signals().toString());
        });
        assertFalse(verdicts.firstRoundDone());
        // Several auto-hold periods (1 s) and verdict evaluations (every second) pass: still no commit, no action.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> commits() == 1 && !verdicts.firstRoundDone());
        assertFalse(management().get("/q/metrics").asString().contains("result=\"paused\"} 1.0"));

        FirstRoundResource.RELEASE.countDown();
        await().atMost(Duration.ofSeconds(20)).until(verdicts::firstRoundDone);
        assertEquals(VerdictLevel.PAUSE_RECOMMENDED, verdicts.current().level(), "the dependencies are still down");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> commits() == 2);
        String message = FirstRoundResource.remote.log().get(0).getFullMessage();
        assertTrue(message.contains("Requested by: torghut-prober (automatic, verdict PAUSE_RECOMMENDED) (auto)"), message);
        assertTrue(FirstRoundResource.remote.manifest().contains("value: \"false\""));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertTrue(management().get("/q/metrics").asString()
                .contains("torghut_prober_pause_actions_total{mode=\"trigger\",result=\"paused\"} 1.0")));
        // The verdict keeps saying PAUSE_RECOMMENDED: the hold fires once per episode, so no second commit.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).until(() -> commits() == 2);
    }
}

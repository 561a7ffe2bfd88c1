package io.torghut.prober.feature.pause;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.torghut.prober.testsupport.GitHttpHooks;
import io.torghut.prober.testsupport.PackagedApp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Kubernetes stops the pod (a real SIGTERM to the packaged prober) while a webhook's pause is being pushed to a slow
 * Git host (a pre-receive hook holds receive-pack for a few seconds): the pause finishes, its caller gets its normal
 * answer, Argo CD is asked to sync the commit, the Event is written, no stack trace is logged, and the stop takes the
 * rest of the push plus a little.
 */
class SigtermDuringPauseIT {
    static final double PUSH_SECONDS = 4;

    @Test
    void aPauseBeingPushedAtSigtermFinishesAndAnswersItsCaller() throws Exception {
        try (PauseRig rig = PauseRig.start("sigterm-pause")) {
            GitHttpHooks.delay(rig.remote().bare(), PUSH_SECONDS);
            String webhook = PauseRig.webhook();
            try (PackagedApp app = PackagedApp.launch("sigterm-during-pause", rig.env("working-copy"))) {
                app.awaitReady(Duration.ofSeconds(90));
                int before = rig.remote().log().size();
                CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(() -> {
                    try {
                        return app.post("/pause", "application/json", webhook, PauseRig.TOKEN);
                    } catch (Exception e) {
                        throw new IllegalStateException("the caller got no answer: " + e, e);
                    }
                });
                // The push has reached the host, which holds it in pre-receive: the pause is in flight.
                await().atMost(Duration.ofSeconds(60)).until(() -> rig.host().receivePacks() >= 1 || answer.isDone());
                long start = System.nanoTime();
                app.close();
                Duration stop = Duration.ofNanos(System.nanoTime() - start);

                HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode(), response.body() + "\n" + app.output());
                JsonPath json = JsonPath.from(response.body());
                assertEquals("paused", json.getString("action"), json.prettify());
                String commit = json.getString("commit");
                assertEquals(commit, rig.remote().log().get(0).name());
                assertEquals(before + 1, rig.remote().log().size());
                assertEquals(commit, rig.syncedRevision().orElse("none"), "Argo CD was asked to sync the pause commit");
                assertTrue(rig.events().stream().anyMatch(e -> "TradingPaused".equals(e.getReason()) && e.getMessage().contains(commit)),
                        "the TradingPaused Event was written before the process ended: " + rig.events());
                assertEquals(List.of(), app.stackTraceLines(), "stack trace in the log:\n" + app.output());
                // Generous for a loaded 2-core machine: the push's remaining seconds plus the bounded clean-up.
                assertTrue(stop.compareTo(Duration.ofSeconds((long) PUSH_SECONDS + 8)) < 0, "stop took " + stop + "\n" + app.output());
                System.out.printf("SIGTERM during the push: stop took %.2fs (push held %.0fs by the host)%n", stop.toMillis() / 1000.0,
                        PUSH_SECONDS);
            }
        }
    }
}

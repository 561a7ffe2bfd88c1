package io.torghut.prober.feature.pause;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.testsupport.MockKubernetes;
import io.torghut.prober.testsupport.PackagedApp;
import io.torghut.prober.testsupport.SilentServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A rolling update waits for every pod to stop, and Kubernetes kills it after 30 s: a real SIGTERM to the packaged
 * prober whose Torghut probes hang (a server that accepts and never answers) and whose Kubernetes API has gone right
 * after it took the Lease stops promptly. Hung probes and the Lease release are abandoned, not awaited (main took 38 s
 * here, retrying the release). The precise figures are printed by bench/stop-latency.sh; the bound here is generous
 * for a loaded 2-core machine.
 */
class PromptStopIT {
    static final Duration BOUND = Duration.ofSeconds(8);

    @Test
    void stopsPromptlyWithHungProbesAndTheKubernetesApiGone() throws Exception {
        try (SilentServer torghut = new SilentServer()) {
            MockKubernetes k8s = MockKubernetes.start();
            Map<String, String> env = new HashMap<>(k8s.env());
            env.putAll(Map.of("TORGHUT_URL", torghut.url(), "TA_CLICKHOUSE_URL", torghut.url(), "PROBER_KUBERNETES_ENABLED", "true",
                    "PROBER_PAUSE_LEADER_ENABLED", "true", "PROBER_PAUSE_LEADER_LEASE", "prompt-stop-lease",
                    "PROBER_PAUSE_LEADER_RETRY_PERIOD", "500ms", "PROBER_PAUSE_TOKEN", PauseRig.TOKEN));
            try (PackagedApp app = PackagedApp.launch("prompt-stop", env)) {
                app.awaitReady(Duration.ofSeconds(90));
                await().atMost(Duration.ofSeconds(60)).until(() -> ResumeAfterRestartIT.gauge(app, "torghut_prober_leader") == 1.0);
                k8s.close();
                Thread.sleep(500);
                long start = System.nanoTime();
                app.close();
                Duration stop = Duration.ofNanos(System.nanoTime() - start);
                System.out.printf("hung Torghut + Kubernetes API gone: stop took %.2fs%n", stop.toMillis() / 1000.0);
                assertTrue(stop.compareTo(BOUND) < 0, "stop took " + stop + "\n" + app.output());
                assertTrue(app.output().contains("not released"), "the release was abandoned and said so:\n" + app.output());
                assertEquals(List.of(), app.stackTraceLines(), "stack trace in the log:\n" + app.output());
            } finally {
                k8s.close();
            }
        }
    }
}

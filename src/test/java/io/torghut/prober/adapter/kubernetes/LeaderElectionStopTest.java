package io.torghut.prober.adapter.kubernetes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.torghut.prober.testsupport.MockKubernetes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Stopping the elector: the Lease is handed back at once while the API answers (another replica need not wait for it
 * to expire), and when the API has gone the release is abandoned within its budget instead of retried for tens of
 * seconds while a rolling update waits (main: 38 s against a refused API).
 */
class LeaderElectionStopTest {

    @Test
    void stopReleasesTheLease() {
        try (MockKubernetes k8s = MockKubernetes.start()) {
            LeaderElection election = election(k8s);
            election.start();
            await().atMost(Duration.ofSeconds(10)).until(election::isLeader);
            election.stop();
            assertFalse(election.isLeader());
            Lease lease = k8s.client().leases().inNamespace("torghut").withName("stop-lease").get();
            assertNull(lease.getSpec().getHolderIdentity(), "released: no holder");
        }
    }

    @Test
    void stopAbandonsTheReleaseWhenTheApiHasGone() {
        MockKubernetes k8s = MockKubernetes.start();
        // A client configured as the prober's is (fabric8's default retries with backoff), not the mock's own.
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl(k8s.client().getConfiguration().getMasterUrl()).withNamespace("torghut").withTrustCerts(true).build()).build()) {
            LeaderElection election = election(client);
            election.start();
            await().atMost(Duration.ofSeconds(10)).until(election::isLeader);
            k8s.close();
            long start = System.nanoTime();
            election.stop();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            // The budget is 1 s; the margin is for a loaded machine, far below the retries it replaces.
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "stop took " + took);
            assertFalse(election.isLeader());
        }
    }

    private static LeaderElection election(MockKubernetes k8s) {
        return election(k8s.client());
    }

    private static LeaderElection election(KubernetesClient client) {
        return new LeaderElection(client, "torghut", "stop-lease", "replica-a", Duration.ofSeconds(15), Duration.ofSeconds(10),
                Duration.ofMillis(250));
    }
}

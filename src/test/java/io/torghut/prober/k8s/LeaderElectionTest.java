package io.torghut.prober.k8s;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Lease election against the mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionTest {
    static KubernetesClient client;

    @Test
    void twoElectorsOnOneLeaseMakeOneLeader() {
        LeaderElection a = new LeaderElection(client, "torghut", "test-lease", "replica-a", Duration.ofSeconds(3), Duration.ofSeconds(2),
                Duration.ofMillis(250));
        LeaderElection b = new LeaderElection(client, "torghut", "test-lease", "replica-b", Duration.ofSeconds(3), Duration.ofSeconds(2),
                Duration.ofMillis(250));
        a.start();
        b.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> a.isLeader() || b.isLeader());
            long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < end) {
                assertFalse(a.isLeader() && b.isLeader(), "never two leaders");
                Thread.onSpinWait();
            }
            assertTrue(a.isLeader() ^ b.isLeader());
            String holder = client.leases().inNamespace("torghut").withName("test-lease").get().getSpec().getHolderIdentity();
            assertEquals(a.isLeader() ? "replica-a" : "replica-b", holder);
            // The leader goes away: the other one takes over.
            LeaderElection leader = a.isLeader() ? a : b;
            LeaderElection other = leader == a ? b : a;
            leader.stop();
            await().atMost(Duration.ofSeconds(15)).until(other::isLeader);
            assertFalse(leader.isLeader());
        } finally {
            a.stop();
            b.stop();
        }
    }
}

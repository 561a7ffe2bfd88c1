package io.torghut.prober.k8s;

import io.torghut.prober.testsupport.Kube;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Lease election against the mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true, https = false)
class LeaderElectionTest {
    static KubernetesClient client;

    @Test
    void twoElectorsOnOneLeaseMakeOneLeader() {
        LeaderElection a = new LeaderElection(Kube.api(client), "torghut", "test-lease", "replica-a", Duration.ofSeconds(3), Duration.ofSeconds(2),
                Duration.ofMillis(250));
        LeaderElection b = new LeaderElection(Kube.api(client), "torghut", "test-lease", "replica-b", Duration.ofSeconds(3), Duration.ofSeconds(2),
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

    /**
     * A holder that vanished without releasing (a crashed pod): the Lease is taken only once it has gone unrenewed for
     * its duration, as this replica measured it, whatever the holder's clock wrote.
     */
    @Test
    void anAbandonedLeaseIsTakenOnlyAfterItsDuration() {
        client.leases().inNamespace("torghut").resource(new LeaseBuilder().withNewMetadata().withName("ghost-lease").endMetadata()
                .withNewSpec().withHolderIdentity("crashed-replica").withLeaseDurationSeconds(2)
                .withRenewTime(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1)).withLeaseTransitions(4).endSpec().build()).create();
        LeaderElection b = new LeaderElection(Kube.api(client), "torghut", "ghost-lease", "replica-b", Duration.ofSeconds(2),
                Duration.ofMillis(1500), Duration.ofMillis(200));
        long start = System.nanoTime();
        b.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(b::isLeader);
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(waited.compareTo(Duration.ofMillis(1900)) >= 0, "taken after " + waited + ", before the Lease expired");
            var spec = client.leases().inNamespace("torghut").withName("ghost-lease").get().getSpec();
            assertEquals("replica-b", spec.getHolderIdentity());
            assertEquals(5, spec.getLeaseTransitions());
        } finally {
            b.stop();
        }
    }

    /** The fencing the election relies on: a write carrying a resourceVersion someone else has moved past is refused. */
    @Test
    void aWriteWithAStaleResourceVersionIsRefused() {
        client.leases().inNamespace("torghut").resource(new LeaseBuilder().withNewMetadata().withName("cas-lease").endMetadata()
                .withNewSpec().withHolderIdentity("replica-a").withLeaseDurationSeconds(15).endSpec().build()).create();
        KubeApi api = Kube.api(client);
        String path = ApiResource.LEASES.path("torghut", "cas-lease");
        LeaseRecord read = LeaseRecord.parse(KubeJson.object(api.get(path), "Lease"));
        client.leases().inNamespace("torghut").withName("cas-lease").edit(l -> {
            l.getSpec().setHolderIdentity("replica-c");
            return l;
        });
        ApiException refused = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () -> api.send("PUT", path,
                "application/json", KubeJson.write(read.heldBy("replica-b", 15, java.time.Instant.now()).toObject("torghut", "cas-lease"))));
        assertEquals(409, refused.code());
        assertEquals("replica-c", client.leases().inNamespace("torghut").withName("cas-lease").get().getSpec().getHolderIdentity());
    }
}

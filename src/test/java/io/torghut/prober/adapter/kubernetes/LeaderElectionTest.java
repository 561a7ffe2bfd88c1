package io.torghut.prober.adapter.kubernetes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.torghut.prober.faults.FaultProxy;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Lease election through fabric8's LeaderElector against the mock API server in CRUD mode, with a fault proxy in front
 * of it where a replica must lose the API: the pause acts only on {@link LeaderElection#isLeader()}, so these are the
 * properties it relies on.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class LeaderElectionTest {
    static final Duration DURATION = Duration.ofSeconds(3);
    static final Duration RENEW_DEADLINE = Duration.ofSeconds(2);
    static final Duration RETRY = Duration.ofMillis(250);
    static KubernetesClient client;

    /** A client for the prober's side, as the prober configures it (its request timeout; the elector derives its own). */
    static KubernetesClient proberClient(String url) {
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder(Config.empty()).withMasterUrl(url)
                .withRequestTimeout(10_000).withRequestRetryBackoffLimit(0).withHttp2Disable(true).build()).build();
    }

    static LeaderElection election(KubernetesClient on, String lease, String identity) {
        return new LeaderElection(on, "torghut", lease, identity, DURATION, RENEW_DEADLINE, RETRY);
    }

    /** Samples both replicas every millisecond or so for {@code window}; fails at the first instant both lead. */
    static void neverBothLeadFor(Duration window, LeaderElection a, LeaderElection b) {
        long end = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < end) {
            assertFalse(a.isLeader() && b.isLeader(), "two leaders at once");
            Thread.onSpinWait();
        }
    }

    @Test
    void twoElectorsOnOneLeaseMakeOneLeaderAtATime() {
        try (KubernetesClient pa = proberClient(client.getConfiguration().getMasterUrl());
             KubernetesClient pb = proberClient(client.getConfiguration().getMasterUrl())) {
            LeaderElection a = election(pa, "test-lease", "replica-a");
            LeaderElection b = election(pb, "test-lease", "replica-b");
            a.start();
            b.start();
            try {
                AtomicBoolean both = new AtomicBoolean();
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).until(() -> {
                    both.compareAndSet(false, a.isLeader() && b.isLeader());
                    return a.isLeader() || b.isLeader();
                });
                assertFalse(both.get(), "two leaders at once while the Lease was taken");
                neverBothLeadFor(Duration.ofSeconds(4), a, b); // beyond a lease duration: renewals, no takeover
                assertTrue(a.isLeader() ^ b.isLeader());
                String holder = client.leases().inNamespace("torghut").withName("test-lease").get().getSpec().getHolderIdentity();
                assertEquals(a.isLeader() ? "replica-a" : "replica-b", holder);
                // The leader goes away (releasing the Lease): the other one takes over, and never while the first still leads.
                LeaderElection leader = a.isLeader() ? a : b;
                LeaderElection other = leader == a ? b : a;
                leader.stop();
                assertFalse(leader.isLeader());
                await().atMost(Duration.ofSeconds(15)).until(other::isLeader);
                neverBothLeadFor(Duration.ofSeconds(1), a, b);
            } finally {
                a.stop();
                b.stop();
            }
        }
    }

    /**
     * The leader loses the API (its requests hang) while another replica still reaches it: the leader stops acting
     * within the renew deadline plus one retry period of losing the API, the other takes over only after the Lease has
     * expired as it measured it, and at no instant do both act.
     */
    @Test
    void renewalsFailingPastTheRenewDeadlineStopThisReplicaActingAtOnce() {
        try (FaultProxy cut = FaultProxy.to(URI.create(client.getConfiguration().getMasterUrl()));
             KubernetesClient pa = proberClient(cut.url()); KubernetesClient pb = proberClient(client.getConfiguration().getMasterUrl())) {
            LeaderElection a = election(pa, "cut-lease", "replica-a");
            a.start();
            await().atMost(Duration.ofSeconds(10)).until(a::isLeader);
            LeaderElection b = election(pb, "cut-lease", "replica-b");
            b.start();
            try {
                neverBothLeadFor(Duration.ofSeconds(1), a, b);
                cut.mode(FaultProxy.Mode.HANG);
                long cutAt = System.nanoTime();
                AtomicBoolean both = new AtomicBoolean();
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).until(() -> {
                    both.compareAndSet(false, a.isLeader() && b.isLeader());
                    return !a.isLeader();
                });
                Duration stoppedAfter = Duration.ofNanos(System.nanoTime() - cutAt);
                assertTrue(stoppedAfter.compareTo(RENEW_DEADLINE.plus(RETRY)) <= 0,
                        "still acting " + stoppedAfter.toMillis() + " ms after losing the API (renew deadline " + RENEW_DEADLINE.toMillis()
                                + " ms + retry " + RETRY.toMillis() + " ms)");
                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(1)).until(() -> {
                    both.compareAndSet(false, a.isLeader() && b.isLeader());
                    return b.isLeader();
                });
                assertFalse(both.get(), "both replicas acted at once during the takeover");
                neverBothLeadFor(Duration.ofSeconds(1), a, b);
                assertEquals("replica-b", client.leases().inNamespace("torghut").withName("cut-lease").get().getSpec().getHolderIdentity());
            } finally {
                cut.mode(FaultProxy.Mode.PASS);
                a.stop();
                b.stop();
            }
        }
    }

    /** A single replica whose API failed for longer than the renew deadline leads again once the API answers. */
    @Test
    void whenTheApiHealsTheReplicaLeadsAgain() {
        try (FaultProxy flaky = FaultProxy.to(URI.create(client.getConfiguration().getMasterUrl()));
             KubernetesClient prober = proberClient(flaky.url())) {
            LeaderElection a = election(prober, "heal-lease", "replica-a");
            a.start();
            try {
                await().atMost(Duration.ofSeconds(10)).until(a::isLeader);
                flaky.mode(FaultProxy.Mode.ERROR_500);
                await().atMost(RENEW_DEADLINE.plus(RETRY).plusSeconds(2)).until(() -> !a.isLeader());
                // Down for longer than the renew deadline: the elector has given up and a new one campaigns.
                long downUntil = System.nanoTime() + RENEW_DEADLINE.plus(RETRY).toNanos();
                while (System.nanoTime() < downUntil) {
                    assertFalse(a.isLeader(), "leading while every request fails");
                    Thread.onSpinWait();
                }
                flaky.mode(FaultProxy.Mode.PASS);
                await().atMost(Duration.ofSeconds(10)).until(a::isLeader);
                assertEquals("replica-a", client.leases().inNamespace("torghut").withName("heal-lease").get().getSpec().getHolderIdentity());
            } finally {
                a.stop();
            }
        }
    }

    /**
     * A holder that vanished without releasing (a crashed pod): the Lease is taken only once it has gone unrenewed for
     * its duration, as this replica measured it, whatever the holder's clock wrote (here an hour ahead).
     */
    @Test
    void anAbandonedLeaseIsTakenOnlyAfterItsDuration() {
        client.leases().inNamespace("torghut").resource(new LeaseBuilder().withNewMetadata().withName("ghost-lease").endMetadata()
                .withNewSpec().withHolderIdentity("crashed-replica").withLeaseDurationSeconds(2)
                .withRenewTime(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1)).withLeaseTransitions(4).endSpec().build()).create();
        try (KubernetesClient prober = proberClient(client.getConfiguration().getMasterUrl())) {
            LeaderElection b = new LeaderElection(prober, "torghut", "ghost-lease", "replica-b", Duration.ofSeconds(2),
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
    }
}

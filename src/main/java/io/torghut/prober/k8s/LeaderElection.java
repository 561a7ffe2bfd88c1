package io.torghut.prober.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Holds (or waits for) the Lease that makes this replica the one that pauses automatically. fabric8's
 * {@link LeaderElector} renews the Lease; when it stops leading (lost Lease, API unreachable) it tries again.
 */
public final class LeaderElection {
    private static final Logger LOG = Logger.getLogger(LeaderElection.class);
    private final KubernetesClient client;
    private final String namespace;
    private final String lease;
    private final String identity;
    private final Duration duration;
    private final Duration renewDeadline;
    private final Duration retryPeriod;
    private final AtomicBoolean leader = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile CompletableFuture<?> running;

    public LeaderElection(KubernetesClient client, String namespace, String lease, String identity, Duration duration,
                          Duration renewDeadline, Duration retryPeriod) {
        this.client = client;
        this.namespace = namespace;
        this.lease = lease;
        this.identity = identity;
        this.duration = duration;
        this.renewDeadline = renewDeadline;
        this.retryPeriod = retryPeriod;
    }

    public synchronized void start() {
        if (stopped) {
            return;
        }
        LeaderElector elector = client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
                .withName("torghut-prober-pause").withLock(new LeaseLock(namespace, lease, identity))
                .withLeaseDuration(duration).withRenewDeadline(renewDeadline).withRetryPeriod(retryPeriod)
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(
                        () -> {
                            leader.set(true);
                            LOG.infof("leading: this replica (%s) holds Lease %s/%s and runs the automatic pause", identity, namespace, lease);
                        },
                        () -> {
                            leader.set(false);
                            LOG.infof("no longer leading Lease %s/%s", namespace, lease);
                        },
                        newLeader -> LOG.debugf("Lease %s/%s held by %s", namespace, lease, newLeader)))
                .build()).build();
        running = elector.start();
        // The elector's future completes when leadership ends or the API fails for good: campaign again.
        running.whenComplete((ignored, error) -> {
            leader.set(false);
            if (!stopped) {
                CompletableFuture.delayedExecutor(retryPeriod.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                        .execute(this::start);
            }
        });
    }

    public synchronized void stop() {
        stopped = true;
        if (running != null) {
            running.cancel(true);
        }
        leader.set(false);
    }

    public boolean isLeader() {
        return leader.get();
    }

    public String identity() {
        return identity;
    }
}

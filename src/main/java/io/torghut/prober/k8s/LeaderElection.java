package io.torghut.prober.k8s;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Holds (or waits for) the Lease that makes this replica the one that pauses automatically. fabric8's
 * {@link LeaderElector} renews the Lease; when it stops leading (lost Lease, API unreachable) it tries again. On stop
 * the Lease is released so that another replica takes over at once, within {@link #RELEASE_BUDGET}: when the API has
 * gone, the release is abandoned (the Lease then expires by itself after its duration) rather than retried for tens of
 * seconds while a rolling update waits for this pod.
 */
public final class LeaderElection {
    private static final Logger LOG = Logger.getLogger(LeaderElection.class);
    /** The longest a stop waits for the Lease release (one bounded read and one bounded update). */
    public static final Duration RELEASE_BUDGET = Duration.ofSeconds(1);
    private final KubernetesClient client;
    private final KubernetesClient releaseClient;
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
        this.releaseClient = BoundedClient.of(client, RELEASE_BUDGET.dividedBy(2));
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
                // fabric8's release on cancel retries with the shared client's backoff (38 s against a refused API,
                // logged with a stack trace): the release is done by stop() with a budget instead.
                .withReleaseOnCancel(false)
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

    /**
     * Stops campaigning and releases the Lease when held; returns within about {@link #RELEASE_BUDGET}. Both happen on
     * a thread of their own: cancelling the elector waits for a renewal in progress, which a hung API holds up.
     */
    public void stop() {
        CompletableFuture<?> elector;
        synchronized (this) {
            stopped = true;
            elector = running;
        }
        boolean held = leader.getAndSet(false);
        CompletableFuture<Boolean> released = CompletableFuture.supplyAsync(() -> {
            if (elector != null) {
                elector.cancel(true);
            }
            return held && releaseLease();
        }, task -> {
            Thread thread = new Thread(task, "lease-release");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            if (released.get(RELEASE_BUDGET.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.infof("released Lease %s/%s", namespace, lease);
            }
        } catch (TimeoutException | ExecutionException e) {
            if (held) {
                LOG.infof("Lease %s/%s not released (%s): it expires by itself %ds after its last renewal", namespace, lease,
                        e instanceof TimeoutException ? "no answer within " + RELEASE_BUDGET.toMillis() + "ms"
                                : String.valueOf(e.getCause()).lines().findFirst().orElse(""), duration.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Gives the Lease up the way client-go does: no holder, a 1 s duration; only if this replica still holds it. */
    private boolean releaseLease() {
        Lease current = releaseClient.leases().inNamespace(namespace).withName(lease).get();
        if (current == null || current.getSpec() == null || !identity.equals(current.getSpec().getHolderIdentity())) {
            return false;
        }
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        current.getSpec().setHolderIdentity(null);
        current.getSpec().setLeaseDurationSeconds(1);
        current.getSpec().setRenewTime(now);
        // The resourceVersion read above makes this a compare-and-swap: a Lease another replica took meanwhile is kept.
        releaseClient.leases().inNamespace(namespace).resource(current).update();
        return true;
    }

    public boolean isLeader() {
        return leader.get();
    }

    public String identity() {
        return identity;
    }
}

package io.torghut.prober.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
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
 * Holds (or waits for) the Lease that makes this replica the one that pauses automatically, through fabric8's
 * {@code LeaderElector} on a {@link ObservedLeaseLock}. An elector campaigns once: when it stops leading (renewals
 * failed past the renew deadline, another replica took the Lease) its future completes, and a new one campaigns again
 * after a retry period, so that a replica cut off from the API for a while leads again once it heals.
 * {@link #isLeader()} is true only while the elector leads and this replica's last write of the Lease is younger than
 * the renew deadline: a replica whose renewals hang stops acting at the deadline, not at the elector's next tick.
 * On stop the Lease is released so that another replica takes over at once, within {@link #RELEASE_BUDGET}: when the
 * API has gone the release is abandoned (the Lease then expires by itself) rather than retried while a rolling update
 * waits for this pod.
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
    private final ObservedLeaseLock lock;
    private final AtomicBoolean leading = new AtomicBoolean();
    private boolean started;
    private volatile boolean stopped;
    private CompletableFuture<?> campaign;

    public LeaderElection(KubernetesClient client, String namespace, String lease, String identity, Duration duration,
                          Duration renewDeadline, Duration retryPeriod) {
        // One attempt (a read and a write) must fit in the renew deadline with room for a retry.
        Duration requestTimeout = Duration.ofMillis(client.getConfiguration().getRequestTimeout());
        this.client = BoundedClient.of(client, min(requestTimeout, renewDeadline.dividedBy(4)));
        this.releaseClient = BoundedClient.of(client, RELEASE_BUDGET.dividedBy(2));
        this.namespace = namespace;
        this.lease = lease;
        this.identity = identity;
        this.duration = duration;
        this.renewDeadline = renewDeadline;
        this.retryPeriod = retryPeriod;
        this.lock = new ObservedLeaseLock(namespace, lease, identity, System::nanoTime);
    }

    public synchronized void start() {
        if (stopped || started) {
            return; // a second campaign would run two electors on one lock
        }
        started = true;
        campaign();
    }

    /** One elector, until it stops leading or fails; then the next one, a retry period later. */
    private synchronized void campaign() {
        if (stopped) {
            return;
        }
        CompletableFuture<?> running = client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
                .withName("torghut-prober-pause").withLock(lock)
                .withLeaseDuration(duration).withRenewDeadline(renewDeadline).withRetryPeriod(retryPeriod)
                // fabric8 releases on cancel through the elector's monitor, which a hung renewal holds: stop() releases
                // with its own budget instead.
                .withReleaseOnCancel(false)
                .withLeaderCallbacks(new LeaderCallbacks(this::startedLeading, this::stoppedLeading,
                        holder -> LOG.debugf("Lease %s/%s held by %s", namespace, lease, holder)))
                .build()).build().start();
        campaign = running;
        running.whenComplete((ignored, error) -> {
            stoppedLeading();
            if (!stopped) {
                CompletableFuture.delayedExecutor(retryPeriod.toMillis(), TimeUnit.MILLISECONDS).execute(this::campaign);
            }
        });
    }

    private void startedLeading() {
        if (!stopped && leading.compareAndSet(false, true)) {
            LOG.infof("leading: this replica (%s) holds Lease %s/%s and runs the automatic pause", identity, namespace, lease);
        }
    }

    private void stoppedLeading() {
        if (leading.compareAndSet(true, false)) {
            LOG.infof("no longer leading Lease %s/%s", namespace, lease);
        }
    }

    /**
     * Stops campaigning and releases the Lease when held; returns within about {@link #RELEASE_BUDGET}. Both happen on a
     * thread of their own: cancelling the elector waits for a renewal in progress, which a hung API holds up.
     */
    public void stop() {
        CompletableFuture<?> elector;
        synchronized (this) {
            stopped = true;
            elector = campaign;
        }
        boolean held = leading.getAndSet(false);
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
                                : AccessClassifier.classify((Exception) e.getCause(), "update", "leases.coordination.k8s.io",
                                lease, namespace).describe(), duration.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Gives the Lease up the way client-go and fabric8 do (no holder, a one-second duration, so the next candidate
     * takes it at once), only if this replica still holds it. A replace (PUT) carrying the resourceVersion just read, so
     * a Lease another replica took meanwhile is kept; not fabric8's {@code release()}, whose merge patch cannot remove
     * the holder (a null field is left out of the patch) and which waits for the elector's monitor.
     */
    private boolean releaseLease() {
        Lease current = releaseClient.leases().inNamespace(namespace).withName(lease).get();
        if (current == null || current.getSpec() == null || !identity.equals(current.getSpec().getHolderIdentity())) {
            return false;
        }
        current.getSpec().setHolderIdentity(null);
        current.getSpec().setLeaseDurationSeconds(1);
        current.getSpec().setRenewTime(ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        releaseClient.leases().inNamespace(namespace).resource(current).update();
        return true;
    }

    /** Whether this replica leads now: the elector says so and its last renewal is within the renew deadline. */
    public boolean isLeader() {
        return leading.get() && lock.renewedWithin(renewDeadline);
    }

    public String identity() {
        return identity;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}

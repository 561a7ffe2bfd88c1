package io.torghut.prober.k8s;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Holds (or waits for) the Lease that makes this replica the one that pauses automatically, with client-go's rules:
 * every retry period, take the Lease when it is free or expired, renew it while held, and stop leading when no renewal
 * succeeded within the renew deadline. Expiry is judged by how long this replica has seen the same record unchanged,
 * not by the holder's clock. Every write carries the resourceVersion just read, so two replicas cannot both win.
 * On stop the Lease is released so that another replica takes over at once, within {@link #RELEASE_BUDGET}: when the
 * API has gone the release is abandoned (the Lease then expires by itself) rather than retried while a rolling update
 * waits for this pod.
 */
public final class LeaderElection {
    private static final Logger LOG = Logger.getLogger(LeaderElection.class);
    /** The longest a stop waits for the Lease release (one bounded read and one bounded update). */
    public static final Duration RELEASE_BUDGET = Duration.ofSeconds(1);
    private final KubeApi api;
    private final KubeApi releaseApi;
    private final String namespace;
    private final String lease;
    private final String identity;
    private final Duration duration;
    private final Duration renewDeadline;
    private final Duration retryPeriod;
    private final Clock clock;
    private final AtomicBoolean leader = new AtomicBoolean();
    private final ScheduledExecutorService loop;
    private volatile boolean stopped;
    private boolean started;
    /** The record last seen and when it was first seen unchanged: the holder's lease runs from then. */
    private LeaseRecord observed;
    private long observedAtNanos;
    private long renewedAtNanos;

    public LeaderElection(KubeApi api, String namespace, String lease, String identity, Duration duration,
                          Duration renewDeadline, Duration retryPeriod) {
        // One attempt (a read and a write) must fit in the renew deadline with room for a retry.
        this.api = api.withTimeout(min(api.timeout(), renewDeadline.dividedBy(4)));
        this.releaseApi = api.withTimeout(RELEASE_BUDGET.dividedBy(2));
        this.namespace = namespace;
        this.lease = lease;
        this.identity = identity;
        this.duration = duration;
        this.renewDeadline = renewDeadline;
        this.retryPeriod = retryPeriod;
        this.clock = Clock.systemUTC();
        this.loop = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "lease-" + lease);
            thread.setDaemon(true);
            return thread;
        });
    }

    public synchronized void start() {
        if (stopped || started) {
            return; // a second schedule would campaign twice per period
        }
        started = true;
        loop.scheduleWithFixedDelay(this::round, 0, retryPeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One attempt to take or renew; never throws (a throwing task would end the schedule). */
    private void round() {
        if (stopped) {
            return;
        }
        boolean held;
        try {
            held = tryAcquireOrRenew();
        } catch (RuntimeException e) {
            LOG.debugf("Lease %s/%s: %s", namespace, lease, e.getMessage());
            held = false;
        }
        long now = System.nanoTime();
        if (held) {
            renewedAtNanos = now;
            if (leader.compareAndSet(false, true)) {
                LOG.infof("leading: this replica (%s) holds Lease %s/%s and runs the automatic pause", identity, namespace, lease);
            }
        } else if (leader.get() && (now - renewedAtNanos > renewDeadline.toNanos() || holderIsOther())) {
            leader.set(false);
            LOG.infof("no longer leading Lease %s/%s", namespace, lease);
        }
    }

    private boolean holderIsOther() {
        return observed != null && !observed.holder().isEmpty() && !identity.equals(observed.holder());
    }

    private boolean tryAcquireOrRenew() {
        Instant now = clock.instant();
        int seconds = (int) Math.max(1, duration.toSeconds());
        Optional<LeaseRecord> current = read(api);
        if (current.isEmpty()) {
            LeaseRecord fresh = new LeaseRecord("", identity, seconds, Optional.of(now), Optional.of(now), 0);
            observe(write("POST", ApiResource.LEASES.path(namespace), fresh));
            return true;
        }
        LeaseRecord record = current.get();
        observe(record);
        boolean mine = identity.equals(record.holder());
        if (!mine && !record.holder().isEmpty() && !expired(record)) {
            return false;
        }
        try {
            observe(write("PUT", ApiResource.LEASES.path(namespace, lease), record.heldBy(identity, seconds, now)));
            return true;
        } catch (ApiException e) {
            if (e.code() == 409) {
                return false; // another replica wrote first: it leads
            }
            throw e;
        }
    }

    private boolean expired(LeaseRecord record) {
        long validNanos = Duration.ofSeconds(Math.max(1, record.durationSeconds())).toNanos();
        return System.nanoTime() - observedAtNanos > validNanos;
    }

    private void observe(LeaseRecord record) {
        if (observed == null || !observed.resourceVersion().equals(record.resourceVersion())) {
            observed = record;
            observedAtNanos = System.nanoTime();
        }
    }

    private Optional<LeaseRecord> read(KubeApi with) {
        try {
            return Optional.of(LeaseRecord.parse(KubeJson.object(with.get(ApiResource.LEASES.path(namespace, lease)), "Lease")));
        } catch (ApiException e) {
            if (e.code() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private LeaseRecord write(String method, String path, LeaseRecord record) {
        return LeaseRecord.parse(KubeJson.object(api.send(method, path, "application/json",
                KubeJson.write(record.toObject(namespace, lease))), "Lease"));
    }

    /**
     * Stops campaigning and releases the Lease when held; returns within about {@link #RELEASE_BUDGET}. The release runs
     * on a thread of its own so that a hung API cannot hold the stop past its budget.
     */
    public void stop() {
        synchronized (this) {
            stopped = true;
        }
        loop.shutdownNow();
        try {
            // A round in flight may be taking the Lease right now: let it finish so that the release sees it.
            loop.awaitTermination(RELEASE_BUDGET.toMillis() / 4, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean held = leader.getAndSet(false);
        if (!held) {
            return;
        }
        CompletableFuture<Boolean> released = CompletableFuture.supplyAsync(this::releaseLease, task -> {
            Thread thread = new Thread(task, "lease-release");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            if (released.get(RELEASE_BUDGET.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.infof("released Lease %s/%s", namespace, lease);
            }
        } catch (TimeoutException | ExecutionException e) {
            LOG.infof("Lease %s/%s not released (%s): it expires by itself %ds after its last renewal", namespace, lease,
                    e instanceof TimeoutException ? "no answer within " + RELEASE_BUDGET.toMillis() + "ms"
                            : String.valueOf(e.getCause().getMessage()).lines().findFirst().orElse(""), duration.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Only if this replica still holds it: the resourceVersion makes the update a compare-and-swap. */
    private boolean releaseLease() {
        Optional<LeaseRecord> current = read(releaseApi);
        if (current.isEmpty() || !identity.equals(current.get().holder())) {
            return false;
        }
        releaseApi.send("PUT", ApiResource.LEASES.path(namespace, lease), "application/json",
                KubeJson.write(current.get().released(clock.instant()).toObject(namespace, lease)));
        return true;
    }

    public boolean isLeader() {
        return leader.get();
    }

    public String identity() {
        return identity;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}

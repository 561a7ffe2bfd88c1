package io.torghut.prober.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * fabric8's {@link LeaseLock} with the two things client-go keeps and fabric8's elector does not:
 * <ul>
 * <li>when this replica last wrote the Lease as its holder ({@link #renewedWithin}): the elector only notices a missed
 * renew deadline at its next tick, after a hung request has timed out, and the pause must stop acting at the deadline
 * itself;</li>
 * <li>expiry judged by how long this replica has seen another holder's record unchanged, not by the renew time that
 * holder's clock wrote: the elector compares that time with its own clock, and a skewed or crashed holder that wrote
 * a time in the future would keep the Lease for as long.</li>
 * </ul>
 * A Lease written by another tool without acquire or renew time, or duration, is read as well (fabric8's record
 * requires them).
 */
final class ObservedLeaseLock extends LeaseLock {
    private final LongSupplier nanos;
    private volatile long renewedAtNanos;
    private volatile boolean renewed;
    /** Another holder's record as last read, and when this replica first read it so. */
    private LeaderElectionRecord seen;
    private ZonedDateTime seenSince;

    ObservedLeaseLock(String namespace, String name, String identity, LongSupplier nanos) {
        super(namespace, name, identity);
        this.nanos = nanos;
    }

    @Override
    public synchronized LeaderElectionRecord get(KubernetesClient client) {
        LeaderElectionRecord record = super.get(client);
        if (record == null || Objects.equals(identity(), record.getHolderIdentity()) || record.getHolderIdentity() == null
                || record.getHolderIdentity().isEmpty()) {
            return record;
        }
        if (!record.equals(seen)) {
            seen = record;
            seenSince = ZonedDateTime.now(ZoneOffset.UTC);
        }
        return new LeaderElectionRecord(record.getHolderIdentity(), record.getLeaseDuration(), record.getAcquireTime(), seenSince,
                record.getLeaderTransitions());
    }

    @Override
    public void create(KubernetesClient client, LeaderElectionRecord record) {
        long start = nanos.getAsLong();
        super.create(client, record);
        written(start, record);
    }

    @Override
    public void update(KubernetesClient client, LeaderElectionRecord record) {
        long start = nanos.getAsLong();
        super.update(client, record);
        written(start, record);
    }

    /** Counted from before the request: the API server may have stamped the Lease any time after that. */
    private void written(long startNanos, LeaderElectionRecord record) {
        if (identity().equals(record.getHolderIdentity())) {
            renewedAtNanos = startNanos;
            renewed = true;
        }
    }

    /** Whether this replica wrote the Lease as its holder less than {@code deadline} ago. */
    boolean renewedWithin(Duration deadline) {
        return renewed && nanos.getAsLong() - renewedAtNanos <= deadline.toNanos();
    }

    @Override
    protected LeaderElectionRecord toRecord(Lease resource) {
        LeaseSpec spec = resource.getSpec();
        if (spec == null) {
            return null;
        }
        ZonedDateTime epoch = ZonedDateTime.ofInstant(java.time.Instant.EPOCH, ZoneOffset.UTC);
        ZonedDateTime renew = spec.getRenewTime() == null ? epoch : spec.getRenewTime();
        return new LeaderElectionRecord(spec.getHolderIdentity(),
                Duration.ofSeconds(spec.getLeaseDurationSeconds() == null ? 0 : spec.getLeaseDurationSeconds()),
                spec.getAcquireTime() == null ? renew : spec.getAcquireTime(), renew,
                spec.getLeaseTransitions() == null ? 0 : spec.getLeaseTransitions());
    }
}

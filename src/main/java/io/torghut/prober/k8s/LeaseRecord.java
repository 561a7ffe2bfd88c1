package io.torghut.prober.k8s;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code coordination.k8s.io/v1} Lease as the election reads and writes it. Pure.
 *
 * @param resourceVersion what makes an update a compare-and-swap; empty before the Lease exists
 */
record LeaseRecord(String resourceVersion, String holder, int durationSeconds, Optional<Instant> acquireTime,
                   Optional<Instant> renewTime, int transitions) {
    /** MicroTime, as the API serializes it. */
    private static final DateTimeFormatter MICRO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    static LeaseRecord parse(Map<String, Object> lease) {
        return new LeaseRecord(Fields.text(lease, "metadata", "resourceVersion"), Fields.text(lease, "spec", "holderIdentity"),
                Fields.number(lease, "spec", "leaseDurationSeconds"), time(Fields.text(lease, "spec", "acquireTime")),
                time(Fields.text(lease, "spec", "renewTime")), Fields.number(lease, "spec", "leaseTransitions"));
    }

    /** The same Lease held by {@code identity} from {@code now}; a new holder counts a transition. */
    LeaseRecord heldBy(String identity, int seconds, Instant now) {
        boolean sameHolder = identity.equals(holder);
        return new LeaseRecord(resourceVersion, identity, seconds, sameHolder ? acquireTime.or(() -> Optional.of(now)) : Optional.of(now),
                Optional.of(now), sameHolder ? transitions : transitions + 1);
    }

    /** Given back the way client-go does it: no holder and a one-second duration, so the next candidate takes it at once. */
    LeaseRecord released(Instant now) {
        return new LeaseRecord(resourceVersion, "", 1, acquireTime, Optional.of(now), transitions);
    }

    Map<String, Object> toObject(String namespace, String name) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        if (!resourceVersion.isEmpty()) {
            metadata.put("resourceVersion", resourceVersion);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("holderIdentity", holder.isEmpty() ? null : holder);
        spec.put("leaseDurationSeconds", durationSeconds);
        acquireTime.ifPresent(t -> spec.put("acquireTime", MICRO_TIME.format(t.truncatedTo(ChronoUnit.MICROS))));
        renewTime.ifPresent(t -> spec.put("renewTime", MICRO_TIME.format(t.truncatedTo(ChronoUnit.MICROS))));
        spec.put("leaseTransitions", transitions);
        Map<String, Object> lease = new LinkedHashMap<>();
        lease.put("apiVersion", "coordination.k8s.io/v1");
        lease.put("kind", "Lease");
        lease.put("metadata", metadata);
        lease.put("spec", spec);
        return lease;
    }

    private static Optional<Instant> time(String text) {
        Instant parsed = Fields.instant(text);
        return parsed.equals(Instant.EPOCH) ? Optional.empty() : Optional.of(parsed);
    }
}

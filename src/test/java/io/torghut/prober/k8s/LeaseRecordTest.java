package io.torghut.prober.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeaseRecordTest {
    static final Instant T0 = Instant.parse("2026-11-29T12:00:00.123456789Z");
    static final Instant T1 = Instant.parse("2026-11-29T12:00:02Z");

    @Test
    void parsesWhatTheApiServerWrites() {
        LeaseRecord lease = LeaseRecord.parse(KubeJson.object("""
                {"metadata":{"name":"l","resourceVersion":"42"},"spec":{"holderIdentity":"a","leaseDurationSeconds":15,
                 "acquireTime":"2026-11-29T12:00:00.000000Z","renewTime":"2026-11-29T12:00:02.000000Z","leaseTransitions":3}}""", "t"));
        assertEquals(new LeaseRecord("42", "a", 15, Optional.of(Instant.parse("2026-11-29T12:00:00Z")), Optional.of(T1), 3), lease);
    }

    @Test
    void renewingKeepsTheAcquireTimeAndTheTransitions() {
        LeaseRecord held = new LeaseRecord("7", "a", 15, Optional.of(T0), Optional.of(T0), 2).heldBy("a", 15, T1);
        assertEquals(new LeaseRecord("7", "a", 15, Optional.of(T0), Optional.of(T1), 2), held);
    }

    @Test
    void takingItOverCountsATransitionAndRestartsTheAcquireTime() {
        LeaseRecord taken = new LeaseRecord("7", "b", 15, Optional.of(T0), Optional.of(T0), 2).heldBy("a", 15, T1);
        assertEquals(new LeaseRecord("7", "a", 15, Optional.of(T1), Optional.of(T1), 3), taken);
    }

    @Test
    void releasedHasNoHolderAndOneSecond() {
        LeaseRecord released = new LeaseRecord("7", "a", 15, Optional.of(T0), Optional.of(T0), 2).released(T1);
        assertEquals(new LeaseRecord("7", "", 1, Optional.of(T0), Optional.of(T1), 2), released);
    }

    @Test
    @SuppressWarnings("unchecked")
    void writesMicroTimeAndTheResourceVersionForCompareAndSwap() {
        Map<String, Object> object = new LeaseRecord("7", "a", 15, Optional.of(T0), Optional.of(T1), 0).toObject("torghut", "l");
        assertEquals("7", ((Map<String, Object>) object.get("metadata")).get("resourceVersion"));
        Map<String, Object> spec = (Map<String, Object>) object.get("spec");
        assertEquals("2026-11-29T12:00:00.123456Z", spec.get("acquireTime"));
        assertEquals("2026-11-29T12:00:02.000000Z", spec.get("renewTime"));
        assertEquals(15, spec.get("leaseDurationSeconds"));
        Map<String, Object> fresh = new LeaseRecord("", "a", 15, Optional.of(T0), Optional.of(T0), 0).toObject("torghut", "l");
        assertFalse(((Map<String, Object>) fresh.get("metadata")).containsKey("resourceVersion"), "a create carries none");
    }
}

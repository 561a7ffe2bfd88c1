package io.torghut.prober.feature.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.shared.model.CnpgObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObservationsFirstTest {
    private static final Instant AT = Instant.parse("2026-11-27T23:00:00Z");

    @Test
    void theObservationReachesItsSinksBeforeTheResultWithoutItReachesTheStore() {
        List<String> order = new ArrayList<>();
        List<ProbeResult> stored = new ArrayList<>();
        CnpgObservation read = new CnpgObservation(AT, Optional.empty(), List.of());
        ObservationsFirst sink = new ObservationsFirst(List.of(o -> order.add("observation " + o.observedAt())), r -> {
            order.add("result " + r.probe());
            stored.add(r);
        });

        sink.accept(new ProbeResult("cnpg", ProbeOutcome.ok("read").withObservation(read), Duration.ZERO, AT));

        assertEquals(List.of("observation " + AT, "result cnpg"), order);
        assertTrue(stored.get(0).outcome().observation().isEmpty(), "the store keeps no observation (log excerpts)");
        assertEquals("read", stored.get(0).detail());
    }

    @Test
    void aResultWithoutObservationGoesStraightToTheStore() {
        List<ProbeResult> stored = new ArrayList<>();
        List<Object> observed = new ArrayList<>();
        ProbeResult plain = new ProbeResult("healthz", ProbeOutcome.ok("200"), Duration.ZERO, AT);
        new ObservationsFirst(List.of(observed::add), stored::add).accept(plain);
        assertEquals(List.of(), observed);
        assertEquals(List.of(plain), stored);
    }

    @Test
    void redactionAndTheOtherWithersKeepTheObservation() {
        CnpgObservation read = new CnpgObservation(AT, Optional.empty(), List.of());
        ProbeOutcome outcome = ProbeOutcome.ok("secret here").withObservation(read)
                .withAge(Duration.ofSeconds(1)).withEvidence(java.util.Map.of("k", "secret")).redacted(s -> s.replace("secret", "***"));
        assertEquals(Optional.of(read), outcome.observation());
        assertEquals("*** here", outcome.detail());
        assertEquals(Optional.empty(), outcome.withoutObservation().observation());
    }
}

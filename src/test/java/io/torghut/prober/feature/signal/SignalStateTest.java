package io.torghut.prober.feature.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.feature.probe.ProbeResult;
import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.shared.FailureReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalStateTest {
    private static final Hysteresis H = new Hysteresis(2, 2);
    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    private static ProbeResult ok(String name, Instant at) {
        return new ProbeResult(name, ProbeOutcome.ok("ok"), Duration.ofMillis(3), at);
    }

    private static ProbeResult fail(String name, Instant at) {
        return new ProbeResult(name, ProbeOutcome.fail(FailureReason.CONNECT, "refused"), Duration.ofMillis(3), at);
    }

    private static ProbeResult fresh(Instant at, long ageSeconds, boolean ok) {
        ProbeOutcome outcome = ok ? ProbeOutcome.ok("fresh") : ProbeOutcome.fail(FailureReason.STALE, "stale");
        return new ProbeResult("ta_signals", outcome.withAge(Duration.ofSeconds(ageSeconds)), Duration.ofMillis(3), at);
    }

    @Test
    void initialIsUnknownWithoutAge() {
        SignalState state = SignalState.initial("healthz", SignalRole.SERVICE, Optional.empty());
        assertEquals(Health.UNKNOWN, state.health());
        assertEquals(Optional.empty(), state.latest());
        assertEquals(Optional.empty(), state.ageAt(CLOCK.instant()));
        assertEquals(Optional.empty(), SignalState.initial("f", SignalRole.FRESHNESS, Optional.of(Duration.ofMinutes(5)))
                .ageAt(CLOCK.instant()));
    }

    /** Non-freshness signals: the age is the time since the last success, whatever happened after it. */
    @ParameterizedTest(name = "success at +{0}s, failures after it, now +{1}s -> {2}s")
    @CsvSource({
            "0,  0,   0",
            "0,  30,  30",
            "10, 95,  85",
            // a clock that went backwards never gives a negative age
            "60, 30,  0",
    })
    void nonFreshnessAgeIsTimeSinceLastSuccess(long successAt, long nowAt, long expectedAge) {
        SignalState state = SignalState.initial("healthz", SignalRole.SERVICE, Optional.empty())
                .with(ok("healthz", T0.plusSeconds(successAt)), H)
                .with(fail("healthz", T0.plusSeconds(successAt + 10)), H)
                .with(fail("healthz", T0.plusSeconds(successAt + 20)), H);
        Instant now = Clock.offset(CLOCK, Duration.ofSeconds(nowAt)).instant();
        assertEquals(Optional.of(Duration.ofSeconds(expectedAge)), state.ageAt(now));
        assertEquals(Optional.of(T0.plusSeconds(successAt)), state.lastSuccess());
        assertEquals(Health.BAD, state.health());
    }

    @Test
    void nonFreshnessNeverSucceededHasNoAge() {
        SignalState state = SignalState.initial("postgres", SignalRole.DEPENDENCY, Optional.empty())
                .with(fail("postgres", T0), H);
        assertEquals(Optional.empty(), state.ageAt(T0.plusSeconds(100)));
        assertEquals(Optional.empty(), state.lastSuccess());
    }

    /** Freshness: the last measured age plus the time since it was measured. */
    @ParameterizedTest(name = "measured {1}s old at +{0}s, now +{2}s -> {3}s")
    @CsvSource({
            "0,  20,  0,   20",
            "0,  20,  40,  60",
            "30, 400, 90,  460",
            "30, 0,   30,  0",
            // now before the measurement (clock step back): the measured age, never less
            "30, 20,  10,  20",
    })
    void freshnessAgeIsExtrapolatedFromTheLastMeasurement(long measuredAt, long age, long nowAt, long expected) {
        SignalState state = SignalState.initial("ta_signals", SignalRole.FRESHNESS, Optional.of(Duration.ofMinutes(5)))
                .with(fresh(T0.plusSeconds(measuredAt), age, age <= 300), H);
        assertEquals(Optional.of(Duration.ofSeconds(expected)), state.ageAt(T0.plusSeconds(nowAt)));
        assertEquals(Optional.of(T0.plusSeconds(measuredAt)), state.measuredAt());
    }

    @Test
    void freshnessFailureWithoutMeasurementKeepsAgingTheLastOne() {
        SignalState state = SignalState.initial("ta_signals", SignalRole.FRESHNESS, Optional.of(Duration.ofMinutes(5)))
                .with(fresh(T0, 30, true), H)
                .with(new ProbeResult("ta_signals", ProbeOutcome.fail(FailureReason.QUERY, "code 60"), Duration.ZERO,
                        T0.plusSeconds(15)), H);
        assertEquals(Optional.of(Duration.ofSeconds(30)), state.measuredAge());
        assertEquals(Optional.of(T0), state.measuredAt());
        assertEquals(Optional.of(Duration.ofSeconds(30 + 45)), state.ageAt(T0.plusSeconds(45)));
        // the query failure is the latest result, the last success is the earlier measurement
        assertEquals(FailureReason.QUERY, state.latest().orElseThrow().reason());
        assertEquals(Optional.of(T0), state.lastSuccess());
    }

    @Test
    void newMeasurementReplacesTheOldOne() {
        SignalState state = SignalState.initial("ta_signals", SignalRole.FRESHNESS, Optional.of(Duration.ofMinutes(5)))
                .with(fresh(T0, 900, false), H)
                .with(fresh(T0.plusSeconds(60), 2, true), H);
        assertEquals(Optional.of(Duration.ofSeconds(2)), state.ageAt(T0.plusSeconds(60)));
        assertEquals(Optional.of(Duration.ofSeconds(12)), state.ageAt(T0.plusSeconds(70)));
    }

    @Test
    void withKeepsIdentityAndRecordsLatest() {
        SignalState initial = SignalState.initial("clickhouse", SignalRole.DEPENDENCY, Optional.empty());
        ProbeResult result = fail("clickhouse", T0);
        SignalState after = initial.with(result, H);
        assertEquals("clickhouse", after.name());
        assertEquals(SignalRole.DEPENDENCY, after.role());
        assertSame(result, after.latest().orElseThrow());
        assertEquals(1, after.consecutiveFailures());
        assertEquals(0, after.consecutiveSuccesses());
    }

    @Test
    void storeRecordsAndTellsListenersBeforeAndAfter() {
        SignalStore store = new SignalStore(H);
        store.register("healthz", SignalRole.SERVICE, Optional.empty());
        store.register("postgres", SignalRole.DEPENDENCY, Optional.empty());
        store.register("healthz", SignalRole.EXTRA, Optional.empty()); // ignored: already registered
        List<String> seen = new ArrayList<>();
        store.onChange((before, after) -> seen.add(before.name() + ":" + before.health() + "->" + after.health()));
        store.record(ok("healthz", T0));
        store.record(fail("postgres", T0));
        assertEquals(List.of("healthz:UNKNOWN->GOOD", "postgres:UNKNOWN->BAD"), seen);
        assertEquals(List.of("healthz", "postgres"), store.snapshot().signals().stream().map(SignalState::name).toList());
        assertEquals(SignalRole.SERVICE, store.get("healthz").orElseThrow().role());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.record(ok("nope", T0)));
        assertTrue(e.getMessage().contains("nope"));
    }
}

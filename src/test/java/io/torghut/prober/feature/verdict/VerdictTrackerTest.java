package io.torghut.prober.feature.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.feature.probe.ProbeResult;
import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.feature.signal.Hysteresis;
import io.torghut.prober.feature.signal.SignalStore;
import io.torghut.prober.feature.verdict.session.TradingSession;
import io.torghut.prober.shared.FailureReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class VerdictTrackerTest {

    @Test
    void reEvaluatesOnHealthTransitionsAndOnDemandWithTheClockAndTradingState() {
        SignalStore store = new SignalStore(new Hysteresis(2, 2));
        store.register("postgres", SignalRole.DEPENDENCY, Optional.empty());
        AtomicReference<Optional<Boolean>> trading = new AtomicReference<>(Optional.of(true));
        TradingStateSource source = new TradingStateSource() {
            @Override public Optional<Boolean> tradingEnabled() { return trading.get(); }
            @Override public String describe() { return "test"; }
        };
        Instant now = Instant.parse("2026-03-09T15:00:00Z");
        VerdictTracker tracker = new VerdictTracker(store, new Policy(TradingSession.usEquities(Set.of())),
                Clock.fixed(now, ZoneOffset.UTC), source);
        List<VerdictLevel> seen = new ArrayList<>();
        tracker.onVerdict(v -> seen.add(v.level()));
        tracker.onVerdict(v -> {
            throw new IllegalStateException("a broken listener does not stop the others");
        });

        // before any result: unknown dependency counts as bad
        assertEquals(VerdictLevel.PAUSE_RECOMMENDED, tracker.current().level());
        store.record(new ProbeResult("postgres", ProbeOutcome.ok("up"), Duration.ZERO, now));
        assertEquals(VerdictLevel.HEALTHY, tracker.current().level());
        store.record(new ProbeResult("postgres", ProbeOutcome.fail(FailureReason.CONNECT, "refused"), Duration.ZERO, now));
        assertEquals(VerdictLevel.HEALTHY, tracker.current().level(), "one failure is not enough (hysteresis)");
        store.record(new ProbeResult("postgres", ProbeOutcome.fail(FailureReason.CONNECT, "refused"), Duration.ZERO, now));
        assertEquals(VerdictLevel.PAUSE_RECOMMENDED, tracker.current().level());

        trading.set(Optional.of(false));
        assertEquals(VerdictLevel.DEGRADED, tracker.evaluate().level());
        // Evaluated on health transitions (UNKNOWN->GOOD, GOOD->BAD) and on demand; a result that changes no health
        // (the first failure, absorbed by hysteresis) triggers no evaluation: the periodic one covers ages.
        assertEquals(List.of(VerdictLevel.HEALTHY, VerdictLevel.PAUSE_RECOMMENDED, VerdictLevel.DEGRADED), seen);
        assertEquals(now, tracker.current().evaluatedAt());
        assertEquals("test", tracker.tradingState().describe());
    }
}

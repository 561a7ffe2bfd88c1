package io.torghut.prober.feature.pause.rollout;

import io.torghut.prober.feature.pause.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A mock revision rollout: old revision trading, new one created, new one Ready with all traffic. */
class EffectivenessTrackerTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T15:00:00Z"));
    final AtomicReference<Object> next = new AtomicReference<>();
    final List<String> overdue = new ArrayList<>();
    final EffectivenessTracker tracker = new EffectivenessTracker(() -> {
        Object value = next.get();
        if (value instanceof Exception e) {
            throw e;
        }
        return (Rollout) value;
    }, clock, Duration.ofMinutes(5), Duration.ofSeconds(60), overdue::add);

    static Rollout rollout(String created, String ready, Map<String, Long> traffic, String trading) {
        return new Rollout(true, created, ready, traffic, trading);
    }

    @Test
    void followsTheRolloutUntilTheNewRevisionTakesAllTraffic() {
        next.set(rollout("torghut-00007", "torghut-00007", Map.of("torghut-00007", 100L), "true"));
        tracker.tick();
        assertEquals(EffectivenessStatus.NONE, tracker.state().status());
        assertEquals("true", tracker.live().orElseThrow().readyTradingEnabled());

        tracker.start("abc123");
        clock.advance(Duration.ofSeconds(10));
        tracker.tick();
        assertEquals(EffectivenessStatus.WAITING, tracker.state().status());
        assertTrue(tracker.state().detail().contains("has TRADING_ENABLED=true"), tracker.state().detail());

        next.set(rollout("torghut-00008", "torghut-00007", Map.of("torghut-00007", 100L), "true"));
        clock.advance(Duration.ofSeconds(20));
        tracker.tick();
        assertEquals("revision torghut-00008 is not Ready yet (traffic stays on torghut-00007)", tracker.state().detail());

        next.set(rollout("torghut-00008", "torghut-00008", Map.of("torghut-00007", 10L, "torghut-00008", 90L), "false"));
        clock.advance(Duration.ofSeconds(15));
        tracker.tick();
        assertEquals(EffectivenessStatus.WAITING, tracker.state().status());

        next.set(rollout("torghut-00008", "torghut-00008", Map.of("torghut-00008", 100L), "false"));
        clock.advance(Duration.ofSeconds(5));
        tracker.tick();
        assertEquals(EffectivenessStatus.EFFECTIVE, tracker.state().status());
        assertEquals(50.0, tracker.state().effectiveSeconds());
        assertEquals("abc123", tracker.state().commit());
        assertTrue(overdue.isEmpty());
    }

    @Test
    void raisesTheFindingOnceWhenTheDeadlinePasses() {
        next.set(rollout("torghut-00008", "torghut-00007", Map.of("torghut-00007", 100L), "true"));
        tracker.start("abc123");
        for (int i = 0; i < 40; i++) {
            clock.advance(Duration.ofSeconds(10));
            tracker.tick();
        }
        assertEquals(EffectivenessStatus.OVERDUE, tracker.state().status());
        assertEquals(1, overdue.size());
        assertTrue(overdue.get(0).startsWith("not effective 310s after commit (deadline 300s): revision torghut-00008 is not Ready yet"),
                overdue.get(0));
        // It can still become effective later; the state says so.
        next.set(rollout("torghut-00008", "torghut-00008", Map.of("torghut-00008", 100L), "false"));
        tracker.tick();
        assertEquals(EffectivenessStatus.EFFECTIVE, tracker.state().status());
    }

    @Test
    void apiErrorsAreRecordedNotThrown() {
        next.set(new java.util.concurrent.TimeoutException("no answer within 5000ms"));
        tracker.start("abc123");
        tracker.tick();
        assertEquals(EffectivenessStatus.WAITING, tracker.state().status());
        assertEquals("cannot read the Knative Service: no answer within 5000ms", tracker.liveError().orElseThrow());
    }

    @Test
    void betweenPausesTheLiveViewIsReadAtItsOwnPace() {
        next.set(rollout("a", "a", Map.of("a", 100L), "true"));
        tracker.tick();
        next.set(rollout("b", "b", Map.of("b", 100L), "true"));
        clock.advance(Duration.ofSeconds(30));
        tracker.tick();
        assertEquals("a", tracker.live().orElseThrow().latestReady());
        clock.advance(Duration.ofSeconds(31));
        tracker.tick();
        assertEquals("b", tracker.live().orElseThrow().latestReady());
    }
}

package io.torghut.prober.feature.pause;

import io.torghut.prober.feature.pause.rollout.EffectivenessStatus;
import io.torghut.prober.feature.pause.rollout.EffectivenessTracker;
import io.torghut.prober.feature.pause.rollout.Rollout;
import io.torghut.prober.feature.pause.rollout.StoredRollout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A pause found in git ({@link EffectivenessTracker#follow}: after a restart, a late push, a human pause): measured from its commit time, one Argo CD
 * sync when it is not in force at the first check and none when it is, a day-old pause already in force recorded as
 * effective without a made-up duration, and an old one not in force overdue at once.
 */
class EffectivenessResumeTest {
    static final Rollout TRADING = new Rollout(true, "torghut-00041", "torghut-00041", Map.of("torghut-00041", 100L), "true");
    static final Rollout PAUSED = new Rollout(true, "torghut-00042", "torghut-00042", Map.of("torghut-00042", 100L), "false");
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T15:00:00Z"));
    final AtomicReference<Rollout> live = new AtomicReference<>(TRADING);
    final List<String> overdue = new ArrayList<>();
    final AtomicInteger syncs = new AtomicInteger();
    final EffectivenessTracker tracker = new EffectivenessTracker(live::get, clock, Duration.ofMinutes(5), Duration.ofSeconds(60),
            overdue::add);

    @Test
    void notInForceAtTheFirstCheckSyncsOnceAndCountsFromTheCommit() {
        tracker.follow("c0ffee", clock.instant().minusSeconds(40), syncs::incrementAndGet);
        assertEquals(EffectivenessStatus.WAITING, tracker.state().status());
        assertEquals("2026-11-27T14:59:20Z", tracker.state().committedAt());
        tracker.tick();
        tracker.tick();
        clock.advance(Duration.ofSeconds(20));
        tracker.tick();
        assertEquals(1, syncs.get(), "one sync request, not one per check");
        live.set(PAUSED);
        tracker.tick();
        assertEquals(EffectivenessStatus.EFFECTIVE, tracker.state().status());
        assertEquals(60.0, tracker.state().effectiveSeconds(), "from the commit, not from the restart");
        assertTrue(overdue.isEmpty());
    }

    @Test
    void alreadyInForceAtTheFirstCheckAsksNothing() {
        live.set(PAUSED);
        tracker.follow("c0ffee", clock.instant().minusSeconds(90), syncs::incrementAndGet);
        tracker.tick();
        assertEquals(0, syncs.get());
        assertEquals(EffectivenessStatus.EFFECTIVE, tracker.state().status());
        assertEquals(90.0, tracker.state().effectiveSeconds(), "within the deadline the elapsed time is an upper bound");
        live.set(TRADING);
        clock.advance(Duration.ofMinutes(10));
        tracker.tick();
        assertEquals(0, syncs.get(), "a confirmed pause is not tracked any more");
    }

    @Test
    void anOldPauseAlreadyInForceIsEffectiveWithoutAMadeUpDuration() {
        live.set(PAUSED);
        tracker.follow("c0ffee", clock.instant().minus(Duration.ofDays(1)), syncs::incrementAndGet);
        tracker.tick();
        assertEquals(EffectivenessStatus.EFFECTIVE, tracker.state().status());
        assertNull(tracker.state().effectiveSeconds());
        assertTrue(tracker.state().detail().startsWith("already in force at the first check after it was found in git (commit 86400s old)"),
                tracker.state().detail());
        assertEquals(0, syncs.get());
        assertTrue(overdue.isEmpty());
    }

    @Test
    void anOldPauseNotInForceIsOverdueAtOnceAndSyncedOnce() {
        tracker.follow("c0ffee", clock.instant().minus(Duration.ofHours(2)), syncs::incrementAndGet);
        tracker.tick();
        assertEquals(EffectivenessStatus.OVERDUE, tracker.state().status());
        assertEquals(1, overdue.size());
        assertTrue(overdue.get(0).startsWith("not effective 7200s after commit (deadline 300s)"), overdue.get(0));
        assertEquals(1, syncs.get());
        tracker.tick();
        assertEquals(1, overdue.size());
        assertEquals(1, syncs.get());
    }

    @Test
    void anUnreadableServiceAtTheFirstCheckStillAsksForTheSync() {
        EffectivenessTracker blind = new EffectivenessTracker(() -> {
            throw new StoredRollout.StaleObservation("the knative signal has not read the Knative Service yet");
        }, clock, Duration.ofMinutes(5), Duration.ofSeconds(60), overdue::add);
        blind.follow("c0ffee", clock.instant().minusSeconds(5), syncs::incrementAndGet);
        blind.tick();
        assertEquals(1, syncs.get(), "unknown is not confirmed: a sync of the tip is harmless, a missing one leaves trading on");
        assertEquals(EffectivenessStatus.WAITING, blind.state().status());
    }

    @Test
    void aPauseMadeByThisProcessReplacesTheResumedOne() {
        tracker.follow("old", clock.instant().minusSeconds(30), syncs::incrementAndGet);
        tracker.start("new");
        tracker.tick();
        assertEquals(0, syncs.get(), "the new pause made its own sync request");
        assertEquals("new", tracker.trackedCommit().orElseThrow());
    }
}

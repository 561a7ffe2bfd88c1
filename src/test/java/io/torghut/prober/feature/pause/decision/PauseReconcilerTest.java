package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.feature.pause.MutableClock;
import io.torghut.prober.feature.pause.Services;
import io.torghut.prober.feature.pause.model.PauseMode;
import io.torghut.prober.feature.pause.model.PendingKind;
import io.torghut.prober.feature.pause.rollout.EffectivenessStatus;
import io.torghut.prober.feature.pause.rollout.EffectivenessTracker;
import io.torghut.prober.feature.pause.rollout.Rollout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.adapter.git.BranchHistory;
import io.torghut.prober.adapter.git.PauseCommits;
import io.torghut.prober.shared.model.TradingFlag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reconcile step after every read of git (issue 24, point 1): git says "false" and the live revision trades: the
 * commit that set it is followed and the tip is synced, whoever made it and however its push ended; git says "true":
 * nothing is followed, and a sync being retried is dropped. Every read decides again: none is the last word.
 */
class PauseReconcilerTest {
    static final Instant T0 = Instant.parse("2026-11-27T15:00:00Z");
    static final Rollout TRADING = new Rollout(true, "torghut-00041", "torghut-00041", Map.of("torghut-00041", 100L), "true");
    static final Rollout PAUSED = new Rollout(true, "torghut-00042", "torghut-00042", Map.of("torghut-00042", 100L), "false");
    final MutableClock clock = new MutableClock(T0);
    final AtomicReference<Rollout> live = new AtomicReference<>(TRADING);
    final EffectivenessTracker tracker = new EffectivenessTracker(live::get, clock, Duration.ofMinutes(5), Duration.ofSeconds(60),
            detail -> { });
    final PauseState state = new PauseState(Duration.ofMinutes(10));
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final PendingRetries retries = new PendingRetries(Services.TIMERS, state, clock, Duration.ofHours(1), Duration.ofHours(2));
    final ArgoSyncs syncs = new ArgoSyncs(Optional.empty(), retries, state, kind -> { });
    final List<String> synced = new ArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    PauseReconciler reconciler(PauseMode mode) {
        return new PauseReconciler(mode, tracker, syncs, synced::add);
    }

    static BranchHistory paused(String tip, String by, boolean prober, Instant at) {
        return new BranchHistory(tip, TradingFlag.DISABLED, Optional.of(new BranchHistory.FlagChange(by, at, "someone", prober,
                TradingFlag.ENABLED)), prober ? Optional.of(new PauseCommits.PauseCommit(by, at, "pod-1")) : Optional.empty(), false);
    }

    static BranchHistory resumed(String tip, Instant at) {
        return new BranchHistory(tip, TradingFlag.ENABLED, Optional.of(new BranchHistory.FlagChange(tip, at, "alice", false,
                TradingFlag.DISABLED)), Optional.of(new PauseCommits.PauseCommit("p1", at.minusSeconds(600), "pod-1")), true);
    }

    @Test
    void aPushThatLandedUnseenIsFollowedAndSyncedAtTheNextRead() {
        PauseReconciler reconciler = reconciler(PauseMode.TRIGGER);
        reconciler.reconcile(new BranchHistory("t0", TradingFlag.ENABLED, Optional.empty(), Optional.empty(), false));
        assertEquals(EffectivenessStatus.NONE, tracker.state().status(), "read before the late push landed: nothing to follow yet");
        reconciler.reconcile(paused("t1", "p1", true, T0.minusSeconds(30)));
        assertEquals(EffectivenessStatus.WAITING, tracker.state().status());
        assertEquals("p1", tracker.state().commit());
        assertEquals(T0.minusSeconds(30).toString(), tracker.state().committedAt(), "measured from the commit, not from the read");
        tracker.tick();
        assertEquals(List.of("t1"), synced, "the tip is synced once the first check finds the live revision trading");
        reconciler.reconcile(paused("t2", "p1", true, T0.minusSeconds(30)));
        tracker.tick();
        assertEquals(List.of("t1"), synced, "the same pause is not followed (or synced) twice");
    }

    @Test
    void aHumansPauseIsFollowedAllTheSame() {
        reconciler(PauseMode.TRIGGER).reconcile(paused("h1", "h1", false, T0.minusSeconds(10)));
        tracker.tick();
        assertEquals("h1", tracker.state().commit());
        assertEquals(List.of("h1"), synced);
    }

    @Test
    void aPauseAlreadyInForceIsRecordedWithoutASync() {
        live.set(PAUSED);
        reconciler(PauseMode.TRIGGER).reconcile(paused("t1", "p1", true, T0.minusSeconds(30)));
        tracker.tick();
        assertEquals(EffectivenessStatus.EFFECTIVE, tracker.state().status());
        assertEquals(List.of(), synced);
    }

    @Test
    void aResumeStopsFollowingAndDropsTheSyncBeingRetried() {
        PauseReconciler reconciler = reconciler(PauseMode.TRIGGER);
        reconciler.reconcile(paused("t1", "p1", true, T0.minusSeconds(30)));
        tracker.tick();
        retries.failed(PendingKind.ARGOCD, "Argo CD unreachable", "t1", kind -> { });
        live.set(PAUSED);
        tracker.tick();
        assertEquals(EffectivenessStatus.EFFECTIVE, tracker.state().status());
        reconciler.reconcile(resumed("r1", T0.plusSeconds(60)));
        assertEquals(EffectivenessStatus.NONE, tracker.state().status(), "no longer effective (or overdue) once git says true");
        assertTrue(tracker.state().detail().contains("since commit r1") && tracker.state().detail().contains("a human resumed"),
                tracker.state().detail());
        assertEquals(Optional.empty(), state.pending(), "syncing t1 now would undo the human's resume");
    }

    @Test
    void anUnreadableManifestKeepsWhatIsFollowed() {
        PauseReconciler reconciler = reconciler(PauseMode.TRIGGER);
        reconciler.reconcile(paused("t1", "p1", true, T0));
        reconciler.reconcile(BranchHistory.unknown("t2"));
        assertEquals("p1", tracker.state().commit());
    }

    @Test
    void onlyTriggerModeFollowsPauses() {
        reconciler(PauseMode.RECOMMEND).reconcile(paused("t1", "p1", true, T0));
        reconciler(PauseMode.OFF).reconcile(paused("t1", "p1", true, T0));
        assertEquals(EffectivenessStatus.NONE, tracker.state().status());
    }
}

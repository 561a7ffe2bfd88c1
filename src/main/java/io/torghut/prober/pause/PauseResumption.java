package io.torghut.prober.pause;

import io.torghut.prober.gitops.GitOpsPauser;
import io.torghut.prober.gitops.GitUnavailableException;
import io.torghut.prober.gitops.ManifestSnapshot;
import io.torghut.prober.gitops.PauseCommits;
import io.torghut.prober.model.TradingFlag;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * After a restart, picks up the newest pause commit on the branch, found in git by its trailer ({@link PauseCommits}),
 * never from local memory, while git still wants trading off: its rollout is tracked from the commit's time and Argo
 * CD is asked once to sync unless the pause is already in force ({@link EffectivenessTracker#resume}). Decides once per
 * process, at the first successful read of git (a failed read is tried again at the next refresh).
 */
final class PauseResumption {
    private static final Logger LOG = Logger.getLogger(PauseResumption.class);
    private final PauseService service;
    private final GitDesiredState desired;
    private final GitOpsPauser git;
    private final EffectivenessTracker tracker;
    private volatile boolean decided;

    PauseResumption(PauseService service, GitDesiredState desired, GitOpsPauser git, EffectivenessTracker tracker) {
        this.service = service;
        this.desired = desired;
        this.git = git;
        this.tracker = tracker;
    }

    /** What to do with the newest pause commit, and why. */
    record Decision(Optional<PauseCommits.PauseCommit> track, String why) {
    }

    /**
     * Pure. There is no age limit: a pause already in force is then only recorded as effective (one read, no action),
     * and one that is still not in force, however old, is exactly what the overdue alert exists for (git says paused,
     * Knative still trades). When the prober's pause was lifted in git and a human paused again without the trailer,
     * the clock starts at the older, prober-made commit: the deadline then passes earlier, which errs towards alerting.
     *
     * @param tracked the commit this process already tracks (it paused before its first read of git), if any
     */
    static Decision decide(PauseMode mode, TradingFlag desiredAtTip, Optional<PauseCommits.PauseCommit> newest, Optional<String> tracked) {
        if (mode != PauseMode.TRIGGER) {
            return new Decision(Optional.empty(), "mode " + mode.label() + " does not act on pauses");
        }
        if (desiredAtTip != TradingFlag.DISABLED) {
            return new Decision(Optional.empty(), "TRADING_ENABLED at the tip of the branch is " + desiredAtTip.label()
                    + ": no pause to follow");
        }
        if (newest.isEmpty()) {
            return new Decision(Optional.empty(), "no pause commit (trailer " + PauseCommits.TRAILER + ") on the branch");
        }
        if (tracked.isPresent()) {
            return new Decision(Optional.empty(), "this process already tracks pause " + tracked.get());
        }
        PauseCommits.PauseCommit commit = newest.get();
        return new Decision(newest, "pause commit " + commit.commit() + " of " + commit.committedAt() + " by " + commit.instance()
                + ": tracking its rollout from its commit time");
    }

    /** Called after every successful read of git until it has decided once. */
    void afterRead(ManifestSnapshot tip) {
        if (decided) {
            return;
        }
        Optional<PauseCommits.PauseCommit> newest;
        try {
            newest = git.newestPauseCommit();
        } catch (GitUnavailableException e) {
            LOG.debugf("pause resumption postponed: %s", e.getMessage());
            return;
        }
        TradingFlag atTip = tip.text().map(desired::desiredIn).orElse(TradingFlag.UNKNOWN);
        Decision decision = decide(service.mode(), atTip, newest, tracker.trackedCommit());
        decided = true;
        decision.track().ifPresentOrElse(commit -> {
            LOG.infof("resuming after a restart: %s", decision.why());
            // The sync asks for the tip that still says false, not the pause commit itself: later commits on the branch
            // (other changes made since the pause) must not be rolled back by syncing an older revision.
            tracker.resume(commit.commit(), commit.committedAt(), () -> service.syncResumed(tip.commit()));
        }, () -> LOG.debugf("nothing to resume: %s", decision.why()));
    }
}

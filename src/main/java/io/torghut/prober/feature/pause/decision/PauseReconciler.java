package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.feature.pause.model.PauseMode;
import io.torghut.prober.feature.pause.rollout.EffectivenessTracker;
import io.torghut.prober.adapter.git.BranchHistory;
import java.util.function.Consumer;

/**
 * Level-triggered, after every read of git: the pause's follow-up is made to match what git says now, whoever made the
 * commit and however its push ended (answered, timed out, landed after a SIGKILL, pushed by a human). Git says "false":
 * the commit that set it is followed until the live revision stops trading, and Argo CD is asked once to sync the tip
 * if it does not. Git says "true": nothing is followed any more, and a sync still being retried (of a revision that
 * would undo the resume) is dropped. It keeps running, so a read before a late push lands is no decision: the next one
 * catches up (kubernetes/sample-controller's syncHandler is the model).
 */
final class PauseReconciler {
    private final PauseMode mode;
    private final EffectivenessTracker tracker;
    private final ArgoSyncs syncs;
    private final Consumer<String> syncTip;

    /** @param syncTip asks Argo CD to sync this revision (retried like any sync while Argo CD is unreachable) */
    PauseReconciler(PauseMode mode, EffectivenessTracker tracker, ArgoSyncs syncs, Consumer<String> syncTip) {
        this.mode = mode;
        this.tracker = tracker;
        this.syncs = syncs;
        this.syncTip = syncTip;
    }

    void reconcile(BranchHistory git) {
        if (mode != PauseMode.TRIGGER) {
            return;
        }
        switch (git.atTip()) {
            case DISABLED -> git.lastChange().ifPresent(change -> {
                // The sync asks for the tip, not the pausing commit: later commits on the branch (other changes made
                // since) must not be rolled back by syncing an older revision.
                if (tracker.follow(change.commit(), change.committedAt(), () -> syncTip.accept(git.tip()))) {
                    // Judged now, not at the next scheduled check: a pause that is not in force is synced at once.
                    tracker.tick();
                }
            });
            case ENABLED -> {
                String why = git.humanResume().map(r -> "TRADING_ENABLED is \"true\" in git again since commit " + r.commit()
                        + " at " + r.committedAt() + " (a human resumed)")
                        .orElse("TRADING_ENABLED is \"true\" in git at " + git.tip());
                tracker.clear(why);
                syncs.drop(why);
            }
            case UNKNOWN -> {
                // The manifest cannot be read: neither a pause nor a resume can be told; keep what is followed.
            }
        }
    }
}

package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.feature.pause.model.BranchState;
import io.torghut.prober.feature.pause.manifest.ManifestEdit;

/**
 * Asked inside a git round, after the fetch, when the manifest says trading is on: pause now, or not (a human resumed
 * within the same episode). Called again on every attempt of the round, because a lost push race means the branch
 * moved and may now say something else.
 */
@FunctionalInterface
public interface PauseDecider {

    /** @return the commit message to pause with, or why not to pause */
    Decision decide(BranchState branch);

    /** Pauses whatever the history says, with this message (a caller that keeps no episodes). */
    static PauseDecider always(java.util.function.Function<ManifestEdit, String> message) {
        return branch -> new Pause(message);
    }

    /** What to do with a branch that still trades. */
    sealed interface Decision permits Pause, Hold {
    }

    /** Commit and push the pause with this message builder (it may quote the edit). */
    record Pause(java.util.function.Function<ManifestEdit, String> message) implements Decision {
    }

    /** No commit, for this reason. */
    record Hold(String why) implements Decision {
    }
}

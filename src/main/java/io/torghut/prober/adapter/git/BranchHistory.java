package io.torghut.prober.adapter.git;

import io.torghut.prober.shared.model.TradingFlag;
import java.time.Instant;
import java.util.Optional;

/**
 * What git says about the pause, read from the branch's first-parent history every time it matters, never remembered:
 * {@code TRADING_ENABLED} at the tip, the commit that made it so, and the newest prober pause commit (by its trailer).
 *
 * @param tip               the tip commit ("none" when the branch does not exist)
 * @param atTip             TRADING_ENABLED at the tip, read as Kubernetes reads it
 * @param lastChange        the commit that gave TRADING_ENABLED its value at the tip (the oldest commit walked when
 *                          the value has not changed within {@link PauseCommits#MAX_WALK} commits); empty when unknown
 * @param newestPause       the newest commit with the prober's trailer
 * @param changeAfterPause  whether {@code lastChange} comes after {@code newestPause} on the branch
 */
public record BranchHistory(String tip, TradingFlag atTip, Optional<FlagChange> lastChange,
                            Optional<PauseCommits.PauseCommit> newestPause, boolean changeAfterPause) {

    /** Nothing known: git not read, or no branch. */
    public static BranchHistory unknown(String tip) {
        return new BranchHistory(tip, TradingFlag.UNKNOWN, Optional.empty(), Optional.empty(), false);
    }

    /**
     * The commit that set TRADING_ENABLED to its value at the tip.
     *
     * @param author   the author's name as git records it (text from outside: cleaned where shown)
     * @param byProber whether it carries the prober's trailer
     * @param from     the value before it ({@link TradingFlag#UNKNOWN} when the file or variable was new)
     */
    public record FlagChange(String commit, Instant committedAt, String author, boolean byProber, TradingFlag from) {
    }

    /**
     * A human's resume: after the prober's newest pause, a commit without the prober's trailer set TRADING_ENABLED back
     * to "true", and it is still "true" at the tip.
     */
    public Optional<FlagChange> humanResume() {
        if (atTip != TradingFlag.ENABLED || newestPause.isEmpty() || !changeAfterPause) {
            return Optional.empty();
        }
        return lastChange.filter(change -> !change.byProber());
    }
}

package io.torghut.prober.feature.pause.model;

import io.torghut.prober.feature.pause.rollout.EffectivenessStatus;
import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.torghut.prober.adapter.git.BranchHistory;
import io.torghut.prober.shared.model.TradingFlag;

/**
 * Where the pause stands, read from git (the tip and its history), the cluster (the live revision, through the
 * effectiveness check) and what this replica is doing now (a push under way or being retried). The README's state
 * model; {@link #of} is its one definition.
 */
@RegisterForReflection
public enum PausePhase {
    /** Git says trading is on, and no human resumed after the prober's newest pause. */
    NOT_PAUSED("not-paused"),
    /** A pause is decided but git does not say "false" yet: the push is under way or being retried. */
    PAUSE_PENDING("pause-pending"),
    /** Git says "false"; the live revision still trades (or cannot be read): Argo CD is asked to sync, the deadline runs. */
    PAUSED_NOT_IN_FORCE("paused-not-in-force"),
    /** Git says "false" and a Ready revision with TRADING_ENABLED=false takes all traffic. */
    IN_FORCE("in-force"),
    /** A human set "true" after the prober's newest pause: the prober does not pause again within that episode. */
    RESUMED_BY_HUMAN("resumed-by-human"),
    /** Git was not read yet, or its manifest cannot be read. */
    UNKNOWN("unknown");

    private final String label;

    PausePhase(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * @param git         what git said at the last read
     * @param effect      the effectiveness check of the pause git says is set
     * @param gitPending  a pause is being pushed or retried (this replica's own work)
     */
    public static PausePhase of(BranchHistory git, EffectivenessStatus effect, boolean gitPending) {
        if (git.atTip() == TradingFlag.DISABLED) {
            return effect == EffectivenessStatus.EFFECTIVE ? IN_FORCE : PAUSED_NOT_IN_FORCE;
        }
        if (gitPending) {
            return PAUSE_PENDING;
        }
        if (git.atTip() == TradingFlag.UNKNOWN) {
            return UNKNOWN;
        }
        return git.humanResume().isPresent() ? RESUMED_BY_HUMAN : NOT_PAUSED;
    }
}

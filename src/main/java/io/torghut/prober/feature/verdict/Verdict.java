package io.torghut.prober.feature.verdict;

import io.torghut.prober.feature.signal.SignalSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of one evaluation: level, the reasons (one line each, most important first), the per-signal view,
 * the snapshot it was computed from (so that reports built from it are consistent), and the conditions that would
 * recommend a pause if trading were on ({@code pauseConditions}).
 */
public record Verdict(VerdictLevel level, List<String> reasons, List<SignalAssessment> signals, boolean sessionOpen,
                      boolean tradingEnabled, Instant evaluatedAt, SignalSnapshot snapshot, List<String> pauseConditions) {

    public Verdict {
        reasons = List.copyOf(reasons);
        signals = List.copyOf(signals);
        pauseConditions = List.copyOf(pauseConditions);
    }

    /** Without the pause conditions: a verdict that recommends a pause has them all as its reasons. */
    public Verdict(VerdictLevel level, List<String> reasons, List<SignalAssessment> signals, boolean sessionOpen, boolean tradingEnabled,
                   Instant evaluatedAt, SignalSnapshot snapshot) {
        this(level, reasons, signals, sessionOpen, tradingEnabled, evaluatedAt, snapshot,
                level == VerdictLevel.PAUSE_RECOMMENDED ? reasons : List.of());
    }

    /**
     * Whether the runbook's precondition holds, trading on or not: stale or unknown freshness during the session, a
     * dependency down. While trading is paused the verdict stops recommending a pause, but the reasons are still there:
     * an episode does not end because a pause took effect.
     */
    public boolean pauseWorthy() {
        return !pauseConditions.isEmpty();
    }

    public boolean pauseRecommended() {
        return level == VerdictLevel.PAUSE_RECOMMENDED;
    }

    public Optional<SignalAssessment> signal(String name) {
        return signals.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}

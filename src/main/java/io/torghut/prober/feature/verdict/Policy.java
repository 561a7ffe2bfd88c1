package io.torghut.prober.feature.verdict;

import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.feature.signal.Health;
import io.torghut.prober.feature.signal.SignalSnapshot;
import io.torghut.prober.feature.signal.SignalState;
import io.torghut.prober.feature.verdict.session.TradingSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a snapshot of signals into a {@link Verdict}. Pure: the same snapshot, instant and trading state always give
 * the same verdict. Unknown is never good: a signal with no result yet, or a freshness query that could not tell,
 * counts as bad, because a wrong "healthy" lets Torghut trade on stale data.
 */
public final class Policy {
    private final TradingSession session;

    public Policy(TradingSession session) {
        this.session = session;
    }

    public TradingSession session() {
        return session;
    }

    public Verdict evaluate(SignalSnapshot snapshot, Instant now, Optional<Boolean> tradingState) {
        boolean sessionOpen = session.isOpen(now);
        // When trading state cannot be read, assume enabled: recommending a needless pause is cheaper than missing one.
        boolean tradingEnabled = tradingState.orElse(true);
        List<SignalAssessment> assessments = new ArrayList<>();
        List<String> pauseReasons = new ArrayList<>();
        List<String> pauseConditions = new ArrayList<>();
        List<String> degradedReasons = new ArrayList<>();
        for (SignalState state : snapshot.signals()) {
            SignalAssessment assessment = assess(state, now, sessionOpen, tradingEnabled);
            assessments.add(assessment);
            if (!assessment.bad() || !assessment.counts()) {
                continue;
            }
            if (pauseWorthy(state.role())) {
                pauseConditions.add(assessment.why());
            }
            if (tradingEnabled && pauseWorthy(state.role())) {
                pauseReasons.add(assessment.why());
            } else {
                degradedReasons.add(assessment.why());
            }
        }
        VerdictLevel level = !pauseReasons.isEmpty() ? VerdictLevel.PAUSE_RECOMMENDED
                : !degradedReasons.isEmpty() ? VerdictLevel.DEGRADED : VerdictLevel.HEALTHY;
        List<String> reasons = new ArrayList<>(pauseReasons);
        reasons.addAll(degradedReasons);
        return new Verdict(level, reasons, assessments, sessionOpen, tradingEnabled, now, snapshot, pauseConditions);
    }

    /** The runbook's precondition: dependencies degraded or signals stale. Torghut down by itself is procedure A. */
    private static boolean pauseWorthy(SignalRole role) {
        return role == SignalRole.FRESHNESS || role == SignalRole.DEPENDENCY || role == SignalRole.TRADING;
    }

    static SignalAssessment assess(SignalState state, Instant now, boolean sessionOpen, boolean tradingEnabled) {
        boolean bad = state.health() != Health.GOOD;
        boolean counts = switch (state.role()) {
            case FRESHNESS -> sessionOpen;
            case TRADING -> tradingEnabled;
            default -> true;
        };
        boolean stale = state.role() == SignalRole.FRESHNESS && bad && counts;
        Optional<Duration> age = state.ageAt(now);
        return new SignalAssessment(state.name(), state.health(), bad, counts, stale, age,
                bad ? why(state, counts, sessionOpen) : "");
    }

    /** Stale means the age was measured and too old; a failed query or an empty table only makes it unknown. */
    private static boolean measuredStale(SignalState state) {
        return state.health() != Health.UNKNOWN
                && state.latest().map(r -> r.reason() == io.torghut.prober.shared.FailureReason.STALE).orElse(false);
    }

    private static String why(SignalState state, boolean counts, boolean sessionOpen) {
        String detail = state.latest().map(r -> r.reason().label() + ": " + r.detail()).orElse("no result yet");
        String what = switch (state.role()) {
            case FRESHNESS -> measuredStale(state) ? state.name() + " stale"
                    : state.name() + " freshness unknown (counted as stale)";
            case TRADING -> state.name() + " failing";
            default -> state.name() + (state.health() == Health.UNKNOWN ? " unknown" : " down");
        };
        String streak = state.consecutiveFailures() > 1 ? " (" + state.consecutiveFailures() + " failures in a row)" : "";
        String note = counts ? "" : state.role() == SignalRole.FRESHNESS && !sessionOpen
                ? " [not counted: trading session closed]" : " [not counted: trading disabled]";
        return what + streak + " - " + detail + note;
    }
}

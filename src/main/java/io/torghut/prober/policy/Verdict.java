package io.torghut.prober.policy;

import io.torghut.prober.signal.SignalSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of one evaluation: level, the reasons (one line each, most important first), the per-signal view,
 * and the snapshot it was computed from (so that reports built from it are consistent).
 */
public record Verdict(VerdictLevel level, List<String> reasons, List<SignalAssessment> signals, boolean sessionOpen,
                      boolean tradingEnabled, Instant evaluatedAt, SignalSnapshot snapshot) {

    public Verdict {
        reasons = List.copyOf(reasons);
        signals = List.copyOf(signals);
    }

    public boolean pauseRecommended() {
        return level == VerdictLevel.PAUSE_RECOMMENDED;
    }

    public Optional<SignalAssessment> signal(String name) {
        return signals.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}

package io.torghut.prober.feature.verdict;

import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.feature.probe.ProbeResult;
import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.feature.signal.Health;
import io.torghut.prober.feature.signal.SignalSnapshot;
import io.torghut.prober.feature.signal.SignalState;
import io.torghut.prober.shared.FailureReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds signal states and snapshots for policy tests without running probes. */
public final class Signals {
    /** Monday 2026-03-09 11:00 EDT: the US session is open. */
    public static final Instant OPEN = Instant.parse("2026-03-09T15:00:00Z");
    /** Saturday 2026-03-07: the US session is closed. */
    public static final Instant CLOSED = Instant.parse("2026-03-07T15:00:00Z");

    private Signals() {
    }

    public static SignalState good(String name, SignalRole role) {
        ProbeResult result = new ProbeResult(name, ProbeOutcome.ok(name + " ok"), Duration.ofMillis(4), OPEN.minusSeconds(5));
        return new SignalState(name, role, maxAge(role), Optional.of(result), Optional.of(OPEN.minusSeconds(5)), 0, 3,
                Health.GOOD, Optional.empty(), Optional.empty(), Optional.of(OPEN.minusSeconds(15)));
    }

    public static SignalState unknown(String name, SignalRole role) {
        return SignalState.initial(name, role, maxAge(role));
    }

    public static SignalState bad(String name, SignalRole role, FailureReason reason, String detail, int failures) {
        return bad(name, role, reason, detail, failures, Map.of());
    }

    public static SignalState bad(String name, SignalRole role, FailureReason reason, String detail, int failures,
                           Map<String, String> evidence) {
        ProbeResult result = new ProbeResult(name, ProbeOutcome.fail(reason, detail).withEvidence(evidence),
                Duration.ofMillis(4), OPEN.minusSeconds(5));
        return new SignalState(name, role, maxAge(role), Optional.of(result), Optional.of(OPEN.minusSeconds(600)),
                failures, 0, Health.BAD, Optional.empty(), Optional.empty(), Optional.of(OPEN.minusSeconds(300)));
    }

    /** Parses "name:ROLE:HEALTH" specs separated by spaces; bad signals fail with reason CONNECT. */
    public static SignalSnapshot parse(String specs) {
        List<SignalState> states = new ArrayList<>();
        for (String spec : specs.trim().split("\\s+")) {
            if (spec.isEmpty()) {
                continue;
            }
            String[] parts = spec.split(":");
            SignalRole role = SignalRole.valueOf(parts[1]);
            states.add(switch (Health.valueOf(parts[2])) {
                case GOOD -> good(parts[0], role);
                case UNKNOWN -> unknown(parts[0], role);
                case BAD -> bad(parts[0], role, role == SignalRole.FRESHNESS ? FailureReason.STALE : FailureReason.CONNECT,
                        "failed", 2);
            });
        }
        return new SignalSnapshot(states);
    }

    public static SignalSnapshot of(SignalState... states) {
        return new SignalSnapshot(List.of(states));
    }

    private static Optional<Duration> maxAge(SignalRole role) {
        return role == SignalRole.FRESHNESS ? Optional.of(Duration.ofMinutes(5)) : Optional.empty();
    }
}

package io.torghut.prober.feature.probe.postgres;

import io.torghut.prober.adapter.postgres.PostgresChecker;
import io.torghut.prober.adapter.postgres.PostgresTarget;
import io.torghut.prober.feature.probe.Probe;
import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.ProbeFailure;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Postgres from {@code DB_DSN}: reachable, authenticated, and the primary (not a replica in recovery). */
public final class PostgresProbe implements Probe {
    private final Optional<PostgresTarget> target;
    private final String configProblem;
    private final PostgresChecker checker;

    /**
     * @param target        the parsed DSN, or empty when it is missing or invalid
     * @param configProblem why there is no target (shown as the failure detail), ignored when the target is present
     */
    public PostgresProbe(Optional<PostgresTarget> target, String configProblem, PostgresChecker checker) {
        this.target = target;
        this.configProblem = configProblem;
        this.checker = checker;
    }

    @Override
    public ProbeOutcome check(Duration budget) {
        if (target.isEmpty()) {
            return ProbeOutcome.fail(FailureReason.CONFIG, configProblem);
        }
        PostgresTarget db = target.get();
        try {
            PostgresChecker.Status status = checker.check(db, budget);
            Map<String, String> facts = Map.of("server_version", status.serverVersion(),
                    "in_recovery", Boolean.toString(status.inRecovery()));
            if (status.inRecovery()) {
                return ProbeOutcome.fail(FailureReason.NOT_PRIMARY, "Postgres at " + db.display()
                        + " is in recovery (a replica), not the primary: writes would fail").withEvidence(facts);
            }
            return ProbeOutcome.ok("Postgres at " + db.display() + " accepts connections and is the primary").withEvidence(facts);
        } catch (ProbeFailure failure) {
            return ProbeOutcome.from(failure);
        }
    }
}

package io.torghut.prober.feature.probe.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.torghut.prober.adapter.postgres.PostgresChecker;
import io.torghut.prober.adapter.postgres.PostgresDsn;
import io.torghut.prober.adapter.postgres.PostgresTarget;
import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.ProbeFailure;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresProbeTest {
    private static final PostgresTarget TARGET = PostgresDsn.parse("postgresql://torghut:s3cret@torghut-db-rw.torghut:5432/torghut");

    /** A checker that answers without a database. */
    private static PostgresChecker answering(PostgresChecker.Status status, ProbeFailure failure) {
        return new PostgresChecker() {
            @Override
            public Status check(PostgresTarget target, Duration deadline) throws ProbeFailure {
                if (failure != null) {
                    throw failure;
                }
                return status;
            }
        };
    }

    private static ProbeOutcome run(PostgresChecker checker) {
        return new PostgresProbe(Optional.of(TARGET), "", checker)
                .check(Duration.ofSeconds(4));
    }

    @Test
    void primaryIsGood() {
        ProbeOutcome outcome = run(answering(new PostgresChecker.Status(false, "15.8"), null));
        assertEquals(true, outcome.success());
        assertEquals("Postgres at torghut-db-rw.torghut:5432/torghut accepts connections and is the primary", outcome.detail());
        assertEquals(Map.of("server_version", "15.8", "in_recovery", "false"), outcome.evidence());
    }

    @Test
    void replicaInRecoveryIsNotPrimary() {
        ProbeOutcome outcome = run(answering(new PostgresChecker.Status(true, "15.8"), null));
        assertEquals(FailureReason.NOT_PRIMARY, outcome.reason());
        assertEquals("Postgres at torghut-db-rw.torghut:5432/torghut is in recovery (a replica), not the primary: writes would fail",
                outcome.detail());
        assertEquals("true", outcome.evidence().get("in_recovery"));
    }

    @Test
    void checkerFailuresBecomeOutcomes() {
        ProbeOutcome outcome = run(answering(null, new ProbeFailure(FailureReason.AUTH, "rejected the credentials")));
        assertEquals(FailureReason.AUTH, outcome.reason());
        assertEquals("rejected the credentials", outcome.detail());
    }

    @Test
    void withoutATargetTheConfigProblemIsTheDetail() {
        PostgresChecker never = answering(null, null);
        ProbeOutcome outcome = new PostgresProbe(Optional.empty(), "DB_DSN is not set (prober.postgres.dsn): Postgres cannot be probed",
                never).check(Duration.ofSeconds(4));
        assertEquals(FailureReason.CONFIG, outcome.reason());
        assertEquals("DB_DSN is not set (prober.postgres.dsn): Postgres cannot be probed", outcome.detail());
    }

    @Test
    void outcomeInvariants() {
        assertThrows(IllegalArgumentException.class, () -> new ProbeOutcome(true, FailureReason.CONNECT, "", null, null));
        assertThrows(IllegalArgumentException.class, () -> new ProbeOutcome(false, FailureReason.NONE, "", null, null));
        ProbeOutcome defaults = new ProbeOutcome(false, FailureReason.ERROR, null, null, null);
        assertEquals("", defaults.detail());
        assertEquals(Optional.empty(), defaults.age());
        assertEquals(Map.of(), defaults.evidence());
        assertEquals("http_5xx", FailureReason.HTTP_5XX.label());
        assertEquals("not_primary", FailureReason.NOT_PRIMARY.label());
    }
}

package io.torghut.prober.feature.probe.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.adapter.postgres.PostgresChecker;
import io.torghut.prober.adapter.postgres.PostgresDsn;
import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.ProbeFailure;
import io.torghut.prober.testsupport.TestServices;
import io.torghut.prober.testsupport.ThrowawayPostgres;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link PostgresProbe} and {@link PostgresChecker} against real PostgreSQL 15 servers on loopback. */
class PostgresProbeRealServerTest {
    private static final Duration BUDGET = Duration.ofSeconds(4);
    private static final String WRONG_PASSWORD = "Wr0ng-Pg-Pass-7c41e";

    @BeforeAll
    static void servers() {
        TestServices.requirePostgres();
    }

    private static PostgresProbe probe(String dsn) {
        return new PostgresProbe(Optional.of(PostgresDsn.parse(dsn)), "unused", new PostgresChecker());
    }

    private static String uri(int port) {
        return TestServices.pgUri(TestServices.PG_USER, TestServices.PG_PASSWORD, port);
    }

    @Test
    void libpqUriReachesThePrimary() {
        ProbeOutcome outcome = probe(uri(TestServices.pgPort())).check(BUDGET);
        assertTrue(outcome.success(), outcome::toString);
        assertEquals("false", outcome.evidence().get("in_recovery"));
        assertTrue(outcome.evidence().get("server_version").startsWith("15"), outcome::toString);
        assertTrue(outcome.detail().contains("127.0.0.1:" + TestServices.pgPort() + "/torghut"), outcome.detail());
    }

    @Test
    void keyValueDsnReachesThePrimary() {
        String dsn = "host=127.0.0.1 port=" + TestServices.pgPort() + " dbname=torghut user=torghut password='"
                + TestServices.PG_PASSWORD + "' sslmode=disable connect_timeout=3";
        ProbeOutcome outcome = probe(dsn).check(BUDGET);
        assertTrue(outcome.success(), outcome::toString);
    }

    @Test
    void jdbcUrlReachesThePrimary() {
        String dsn = "jdbc:postgresql://127.0.0.1:" + TestServices.pgPort() + "/torghut?user=torghut&password="
                + TestServices.PG_PASSWORD + "&sslmode=disable";
        assertTrue(probe(dsn).check(BUDGET).success());
    }

    @Test
    void wrongPasswordIsAuthAndTheDetailHoldsNoPassword() {
        ProbeOutcome outcome = probe(TestServices.pgUri("torghut", WRONG_PASSWORD, TestServices.pgPort())).check(BUDGET);
        assertEquals(FailureReason.AUTH, outcome.reason(), outcome::toString);
        assertTrue(outcome.detail().contains("password authentication failed"), outcome.detail());
        assertFalse(outcome.detail().contains(WRONG_PASSWORD), outcome.detail());
        assertFalse(outcome.detail().contains(TestServices.PG_PASSWORD), outcome.detail());
        assertFalse(outcome.detail().contains("\n"), "one line: " + outcome.detail());
    }

    @Test
    void nothingListeningIsConnect() {
        long start = System.nanoTime();
        ProbeOutcome outcome = probe(uri(TestServices.freePort())).check(BUDGET);
        assertEquals(FailureReason.CONNECT, outcome.reason(), outcome::toString);
        assertFalse(outcome.detail().contains(TestServices.PG_PASSWORD), outcome.detail());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(BUDGET) < 0, "refused at once, not at the timeout");
    }

    @Test
    void serverStoppedMidRunFailsAndRecoversWhenStartedAgain() {
        try (ThrowawayPostgres pg = ThrowawayPostgres.copyOfShared(false)) {
            PostgresProbe probe = probe(uri(pg.port()));
            ProbeOutcome up = probe.check(BUDGET);
            assertTrue(up.success(), up::toString);

            pg.stop();
            ProbeOutcome down = probe.check(BUDGET);
            assertFalse(down.success());
            assertEquals(FailureReason.CONNECT, down.reason(), down::toString);
            assertTrue(down.detail().startsWith("cannot connect to Postgres at 127.0.0.1:" + pg.port()), down.detail());

            pg.start();
            ProbeOutcome back = probe.check(BUDGET);
            assertTrue(back.success(), back::toString);
        }
    }

    @Test
    void replicaInRecoveryIsNotPrimary() {
        try (ThrowawayPostgres replica = ThrowawayPostgres.copyOfShared(true)) {
            ProbeOutcome outcome = probe(uri(replica.port())).check(BUDGET);
            assertEquals(FailureReason.NOT_PRIMARY, outcome.reason(), outcome::toString);
            assertEquals("true", outcome.evidence().get("in_recovery"));
            assertTrue(outcome.detail().contains("in recovery"), outcome.detail());
        }
    }

    @Test
    void checkerReportsRecoveryStateDirectly() throws ProbeFailure {
        PostgresChecker.Status status = new PostgresChecker().check(PostgresDsn.parse(uri(TestServices.pgPort())), BUDGET);
        assertFalse(status.inRecovery());
    }
}

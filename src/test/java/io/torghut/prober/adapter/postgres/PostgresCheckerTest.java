package io.torghut.prober.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.ProbeFailure;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresCheckerTest {
    private static final String SECRET = "s3cret-pg-pass";
    private static final PostgresTarget TARGET =
            PostgresDsn.parse("postgresql://torghut:" + SECRET + "@torghut-db-rw.torghut:5432/torghut?sslmode=require");

    @ParameterizedTest(name = "SQLSTATE {0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            28P01 | FATAL: password authentication failed for user "torghut"             | AUTH    | Postgres at torghut-db-rw.torghut:5432/torghut rejected the credentials: FATAL: password authentication failed for user "torghut"
            28000 | FATAL: no pg_hba.conf entry for host "10.0.0.9", user "torghut"      | AUTH    | Postgres at torghut-db-rw.torghut:5432/torghut rejected the credentials: FATAL: no pg_hba.conf entry for host "10.0.0.9", user "torghut"
            08001 | Connection to torghut-db-rw.torghut:5432 refused.                    | CONNECT | cannot connect to Postgres at torghut-db-rw.torghut:5432/torghut: Connection to torghut-db-rw.torghut:5432 refused.
            08006 | An I/O error occurred while sending to the backend.                  | CONNECT | cannot connect to Postgres at torghut-db-rw.torghut:5432/torghut: An I/O error occurred while sending to the backend.
            57P03 | FATAL: the database system is starting up                           | CONNECT | cannot connect to Postgres at torghut-db-rw.torghut:5432/torghut: FATAL: the database system is starting up
            57P01 | FATAL: terminating connection due to administrator command           | CONNECT | cannot connect to Postgres at torghut-db-rw.torghut:5432/torghut: FATAL: terminating connection due to administrator command
            3D000 | FATAL: database "torghut" does not exist                            | CONFIG  | Postgres at torghut-db-rw.torghut:5432/torghut: FATAL: database "torghut" does not exist
            42501 | ERROR: permission denied for function pg_is_in_recovery              | QUERY   | Postgres at torghut-db-rw.torghut:5432/torghut failed (SQLSTATE 42501): ERROR: permission denied for function pg_is_in_recovery
            """)
    void classifiesBySqlState(String state, String message, FailureReason reason, String detail) {
        ProbeFailure failure = PostgresChecker.classify(new SQLException(message, state), TARGET);
        assertEquals(reason, failure.reason());
        assertEquals(detail, failure.getMessage());
    }

    @Test
    void socketTimeoutIsATimeoutEvenUnderAConnectionState() {
        SQLException e = new SQLException("The connection attempt failed.", "08001",
                new SocketTimeoutException("Connect timed out"));
        ProbeFailure failure = PostgresChecker.classify(e, TARGET);
        assertEquals(FailureReason.TIMEOUT, failure.reason());
        assertEquals("Postgres at torghut-db-rw.torghut:5432/torghut did not answer in time: The connection attempt failed.",
                failure.getMessage());
    }

    @Test
    void readTimeoutDeepInTheChainAndSqlTimeoutException() {
        SQLException deep = new SQLException("An I/O error occurred while sending to the backend.", "08006",
                new java.io.IOException("wrapped", new SocketTimeoutException("Read timed out")));
        assertEquals(FailureReason.TIMEOUT, PostgresChecker.classify(deep, TARGET).reason());
        assertEquals(FailureReason.TIMEOUT,
                PostgresChecker.classify(new SQLTimeoutException("Query timed out", "57014"), TARGET).reason());
    }

    @Test
    void noStateAtAllIsAQueryFailure() {
        ProbeFailure failure = PostgresChecker.classify(new SQLException("Something unusual has occurred"), TARGET);
        assertEquals(FailureReason.QUERY, failure.reason());
        assertEquals("Postgres at torghut-db-rw.torghut:5432/torghut failed (SQLSTATE ): Something unusual has occurred",
                failure.getMessage());
        assertEquals(FailureReason.QUERY, PostgresChecker.classify(new SQLException((String) null), TARGET).reason());
    }

    @Test
    void aDriverMessageThatEchoesThePasswordIsMaskedCutToOneLineAndBounded() {
        SQLException echo = new SQLException("FATAL: bad password " + SECRET + " for torghut\n  at line 2 " + SECRET, "28P01");
        ProbeFailure failure = PostgresChecker.classify(echo, TARGET);
        assertFalse(failure.getMessage().contains(SECRET), failure.getMessage());
        assertTrue(failure.getMessage().endsWith("FATAL: bad password **** for torghut"), failure.getMessage());

        ProbeFailure longOne = PostgresChecker.classify(new SQLException("x".repeat(1000), "XX000"), TARGET);
        assertTrue(longOne.getMessage().endsWith("x".repeat(300) + "…"), longOne.getMessage());
        assertTrue(longOne.getMessage().length() < 400);
    }
}

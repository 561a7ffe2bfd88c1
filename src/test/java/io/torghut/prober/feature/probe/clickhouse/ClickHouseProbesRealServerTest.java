package io.torghut.prober.feature.probe.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.adapter.clickhouse.ClickHouseClient;
import io.torghut.prober.adapter.clickhouse.ClickHouseEndpoint;
import io.torghut.prober.adapter.http.HttpFetcher;
import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.testsupport.ClickHouseAdmin;
import io.torghut.prober.testsupport.TestServices;
import io.torghut.prober.testsupport.ThrowawayClickHouse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ClickHouseProbe} and {@link FreshnessProbe} against a real ClickHouse 18.16 over HTTP, as the read-only
 * {@code torghut} user. Each test writes its own table in {@code torghut_it} (as {@code default}).
 */
class ClickHouseProbesRealServerTest {
    private static final Duration BUDGET = Duration.ofSeconds(4);
    private static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final String WRONG_PASSWORD = "Wr0ng-Ch-Pass-93b7d";
    private static final HttpFetcher HTTP = new HttpFetcher();
    private final ClickHouseAdmin admin = ClickHouseAdmin.shared();
    private final List<String> tables = new ArrayList<>();

    @BeforeAll
    static void servers() {
        TestServices.requireClickHouse();
    }

    @AfterEach
    void dropTables() {
        tables.forEach(admin::drop);
    }

    private String table() {
        String table = admin.newTable("fresh");
        tables.add(table);
        return table;
    }

    private static ClickHouseClient client(String url, String password) {
        return new ClickHouseClient(ClickHouseEndpoint.parse(url), TestServices.CH_USER, Optional.of(password), HTTP);
    }

    private static FreshnessProbe freshness(String table, ClickHouseClient client) {
        return new FreshnessProbe(table, "event_ts", MAX_AGE, client);
    }

    private static ClickHouseProbe probe(ClickHouseClient client) {
        return new ClickHouseProbe(client);
    }

    @Test
    void pingAndSelectOneWithTheRightPassword() {
        ProbeOutcome outcome = probe(client(TestServices.chUrl(), TestServices.CH_PASSWORD)).check(BUDGET);
        assertTrue(outcome.success(), outcome::toString);
    }

    @Test
    void freshRowsAreOkWithAnAgeOfAFewSeconds() {
        String table = table();
        admin.insertAged(table, 3600, 0);
        ProbeOutcome outcome = freshness(table, client(TestServices.chUrl(), TestServices.CH_PASSWORD)).check(BUDGET);
        assertTrue(outcome.success(), outcome::toString);
        long age = outcome.age().orElseThrow().toSeconds();
        assertTrue(age >= 0 && age <= 10, "age " + age);
    }

    @Test
    void rowsOlderThanMaxAgeAreStaleWithTheirAge() {
        String table = table();
        admin.insertAged(table, 3600, 7200);
        ProbeOutcome outcome = freshness(table, client(TestServices.chUrl(), TestServices.CH_PASSWORD)).check(BUDGET);
        assertEquals(FailureReason.STALE, outcome.reason(), outcome::toString);
        long age = outcome.age().orElseThrow().toSeconds();
        assertTrue(age >= 3600 && age <= 3610, "age " + age);
        assertTrue(outcome.detail().contains("(max 300s)"), outcome.detail());
    }

    @Test
    void emptyTableIsNoData() {
        String table = table();
        ProbeOutcome outcome = freshness(table, client(TestServices.chUrl(), TestServices.CH_PASSWORD)).check(BUDGET);
        assertEquals(FailureReason.NO_DATA, outcome.reason(), outcome::toString);
        assertTrue(outcome.age().isEmpty());
        assertTrue(outcome.detail().contains("empty"), outcome.detail());
    }

    @Test
    void truncatedTableIsNoDataAgain() {
        String table = table();
        admin.insertAged(table, 1);
        ClickHouseClient client = client(TestServices.chUrl(), TestServices.CH_PASSWORD);
        assertTrue(freshness(table, client).check(BUDGET).success());
        admin.truncate(table);
        assertEquals(FailureReason.NO_DATA, freshness(table, client).check(BUDGET).reason());
    }

    @Test
    void missingTableIsAQueryFailure() {
        ProbeOutcome outcome = freshness(TestServices.CH_TEST_DATABASE + ".no_such_table",
                client(TestServices.chUrl(), TestServices.CH_PASSWORD)).check(BUDGET);
        assertEquals(FailureReason.QUERY, outcome.reason(), outcome::toString);
        assertTrue(outcome.detail().contains("code 60"), outcome.detail());
    }

    @Test
    void wrongPasswordIsAuthWithCode193AndNoPassword() {
        ClickHouseClient client = client(TestServices.chUrl(), WRONG_PASSWORD);
        ProbeOutcome outcome = probe(client).check(BUDGET);
        assertEquals(FailureReason.AUTH, outcome.reason(), outcome::toString);
        assertTrue(outcome.detail().contains("code 193"), outcome.detail());
        assertFalse(outcome.detail().contains(WRONG_PASSWORD), outcome.detail());
        ProbeOutcome fresh = freshness(table(), client).check(BUDGET);
        assertEquals(FailureReason.AUTH, fresh.reason(), fresh::toString);
        assertFalse(fresh.detail().contains(WRONG_PASSWORD), fresh.detail());
    }

    @Test
    void jdbcUrlWithADatabaseWorks() {
        String table = table();
        admin.insertAged(table, 2);
        String url = "jdbc:clickhouse://127.0.0.1:" + TestServices.chHttpPort() + "/" + TestServices.CH_TEST_DATABASE;
        ClickHouseClient client = client(url, TestServices.CH_PASSWORD);
        assertTrue(probe(client).check(BUDGET).success());
        // The unqualified table name resolves in the URL's database.
        String unqualified = table.substring(table.indexOf('.') + 1);
        ProbeOutcome outcome = freshness(unqualified, client).check(BUDGET);
        assertTrue(outcome.success(), outcome::toString);
    }

    @Test
    void stoppedServerIsConnect() {
        try (ThrowawayClickHouse ch = ThrowawayClickHouse.start()) {
            ClickHouseClient client = client(ch.url(), TestServices.CH_PASSWORD);
            ProbeOutcome up = probe(client).check(BUDGET);
            assertTrue(up.success(), up::toString);

            ch.stop();
            long start = System.nanoTime();
            ProbeOutcome down = probe(client).check(BUDGET);
            assertEquals(FailureReason.CONNECT, down.reason(), down::toString);
            assertTrue(down.detail().contains("127.0.0.1:" + ch.httpPort()), down.detail());
            ProbeOutcome fresh = freshness("torghut.ta_signals", client).check(BUDGET);
            assertEquals(FailureReason.CONNECT, fresh.reason(), fresh::toString);
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(BUDGET) < 0, "refused at once");
        }
    }
}

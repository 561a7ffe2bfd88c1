package io.torghut.prober.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.torghut.prober.config.TestConfig.ClickHouseC;
import io.torghut.prober.config.TestConfig.FreshnessC;
import io.torghut.prober.config.TestConfig.HttpTargetC;
import io.torghut.prober.config.TestConfig.PolicyC;
import io.torghut.prober.config.TestConfig.PostgresC;
import io.torghut.prober.config.TestConfig.Sched;
import io.torghut.prober.config.TestConfig.SessionC;
import io.torghut.prober.config.TestConfig.TableC;
import io.torghut.prober.config.TestConfig.TorghutC;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigChecksTest {
    private static final Duration S10 = Duration.ofSeconds(10);
    private static final Duration S3 = Duration.ofSeconds(3);

    @Test
    void defaultsPass() {
        assertDoesNotThrow(() -> ConfigChecks.check(TestConfig.defaults()));
    }

    private static Arguments bad(String what, UnaryOperator<TestConfig> change, String message) {
        return Arguments.of(what, change, message);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad("healthz interval zero", c -> c.withTorghut(new TorghutC(c.torghut().url(), new Sched(Duration.ZERO, S3),
                        c.torghut().tradingHealth())), "invalid configuration prober.torghut.healthz.interval: must be a positive duration (got PT0S)"),
                bad("trading-health timeout negative", c -> c.withTorghut(new TorghutC(c.torghut().url(), c.torghut().healthz(),
                        new Sched(S10, Duration.ofSeconds(-1)))), "invalid configuration prober.torghut.trading-health.timeout: must be a positive duration (got PT-1S)"),
                bad("clickhouse timeout 5ms", c -> c.withClickHouse(new ClickHouseC("http://ch", "default", Optional.of("s3cret-ch-pass"),
                        S10, Duration.ofMillis(5))), "invalid configuration prober.clickhouse.timeout: must be at least 10ms"),
                bad("freshness interval zero", c -> c.withFreshness(new FreshnessC(Duration.ZERO, S3, c.freshness().tables())),
                        "invalid configuration prober.freshness.interval: must be a positive duration (got PT0S)"),
                bad("table max-age zero", c -> c.withFreshness(new FreshnessC(S10, S3,
                        Map.of("ta_signals", new TableC("torghut.ta_signals", "event_ts", Duration.ZERO)))),
                        "invalid configuration prober.freshness.tables.ta_signals.max-age: must be a positive duration (got PT0S)"),
                bad("postgres timeout zero", c -> c.withPostgres(new PostgresC(Optional.of("postgresql://u:s3cret@h/db"), S10, Duration.ZERO)),
                        "invalid configuration prober.postgres.timeout: must be a positive duration (got PT0S)"),
                bad("extra target interval zero", c -> c.withHttp(Map.of("grafana", new HttpTargetC("http://grafana", Duration.ZERO, S3,
                        Optional.empty()))), "invalid configuration prober.http.grafana.interval: must be a positive duration (got PT0S)"),
                bad("extra target named like a core probe", c -> c.withHttp(Map.of("healthz", new HttpTargetC("http://x", S10, S3,
                        Optional.empty()))), "invalid configuration prober.http.healthz: the signal name 'healthz' is already taken by another probe"),
                bad("freshness table named postgres", c -> c.withFreshness(new FreshnessC(S10, S3,
                        Map.of("postgres", new TableC("torghut.ta_signals", "event_ts", Duration.ofMinutes(5))))),
                        "invalid configuration prober.freshness.tables.postgres: the signal name 'postgres' is already taken by another probe"),
                bad("extra target named like a table", c -> c.withHttp(Map.of("ta_signals", new HttpTargetC("http://x", S10, S3,
                        Optional.empty()))), "invalid configuration prober.http.ta_signals: the signal name 'ta_signals' is already taken by another probe"),
                bad("evaluate-every zero", c -> c.withPolicy(new PolicyC(2, 2, Duration.ZERO)),
                        "invalid configuration prober.policy.evaluate-every: must be a positive duration (got PT0S)"),
                bad("session open after close", c -> c.withSession(new SessionC(ZoneId.of("America/New_York"), LocalTime.of(16, 0),
                        LocalTime.of(9, 30), Set.of(DayOfWeek.MONDAY), Optional.empty(), false)),
                        "invalid configuration prober.session.open: must be before prober.session.close (09:30)"),
                bad("no session days", c -> c.withSession(new SessionC(ZoneId.of("America/New_York"), LocalTime.of(9, 30),
                        LocalTime.of(16, 0), Set.of(), Optional.empty(), false)),
                        "invalid configuration prober.session.days: must name at least one day"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidValuesNameTheKey(String what, UnaryOperator<TestConfig> change, String message) {
        ConfigProblem problem = assertThrows(ConfigProblem.class, () -> ConfigChecks.check(change.apply(TestConfig.defaults())));
        assertEquals(message, problem.getMessage());
    }

    @Test
    void alwaysOpenSkipsTheHoursCheck() {
        TestConfig config = TestConfig.defaults().withSession(new SessionC(ZoneId.of("UTC"), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT,
                Set.of(DayOfWeek.MONDAY), Optional.empty(), true));
        assertDoesNotThrow(() -> ConfigChecks.check(config));
    }

    @Test
    void probesAreBuiltFromConfigAndABadUrlNamesItsKeyAndEnv() {
        TestConfig config = TestConfig.defaults().withClickHouse(new ClickHouseC("http://default:s3cret-ch-pass@ch:8123", "default",
                Optional.of("s3cret-ch-pass"), S10, S3));
        ConfigProblem problem = assertThrows(ConfigProblem.class, () -> ProberBeans.probes(config, null));
        assertEquals("invalid configuration prober.clickhouse.url (TA_CLICKHOUSE_URL): ClickHouse URL must not carry credentials; "
                + "use TA_CLICKHOUSE_USERNAME and TA_CLICKHOUSE_PASSWORD", problem.getMessage());

        TestConfig badDsn = TestConfig.defaults().withPostgres(new PostgresC(Optional.of("host=h password='s3cret"), S10, S3));
        ConfigProblem dsn = assertThrows(ConfigProblem.class, () -> ProberBeans.probes(badDsn, null));
        assertEquals("invalid configuration prober.postgres.dsn (DB_DSN): DB_DSN has an unterminated quoted value for key 'password'",
                dsn.getMessage());

        assertEquals(java.util.List.of("healthz", "trading-health", "clickhouse", "ta_microbars", "ta_signals", "postgres"),
                ProberBeans.probes(TestConfig.defaults(), null).stream().map(io.torghut.prober.probe.Probe::name).toList());
    }

    @Test
    void contributedProbesMustNotReuseAName() {
        java.util.List<io.torghut.prober.probe.Probe> probes = new java.util.ArrayList<>(ProberBeans.probes(TestConfig.defaults(), null));
        assertDoesNotThrow(() -> ProberBeans.requireUniqueNames(probes));
        probes.add(probes.get(0));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ProberBeans.requireUniqueNames(probes));
        assertEquals("two probes are named 'healthz'", e.getMessage());
    }
}

package io.torghut.prober.feature.probe.registry;

import static io.torghut.prober.feature.probe.TestConfig.clickhouse;
import static io.torghut.prober.feature.probe.TestConfig.freshness;
import static io.torghut.prober.feature.probe.TestConfig.httpTarget;
import static io.torghut.prober.feature.probe.TestConfig.policy;
import static io.torghut.prober.feature.probe.TestConfig.postgres;
import static io.torghut.prober.feature.probe.TestConfig.schedule;
import static io.torghut.prober.feature.probe.TestConfig.session;
import static io.torghut.prober.feature.probe.TestConfig.table;
import static io.torghut.prober.feature.probe.TestConfig.torghut;
import static io.torghut.prober.feature.probe.TestConfig.with;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.torghut.prober.feature.probe.ProbeSpec;
import io.torghut.prober.feature.probe.ScheduledProbe;
import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.feature.probe.TestConfig;
import io.torghut.prober.feature.probe.TestConfig.Parts;
import io.torghut.prober.shared.ConfigProblem;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks startup runs on the probes' configuration that annotations cannot express, each failure naming the key: the
 * registry's (signal names), each probe kind's producer (schedules, URL, DSN, max age) and the verdict's policy and session.
 */
class ProbeConfigChecksTest {
    private static final Duration S10 = Duration.ofSeconds(10);
    private static final Duration S3 = Duration.ofSeconds(3);
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final String SUB_SECOND = "must be a whole number of seconds, at least 1s: the scheduler (quarkus-scheduler) looks at "
            + "its jobs once a second";

    private static List<ScheduledProbe> check(Parts config) {
        return ProbeChecks.startup(config, null);
    }

    @Test
    void defaultsPass() {
        assertDoesNotThrow(() -> check(TestConfig.config()));
    }

    private static Arguments bad(String what, Supplier<Parts> config, String message) {
        return Arguments.of(what, config, message);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad("healthz interval zero", () -> with("torghut", torghut(schedule(Duration.ZERO, S3), schedule(S10, S3))),
                        "invalid configuration prober.torghut.healthz.interval: must be a positive duration (got PT0S)"),
                bad("trading-health timeout negative", () -> with("torghut", torghut(schedule(S10, S3), schedule(S10, Duration.ofSeconds(-1)))),
                        "invalid configuration prober.torghut.trading-health.timeout: must be a positive duration (got PT-1S)"),
                bad("clickhouse timeout 5ms", () -> with("clickhouse", clickhouse("http://ch", Optional.of("s3cret-ch-pass"), S10, Duration.ofMillis(5))),
                        "invalid configuration prober.clickhouse.timeout: must be at least 10ms"),
                bad("freshness interval zero", () -> with("freshness", freshness(Duration.ZERO, S3, Map.of())),
                        "invalid configuration prober.freshness.interval: must be a positive duration (got PT0S)"),
                bad("table max-age zero", () -> with("freshness", freshness(S10, S3, Map.of("ta_signals", table("torghut.ta_signals", Duration.ZERO)))),
                        "invalid configuration prober.freshness.tables.ta_signals.max-age: must be a positive duration (got PT0S)"),
                bad("postgres timeout zero", () -> with("postgres", postgres(Optional.of("postgresql://u:s3cret@h/db"), S10, Duration.ZERO)),
                        "invalid configuration prober.postgres.timeout: must be a positive duration (got PT0S)"),
                bad("extra target interval zero", () -> with("http", Map.of("grafana", httpTarget("http://grafana", Duration.ZERO, S3))),
                        "invalid configuration prober.http.grafana.interval: must be a positive duration (got PT0S)"),
                bad("extra target named like a core probe", () -> with("http", Map.of("healthz", httpTarget("http://x", S10, S3))),
                        "invalid configuration prober.http.healthz: the signal name 'healthz' is already taken by another probe"),
                bad("freshness table named postgres", () -> with("freshness", freshness(S10, S3,
                                Map.of("postgres", table("torghut.ta_signals", Duration.ofMinutes(5))))),
                        "invalid configuration prober.freshness.tables.postgres: the signal name 'postgres' is already taken by another probe"),
                bad("extra target named like a table", () -> with("http", Map.of("ta_signals", httpTarget("http://x", S10, S3))),
                        "invalid configuration prober.http.ta_signals: the signal name 'ta_signals' is already taken by another probe"),
                bad("evaluate-every zero", () -> with("policy", policy(Duration.ZERO)),
                        "invalid configuration prober.policy.evaluate-every: must be a positive duration (got PT0S)"),
                // every interval is a job of Quarkus' scheduler, which looks at its jobs once a second
                bad("healthz interval 500ms", () -> with("torghut", torghut(schedule(Duration.ofMillis(500), S3), schedule(S10, S3))),
                        "invalid configuration prober.torghut.healthz.interval: " + SUB_SECOND + " (got PT0.5S)"),
                bad("freshness interval 300ms", () -> with("freshness", freshness(Duration.ofMillis(300), S3, Map.of())),
                        "invalid configuration prober.freshness.interval: " + SUB_SECOND + " (got PT0.3S)"),
                bad("extra target interval 1500ms", () -> with("http", Map.of("grafana", httpTarget("http://grafana", Duration.ofMillis(1500), S3))),
                        "invalid configuration prober.http.grafana.interval: " + SUB_SECOND + " (got PT1.5S)"),
                bad("evaluate-every 200ms", () -> with("policy", policy(Duration.ofMillis(200))),
                        "invalid configuration prober.policy.evaluate-every: " + SUB_SECOND + " (got PT0.2S)"),
                bad("session open after close", () -> with("session", session(NY, LocalTime.of(16, 0), LocalTime.of(9, 30),
                                Set.of(DayOfWeek.MONDAY), false)),
                        "invalid configuration prober.session.open: must be before prober.session.close (09:30)"),
                bad("no session days", () -> with("session", session(NY, LocalTime.of(9, 30), LocalTime.of(16, 0), Set.of(), false)),
                        "invalid configuration prober.session.days: must name at least one day"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidValuesNameTheKey(String what, Supplier<Parts> config, String message) {
        ConfigProblem problem = assertThrows(ConfigProblem.class, () -> check(config.get()));
        assertEquals(message, problem.getMessage());
    }

    /** A sub-second timeout is fine: the hard timeout is a millisecond timer, not a tick of the scheduler. */
    @Test
    void subSecondTimeoutsAndWholeSecondIntervalsPass() {
        assertDoesNotThrow(() -> check(with("torghut", torghut(schedule(Duration.ofSeconds(1), Duration.ofMillis(300)),
                schedule(Duration.ofSeconds(90), Duration.ofMillis(900))))));
    }

    @Test
    void alwaysOpenSkipsTheHoursCheck() {
        Parts config = with("session", session(ZoneId.of("UTC"), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Set.of(DayOfWeek.MONDAY), true));
        assertDoesNotThrow(() -> check(config));
    }

    @Test
    void probesAreBuiltFromConfigAndABadUrlOrDsnNamesItsKeyAndEnv() {
        Parts badUrl = with("clickhouse", clickhouse("http://default:s3cret-ch-pass@ch:8123", Optional.of("s3cret-ch-pass"), S10, S3));
        ConfigProblem problem = assertThrows(ConfigProblem.class, () -> check(badUrl));
        assertEquals("invalid configuration prober.clickhouse.url (TA_CLICKHOUSE_URL): ClickHouse URL must not carry credentials; "
                + "use TA_CLICKHOUSE_USERNAME and TA_CLICKHOUSE_PASSWORD", problem.getMessage());

        Parts badDsn = with("postgres", postgres(Optional.of("host=h password='s3cret"), S10, S3));
        ConfigProblem dsn = assertThrows(ConfigProblem.class, () -> check(badDsn));
        assertEquals("invalid configuration prober.postgres.dsn (DB_DSN): DB_DSN has an unterminated quoted value for key 'password'",
                dsn.getMessage());

        assertEquals(List.of("healthz", "trading-health", "clickhouse", "ta_microbars", "ta_signals", "postgres"),
                check(TestConfig.config()).stream().map(ScheduledProbe::name).toList());
    }

    /** The schedule of every probe comes from its config section; only freshness signals have a max age. */
    @Test
    void eachProbesSpecCarriesItsRoleScheduleAndMaxAge() {
        Parts config = with("http", Map.of("extra", TestConfig.httpTarget("http://x/health", Duration.ofSeconds(30), S3)));
        Map<String, ProbeSpec> specs = check(config).stream()
                .collect(java.util.stream.Collectors.toMap(ScheduledProbe::name, ScheduledProbe::spec));
        Duration s15 = Duration.ofSeconds(15);
        Duration s5 = Duration.ofSeconds(5);
        assertEquals(Map.of(
                "healthz", ProbeSpec.of("healthz", SignalRole.SERVICE, S10, S3),
                "trading-health", ProbeSpec.of("trading-health", SignalRole.TRADING, S10, S3),
                "clickhouse", ProbeSpec.of("clickhouse", SignalRole.DEPENDENCY, S10, S3),
                "ta_microbars", ProbeSpec.freshness("ta_microbars", Duration.ofMinutes(5), s15, s5),
                "ta_signals", ProbeSpec.freshness("ta_signals", Duration.ofMinutes(5), s15, s5),
                "postgres", ProbeSpec.of("postgres", SignalRole.DEPENDENCY, S10, s5),
                "extra", ProbeSpec.of("extra", SignalRole.EXTRA, Duration.ofSeconds(30), S3)), specs);
    }

    @Test
    void contributedProbesMustNotReuseAName() {
        List<ScheduledProbe> probes = new ArrayList<>(check(TestConfig.config()));
        assertDoesNotThrow(() -> SignalNames.requireUnique(probes));
        probes.add(probes.get(0));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SignalNames.requireUnique(probes));
        assertEquals("two probes are named 'healthz'", e.getMessage());
    }

    @Test
    void aValueNoTestSetFailsWithItsName() {
        io.torghut.prober.feature.probe.SchedulerConfig scheduler = TestConfig.fake(io.torghut.prober.feature.probe.SchedulerConfig.class, Map.of());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, scheduler::maxConcurrency);
        assertEquals("SchedulerConfig.maxConcurrency() is not set in this test", e.getMessage());
    }
}

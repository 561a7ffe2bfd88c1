package io.torghut.prober.boot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of invalid value stops startup with a message naming the key, and no secret value ever appears in that
 * message. In process through {@link StartupConfig}; PackagedAppIT proves the same path in the packaged jar for a few.
 */
class InvalidConfigTableTest {
    static final String PG_SECRET = "Pg-S3cret-4471";
    static final String CH_SECRET = "Ch-S3cret-9313";
    static final String PAUSE_SECRET = "Pause-S3cret-2210";
    static final String GIT_SECRET = "Git-S3cret-6188";
    /** Set in every case, so that a message leaking any of them fails. */
    static final Map<String, String> SECRETS = Map.of("prober.clickhouse.password", CH_SECRET, "prober.pause.token", PAUSE_SECRET,
            "prober.gitops.token", GIT_SECRET);

    static final List<String> DURATION_KEYS = List.of("prober.torghut.healthz.interval", "prober.torghut.healthz.timeout",
            "prober.torghut.trading-health.interval", "prober.torghut.trading-health.timeout", "prober.clickhouse.interval",
            "prober.clickhouse.timeout", "prober.freshness.interval", "prober.freshness.timeout", "prober.postgres.interval",
            "prober.postgres.timeout", "prober.freshness.tables.ta_signals.max-age", "prober.policy.evaluate-every",
            "prober.kubernetes.interval", "prober.kubernetes.timeout", "prober.pause.auto-hold", "prober.pause.effective-deadline",
            "prober.pause.effective-check-every", "prober.pause.live-every", "prober.pause.retry-initial", "prober.pause.retry-for",
            "prober.pause.dedup-window", "prober.pause.kubernetes-timeout", "prober.pause.leader.duration",
            "prober.pause.leader.renew-deadline", "prober.pause.leader.retry-period", "prober.gitops.timeout", "prober.gitops.refresh-every",
            "prober.http.extra.interval", "prober.http.extra.timeout");

    static Map<String, String> valid() {
        Map<String, String> base = new java.util.HashMap<>(SECRETS);
        base.put("prober.http.extra.url", "http://127.0.0.1:9/health");
        return base;
    }

    @Test
    void theValidBaseStarts() {
        assertEquals(Optional.empty(), StartupConfig.problem(valid()));
        Map<String, String> trigger = valid();
        trigger.put("prober.pause.mode", "trigger");
        trigger.put("prober.gitops.repo-url", "https://github.com/example/gitops.git");
        assertEquals(Optional.empty(), StartupConfig.problem(trigger));
    }

    static Stream<Arguments> durations() {
        List<Arguments> cases = new ArrayList<>();
        for (String key : DURATION_KEYS) {
            for (String value : List.of("0s", "-5s", "garbage", "10 parsecs")) {
                cases.add(Arguments.of(key, value));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("durations")
    void everyDurationKeyRefusesZeroNegativeAndGarbage(String key, String value) {
        assertRefused(Map.of(key, value), key);
    }

    /** Every key that becomes a job of the scheduler, and so cannot be finer than its once-a-second look at its jobs. */
    static final List<String> INTERVAL_KEYS = List.of("prober.torghut.healthz.interval", "prober.torghut.trading-health.interval",
            "prober.clickhouse.interval", "prober.freshness.interval", "prober.postgres.interval", "prober.policy.evaluate-every",
            "prober.kubernetes.interval", "prober.http.extra.interval", "prober.gitops.refresh-every", "prober.pause.effective-check-every");

    static Stream<Arguments> subSecond() {
        List<Arguments> cases = new ArrayList<>();
        for (String key : INTERVAL_KEYS) {
            for (String value : List.of("500ms", "999ms", "1500ms", "PT2.25S")) {
                cases.add(Arguments.of(key, value));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("subSecond")
    void intervalsTheSchedulerCannotHonourAreRefusedNamingTheKey(String key, String value) {
        assertRefused(Map.of(key, value), key);
    }

    /** The whole startup path, with the exact line an operator reads. */
    @Test
    void aSubSecondIntervalIsRefusedWithAMessageThatNamesTheKeyAndWhy() {
        String why = "must be a whole number of seconds, at least 1s: the scheduler (quarkus-scheduler) looks at its jobs once a second";
        Map<String, String> kubernetes = valid();
        kubernetes.put("prober.kubernetes.interval", "300ms");
        assertEquals(Optional.of("invalid configuration prober.kubernetes.interval: " + why + " (got PT0.3S)\n"),
                StartupConfig.problem(kubernetes));
        Map<String, String> target = valid();
        target.put("prober.http.extra.interval", "500ms");
        assertEquals(Optional.of("invalid configuration prober.http.extra.interval: " + why + " (got PT0.5S)\n"),
                StartupConfig.problem(target));
        Map<String, String> wholeSeconds = valid();
        INTERVAL_KEYS.forEach(key -> wholeSeconds.put(key, "1s"));
        wholeSeconds.put("prober.http.extra.timeout", "300ms");
        assertEquals(Optional.empty(), StartupConfig.problem(wholeSeconds), "1 s intervals and sub-second timeouts start");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                // ints out of range
                Arguments.of(Map.of("prober.policy.failures-to-bad", "0"), "prober.policy.failures-to-bad"),
                Arguments.of(Map.of("prober.policy.failures-to-bad", "101"), "prober.policy.failures-to-bad"),
                Arguments.of(Map.of("prober.policy.successes-to-good", "-1"), "prober.policy.successes-to-good"),
                Arguments.of(Map.of("prober.policy.successes-to-good", "two"), "prober.policy.successes-to-good"),
                Arguments.of(Map.of("prober.scheduler.max-concurrency", "0"), "prober.scheduler.max-concurrency"),
                Arguments.of(Map.of("prober.scheduler.max-concurrency", "99999999999"), "prober.scheduler.max-concurrency"),
                Arguments.of(Map.of("prober.gitops.push-attempts", "0"), "prober.gitops.push-attempts"),
                Arguments.of(Map.of("prober.kubernetes.log-tail-lines", "-3"), "prober.kubernetes.log-tail-lines"),
                Arguments.of(Map.of("prober.http.extra.expected-status", "42"), "prober.http.extra.expected-status"),
                Arguments.of(Map.of("prober.http.extra.expected-status", "600"), "prober.http.extra.expected-status"),
                // session
                Arguments.of(Map.of("prober.session.zone", "Mars/Olympus_Mons"), "prober.session.zone"),
                Arguments.of(Map.of("prober.session.zone", "EST5EDT; rm -rf"), "prober.session.zone"),
                Arguments.of(Map.of("prober.session.days", "MONDAY,FUNDAY"), "prober.session.days"),
                Arguments.of(Map.of("prober.session.holidays", "2026-02-30"), "prober.session.holidays"),
                Arguments.of(Map.of("prober.session.holidays", "2026-12-25,christmas"), "prober.session.holidays"),
                Arguments.of(Map.of("prober.session.early-closes", "2026-12-30"), "prober.session.early-closes"),
                Arguments.of(Map.of("prober.session.early-closes", "2026-12-30T08:00"), "prober.session.early-closes"),
                Arguments.of(Map.of("prober.session.calendar-remove", "tomorrow"), "prober.session.calendar-remove"),
                Arguments.of(Map.of("prober.session.calendar", "/nonexistent/calendar.csv"), "prober.session.calendar"),
                Arguments.of(Map.of("prober.session.open", "25:00"), "prober.session.open"),
                Arguments.of(Map.of("prober.session.close", "4pm"), "prober.session.close"),
                Arguments.of(Map.of("prober.session.open", "16:00", "prober.session.close", "09:30"), "prober.session.open"),
                Arguments.of(Map.of("prober.session.open", "10:00", "prober.session.close", "10:00"), "prober.session.open"),
                // URLs
                Arguments.of(Map.of("prober.torghut.url", "torghut.torghut.svc"), "prober.torghut.url"),
                Arguments.of(Map.of("prober.torghut.url", "ftp://torghut"), "prober.torghut.url"),
                Arguments.of(Map.of("prober.clickhouse.url", "clickhouse:8123"), "prober.clickhouse.url"),
                Arguments.of(Map.of("prober.clickhouse.url", "http://[::1"), "prober.clickhouse.url"),
                Arguments.of(Map.of("prober.clickhouse.url", ""), "prober.clickhouse.url"),
                Arguments.of(Map.of("prober.clickhouse.url", "http://default:" + CH_SECRET + "@clickhouse:notaport"), "prober.clickhouse.url"),
                Arguments.of(Map.of("prober.http.extra.url", "127.0.0.1:9/health"), "prober.http.extra.url"),
                Arguments.of(Map.of("prober.http.extra.url", "gopher://x"), "prober.http.extra.url"),
                Arguments.of(Map.of("prober.pause.diagnose-url", "not a url"), "prober.pause.diagnose-url"),
                Arguments.of(Map.of("prober.gitops.repo-url", "ftp://github.com/example/gitops.git", "prober.pause.mode", "trigger"), "prober.gitops.repo-url"),
                Arguments.of(Map.of("prober.gitops.repo-url", "git@github.com:example/gitops.git", "prober.pause.mode", "trigger"), "prober.gitops.ssh-key-file"),
                // DSN forms
                Arguments.of(Map.of("prober.postgres.dsn", "postgresql://torghut:" + PG_SECRET + "@db:notaport/torghut"), "prober.postgres.dsn"),
                Arguments.of(Map.of("prober.postgres.dsn", "mysql://torghut:" + PG_SECRET + "@db/torghut"), "prober.postgres.dsn"),
                Arguments.of(Map.of("prober.postgres.dsn", "host=db password=" + PG_SECRET + " port=x"), "prober.postgres.dsn"),
                Arguments.of(Map.of("prober.postgres.dsn", "host=db password='" + PG_SECRET), "prober.postgres.dsn"),
                Arguments.of(Map.of("prober.postgres.dsn", "just some words " + PG_SECRET), "prober.postgres.dsn"),
                // identifiers and names
                Arguments.of(Map.of("prober.freshness.tables.ta_signals.table", "t; DROP TABLE x"), "prober.freshness.tables.ta_signals.table"),
                Arguments.of(Map.of("prober.freshness.tables.ta_signals.table", "torghut.ta_signals WHERE 1=1"), "prober.freshness.tables.ta_signals.table"),
                Arguments.of(Map.of("prober.freshness.tables.ta_signals.table", "a.b.c"), "prober.freshness.tables.ta_signals.table"),
                Arguments.of(Map.of("prober.freshness.tables.ta_signals.column", "event_ts) OR (1=1"), "prober.freshness.tables.ta_signals.column"),
                Arguments.of(Map.of("prober.freshness.tables.ta_signals.column", "`event_ts`"), "prober.freshness.tables.ta_signals.column"),
                Arguments.of(Map.of("prober.freshness.tables.\"Bad Name\".table", "torghut.x"), "prober.freshness.tables"),
                Arguments.of(Map.of("prober.http.\"UPPER\".url", "http://x"), "prober.http"),
                Arguments.of(Map.of("prober.http.clickhouse.url", "http://x"), "prober.http.clickhouse"),
                Arguments.of(Map.of("prober.freshness.tables.healthz.table", "torghut.x"), "prober.freshness.tables.healthz"),
                Arguments.of(Map.of("prober.target.namespace", "Torghut_NS"), "prober.target.namespace"),
                Arguments.of(Map.of("prober.target.service", "a;b"), "prober.target.service"),
                Arguments.of(Map.of("prober.target.cnpg-cluster", "-db"), "prober.target.cnpg-cluster"),
                Arguments.of(Map.of("prober.unknown-key", "1"), "prober.unknown-key"),
                // pause
                Arguments.of(Map.of("prober.pause.mode", "yolo"), "prober.pause.mode"),
                Arguments.of(Map.of("prober.pause.mode", "trigger", "prober.gitops.token", GIT_SECRET), "prober.gitops.repo-url"),
                Arguments.of(Map.of("prober.pause.mode", "trigger", "prober.gitops.repo-url", "https://github.com/example/gitops.git",
                        "prober.pause.token", ""), "prober.pause.token"),
                Arguments.of(Map.of("prober.pause.mode", "trigger", "prober.gitops.repo-url", "https://github.com/example/gitops.git",
                        "prober.gitops.token", ""), "prober.gitops.token"),
                Arguments.of(Map.of("prober.target.manifest-path", "/etc/passwd"), "prober.target.manifest-path"),
                Arguments.of(Map.of("prober.target.manifest-path", "../outside.yaml"), "prober.target.manifest-path"),
                Arguments.of(Map.of("prober.pause.leader.duration", "2s", "prober.pause.leader.renew-deadline", "2s"), "prober.pause.leader.duration"),
                Arguments.of(Map.of("prober.pause.leader.renew-deadline", "2s", "prober.pause.leader.retry-period", "2s"), "prober.pause.leader.renew-deadline"),
                // log signatures
                Arguments.of(Map.of("prober.kubernetes.log-signatures.mine.regex", "([unclosed"), "prober.kubernetes.log-signatures.mine.regex"),
                Arguments.of(Map.of("prober.kubernetes.log-signatures.mine.regex", "*oops"), "prober.kubernetes.log-signatures.mine.regex"),
                Arguments.of(Map.of("prober.kubernetes.log-signatures.mine.finding", "startup-crash"), "prober.kubernetes.log-signatures.mine.regex"),
                Arguments.of(Map.of("prober.kubernetes.log-signatures.mine.regex", "x", "prober.kubernetes.log-signatures.mine.finding",
                        "dependency-unreachable"), "prober.kubernetes.log-signatures.mine.dependency"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("invalid")
    void invalidValuesNameTheirKey(Map<String, String> overrides, String key) {
        assertRefused(overrides, key);
    }

    private static void assertRefused(Map<String, String> overrides, String key) {
        Map<String, String> config = valid();
        config.putAll(overrides);
        Optional<String> problem = StartupConfig.problem(config);
        assertTrue(problem.isPresent(), () -> overrides + " was accepted");
        String message = problem.get();
        assertTrue(message.contains(key), () -> "the message does not name " + key + ":\n" + message);
        for (String secret : List.of(PG_SECRET, CH_SECRET, PAUSE_SECRET, GIT_SECRET)) {
            assertFalse(message.contains(secret), () -> "a secret in the message:\n" + message.replace(secret, "<SECRET>"));
        }
    }
}

package io.torghut.prober.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A {@link ProberConfig} built from records, with the documented defaults, for tests without Quarkus. */
record TestConfig(Torghut torghut, ClickHouse clickhouse, Freshness freshness, Postgres postgres, Policy policy,
                  Session session, Scheduler scheduler, Map<String, HttpTarget> http) implements ProberConfig {

    record Sched(Duration interval, Duration timeout) implements ProbeSchedule {
    }

    record TorghutC(String url, ProbeSchedule healthz, ProbeSchedule tradingHealth) implements Torghut {
    }

    record ClickHouseC(String url, String username, Optional<String> password, Duration interval, Duration timeout)
            implements ClickHouse {
    }

    record TableC(String table, String column, Duration maxAge) implements Table {
    }

    record FreshnessC(Duration interval, Duration timeout, Map<String, Table> tables) implements Freshness {
    }

    record PostgresC(Optional<String> dsn, Duration interval, Duration timeout) implements Postgres {
    }

    record PolicyC(int failuresToBad, int successesToGood, Duration evaluateEvery) implements Policy {
    }

    record SessionC(ZoneId zone, LocalTime open, LocalTime close, Set<DayOfWeek> days, Optional<List<LocalDate>> holidays,
                    boolean alwaysOpen) implements Session {
    }

    record SchedulerC(int maxConcurrency) implements Scheduler {
    }

    record HttpTargetC(String url, Duration interval, Duration timeout, Optional<Integer> expectedStatus) implements HttpTarget {
    }

    static TestConfig defaults() {
        Sched torghut = new Sched(Duration.ofSeconds(10), Duration.ofSeconds(3));
        return new TestConfig(
                new TorghutC("http://torghut.torghut.svc.cluster.local", torghut, torghut),
                new ClickHouseC("http://torghut-clickhouse.torghut.svc.cluster.local:8123", "default", Optional.empty(),
                        Duration.ofSeconds(10), Duration.ofSeconds(3)),
                new FreshnessC(Duration.ofSeconds(15), Duration.ofSeconds(5), Map.of(
                        "ta_signals", new TableC("torghut.ta_signals", "event_ts", Duration.ofMinutes(5)),
                        "ta_microbars", new TableC("torghut.ta_microbars", "event_ts", Duration.ofMinutes(5)))),
                new PostgresC(Optional.empty(), Duration.ofSeconds(10), Duration.ofSeconds(5)),
                new PolicyC(2, 2, Duration.ofSeconds(1)),
                new SessionC(ZoneId.of("America/New_York"), LocalTime.of(9, 30), LocalTime.of(16, 0),
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Optional.empty(), false),
                new SchedulerC(32),
                Map.of());
    }

    TestConfig withTorghut(Torghut value) {
        return new TestConfig(value, clickhouse, freshness, postgres, policy, session, scheduler, http);
    }

    TestConfig withClickHouse(ClickHouse value) {
        return new TestConfig(torghut, value, freshness, postgres, policy, session, scheduler, http);
    }

    TestConfig withFreshness(Freshness value) {
        return new TestConfig(torghut, clickhouse, value, postgres, policy, session, scheduler, http);
    }

    TestConfig withPostgres(Postgres value) {
        return new TestConfig(torghut, clickhouse, freshness, value, policy, session, scheduler, http);
    }

    TestConfig withPolicy(Policy value) {
        return new TestConfig(torghut, clickhouse, freshness, postgres, value, session, scheduler, http);
    }

    TestConfig withSession(Session value) {
        return new TestConfig(torghut, clickhouse, freshness, postgres, policy, value, scheduler, http);
    }

    TestConfig withHttp(Map<String, HttpTarget> value) {
        return new TestConfig(torghut, clickhouse, freshness, postgres, policy, session, scheduler, value);
    }
}

package io.torghut.prober.feature.probe;

import io.torghut.prober.feature.verdict.session.SessionCalendar;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ProberConfig} and its parts for tests without Quarkus, as proxies answering from a map of method names.
 * Proxies rather than records implementing the interfaces: a key added to the config later does not break this
 * file, and a check that reads a value no test has set fails loudly with its name.
 */
public final class TestConfig {
    private TestConfig() {
    }

    public static <T> T fake(Class<T> type, Map<String, Object> values) {
        Map<String, Object> copy = Map.copyOf(values);
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> type.getSimpleName() + copy;
                };
            }
            if (copy.containsKey(method.getName())) {
                return copy.get(method.getName());
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName() + "() is not set in this test");
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    public static ProberConfig.ProbeSchedule schedule(Duration interval, Duration timeout) {
        return fake(ProberConfig.ProbeSchedule.class, Map.of("interval", interval, "timeout", timeout));
    }

    public static ProberConfig.Torghut torghut(ProberConfig.ProbeSchedule healthz, ProberConfig.ProbeSchedule tradingHealth) {
        return fake(ProberConfig.Torghut.class, Map.of("url", "http://torghut.torghut.svc.cluster.local",
                "healthz", healthz, "tradingHealth", tradingHealth));
    }

    public static ProberConfig.ClickHouse clickhouse(String url, Optional<String> password, Duration interval, Duration timeout) {
        return fake(ProberConfig.ClickHouse.class, Map.of("url", url, "username", "default", "password", password,
                "interval", interval, "timeout", timeout));
    }

    public static ProberConfig.Table table(String table, Duration maxAge) {
        return fake(ProberConfig.Table.class, Map.of("table", table, "column", "event_ts", "maxAge", maxAge));
    }

    public static ProberConfig.Freshness freshness(Duration interval, Duration timeout, Map<String, ProberConfig.Table> tables) {
        return fake(ProberConfig.Freshness.class, Map.of("interval", interval, "timeout", timeout, "tables", tables));
    }

    public static ProberConfig.Postgres postgres(Optional<String> dsn, Duration interval, Duration timeout) {
        return fake(ProberConfig.Postgres.class, Map.of("dsn", dsn, "interval", interval, "timeout", timeout));
    }

    public static ProberConfig.Policy policy(Duration evaluateEvery) {
        return fake(ProberConfig.Policy.class, Map.of("failuresToBad", 2, "successesToGood", 2, "evaluateEvery", evaluateEvery));
    }

    public static ProberConfig.Session session(ZoneId zone, LocalTime open, LocalTime close, java.util.Set<DayOfWeek> days,
                                        boolean alwaysOpen) {
        return fake(ProberConfig.Session.class, Map.of("zone", zone, "open", open, "close", close, "days", days,
                "calendar", SessionCalendar.BUILT_IN, "holidays", Optional.empty(), "earlyCloses", Optional.empty(),
                "calendarRemove", Optional.empty(), "alwaysOpen", alwaysOpen));
    }

    public static ProberConfig.HttpTarget httpTarget(String url, Duration interval, Duration timeout) {
        return fake(ProberConfig.HttpTarget.class, Map.of("url", url, "interval", interval, "timeout", timeout,
                "expectedStatus", Optional.empty()));
    }

    /** The documented defaults. */
    public static Map<String, Object> defaults() {
        ProberConfig.ProbeSchedule torghut = schedule(Duration.ofSeconds(10), Duration.ofSeconds(3));
        Map<String, Object> values = new HashMap<>();
        values.put("torghut", torghut(torghut, torghut));
        values.put("clickhouse", clickhouse("http://torghut-clickhouse.torghut.svc.cluster.local:8123", Optional.empty(),
                Duration.ofSeconds(10), Duration.ofSeconds(3)));
        values.put("freshness", freshness(Duration.ofSeconds(15), Duration.ofSeconds(5), Map.of(
                "ta_signals", table("torghut.ta_signals", Duration.ofMinutes(5)),
                "ta_microbars", table("torghut.ta_microbars", Duration.ofMinutes(5)))));
        values.put("postgres", postgres(Optional.empty(), Duration.ofSeconds(10), Duration.ofSeconds(5)));
        values.put("policy", policy(Duration.ofSeconds(1)));
        values.put("session", session(ZoneId.of("America/New_York"), LocalTime.of(9, 30), LocalTime.of(16, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), false));
        values.put("scheduler", fake(ProberConfig.Scheduler.class, Map.of("maxConcurrency", 32)));
        values.put("http", Map.of());
        return values;
    }

    public static ProberConfig config() {
        return fake(ProberConfig.class, defaults());
    }

    /** The defaults with one part replaced. */
    public static ProberConfig with(String part, Object value) {
        Map<String, Object> values = defaults();
        values.put(part, value);
        return fake(ProberConfig.class, values);
    }
}

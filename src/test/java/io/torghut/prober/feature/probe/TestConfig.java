package io.torghut.prober.feature.probe;

import io.torghut.prober.feature.probe.clickhouse.ClickHouseConfig;
import io.torghut.prober.feature.probe.clickhouse.FreshnessConfig;
import io.torghut.prober.feature.probe.http.HttpTargetsConfig;
import io.torghut.prober.feature.probe.http.TorghutConfig;
import io.torghut.prober.feature.probe.postgres.PostgresConfig;
import io.torghut.prober.feature.signal.PolicyConfig;
import io.torghut.prober.feature.verdict.session.SessionCalendar;
import io.torghut.prober.feature.verdict.session.SessionConfig;
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
 * The probes' configuration mappings for tests without Quarkus, as proxies answering from a map of method names.
 * Proxies rather than records implementing the interfaces: a key added to the config later does not break this
 * file, and a check that reads a value no test has set fails loudly with its name.
 */
public final class TestConfig {
    private TestConfig() {
    }

    /** Every mapping the probes and the verdict read, as startup sees them. */
    public record Parts(TorghutConfig torghut, ClickHouseConfig clickhouse, FreshnessConfig freshness, PostgresConfig postgres,
                        PolicyConfig policy, SessionConfig session, HttpTargetsConfig http) {
        static Parts of(Map<String, Object> values) {
            return new Parts((TorghutConfig) values.get("torghut"), (ClickHouseConfig) values.get("clickhouse"),
                    (FreshnessConfig) values.get("freshness"), (PostgresConfig) values.get("postgres"),
                    (PolicyConfig) values.get("policy"), (SessionConfig) values.get("session"), (HttpTargetsConfig) values.get("http"));
        }
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

    public static DefaultSchedule schedule(Duration interval, Duration timeout) {
        return fake(DefaultSchedule.class, Map.of("interval", interval, "timeout", timeout));
    }

    public static TorghutConfig torghut(DefaultSchedule healthz, DefaultSchedule tradingHealth) {
        return fake(TorghutConfig.class, Map.of("url", "http://torghut.torghut.svc.cluster.local",
                "healthz", healthz, "tradingHealth", tradingHealth));
    }

    public static ClickHouseConfig clickhouse(String url, Optional<String> password, Duration interval, Duration timeout) {
        return fake(ClickHouseConfig.class, Map.of("url", url, "username", "default", "password", password,
                "interval", interval, "timeout", timeout));
    }

    public static FreshnessConfig.Table table(String table, Duration maxAge) {
        return fake(FreshnessConfig.Table.class, Map.of("table", table, "column", "event_ts", "maxAge", maxAge));
    }

    public static FreshnessConfig freshness(Duration interval, Duration timeout, Map<String, FreshnessConfig.Table> tables) {
        return fake(FreshnessConfig.class, Map.of("interval", interval, "timeout", timeout, "tables", tables));
    }

    public static PostgresConfig postgres(Optional<String> dsn, Duration interval, Duration timeout) {
        return fake(PostgresConfig.class, Map.of("dsn", dsn, "interval", interval, "timeout", timeout));
    }

    public static PolicyConfig policy(Duration evaluateEvery) {
        return fake(PolicyConfig.class, Map.of("failuresToBad", 2, "successesToGood", 2, "evaluateEvery", evaluateEvery));
    }

    public static SessionConfig session(ZoneId zone, LocalTime open, LocalTime close, java.util.Set<DayOfWeek> days,
                                        boolean alwaysOpen) {
        return fake(SessionConfig.class, Map.of("zone", zone, "open", open, "close", close, "days", days,
                "calendar", SessionCalendar.BUILT_IN, "holidays", Optional.empty(), "earlyCloses", Optional.empty(),
                "calendarRemove", Optional.empty(), "alwaysOpen", alwaysOpen));
    }

    public static HttpTargetsConfig.Target httpTarget(String url, Duration interval, Duration timeout) {
        return fake(HttpTargetsConfig.Target.class, Map.of("url", url, "interval", interval, "timeout", timeout,
                "expectedStatus", Optional.empty()));
    }

    public static HttpTargetsConfig http(Map<String, HttpTargetsConfig.Target> targets) {
        return fake(HttpTargetsConfig.class, Map.of("targets", targets));
    }

    /** The documented defaults. */
    public static Map<String, Object> defaults() {
        DefaultSchedule torghut = schedule(Duration.ofSeconds(10), Duration.ofSeconds(3));
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
        values.put("http", http(Map.of()));
        return values;
    }

    public static Parts config() {
        return Parts.of(defaults());
    }

    /** The defaults with one part replaced; an HTTP target map stands for {@code http}. */
    @SuppressWarnings("unchecked")
    public static Parts with(String part, Object value) {
        Map<String, Object> values = defaults();
        values.put(part, part.equals("http") && value instanceof Map<?, ?> map ? http((Map<String, HttpTargetsConfig.Target>) map) : value);
        return Parts.of(values);
    }
}

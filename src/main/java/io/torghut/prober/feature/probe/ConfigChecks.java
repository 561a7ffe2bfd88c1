package io.torghut.prober.feature.probe;

import io.torghut.prober.adapter.clock.Resolution;
import io.torghut.prober.shared.ConfigProblem;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks that span keys or that annotations cannot express; each failure names the key. */
public final class ConfigChecks {
    private ConfigChecks() {
    }

    public static void check(ProberConfig config) {
        schedule("prober.torghut.healthz", config.torghut().healthz());
        schedule("prober.torghut.trading-health", config.torghut().tradingHealth());
        schedule("prober.clickhouse", config.clickhouse());
        schedule("prober.freshness", config.freshness());
        schedule("prober.postgres", config.postgres());
        config.http().forEach((name, target) -> schedule("prober.http." + name, target));
        for (Map.Entry<String, ProberConfig.Table> table : config.freshness().tables().entrySet()) {
            positive("prober.freshness.tables." + table.getKey() + ".max-age", table.getValue().maxAge());
        }
        // Signals are keyed by name (store, metrics labels, runner): two probes with one name would feed one signal.
        Set<String> names = new HashSet<>(BUILT_IN_SIGNALS);
        config.freshness().tables().keySet().forEach(name -> unique(names, "prober.freshness.tables." + name, name));
        config.http().keySet().forEach(name -> unique(names, "prober.http." + name, name));
        cadence("prober.policy.evaluate-every", config.policy().evaluateEvery());
        ProberConfig.Session session = config.session();
        if (!session.alwaysOpen() && !session.open().isBefore(session.close())) {
            throw new ConfigProblem("prober.session.open", "must be before prober.session.close (" + session.close() + ")");
        }
        if (session.days().isEmpty()) {
            throw new ConfigProblem("prober.session.days", "must name at least one day");
        }
    }

    /** The core probes' signal names; configured tables and HTTP targets must use others. */
    static final List<String> BUILT_IN_SIGNALS = List.of("healthz", "trading-health", "clickhouse", "postgres");

    private static void unique(Set<String> names, String key, String name) {
        if (!names.add(name)) {
            throw new ConfigProblem(key, "the signal name '" + name + "' is already taken by another probe");
        }
    }

    private static void schedule(String prefix, ProberConfig.Schedule schedule) {
        cadence(prefix + ".interval", schedule.interval());
        positive(prefix + ".timeout", schedule.timeout());
        if (schedule.timeout().compareTo(Duration.ofMillis(10)) < 0) {
            throw new ConfigProblem(prefix + ".timeout", "must be at least 10ms");
        }
    }

    /**
     * A period that becomes a job of the scheduler: positive, and one the scheduler can honour (whole seconds); a
     * sub-second interval would silently run once a second.
     */
    public static void cadence(String key, Duration value) {
        positive(key, value);
        Resolution.problem(value).ifPresent(problem -> {
            throw new ConfigProblem(key, problem);
        });
    }

    private static void positive(String key, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new ConfigProblem(key, "must be a positive duration (got " + value + ")");
        }
    }
}

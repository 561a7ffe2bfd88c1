package io.torghut.prober.feature.probe.registry;

import io.torghut.prober.feature.probe.ScheduledProbe;
import io.torghut.prober.feature.probe.clickhouse.FreshnessConfig;
import io.torghut.prober.feature.probe.http.HttpTargetsConfig;
import io.torghut.prober.shared.ConfigProblem;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Signals are keyed by name (store, metrics labels, runner): two probes with one name would feed one signal. Configured
 * names (freshness tables, HTTP targets) are refused at startup naming their key; a built probe that still repeats a
 * name is a bug.
 */
final class SignalNames {
    /** The core probes' signal names; configured tables and HTTP targets must use others. */
    static final List<String> BUILT_IN = List.of("healthz", "trading-health", "clickhouse", "postgres");

    private SignalNames() {
    }

    static void checkConfigured(FreshnessConfig freshness, HttpTargetsConfig http) {
        Set<String> names = new HashSet<>(BUILT_IN);
        freshness.tables().keySet().forEach(name -> unique(names, "prober.freshness.tables." + name, name));
        http.targets().keySet().forEach(name -> unique(names, "prober.http." + name, name));
    }

    private static void unique(Set<String> names, String key, String name) {
        if (!names.add(name)) {
            throw new ConfigProblem(key, "the signal name '" + name + "' is already taken by another probe");
        }
    }

    static void requireUnique(List<ScheduledProbe> probes) {
        Set<String> names = new HashSet<>();
        for (ScheduledProbe probe : probes) {
            if (!names.add(probe.name())) {
                throw new IllegalStateException("two probes are named '" + probe.name() + "'");
            }
        }
    }
}

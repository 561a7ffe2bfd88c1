package io.torghut.prober.feature.probe.registry;

import io.quarkus.arc.DefaultBean;
import io.torghut.prober.adapter.clock.Jobs;
import io.torghut.prober.adapter.postgres.PostgresDsn;
import io.torghut.prober.feature.probe.ObservationSink;
import io.torghut.prober.feature.probe.ObservationsFirst;
import io.torghut.prober.feature.probe.ProbeRunner;
import io.torghut.prober.feature.probe.ScheduledProbe;
import io.torghut.prober.feature.probe.SchedulerConfig;
import io.torghut.prober.feature.probe.clickhouse.ClickHouseConfig;
import io.torghut.prober.feature.probe.clickhouse.ClickHouseProbes;
import io.torghut.prober.feature.probe.clickhouse.FreshnessConfig;
import io.torghut.prober.feature.probe.http.HttpProbes;
import io.torghut.prober.feature.probe.http.HttpTargetsConfig;
import io.torghut.prober.feature.probe.kubernetes.KubernetesProbes;
import io.torghut.prober.feature.probe.postgres.PostgresConfig;
import io.torghut.prober.feature.probe.postgres.PostgresProbes;
import io.torghut.prober.feature.signal.SignalStore;
import io.torghut.prober.feature.verdict.TradingStateSource;
import io.torghut.prober.shared.Redactor;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The probe registry: every probe, from the producers of its kind (probe/http, probe/clickhouse, probe/postgres,
 * probe/kubernetes), in one runner; the clock and the redactor (which learns the probes' secrets) the rest share.
 * Invalid values stop startup with a message naming the key; a missing DSN does not (the prober must start with nothing
 * reachable and report the signal as down).
 */
public class ProbeProducers {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    Redactor redactor(ClickHouseConfig clickhouse, PostgresConfig postgres) {
        Redactor redactor = new Redactor();
        clickhouse.password().ifPresent(redactor::add);
        postgres.dsn().ifPresent(dsn -> {
            redactor.add(dsn);
            try {
                PostgresDsn.parse(dsn).password().ifPresent(redactor::add);
            } catch (IllegalArgumentException invalid) {
                // reported when the probe is built
            }
        });
        return redactor;
    }

    /** Until the live Knative revision or the GitOps manifest is read, trading is assumed enabled (the safe side). */
    @Produces
    @Singleton
    @DefaultBean
    TradingStateSource tradingState() {
        return new TradingStateSource() {
            @Override
            public Optional<Boolean> tradingEnabled() {
                return Optional.empty();
            }

            @Override
            public String describe() {
                return "not read (assumed enabled)";
            }
        };
    }

    @Produces
    @Singleton
    ProbeRunner runner(SchedulerConfig scheduler, HttpProbes http, ClickHouseProbes clickhouse, PostgresProbes postgres,
                       KubernetesProbes kubernetes, FreshnessConfig freshness, HttpTargetsConfig targets, SignalStore store,
                       Clock clock, Redactor redactor, Instance<ObservationSink> observations, Jobs jobs) {
        SignalNames.checkConfigured(freshness, targets);
        List<ScheduledProbe> probes = probes(http, clickhouse, postgres);
        probes.addAll(kubernetes.probes());
        SignalNames.requireUnique(probes);
        for (ScheduledProbe probe : probes) {
            store.register(probe.name(), probe.spec().role(), probe.spec().maxAge());
        }
        return new ProbeRunner(probes, new ObservationsFirst(observations.stream().toList(), store), clock, redactor,
                scheduler.maxConcurrency(), jobs);
    }

    /** The probes that need no cluster, in the order /diagnose lists them: Torghut, ClickHouse, Postgres, extra targets. */
    public static List<ScheduledProbe> probes(HttpProbes http, ClickHouseProbes clickhouse, PostgresProbes postgres) {
        List<ScheduledProbe> probes = new ArrayList<>(http.torghut());
        probes.addAll(clickhouse.probes());
        probes.addAll(postgres.probes());
        probes.addAll(http.targets());
        return probes;
    }
}

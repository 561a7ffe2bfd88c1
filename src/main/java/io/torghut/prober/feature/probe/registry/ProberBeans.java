package io.torghut.prober.feature.probe.registry;

import io.quarkus.arc.DefaultBean;
import io.torghut.prober.adapter.clickhouse.ClickHouseClient;
import io.torghut.prober.adapter.clickhouse.ClickHouseEndpoint;
import io.torghut.prober.adapter.clock.Jobs;
import io.torghut.prober.adapter.http.HttpFetcher;
import io.torghut.prober.adapter.postgres.PostgresChecker;
import io.torghut.prober.adapter.postgres.PostgresDsn;
import io.torghut.prober.adapter.postgres.PostgresTarget;
import io.torghut.prober.feature.probe.ConfigChecks;
import io.torghut.prober.feature.probe.ObservationSink;
import io.torghut.prober.feature.probe.ObservationsFirst;
import io.torghut.prober.feature.probe.Probe;
import io.torghut.prober.feature.probe.ProbeContributor;
import io.torghut.prober.feature.probe.ProbeRunner;
import io.torghut.prober.feature.probe.ProbeSpec;
import io.torghut.prober.feature.probe.ProberConfig;
import io.torghut.prober.feature.probe.ScheduledProbe;
import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.feature.probe.clickhouse.ClickHouseProbe;
import io.torghut.prober.feature.probe.clickhouse.FreshnessProbe;
import io.torghut.prober.feature.probe.http.HttpStatusProbe;
import io.torghut.prober.feature.probe.http.TradingHealthProbe;
import io.torghut.prober.feature.probe.postgres.PostgresProbe;
import io.torghut.prober.feature.signal.Hysteresis;
import io.torghut.prober.feature.signal.SignalStore;
import io.torghut.prober.feature.verdict.Policy;
import io.torghut.prober.feature.verdict.TradingStateSource;
import io.torghut.prober.feature.verdict.session.SessionCalendar;
import io.torghut.prober.shared.ConfigProblem;
import io.torghut.prober.shared.Redactor;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the probe graph from configuration. Invalid values stop startup with a message naming the key; a missing
 * DSN does not (the prober must start with nothing reachable and report the signal as down).
 */
public class ProberBeans {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    Redactor redactor(ProberConfig config) {
        Redactor redactor = new Redactor();
        config.clickhouse().password().ifPresent(redactor::add);
        config.postgres().dsn().ifPresent(dsn -> {
            redactor.add(dsn);
            try {
                PostgresDsn.parse(dsn).password().ifPresent(redactor::add);
            } catch (IllegalArgumentException invalid) {
                // reported when the probe is built
            }
        });
        return redactor;
    }

    @Produces
    @Singleton
    SignalStore store(ProberConfig config) {
        return new SignalStore(new Hysteresis(config.policy().failuresToBad(), config.policy().successesToGood()));
    }

    @Produces
    @Singleton
    Policy policy(ProberConfig config) {
        return new Policy(SessionCalendar.session(config.session()));
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
    ProbeRunner runner(ProberConfig config, HttpFetcher http, SignalStore store, Clock clock, Redactor redactor,
                       Instance<ProbeContributor> contributors, Instance<ObservationSink> observations, Jobs jobs) {
        ConfigChecks.check(config);
        List<ScheduledProbe> probes = probes(config, http);
        for (ProbeContributor contributor : contributors) {
            probes.addAll(contributor.probes());
        }
        requireUniqueNames(probes);
        for (ScheduledProbe probe : probes) {
            store.register(probe.name(), probe.spec().role(), probe.spec().maxAge());
        }
        return new ProbeRunner(probes, new ObservationsFirst(observations.stream().toList(), store), clock, redactor,
                config.scheduler().maxConcurrency(), jobs);
    }

    /** A contributed probe reusing a name would silently share (and overwrite) another probe's signal. */
    public static void requireUniqueNames(List<ScheduledProbe> probes) {
        Set<String> names = new HashSet<>();
        for (ScheduledProbe probe : probes) {
            if (!names.add(probe.name())) {
                throw new IllegalStateException("two probes are named '" + probe.name() + "'");
            }
        }
    }

    public static List<ScheduledProbe> probes(ProberConfig config, HttpFetcher http) {
        List<ScheduledProbe> probes = new ArrayList<>();
        ProberConfig.Torghut torghut = config.torghut();
        URI base = URI.create(torghut.url().replaceAll("/+$", "") + "/");
        probes.add(scheduled("healthz", SignalRole.SERVICE, torghut.healthz(),
                new HttpStatusProbe(base.resolve("healthz"), Optional.empty(), http)));
        probes.add(scheduled("trading-health", SignalRole.TRADING, torghut.tradingHealth(),
                new TradingHealthProbe(base.resolve("trading/health"), http)));

        ClickHouseEndpoint endpoint;
        try {
            endpoint = ClickHouseEndpoint.parse(config.clickhouse().url());
        } catch (IllegalArgumentException e) {
            throw new ConfigProblem("prober.clickhouse.url (TA_CLICKHOUSE_URL)", e.getMessage());
        }
        ClickHouseClient clickhouse = new ClickHouseClient(endpoint, config.clickhouse().username(),
                config.clickhouse().password(), http);
        probes.add(scheduled("clickhouse", SignalRole.DEPENDENCY, config.clickhouse(), new ClickHouseProbe(clickhouse)));
        ProberConfig.Freshness freshness = config.freshness();
        new TreeMap<>(freshness.tables()).forEach((name, table) -> probes.add(new ScheduledProbe(
                ProbeSpec.freshness(name, table.maxAge(), freshness.interval(), freshness.timeout()),
                new FreshnessProbe(table.table(), table.column(), table.maxAge(), clickhouse))));

        probes.add(scheduled("postgres", SignalRole.DEPENDENCY, config.postgres(), postgresProbe(config.postgres())));
        new TreeMap<>(config.http()).forEach((name, target) -> probes.add(scheduled(name, SignalRole.EXTRA, target,
                new HttpStatusProbe(URI.create(target.url()), target.expectedStatus(), http))));
        return probes;
    }

    private static ScheduledProbe scheduled(String name, SignalRole role, ProberConfig.Schedule schedule, Probe probe) {
        return new ScheduledProbe(ProbeSpec.of(name, role, schedule.interval(), schedule.timeout()), probe);
    }

    private static Probe postgresProbe(ProberConfig.Postgres postgres) {
        Optional<PostgresTarget> target = Optional.empty();
        String problem = "DB_DSN is not set (prober.postgres.dsn): Postgres cannot be probed";
        if (postgres.dsn().isPresent()) {
            try {
                target = Optional.of(PostgresDsn.parse(postgres.dsn().get()));
            } catch (IllegalArgumentException e) {
                throw new ConfigProblem("prober.postgres.dsn (DB_DSN)", e.getMessage());
            }
        }
        return new PostgresProbe(target, problem, new PostgresChecker());
    }
}

package io.torghut.prober.feature.probe.registry;

import io.smallrye.config.SmallRyeConfig;
import io.torghut.prober.adapter.http.HttpFetcher;
import io.torghut.prober.feature.probe.ScheduledProbe;
import io.torghut.prober.feature.probe.TestConfig.Parts;
import io.torghut.prober.feature.probe.clickhouse.ClickHouseConfig;
import io.torghut.prober.feature.probe.clickhouse.ClickHouseProbes;
import io.torghut.prober.feature.probe.clickhouse.FreshnessConfig;
import io.torghut.prober.feature.probe.http.HttpProbes;
import io.torghut.prober.feature.probe.http.HttpTargetsConfig;
import io.torghut.prober.feature.probe.http.TorghutConfig;
import io.torghut.prober.feature.probe.postgres.PostgresConfig;
import io.torghut.prober.feature.probe.postgres.PostgresProbes;
import io.torghut.prober.feature.signal.PolicyConfig;
import io.torghut.prober.feature.verdict.VerdictProducers;
import io.torghut.prober.feature.verdict.session.SessionConfig;
import java.util.List;

/** What the producers of {@link ProbeProducers} check at startup, in their order, for tests without Quarkus. */
public final class ProbeChecks {
    private ProbeChecks() {
    }

    /** Signal names, the probes of every kind that needs no cluster, then the policy and the session. */
    public static List<ScheduledProbe> startup(Parts config, HttpFetcher http) {
        SignalNames.checkConfigured(config.freshness(), config.http());
        List<ScheduledProbe> probes = ProbeProducers.probes(new HttpProbes(config.torghut(), config.http(), http),
                new ClickHouseProbes(config.clickhouse(), config.freshness(), http), new PostgresProbes(config.postgres()));
        new VerdictProducers().policy(config.policy(), config.session());
        return probes;
    }

    public static List<ScheduledProbe> startup(SmallRyeConfig config, HttpFetcher http) {
        return startup(new Parts(config.getConfigMapping(TorghutConfig.class), config.getConfigMapping(ClickHouseConfig.class),
                config.getConfigMapping(FreshnessConfig.class), config.getConfigMapping(PostgresConfig.class),
                config.getConfigMapping(PolicyConfig.class), config.getConfigMapping(SessionConfig.class),
                config.getConfigMapping(HttpTargetsConfig.class)), http);
    }
}

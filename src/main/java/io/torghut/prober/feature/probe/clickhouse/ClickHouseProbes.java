package io.torghut.prober.feature.probe.clickhouse;

import io.torghut.prober.adapter.clickhouse.ClickHouseClient;
import io.torghut.prober.adapter.clickhouse.ClickHouseEndpoint;
import io.torghut.prober.adapter.http.HttpFetcher;
import io.torghut.prober.feature.probe.ProbeSpec;
import io.torghut.prober.feature.probe.ScheduleChecks;
import io.torghut.prober.feature.probe.ScheduledProbe;
import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.shared.ConfigProblem;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The ClickHouse probes: {@code clickhouse} itself, then one freshness probe per table, sharing one client. */
@Singleton
public class ClickHouseProbes {
    private final ClickHouseConfig clickhouse;
    private final FreshnessConfig freshness;
    private final HttpFetcher http;

    public ClickHouseProbes(ClickHouseConfig clickhouse, FreshnessConfig freshness, HttpFetcher http) {
        this.clickhouse = clickhouse;
        this.freshness = freshness;
        this.http = http;
    }

    public List<ScheduledProbe> probes() {
        ScheduleChecks.schedule("prober.clickhouse", clickhouse);
        ScheduleChecks.schedule("prober.freshness", freshness);
        ClickHouseEndpoint endpoint;
        try {
            endpoint = ClickHouseEndpoint.parse(clickhouse.url());
        } catch (IllegalArgumentException e) {
            throw new ConfigProblem("prober.clickhouse.url (TA_CLICKHOUSE_URL)", e.getMessage());
        }
        ClickHouseClient client = new ClickHouseClient(endpoint, clickhouse.username(), clickhouse.password(), http);
        List<ScheduledProbe> probes = new ArrayList<>();
        probes.add(new ScheduledProbe(ProbeSpec.of("clickhouse", SignalRole.DEPENDENCY, clickhouse), new ClickHouseProbe(client)));
        new TreeMap<>(freshness.tables()).forEach((name, table) -> {
            ConfigProblem.requirePositive("prober.freshness.tables." + name + ".max-age", table.maxAge());
            probes.add(new ScheduledProbe(ProbeSpec.freshness(name, table.maxAge(), freshness.interval(), freshness.timeout()),
                    new FreshnessProbe(table.table(), table.column(), table.maxAge(), client)));
        });
        return probes;
    }
}

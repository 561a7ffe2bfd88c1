package io.torghut.prober.feature.probe.http;

import io.torghut.prober.adapter.http.HttpFetcher;
import io.torghut.prober.feature.probe.ProbeSpec;
import io.torghut.prober.feature.probe.ScheduleChecks;
import io.torghut.prober.feature.probe.ScheduledProbe;
import io.torghut.prober.feature.probe.SignalRole;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The HTTP probes: Torghut's {@code healthz} and {@code trading-health}, and every extra target of {@code prober.http}. */
@Singleton
public class HttpProbes {
    private final TorghutConfig torghut;
    private final HttpTargetsConfig targets;
    private final HttpFetcher http;

    public HttpProbes(TorghutConfig torghut, HttpTargetsConfig targets, HttpFetcher http) {
        this.torghut = torghut;
        this.targets = targets;
        this.http = http;
    }

    /** {@code healthz} (role SERVICE) and {@code trading-health} (role TRADING). */
    public List<ScheduledProbe> torghut() {
        ScheduleChecks.schedule("prober.torghut.healthz", torghut.healthz());
        ScheduleChecks.schedule("prober.torghut.trading-health", torghut.tradingHealth());
        URI base = URI.create(torghut.url().replaceAll("/+$", "") + "/");
        return List.of(
                new ScheduledProbe(ProbeSpec.of("healthz", SignalRole.SERVICE, torghut.healthz()),
                        new HttpStatusProbe(base.resolve("healthz"), Optional.empty(), http)),
                new ScheduledProbe(ProbeSpec.of("trading-health", SignalRole.TRADING, torghut.tradingHealth()),
                        new TradingHealthProbe(base.resolve("trading/health"), http)));
    }

    /** One probe (role EXTRA) per extra target, by name. */
    public List<ScheduledProbe> targets() {
        List<ScheduledProbe> probes = new ArrayList<>();
        new TreeMap<>(targets.targets()).forEach((name, target) -> {
            ScheduleChecks.schedule("prober.http." + name, target);
            probes.add(new ScheduledProbe(ProbeSpec.of(name, SignalRole.EXTRA, target),
                    new HttpStatusProbe(URI.create(target.url()), target.expectedStatus(), http)));
        });
        return probes;
    }
}

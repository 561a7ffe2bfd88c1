package io.torghut.prober.feature.probe.kubernetes;

import io.torghut.prober.adapter.kubernetes.CnpgReader;
import io.torghut.prober.adapter.kubernetes.KnativeReader;
import io.torghut.prober.adapter.kubernetes.KubernetesFactory;
import io.torghut.prober.adapter.kubernetes.KubernetesConfig;
import io.torghut.prober.adapter.kubernetes.KubernetesConfigChecks;
import io.torghut.prober.adapter.kubernetes.KubernetesReads;
import io.torghut.prober.adapter.kubernetes.LogScanner;
import io.torghut.prober.adapter.kubernetes.LogSignatures;
import io.torghut.prober.feature.probe.ProbeSpec;
import io.torghut.prober.feature.probe.ScheduledProbe;
import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.feature.target.TargetConfig;
import io.torghut.prober.shared.Redactor;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * The Kubernetes probes, {@code knative} and {@code cnpg}, when the Kubernetes API is on ({@code prober.kubernetes.enabled});
 * the client is only created when they are.
 */
@Singleton
public class KubernetesProbes {
    /** API requests get a little less than the round's timeout so the reader reports the slow call itself. */
    private static final double REQUEST_SHARE = 0.8;
    private final KubernetesConfig config;
    private final TargetConfig target;
    private final KubernetesFactory client;
    private final Redactor redactor;
    private final Clock clock;

    public KubernetesProbes(KubernetesConfig config, TargetConfig target, KubernetesFactory client,
                            Redactor redactor, Clock clock) {
        this.config = config;
        this.target = target;
        this.client = client;
        this.redactor = redactor;
        this.clock = clock;
    }

    public List<ScheduledProbe> probes() {
        if (!config.on()) {
            return List.of();
        }
        KubernetesConfigChecks.check(config);
        int requestTimeout = (int) Math.max(100, config.timeout().toMillis() * REQUEST_SHARE);
        KubernetesReads reads = client.reads(target.namespace(), requestTimeout);
        LogScanner scanner = new LogScanner(LogSignatures.from(config.logSignatures()), redactor);
        KnativeReader knative = new KnativeReader(reads, target.service(), target.container(), config.logTailLines(),
                config.logMaxBytes(), config.podsPerRevision(), scanner, clock);
        return List.of(
                new ScheduledProbe(ProbeSpec.of("knative", SignalRole.SERVICE, config.interval(), config.timeout()),
                        new KnativeProbe(knative, target.podContainer(), config.rolloutGrace())),
                new ScheduledProbe(ProbeSpec.of("cnpg", SignalRole.DEPENDENCY, config.interval(), config.timeout()),
                        new CnpgProbe(new CnpgReader(reads, target.cnpgCluster(), clock))));
    }
}

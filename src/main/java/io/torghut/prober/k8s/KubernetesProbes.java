package io.torghut.prober.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.torghut.prober.core.Redactor;
import io.torghut.prober.probe.ProbeContributor;
import io.torghut.prober.probe.ProbeSpec;
import io.torghut.prober.probe.ScheduledProbe;
import io.torghut.prober.probe.SignalRole;
import io.torghut.prober.watched.Target;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * Contributes the {@code knative} and {@code cnpg} probes when {@code prober.kubernetes.enabled} (the default).
 * The Kubernetes client is only created when they are.
 */
@Singleton
public class KubernetesProbes implements ProbeContributor {
    /** API requests get a little less than the round's timeout so the reader reports the slow call itself. */
    private static final double REQUEST_SHARE = 0.8;
    private final KubernetesConfig config;
    private final Target target;
    private final Instance<KubernetesClient> client;
    private final Redactor redactor;
    private final Clock clock;

    public KubernetesProbes(KubernetesConfig config, Target target, Instance<KubernetesClient> client,
                            Redactor redactor, Clock clock) {
        this.config = config;
        this.target = target;
        this.client = client;
        this.redactor = redactor;
        this.clock = clock;
    }

    @Override
    public List<ScheduledProbe> probes() {
        if (!config.enabled()) {
            return List.of();
        }
        KubernetesConfigChecks.check(config);
        int requestTimeout = (int) Math.max(100, config.timeout().toMillis() * REQUEST_SHARE);
        KubernetesReads reads = new KubernetesReads(client.get(), target.namespace(), requestTimeout);
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

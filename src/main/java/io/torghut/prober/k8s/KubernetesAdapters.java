package io.torghut.prober.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Builds the pause's Kubernetes adapters (Argo CD sync, Events, Lease) from the one shared client, so that no package
 * but this one sees fabric8.
 */
@Singleton
public class KubernetesAdapters {
    private final KubernetesClient client;

    public KubernetesAdapters(KubernetesClient client) {
        this.client = client;
    }

    public ArgoCdSync argoCd(String namespace, String application, Duration timeout) {
        return new ArgoCdSync(client, namespace, application, timeout);
    }

    public PauseEvents events(String namespace, String service, String instance, Duration timeout, Clock clock, Executor writer) {
        return new PauseEvents(client, namespace, service, instance, timeout, clock, writer);
    }

    public LeaderElection leaderElection(String namespace, String lease, String identity, Duration duration, Duration renewDeadline,
                                         Duration retryPeriod) {
        return new LeaderElection(client, namespace, lease, identity, duration, renewDeadline, retryPeriod);
    }
}

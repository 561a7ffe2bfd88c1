package io.torghut.prober.adapter.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Builds the pause's Kubernetes adapters (Argo CD sync, Events, Lease) from the one shared client, so that no package
 * but this one sees the API. With {@code prober.kubernetes.enabled=false} there are none: the client is never built
 * (no token or kubeconfig is read) and not one request reaches whatever cluster the environment points at.
 */
@Singleton
public class KubernetesFactory {
    private final KubernetesConfig config;
    private final Instance<KubernetesClient> client;

    public KubernetesFactory(KubernetesConfig config, Instance<KubernetesClient> client) {
        this.config = config;
        this.client = client;
    }

    /** Whether the prober talks to the Kubernetes API at all ({@code prober.kubernetes.enabled}). */
    public boolean enabled() {
        return config.on();
    }

    public Optional<ArgoCdSync> argoCd(String namespace, String application, Duration timeout) {
        return client().map(c -> new ArgoCdSync(c, namespace, application, timeout));
    }

    public Optional<PauseEvents> events(String namespace, String service, String instance, Duration timeout, Clock clock, Executor writer) {
        return client().map(c -> new PauseEvents(c, namespace, service, instance, timeout, clock, writer));
    }

    public Optional<LeaderElection> leaderElection(String namespace, String lease, String identity, Duration duration,
                                                   Duration renewDeadline, Duration retryPeriod) {
        return client().map(c -> new LeaderElection(c, namespace, lease, identity, duration, renewDeadline, retryPeriod));
    }

    /** The read side for the probes' rounds, each request bounded by {@code requestTimeoutMillis}; only when enabled. */
    public KubernetesReads reads(String namespace, int requestTimeoutMillis) {
        return new KubernetesReads(client.get(), namespace, requestTimeoutMillis);
    }

    private Optional<KubernetesClient> client() {
        return config.on() ? Optional.of(client.get()) : Optional.empty();
    }
}

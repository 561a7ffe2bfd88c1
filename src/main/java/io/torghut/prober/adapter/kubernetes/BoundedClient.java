package io.torghut.prober.adapter.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import java.time.Duration;

/**
 * The one timeout model for every call the prober makes to the Kubernetes API: a client derived from the shared one
 * (same connections, same credentials) whose requests give up after {@code timeout} and are never retried. The
 * caller's schedule is the retry; fabric8's default backs off and retries 5xx and I/O failures up to 10 times.
 */
final class BoundedClient {
    /** Below this the API server cannot answer even on loopback. */
    static final Duration MIN_TIMEOUT = Duration.ofMillis(100);

    private BoundedClient() {
    }

    static KubernetesClient of(KubernetesClient base, Duration timeout) {
        int millis = (int) Math.max(MIN_TIMEOUT.toMillis(), Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        return base.newClient(new RequestConfigBuilder(base.getConfiguration().getRequestConfig())
                        .withRequestTimeout(millis).withRequestRetryBackoffLimit(0).build())
                .adapt(KubernetesClient.class);
    }
}

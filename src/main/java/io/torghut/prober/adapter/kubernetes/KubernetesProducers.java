package io.torghut.prober.adapter.kubernetes;

import io.fabric8.kubernetes.client.Config;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The fabric8 client's configuration. The Quarkus extension's own
 * {@code Config} (a default bean, replaced by this one) starts from {@code Config.autoConfigure}, which reads the
 * kubeconfig's current context; this one follows {@link ApiRoute}. The extension still builds the client from it
 * (its serialization and native registrations, and the test mock server's URL through
 * {@code prober.kubernetes.api-server-url}), and only when something first uses the client.
 */
public class KubernetesProducers {

    @Produces
    @Singleton
    Config kubernetesClientConfig(KubernetesConfig config) {
        return ApiRoute.config(ApiRoute.Settings.of(config), System.getenv());
    }
}

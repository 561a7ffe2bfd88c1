package io.torghut.prober.k8s;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** The shared holder of the latest observations, and the one API client (built only when something asks for it). */
public class KubernetesBeans {

    @Produces
    @Singleton
    KubernetesState kubernetesState() {
        return new KubernetesState();
    }

    @Produces
    @Singleton
    KubeApi kubeApi(KubernetesConfig config) {
        return new KubeApi(ApiEndpoint.resolve(config.apiServerUrl(), config.tokenFile().map(Path::of), config.caFile().map(Path::of),
                System.getenv()), config.timeout());
    }
}

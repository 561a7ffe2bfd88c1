package io.torghut.prober.k8s;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The shared holder of the latest observations. */
public class KubernetesBeans {

    @Produces
    @Singleton
    KubernetesState kubernetesState() {
        return new KubernetesState();
    }
}

package io.torghut.prober.feature.pause;

import io.torghut.prober.testsupport.ProberKeys;

/**
 * Trigger mode against a real bare git repository ({@link BareRepoResource}) with the Kubernetes API switched off,
 * while a kubeconfig (the mock server's) is there to be misused: the Lease asked for explicitly, a fixed instance id.
 */
public class KubernetesOffResource extends BareRepoResource {
    static final String INSTANCE = "kube-off-replica-1";

    @Override
    protected ProberKeys settings(ProberKeys triggerMode) {
        return triggerMode
                .kubernetesOff()
                .set("prober.pause.leader.enabled", "true")
                .set("prober.pause.instance-id", INSTANCE)
                .torghutAndClickHouseUnreachable();
    }
}

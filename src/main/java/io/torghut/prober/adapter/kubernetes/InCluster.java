package io.torghut.prober.adapter.kubernetes;

import java.util.Map;

/**
 * Whether this process runs in a Kubernetes pod: the kubelet sets {@code KUBERNETES_SERVICE_HOST} in every container.
 * The default of {@code prober.kubernetes.enabled} and {@code prober.pause.leader.enabled}, so that
 * {@code scripts/run.sh} on a laptop never reads (or takes a Lease in) whatever cluster a local kubeconfig points at.
 */
public final class InCluster {
    private InCluster() {
    }

    /** In a pod, by this environment. */
    public static boolean detected(Map<String, String> environment) {
        String host = environment.get("KUBERNETES_SERVICE_HOST");
        return host != null && !host.isBlank();
    }

    /** In a pod, by the process environment. */
    public static boolean here() {
        return detected(System.getenv());
    }
}

package io.torghut.prober.boot.config;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Defaults that depend on where the prober runs. Inside a Kubernetes pod ({@code KUBERNETES_SERVICE_HOST} is set by
 * the kubelet) the Kubernetes reads and the pause Lease are on; anywhere else they are off, so that
 * {@code scripts/run.sh} on a laptop never reads (or takes a Lease in) whatever cluster the local kubeconfig points
 * at. {@code PROBER_KUBERNETES_ENABLED=true} / {@code PROBER_PAUSE_LEADER_ENABLED=true} switch them on explicitly.
 * Ordinal 150: above the mappings' defaults, below application.properties (250) and the environment (300).
 */
public class InClusterDefaults implements ConfigSource {
    static final Set<String> KEYS = Set.of("prober.kubernetes.enabled", "prober.pause.leader.enabled");
    private final Map<String, String> environment;

    public InClusterDefaults() {
        this(System.getenv());
    }

    InClusterDefaults(Map<String, String> environment) {
        this.environment = environment;
    }

    /** True inside a pod: the kubelet sets KUBERNETES_SERVICE_HOST in every container. */
    boolean inCluster() {
        String host = environment.get("KUBERNETES_SERVICE_HOST");
        return host != null && !host.isBlank();
    }

    @Override
    public Set<String> getPropertyNames() {
        return KEYS;
    }

    @Override
    public String getValue(String name) {
        return KEYS.contains(name) ? Boolean.toString(inCluster()) : null;
    }

    @Override
    public String getName() {
        return "torghut-prober in-cluster defaults";
    }

    @Override
    public int getOrdinal() {
        return 150;
    }
}

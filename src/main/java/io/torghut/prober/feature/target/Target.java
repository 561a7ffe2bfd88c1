package io.torghut.prober.feature.target;

import io.torghut.prober.shared.model.ContainerChoice;
import java.util.Optional;

/**
 * The resolved target: every reader, the runbook text and the pause use these names, so /diagnose never prints one
 * namespace in one finding and another in the next.
 *
 * @param container the configured container, empty for {@link ContainerChoice}'s default rule
 */
public record Target(String namespace, String service, Optional<String> container, String cnpgCluster, String manifestPath) {

    /** The container's name in running pods: the configured one, else Knative's {@code user-container}. */
    public String podContainer() {
        return container.orElse(ContainerChoice.DEFAULT_NAME);
    }
}

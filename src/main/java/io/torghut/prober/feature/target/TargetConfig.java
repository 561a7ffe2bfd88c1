package io.torghut.prober.feature.target;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.torghut.prober.shared.Contract;
import io.torghut.prober.shared.model.ContainerChoice;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;

/**
 * What the prober watches and pauses, in one place; prefix {@code prober.target}. Every reader, the runbook's commands
 * and the pause use these names, so /diagnose never prints one namespace in one finding and another in the next.
 */
@ConfigMapping(prefix = "prober.target")
public interface TargetConfig {

    /** Namespace of Torghut and its database. */
    @WithDefault("torghut")
    @Pattern(regexp = DNS_LABEL, message = NAME_MESSAGE)
    String namespace();

    /** The Knative Service ({@code ksvc}). */
    @WithDefault("torghut")
    @Pattern(regexp = DNS_LABEL, message = NAME_MESSAGE)
    String service();

    /**
     * Torghut's container, in the manifest and in the live revisions. Default: the container named
     * {@code user-container}, else the one that declares a port, else the only one.
     */
    Optional<String> container();

    /** The CloudNativePG cluster ({@code clusters.postgresql.cnpg.io}). */
    @WithDefault("torghut-db")
    @Pattern(regexp = DNS_LABEL, message = NAME_MESSAGE)
    String cnpgCluster();

    /**
     * The Knative Service manifest in the GitOps repository: a path inside it ({@code GITOPS_MANIFEST_PATH}, which the
     * Deployment sets, is read too).
     */
    @WithDefault("${GITOPS_MANIFEST_PATH:" + Contract.MANIFEST_PATH + "}")
    String manifestPath();

    /** The container's name in running pods: the configured one, else Knative's {@code user-container}. */
    default String podContainer() {
        return container().orElse(ContainerChoice.DEFAULT_NAME);
    }

    String DNS_LABEL = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";
    String NAME_MESSAGE = "must be a Kubernetes name (lower-case letters, digits, '-')";
}

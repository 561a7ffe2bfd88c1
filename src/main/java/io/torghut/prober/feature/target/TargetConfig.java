package io.torghut.prober.feature.target;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;

/**
 * What the prober watches and pauses, in one place (env {@code PROBER_TARGET_*}). Each key replaces older ones that
 * said the same thing in several places; those still work for one release, with a warning at startup naming the key
 * to use instead.
 */
@ConfigMapping(prefix = "prober.target")
public interface TargetConfig {

    /** Namespace of Torghut and its database. Default {@code torghut}. Replaces {@code prober.kubernetes.namespace} and {@code prober.pause.knative.namespace}. */
    Optional<@Pattern(regexp = DNS_LABEL, message = NAME_MESSAGE) String> namespace();

    /** The Knative Service ({@code ksvc}). Default {@code torghut}. Replaces {@code prober.kubernetes.service} and {@code prober.pause.knative.service}. */
    Optional<@Pattern(regexp = DNS_LABEL, message = NAME_MESSAGE) String> service();

    /**
     * Torghut's container, in the manifest and in the live revisions. Default: the container named
     * {@code user-container}, else the one that declares a port, else the only one. Replaces
     * {@code prober.kubernetes.container} and {@code prober.gitops.container}.
     */
    Optional<String> container();

    /** The CloudNativePG cluster. Default {@code torghut-db}. Replaces {@code prober.kubernetes.cnpg-cluster}. */
    @WithName("cnpg-cluster")
    Optional<@Pattern(regexp = DNS_LABEL, message = NAME_MESSAGE) String> cnpgCluster();

    /**
     * The Knative Service manifest in the GitOps repository. Default
     * {@code argocd/applications/torghut/knative-service.yaml}. Replaces {@code prober.gitops.manifest-path}.
     */
    @WithName("manifest-path")
    Optional<String> manifestPath();

    String DNS_LABEL = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";
    String NAME_MESSAGE = "must be a Kubernetes name (lower-case letters, digits, '-')";
}

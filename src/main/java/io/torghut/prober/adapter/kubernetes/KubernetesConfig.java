package io.torghut.prober.adapter.kubernetes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Reading the runbook's Kubernetes objects (read-only), under the prefix {@code prober.kubernetes}. The prober's
 * ServiceAccount needs the Role in {@code k8s/base/role-torghut.yaml}; it never reads Secrets.
 */
@ConfigMapping(prefix = "prober.kubernetes")
public interface KubernetesConfig {

    /**
     * Whether the prober talks to the Kubernetes API at all: the Knative and CNPG probes, and the pause's Events, Argo CD
     * sync and Lease. Default: on in a pod, off elsewhere ({@link InCluster}). Read through {@link #on()}.
     */
    Optional<Boolean> enabled();

    /** {@link #enabled()}, else whether the prober runs in a pod. */
    default boolean on() {
        return enabled().orElseGet(InCluster::here);
    }

    /**
     * The API server, reached without credentials (outside a cluster: run {@code kubectl proxy} and set
     * {@code http://127.0.0.1:8001}). Default: none, and then inside a pod
     * {@code https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT} with the pod's ServiceAccount token and CA
     * ({@link ApiRoute}). Not together with {@link #context()}.
     */
    Optional<java.net.URI> apiServerUrl();

    /**
     * A kubeconfig context to use, by name. Default: none, and then no
     * kubeconfig is read at all, whatever {@code ~/.kube/config} or {@code $KUBECONFIG} hold: the prober never acts on a
     * cluster because a kubeconfig's current context happened to point at it.
     */
    Optional<String> context();

    /**
     * The kubeconfig file holding {@link #context()}. Default: the first file of {@code $KUBECONFIG}, else
     * {@code ~/.kube/config}. Read only when a context is named.
     */
    Optional<String> kubeconfig();

    /** How often the Knative and CNPG objects are read. */
    @WithDefault("15s")
    Duration interval();

    /** Hard limit for one round of reads (also each API request's timeout). */
    @WithDefault("5s")
    Duration timeout();

    /** Log lines read per container (current, and previous when it restarted). */
    @WithDefault("200")
    @Min(1) @Max(5000)
    int logTailLines();

    /** Most bytes read per log request, so one chatty pod cannot blow the heap. */
    @WithDefault("262144")
    @Min(1024) @Max(16777216)
    int logMaxBytes();

    /** Pods per revision whose logs are read (newest first). */
    @WithDefault("2")
    @Min(1) @Max(10)
    int podsPerRevision();

    /** A new revision that is still Unknown (deploying) gets this long before it is reported. */
    @WithDefault("3m")
    Duration rolloutGrace();

    /**
     * Extra or replacement log signatures, {@code prober.kubernetes.log-signatures.<id>.regex=...}. An id equal to a
     * built-in one (see {@code LogSignatures.defaults()}) replaces it; {@code enabled=false} removes it. Default: none
     * (the runbook's built-in signatures only).
     */
    Map<@Pattern(regexp = "[a-z][a-z0-9-]{0,62}", message = "must be lower-case letters, digits or '-'") String, @Valid Signature> logSignatures();

    /** One log signature. */
    interface Signature {
        /** Java regular expression, matched against each log line (find, not whole-line). Required. */
        Optional<String> regex();

        /**
         * The finding it feeds: {@code startup-crash} (procedure A), {@code dependency-unreachable} (A) or
         * {@code uuid-json-serialization} (B).
         */
        @WithDefault("startup-crash")
        @Pattern(regexp = "startup-crash|dependency-unreachable|uuid-json-serialization",
                message = "must be startup-crash, dependency-unreachable or uuid-json-serialization")
        String finding();

        /** For {@code dependency-unreachable}: which dependency, {@code postgres} or {@code clickhouse}. */
        Optional<@Pattern(regexp = "postgres|clickhouse", message = "must be postgres or clickhouse") String> dependency();

        /** {@code false} switches a built-in signature off. */
        @WithDefault("true")
        boolean enabled();
    }
}

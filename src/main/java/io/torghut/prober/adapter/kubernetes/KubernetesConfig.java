package io.torghut.prober.adapter.kubernetes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
     * sync and Lease. Default {@code true} in a pod, {@code false} elsewhere ({@code boot.config.InClusterDefaults}).
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The API server, reached without credentials (outside a cluster: run {@code kubectl proxy} and set
     * {@code http://127.0.0.1:8001}). Default: none, and then inside a pod
     * {@code https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT} with the pod's ServiceAccount token and CA
     * ({@link ApiRoute}). Not together with {@link #context()}.
     */
    @WithName("api-server-url")
    Optional<java.net.URI> apiServerUrl();

    /**
     * A kubeconfig context to use, by name (env {@code PROBER_KUBERNETES_CONTEXT}). Default: none, and then no
     * kubeconfig is read at all, whatever {@code ~/.kube/config} or {@code $KUBECONFIG} hold: the prober never acts on a
     * cluster because a kubeconfig's current context happened to point at it.
     */
    Optional<String> context();

    /**
     * The kubeconfig file holding {@link #context()}. Default: the first file of {@code $KUBECONFIG}, else
     * {@code ~/.kube/config}. Read only when a context is named.
     */
    Optional<String> kubeconfig();

    /** Namespace of Torghut and its database. Default {@code torghut}. */
    @WithDefault("torghut")
    @Pattern(regexp = DNS_LABEL, message = "must be a Kubernetes name (lower-case letters, digits, '-')")
    String namespace();

    /** The Knative service ({@code ksvc}). Default {@code torghut}. */
    @WithDefault("torghut")
    @Pattern(regexp = DNS_LABEL, message = "must be a Kubernetes name (lower-case letters, digits, '-')")
    String service();

    /** The CloudNativePG cluster ({@code clusters.postgresql.cnpg.io}). Default {@code torghut-db}. */
    @WithName("cnpg-cluster")
    @WithDefault("torghut-db")
    @Pattern(regexp = DNS_LABEL, message = "must be a Kubernetes name (lower-case letters, digits, '-')")
    String cnpgCluster();

    /** The application container in Torghut's pods (Knative names it {@code user-container}). Default {@code user-container}. */
    @WithDefault("user-container")
    @NotBlank
    String container();

    /** How often the Knative and CNPG objects are read. Default 15s. */
    @WithDefault("15s")
    Duration interval();

    /** Hard limit for one round of reads (also each API request's timeout). Default 5s. */
    @WithDefault("5s")
    Duration timeout();

    /** Log lines read per container (current, and previous when it restarted). Default 200. */
    @WithName("log-tail-lines")
    @WithDefault("200")
    @Min(1) @Max(5000)
    int logTailLines();

    /** Most bytes read per log request, so one chatty pod cannot blow the heap. Default 262144 (256 KiB). */
    @WithName("log-max-bytes")
    @WithDefault("262144")
    @Min(1024) @Max(16777216)
    int logMaxBytes();

    /** Pods per revision whose logs are read (newest first). Default 2. */
    @WithName("pods-per-revision")
    @WithDefault("2")
    @Min(1) @Max(10)
    int podsPerRevision();

    /** A new revision that is still Unknown (deploying) gets this long before it is reported. Default 3m. */
    @WithName("rollout-grace")
    @WithDefault("3m")
    Duration rolloutGrace();

    /**
     * Extra or replacement log signatures, {@code prober.kubernetes.log-signatures.<id>.regex=...}. An id equal to a
     * built-in one (see {@code LogSignatures.defaults()}) replaces it; {@code enabled=false} removes it. Default: none
     * (the runbook's built-in signatures only).
     */
    @WithName("log-signatures")
    Map<@Pattern(regexp = "[a-z][a-z0-9-]{0,62}", message = "must be lower-case letters, digits or '-'") String, @Valid Signature> logSignatures();

    /** One log signature. */
    interface Signature {
        /** Java regular expression, matched against each log line (find, not whole-line). Required. */
        Optional<String> regex();

        /**
         * The finding it feeds: {@code startup-crash} (procedure A), {@code dependency-unreachable} (A) or
         * {@code uuid-json-serialization} (B). Default {@code startup-crash}.
         */
        @WithDefault("startup-crash")
        @Pattern(regexp = "startup-crash|dependency-unreachable|uuid-json-serialization",
                message = "must be startup-crash, dependency-unreachable or uuid-json-serialization")
        String finding();

        /** For {@code dependency-unreachable}: which dependency, {@code postgres} or {@code clickhouse}. Default none. */
        Optional<@Pattern(regexp = "postgres|clickhouse", message = "must be postgres or clickhouse") String> dependency();

        /** {@code false} switches a built-in signature off. Default {@code true}. */
        @WithDefault("true")
        boolean enabled();
    }

    String DNS_LABEL = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";
}

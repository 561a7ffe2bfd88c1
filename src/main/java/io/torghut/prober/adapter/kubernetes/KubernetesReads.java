package io.torghut.prober.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of the Kubernetes API: read-only calls on one namespace through fabric8's generic resources (no typed
 * model class, so no model jar, is needed for Knative, CNPG or even pods), each with the prober's own request timeout
 * and no retries, every failure turned into a {@link ReadFailure} naming verb, resource and namespace. Objects come
 * back as untyped maps for the pure parsers. Secrets are never requested; nothing is watched.
 */
public class KubernetesReads {
    public static final ApiResource KSVC = new ApiResource("serving.knative.dev", "v1", "Service", "services");
    public static final ApiResource REVISIONS = new ApiResource("serving.knative.dev", "v1", "Revision", "revisions");
    public static final ApiResource CNPG = new ApiResource("postgresql.cnpg.io", "v1", "Cluster", "clusters");

    private final KubernetesClient client;
    private final String namespace;

    /** {@code requestTimeoutMillis} bounds every request; the probe's hard timeout bounds the round. */
    public KubernetesReads(KubernetesClient base, String namespace, int requestTimeoutMillis) {
        this.client = BoundedClient.of(base, Duration.ofMillis(requestTimeoutMillis));
        this.namespace = namespace;
    }

    public String namespace() {
        return namespace;
    }

    public Optional<Map<String, Object>> get(ApiResource type, String name) throws ReadFailure {
        GenericKubernetesResource found;
        try {
            found = client.genericKubernetesResources(type.context()).inNamespace(namespace).withName(name).get();
        } catch (RuntimeException e) {
            throw classify(e, "get", type.qualifiedName(), name);
        }
        if (found == null) {
            // get() answers null for any 404: "no such object" or "no such resource type". A list tells them apart.
            list(type, null);
            return Optional.empty();
        }
        return Optional.of(map(found));
    }

    public List<Map<String, Object>> list(ApiResource type, String labelSelector) throws ReadFailure {
        try {
            var op = client.genericKubernetesResources(type.context()).inNamespace(namespace);
            // Without a selector this only asks "is the type served?": one item is enough.
            return (labelSelector == null ? op.list(new ListOptionsBuilder().withLimit(1L).build())
                    : op.withLabelSelector(labelSelector).list()).getItems().stream().map(this::map).toList();
        } catch (RuntimeException e) {
            throw classify(e, "list", type.qualifiedName(), "");
        }
    }

    public List<Map<String, Object>> pods(String labelSelector) throws ReadFailure {
        return list(ApiResource.PODS, labelSelector);
    }

    /**
     * The namespace's Events matching a field selector ({@code involvedObject.name=<pod>}, or
     * {@code involvedObject.kind=ReplicaSet,reason=FailedCreate}), at most {@code limit}: one list request, no watch.
     */
    public List<Map<String, Object>> events(Map<String, String> fields, long limit) throws ReadFailure {
        try {
            return client.genericKubernetesResources(ApiResource.EVENTS.context()).inNamespace(namespace).withFields(fields)
                    .list(new ListOptionsBuilder().withLimit(limit).build()).getItems().stream().map(this::map).toList();
        } catch (RuntimeException e) {
            throw classify(e, "list", ApiResource.EVENTS.qualifiedName(), "");
        }
    }

    /**
     * The tail of a container's log, at most {@code maxBytes} (the API cuts it: {@code limitBytes}). A raw GET through
     * the client rather than fabric8's {@code getLog()}, which first watches the pod until it is ready (an informer,
     * and up to five seconds for a crash-looping pod that never is).
     *
     * @return the text, or empty when the API has no log for it (404, or 400 "container ... is waiting to start")
     */
    public Optional<String> log(String pod, String container, boolean previous, int tailLines, int maxBytes) throws ReadFailure {
        String path = ApiResource.PODS.path(namespace, pod) + "/log?container="
                + URLEncoder.encode(container, StandardCharsets.UTF_8) + "&tailLines=" + tailLines + "&limitBytes=" + maxBytes
                + (previous ? "&previous=true" : "");
        try {
            return Optional.ofNullable(client.raw(path, "GET", null));
        } catch (KubernetesClientException e) {
            if (e.getCode() == 400 || e.getCode() == 404) {
                return Optional.empty();
            }
            throw classify(e, "get", "pods/log", pod);
        } catch (RuntimeException e) {
            throw classify(e, "get", "pods/log", pod);
        }
    }

    /** The object as the untyped map the pure parsers read (metadata included). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> map(GenericKubernetesResource resource) {
        return client.getKubernetesSerialization().convertValue(resource, Map.class);
    }

    ReadFailure classify(RuntimeException e, String verb, String resource, String name) {
        return new ReadFailure(AccessClassifier.classify(e, verb, resource, name, namespace));
    }
}

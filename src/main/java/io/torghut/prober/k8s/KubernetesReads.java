package io.torghut.prober.k8s;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of the Kubernetes API: read-only calls on one namespace, each with the prober's own request timeout
 * and no retries, every failure turned into a {@link ReadFailure} naming verb, resource and namespace. Objects come
 * back as untyped maps. Secrets are never requested.
 */
public class KubernetesReads {
    public static final ApiResource KSVC = new ApiResource("serving.knative.dev", "v1", "services");
    public static final ApiResource REVISIONS = new ApiResource("serving.knative.dev", "v1", "revisions");
    public static final ApiResource CNPG = new ApiResource("postgresql.cnpg.io", "v1", "clusters");

    private final KubeApi api;
    private final String namespace;

    /** {@code requestTimeoutMillis} bounds every request; the probe's hard timeout bounds the round. */
    public KubernetesReads(KubeApi base, String namespace, int requestTimeoutMillis) {
        this.api = base.withTimeout(Duration.ofMillis(requestTimeoutMillis));
        this.namespace = namespace;
    }

    public String namespace() {
        return namespace;
    }

    public Optional<Map<String, Object>> get(ApiResource type, String name) throws ReadFailure {
        try {
            return Optional.of(KubeJson.object(api.get(type.path(namespace, name)), "get " + type.qualifiedName()));
        } catch (ApiException e) {
            if (e.code() != 404) {
                throw classify(e, "get", type.qualifiedName(), name);
            }
        }
        // A 404 is either "no such object" or "no such resource type": a list tells them apart.
        list(type, null);
        return Optional.empty();
    }

    public List<Map<String, Object>> list(ApiResource type, String labelSelector) throws ReadFailure {
        // Without a selector this only asks "is the type served?": one item is enough.
        return items(type, labelSelector, "list", type.qualifiedName());
    }

    public List<Map<String, Object>> pods(String labelSelector) throws ReadFailure {
        return items(ApiResource.PODS, labelSelector, "list", "pods");
    }

    private List<Map<String, Object>> items(ApiResource type, String labelSelector, String verb, String resource) throws ReadFailure {
        String query = labelSelector == null ? "?limit=1" : "?labelSelector=" + URLEncoder.encode(labelSelector, StandardCharsets.UTF_8);
        try {
            return KubeJson.items(api.get(type.path(namespace) + query), verb + " " + resource);
        } catch (ApiException e) {
            throw classify(e, verb, resource, "");
        }
    }

    /**
     * The tail of a container's log, at most {@code maxBytes} (the API cuts it: {@code limitBytes}).
     *
     * @return the text, or empty when the API has no log for it (404, or 400 "container ... is waiting to start")
     */
    public Optional<String> log(String pod, String container, boolean previous, int tailLines, int maxBytes) throws ReadFailure {
        String path = ApiResource.PODS.path(namespace, pod) + "/log?container="
                + URLEncoder.encode(container, StandardCharsets.UTF_8) + "&tailLines=" + tailLines + "&limitBytes=" + maxBytes
                + (previous ? "&previous=true" : "");
        try {
            return Optional.of(api.get(path));
        } catch (ApiException e) {
            if (e.code() == 400 || e.code() == 404) {
                return Optional.empty();
            }
            throw classify(e, "get", "pods/log", pod);
        }
    }

    ReadFailure classify(RuntimeException e, String verb, String resource, String name) {
        return new ReadFailure(AccessClassifier.classify(e, verb, resource, name, namespace));
    }
}

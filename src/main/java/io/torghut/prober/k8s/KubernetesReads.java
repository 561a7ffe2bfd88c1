package io.torghut.prober.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The only class that talks to the Kubernetes API: read-only calls on one namespace, each with the prober's own
 * request timeout and no retries, every failure turned into a {@link ReadFailure} naming verb, resource and namespace.
 * Secrets are never requested.
 */
public class KubernetesReads {
    public static final ResourceDefinitionContext KSVC = context("serving.knative.dev", "v1", "Service", "services");
    public static final ResourceDefinitionContext REVISIONS = context("serving.knative.dev", "v1", "Revision", "revisions");
    public static final ResourceDefinitionContext CNPG = context("postgresql.cnpg.io", "v1", "Cluster", "clusters");

    private final KubernetesClient client;
    private final String namespace;

    /** {@code requestTimeoutMillis} bounds every request; the probe's hard timeout bounds the round. */
    public KubernetesReads(KubernetesClient base, String namespace, int requestTimeoutMillis) {
        this.client = BoundedClient.of(base, java.time.Duration.ofMillis(requestTimeoutMillis));
        this.namespace = namespace;
    }

    public String namespace() {
        return namespace;
    }

    public Optional<GenericKubernetesResource> get(ResourceDefinitionContext type, String name) throws ReadFailure {
        GenericKubernetesResource found;
        try {
            found = client.genericKubernetesResources(type).inNamespace(namespace).withName(name).get();
        } catch (RuntimeException e) {
            throw classify(e, "get", resource(type), name);
        }
        if (found == null) {
            // get() answers null for any 404; a list tells "no such object" from "no such resource type".
            list(type, null);
        }
        return Optional.ofNullable(found);
    }

    public List<GenericKubernetesResource> list(ResourceDefinitionContext type, String labelSelector) throws ReadFailure {
        try {
            var op = client.genericKubernetesResources(type).inNamespace(namespace);
            // Without a selector this only asks "is the type served?": one item is enough.
            return (labelSelector == null ? op.list(new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withLimit(1L).build())
                    : op.withLabelSelector(labelSelector).list()).getItems();
        } catch (RuntimeException e) {
            throw classify(e, "list", resource(type), "");
        }
    }

    public List<Pod> pods(String labelSelector) throws ReadFailure {
        try {
            return client.pods().inNamespace(namespace).withLabelSelector(labelSelector).list().getItems();
        } catch (RuntimeException e) {
            throw classify(e, "list", "pods", "");
        }
    }

    /**
     * The tail of a container's log, at most {@code maxBytes}. Raw GET rather than fabric8's {@code getLog()}, which
     * first waits up to five seconds for the pod to become ready: a crashlooping pod never does.
     *
     * @return the text, or empty when the API has no log for it (404, or 400 "container ... is waiting to start")
     */
    public Optional<String> log(String pod, String container, boolean previous, int tailLines, int maxBytes) throws ReadFailure {
        String path = "/api/v1/namespaces/" + namespace + "/pods/" + pod + "/log?container="
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

    ReadFailure classify(RuntimeException e, String verb, String resource, String name) {
        return new ReadFailure(AccessClassifier.classify(e, verb, resource, name, namespace));
    }

    static String resource(ResourceDefinitionContext type) {
        return type.getPlural() + "." + type.getGroup();
    }

    private static ResourceDefinitionContext context(String group, String version, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }
}

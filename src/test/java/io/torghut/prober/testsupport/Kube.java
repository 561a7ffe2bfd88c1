package io.torghut.prober.testsupport;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.torghut.prober.k8s.ApiEndpoint;
import io.torghut.prober.k8s.ApiResource;
import io.torghut.prober.k8s.KubeApi;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Bridges the tests' fabric8 side (the mock API server and its client, which seed and inspect objects) and the
 * prober's own API client.
 */
public final class Kube {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Map<String, String> KINDS = Map.of("services", "Service", "revisions", "Revision", "clusters", "Cluster",
            "applications", "Application", "pods", "Pod", "events", "Event", "leases", "Lease");

    private Kube() {
    }

    /** The prober's client for the server {@code client} talks to (no credentials: the mock server takes none). */
    public static KubeApi api(KubernetesClient client) {
        return api(client, Duration.ofSeconds(10));
    }

    public static KubeApi api(KubernetesClient client, Duration timeout) {
        return new KubeApi(new ApiEndpoint(URI.create(client.getConfiguration().getMasterUrl()), Optional.empty(), Optional.empty()),
                timeout);
    }

    /** The fabric8 type of a prober resource, for seeding the mock server. */
    public static ResourceDefinitionContext type(ApiResource resource) {
        return new ResourceDefinitionContext.Builder().withGroup(resource.group()).withVersion(resource.version())
                .withPlural(resource.plural()).withKind(KINDS.get(resource.plural())).withNamespaced(true).build();
    }

    /** A fabric8 object as the untyped map the prober parses. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object resource) {
        return SERIALIZATION.convertValue(resource, Map.class);
    }
}

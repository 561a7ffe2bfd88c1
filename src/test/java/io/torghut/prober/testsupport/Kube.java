package io.torghut.prober.testsupport;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.torghut.prober.adapter.kubernetes.ApiResource;
import java.util.Map;

/** Bridges the tests' fabric8 side (the mock API server and its client, which seed and inspect objects) and the prober's types. */
public final class Kube {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Kube() {
    }

    /** The fabric8 type of a prober resource, for seeding the mock server. */
    public static ResourceDefinitionContext type(ApiResource resource) {
        return resource.context();
    }

    /** A fabric8 object as the untyped map the prober parses. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object resource) {
        return SERIALIZATION.convertValue(resource, Map.class);
    }
}

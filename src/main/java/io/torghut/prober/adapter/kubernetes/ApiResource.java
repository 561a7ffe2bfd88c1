package io.torghut.prober.adapter.kubernetes;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A namespaced resource type of the Kubernetes API, by group, version, kind and plural: what fabric8's generic resources
 * need ({@link #context()}), so that no typed model class (and no model jar) is needed for it. The core group is the
 * empty string.
 */
public record ApiResource(String group, String version, String kind, String plural) {
    public static final ApiResource PODS = new ApiResource("", "v1", "Pod", "pods");
    public static final ApiResource EVENTS = new ApiResource("", "v1", "Event", "events");

    /** fabric8's description of the type, for {@code genericKubernetesResources(...)}. */
    public ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind).withPlural(plural)
                .withNamespaced(true).build();
    }

    /** {@code /api[s]/<group>/<version>/namespaces/<namespace>/<plural>/<name>}: for the one sub-resource read raw (logs). */
    public String path(String namespace, String name) {
        return (group.isEmpty() ? "/api/" : "/apis/" + group + "/") + version + "/namespaces/" + segment(namespace) + "/" + plural
                + "/" + segment(name);
    }

    /** {@code plural.group}, the name RBAC rules and kubectl use. */
    public String qualifiedName() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** Names are validated DNS labels already; encoding keeps a hostile one from changing the path. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package io.torghut.prober.k8s;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A namespaced resource type of the Kubernetes API, by group, version and plural: enough to build its REST paths.
 * The core group is the empty string ({@code /api/v1}).
 */
public record ApiResource(String group, String version, String plural) {
    public static final ApiResource PODS = new ApiResource("", "v1", "pods");
    public static final ApiResource EVENTS = new ApiResource("", "v1", "events");
    public static final ApiResource LEASES = new ApiResource("coordination.k8s.io", "v1", "leases");

    /** {@code /apis/<group>/<version>/namespaces/<namespace>/<plural>}. */
    public String path(String namespace) {
        return (group.isEmpty() ? "/api/" : "/apis/" + group + "/") + version + "/namespaces/" + segment(namespace) + "/" + plural;
    }

    /** The path of one object. */
    public String path(String namespace, String name) {
        return path(namespace) + "/" + segment(name);
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

package io.torghut.prober.shared.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The prober could not read something from the Kubernetes API. Says exactly which request failed and what fixes it.
 *
 * @param kind      what went wrong
 * @param verb      {@code get}, {@code list}
 * @param resource  {@code services.serving.knative.dev}, {@code pods/log}, ...
 * @param name      the object's name, or empty for a list
 * @param namespace the namespace
 * @param detail    the API's own message (shortened), for the curious
 */
@RegisterForReflection
public record AccessProblem(Kind kind, String verb, String resource, String name, String namespace, String detail) {

    /** Bounded set of causes. */
    public enum Kind { UNAUTHORIZED, FORBIDDEN, NOT_FOUND, SERVER_ERROR, TIMEOUT, UNREACHABLE, OTHER }

    /** One line: what failed and what to do, e.g. the Role rule that is missing. */
    public String describe() {
        String what = verb + " " + resource + (name.isEmpty() ? "" : " " + name) + " in " + namespace;
        return switch (kind) {
            case FORBIDDEN -> "forbidden: " + what + " - the prober's Role needs " + ruleVerbs() + " on " + resource
                    + " (k8s/base/role-torghut.yaml)";
            case UNAUTHORIZED -> "unauthorized: " + what + " - the API server rejected the prober's credentials "
                    + "(ServiceAccount token missing or expired?)";
            case NOT_FOUND -> "not found: " + what + " - " + (name.isEmpty()
                    ? "the resource type is not served (CRD not installed?)"
                    : "the object does not exist, or its CRD is not installed");
            case SERVER_ERROR -> "API server error on " + what + ": " + detail;
            case TIMEOUT -> "timeout: " + what + " - the API server did not answer in time";
            case UNREACHABLE -> "unreachable: " + what + " - cannot connect to the Kubernetes API (" + detail + ")";
            case OTHER -> "failed: " + what + ": " + detail;
        };
    }

    private String ruleVerbs() {
        if (resource.endsWith("/log")) {
            return "get";
        }
        if ("events".equals(resource)) {
            return verb; // list to read why pods never started, create for the pause's audit: each in its own Role
        }
        return "get".equals(verb) || "list".equals(verb) ? "get/list/watch" : verb;
    }
}

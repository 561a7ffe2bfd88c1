package io.torghut.prober.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.torghut.prober.shared.model.AccessProblem;
import io.torghut.prober.shared.model.ArgoApplicationStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks Argo CD to sync the pause commit now, by merge-patching the Application's {@code operation} (what
 * {@code argocd app sync --revision} does) and its refresh annotation. Without it Argo CD still picks the commit up
 * when it next polls git (every few minutes): a failure here never undoes the commit.
 */
public final class ArgoCdSync {
    public static final ApiResource APPLICATIONS = new ApiResource("argoproj.io", "v1alpha1", "Application", "applications");
    static final String INITIATOR = "torghut-prober";
    private static final String RESOURCE = APPLICATIONS.qualifiedName();
    private final KubernetesClient client;
    private final String namespace;
    private final String application;

    /** @param timeout bounds the patch request (no retries: the pause's retry schedule asks again) */
    public ArgoCdSync(KubernetesClient client, String namespace, String application, Duration timeout) {
        this.client = BoundedClient.of(client, timeout);
        this.namespace = namespace;
        this.application = application;
    }

    public String application() {
        return application;
    }

    public String namespace() {
        return namespace;
    }

    /** What Argo CD said. {@code transientFailure} means: try again later (unreachable, timeout, 5xx). */
    public record Result(boolean requested, boolean transientFailure, String message) {
    }

    public Result sync(String revision, String reason) {
        String where = RESOURCE + "/" + application + " in namespace " + namespace;
        try {
            // A merge patch of the generic object (no Argo CD model class); fabric8 reads the Application first, so a
            // missing one is a 404 before anything is sent.
            client.genericKubernetesResources(APPLICATIONS.context()).inNamespace(namespace).withName(application)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), client.getKubernetesSerialization().asJson(patch(revision, reason)));
            return new Result(true, false, "sync of " + revision + " requested on " + where);
        } catch (RuntimeException e) {
            AccessProblem problem = AccessClassifier.classify(e, "patch", RESOURCE, application, namespace);
            return switch (problem.kind()) {
                case NOT_FOUND -> new Result(false, false, "no Argo CD application " + where
                        + " (Argo CD absent or misnamed: set ARGOCD_APPLICATION / ARGOCD_NAMESPACE); Argo CD will pick the commit up when it polls git");
                case UNAUTHORIZED, FORBIDDEN -> new Result(false, false, "not allowed to patch " + where
                        + " (RBAC: get/patch on applications.argoproj.io is needed); Argo CD will pick the commit up when it polls git");
                default -> new Result(false, true, "Argo CD unreachable (" + where + "): " + shortDetail(problem));
            };
        }
    }

    /** What Argo CD says of the Application now ({@code status.operationState}, {@code status.sync}); one bounded GET. */
    public Status status() {
        String where = RESOURCE + "/" + application + " in namespace " + namespace;
        try {
            GenericKubernetesResource app = client.genericKubernetesResources(APPLICATIONS.context()).inNamespace(namespace)
                    .withName(application).get();
            if (app == null) {
                return new Status(Optional.empty(), "no Argo CD application " + where);
            }
            Object status = app.getAdditionalProperties().get("status");
            return new Status(Optional.of(new ArgoApplicationStatus(Fields.optionalText(status, "operationState", "phase"),
                    Fields.optionalText(status, "operationState", "message"),
                    Fields.optionalText(status, "operationState", "operation", "sync", "revision"),
                    Fields.optionalText(status, "sync", "status"), Fields.optionalText(status, "sync", "revision"),
                    Fields.optionalText(app.getAdditionalProperties().get("spec"), "project"))), null);
        } catch (RuntimeException e) {
            return new Status(Optional.empty(), "cannot read " + where + ": "
                    + shortDetail(AccessClassifier.classify(e, "get", RESOURCE, application, namespace)));
        }
    }

    /** The Application's status, or why it could not be read. */
    public record Status(Optional<ArgoApplicationStatus> read, String problem) {
    }

    /** The merge patch {@code argocd app sync --revision} sends, plus a refresh. */
    static Map<String, Object> patch(String revision, String reason) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("initiatedBy", Map.of("username", INITIATOR, "automated", false));
        operation.put("info", List.of(Map.of("name", "reason", "value", reason)));
        operation.put("sync", Map.of("revision", revision));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("metadata", Map.of("annotations", Map.of("argocd.argoproj.io/refresh", "normal")));
        root.put("operation", operation);
        return root;
    }

    /** The kind and the API's first line, with the API URL cut out (it names the cluster's address). */
    private static String shortDetail(AccessProblem problem) {
        String detail = problem.detail().lines().findFirst().orElse("").replaceAll("https?://\\S+", "<api>");
        return problem.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + detail;
    }
}

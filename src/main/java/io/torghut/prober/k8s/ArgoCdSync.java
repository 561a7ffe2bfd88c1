package io.torghut.prober.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.torghut.prober.model.AccessProblem;
import java.time.Duration;

/**
 * Asks Argo CD to sync the pause commit now, by merge-patching the Application's {@code operation} (what
 * {@code argocd app sync --revision} does) and its refresh annotation. Without it Argo CD still picks the commit up
 * when it next polls git (every few minutes): a failure here never undoes the commit.
 */
public final class ArgoCdSync {
    public static final ApiResource APPLICATIONS = new ApiResource("argoproj.io", "v1alpha1", "applications");
    static final String INITIATOR = "torghut-prober";
    private static final String RESOURCE = APPLICATIONS.qualifiedName();
    private final KubeApi api;
    private final String namespace;
    private final String application;

    /** @param timeout bounds the patch request (no retries: the pause's retry schedule asks again) */
    public ArgoCdSync(KubeApi api, String namespace, String application, Duration timeout) {
        this.api = api.withTimeout(timeout);
        this.namespace = namespace;
        this.application = application;
    }

    /** What Argo CD said. {@code transientFailure} means: try again later (unreachable, timeout, 5xx). */
    public record Result(boolean requested, boolean transientFailure, String message) {
    }

    public Result sync(String revision, String reason) {
        String where = RESOURCE + "/" + application + " in namespace " + namespace;
        try {
            api.send("PATCH", APPLICATIONS.path(namespace, application), "application/merge-patch+json", patch(revision, reason));
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

    static String patch(String revision, String reason) {
        ObjectNode root = KubeJson.MAPPER.createObjectNode();
        root.putObject("metadata").putObject("annotations").put("argocd.argoproj.io/refresh", "normal");
        ObjectNode operation = root.putObject("operation");
        operation.putObject("initiatedBy").put("username", INITIATOR).put("automated", false);
        operation.putArray("info").addObject().put("name", "reason").put("value", reason);
        operation.putObject("sync").put("revision", revision);
        return root.toString();
    }

    /** The kind and the API's first line, with the API URL cut out (it names the cluster's address). */
    private static String shortDetail(AccessProblem problem) {
        String detail = problem.detail().lines().findFirst().orElse("").replaceAll("https?://\\S+", "<api>");
        return problem.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + detail;
    }
}

package io.torghut.prober.feature.pause.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.torghut.prober.shared.FreeText;
import io.torghut.prober.shared.model.ArgoApplicationStatus;
import java.util.Locale;
import java.util.Optional;

/**
 * What became of the sync the prober asked Argo CD for, read from the Application's {@code status.operationState} and
 * {@code status.sync}: Argo CD may say no (a deny sync window parks the operation as Running, a hook or a permission
 * fails it), and then the pause is committed but never rolls out. The effectiveness deadline keeps running meanwhile.
 *
 * @param state    where the sync stands
 * @param revision the revision the prober asked to sync
 * @param message  what Argo CD said (cleaned), or why its status could not be read
 * @param project  the Application's project (its sync windows are set there)
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArgoOperation(State state, String revision, String message, String project) {

    public ArgoOperation {
        message = message == null ? null : FreeText.line(message, 300);
        project = project == null ? null : FreeText.line(project, 100);
    }

    /** The bounded label of {@code torghut_prober_pause_argocd{state}} and of the JSON. */
    @RegisterForReflection
    public enum State {
        /** Asked; Argo CD has not taken the operation up yet. */
        REQUESTED("requested"),
        /** Argo CD is syncing the revision. */
        RUNNING("running"),
        /** A deny sync window (or an allow window that is closed) parks the operation: nothing is applied. */
        BLOCKED("blocked-by-sync-window"),
        /** The operation failed or ended in error (a hook, a permission, a bad manifest) or is being terminated. */
        FAILED("failed"),
        /** The revision was applied. */
        SUCCEEDED("succeeded"),
        /** The Application's status could not be read. */
        UNKNOWN("unknown");

        private final String label;

        State(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }

        /** Argo CD said no: a person has to act for the pause to roll out. */
        public boolean refused() {
            return this == BLOCKED || this == FAILED;
        }
    }

    /** Pure: the sync of {@code requested} as the Application's status tells it. */
    public static ArgoOperation judge(String requested, Optional<ArgoApplicationStatus> read, String problem) {
        if (read.isEmpty()) {
            return new ArgoOperation(State.UNKNOWN, requested, problem, null);
        }
        ArgoApplicationStatus status = read.get();
        String project = status.project().orElse(null);
        boolean ours = status.operationRevision().filter(r -> sameRevision(r, requested)).isPresent();
        if (!ours) {
            boolean synced = status.syncStatus().filter("Synced"::equals).isPresent()
                    && status.syncRevision().filter(r -> sameRevision(r, requested)).isPresent();
            return synced ? new ArgoOperation(State.SUCCEEDED, requested, "the Application is Synced at the revision", project)
                    : new ArgoOperation(State.REQUESTED, requested, "Argo CD has not started the sync of the revision yet", project);
        }
        String phase = status.operationPhase().orElse("");
        String message = status.operationMessage().orElse(phase);
        return switch (phase) {
            case "Succeeded" -> new ArgoOperation(State.SUCCEEDED, requested, message, project);
            case "Failed", "Error", "Terminating" -> new ArgoOperation(State.FAILED, requested, phase + ": " + message, project);
            default -> message.toLowerCase(Locale.ROOT).contains("sync window")
                    ? new ArgoOperation(State.BLOCKED, requested, message, project)
                    : new ArgoOperation(State.RUNNING, requested, message, project);
        };
    }

    /** Git revisions as Argo CD writes them: the full id, or an abbreviation of it. */
    private static boolean sameRevision(String a, String b) {
        return a.length() >= 7 && b.length() >= 7 && (a.startsWith(b) || b.startsWith(a));
    }

    /** What oncall does about a refusal. */
    public String remedy(String application, String argocdNamespace) {
        return switch (state) {
            case BLOCKED -> "a sync window blocks it: argocd proj windows list " + (project == null ? "<project>" : project)
                    + "; allow manual syncs in that window, or roll the pause out by hand (the runbook's procedure A)";
            case FAILED -> "argocd app get " + application + " -n " + argocdNamespace + " shows the failing resource or hook; fix it and "
                    + "argocd app sync " + application;
            default -> "";
        };
    }
}

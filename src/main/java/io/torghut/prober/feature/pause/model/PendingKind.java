package io.torghut.prober.feature.pause.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Which step of a pause is being retried ({@code decision.PendingRetries}); the label is what /pause and /diagnose show. */
@RegisterForReflection
public enum PendingKind {
    /** The commit and push: git was unreachable. */
    GIT("git"),
    /** The Argo CD sync of a commit already pushed: the API was unreachable. */
    ARGOCD("argocd");

    private final String label;

    PendingKind(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}

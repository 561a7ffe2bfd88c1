package io.torghut.prober.feature.pause.model;

import io.torghut.prober.feature.pause.record.PauseAudit;

/**
 * One pause decision as {@link PauseAudit} records it: what came of which request, with the commit, the detail and
 * Argo CD's answer when there are. Built with {@link #of} and the {@code with...} steps instead of a call with seven
 * positional arguments.
 *
 * @param repeated a failure already recorded once (an internal retry): logged and counted again, but no second Event
 */
public record AuditEntry(PauseResult result, PauseRequest request, String detail, String commit, String argocd, boolean repeated) {

    public static AuditEntry of(PauseResult result, PauseRequest request, String detail) {
        return new AuditEntry(result, request, detail, null, null, false);
    }

    public AuditEntry withCommit(String commit) {
        return new AuditEntry(result, request, detail, commit, argocd, repeated);
    }

    /** @param argocd what Argo CD answered to the sync request */
    public AuditEntry withArgocd(String argocd) {
        return new AuditEntry(result, request, detail, commit, argocd, repeated);
    }

    public AuditEntry repeated(boolean repeat) {
        return new AuditEntry(result, request, detail, commit, argocd, repeat);
    }

    /** Refusals and failures are logged as warnings. */
    public boolean warning() {
        return result == PauseResult.REFUSED || result == PauseResult.PENDING || result == PauseResult.GAVE_UP;
    }
}

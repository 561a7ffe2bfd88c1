package io.torghut.prober.adapter.git;

/**
 * What became of a pause commit.
 *
 * @param status what the remote (or the local check before it) said
 * @param commit the commit that was pushed or refused; the branch tip when nothing was committed
 * @param detail the remote's message or the reason nothing was committed, cleaned of secrets
 */
public record PushOutcome(Status status, String commit, String detail) {
    /** Verdicts the pause loop distinguishes. */
    public enum Status {
        /** The remote took the commit. */
        PUSHED,
        /** The remote already had this very commit (another writer made the identical change in the same second). */
        UP_TO_DATE,
        /** A lost race at the ref update (the branch moved, a lock, stale info, any unexplained rejection): fetch, re-check, retry. */
        REJECTED,
        /** The remote refused the credentials (401/403, permission denied): retrying would not help. */
        DENIED_AUTHORIZATION,
        /** A protected branch or a server hook declined the update: retrying would not help. */
        DENIED_PROTECTED,
        /** The branch requires signed commits, and the host did not accept the commit's signature (or its absence). */
        DENIED_UNSIGNED,
        /** The SSH host key is not the pinned one. */
        DENIED_HOST_KEY,
        /** Nothing was committed: the staged change was not exactly the intended one ({@link StagedChangeCheck}). */
        NOT_COMMITTED
    }

    /** Whether a human has to act before a pause can land (as opposed to a race that a retry resolves). */
    public boolean refusal() {
        return refusalReason().isPresent();
    }

    /** Why a person has to act, when one has to. */
    public java.util.Optional<Refusal> refusalReason() {
        return java.util.Optional.ofNullable(switch (status) {
            case DENIED_AUTHORIZATION -> Refusal.AUTHORIZATION;
            case DENIED_PROTECTED -> Refusal.PROTECTED_BRANCH;
            case DENIED_UNSIGNED -> Refusal.UNSIGNED;
            case DENIED_HOST_KEY -> Refusal.HOST_KEY;
            case NOT_COMMITTED -> Refusal.MANIFEST;
            case PUSHED, UP_TO_DATE, REJECTED -> null;
        });
    }
}

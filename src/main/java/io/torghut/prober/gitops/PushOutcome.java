package io.torghut.prober.gitops;

/**
 * What the remote said to a push.
 *
 * @param status {@code PUSHED}; {@code UP_TO_DATE} when the remote already had this very commit (another writer made the
 *               identical change in the same second); {@code REJECTED} when the branch moved meanwhile (fetch and retry); {@code DENIED} when the
 *               remote refuses for another reason (protected branch, hook): retrying would not help
 * @param commit the commit that was pushed or refused
 * @param detail the remote's message, if any
 */
public record PushOutcome(Status status, String commit, String detail) {
    /** Remote verdicts the pause loop distinguishes. */
    public enum Status {
        PUSHED, UP_TO_DATE, REJECTED, DENIED
    }
}

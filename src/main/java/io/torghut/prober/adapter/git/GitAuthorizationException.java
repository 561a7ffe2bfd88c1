package io.torghut.prober.adapter.git;

/**
 * The remote refused us before any edit (the credentials, or an SSH host key that is not the pinned one): retrying
 * will not help until a person fixes it.
 */
public final class GitAuthorizationException extends GitUnavailableException {
    private final Refusal refusal;

    public GitAuthorizationException(Refusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}

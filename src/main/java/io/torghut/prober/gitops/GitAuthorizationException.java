package io.torghut.prober.gitops;

/** The remote refused the credentials: retrying will not help until a human fixes the token or its rights. */
public final class GitAuthorizationException extends GitUnavailableException {
    public GitAuthorizationException(String message) {
        super(message);
    }
}

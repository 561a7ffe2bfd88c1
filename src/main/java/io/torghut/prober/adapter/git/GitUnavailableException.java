package io.torghut.prober.adapter.git;

/** The git remote could not be reached or did not answer in time: worth retrying later. The message carries no secret. */
public class GitUnavailableException extends Exception {
    public GitUnavailableException(String message) {
        super(message, null, false, false);
    }
}

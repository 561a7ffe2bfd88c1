package io.torghut.prober.gitops;

/**
 * The GitOps repository as the pause needs it. Git's push is the compare-and-swap: a push based on an old tip is
 * rejected, so concurrent writers (threads, replicas, humans) never overwrite each other.
 */
public interface ManifestRepository {

    /** Fetches the branch and resets the working copy to its tip; returns the manifest there. */
    ManifestSnapshot sync() throws GitUnavailableException;

    /** Writes the manifest, commits it on top of the last sync and pushes. */
    PushOutcome commitAndPush(String manifest, String message) throws GitUnavailableException;

    /** Remote (without credentials), branch and path, for messages. */
    String describe();

    /** The manifest path inside the repository. */
    String manifestPath();
}

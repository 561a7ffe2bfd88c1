package io.torghut.prober.adapter.git;

import io.torghut.prober.shared.model.TradingFlag;
import java.util.function.Function;

/**
 * The GitOps repository as the pause needs it. Git's push is the compare-and-swap: a push based on an old tip is
 * rejected, so concurrent writers (threads, replicas, humans) never overwrite each other.
 */
public interface ManifestRepository {

    /** Fetches the branch and reads the manifest at its tip (from git's tree, not through the file system). */
    ManifestSnapshot sync() throws GitUnavailableException;

    /**
     * Commits {@code after} on top of the last sync and pushes, unless the staged change is not exactly the edit from
     * {@code before} to {@code after} ({@link PushOutcome.Status#NOT_COMMITTED}, with the reason).
     */
    PushOutcome commitAndPush(String before, String after, String message) throws GitUnavailableException;

    /**
     * What the branch's history says about the pause, as of the last sync: TRADING_ENABLED at the tip, the commit that
     * set it, the newest prober pause ({@link PauseCommits#history}).
     *
     * @param flagOf TRADING_ENABLED of a manifest text, read as Kubernetes reads it
     */
    BranchHistory history(Function<String, TradingFlag> flagOf) throws GitUnavailableException;

    /** Remote (without credentials), branch and path, for messages. */
    String describe();

    /** The manifest path inside the repository. */
    String manifestPath();
}

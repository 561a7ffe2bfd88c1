package io.torghut.prober.feature.pause.model;

import io.torghut.prober.adapter.git.BranchHistory;
import io.torghut.prober.adapter.git.ManifestSnapshot;

/**
 * The branch as one fetch saw it: the manifest at the tip and what its history says about the pause.
 *
 * @param manifest the manifest at the tip
 * @param history  TRADING_ENABLED at the tip, who set it, the newest prober pause
 * @param read     which fetch of this process it was: a later fetch has a larger number, so a slow reader can tell
 *                 that what it holds is older than what a pause has since pushed
 */
public record BranchState(ManifestSnapshot manifest, BranchHistory history, long read) {

    /** Before any fetch, or when it failed before reading anything. */
    public static BranchState none(long read) {
        return new BranchState(new ManifestSnapshot("none", java.util.Optional.empty()), BranchHistory.unknown("none"), read);
    }
}

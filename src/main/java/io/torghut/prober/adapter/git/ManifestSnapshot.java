package io.torghut.prober.adapter.git;

import java.util.Optional;

/**
 * The manifest at the tip of the branch.
 *
 * @param commit  the tip commit id ("none" when the branch does not exist)
 * @param text    the manifest text, empty when there is no regular file at the path on the branch
 * @param problem why the manifest cannot be edited (missing, a symbolic link, a submodule, no branch); empty when it can
 */
public record ManifestSnapshot(String commit, Optional<String> text, Optional<String> problem) {

    /** A regular manifest (or none, without a stated reason). */
    public ManifestSnapshot(String commit, Optional<String> text) {
        this(commit, text, Optional.empty());
    }
}

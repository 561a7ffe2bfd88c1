package io.torghut.prober.gitops;

import java.util.Optional;

/**
 * The manifest at the tip of the branch.
 *
 * @param commit the tip commit id
 * @param text   the manifest text, empty when the file does not exist on the branch
 */
public record ManifestSnapshot(String commit, Optional<String> text) {
}

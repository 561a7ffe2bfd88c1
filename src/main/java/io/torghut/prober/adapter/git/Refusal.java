package io.torghut.prober.adapter.git;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Why a pause cannot land until a person acts: the bounded {@code reason} of the refusal metric, the finding and the
 * answer. Each comes with what to do.
 */
@RegisterForReflection
public enum Refusal {
    /** The host refused the credentials (token or deploy key) or their write access. */
    AUTHORIZATION("authorization", "check the credentials (GITOPS_TOKEN, or the deploy key GITOPS_SSH_KEY_FILE) and their write access"),
    /** The SSH host key is not the pinned one. */
    HOST_KEY("host-key", "compare the host's key with GITOPS_SSH_KNOWN_HOSTS_FILE; update the file only if the change is legitimate"),
    /** The branch requires signed commits and the pause commit is unsigned, or signed by a key the host does not trust. */
    UNSIGNED("unsigned", "set GITOPS_SIGNING_KEY_FILE to a key the host trusts for the prober's commits"),
    /** A protected branch or a server hook declined the push (review required, maintenance, ...). */
    PROTECTED_BRANCH("protected-branch", "allow the prober to push to the branch, wait for the maintenance to end, or pause by hand"),
    /** The manifest cannot be edited safely (shape, encoding, link, anchors, merge keys). */
    MANIFEST("manifest", "fix the manifest, or change TRADING_ENABLED by hand"),
    /** The configured branch does not exist on the remote. */
    NO_BRANCH("no-branch", "check GITOPS_BRANCH");

    private final String label;
    private final String remedy;

    Refusal(String label, String remedy) {
        this.label = label;
        this.remedy = remedy;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public String remedy() {
        return remedy;
    }

    @Override
    public String toString() {
        return label;
    }
}

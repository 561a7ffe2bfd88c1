package io.torghut.prober.adapter.git;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/**
 * The GitOps repository and how the prober commits to it; prefix {@code prober.gitops}. Every key is also read from the
 * {@code GITOPS_*} variable the deployment sets; which manifest is edited is {@code prober.target.manifest-path}.
 */
@ConfigMapping(prefix = "prober.gitops")
public interface GitOpsConfig {

    /** The remote: https://, ssh://, {@code user@host:path} or file: ({@code GITOPS_REPO_URL}). Required in trigger mode. */
    @WithDefault("${GITOPS_REPO_URL:}")
    Optional<String> repoUrl();

    /** The branch Argo CD follows ({@code GITOPS_BRANCH}); a valid branch name ({@code git check-ref-format}). */
    @WithDefault("${GITOPS_BRANCH:main}")
    String branch();

    /** Token for https remotes, sent as the password ({@code GITOPS_TOKEN}). A secret: never logged. */
    @WithDefault("${GITOPS_TOKEN:}")
    Optional<String> token();

    /**
     * The SSH deploy key (a private key file from a mounted Secret) for {@code ssh://} and {@code user@host:path} remotes
     * ({@code GITOPS_SSH_KEY_FILE}); required for them. Never logged.
     */
    @WithDefault("${GITOPS_SSH_KEY_FILE:}")
    Optional<String> sshKeyFile();

    /**
     * The pinned host keys of SSH remotes, OpenSSH known_hosts format, {@code [host]:port} for another port
     * ({@code GITOPS_SSH_KNOWN_HOSTS_FILE}); required for SSH remotes: there is no trust on first use.
     */
    @WithDefault("${GITOPS_SSH_KNOWN_HOSTS_FILE:}")
    Optional<String> sshKnownHostsFile();

    /** The user name sent with the token ({@code GITOPS_USERNAME}); GitHub and Gitea accept the default. */
    @WithDefault("${GITOPS_USERNAME:x-access-token}")
    String username();

    /** Commit author and committer name ({@code GITOPS_AUTHOR_NAME}). */
    @WithDefault("${GITOPS_AUTHOR_NAME:torghut-prober}")
    String authorName();

    /** Commit author and committer e-mail ({@code GITOPS_AUTHOR_EMAIL}). */
    @WithDefault("${GITOPS_AUTHOR_EMAIL:torghut-prober@users.noreply.invalid}")
    String authorEmail();

    /** The local working copy (an emptyDir in the pod; {@code GITOPS_WORK_DIR}). */
    @WithDefault("${GITOPS_WORK_DIR:/tmp/torghut-prober/gitops}")
    String workDir();

    /**
     * Timeout of each network operation (clone, fetch, push); also how long a /pause caller waits for git (a slower
     * round goes on and is followed up).
     */
    @WithDefault("20s")
    Duration timeout();

    /** Attempts when the push is rejected because the branch moved (fetch, re-check, re-apply). */
    @WithDefault("5")
    @Min(1) @Max(50)
    int pushAttempts();

    /** How often the manifest is re-read for {@code torghut_prober_trading_enabled} and GET /pause; whole seconds. */
    @WithDefault("60s")
    Duration refreshEvery();

    /** Signing of pause commits, for branches that require signed commits. */
    Signing signing();

    /**
     * Whether {@code name} is a branch name git accepts ({@code git check-ref-format --branch}): {@code main:refs/heads/x}
     * or {@code ../x} is not a branch, and a refspec built from it must never become one.
     */
    static boolean validBranch(String name) {
        return !name.isBlank() && !name.startsWith("-") && !name.startsWith("refs/")
                && org.eclipse.jgit.lib.Repository.isValidRefName(org.eclipse.jgit.lib.Constants.R_HEADS + name);
    }

    /** How pause commits are signed; unsigned when no key file is set. */
    interface Signing {
        /** The ASCII-armored OpenPGP secret key, a mounted Secret ({@code GITOPS_SIGNING_KEY_FILE}). Default: unsigned. */
        @WithDefault("${GITOPS_SIGNING_KEY_FILE:}")
        Optional<String> keyFile();

        /** The key's passphrase, if it has one ({@code GITOPS_SIGNING_PASSPHRASE}). A secret: never logged. */
        @WithDefault("${GITOPS_SIGNING_PASSPHRASE:}")
        Optional<String> passphrase();

        /**
         * {@code openpgp} ({@code GITOPS_SIGNING_FORMAT}). {@code ssh} is refused at startup: JGit signs with SSH keys only
         * through its Apache MINA SSH module, which the prober does not carry (its SSH transport is JSch's, from
         * quarkus-jgit).
         */
        @WithDefault("${GITOPS_SIGNING_FORMAT:openpgp}")
        SigningFormat format();
    }

    /** The signature formats git knows ({@code gpg.format}). */
    enum SigningFormat {
        OPENPGP, SSH
    }
}

package io.torghut.prober.adapter.git;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/** Where the GitOps manifest lives and how the prober commits to it; prefix {@code prober.gitops}. */
@ConfigMapping(prefix = "prober.gitops")
public interface GitOpsConfig {

    /**
     * Git remote: https://, ssh://, {@code user@host:path} or file:; env {@code GITOPS_REPO_URL}. No default: required in
     * trigger mode.
     */
    @WithName("repo-url")
    Optional<String> repoUrl();

    /** Branch Argo CD follows; env {@code GITOPS_BRANCH}. Default {@code main}. */
    @WithDefault("main")
    String branch();

    /** Manifest path in the repository; env {@code GITOPS_MANIFEST_PATH}. Default {@code argocd/applications/torghut/knative-service.yaml}. */
    @WithName("manifest-path")
    @WithDefault("argocd/applications/torghut/knative-service.yaml")
    String manifestPath();

    /** Token for https remotes (sent as the password); env {@code GITOPS_TOKEN}. Never logged. Default none. */
    Optional<String> token();

    /**
     * The SSH deploy key (a private key file from a mounted Secret) for {@code ssh://} and {@code user@host:path} remotes;
     * env {@code GITOPS_SSH_KEY_FILE}. Required for them. Never logged.
     */
    @WithName("ssh-key-file")
    Optional<String> sshKeyFile();

    /**
     * The pinned host keys of SSH remotes (OpenSSH known_hosts format, {@code [host]:port} for another port); env
     * {@code GITOPS_SSH_KNOWN_HOSTS_FILE}. Required for SSH remotes: there is no trust on first use.
     */
    @WithName("ssh-known-hosts-file")
    Optional<String> sshKnownHostsFile();

    /** User name sent with the token; env {@code GITOPS_USERNAME}. Default {@code x-access-token} (GitHub/Gitea accept it). */
    @WithDefault("x-access-token")
    String username();

    /** Commit author and committer name; env {@code GITOPS_AUTHOR_NAME}. Default {@code torghut-prober}. */
    @WithName("author-name")
    @WithDefault("torghut-prober")
    String authorName();

    /** Commit author and committer e-mail; env {@code GITOPS_AUTHOR_EMAIL}. Default {@code torghut-prober@users.noreply.invalid}. */
    @WithName("author-email")
    @WithDefault("torghut-prober@users.noreply.invalid")
    String authorEmail();

    /** Container whose TRADING_ENABLED is edited; env {@code GITOPS_CONTAINER}. Default: {@code user-container}, else the one serving the port. */
    Optional<String> container();

    /** Local working copy directory (an emptyDir in the pod); env {@code GITOPS_WORK_DIR}. Default {@code /tmp/torghut-prober/gitops}. */
    @WithName("work-dir")
    @WithDefault("/tmp/torghut-prober/gitops")
    String workDir();

    /** Timeout of each network operation (clone, fetch, push). Default 20s. */
    @WithDefault("20s")
    Duration timeout();

    /** Attempts when the push is rejected because the branch moved (fetch, re-check, re-apply). Default 5. */
    @WithName("push-attempts")
    @WithDefault("5")
    @Min(1) @Max(50)
    int pushAttempts();

    /**
     * Whether {@code name} is a branch name git accepts ({@code git check-ref-format --branch}): {@code main:refs/heads/x}
     * or {@code ../x} is not a branch, and a refspec built from it must never become one.
     */
    static boolean validBranch(String name) {
        return !name.isBlank() && !name.startsWith("-") && !name.startsWith("refs/")
                && org.eclipse.jgit.lib.Repository.isValidRefName(org.eclipse.jgit.lib.Constants.R_HEADS + name);
    }

    /** Signing of pause commits, for branches that require signed commits. */
    Signing signing();

    /** How pause commits are signed; prefix {@code prober.gitops.signing}. Unsigned when no key file is set. */
    interface Signing {
        /** The ASCII-armored OpenPGP secret key (a mounted Secret); env {@code GITOPS_SIGNING_KEY_FILE}. Default none: unsigned. */
        @WithName("key-file")
        Optional<String> keyFile();

        /** The key's passphrase, if it has one; env {@code GITOPS_SIGNING_PASSPHRASE}. A secret, never logged. */
        Optional<String> passphrase();

        /**
         * {@code openpgp} (default). {@code ssh} is refused at startup: JGit signs with SSH keys only through its Apache
         * MINA SSH module, which the prober does not carry (its SSH transport is JSch's, from quarkus-jgit).
         */
        @WithDefault("openpgp")
        SigningFormat format();
    }

    /** The signature formats git knows ({@code gpg.format}). */
    enum SigningFormat {
        OPENPGP, SSH
    }

    /** How often the manifest is re-read for {@code torghut_prober_trading_enabled} and GET /pause. Default 60s. */
    @WithName("refresh-every")
    @WithDefault("60s")
    Duration refreshEvery();
}

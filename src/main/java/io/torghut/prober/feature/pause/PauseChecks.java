package io.torghut.prober.feature.pause;

import io.torghut.prober.feature.pause.model.PauseMode;
import io.torghut.prober.adapter.clock.Resolution;
import io.torghut.prober.adapter.git.GitOpsConfig;
import io.torghut.prober.adapter.git.GitRemotes;
import io.torghut.prober.feature.target.TargetConfig;
import io.torghut.prober.shared.ConfigProblem;
import java.time.Duration;
import java.util.Locale;

/** Startup checks of the pause settings; each failure names the key and its env variable, never a value. */
public final class PauseChecks {
    private PauseChecks() {
    }

    public static void check(PauseConfig pause, GitOpsConfig gitops, TargetConfig target) {
        ConfigProblem.requirePositive("prober.pause.auto-hold", pause.autoHold());
        ConfigProblem.requirePositive("prober.pause.effective-deadline", pause.effectiveDeadline());
        ConfigProblem.requirePositive("prober.pause.effective-check-every", pause.effectiveCheckEvery());
        ConfigProblem.requirePositive("prober.pause.live-every", pause.liveEvery());
        ConfigProblem.requirePositive("prober.pause.retry-initial", pause.retryInitial());
        ConfigProblem.requirePositive("prober.pause.retry-for", pause.retryFor());
        ConfigProblem.requirePositive("prober.pause.kubernetes-timeout", pause.kubernetesTimeout());
        ConfigProblem.requirePositive("prober.pause.dedup-window", pause.dedupWindow());
        ConfigProblem.requirePositive("prober.pause.episode-reset", pause.episodeReset());
        leader(pause.leader());
        String diagnose = pause.diagnoseUrl().toLowerCase(Locale.ROOT);
        if (!diagnose.matches("https?://[^\\s]+")) {
            throw new ConfigProblem("prober.pause.diagnose-url (PROBER_DIAGNOSE_URL)", "must be an http:// or https:// URL");
        }
        ConfigProblem.requirePositive("prober.gitops.timeout", gitops.timeout());
        Resolution.requireJobPeriod("prober.gitops.refresh-every", gitops.refreshEvery());
        Resolution.requireJobPeriod("prober.pause.effective-check-every", pause.effectiveCheckEvery());
        String manifest = target.manifestPath();
        if (manifest.isBlank() || manifest.startsWith("/") || manifest.contains("..")) {
            throw new ConfigProblem("prober.target.manifest-path", "must be a relative path inside the repository");
        }
        if (!GitOpsConfig.validBranch(gitops.branch())) {
            throw new ConfigProblem("prober.gitops.branch (GITOPS_BRANCH)", "is not a valid branch name (git check-ref-format)");
        }
        if (gitops.repoUrl().isPresent()) {
            String url = gitops.repoUrl().get();
            if (!GitRemotes.supported(url)) {
                throw new ConfigProblem("prober.gitops.repo-url (GITOPS_REPO_URL)", "must be an https://, ssh://, user@host:path or file: URL");
            }
            if (GitRemotes.isSsh(url)) {
                readable("prober.gitops.ssh-key-file (GITOPS_SSH_KEY_FILE)", gitops.sshKeyFile(), "an SSH remote needs its deploy key");
                readable("prober.gitops.ssh-known-hosts-file (GITOPS_SSH_KNOWN_HOSTS_FILE)", gitops.sshKnownHostsFile(),
                        "an SSH remote needs its host keys pinned (no trust on first use)");
            }
        }
        if (gitops.signing().format() == GitOpsConfig.SigningFormat.SSH) {
            throw new ConfigProblem("prober.gitops.signing.format (GITOPS_SIGNING_FORMAT)", "ssh is not available: JGit signs with SSH "
                    + "keys only through its Apache MINA SSH module, which the prober does not carry; use openpgp");
        }
        gitops.signing().keyFile().ifPresent(key -> readable("prober.gitops.signing.key-file (GITOPS_SIGNING_KEY_FILE)",
                java.util.Optional.of(key), "the signing key"));
        if (pause.mode() != PauseMode.TRIGGER) {
            return;
        }
        if (gitops.repoUrl().isEmpty()) {
            throw new ConfigProblem("prober.gitops.repo-url (GITOPS_REPO_URL)", "is required when prober.pause.mode=trigger");
        }
        if (gitops.repoUrl().get().toLowerCase(Locale.ROOT).startsWith("http") && gitops.token().isEmpty()) {
            throw new ConfigProblem("prober.gitops.token (GITOPS_TOKEN)", "is required to push over https when prober.pause.mode=trigger");
        }
        if (pause.token().isEmpty() && pause.tokenFile().isEmpty()) {
            throw new ConfigProblem("prober.pause.token (PROBER_PAUSE_TOKEN) or prober.pause.token-file (PROBER_PAUSE_TOKEN_FILE)",
                    "is required when prober.pause.mode=trigger");
        }
    }

    /** Leader election (client-go's rules) cannot work unless duration > renew-deadline > 1.2 x retry-period: refuse others at startup. */
    private static void leader(PauseConfig.Leader leader) {
        ConfigProblem.requirePositive("prober.pause.leader.duration", leader.duration());
        ConfigProblem.requirePositive("prober.pause.leader.renew-deadline", leader.renewDeadline());
        ConfigProblem.requirePositive("prober.pause.leader.retry-period", leader.retryPeriod());
        if (leader.duration().compareTo(leader.renewDeadline()) <= 0) {
            throw new ConfigProblem("prober.pause.leader.duration", "must be longer than prober.pause.leader.renew-deadline ("
                    + leader.renewDeadline() + ")");
        }
        if (leader.renewDeadline().toMillis() <= leader.retryPeriod().toMillis() * 1.2) {
            throw new ConfigProblem("prober.pause.leader.renew-deadline", "must be longer than 1.2 x prober.pause.leader.retry-period ("
                    + leader.retryPeriod() + ")");
        }
    }

    /** A file the prober must read: set, present and readable (its content is never shown). */
    private static void readable(String key, java.util.Optional<String> file, String why) {
        if (file.isEmpty() || file.get().isBlank()) {
            throw new ConfigProblem(key, "is required: " + why);
        }
        java.nio.file.Path path = java.nio.file.Path.of(file.get());
        if (!java.nio.file.Files.isRegularFile(path) || !java.nio.file.Files.isReadable(path)) {
            throw new ConfigProblem(key, "is not a readable file");
        }
    }

}

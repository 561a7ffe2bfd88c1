package io.torghut.prober.feature.pause;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import io.torghut.prober.adapter.git.GitOpsConfig;
import io.torghut.prober.feature.target.TargetConfig;
import io.torghut.prober.shared.ConfigProblem;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Invalid pause settings stop startup with a message naming the key (and its env variable). */
class PauseChecksTest {

    private static void check(String properties) {
        Map<String, String> values = new HashMap<>();
        for (String pair : properties.split(";")) {
            if (!pair.isBlank()) {
                String[] kv = pair.split("=", 2);
                values.put(kv[0].trim(), kv[1].trim());
            }
        }
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().withMapping(PauseConfig.class).withMapping(GitOpsConfig.class).withMapping(TargetConfig.class)
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new MapBackedConfigSource("test", values) {
                }).build();
        PauseChecks.check(config.getConfigMapping(PauseConfig.class), config.getConfigMapping(GitOpsConfig.class),
                config.getConfigMapping(TargetConfig.class));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "prober.pause.mode=trigger|invalid configuration prober.gitops.repo-url (GITOPS_REPO_URL): is required when prober.pause.mode=trigger",
            "prober.pause.mode=trigger;prober.gitops.repo-url=https://git.example/torghut.git;prober.pause.token=t0ken|invalid configuration prober.gitops.token (GITOPS_TOKEN): is required to push over https when prober.pause.mode=trigger",
            "prober.pause.mode=trigger;prober.gitops.repo-url=file:///tmp/x.git|invalid configuration prober.pause.token (PROBER_PAUSE_TOKEN) or prober.pause.token-file (PROBER_PAUSE_TOKEN_FILE): is required when prober.pause.mode=trigger",
            "prober.gitops.repo-url=ftp://github.com/x/y.git|invalid configuration prober.gitops.repo-url (GITOPS_REPO_URL): must be an https://, ssh://, user@host:path or file: URL",
            "prober.gitops.repo-url=git@github.com:x/y.git|invalid configuration prober.gitops.ssh-key-file (GITOPS_SSH_KEY_FILE): is required: an SSH remote needs its deploy key",
            "prober.gitops.repo-url=ssh://git@github.com/x/y.git;prober.gitops.ssh-key-file=/nonexistent/key|invalid configuration prober.gitops.ssh-key-file (GITOPS_SSH_KEY_FILE): is not a readable file",
            "prober.gitops.repo-url=ssh://git@github.com/x/y.git;prober.gitops.ssh-key-file=pom.xml|invalid configuration prober.gitops.ssh-known-hosts-file (GITOPS_SSH_KNOWN_HOSTS_FILE): is required: an SSH remote needs its host keys pinned (no trust on first use)",
            "prober.gitops.signing.format=ssh|invalid configuration prober.gitops.signing.format (GITOPS_SIGNING_FORMAT): ssh is not available: JGit signs with SSH keys only through its Apache MINA SSH module, which the prober does not carry; use openpgp",
            "prober.target.manifest-path=../etc/passwd|invalid configuration prober.target.manifest-path: must be a relative path inside the repository",
            "prober.pause.auto-hold=0s|invalid configuration prober.pause.auto-hold: must be a positive duration (got PT0S)",
            "prober.gitops.timeout=-1s|invalid configuration prober.gitops.timeout: must be a positive duration (got PT-1S)",
            "prober.pause.effective-deadline=0s|invalid configuration prober.pause.effective-deadline: must be a positive duration (got PT0S)",
            "prober.pause.effective-check-every=0s|invalid configuration prober.pause.effective-check-every: must be a positive duration (got PT0S)",
            "prober.pause.live-every=0s|invalid configuration prober.pause.live-every: must be a positive duration (got PT0S)",
            "prober.pause.retry-initial=0s|invalid configuration prober.pause.retry-initial: must be a positive duration (got PT0S)",
            "prober.pause.retry-for=-5m|invalid configuration prober.pause.retry-for: must be a positive duration (got PT-5M)",
            "prober.pause.kubernetes-timeout=0s|invalid configuration prober.pause.kubernetes-timeout: must be a positive duration (got PT0S)",
            "prober.pause.dedup-window=0s|invalid configuration prober.pause.dedup-window: must be a positive duration (got PT0S)",
            "prober.pause.episode-reset=0s|invalid configuration prober.pause.episode-reset: must be a positive duration (got PT0S)",
            "prober.gitops.branch=main:refs/heads/evil|invalid configuration prober.gitops.branch (GITOPS_BRANCH): is not a valid branch name (git check-ref-format)",
            "prober.gitops.branch=../main|invalid configuration prober.gitops.branch (GITOPS_BRANCH): is not a valid branch name (git check-ref-format)",
            "prober.gitops.branch=-main|invalid configuration prober.gitops.branch (GITOPS_BRANCH): is not a valid branch name (git check-ref-format)",
            "prober.gitops.branch=refs/heads/main|invalid configuration prober.gitops.branch (GITOPS_BRANCH): is not a valid branch name (git check-ref-format)",
            "prober.gitops.branch=ma in|invalid configuration prober.gitops.branch (GITOPS_BRANCH): is not a valid branch name (git check-ref-format)",
            "prober.gitops.refresh-every=0s|invalid configuration prober.gitops.refresh-every: must be a positive duration (got PT0S)",
            "prober.pause.leader.duration=0s|invalid configuration prober.pause.leader.duration: must be a positive duration (got PT0S)",
            "prober.pause.leader.renew-deadline=0s|invalid configuration prober.pause.leader.renew-deadline: must be a positive duration (got PT0S)",
            "prober.pause.leader.retry-period=0s|invalid configuration prober.pause.leader.retry-period: must be a positive duration (got PT0S)",
            "prober.pause.leader.duration=10s;prober.pause.leader.renew-deadline=10s;prober.pause.leader.retry-period=2s|invalid configuration prober.pause.leader.duration: must be longer than prober.pause.leader.renew-deadline (PT10S)",
            "prober.pause.leader.duration=10s;prober.pause.leader.renew-deadline=6s;prober.pause.leader.retry-period=5s|invalid configuration prober.pause.leader.renew-deadline: must be longer than 1.2 x prober.pause.leader.retry-period (PT5S)"})
    void refusesWithTheKey(String properties, String message) {
        assertEquals(message, assertThrows(ConfigProblem.class, () -> check(properties)).getMessage());
    }

    @Test
    void defaultsAndACompleteTriggerSetupPass() {
        assertDoesNotThrow(() -> check(""));
        assertDoesNotThrow(() -> check("prober.pause.mode=trigger;prober.gitops.repo-url=https://git.example/t.git;"
                + "prober.gitops.token=abc123;prober.pause.token=t0ken"));
        assertDoesNotThrow(() -> check("prober.pause.mode=off"));
        assertDoesNotThrow(() -> check("prober.gitops.branch=release/2026-12"));
        assertDoesNotThrow(() -> check("prober.pause.mode=trigger;prober.gitops.repo-url=git@github.com:torghut/gitops.git;"
                + "prober.gitops.ssh-key-file=pom.xml;prober.gitops.ssh-known-hosts-file=pom.xml;prober.pause.token=t0ken"),
                "an SSH remote needs no GITOPS_TOKEN");
        assertDoesNotThrow(() -> check("prober.pause.leader.duration=10s;prober.pause.leader.renew-deadline=6001ms;"
                + "prober.pause.leader.retry-period=5s"), "just over 1.2 x the retry period");
    }

    /**
     * Issue 24 (1): the recommend-mode dedup window (1h) outlasted the shipped repeat_interval (30m), so a repeat of a
     * notification still firing was never recorded again. The default stays below every shipped repeat interval.
     */
    @Test
    void theDedupWindowIsShorterThanTheShippedRepeatInterval() throws Exception {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().withMapping(PauseConfig.class)
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter()).build();
        java.time.Duration window = config.getConfigMapping(PauseConfig.class).dedupWindow();
        for (String file : java.util.List.of("k8s/alertmanager/torghut-prober-receiver.yml",
                "k8s/components/prometheus-operator/alertmanagerconfig.yaml")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*(repeat_interval|repeatInterval): (\\d+)m\\s*$")
                    .matcher(java.nio.file.Files.readString(java.nio.file.Path.of(file)));
            org.junit.jupiter.api.Assertions.assertTrue(m.find(), file);
            java.time.Duration repeat = java.time.Duration.ofMinutes(Long.parseLong(m.group(2)));
            org.junit.jupiter.api.Assertions.assertTrue(window.compareTo(repeat) < 0, file + ": dedup window " + window + " >= " + repeat);
        }
    }
}

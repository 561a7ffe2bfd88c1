package io.torghut.prober.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.torghut.prober.adapter.git.BareRepo;
import io.torghut.prober.testsupport.GitHttpHooks;
import io.torghut.prober.testsupport.GnuPg;
import io.torghut.prober.testsupport.PackagedApp;
import io.torghut.prober.testsupport.SshGitServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, points 1 and 2, on the packaged app (the native executable under {@code -Dnative}, where JGit's SSH
 * transport was once cut out): a manual pause, signed with an OpenPGP key from a file, pushed over SSH with a deploy
 * key to a real OpenSSH server whose login runs only git-shell, the host key pinned, onto a branch whose pre-receive
 * hook requires commits that {@code git verify-commit} accepts. Neither private key reaches the log or an answer.
 */
class PackagedSshPauseIT {
    static final String TOKEN = "packaged-ssh-pause-token-4b1d";
    static final String UID = "torghut-prober <torghut-prober@users.noreply.invalid>";

    @Test
    void aPauseIsPushedOverSshWithADeployKey() throws Exception {
        Path root = Files.createTempDirectory("packaged-ssh-pause");
        BareRepo remote = new BareRepo(root.resolve("remote"));
        GnuPg signer = GnuPg.home(root.resolve("prober-gnupg"));
        Path signingKey = signer.secretKey(UID, "pw-" + TOKEN, root.resolve("signing.asc"));
        GnuPg hostKeys = GnuPg.home(remote.projectRoot().resolve("host-gnupg"));
        hostKeys.trust(signer, UID);
        GitHttpHooks.requireSignedCommits(remote.bare(), hostKeys.dir());
        try (SshGitServer sshd = SshGitServer.start(root.resolve("sshd"), remote.projectRoot())) {
            Map<String, String> env = new HashMap<>(Map.of("PROBER_PAUSE_MODE", "trigger", "PROBER_PAUSE_TOKEN", TOKEN,
                    "GITOPS_REPO_URL", sshd.url(remote.bare()), "GITOPS_SSH_KEY_FILE", sshd.deployKey().toString(),
                    "GITOPS_SSH_KNOWN_HOSTS_FILE", sshd.knownHosts().toString(), "GITOPS_WORK_DIR", root.resolve("wc").toString(),
                    "PROBER_GITOPS_TIMEOUT", "10s", "PROBER_KUBERNETES_ENABLED", "false"));
            env.putAll(Map.of("GITOPS_SIGNING_KEY_FILE", signingKey.toString(), "GITOPS_SIGNING_PASSPHRASE", "pw-" + TOKEN));
            env.putAll(Map.of("TORGHUT_URL", "http://127.0.0.1:9", "TA_CLICKHOUSE_URL", "http://127.0.0.1:9"));
            try (PackagedApp app = PackagedApp.launch("packaged-ssh-pause", env)) {
                app.awaitReady(Duration.ofSeconds(60));
                HttpResponse<String> paused = app.post("/pause", "application/json",
                        "{\"reason\": \"TA signals stale\", \"requestedBy\": \"oncall\"}", TOKEN);
                assertEquals(200, paused.statusCode(), paused.body() + "\n" + app.output() + "\n" + sshd.log());
                JsonPath answer = JsonPath.from(paused.body());
                assertEquals("paused", answer.getString("action"), answer.prettify());
                assertEquals(answer.getString("commit"), remote.log().get(0).name());
                assertTrue(remote.manifest().contains("value: \"false\""));
                assertTrue(sshd.log().contains("Accepted publickey"), sshd.log());
                Path clone = root.resolve("verify");
                org.eclipse.jgit.api.Git.cloneRepository().setURI(remote.url()).setDirectory(clone.toFile()).call().close();
                GnuPg.Result verified = hostKeys.verifyCommit(clone, answer.getString("commit"));
                assertEquals(0, verified.exit(), verified.output());
                app.close();
                assertEquals(List.of(), app.stackTraceLines(), "stack trace in the log:\n" + app.output());
                String key = Files.readString(sshd.deployKey());
                String body = key.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
                assertFalse(app.output().contains(body.substring(0, 20)) || paused.body().contains(body.substring(0, 20)),
                        "the private key reached the log or the answer");
                assertFalse(app.output().contains("pw-" + TOKEN), "the signing passphrase was logged");
            }
        } finally {
            try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}

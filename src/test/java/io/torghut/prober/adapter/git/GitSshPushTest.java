package io.torghut.prober.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.feature.pause.decision.GitOpsPauser;
import io.torghut.prober.feature.pause.decision.PauseDecider;
import io.torghut.prober.feature.pause.manifest.TradingFlagEditor;
import io.torghut.prober.shared.Redactor;
import io.torghut.prober.testsupport.GitHttpHooks;
import io.torghut.prober.testsupport.SshGitServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, point 1: the pause over SSH with a deploy key, against a real OpenSSH server on loopback whose login runs
 * only {@code git-shell}. Host keys are pinned: a wrong one is refused, saying so; a key the server does not accept is
 * an authorization refusal; a lost push race is retried exactly as over https. The private key appears nowhere.
 */
class GitSshPushTest {
    @TempDir
    Path tmp;
    BareRepo remote;
    SshGitServer sshd;
    String expected;

    @BeforeEach
    void start() throws Exception {
        remote = new BareRepo(tmp.resolve("host"));
        sshd = SshGitServer.start(tmp.resolve("sshd"), remote.projectRoot());
        expected = new String(getClass().getResourceAsStream("/manifests/realistic/expected.yaml").readAllBytes());
    }

    @AfterEach
    void stop() {
        sshd.close();
    }

    GitOpsPauser pauser(String name, Path key, Path knownHosts) {
        ManifestRepository repository = new JGitManifestRepository(sshd.url(remote.bare()), "main", BareRepo.PATH, tmp.resolve(name),
                new PersonIdent("torghut-prober", "prober@example.com"), RemoteAccess.ssh(10, key, knownHosts, tmp.resolve("no-ssh-config")),
                java.util.Optional.empty(),
                new Redactor());
        return new GitOpsPauser(repository, new TradingFlagEditor(java.util.Optional.empty()), 5);
    }

    /** Nothing the prober says may carry the private key. */
    void assertNoKeyIn(String text) throws Exception {
        String key = Files.readString(sshd.deployKey());
        String body = key.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        assertFalse(text.contains("PRIVATE KEY") || text.contains(body.substring(0, 20)), text);
    }

    @Test
    void aPauseLandsOverSsh() throws Exception {
        GitOpsPauser.Result result = pauser("wc", sshd.deployKey(), sshd.knownHosts())
                .pause(PauseDecider.always(edit -> "Pause trading\n\n" + PauseCommits.trailer("ssh-test")));
        assertEquals(GitOpsPauser.Result.Kind.PAUSED, result.kind(), result.detail() + "\n" + sshd.log());
        assertEquals(expected, remote.manifest());
        assertEquals(result.commit(), remote.log().get(0).name());
        assertTrue(sshd.log().contains("Accepted publickey"), sshd.log());
    }

    @Test
    void aWrongHostKeyIsRefusedAndSaysSo() throws Exception {
        GitOpsPauser.Result result = pauser("wc", sshd.deployKey(), sshd.wrongKnownHosts()).pause(PauseDecider.always(edit -> "x"));
        assertEquals(GitOpsPauser.Result.Kind.REFUSED, result.kind(), result.detail());
        assertTrue(result.detail().startsWith("the SSH host key of the remote is not the one pinned in prober.gitops.ssh-known-hosts-file"),
                result.detail());
        assertEquals(1, remote.log().size());
        assertNoKeyIn(result.detail());
    }

    @Test
    void anUnknownHostIsRefusedToo() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty_known_hosts"), "");
        GitOpsPauser.Result result = pauser("wc", sshd.deployKey(), empty).pause(PauseDecider.always(edit -> "x"));
        assertEquals(GitOpsPauser.Result.Kind.REFUSED, result.kind(), result.detail());
        assertTrue(result.detail().contains("nothing is trusted on first use"), result.detail());
    }

    @Test
    void aKeyTheServerDoesNotAcceptIsAnAuthorizationRefusal() throws Exception {
        GitOpsPauser.Result result = pauser("wc", sshd.strangerKey(), sshd.knownHosts()).pause(PauseDecider.always(edit -> "x"));
        assertEquals(GitOpsPauser.Result.Kind.REFUSED, result.kind(), result.detail());
        assertTrue(result.detail().startsWith("authorization failed"), result.detail());
        assertEquals(1, remote.log().size());
        assertNoKeyIn(result.detail());
    }

    @Test
    void theLostPushRaceIsRetriedAsOverHttps() throws Exception {
        String other = remote.prepare(t -> t.replace("0.39", "0.40"), "Bump the log shipper");
        GitHttpHooks.moveBranchOnce(remote.bare(), "main", other);
        sshd.own(remote.projectRoot());
        GitOpsPauser.Result result = pauser("wc", sshd.deployKey(), sshd.knownHosts())
                .pause(PauseDecider.always(edit -> "Pause trading\n\n" + PauseCommits.trailer("test")));
        assertEquals(GitOpsPauser.Result.Kind.PAUSED, result.kind(), result.detail() + "\n" + sshd.log());
        assertEquals(2, result.attempts());
        assertEquals(expected.replace("0.39", "0.40"), remote.manifest());
        assertEquals(List.of("Pause trading", "Bump the log shipper", "Add the torghut Knative service"),
                remote.log().stream().map(c -> c.getShortMessage()).toList());
    }

    @Test
    void scpLikeRemotesAreSsh() throws Exception {
        assertTrue(GitRemotes.isSsh("git@github.com:torghut/gitops.git"));
        assertTrue(GitRemotes.isSsh("ssh://git@github.com/torghut/gitops.git"));
        assertFalse(GitRemotes.isSsh("https://github.com/torghut/gitops.git"));
        assertFalse(GitRemotes.isSsh("file:///srv/gitops.git"));
        // JGit reads the scp-like form as SSH to port 22: user, host and path as written.
        org.eclipse.jgit.transport.URIish uri = new org.eclipse.jgit.transport.URIish("git@github.com:torghut/gitops.git");
        assertEquals(List.of("git", "github.com", "torghut/gitops.git", -1), List.of(uri.getUser(), uri.getHost(), uri.getPath(),
                uri.getPort()));
    }
}

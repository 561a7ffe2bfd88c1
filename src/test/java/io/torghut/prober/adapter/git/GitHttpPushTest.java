package io.torghut.prober.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.feature.pause.decision.GitOpsPauser;
import io.torghut.prober.feature.pause.decision.PauseDecider;
import io.torghut.prober.feature.pause.manifest.TradingFlagEditor;
import io.torghut.prober.shared.Redactor;
import io.torghut.prober.testsupport.GitHttpHooks;
import io.torghut.prober.testsupport.GitHttpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pause against a real smart-HTTP Git host ({@code git http-backend} behind Basic auth): races lost at the ref
 * update are retried, never refused; only a refused credential or a protected branch/hook refuses, once, saying which.
 */
class GitHttpPushTest {
    static final String USER = "prober";
    static final String PASSWORD = "s3cret-push-token";
    @TempDir
    Path tmp;
    BareRepo remote;
    GitHttpServer host;
    String expected;

    @BeforeEach
    void start() throws Exception {
        remote = new BareRepo(tmp.resolve("host"));
        host = GitHttpServer.start(remote.projectRoot(), USER, PASSWORD);
        expected = new String(getClass().getResourceAsStream("/manifests/realistic/expected.yaml").readAllBytes());
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private GitOpsPauser pauser(String name, String password, int attempts) {
        Redactor redactor = new Redactor();
        redactor.add(password);
        ManifestRepository repository = new JGitManifestRepository(host.url(BareRepo.NAME), "main", BareRepo.PATH, tmp.resolve(name),
                Duration.ofSeconds(20), "torghut-prober", "prober@example.com",
                Optional.of(new UsernamePasswordCredentialsProvider(USER, password)), redactor);
        return new GitOpsPauser(repository, new TradingFlagEditor(Optional.empty()), attempts);
    }

    private GitOpsPauser pauser(String name) {
        return pauser(name, PASSWORD, 5);
    }

    /**
     * Two replicas, twenty concurrent pauses, one Git host: exactly one commit. On the host, not over file://, where
     * JGit itself writes into the shared repository and a concurrent fetch could read a pack still being written
     * ("Short read of block"): a failure of the double, not of the pause.
     */
    @Test
    void twoReplicasAndTwentyThreadsMakeExactlyOneCommit() throws Exception {
        List<GitOpsPauser> replicas = List.of(pauser("replica-a"), pauser("replica-b"));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<GitOpsPauser.Result>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            GitOpsPauser pauser = replicas.get(i % 2);
            calls.add(() -> pauser.pause(PauseDecider.always(edit -> "Pause trading")));
        }
        List<GitOpsPauser.Result.Kind> kinds = new ArrayList<>();
        for (Future<GitOpsPauser.Result> f : pool.invokeAll(calls)) {
            kinds.add(f.get().kind());
        }
        pool.shutdown();
        assertEquals(1, kinds.stream().filter(k -> k == GitOpsPauser.Result.Kind.PAUSED).count(), kinds.toString());
        assertEquals(19, kinds.stream().filter(k -> k == GitOpsPauser.Result.Kind.ALREADY_PAUSED).count(), kinds.toString());
        assertEquals(2, remote.log().size());
        assertEquals(expected, remote.manifest());
    }

    @Test
    void aRaceLostAtTheRefUpdateIsRetriedAndPauses() throws Exception {
        String other = remote.prepare(t -> t.replace("0.39", "0.40"), "Bump the log shipper");
        GitHttpHooks.moveBranchOnce(remote.bare(), "main", other);
        GitOpsPauser.Result result = pauser("wc").pause(PauseDecider.always(edit -> "Pause trading\n\n" + PauseCommits.trailer("test")));
        assertEquals(GitOpsPauser.Result.Kind.PAUSED, result.kind(), result.detail());
        assertEquals(2, result.attempts());
        assertEquals(2, host.receivePacks());
        assertEquals(expected.replace("0.39", "0.40"), remote.manifest());
        assertEquals(List.of("Pause trading", "Bump the log shipper", "Add the torghut Knative service"),
                remote.log().stream().map(c -> c.getShortMessage()).toList());
    }

    @Test
    void aRaceLostToAnotherPauseAnswersAlreadyPausedWithoutASecondCommit() throws Exception {
        String other = remote.prepare(t -> t.replace("value: \"true\"   # set", "value: \"false\"   # set"), "Pause by the other replica");
        GitHttpHooks.moveBranchOnce(remote.bare(), "main", other);
        GitOpsPauser.Result result = pauser("wc").pause(PauseDecider.always(edit -> "Pause trading"));
        assertEquals(GitOpsPauser.Result.Kind.ALREADY_PAUSED, result.kind(), result.detail());
        assertEquals(other, result.commit());
        assertEquals(List.of("Pause by the other replica", "Add the torghut Knative service"),
                remote.log().stream().map(c -> c.getShortMessage()).toList());
    }

    @Test
    void wrongCredentialsAreRefusedAsAuthorizationWithoutTheSecret() throws Exception {
        GitOpsPauser.Result result = pauser("wc", "wrong-token-value", 5).pause(PauseDecider.always(edit -> "Pause trading"));
        assertEquals(GitOpsPauser.Result.Kind.REFUSED, result.kind(), result.detail());
        assertTrue(result.detail().startsWith("authorization failed"), result.detail());
        assertTrue(!result.detail().contains("wrong-token-value"), result.detail());
        assertEquals(0, host.receivePacks());
        assertEquals(1, remote.log().size());
    }

    @Test
    void aProtectedBranchRefusesOnceAndSaysSo() throws Exception {
        GitHttpHooks.decline(remote.bare(), "GH006: Protected branch update failed for refs/heads/main.");
        GitOpsPauser.Result result = pauser("wc").pause(PauseDecider.always(edit -> "Pause trading"));
        assertEquals(GitOpsPauser.Result.Kind.REFUSED, result.kind(), result.detail());
        assertTrue(result.detail().contains("protected branch or server hook"), result.detail());
        assertTrue(result.detail().contains("Protected branch update failed"), result.detail());
        assertEquals(1, host.receivePacks(), "a refusal is not retried");
        assertEquals(1, remote.log().size());
    }

    @Test
    void aHookRefusalWithoutTheWordProtectedIsStillARefusal() throws Exception {
        GitHttpHooks.decline(remote.bare(), "commits to main need a signed-off review");
        GitOpsPauser.Result result = pauser("wc").pause(PauseDecider.always(edit -> "Pause trading"));
        assertEquals(GitOpsPauser.Result.Kind.REFUSED, result.kind(), result.detail());
        assertTrue(result.detail().contains("hook declined"), result.detail());
        assertEquals(1, host.receivePacks());
    }

    @Test
    void givesUpAfterPushAttemptsLostRaces() throws Exception {
        GitHttpHooks.moveBranchEveryTime(remote.bare(), "main");
        GitOpsPauser pauser = pauser("wc", PASSWORD, 3);
        GitUnavailableException gaveUp = assertThrows(GitUnavailableException.class, () -> pauser.pause(PauseDecider.always(edit -> "Pause trading")));
        assertTrue(gaveUp.getMessage().contains("rejected 3 times in a row"), gaveUp.getMessage());
        assertEquals(3, host.receivePacks());
        assertTrue(remote.log().stream().noneMatch(c -> c.getShortMessage().equals("Pause trading")));
    }

    /**
     * Issue 24 (9): a mistyped branch was 503 for 30 minutes with a fresh working copy (the clone failed) but 409 with
     * an existing one (the fetch found no such ref). Now one answer either way: refused, naming the branch.
     */
    @Test
    void aMistypedBranchIsRefusedAlikeWithAFreshOrAnExistingWorkingCopy() throws Exception {
        ManifestRepository repository = new JGitManifestRepository(host.url(BareRepo.NAME), "mian", BareRepo.PATH, tmp.resolve("typo"),
                Duration.ofSeconds(20), "torghut-prober", "prober@example.com",
                Optional.of(new UsernamePasswordCredentialsProvider(USER, PASSWORD)), new Redactor());
        GitOpsPauser pauser = new GitOpsPauser(repository, new TradingFlagEditor(Optional.empty()), 3);
        for (String copy : List.of("fresh", "existing")) {
            GitOpsPauser.Result result = pauser.pause(PauseDecider.always(edit -> "Pause trading"));
            assertEquals(GitOpsPauser.Result.Kind.REFUSED, result.kind(), copy + ": " + result.detail());
            assertEquals("the branch mian does not exist on " + host.url(BareRepo.NAME), result.detail(), copy);
        }
        assertEquals(0, host.receivePacks());
    }
}

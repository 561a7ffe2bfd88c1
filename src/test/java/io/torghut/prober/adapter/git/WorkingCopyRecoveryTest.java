package io.torghut.prober.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.feature.pause.decision.GitOpsPauser;
import io.torghut.prober.feature.pause.decision.PauseDecider;
import io.torghut.prober.feature.pause.manifest.TradingFlagEditor;
import io.torghut.prober.shared.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The working copy belongs to the configured remote and branch, and a broken one heals: another remote's clone, a
 * switched branch, a stale lock and a corrupt {@code .git} are discarded and cloned again (and logged without
 * credentials); a branch gone from the remote is refused until it is back.
 */
class WorkingCopyRecoveryTest {
    @TempDir
    Path tmp;
    BareRepo remote;
    final List<String> logged = new CopyOnWriteArrayList<>();
    final Logger log = Logger.getLogger(WorkingCopy.class.getName());
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(String.format(record.getMessage(), record.getParameters() == null ? new Object[0] : record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void seed() throws Exception {
        remote = new BareRepo(tmp.resolve("remote"));
        log.addHandler(capture);
    }

    @AfterEach
    void detach() {
        log.removeHandler(capture);
    }

    private GitOpsPauser pauser(String url, String branch) {
        return new GitOpsPauser(new JGitManifestRepository(url, branch, BareRepo.PATH, tmp.resolve("wc"), Duration.ofSeconds(10),
                "torghut-prober", "prober@example.com", Optional.empty(), new Redactor()), new TradingFlagEditor(Optional.empty()), 3);
    }

    private GitOpsPauser.Result pause() throws GitUnavailableException {
        return pauser(remote.url(), "main").pause(PauseDecider.always(edit -> "Pause trading"));
    }

    private void assertPausedOnce() throws Exception {
        assertEquals(2, remote.log().size());
        assertEquals("Pause trading", remote.log().get(0).getShortMessage());
    }

    @Test
    void aWorkingCopyOfAnotherRemoteIsDiscardedAndClonedAgainLoggedWithoutCredentials() throws Exception {
        BareRepo old = new BareRepo(tmp.resolve("old"));
        pauser(old.url(), "main").read();
        try (Git wc = Git.open(tmp.resolve("wc").toFile())) {
            // As a run with GITOPS_REPO_URL=https://bot:<token>@old.invalid/... would have left it.
            StoredConfig config = wc.getRepository().getConfig();
            config.setString("remote", "origin", "url", "https://bot:tok3n-old-secret@old.invalid/gitops.git");
            config.save();
        }
        GitOpsPauser.Result result = pause();
        assertEquals(GitOpsPauser.Result.Kind.PAUSED, result.kind(), result.detail());
        assertPausedOnce();
        assertEquals(1, old.log().size(), "the old remote is never written");
        String line = logged.stream().filter(l -> l.contains("belongs to remote")).findFirst().orElseThrow(() -> new AssertionError(logged));
        assertTrue(line.contains("belongs to remote https://old.invalid/gitops.git") && line.contains("cloning " + remote.url()), line);
        assertFalse(String.join("\n", logged).contains("tok3n"), logged.toString());
    }

    @Test
    void theConfiguredRemoteChangingBetweenRunsPausesTheNewRemote() throws Exception {
        BareRepo old = new BareRepo(tmp.resolve("old"));
        assertEquals(GitOpsPauser.Result.Kind.PAUSED, pauser(old.url(), "main").pause(PauseDecider.always(edit -> "Pause trading")).kind());
        assertEquals(GitOpsPauser.Result.Kind.PAUSED, pause().kind(), "not 'already-paused' from the old remote's state");
        assertPausedOnce();
    }

    @Test
    void aSwitchedBranchIsDiscardedAndClonedAgain() throws Exception {
        pauser(remote.url(), "main").read();
        try (Git wc = Git.open(tmp.resolve("wc").toFile())) {
            wc.checkout().setCreateBranch(true).setName("experiment").call();
        }
        assertEquals(GitOpsPauser.Result.Kind.PAUSED, pause().kind());
        assertPausedOnce();
        assertTrue(logged.stream().anyMatch(l -> l.contains("is on branch experiment, not main")), logged.toString());
    }

    @Test
    void aStaleRefLockIsCleanedByCloningAgain() throws Exception {
        pauser(remote.url(), "main").read();
        Files.writeString(tmp.resolve("wc/.git/refs/heads/main.lock"), "stale\n");
        Files.writeString(tmp.resolve("wc/.git/index.lock"), "stale\n");
        assertEquals(GitOpsPauser.Result.Kind.PAUSED, pause().kind());
        assertPausedOnce();
        assertTrue(logged.stream().anyMatch(l -> l.contains("is broken")), logged.toString());
    }

    @Test
    void aCorruptGitDirectoryIsClonedAgain() throws Exception {
        pauser(remote.url(), "main").read();
        Files.writeString(tmp.resolve("wc/.git/HEAD"), "garbage\n");
        assertEquals(GitOpsPauser.Result.Kind.PAUSED, pause().kind());
        assertPausedOnce();
    }

    @Test
    void lostObjectsAreClonedAgain() throws Exception {
        pauser(remote.url(), "main").read();
        try (var objects = Files.walk(tmp.resolve("wc/.git/objects"))) {
            for (Path p : objects.filter(Files::isRegularFile).toList()) {
                Files.delete(p);
            }
        }
        assertEquals(GitOpsPauser.Result.Kind.PAUSED, pause().kind());
        assertPausedOnce();
    }

    @Test
    void aBranchGoneFromTheRemoteIsRefusedUntilItIsBack() throws Exception {
        pauser(remote.url(), "main").read();
        try (Git bare = Git.open(remote.bare().toFile())) {
            bare.branchCreate().setName("keep").setStartPoint("main").call();
            bare.getRepository().updateRef("HEAD").link("refs/heads/keep");
            bare.branchDelete().setBranchNames("main").setForce(true).call();
        }
        GitOpsPauser.Result gone = pause();
        assertEquals(GitOpsPauser.Result.Kind.REFUSED, gone.kind(), gone.detail());
        assertEquals("the branch main does not exist on " + remote.url(), gone.detail());
        try (Git bare = Git.open(remote.bare().toFile())) {
            bare.branchCreate().setName("main").setStartPoint("keep").call();
            bare.getRepository().updateRef("HEAD").link("refs/heads/main");
        }
        assertEquals(GitOpsPauser.Result.Kind.PAUSED, pause().kind());
        assertPausedOnce();
    }
}

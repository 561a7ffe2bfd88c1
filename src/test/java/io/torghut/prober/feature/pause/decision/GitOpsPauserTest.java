package io.torghut.prober.feature.pause.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.adapter.git.BareRepo;
import io.torghut.prober.adapter.git.BranchHistory;
import io.torghut.prober.adapter.git.GitOpsConfigStub;
import io.torghut.prober.adapter.git.GitUnavailableException;
import io.torghut.prober.adapter.git.JGitManifestRepository;
import io.torghut.prober.adapter.git.ManifestRepository;
import io.torghut.prober.adapter.git.ManifestSnapshot;
import io.torghut.prober.adapter.git.PushOutcome;
import io.torghut.prober.feature.pause.manifest.TradingFlagEditor;
import io.torghut.prober.shared.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pause against a real bare repository: one commit, idempotent, rebased on concurrent pushes, retried when away. */
class GitOpsPauserTest {
    @TempDir
    Path tmp;
    BareRepo remote;
    String expected;

    @BeforeEach
    void seed() throws Exception {
        remote = new BareRepo(tmp.resolve("remote"));
        expected = new String(getClass().getResourceAsStream("/manifests/realistic/expected.yaml").readAllBytes());
    }

    private ManifestRepository workingCopy(String name) {
        return new JGitManifestRepository(remote.url(), "main", BareRepo.PATH, tmp.resolve(name), Duration.ofSeconds(5),
                "torghut-prober", "prober@example.com", Optional.empty(), new Redactor());
    }

    private GitOpsPauser pauser(ManifestRepository repository) {
        return new GitOpsPauser(repository, new TradingFlagEditor(Optional.empty()), 5);
    }

    @Test
    void pausesWithOneCommitAndThenSaysAlreadyPaused() throws Exception {
        GitOpsPauser pauser = pauser(workingCopy("wc"));
        GitOpsPauser.Result first = pauser.pause(PauseDecider.always(edit -> "Pause trading\n\n" + edit.detail()));
        assertEquals(GitOpsPauser.Result.Kind.PAUSED, first.kind(), first.detail());
        assertEquals(expected, remote.manifest());
        assertEquals(2, remote.log().size());
        assertEquals(first.commit(), remote.log().get(0).name());
        assertEquals("torghut-prober", remote.log().get(0).getAuthorIdent().getName());
        assertTrue(first.diff().contains("+              value: \"false\""), first.diff());

        GitOpsPauser.Result second = pauser.pause(PauseDecider.always(edit -> "again"));
        assertEquals(GitOpsPauser.Result.Kind.ALREADY_PAUSED, second.kind());
        assertEquals(2, remote.log().size());
    }

    @Test
    void rejectedPushIsRebasedOntoTheOtherCommit() throws Exception {
        ManifestRepository real = workingCopy("wc");
        AtomicBoolean raced = new AtomicBoolean();
        ManifestRepository racing = new ManifestRepository() {
            public ManifestSnapshot sync() throws GitUnavailableException {
                return real.sync();
            }

            public PushOutcome commitAndPush(String before, String manifest, String message) throws GitUnavailableException {
                if (raced.compareAndSet(false, true)) {
                    try {
                        remote.change(t -> t.replace("0.39", "0.40"), "Bump the log shipper");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return real.commitAndPush(before, manifest, message);
            }

            public BranchHistory history(java.util.function.Function<String, io.torghut.prober.shared.model.TradingFlag> flagOf)
                    throws GitUnavailableException {
                return real.history(flagOf);
            }

            public String describe() {
                return real.describe();
            }

            public String manifestPath() {
                return real.manifestPath();
            }
        };
        GitOpsPauser.Result result = pauser(racing).pause(PauseDecider.always(edit -> "Pause trading"));
        assertEquals(GitOpsPauser.Result.Kind.PAUSED, result.kind());
        assertEquals(2, result.attempts());
        assertEquals(expected.replace("0.39", "0.40"), remote.manifest());
        List<String> messages = remote.log().stream().map(c -> c.getShortMessage()).toList();
        assertEquals(List.of("Pause trading", "Bump the log shipper", "Add the torghut Knative service"), messages);
    }

    @Test
    void someoneElsePausedMeanwhileMeansNoCommit() throws Exception {
        GitOpsPauser pauser = pauser(workingCopy("wc"));
        workingCopy("warm").sync();
        remote.change(t -> t.replace("value: \"true\"   # set", "value: \"false\"   # set"), "Human pause");
        assertEquals(GitOpsPauser.Result.Kind.ALREADY_PAUSED, pauser.pause(PauseDecider.always(edit -> "x")).kind());
        assertEquals(2, remote.log().size());
    }

    @Test
    void unreachableRemoteFailsThenSucceedsWhenItReturns() throws Exception {
        GitOpsPauser pauser = pauser(workingCopy("wc"));
        remote.takeAway();
        GitUnavailableException away = assertThrows(GitUnavailableException.class, () -> pauser.pause(PauseDecider.always(edit -> "x")));
        assertTrue(away.getMessage().startsWith("git fetch against file:"), away.getMessage());
        remote.bringBack();
        assertEquals(GitOpsPauser.Result.Kind.PAUSED, pauser.pause(PauseDecider.always(edit -> "x")).kind());
        // And once more after the working copy exists: fetch (not clone) fails the same way.
        remote.takeAway();
        assertThrows(GitUnavailableException.class, () -> pauser.pause(PauseDecider.always(edit -> "x")));
        remote.bringBack();
        assertEquals(GitOpsPauser.Result.Kind.ALREADY_PAUSED, pauser.pause(PauseDecider.always(edit -> "x")).kind());
    }

    @Test
    void theTokenNeverAppearsInErrors() {
        Redactor redactor = new Redactor();
        GitOpsConfigStub config = new GitOpsConfigStub(tmp.resolve("https-wc").toString(), "tok3n-s3cret-value");
        ManifestRepository https = JGitManifestRepository.from(config, "https://bot:tok3n-s3cret-value@127.0.0.1:9/torghut.git", BareRepo.PATH, redactor);
        GitUnavailableException e = assertThrows(GitUnavailableException.class, https::sync);
        assertTrue(e.getMessage().startsWith("git fetch against https://127.0.0.1:9/torghut.git failed: "), e.getMessage());
        assertTrue(!e.getMessage().contains("tok3n") && !https.describe().contains("tok3n"), e.getMessage());
        assertEquals("say ****", redactor.clean("say tok3n-s3cret-value"));
    }

    @Test
    void refusesAManifestOfTheWrongShapeWithoutCommitting() throws Exception {
        remote.change(t -> t.replace("kind: Service", "kind: Deployment"), "Not knative any more");
        GitOpsPauser.Result result = pauser(workingCopy("wc")).pause(PauseDecider.always(edit -> "x"));
        assertEquals(GitOpsPauser.Result.Kind.REFUSED, result.kind());
        assertTrue(result.detail().contains("not a Knative Service"));
        assertEquals(2, remote.log().size());
        assertTrue(Files.exists(tmp.resolve("wc/.git")));
    }
}

package io.torghut.prober.feature.pause.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.adapter.git.BareRepo;
import io.torghut.prober.adapter.git.GitUnavailableException;
import io.torghut.prober.adapter.git.JGitManifestRepository;
import io.torghut.prober.adapter.git.ManifestRepository;
import io.torghut.prober.feature.pause.decision.GitOpsPauser;
import io.torghut.prober.feature.pause.decision.PauseDecider;
import io.torghut.prober.shared.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest is a regular file inside the repository: a symbolic link (to a file or a directory outside), a
 * submodule or a directory at the path is refused with the reason, nothing outside the working copy is touched, and
 * nothing is committed.
 */
class ManifestShapeTest {
    @TempDir
    Path tmp;
    BareRepo remote;
    Path outside;
    String outsideText;

    @BeforeEach
    void seed() throws Exception {
        remote = new BareRepo(tmp.resolve("remote"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        outsideText = remote.manifest();
        Files.writeString(outside.resolve("knative-service.yaml"), outsideText);
    }

    private GitOpsPauser.Result pause() throws GitUnavailableException {
        ManifestRepository repository = new JGitManifestRepository(remote.url(), "main", BareRepo.PATH, tmp.resolve("wc"),
                Duration.ofSeconds(10), "torghut-prober", "prober@example.com", Optional.empty(), new Redactor());
        return new GitOpsPauser(repository, new TradingFlagEditor(Optional.empty()), 3).pause(PauseDecider.always(edit -> "Pause trading"));
    }

    private void assertRefusedAndUntouched(GitOpsPauser.Result result, String reason) throws Exception {
        assertEquals(GitOpsPauser.Result.Kind.REFUSED, result.kind(), result.detail());
        assertTrue(result.detail().contains(reason), result.detail());
        assertEquals(outsideText, Files.readString(outside.resolve("knative-service.yaml")), "the file outside was touched");
        assertEquals(2, remote.log().size(), "nothing may be committed");
    }

    @Test
    void aSymbolicLinkToAFileOutsideIsRefused() throws Exception {
        remote.shell("rm " + BareRepo.PATH + " && ln -s " + outside.resolve("knative-service.yaml") + " " + BareRepo.PATH,
                "Point the manifest elsewhere");
        assertRefusedAndUntouched(pause(), BareRepo.PATH + " is a symbolic link in the repository");
    }

    @Test
    void aSymbolicLinkedDirectoryOnThePathIsRefused() throws Exception {
        remote.shell("rm -r argocd/applications/torghut && ln -s " + outside + " argocd/applications/torghut", "Link the app dir");
        assertRefusedAndUntouched(pause(), "argocd/applications/torghut is a symbolic link in the repository");
    }

    @Test
    void aSubmoduleAtThePathIsRefused() throws Exception {
        remote.shell("rm " + BareRepo.PATH + " && git update-index --add --cacheinfo 160000,"
                + "1111111111111111111111111111111111111111," + BareRepo.PATH + " && mkdir " + BareRepo.PATH, "Make it a submodule");
        assertRefusedAndUntouched(pause(), BareRepo.PATH + " is a submodule (gitlink)");
    }

    @Test
    void aDirectoryAtThePathIsRefused() throws Exception {
        remote.shell("rm " + BareRepo.PATH + " && mkdir " + BareRepo.PATH + " && echo x > " + BareRepo.PATH + "/a", "Make it a dir");
        assertRefusedAndUntouched(pause(), BareRepo.PATH + " is a directory");
    }

    @Test
    void aManifestMissingFromTheRepositoryIsRefused() throws Exception {
        remote.shell("git rm -q " + BareRepo.PATH, "Remove the manifest");
        GitOpsPauser.Result result = pause();
        assertEquals(GitOpsPauser.Result.Kind.REFUSED, result.kind(), result.detail());
        assertEquals("no manifest at " + BareRepo.PATH + " on the branch", result.detail());
        assertEquals(2, remote.log().size());
    }

    @Test
    void theWorkingCopyHoldsNoCheckedOutFiles() throws Exception {
        assertEquals(GitOpsPauser.Result.Kind.PAUSED, pause().kind());
        try (var files = Files.list(tmp.resolve("wc"))) {
            assertEquals(java.util.List.of(".git"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    /**
     * Issue 24 (8): a Latin-1 manifest lost its {@code ü} and {@code é} to U+FFFD in the commit, against "every other
     * byte stays identical". The prober writes UTF-8, so a file that is not UTF-8 is refused, and its bytes stay.
     */
    @Test
    void aManifestThatIsNotUtf8IsRefusedAndItsBytesStay() throws Exception {
        // A comment saved by an editor in Latin-1: the bytes FC and E9, which are not UTF-8.
        remote.shell("printf '# Z\\374rich caf\\351\\n' >> " + BareRepo.PATH, "Latin-1 comment");
        byte[] before = remote.bytes();
        assertTrue(new String(before, java.nio.charset.StandardCharsets.ISO_8859_1).contains("# Zürich café"), "the test file is Latin-1");
        GitOpsPauser.Result result = pause();
        assertEquals(GitOpsPauser.Result.Kind.REFUSED, result.kind(), result.detail());
        assertTrue(result.detail().contains(BareRepo.PATH + " is not valid UTF-8"), result.detail());
        assertEquals(2, remote.log().size(), "nothing may be committed");
        assertTrue(java.util.Arrays.equals(before, remote.bytes()), "every byte stays");
    }
}

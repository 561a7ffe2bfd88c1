package io.torghut.prober.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.feature.pause.decision.GitOpsPauser;
import io.torghut.prober.feature.pause.decision.PauseDecider;
import io.torghut.prober.feature.pause.manifest.TradingFlagEditor;
import io.torghut.prober.shared.ConfigProblem;
import io.torghut.prober.shared.Redactor;
import io.torghut.prober.testsupport.GitHttpHooks;
import io.torghut.prober.testsupport.GitHttpServer;
import io.torghut.prober.testsupport.GnuPg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, point 2: a branch that requires signed commits, played by a pre-receive hook on a smart-HTTP Git host that
 * runs {@code git verify-commit} against the host's keyring (GnuPG). With a signing key the pause lands and
 * {@code git verify-commit} accepts it; without one the host refuses, and the prober says the branch requires signed
 * commits. The key's passphrase is checked at startup, and neither the key nor the passphrase appears anywhere.
 */
class SignedCommitHttpTest {
    static final String USER = "prober";
    static final String PASSWORD = "signed-push-pw-7a";
    static final String UID = "torghut-prober <torghut-prober@users.noreply.invalid>";
    @TempDir
    Path tmp;
    BareRepo remote;
    GitHttpServer host;
    GnuPg prober;
    GnuPg hostKeys;

    @BeforeEach
    void start() throws Exception {
        remote = new BareRepo(tmp.resolve("host"));
        host = GitHttpServer.start(remote.projectRoot(), USER, PASSWORD);
        prober = GnuPg.home(tmp.resolve("prober-gnupg"));
        hostKeys = GnuPg.home(tmp.resolve("host-gnupg"));
    }

    @AfterEach
    void stop() {
        host.close();
    }

    GitOpsPauser pauser(Optional<CommitSigner> signer) {
        ManifestRepository repository = new JGitManifestRepository(host.url(BareRepo.NAME), "main", BareRepo.PATH, tmp.resolve("wc"),
                new PersonIdent("torghut-prober", "torghut-prober@users.noreply.invalid"),
                RemoteAccess.https(20, Optional.of(new UsernamePasswordCredentialsProvider(USER, PASSWORD))), signer, new Redactor());
        return new GitOpsPauser(repository, new TradingFlagEditor(Optional.empty()), 3);
    }

    Path aClone() throws Exception {
        Path clone = tmp.resolve("verify-" + System.nanoTime());
        Git.cloneRepository().setURI(remote.url()).setDirectory(clone.toFile()).call().close();
        return clone;
    }

    @Test
    void aSignedPauseLandsOnABranchThatRequiresSignedCommits() throws Exception {
        Path key = prober.secretKey(UID, "", tmp.resolve("signing.asc"));
        hostKeys.trust(prober, UID);
        GitHttpHooks.requireSignedCommits(remote.bare(), hostKeys.dir());
        OpenPgpSigner signer = OpenPgpSigner.load(key, Optional.empty());
        GitOpsPauser.Result result = pauser(Optional.of(signer)).pause(PauseDecider.always(edit -> "Pause trading\n\n"
                + PauseCommits.trailer("signed")));
        assertEquals(GitOpsPauser.Result.Kind.PAUSED, result.kind(), result.detail());
        GnuPg.Result verified = hostKeys.verifyCommit(aClone(), result.commit());
        assertEquals(0, verified.exit(), verified.output());
        assertTrue(verified.output().contains("GOODSIG") && verified.output().contains(signer.fingerprint()), verified.output());
    }

    @Test
    void withoutSigningTheHostRefusesAndTheProberSaysTheBranchRequiresSignedCommits() throws Exception {
        prober.secretKey(UID, "", tmp.resolve("signing.asc"));
        hostKeys.trust(prober, UID);
        GitHttpHooks.requireSignedCommits(remote.bare(), hostKeys.dir());
        GitOpsPauser.Result result = pauser(Optional.empty()).pause(PauseDecider.always(edit -> "Pause trading"));
        assertEquals(GitOpsPauser.Result.Kind.REFUSED, result.kind(), result.detail());
        assertTrue(result.detail().startsWith("the remote refused the push: the branch requires signed commits (set "
                + "prober.gitops.signing.key-file"), result.detail());
        assertTrue(result.detail().contains("Commits must have verified signatures."), result.detail());
        assertEquals(1, remote.log().size());
    }

    @Test
    void aKeyTheHostDoesNotKnowIsRefusedToo() throws Exception {
        Path key = prober.secretKey(UID, "", tmp.resolve("signing.asc"));
        GitHttpHooks.requireSignedCommits(remote.bare(), hostKeys.dir());
        GitOpsPauser.Result result = pauser(Optional.of(OpenPgpSigner.load(key, Optional.empty())))
                .pause(PauseDecider.always(edit -> "Pause trading"));
        assertEquals(GitOpsPauser.Result.Kind.REFUSED, result.kind(), result.detail());
        assertTrue(result.detail().contains("the branch requires signed commits"), result.detail());
    }

    @Test
    void aPassphraseProtectedKeyIsUnlockedOnceAndNamedWhenItCannotBe() throws Exception {
        String passphrase = "signing-passphrase-93c1";
        Path key = prober.secretKey(UID, passphrase, tmp.resolve("protected.asc"));
        hostKeys.trust(prober, UID);
        GitHttpHooks.requireSignedCommits(remote.bare(), hostKeys.dir());
        assertEquals("invalid configuration prober.gitops.signing.passphrase (GITOPS_SIGNING_PASSPHRASE): is required: the key is "
                + "protected by a passphrase", assertThrows(ConfigProblem.class, () -> OpenPgpSigner.load(key, Optional.empty())).getMessage());
        ConfigProblem wrong = assertThrows(ConfigProblem.class, () -> OpenPgpSigner.load(key, Optional.of("not-it")));
        assertEquals("invalid configuration prober.gitops.signing.passphrase (GITOPS_SIGNING_PASSPHRASE): does not unlock the key",
                wrong.getMessage());
        GitOpsPauser.Result result = pauser(Optional.of(OpenPgpSigner.load(key, Optional.of(passphrase))))
                .pause(PauseDecider.always(edit -> "Pause trading"));
        assertEquals(GitOpsPauser.Result.Kind.PAUSED, result.kind(), result.detail());
        assertEquals(0, hostKeys.verifyCommit(aClone(), result.commit()).exit());
        String armored = Files.readString(key);
        String body = armored.lines().filter(l -> !l.isBlank() && !l.startsWith("-----") && !l.contains(":")).findFirst().orElseThrow();
        assertFalse(wrong.getMessage().contains(body) || wrong.getMessage().contains(passphrase));
    }

    @Test
    void aFileThatIsNotAKeyIsNamed() throws Exception {
        Path notAKey = Files.writeString(tmp.resolve("nope.asc"), "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nnothing\n");
        ConfigProblem problem = assertThrows(ConfigProblem.class, () -> OpenPgpSigner.load(notAKey, Optional.empty()));
        assertTrue(problem.getMessage().startsWith("invalid configuration prober.gitops.signing.key-file (GITOPS_SIGNING_KEY_FILE): "),
                problem.getMessage());
    }
}

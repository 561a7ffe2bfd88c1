package io.torghut.prober.adapter.git;

import io.torghut.prober.shared.Redactor;
import io.torghut.prober.shared.model.TradingFlag;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * A JGit clone of the GitOps repository in a local directory: fetch the branch before every read or edit, read the
 * manifest from the tip's tree, write the pause commit into the object database, push. The clone is checked against
 * the configured remote and branch every time ({@link WorkingCopy}); a broken clone (stale lock, corrupt
 * {@code .git}) is discarded and cloned again once per call. Every network operation has a timeout; failures become
 * {@link GitUnavailableException} with the remote's message cleaned of secrets.
 */
public final class JGitManifestRepository implements ManifestRepository {
    private final String url;
    private final String branch;
    private final String path;
    private final PersonIdent author;
    private final RemoteAccess access;
    private final Optional<CommitSigner> signer;
    private final Redactor redactor;
    private final WorkingCopy copy;
    private final Pusher pusher;
    private RevCommit tip;
    private TreeManifest.Entry entry;
    private BranchHistory history;

    /** An https (or file:) remote with these credentials. */
    public JGitManifestRepository(String url, String branch, String path, Path dir, Duration timeout, String authorName,
                                  String authorEmail, Optional<CredentialsProvider> credentials, Redactor redactor) {
        this(url, branch, path, dir, new PersonIdent(authorName, authorEmail), RemoteAccess.https(seconds(timeout), credentials),
                Optional.empty(), redactor);
    }

    /** @param signer signs every pause commit (a branch that requires signed commits), empty: unsigned */
    public JGitManifestRepository(String url, String branch, String path, Path dir, PersonIdent author, RemoteAccess access,
                                  Optional<CommitSigner> signer, Redactor redactor) {
        this.url = url;
        this.branch = branch;
        this.path = path;
        this.author = author;
        this.access = access;
        this.signer = signer;
        this.redactor = redactor;
        this.copy = new WorkingCopy(url, branch, dir, this::shown);
        this.pusher = new Pusher(branch, access, this::shown);
    }

    /** JGit counts its timeouts in whole seconds. */
    static int seconds(Duration timeout) {
        return (int) Math.max(1, timeout.toSeconds());
    }

    /**
     * Builds the repository from configuration; the token and the signing passphrase are registered with the redactor
     * first.
     *
     * @param manifestPath {@code prober.target.manifest-path}
     */
    public static JGitManifestRepository from(GitOpsConfig config, String url, String manifestPath, Redactor redactor) {
        config.token().ifPresent(redactor::add);
        Path workDir = Path.of(config.workDir());
        RemoteAccess access = GitRemotes.isSsh(url)
                ? RemoteAccess.ssh(seconds(config.timeout()), Path.of(config.sshKeyFile().orElseThrow()),
                        Path.of(config.sshKnownHostsFile().orElseThrow()), workDir.resolveSibling(workDir.getFileName() + ".no-ssh-config"))
                : RemoteAccess.https(seconds(config.timeout()), config.token()
                        .map(token -> new UsernamePasswordCredentialsProvider(config.username(), token)));
        config.signing().passphrase().ifPresent(redactor::add);
        Optional<CommitSigner> signer = config.signing().keyFile()
                .map(key -> OpenPgpSigner.load(Path.of(key), config.signing().passphrase()));
        return new JGitManifestRepository(url, config.branch(), manifestPath, workDir,
                new PersonIdent(config.authorName(), config.authorEmail()), access, signer, redactor);
    }

    @Override
    public synchronized ManifestSnapshot sync() throws GitUnavailableException {
        try {
            return fetchAndRead();
        } catch (TransportException | InvalidRemoteException e) {
            // The remote is away or refuses us: the clone is fine, keep it.
            throw transport("fetch", e);
        } catch (GitAPIException | IOException | RuntimeException broken) {
            recover(broken);
        }
        try {
            return fetchAndRead();
        } catch (TransportException | InvalidRemoteException e) {
            throw transport("fetch", e);
        } catch (GitAPIException | IOException | RuntimeException e) {
            throw unavailable("fetch", e);
        }
    }

    private ManifestSnapshot fetchAndRead() throws GitAPIException, IOException {
        tip = null;
        entry = null;
        Git git = copy.open();
        try {
            access.apply(git.fetch()).setRemote("origin")
                    .setRefSpecs(new RefSpec("+refs/heads/" + branch + ":refs/remotes/origin/" + branch)).call();
        } catch (TransportException e) {
            if (!String.valueOf(e.getMessage()).contains("does not have refs/heads/" + branch)) {
                throw e;
            }
            return new ManifestSnapshot("none", Optional.empty(), Optional.of("the branch " + branch + " does not exist on " + shown(url)));
        }
        ObjectId remote = git.getRepository().resolve("refs/remotes/origin/" + branch);
        if (remote == null) {
            return new ManifestSnapshot("none", Optional.empty(), Optional.of("the branch " + branch + " does not exist on " + shown(url)));
        }
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            tip = walk.parseCommit(remote);
        }
        // The local branch follows the remote tip exactly; nothing is checked out, so the file system is never written.
        RefUpdate follow = git.getRepository().updateRef(Constants.R_HEADS + branch);
        follow.setNewObjectId(tip);
        follow.setForceUpdate(true);
        RefUpdate.Result moved = follow.update();
        if (moved == RefUpdate.Result.LOCK_FAILURE || moved == RefUpdate.Result.IO_FAILURE || moved == RefUpdate.Result.REJECTED) {
            throw new IOException("cannot move the local branch " + branch + ": " + moved);
        }
        entry = TreeManifest.read(git.getRepository(), tip.getTree(), path);
        return new ManifestSnapshot(tip.name(), entry.text(), entry.problem());
    }

    @Override
    public synchronized PushOutcome commitAndPush(String before, String after, String message) throws GitUnavailableException {
        if (tip == null || entry == null || entry.problem().isPresent()) {
            return new PushOutcome(PushOutcome.Status.NOT_COMMITTED, tip == null ? "none" : tip.name(),
                    "not committed: the manifest was not read from the branch tip first");
        }
        String commit;
        try {
            Git git = copy.open();
            PauseCommitWriter.Written written = new PauseCommitWriter(git.getRepository(), branch, path, author, signer)
                    .write(tip, entry, before, after, message);
            if (written instanceof PauseCommitWriter.Refused refused) {
                return new PushOutcome(PushOutcome.Status.NOT_COMMITTED, tip.name(), refused.reason());
            }
            commit = ((PauseCommitWriter.Committed) written).commit().name();
        } catch (GitAPIException | IOException | RuntimeException broken) {
            // The clone broke under us (a lock, a corrupt object store): start clean and let the loop sync again.
            recover(broken);
            return new PushOutcome(PushOutcome.Status.REJECTED, tip.name(), "the working copy was broken and is cloned again");
        }
        try {
            return pusher.push(copy.open(), commit);
        } catch (GitAPIException | IOException e) {
            throw unavailable("push", e);
        }
    }

    @Override
    public synchronized BranchHistory history(Function<String, TradingFlag> flagOf) throws GitUnavailableException {
        if (tip == null) {
            return BranchHistory.unknown("none");
        }
        // The walk reads up to MAX_WALK commits; the answer only changes when the tip does.
        if (history != null && history.tip().equals(tip.name())) {
            return history;
        }
        try {
            history = PauseCommits.history(copy.open().getRepository(), tip, path, flagOf);
            return history;
        } catch (GitAPIException | IOException | RuntimeException e) {
            throw unavailable("log", e);
        }
    }

    @Override
    public String describe() {
        return stripUserInfo(url) + " branch " + branch + " file " + path;
    }

    @Override
    public String manifestPath() {
        return path;
    }

    private void recover(Exception broken) throws GitUnavailableException {
        try {
            copy.recover(broken);
        } catch (IOException e) {
            throw unavailable("clean-up of the working copy", e);
        }
    }

    private GitUnavailableException transport(String operation, GitAPIException e) {
        GitUnavailableException failure = unavailable(operation, e);
        if (PushRejection.isHostKeyRefusal(failure.getMessage())) {
            return new GitAuthorizationException(Refusal.HOST_KEY, PushRejection.explainHostKey(failure.getMessage()));
        }
        return PushRejection.isAuthorizationFailure(failure.getMessage())
                ? new GitAuthorizationException(Refusal.AUTHORIZATION, "authorization failed: " + failure.getMessage()) : failure;
    }

    private GitUnavailableException unavailable(String operation, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new GitUnavailableException("git " + operation + " against " + stripUserInfo(url) + " failed: " + shown(message));
    }

    /** Text about the remote, safe to show: no user info in URLs, no secret. */
    private String shown(String text) {
        return redactor.clean(stripUserInfo(text));
    }

    static String stripUserInfo(String text) {
        return text.replaceAll("(https?://)[^/@\\s]+@", "$1");
    }
}

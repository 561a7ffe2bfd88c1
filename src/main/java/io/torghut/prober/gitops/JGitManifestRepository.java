package io.torghut.prober.gitops;

import io.torghut.prober.core.Redactor;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * A JGit working copy of the GitOps repository in a local directory: clone once, then fetch and hard-reset to the
 * remote tip before every read or edit. Every network operation has a timeout; failures become
 * {@link GitUnavailableException} with the remote's message cleaned of secrets.
 */
public final class JGitManifestRepository implements ManifestRepository {
    private final String url;
    private final String branch;
    private final String path;
    private final Path dir;
    private final int timeoutSeconds;
    private final PersonIdent author;
    private final Optional<CredentialsProvider> credentials;
    private final Redactor redactor;
    private Git git;

    public JGitManifestRepository(String url, String branch, String path, Path dir, Duration timeout, String authorName,
                                  String authorEmail, Optional<CredentialsProvider> credentials, Redactor redactor) {
        this.url = url;
        this.branch = branch;
        this.path = path;
        this.dir = dir;
        this.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
        this.author = new PersonIdent(authorName, authorEmail);
        this.credentials = credentials;
        this.redactor = redactor;
    }

    /** Builds the repository from configuration; the token is registered with the redactor first. */
    public static JGitManifestRepository from(GitOpsConfig config, String url, Redactor redactor) {
        return from(config, url, config.manifestPath(), redactor);
    }

    /** @param manifestPath the resolved {@code prober.target.manifest-path} */
    public static JGitManifestRepository from(GitOpsConfig config, String url, String manifestPath, Redactor redactor) {
        config.token().ifPresent(redactor::add);
        Optional<CredentialsProvider> credentials = config.token()
                .map(token -> new UsernamePasswordCredentialsProvider(config.username(), token));
        return new JGitManifestRepository(url, config.branch(), manifestPath, Path.of(config.workDir()),
                config.timeout(), config.authorName(), config.authorEmail(), credentials, redactor);
    }

    @Override
    public synchronized ManifestSnapshot sync() throws GitUnavailableException {
        try {
            Git repo = open();
            repo.fetch().setRemote("origin").setTimeout(timeoutSeconds).setCredentialsProvider(credentials.orElse(null))
                    .setRefSpecs(new RefSpec("+refs/heads/" + branch + ":refs/remotes/origin/" + branch)).call();
            ObjectId tip = repo.getRepository().resolve("refs/remotes/origin/" + branch);
            if (tip == null) {
                return new ManifestSnapshot("none", Optional.empty());
            }
            if (repo.getRepository().findRef("refs/heads/" + branch) == null) {
                repo.checkout().setCreateBranch(true).setName(branch).setStartPoint("origin/" + branch).call();
            } else if (!branch.equals(repo.getRepository().getBranch())) {
                repo.checkout().setName(branch).call();
            }
            repo.reset().setMode(ResetCommand.ResetType.HARD).setRef(tip.name()).call();
            Path file = dir.resolve(path);
            Optional<String> text = Files.isRegularFile(file)
                    ? Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)) : Optional.empty();
            return new ManifestSnapshot(tip.name(), text);
        } catch (GitAPIException | IOException | RuntimeException e) {
            closeAfterFailure();
            throw unavailable("fetch", e);
        }
    }

    @Override
    public synchronized PushOutcome commitAndPush(String manifest, String message) throws GitUnavailableException {
        RevCommit commit;
        try {
            Git repo = open();
            Files.write(dir.resolve(path), manifest.getBytes(StandardCharsets.UTF_8));
            repo.add().addFilepattern(path).call();
            commit = repo.commit().setAuthor(author).setCommitter(author).setMessage(message).setSign(false).call();
        } catch (GitAPIException | IOException | RuntimeException e) {
            throw unavailable("commit", e);
        }
        try {
            Iterable<PushResult> results = git.push().setRemote("origin").setTimeout(timeoutSeconds)
                    .setCredentialsProvider(credentials.orElse(null))
                    .setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch)).call();
            for (PushResult result : results) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    String detail = update.getMessage() == null ? update.getStatus().name() : redactor.clean(update.getMessage());
                    switch (update.getStatus()) {
                        case OK -> {
                            return new PushOutcome(PushOutcome.Status.PUSHED, commit.name(), "");
                        }
                        case UP_TO_DATE -> {
                            // Another writer pushed the identical commit (same tree, parent, author, second, message).
                            return new PushOutcome(PushOutcome.Status.UP_TO_DATE, commit.name(), "");
                        }
                        case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> {
                            return new PushOutcome(PushOutcome.Status.REJECTED, commit.name(), detail);
                        }
                        default -> {
                            // Another writer holding the ref lock at the same moment is a race like a moved branch.
                            boolean race = detail.toLowerCase(java.util.Locale.ROOT).contains("lock");
                            return new PushOutcome(race ? PushOutcome.Status.REJECTED : PushOutcome.Status.DENIED, commit.name(), detail);
                        }
                    }
                }
            }
            return new PushOutcome(PushOutcome.Status.DENIED, commit.name(), "the remote reported no update");
        } catch (GitAPIException | RuntimeException e) {
            // A concurrent writer can make the remote fail to lock a pack or a ref while unpacking ours: that is the
            // same race as a moved branch (fetch, re-check, retry), not an unreachable remote.
            String failure = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (failure.contains("cannot lock") || failure.contains("lock file")) {
                return new PushOutcome(PushOutcome.Status.REJECTED, commit.name(), redactor.clean(e.getMessage()));
            }
            throw unavailable("push", e);
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

    private Git open() throws GitAPIException, IOException {
        if (git != null) {
            return git;
        }
        if (Files.isDirectory(dir.resolve(".git"))) {
            git = Git.open(dir.toFile());
            return git;
        }
        deleteTree(dir);
        Files.createDirectories(dir);
        try {
            git = Git.cloneRepository().setURI(url).setDirectory(dir.toFile()).setBranch(branch)
                    .setBranchesToClone(List.of("refs/heads/" + branch)).setTimeout(timeoutSeconds)
                    .setCredentialsProvider(credentials.orElse(null)).call();
            return git;
        } catch (GitAPIException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    /** A half-done clone or a corrupt working copy is thrown away; the next attempt starts clean. */
    private void closeAfterFailure() {
        if (git != null && !Files.isDirectory(dir.resolve(".git"))) {
            git.close();
            git = null;
        }
    }

    private GitUnavailableException unavailable(String operation, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new GitUnavailableException("git " + operation + " against " + stripUserInfo(url) + " failed: "
                + redactor.clean(stripUserInfo(message)));
    }

    static String stripUserInfo(String text) {
        return text.replaceAll("(https?://)[^/@\\s]+@", "$1");
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                File f = p.toFile();
                if (!f.delete() && f.exists()) {
                    throw new IOException("cannot delete " + p);
                }
            }
        }
    }
}

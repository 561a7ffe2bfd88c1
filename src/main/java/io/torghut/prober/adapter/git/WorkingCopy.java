package io.torghut.prober.adapter.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.StoredConfig;
import org.jboss.logging.Logger;

/**
 * The local clone, and the guarantee that it belongs to the configured remote and branch: a directory left by a run
 * with another {@code GITOPS_REPO_URL} or branch, or one that cannot be opened, is discarded and cloned again (and
 * the log says so, without credentials). Not thread-safe: {@link JGitManifestRepository} serializes its callers.
 */
final class WorkingCopy {
    private static final Logger LOG = Logger.getLogger(WorkingCopy.class);
    private final String url;
    private final String branch;
    private final Path dir;
    private final Remotes remotes;
    private Git git;

    /** Describes remote URLs for logs and messages: credentials stripped and secrets masked. */
    interface Remotes {
        String shown(String url);
    }

    WorkingCopy(String url, String branch, Path dir, Remotes remotes) {
        this.url = url;
        this.branch = branch;
        this.dir = dir;
        this.remotes = remotes;
    }

    /** The open clone of the configured remote and branch; clones (again) when there is none or it belongs elsewhere. */
    Git open() throws GitAPIException, IOException {
        Optional<String> foreign = git == null && !Files.isDirectory(dir.resolve(".git")) ? Optional.empty() : mismatch();
        if (foreign.isPresent()) {
            LOG.warnf("GitOps working copy %s %s: discarding it and cloning %s branch %s again", dir, foreign.get(),
                    remotes.shown(url), branch);
            discard();
        }
        if (git != null) {
            return git;
        }
        if (Files.isDirectory(dir.resolve(".git"))) {
            git = Git.open(dir.toFile());
            return git;
        }
        deleteTree(dir);
        Files.createDirectories(dir);
        // An empty repository that knows its remote, not a clone: the first fetch is the same call as every later one,
        // so a branch missing on the remote reads the same (refused, "does not exist") on a fresh and an old copy.
        try {
            git = Git.init().setDirectory(dir.toFile()).setInitialBranch(branch).call();
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", url);
            config.setString("remote", "origin", "fetch", "+refs/heads/" + branch + ":refs/remotes/origin/" + branch);
            config.save();
            return git;
        } catch (GitAPIException | IOException | RuntimeException e) {
            discard();
            throw e;
        }
    }

    /** Why the directory is not a usable clone of the configured remote and branch, if it is not. */
    private Optional<String> mismatch() {
        try (Git probe = Git.open(dir.toFile())) {
            String origin = probe.getRepository().getConfig().getString("remote", "origin", "url");
            if (!url.equals(origin)) {
                return Optional.of("belongs to remote " + (origin == null ? "<none>" : remotes.shown(origin)));
            }
            String current = probe.getRepository().getBranch();
            if (!branch.equals(current)) {
                return Optional.of("is on branch " + current + ", not " + branch);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException broken) {
            return Optional.of("cannot be opened (" + broken.getClass().getSimpleName() + ")");
        }
    }

    /** Throws the clone away; the next {@link #open()} starts from scratch. */
    void discard() throws IOException {
        if (git != null) {
            git.close();
            git = null;
        }
        deleteTree(dir);
    }

    /** A half-done or broken working copy: throw it away, say so, and let the caller try once more. */
    void recover(Exception cause) throws IOException {
        LOG.warnf("GitOps working copy %s is broken (%s): discarding it and cloning %s branch %s again", dir,
                remotes.shown(String.valueOf(cause.getMessage())), remotes.shown(url), branch);
        discard();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        // Files.walk does not follow symbolic links: a link in the working copy is deleted, never what it points to.
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                File f = p.toFile();
                if (!f.delete() && Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("cannot delete " + p);
                }
            }
        }
    }
}

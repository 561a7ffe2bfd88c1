package io.torghut.prober.adapter.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real bare git repository on disk, reached through a {@code file://} URL, seeded with the realistic manifest. */
public final class BareRepo {
    public static final String PATH = "argocd/applications/torghut/knative-service.yaml";
    private final Path root;
    private final Path bare;
    private final Path parked;
    private int clones;
    private final String first;

    public BareRepo(Path root) throws IOException, GitAPIException {
        this.root = root;
        this.bare = root.resolve(NAME);
        this.parked = root.resolve("gitops.git.away");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        String manifest = new String(BareRepo.class.getResourceAsStream("/manifests/realistic/input.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        first = change(text -> manifest, "Add the torghut Knative service");
    }

    /**
     * Main back at its first commit (a forced update), as if nothing had been paused or resumed since: each test of a
     * shared repository starts from a history of its own. Setting "true" by a commit instead would be a human's
     * resume of the previous test's pause, which the prober respects within the episode.
     */
    public void restart() throws IOException {
        try (Git git = Git.open(bare.toFile())) {
            org.eclipse.jgit.lib.RefUpdate update = git.getRepository().updateRef("refs/heads/main");
            update.setNewObjectId(org.eclipse.jgit.lib.ObjectId.fromString(first));
            update.setForceUpdate(true);
            org.eclipse.jgit.lib.RefUpdate.Result result = update.update();
            if (result != org.eclipse.jgit.lib.RefUpdate.Result.FORCED && result != org.eclipse.jgit.lib.RefUpdate.Result.NO_CHANGE) {
                throw new IOException("cannot reset main: " + result);
            }
        }
    }

    public String url() {
        return bare.toUri().toString();
    }

    /** A commit made by "someone else" through their own clone. */
    public String change(UnaryOperator<String> edit, String message) throws IOException, GitAPIException {
        return commit(edit, message, "refs/heads/main");
    }

    /**
     * A commit on top of main that "someone else" is about to push: stored under {@code refs/racer/next}, not on main,
     * for a server hook to move main to at the worst moment.
     */
    public String prepare(UnaryOperator<String> edit, String message) throws IOException, GitAPIException {
        return commit(edit, message, "refs/racer/next");
    }

    /** The bare repository's directory (for hooks). */
    public Path bare() {
        return bare;
    }

    /** The directory holding the bare repository, as a Git host's project root; the repository is {@link #NAME}. */
    public Path projectRoot() {
        return root;
    }

    public static final String NAME = "gitops.git";

    private String commit(UnaryOperator<String> edit, String message, String ref) throws IOException, GitAPIException {
        Path work = root.resolve("other-" + (++clones));
        try (Git git = Git.cloneRepository().setURI(url()).setDirectory(work.toFile()).call()) {
            Path file = work.resolve(PATH);
            Files.createDirectories(file.getParent());
            String before = Files.exists(file) ? Files.readString(file) : "";
            Files.writeString(file, edit.apply(before));
            git.add().addFilepattern(PATH).call();
            RevCommit commit = git.commit().setMessage(message).setAuthor("someone", "someone@example.com")
                    .setCommitter("someone", "someone@example.com").setSign(false).call();
            git.push().setRefSpecs(new org.eclipse.jgit.transport.RefSpec("HEAD:" + ref)).call();
            return commit.name();
        }
    }

    /**
     * A commit made with the git command line in a fresh clone: {@code script} runs there with {@code sh -c}, for
     * what JGit's porcelain does not make (symbolic links, gitlinks); then everything is committed and pushed to main.
     */
    public String shell(String script, String message) throws IOException, InterruptedException {
        Path work = root.resolve("shell-" + (++clones));
        run(root, "git", "clone", "-q", url(), work.toString());
        run(work, "sh", "-c", script);
        run(work, "git", "add", "-A");
        run(work, "git", "-c", "user.name=someone", "-c", "user.email=someone@example.com", "commit", "-q", "-m", message);
        run(work, "git", "push", "-q", "origin", "HEAD:refs/heads/main");
        return new String(new ProcessBuilder("git", "rev-parse", "HEAD").directory(work.toFile()).start().getInputStream()
                .readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    public String manifest() throws IOException, GitAPIException {
        Path work = root.resolve("read-" + (++clones));
        try (Git ignored = Git.cloneRepository().setURI(url()).setDirectory(work.toFile()).call()) {
            return Files.readString(work.resolve(PATH));
        }
    }

    /** The manifest's bytes at the tip of main, undecoded. */
    public byte[] bytes() throws IOException, GitAPIException {
        Path work = root.resolve("read-" + (++clones));
        try (Git ignored = Git.cloneRepository().setURI(url()).setDirectory(work.toFile()).call()) {
            return Files.readAllBytes(work.resolve(PATH));
        }
    }

    /** Commit messages on main, newest first. */
    public List<RevCommit> log() throws IOException, GitAPIException {
        List<RevCommit> commits = new ArrayList<>();
        try (Git git = Git.open(bare.toFile())) {
            git.log().call().forEach(commits::add);
        }
        return commits;
    }

    /** Makes the remote unreachable (the URL points at nothing) until {@link #bringBack()}. */
    public void takeAway() throws IOException {
        Files.move(bare, parked);
    }

    public void bringBack() throws IOException {
        Files.move(parked, bare);
    }
}

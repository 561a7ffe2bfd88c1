package io.torghut.prober.gitops;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.FooterKey;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Pause commits are marked by a git trailer, {@code Torghut-Prober-Pause: <instance>}, in the last paragraph of the
 * message. From git alone (not local memory), a restarted prober finds the newest one on the branch and resumes
 * tracking its rollout.
 */
public final class PauseCommits {
    /** The trailer key; its value names the prober instance that committed. */
    public static final String TRAILER = "Torghut-Prober-Pause";
    /** How far back the search goes: a pause older than this many commits has long been rolled out or superseded. */
    static final int MAX_WALK = 500;
    private static final FooterKey KEY = new FooterKey(TRAILER);

    private PauseCommits() {
    }

    /** A pause commit found on the branch. */
    public record PauseCommit(String commit, Instant committedAt, String instance) {
    }

    /** The trailer line for a commit message, to be the last line of its last paragraph. */
    public static String trailer(String instance) {
        return TRAILER + ": " + instance.replaceAll("[\\s\\p{Cc}\\p{Cf}]+", "-");
    }

    /** The newest commit at or below {@code tip} that carries the trailer, within {@link #MAX_WALK} commits. */
    public static Optional<PauseCommit> newest(Repository repository, RevCommit tip) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(tip));
            int seen = 0;
            for (RevCommit commit : walk) {
                if (++seen > MAX_WALK) {
                    break;
                }
                List<String> values = commit.getFooterLines(KEY);
                if (!values.isEmpty()) {
                    return Optional.of(new PauseCommit(commit.name(), Instant.ofEpochSecond(commit.getCommitTime()),
                            values.get(values.size() - 1).strip()));
                }
            }
            return Optional.empty();
        }
    }
}

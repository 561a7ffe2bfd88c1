package io.torghut.prober.adapter.git;

import io.torghut.prober.shared.model.TradingFlag;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.FooterKey;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Pause commits are marked by a git trailer, {@code Torghut-Prober-Pause: <instance>}, in the last paragraph of the
 * message. From git alone (not local memory), the prober finds the newest one on the branch, and whether a human set
 * TRADING_ENABLED back to "true" after it ({@link #history}).
 */
public final class PauseCommits {
    /** The trailer key; its value names the prober instance that committed. */
    public static final String TRAILER = "Torghut-Prober-Pause";
    /** How far back the search goes: a pause older than this many commits has long been rolled out or superseded. */
    static final int MAX_WALK = 500;
    private static final FooterKey KEY = new FooterKey(TRAILER);

    private PauseCommits() {
    }

    /**
     * A pause commit found on the branch.
     *
     * @param reasons the "Why:" lines of its message (text from outside, cleaned where shown)
     */
    public record PauseCommit(String commit, Instant committedAt, String instance, List<String> reasons) {
        public PauseCommit {
            reasons = List.copyOf(reasons);
        }

        public PauseCommit(String commit, Instant committedAt, String instance) {
            this(commit, committedAt, instance, List.of());
        }
    }

    /** The trailer line for a commit message, to be the last line of its last paragraph. */
    public static String trailer(String instance) {
        return TRAILER + ": " + instance.replaceAll("[\\s\\p{Cc}\\p{Cf}]+", "-");
    }

    /**
     * Walks the branch's first parents from {@code tip} (at most {@link #MAX_WALK} commits): the value of
     * TRADING_ENABLED at the tip, the commit that set it, and the newest pause commit. A merged pull request counts as
     * its merge commit, the one that changed the branch.
     *
     * @param flagOf TRADING_ENABLED of a manifest text, read as Kubernetes reads it
     */
    public static BranchHistory history(Repository repository, RevCommit tip, String path, Function<String, TradingFlag> flagOf)
            throws IOException {
        Map<ObjectId, TradingFlag> byBlob = new HashMap<>();
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setFirstParent(true);
            walk.markStart(walk.parseCommit(tip));
            TradingFlag atTip = null;
            RevCommit setter = null;
            TradingFlag before = null;
            int setterIndex = -1;
            PauseCommit pause = null;
            int pauseIndex = -1;
            int index = 0;
            for (RevCommit commit : walk) {
                if (index >= MAX_WALK) {
                    break;
                }
                TradingFlag flag = flagAt(repository, commit, path, byBlob, flagOf);
                if (atTip == null) {
                    atTip = flag;
                }
                if (before == null) {
                    if (flag == atTip) {
                        setter = commit;
                        setterIndex = index;
                    } else {
                        before = flag;
                    }
                }
                if (pause == null) {
                    Optional<PauseCommit> found = pauseCommit(commit);
                    if (found.isPresent()) {
                        pause = found.get();
                        pauseIndex = index;
                    }
                }
                index++;
                if (before != null && pause != null) {
                    break;
                }
            }
            if (atTip == null) {
                return BranchHistory.unknown(tip.name());
            }
            // When the walk stops before the value changed, the oldest commit walked stands for the change: the value
            // has been the same at least since then.
            BranchHistory.FlagChange change = change(setter, before == null ? TradingFlag.UNKNOWN : before);
            boolean after = pause != null && setterIndex < pauseIndex;
            return new BranchHistory(tip.name(), atTip, Optional.of(change), Optional.ofNullable(pause), after);
        }
    }

    private static BranchHistory.FlagChange change(RevCommit commit, TradingFlag from) {
        return new BranchHistory.FlagChange(commit.name(), Instant.ofEpochSecond(commit.getCommitTime()),
                commit.getAuthorIdent().getName(), !commit.getFooterLines(KEY).isEmpty(), from);
    }

    private static Optional<PauseCommit> pauseCommit(RevCommit commit) {
        List<String> values = commit.getFooterLines(KEY);
        return values.isEmpty() ? Optional.empty() : Optional.of(new PauseCommit(commit.name(),
                Instant.ofEpochSecond(commit.getCommitTime()), values.get(values.size() - 1).strip(), reasons(commit.getFullMessage())));
    }

    /** The "- " lines under "Why:", as the prober writes its pause commits (without the "… N more" line). */
    static List<String> reasons(String message) {
        List<String> reasons = new java.util.ArrayList<>();
        boolean inWhy = false;
        for (String line : message.lines().toList()) {
            if (line.equals("Why:")) {
                inWhy = true;
            } else if (inWhy && line.startsWith("- ")) {
                if (!line.startsWith("- … ")) {
                    reasons.add(line.substring(2));
                }
            } else if (inWhy) {
                break;
            }
        }
        return reasons;
    }

    private static TradingFlag flagAt(Repository repository, RevCommit commit, String path, Map<ObjectId, TradingFlag> byBlob,
                                      Function<String, TradingFlag> flagOf) throws IOException {
        try (TreeWalk entry = TreeWalk.forPath(repository, path, commit.getTree())) {
            if (entry == null || entry.getFileMode(0) != FileMode.REGULAR_FILE && entry.getFileMode(0) != FileMode.EXECUTABLE_FILE) {
                return TradingFlag.UNKNOWN;
            }
            ObjectId blob = entry.getObjectId(0);
            TradingFlag known = byBlob.get(blob);
            if (known == null) {
                known = TreeManifest.utf8(repository.open(blob).getCachedBytes()).map(flagOf).orElse(TradingFlag.UNKNOWN);
                byBlob.put(blob, known);
            }
            return known;
        }
    }
}

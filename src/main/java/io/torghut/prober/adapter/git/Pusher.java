package io.torghut.prober.adapter.git;

import io.torghut.prober.shared.FreeText;
import java.util.Locale;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * Pushes the local branch and turns the host's answer into a {@link PushOutcome}: taken, a lost race (retry), or a
 * refusal that names its cause (authorization, protected branch or hook). Transport failures other than a refused
 * credential are {@link GitUnavailableException}s (the host is away or slow: retry later).
 */
final class Pusher {
    private static final int MAX_REMOTE_TEXT = 300;
    private final String branch;
    private final RemoteAccess access;
    private final Messages messages;

    /** Cleans what the host says (secrets, credentials in URLs, control characters) before anyone reads it. */
    interface Messages {
        String clean(String text);
    }

    Pusher(String branch, RemoteAccess access, Messages messages) {
        this.branch = branch;
        this.access = access;
        this.messages = messages;
    }

    PushOutcome push(Git git, String commit) throws GitUnavailableException {
        Iterable<PushResult> results;
        try {
            results = access.apply(git.push()).setRemote("origin")
                    .setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch)).call();
        } catch (GitAPIException | RuntimeException e) {
            String failure = messages.clean(String.valueOf(e.getMessage()));
            if (PushRejection.isHostKeyRefusal(failure)) {
                return new PushOutcome(PushOutcome.Status.DENIED_HOST_KEY, commit, PushRejection.explainHostKey(failure));
            }
            if (PushRejection.isAuthorizationFailure(failure)) {
                return new PushOutcome(PushOutcome.Status.DENIED_AUTHORIZATION, commit,
                        PushRejection.explain(PushOutcome.Status.DENIED_AUTHORIZATION, failure));
            }
            // A concurrent writer can make the host fail to lock a pack or a ref while it unpacks ours: the same race
            // as a moved branch (fetch, re-check, retry), not an unreachable host.
            String lower = PushRejection.withoutUrls(failure).toLowerCase(Locale.ROOT);
            if (lower.contains("cannot lock") || lower.contains("lock file") || lower.contains("failed to lock")) {
                return new PushOutcome(PushOutcome.Status.REJECTED, commit, failure);
            }
            throw new GitUnavailableException("git push failed: " + failure);
        }
        for (PushResult result : results) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                return outcome(update, result.getMessages(), commit);
            }
        }
        return new PushOutcome(PushOutcome.Status.REJECTED, commit, "the remote reported no update of " + branch);
    }

    private PushOutcome outcome(RemoteRefUpdate update, String remoteMessages, String commit) {
        String reason = update.getMessage() == null ? update.getStatus().name() : update.getMessage();
        String said = shorten(messages.clean(reason + (remoteMessages == null || remoteMessages.isBlank() ? "" : " / " + remoteMessages)));
        return switch (update.getStatus()) {
            case OK -> new PushOutcome(PushOutcome.Status.PUSHED, commit, "");
            // Another writer pushed the identical commit (same tree, parent, author, second, message).
            case UP_TO_DATE -> new PushOutcome(PushOutcome.Status.UP_TO_DATE, commit, "");
            case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> new PushOutcome(PushOutcome.Status.REJECTED, commit, said);
            default -> {
                PushOutcome.Status status = PushRejection.classify(reason, remoteMessages);
                yield new PushOutcome(status, commit, PushRejection.explain(status, said));
            }
        };
    }

    /** One line, no control or format characters, bounded: the host's text goes into answers and logs. */
    private static String shorten(String text) {
        String line = text.replaceAll("[\\p{Cc}\\p{Cf}]+", " ").strip();
        return FreeText.cut(line, MAX_REMOTE_TEXT, FreeText.ELLIPSIS);
    }
}

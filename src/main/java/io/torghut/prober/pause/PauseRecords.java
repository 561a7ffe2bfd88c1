package io.torghut.prober.pause;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.torghut.prober.core.FreeText;
import io.torghut.prober.model.TradingFlag;
import java.util.List;

/**
 * The JSON shapes of /pause and of the pause section of /diagnose. Records that carry text from outside (requesters,
 * reasons, git and Argo CD messages) clean it with {@link FreeText} when they are made.
 */
public final class PauseRecords {
    private PauseRecords() {
    }

    /** What the prober last did about a pause. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(String at, String mode, String action, String source, String requestedBy, List<String> reasons,
                         String commit, String detail, String argocd) {
        public Action {
            requestedBy = clean(requestedBy);
            reasons = reasons == null ? null : reasons.stream().map(FreeText::line).toList();
            detail = clean(detail);
            argocd = clean(argocd);
        }
    }

    /** Work that failed for a reason that may pass (git or Argo CD unreachable) and is being retried. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pending(PendingKind kind, String since, int attempts, String lastError, String nextAttemptAt, String commit) {
        public Pending {
            lastError = clean(lastError);
        }
    }

    /** TRADING_ENABLED as last read from git. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GitView(TradingFlag desired, String commit, String readAt, String error, @JsonIgnore String text) {
        public GitView {
            error = clean(error);
        }

        public static final GitView UNREAD = new GitView(TradingFlag.UNKNOWN, null, null, "not read yet", null);
    }

    /** The answer to POST /pause; {@code status} is the HTTP status. One factory per outcome. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(@JsonIgnore int status, String action, String mode, String message, String commit, String diff,
                         String argocd, PausePlan plan) {

        static Answer disabled(PauseMode mode) {
            return plain(409, "disabled", mode, "pausing is switched off (prober.pause.mode=off, PROBER_PAUSE_MODE)");
        }

        static Answer resolved(PauseMode mode) {
            return plain(200, "none", mode, "resolved notifications never resume trading; resume by setting TRADING_ENABLED back to "
                    + "\"true\" in git");
        }

        static Answer recommended(PauseMode mode, PausePlan plan) {
            return new Answer(200, "recommended", mode.label(), "recommend mode: nothing was committed; apply the plan or switch to "
                    + "trigger mode", null, plan.diff(), null, plan);
        }

        static Answer stopping(PauseMode mode) {
            return plain(503, "stopping", mode, "the prober is stopping: nothing was committed; retry (Alertmanager does), another "
                    + "replica or the restarted prober takes it");
        }

        /** The same notification (group key and fingerprints) within the dedup window. */
        static Answer duplicate(PauseMode mode) {
            return plain(200, "already-paused", mode, "this notification (group key and fingerprints) was already handled");
        }

        static Answer gaveUp(PauseMode mode, String error) {
            return plain(503, "failed", mode, "gave up after retrying: " + error);
        }

        static Answer pending(PauseMode mode, String error) {
            return plain(503, "pending", mode, error + "; the prober retries, and so may the caller");
        }

        static Answer refused(PauseMode mode, String detail) {
            return plain(409, "refused", mode, detail);
        }

        static Answer alreadyPaused(PauseMode mode, String commit) {
            return new Answer(200, "already-paused", mode.label(), "TRADING_ENABLED is already \"false\" in git; no commit", commit,
                    null, null, null);
        }

        /** @param syncRetried Argo CD could not be asked and is being asked again: 503, so the caller knows it is not done */
        static Answer paused(PauseMode mode, String commit, String diff, String argocd, boolean syncRetried) {
            return syncRetried
                    ? new Answer(503, "paused", mode.label(), "committed " + commit + " but " + argocd + "; retrying the Argo CD sync",
                            commit, diff, argocd, null)
                    : new Answer(200, "paused", mode.label(), "committed and pushed " + commit, commit, diff, argocd, null);
        }

        private static Answer plain(int status, String action, PauseMode mode, String message) {
            return new Answer(status, action, mode.label(), message, null, null, null, null);
        }
    }

    /** GET /pause. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(String mode, boolean auto, boolean leader, String repository, GitView git, TradingFlag liveTradingEnabled,
                       Rollout live, String liveError, Action lastAction, Pending pending, Effectiveness effectiveness,
                       PausePlan recommendation) {
    }

    /** Null stays null (absent from the JSON). */
    private static String clean(String text) {
        return text == null ? null : FreeText.line(text);
    }

    /** JSON error body of every 4xx/5xx of /pause. */
    @RegisterForReflection
    public record Error(String error, String message) {
    }
}

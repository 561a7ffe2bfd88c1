package io.torghut.prober.feature.pause.model;

import io.torghut.prober.feature.pause.rollout.ArgoOperation;
import io.torghut.prober.feature.pause.rollout.Effectiveness;
import io.torghut.prober.feature.pause.rollout.Rollout;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.torghut.prober.adapter.git.BranchHistory;
import io.torghut.prober.adapter.git.PauseCommits;
import io.torghut.prober.adapter.git.Refusal;
import io.torghut.prober.shared.FreeText;
import io.torghut.prober.shared.model.TradingFlag;
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
    public record Action(String at, String mode, String action, PauseSource source, String requestedBy, List<String> reasons,
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

    /**
     * TRADING_ENABLED as last read from git, and the commit that set it.
     *
     * @param since   the commit that gave TRADING_ENABLED its value at the tip (no author: that is for GET /pause)
     * @param history what the branch said at that read, for the decisions (not shown as such)
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GitView(TradingFlag desired, String commit, String readAt, String error, Change since, @JsonIgnore String text,
                          @JsonIgnore BranchHistory history) {
        public GitView {
            error = clean(error);
        }

        public static final GitView UNREAD = new GitView(TradingFlag.UNKNOWN, null, null, "not read yet", null, null,
                BranchHistory.unknown("none"));

        /** The same view with a read error; what was read before stays. */
        public GitView failed(String why) {
            return new GitView(desired, commit, readAt, why, since, text, history);
        }
    }

    /** A commit that changed TRADING_ENABLED: when, and whether the prober made it (its trailer). */
    @RegisterForReflection
    public record Change(String commit, String at, boolean byProber) {
    }

    /** A human's resume that the prober respects: who set TRADING_ENABLED back to "true", after which pause. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HumanResume(String commit, String at, String author, String afterPause) {
        public HumanResume {
            author = clean(author);
        }

        public static HumanResume of(BranchHistory.FlagChange resume, BranchHistory history) {
            return new HumanResume(resume.commit(), resume.committedAt().toString(), resume.author(),
                    history.newestPause().map(PauseCommits.PauseCommit::commit).orElse(null));
        }
    }

    /** The answer to POST /pause; {@code status} is the HTTP status. One factory per outcome. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(@JsonIgnore int status, String action, String mode, String message, String commit, String diff,
                         String argocd, PausePlan plan, HumanResume resumedBy, Refusal refusal) {

        public static Answer disabled(PauseMode mode) {
            return plain(409, "disabled", mode, "pausing is switched off (prober.pause.mode=off, PROBER_PAUSE_MODE)");
        }

        public static Answer resolved(PauseMode mode) {
            return plain(200, "none", mode, "resolved notifications never resume trading; resume by setting TRADING_ENABLED back to "
                    + "\"true\" in git");
        }

        public static Answer recommended(PauseMode mode, PausePlan plan) {
            return new Answer(200, "recommended", mode.label(), "recommend mode: nothing was committed; apply the plan or switch to "
                    + "trigger mode", null, plan.diff(), null, plan, null, null);
        }

        public static Answer stopping(PauseMode mode) {
            return plain(503, "stopping", mode, "the prober is stopping: nothing was committed; retry (Alertmanager does), another "
                    + "replica or the restarted prober takes it");
        }

        public static Answer gaveUp(PauseMode mode, String error) {
            return plain(503, "failed", mode, "gave up after retrying: " + error);
        }

        public static Answer pending(PauseMode mode, String error) {
            return plain(503, "pending", mode, error + "; the prober retries, and so may the caller");
        }

        /**
         * Not the request's fault: the manifest cannot be edited, or the Git host refused (credentials, a protected
         * branch, a hook, maintenance). 503, because the same request can work once a person fixes it, and the prober
         * retries meanwhile.
         */
        public static Answer refused(PauseMode mode, java.util.Optional<Refusal> why, String detail) {
            return new Answer(503, "refused", mode.label(), detail + "; nothing was committed, the prober retries", null, null, null,
                    null, null, why.orElse(null));
        }

        /** @param since the commit that set TRADING_ENABLED to "false", when git says who */
        public static Answer alreadyPaused(PauseMode mode, String commit, String since) {
            return new Answer(200, "already-paused", mode.label(), "TRADING_ENABLED is already \"false\" in git"
                    + (since == null ? "" : " (since commit " + since + ")") + "; no commit", commit, null, null, null, null, null);
        }

        public static Answer resumedByHuman(PauseMode mode, HumanResume resume, String why) {
            return new Answer(200, "resumed-by-human", mode.label(), "a human set TRADING_ENABLED back to \"true\" in commit "
                    + resume.commit() + " at " + resume.at() + " after the prober's pause; " + why + ": not pausing again. A new "
                    + "episode pauses; to pause now, POST {\"reason\": ..., \"force\": true} with the token", resume.commit(), null,
                    null, null, resume, null);
        }

        /** @param syncRetried Argo CD could not be asked and is being asked again: 503, so the caller knows it is not done */
        public static Answer paused(PauseMode mode, String commit, String diff, String argocd, boolean syncRetried) {
            return syncRetried
                    ? new Answer(503, "paused", mode.label(), "committed " + commit + " but " + argocd + "; retrying the Argo CD sync",
                            commit, diff, argocd, null, null, null)
                    : new Answer(200, "paused", mode.label(), "committed and pushed " + commit, commit, diff, argocd, null, null, null);
        }

        /** The same answer with what Argo CD said. */
        public Answer withArgocd(String said) {
            return new Answer(status, action, mode, message, commit, diff, said, plan, resumedBy, refusal);
        }

        private static Answer plain(int status, String action, PauseMode mode, String message) {
            return new Answer(status, action, mode.label(), message, null, null, null, null, null, null);
        }
    }

    /** GET /pause. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(String mode, PausePhase phase, boolean auto, boolean leader, String repository, GitView git,
                       HumanResume resumedBy, TradingFlag liveTradingEnabled, Rollout live, String liveError, Action lastAction,
                       Pending pending, Refusal refusal, ArgoOperation argocd, Effectiveness effectiveness,
                       ResumeChecklist resumeChecklist, PausePlan recommendation) {
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

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

    /** The answer to POST /pause; {@code status} is the HTTP status. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(@JsonIgnore int status, String action, String mode, String message, String commit, String diff,
                         String argocd, PausePlan plan) {
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

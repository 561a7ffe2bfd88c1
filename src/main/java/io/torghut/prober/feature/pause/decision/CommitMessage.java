package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.feature.pause.model.PauseRequest;
import io.torghut.prober.adapter.git.BranchHistory;
import io.torghut.prober.adapter.git.PauseCommits;
import io.torghut.prober.shared.FreeText;
import java.util.Optional;

/**
 * The commit message of a pause: what (subject), why (reasons, alerts with fingerprints, the /diagnose link) and who
 * (the requester and the prober instance). Pure. The parser already cleaned the request; every value is cleaned again
 * here with {@link FreeText}, and the whole message once more, because this text is what a reviewer of the GitOps
 * repository trusts: no value can add a line, and no hidden character can reorder or hide what it says.
 */
final class CommitMessage {
    static final int MAX_LISTED = 20;

    private CommitMessage() {
    }

    /**
     * A pause after a human's resume names the commit it follows and why this is not the episode the human ended.
     *
     * @param resume the human's commit that set TRADING_ENABLED back to "true"
     * @param why    why this request is a new episode (or forced)
     */
    public record Follows(BranchHistory.FlagChange resume, String why) {
    }

    public static String pause(PauseRequest request, String manifestPath, String change, String diagnoseUrl, String instance) {
        return pause(request, manifestPath, change, diagnoseUrl, instance, Optional.empty());
    }

    public static String pause(PauseRequest request, String manifestPath, String change, String diagnoseUrl, String instance,
                               Optional<Follows> follows) {
        StringBuilder out = new StringBuilder();
        out.append("Pause trading: TRADING_ENABLED=\"false\" in ").append(one(manifestPath)).append("\n\n");
        out.append("What: ").append(one(change)).append('\n');
        out.append("Why:\n");
        request.reasons().stream().limit(MAX_LISTED).forEach(reason -> out.append("- ").append(one(reason)).append('\n'));
        int unlisted = request.causes() - Math.min(MAX_LISTED, request.reasons().size());
        if (unlisted > 0) {
            out.append("- … ").append(unlisted).append(" more\n");
        }
        if (!request.alerts().isEmpty()) {
            out.append("Alerts:\n");
            request.alerts().stream().limit(MAX_LISTED).forEach(a -> out.append("- ").append(one(a.name()))
                    .append(" fingerprint=").append(a.fingerprint().isBlank() ? "-" : one(a.fingerprint()))
                    .append(a.startsAt().isBlank() ? "" : " since " + one(a.startsAt())).append('\n'));
            if (request.truncated() > 0) {
                out.append("- (Alertmanager truncated ").append(request.truncated()).append(" more)\n");
            }
        }
        request.groupKey().ifPresent(key -> out.append("Alertmanager group: ").append(one(key)).append('\n'));
        follows.ifPresent(f -> out.append("Follows: the human resume ").append(f.resume().commit()).append(" by ")
                .append(one(f.resume().author())).append(" at ").append(f.resume().committedAt()).append('\n')
                .append("Episode: ").append(one(f.why())).append('\n'));
        out.append("Diagnosis: ").append(one(diagnoseUrl)).append('\n');
        out.append("Requested by: ").append(one(request.requestedBy())).append(" (").append(request.source().label()).append(")\n");
        out.append("Committed by: torghut-prober ").append(one(instance)).append('\n');
        out.append("\nResuming is a human decision: set TRADING_ENABLED back to \"true\" in git.\n");
        out.append('\n').append(PauseCommits.trailer(instance)).append('\n');
        return FreeText.lines(out.toString());
    }

    private static String one(String value) {
        return FreeText.line(value);
    }
}

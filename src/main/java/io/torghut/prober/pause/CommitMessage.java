package io.torghut.prober.pause;

import io.torghut.prober.core.FreeText;

/**
 * The commit message of a pause: what (subject), why (reasons, alerts with fingerprints, the /diagnose link) and who
 * (the requester and the prober instance). Pure. The parser already cleaned the request; every value is cleaned again
 * here with {@link FreeText}, and the whole message once more, because this text is what a reviewer of the GitOps
 * repository trusts: no value can add a line, and no hidden character can reorder or hide what it says.
 */
public final class CommitMessage {
    static final int MAX_LISTED = 20;

    private CommitMessage() {
    }

    public static String pause(PauseRequest request, String manifestPath, String change, String diagnoseUrl, String instance) {
        StringBuilder out = new StringBuilder();
        out.append("Pause trading: TRADING_ENABLED=\"false\" in ").append(one(manifestPath)).append("\n\n");
        out.append("What: ").append(one(change)).append('\n');
        out.append("Why:\n");
        int listed = 0;
        for (String reason : request.reasons()) {
            if (listed++ == MAX_LISTED) {
                out.append("- … ").append(request.reasons().size() - MAX_LISTED).append(" more\n");
                break;
            }
            out.append("- ").append(one(reason)).append('\n');
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
        out.append("Diagnosis: ").append(one(diagnoseUrl)).append('\n');
        out.append("Requested by: ").append(one(request.requestedBy())).append(" (").append(one(request.source())).append(")\n");
        out.append("Committed by: torghut-prober ").append(one(instance)).append('\n');
        out.append("\nResuming is a human decision: set TRADING_ENABLED back to \"true\" in git.\n");
        out.append('\n').append(io.torghut.prober.gitops.PauseCommits.trailer(instance)).append('\n');
        return FreeText.lines(out.toString());
    }

    private static String one(String value) {
        return FreeText.line(value);
    }
}

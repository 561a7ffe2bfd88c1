package io.torghut.prober.pause;

/**
 * The commit message of a pause: what (subject), why (reasons, alerts with fingerprints, the /diagnose link) and who
 * (the requester and the prober instance). Pure; the text was already cleaned by the parser.
 */
public final class CommitMessage {
    static final int MAX_LISTED = 20;

    private CommitMessage() {
    }

    public static String pause(PauseRequest request, String manifestPath, String change, String diagnoseUrl, String instance) {
        StringBuilder out = new StringBuilder();
        out.append("Pause trading: TRADING_ENABLED=\"false\" in ").append(manifestPath).append("\n\n");
        out.append("What: ").append(change).append('\n');
        out.append("Why:\n");
        int listed = 0;
        for (String reason : request.reasons()) {
            if (listed++ == MAX_LISTED) {
                out.append("- … ").append(request.reasons().size() - MAX_LISTED).append(" more\n");
                break;
            }
            out.append("- ").append(reason).append('\n');
        }
        if (!request.alerts().isEmpty()) {
            out.append("Alerts:\n");
            request.alerts().stream().limit(MAX_LISTED).forEach(a -> out.append("- ").append(a.name())
                    .append(" fingerprint=").append(a.fingerprint().isEmpty() ? "-" : a.fingerprint())
                    .append(a.startsAt().isEmpty() ? "" : " since " + a.startsAt()).append('\n'));
            if (request.truncated() > 0) {
                out.append("- (Alertmanager truncated ").append(request.truncated()).append(" more)\n");
            }
        }
        request.groupKey().ifPresent(key -> out.append("Alertmanager group: ").append(key).append('\n'));
        out.append("Diagnosis: ").append(diagnoseUrl).append('\n');
        out.append("Requested by: ").append(request.requestedBy()).append(" (").append(request.source()).append(")\n");
        out.append("Committed by: torghut-prober ").append(instance).append('\n');
        out.append("\nResuming is a human decision: set TRADING_ENABLED back to \"true\" in git.\n");
        out.append('\n').append(io.torghut.prober.gitops.PauseCommits.trailer(instance)).append('\n');
        return out.toString();
    }
}

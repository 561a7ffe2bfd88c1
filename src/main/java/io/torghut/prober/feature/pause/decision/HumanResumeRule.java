package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.feature.pause.model.PauseRequest;
import io.torghut.prober.feature.pause.model.PauseSource;
import io.torghut.prober.adapter.git.BranchHistory;
import java.util.Optional;

/**
 * Never fight a human. When git says a human set TRADING_ENABLED back to "true" after the prober's newest pause, the
 * prober does not pause again for the rest of that episode, by webhook or by itself; a new episode pauses again, and a
 * manual request with {@code "force": true} pauses at once. Episodes:
 * <ul>
 *   <li>Alertmanager: a notification is a new episode when one of its firing alerts started ({@code startsAt}) after
 *       the resume was committed. An alert that resolved and fired again has a later {@code startsAt}; the same alert
 *       still firing, under any group key, has the same.</li>
 *   <li>The automatic pause and manual requests: the verdict's episode ({@link VerdictEpisodes}) is new when it began
 *       after the resume was committed; a manual request while no episode is under way is a new decision.</li>
 * </ul>
 * Times compare Prometheus' clock ({@code startsAt}) or the prober's with the committer's clock: a human's clock a
 * few seconds off only matters for an alert that fires again within those seconds. Pure.
 */
final class HumanResumeRule {
    private HumanResumeRule() {
    }

    /** Pause or hold, and why (one line, for the commit message or the answer). */
    record Ruling(boolean pause, String why) {
    }

    static Ruling rule(PauseRequest request, BranchHistory.FlagChange resume, Optional<VerdictEpisodes.Episode> episode) {
        String resumed = "the resume at " + resume.committedAt();
        if (request.force()) {
            return new Ruling(true, "forced by the request (\"force\": true), overriding " + resumed);
        }
        return switch (request.source()) {
            case ALERTMANAGER -> request.latestStart()
                    .filter(alert -> alert.started().orElseThrow().isAfter(resume.committedAt()))
                    .map(alert -> new Ruling(true, "a new episode: alert " + alert.name() + " (fingerprint " + alert.fingerprint()
                            + ") has been firing since " + alert.startsAt() + ", after " + resumed))
                    .orElseGet(() -> new Ruling(false, request.latestStart()
                            .map(alert -> "the same episode: every alert began before " + resumed + " (latest " + alert.name()
                                    + " since " + alert.startsAt() + ")")
                            .orElse("the same episode: no alert says when it began (startsAt)")));
            case MANUAL, AUTO, VIEW -> episode
                    .map(e -> e.start().filter(start -> start.isAfter(resume.committedAt()))
                            .map(start -> new Ruling(true, "a new episode: " + e.describe() + ", after " + resumed))
                            .orElseGet(() -> new Ruling(false, "the same episode: " + e.describe() + ", and a human resumed within it")))
                    .orElseGet(() -> request.source() == PauseSource.MANUAL
                            ? new Ruling(true, "a new decision: no verdict episode is under way since " + resumed)
                            : new Ruling(false, "no verdict episode is under way"));
        };
    }
}

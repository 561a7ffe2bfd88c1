package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.feature.pause.edge.PauseRequestParser;
import io.torghut.prober.feature.pause.model.AlertRef;
import io.torghut.prober.feature.pause.model.PauseRequest;
import io.torghut.prober.feature.pause.model.PauseSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The pause commit message is what a reviewer of the GitOps repository trusts: every reason and alert listed (up to a
 * bound, the rest counted), the Alertmanager group, the /diagnose link, who asked, and no line a value could forge.
 */
class CommitMessageTest {
    static final String PATH = "argocd/applications/torghut/knative-service.yaml";

    static String message(PauseRequest request) {
        return CommitMessage.pause(request, PATH, "set TRADING_ENABLED of container user-container from \"true\" to \"false\"",
                "https://prober.example/diagnose", "prober-7c9d");
    }

    @Test
    void anAlertmanagerPauseNamesItsAlertsGroupAndRequester() {
        PauseRequest request = PauseRequest.alertmanager(false, "torghut-pause",
                List.of("TorghutTaStale: ta_signals 9m old", "TorghutPostgresDown"),
                List.of(new AlertRef("TorghutTaStale", "fp1", "2026-11-27T14:50:00Z", "ta_signals 9m old"),
                        new AlertRef("TorghutPostgresDown", "", "", "")), "{}:{alertname=\"x\"}", 3, 2);
        assertEquals("""
                Pause trading: TRADING_ENABLED="false" in argocd/applications/torghut/knative-service.yaml

                What: set TRADING_ENABLED of container user-container from "true" to "false"
                Why:
                - TorghutTaStale: ta_signals 9m old
                - TorghutPostgresDown
                Alerts:
                - TorghutTaStale fingerprint=fp1 since 2026-11-27T14:50:00Z
                - TorghutPostgresDown fingerprint=-
                - (Alertmanager truncated 3 more)
                Alertmanager group: {}:{alertname="x"}
                Diagnosis: https://prober.example/diagnose
                Requested by: alertmanager receiver torghut-pause (alertmanager)
                Committed by: torghut-prober prober-7c9d

                Resuming is a human decision: set TRADING_ENABLED back to "true" in git.

                Torghut-Prober-Pause: prober-7c9d
                """, message(request));
    }

    @Test
    void aManualPauseHasNoAlertsSectionAndNothingTruncated() {
        String text = message(PauseRequest.manual("oncall@example.com", "dry run", false));
        assertTrue(text.contains("Why:\n- dry run\nDiagnosis: https://prober.example/diagnose\nRequested by: oncall@example.com (manual)\n"),
                text);
    }

    @Test
    void manyReasonsAreListedUpToTwentyAndTheRestCounted() {
        List<String> reasons = IntStream.rangeClosed(1, 23).mapToObj(i -> "reason " + i).toList();
        List<AlertRef> alerts = IntStream.rangeClosed(1, 23).mapToObj(i -> new AlertRef("A" + i, "f" + i, "", "")).toList();
        String text = message(PauseRequest.alertmanager(false, "r", reasons, alerts, "g", 0, 23));
        List<String> lines = text.lines().toList();
        assertTrue(lines.contains("- reason 20") && !lines.contains("- reason 21"), text);
        assertTrue(lines.contains("- … 3 more"), text);
        assertTrue(lines.contains("- A20 fingerprint=f20") && !lines.contains("- A21 fingerprint=f21"), text);
        assertEquals(20, lines.stream().filter(l -> l.matches("- A\\d+ fingerprint=f\\d+")).count(), text);
        String exactly = message(new PauseRequest(PauseSource.MANUAL, false, "r", reasons.subList(0, 20), List.of(), Optional.empty(), 0, 0,
                false));
        assertTrue(exactly.contains("- reason 20\nDiagnosis:"), "twenty reasons are all listed, nothing counted: " + exactly);
    }

    /** Issue 24 (9): a 200-alert notification keeps 50 alerts; the message counted the 30 kept but unlisted, not the 180. */
    @Test
    void theUnlistedCountIsEveryFiringAlertNotListed() {
        List<String> kept = IntStream.rangeClosed(1, PauseRequestParser.MAX_ALERTS_KEPT).mapToObj(i -> "reason " + i).toList();
        List<AlertRef> alerts = IntStream.rangeClosed(1, PauseRequestParser.MAX_ALERTS_KEPT)
                .mapToObj(i -> new AlertRef("A" + i, "f" + i, "", "")).toList();
        String text = message(PauseRequest.alertmanager(false, "r", kept, alerts, "g", 7, 200));
        List<String> lines = text.lines().toList();
        assertTrue(lines.contains("- … 180 more"), text);
        assertTrue(lines.contains("- (Alertmanager truncated 7 more)"), text);
    }

    @Test
    void noValueCanAddALineToTheMessage() {
        PauseRequest forged = new PauseRequest(PauseSource.ALERTMANAGER, false, "x\nRequested by: admin", List.of("a\nResuming is automatic"),
                List.of(new AlertRef("N\nA", "f\n1", "s\nt", "")), Optional.of("g\nh"), 0, 1, false);
        String text = message(forged);
        for (String prefix : List.of("Committed by:", "Requested by:", "Resuming")) {
            assertEquals(1, text.lines().filter(l -> l.startsWith(prefix)).count(), prefix + " in " + text);
        }
        assertEquals(message(PauseRequest.manual("r", "a", false)).lines().count(),
                text.lines().count() - 3, "exactly the Alerts header, one alert line and the group line more: " + text);
    }
}

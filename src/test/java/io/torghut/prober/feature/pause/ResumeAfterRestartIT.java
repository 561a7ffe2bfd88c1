package io.torghut.prober.feature.pause;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.torghut.prober.adapter.git.PauseCommits;
import io.torghut.prober.feature.pause.manifest.TradingFlagEditor;
import io.torghut.prober.testsupport.PackagedApp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A restart between a pause and its rollout loses nothing: a new process (fresh working copy, nothing remembered)
 * finds the pause commit in git by its trailer, asks Argo CD to sync, and tracks the rollout from the commit's time;
 * it reports the pause effective once the live revision says TRADING_ENABLED=false, and overdue (metric and Event)
 * when it never does.
 */
class ResumeAfterRestartIT {

    @Test
    void aNewProcessResumesTheSyncAndConfirmsThePauseWhenTheRevisionFlips() throws Exception {
        try (PauseRig rig = PauseRig.start("resume-pause")) {
            rig.loadKnative();
            String commit;
            try (PackagedApp first = PackagedApp.launch("resume-first", env(rig, "first-copy", "10m"))) {
                first.awaitReady(Duration.ofSeconds(90));
                HttpResponse<String> paused = first.post("/pause", "application/json", PauseRig.webhook(), PauseRig.TOKEN);
                assertEquals(200, paused.statusCode(), paused.body());
                commit = JsonPath.from(paused.body()).getString("commit");
                assertEquals(Optional.of(commit), rig.syncedRevision());
                first.close();
                assertEquals(List.of(), first.stackTraceLines(), first.output());
            }
            // Argo CD took the operation; the rollout has not happened yet when the new process starts.
            rig.clearSyncOperation();
            Instant committedAt = Instant.ofEpochSecond(rig.remote().log().get(0).getCommitTime());
            Instant secondStarted = Instant.now();
            try (PackagedApp second = PackagedApp.launch("resume-second", env(rig, "second-copy", "10m"))) {
                second.awaitReady(Duration.ofSeconds(90));
                await().atMost(Duration.ofSeconds(60)).until(() -> rig.syncedRevision().isPresent());
                assertEquals(Optional.of(commit), rig.syncedRevision(), "the new process asked Argo CD to sync the paused tip");
                JsonPath view = JsonPath.from(second.getAuthorized("/pause", PauseRig.TOKEN).body());
                assertEquals(commit, view.getString("effectiveness.commit"), view.prettify());
                assertEquals(committedAt, Instant.parse(view.getString("effectiveness.committedAt")), "measured from the commit");
                assertEquals(0.0, gauge(second, "torghut_prober_pause_effective"));

                rig.rollOutPause();
                await().atMost(Duration.ofSeconds(60)).until(() -> gauge(second, "torghut_prober_pause_effective") == 1.0);
                double seconds = gauge(second, "torghut_prober_pause_effective_seconds");
                assertTrue(seconds >= Duration.between(committedAt, secondStarted).toSeconds(),
                        "commit-to-effective counts from the commit, not from the restart: " + seconds);
                assertEquals(0.0, gauge(second, "torghut_prober_pause_overdue"));

                // Confirmed: nothing more is asked of Argo CD.
                rig.clearSyncOperation();
                Thread.sleep(3000);
                assertEquals(Optional.empty(), rig.syncedRevision(), "no new sync once the pause is in force");
                second.close();
                assertEquals(List.of(), second.stackTraceLines(), second.output());
            }
        }
    }

    @Test
    void aPauseThatNeverRollsOutIsReportedOverdueAfterTheRestart() throws Exception {
        try (PauseRig rig = PauseRig.start("resume-overdue")) {
            rig.loadKnative();
            // The pause a previous process committed (its trailer names it) before it was stopped.
            String commit = rig.remote().change(text -> new TradingFlagEditor(Optional.empty()).set(text, false).text(),
                    "Pause trading: TRADING_ENABLED=false\n\nWhy: TA signals stale\n\n" + PauseCommits.trailer("torghut-prober-old-pod"));
            try (PackagedApp app = PackagedApp.launch("resume-overdue", env(rig, "copy", "5s"))) {
                app.awaitReady(Duration.ofSeconds(90));
                await().atMost(Duration.ofSeconds(60)).until(() -> rig.syncedRevision().isPresent());
                assertEquals(Optional.of(commit), rig.syncedRevision());
                await().atMost(Duration.ofSeconds(60)).until(() -> gauge(app, "torghut_prober_pause_overdue") == 1.0);
                assertEquals(0.0, gauge(app, "torghut_prober_pause_effective"));
                await().atMost(Duration.ofSeconds(15)).until(() -> rig.events().stream()
                        .anyMatch(e -> "TradingPauseNotEffective".equals(e.getReason())));
                JsonPath view = JsonPath.from(app.getAuthorized("/pause", PauseRig.TOKEN).body());
                assertEquals("overdue", view.getString("effectiveness.status"), view.prettify());
                assertEquals(commit, view.getString("effectiveness.commit"), view.prettify());
                app.close();
                assertEquals(List.of(), app.stackTraceLines(), app.output());
            }
        }
    }

    private static Map<String, String> env(PauseRig rig, String workDir, String deadline) {
        Map<String, String> env = rig.env(workDir);
        env.put("PROBER_KUBERNETES_ENABLED", "true");
        env.put("PROBER_KUBERNETES_INTERVAL", "1s");
        env.put("PROBER_PAUSE_EFFECTIVE_CHECK_EVERY", "1s");
        env.put("PROBER_PAUSE_EFFECTIVE_DEADLINE", deadline);
        return env;
    }

    /** One unlabelled gauge from /q/metrics. */
    static double gauge(PackagedApp app, String name) throws Exception {
        for (String line : app.management("/q/metrics").body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no " + name + " in /q/metrics");
    }
}

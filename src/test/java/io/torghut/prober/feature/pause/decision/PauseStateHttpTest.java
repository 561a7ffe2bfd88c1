package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.feature.pause.HttpPauseRig;
import io.torghut.prober.feature.pause.PauseCorpus;
import io.torghut.prober.feature.pause.Services;
import io.torghut.prober.feature.pause.edge.PauseRequestParser;
import io.torghut.prober.feature.pause.model.PausePhase;
import io.torghut.prober.feature.pause.model.PauseRecords;
import io.torghut.prober.feature.pause.model.PauseRequest;
import io.torghut.prober.feature.pause.record.PauseAudit;
import io.torghut.prober.feature.pause.record.PauseDiagnosis;
import io.torghut.prober.feature.pause.record.PauseMetrics;
import io.torghut.prober.feature.pause.record.PauseView;
import io.torghut.prober.feature.pause.rollout.ArgoOperation;
import io.torghut.prober.feature.pause.rollout.EffectivenessStatus;
import io.torghut.prober.feature.pause.rollout.Rollout;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.adapter.git.BareRepo;
import io.torghut.prober.testsupport.GitHttpHooks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24's failures 1 to 3, each against a smart-HTTP Git host ({@code git http-backend}) and the fabric8 mock API
 * server: the pause's state comes from git every time, never from what the prober remembers. Each test failed on the
 * main of 2026-12-06 (42ba74e), as its comment says.
 */
class PauseStateHttpTest {
    static final UnaryOperator<String> RESUME = t -> t.replace("value: \"false\"   # set", "value: \"true\"   # set");
    @TempDir
    Path tmp;
    HttpPauseRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new HttpPauseRig(tmp);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    /** The real Alertmanager body with this group key and this alert start. */
    static PauseRequest alert(String groupKey, Instant startsAt, boolean resolved) {
        String body = PauseCorpus.realBody().replace("{}:{alertname=\\\"DemoValueHigh\\\"}", groupKey.replace("\"", "\\\""))
                .replace("2026-11-27T21:54:50.676Z", startsAt.toString());
        if (resolved) {
            body = body.replace("\"status\": \"firing\"", "\"status\": \"resolved\"");
        }
        return PauseRequestParser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    String humanResume() throws Exception {
        return rig.remote.change(RESUME, "Resume trading: data checked by hand");
    }

    /**
     * Failure 1 (main answered {@code already-paused} for an hour, with git and the live revision saying "true"): the
     * alert fired, the prober paused, a human resumed, the alert resolved; when it fires again (a later
     * {@code startsAt}) it is a new episode: paused again, and the commit names the human's resume.
     */
    @Test
    void aNewEpisodeAfterAHumanResumePausesAgainNamingTheResume() throws Exception {
        HttpPauseRig.Replica prober = rig.replica("wc");
        Instant firstStart = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MILLIS);
        assertEquals("paused", prober.handle(alert("{}:{alertname=\"TorghutTaStale\"}", firstStart, false)).action());
        String resume = humanResume();
        assertEquals("none", prober.handle(alert("{}:{alertname=\"TorghutTaStale\"}", firstStart, true)).action());
        Thread.sleep(1100);
        Instant again = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PauseRecords.Answer answer = prober.handle(alert("{}:{alertname=\"TorghutTaStale\"}", again, false));
        assertEquals("paused", answer.action(), answer.message());
        assertEquals(200, answer.status());
        RevCommit head = rig.remote.log().get(0);
        assertEquals(answer.commit(), head.name());
        String message = head.getFullMessage();
        assertTrue(message.contains("Follows: the human resume " + resume + " by someone at "), message);
        assertTrue(message.contains("Episode: a new episode: alert DemoValueHigh (fingerprint d597ac5e3deea6d3) has been firing since "
                + again), message);
    }

    /**
     * Failure 2 (main re-paused at once under a new group key, and again after the dedup window; within it, it said
     * {@code already-paused} while git said "true"): the same alert, still firing since before the resume, is the
     * same episode under any group key and at any time: {@code resumed-by-human}, with the human's commit and author,
     * and no commit. GET /pause says so too.
     */
    @Test
    void theSameEpisodeUnderAnyGroupKeyIsAnsweredResumedByHuman() throws Exception {
        HttpPauseRig.Replica prober = rig.replica("wc");
        Instant start = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.MILLIS);
        assertEquals("paused", prober.handle(alert("{}:{alertname=\"TorghutTaStale\"}", start, false)).action());
        String resume = humanResume();
        int commits = rig.remote.log().size();
        for (String groupKey : List.of("{}:{alertname=\"TorghutTaStale\"}", "{}/{severity=\"page\"}:{alertname=\"TorghutTaStale\"}")) {
            PauseRecords.Answer answer = prober.handle(alert(groupKey, start, false));
            assertEquals("resumed-by-human", answer.action(), answer.message());
            assertEquals(200, answer.status(), "delivered: the decision is the human's");
            assertEquals(resume, answer.commit());
            assertEquals("someone", answer.resumedBy().author());
            assertTrue(answer.message().contains("the same episode: every alert began before the resume at "), answer.message());
        }
        assertEquals(commits, rig.remote.log().size(), "no commit fights the human");
        assertEquals(2.0, rig.count("resumed-by-human"));
        assertEquals(PausePhase.RESUMED_BY_HUMAN, new PauseView(prober.service(), prober.desired(), prober.state(), prober.tracker(),
                null, () -> true, null, false).phase());
    }

    /** A manual request with {@code "force": true} and the token pauses at once, naming the resume it overrides. */
    @Test
    void forcePausesAtOnce() throws Exception {
        HttpPauseRig.Replica prober = rig.replica("wc");
        prober.episodes().update(true, Instant.now());
        assertEquals("paused", prober.handle(PauseRequest.manual("oncall", "stale", false)).action());
        String resume = humanResume();
        assertEquals("resumed-by-human", prober.handle(PauseRequest.manual("bob", "still stale", false)).action(),
                "a manual request within the episode a human ended is told who resumed");
        PauseRecords.Answer forced = prober.handle(PauseRequest.manual("bob", "still stale", true));
        assertEquals("paused", forced.action(), forced.message());
        String message = rig.remote.log().get(0).getFullMessage();
        assertTrue(message.contains("Follows: the human resume " + resume), message);
        assertTrue(message.contains("Episode: forced by the request (\"force\": true), overriding the resume at "), message);
    }

    /**
     * Failure 2, automatic (main re-paused 15 s after the resume, and silencing alerts could not stop it): while the
     * episode runs, the automatic pause holds back, whatever the verdict does meanwhile (paused, it stops
     * recommending; resumed, it recommends again). After the reasons have been gone for the episode reset, a new episode
     * pauses again.
     */
    @Test
    void theAutomaticPauseDoesNotFightTheHumanWithinTheEpisode() throws Exception {
        HttpPauseRig.Replica prober = rig.replica("wc");
        AutoPause auto = new AutoPause(prober.service(), true, new HoldTimer(Duration.ofSeconds(15)), () -> true, Runnable::run,
                new PauseAudit(new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), Optional.empty()));
        Instant t = Instant.now().minusSeconds(3600);
        verdict(prober, auto, true, true, t);
        verdict(prober, auto, true, true, t.plusSeconds(20));
        assertEquals(2, rig.remote.log().size(), "paused after the hold");
        verdict(prober, auto, true, false, t.plusSeconds(40));
        humanResume();
        Instant resumed = Instant.now();
        verdict(prober, auto, true, true, resumed.plusSeconds(1));
        verdict(prober, auto, true, true, resumed.plusSeconds(20));
        assertEquals(3, rig.remote.log().size(), "the same episode: no pause fights the human");
        assertEquals("resumed-by-human", prober.state().lastAction().orElseThrow().action());
        verdict(prober, auto, false, true, resumed.plusSeconds(60));
        verdict(prober, auto, false, true, resumed.plusSeconds(60 + 600));
        verdict(prober, auto, true, true, resumed.plusSeconds(700));
        verdict(prober, auto, true, true, resumed.plusSeconds(720));
        assertEquals(4, rig.remote.log().size(), "a new episode pauses again");
        assertTrue(rig.remote.log().get(0).getFullMessage().contains("Episode: a new episode: the verdict has found reasons to pause since "),
                rig.remote.log().get(0).getFullMessage());
    }

    /** Feeds one verdict as the wiring does: the episode first, then the automatic pause. */
    static void verdict(HttpPauseRig.Replica prober, AutoPause auto, boolean reasons, boolean tradingOn, Instant at) {
        io.torghut.prober.feature.verdict.VerdictLevel level = !reasons ? io.torghut.prober.feature.verdict.VerdictLevel.HEALTHY
                : tradingOn ? io.torghut.prober.feature.verdict.VerdictLevel.PAUSE_RECOMMENDED : io.torghut.prober.feature.verdict.VerdictLevel.DEGRADED;
        List<String> why = reasons ? List.of("ta_signals stale") : List.of();
        io.torghut.prober.feature.verdict.Verdict verdict = new io.torghut.prober.feature.verdict.Verdict(level, why, List.of(), true, tradingOn, at,
                new io.torghut.prober.feature.signal.SignalSnapshot(List.of()), why);
        prober.episodes().update(verdict.pauseWorthy(), at);
        auto.onVerdict(verdict);
    }

    /** Failure 2, last point: the effectiveness state no longer says {@code effective} once git no longer pauses. */
    @Test
    void aResumeEndsTheEffectivenessState() throws Exception {
        HttpPauseRig.Replica prober = rig.replica("wc");
        prober.handle(PauseRequest.manual("oncall", "stale", false));
        rig.live.set(new Rollout(true, "torghut-00042", "torghut-00042", java.util.Map.of("torghut-00042", 100L), "false"));
        prober.tracker().tick();
        assertEquals(EffectivenessStatus.EFFECTIVE, prober.tracker().state().status());
        humanResume();
        prober.refresh();
        assertEquals(EffectivenessStatus.NONE, prober.tracker().state().status(), prober.tracker().state().detail());
    }

    /**
     * Failure 3 (main: 503 {@code pending} after ten times the timeout; the host applied the commit anyway; the retry
     * answered {@code already-paused}, Argo CD was never asked and the rollout never tracked): the caller is answered
     * within the configured wait, and the push that lands after JGit gave up on it is synced and followed.
     */
    @Test
    void aPushThatLandsAfterTheProberGaveUpIsSyncedAndFollowed() throws Exception {
        // JGit waits up to ten times its timeout (1 s) for the host's report; the host takes 12 s, then applies the push.
        GitHttpHooks.delay(rig.remote.bare(), 12);
        HttpPauseRig.Replica prober = rig.replica("wc", rig.host.url(BareRepo.NAME), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(1));
        long started = System.nanoTime();
        PauseRecords.Answer answer = prober.handle(PauseRequest.manual("oncall", "stale", false));
        long waited = (System.nanoTime() - started) / 1_000_000;
        assertEquals(503, answer.status());
        assertEquals("pending", answer.action());
        assertTrue(waited < 4000, "answered within the configured wait, not ten times the timeout: " + waited + " ms");
        // Every push stalls alike, so the internal retries cannot land a pause of their own: only the first push lands,
        // after the prober gave up on it, and a later read of git must find it.
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).until(() -> rig.syncedRevision().isPresent());
        String pause = rig.remote.log().get(0).name();
        assertTrue(rig.remote.log().get(0).getFullMessage().contains("Torghut-Prober-Pause: wc"));
        assertEquals(2, rig.remote.log().size(), "one commit");
        assertEquals(Optional.of(pause), rig.syncedRevision(), "Argo CD asked to sync the tip that pauses");
        await().atMost(Duration.ofSeconds(10)).until(() -> prober.state().pending().isEmpty());
        assertEquals(pause, prober.tracker().state().commit(), "its rollout is followed");
        assertEquals(EffectivenessStatus.WAITING, prober.tracker().state().status());
    }

    /**
     * Failure 3, restart: a prober that starts while the push is still in flight reads git before it lands; main
     * decided once and never again. Every read reconciles: the next one follows and syncs the pause.
     */
    @Test
    void aReplicaThatReadGitBeforeThePushLandedFollowsItAtTheNextRead() throws Exception {
        GitHttpHooks.delay(rig.remote.bare(), 4);
        HttpPauseRig.Replica pusher = rig.replica("pusher");
        HttpPauseRig.Replica restarted = rig.replica("restarted");
        Thread push = new Thread(() -> pusher.handle(PauseRequest.manual("oncall", "stale", false)));
        push.start();
        Thread.sleep(1500);
        restarted.refresh();
        assertEquals(EffectivenessStatus.NONE, restarted.tracker().state().status(), "read before the push landed");
        push.join(20_000);
        GitHttpHooks.clear(rig.remote.bare());
        restarted.refresh();
        assertEquals(rig.remote.log().get(0).name(), restarted.tracker().state().commit());
        assertFalse(restarted.tracker().state().status() == EffectivenessStatus.NONE);
    }

    /** Sets the Application's status as Argo CD's controller would write it. */
    void argoSays(String phase, String message, String revision) {
        io.fabric8.kubernetes.api.model.GenericKubernetesResource app = rig.k8s.client()
                .genericKubernetesResources(io.torghut.prober.testsupport.MockKubernetes.APPLICATIONS).inNamespace("argocd").withName("torghut").get();
        app.getAdditionalProperties().put("status", java.util.Map.of("operationState", java.util.Map.of("phase", phase, "message", message,
                "operation", java.util.Map.of("sync", java.util.Map.of("revision", revision))), "sync", java.util.Map.of("status", "OutOfSync")));
        rig.k8s.client().genericKubernetesResources(io.torghut.prober.testsupport.MockKubernetes.APPLICATIONS).inNamespace("argocd")
                .resource(app).update();
    }

    /**
     * Issue 21, point 3: Argo CD saying no is heard. A deny sync window parks the sync, a failing hook or a permission
     * fails it: GET /pause, the /diagnose finding (with Argo CD's message and what to do), the metric and the next answer
     * say so, and the effectiveness deadline keeps running.
     */
    @Test
    void argoCdSayingNoIsHeardEverywhere() throws Exception {
        HttpPauseRig.Replica prober = rig.replica("wc");
        io.torghut.prober.feature.verdict.TradingStateSource trading = Services.tradingOn();
        PauseView view = new PauseView(prober.service(), prober.desired(), prober.state(), prober.tracker(), trading, () -> true, null, false);
        PauseMetrics.register(rig.registry, view);
        PauseRecords.Answer paused = prober.handle(PauseRequest.manual("oncall", "stale", false));
        assertEquals("paused", paused.action());
        assertEquals("requested", view.view().argocd().state().label(), "asked, not taken up yet");

        argoSays("Running", "Sync operation blocked by sync window", paused.commit());
        prober.service().checkArgo();
        assertEquals(ArgoOperation.State.BLOCKED, view.view().argocd().state());
        assertEquals(1.0, rig.registry.get("torghut_prober_pause_argocd").tag("state", "blocked-by-sync-window").gauge().value());
        List<String> lines = new PauseDiagnosis(view).textLines();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("FINDING: Argo CD has not rolled the pause " + paused.commit().substring(0, 12)
                + " out: blocked-by-sync-window: Sync operation blocked by sync window; a sync window blocks it: argocd proj windows list")
                && l.endsWith("the commit stands and the effectiveness deadline keeps running")), lines.toString());
        PauseRecords.Answer again = prober.handle(PauseRequest.manual("oncall", "still stale", false));
        assertEquals("already-paused", again.action());
        assertTrue(again.argocd().startsWith("Argo CD did not roll it out: blocked-by-sync-window: Sync operation blocked by sync window"),
                again.argocd());
        assertEquals(EffectivenessStatus.WAITING, prober.tracker().state().status(), "the deadline keeps running");

        argoSays("Failed", "one or more synchronization tasks completed unsuccessfully (hook PreSync/Job/migrate failed)", paused.commit());
        prober.service().checkArgo();
        assertEquals(ArgoOperation.State.FAILED, view.view().argocd().state());
        assertTrue(new PauseDiagnosis(view).textLines().stream().anyMatch(l -> l.contains("failed: Failed: one or more synchronization tasks "
                + "completed unsuccessfully (hook PreSync/Job/migrate failed); argocd app get torghut -n argocd shows the failing resource or hook")),
                new PauseDiagnosis(view).textLines().toString());

        argoSays("Error", "permission denied: applications, sync, default/torghut, sub: torghut-prober", paused.commit());
        prober.service().checkArgo();
        assertEquals(ArgoOperation.State.FAILED, view.view().argocd().state());

        argoSays("Succeeded", "successfully synced (all tasks run)", paused.commit());
        prober.service().checkArgo();
        assertEquals(ArgoOperation.State.SUCCEEDED, view.view().argocd().state());
        assertEquals(0.0, rig.registry.get("torghut_prober_pause_argocd").tag("state", "failed").gauge().value());
        assertTrue(new PauseDiagnosis(view).textLines().stream().noneMatch(l -> l.startsWith("FINDING: Argo CD")));
    }
}

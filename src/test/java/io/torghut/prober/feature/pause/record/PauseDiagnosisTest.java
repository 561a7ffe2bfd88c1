package io.torghut.prober.feature.pause.record;

import io.torghut.prober.feature.pause.MutableClock;
import io.torghut.prober.feature.pause.Services;
import io.torghut.prober.feature.pause.decision.PausePlannerTest;
import io.torghut.prober.feature.pause.decision.GitDesiredState;
import io.torghut.prober.feature.pause.decision.PausePlanner;
import io.torghut.prober.feature.pause.decision.PauseService;
import io.torghut.prober.feature.pause.decision.PauseState;
import io.torghut.prober.feature.pause.decision.PendingRetries;
import io.torghut.prober.feature.pause.model.PauseMode;
import io.torghut.prober.feature.pause.model.PauseRecords;
import io.torghut.prober.feature.pause.model.PauseSource;
import io.torghut.prober.feature.pause.model.PendingKind;
import io.torghut.prober.feature.pause.rollout.Effectiveness;
import io.torghut.prober.feature.pause.rollout.EffectivenessStatus;
import io.torghut.prober.feature.pause.rollout.EffectivenessTracker;
import io.torghut.prober.feature.pause.rollout.Rollout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.torghut.prober.feature.pause.manifest.TradingFlagEditor;
import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.feature.probe.ProbeResult;
import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.feature.signal.Hysteresis;
import io.torghut.prober.feature.signal.SignalStore;
import io.torghut.prober.feature.verdict.Policy;
import io.torghut.prober.feature.verdict.TradingStateSource;
import io.torghut.prober.feature.verdict.VerdictTracker;
import io.torghut.prober.feature.verdict.session.TradingSession;
import io.torghut.prober.shared.model.TradingFlag;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What oncall reads in the pause section of /diagnose (text and JSON) and in GET /pause, built from stored state only:
 * the mode and Lease, TRADING_ENABLED in git and live, the last action without who/why (those need the token), pending
 * retries and whether a triggered pause is in force. Pure: no git, no Kubernetes API, no Quarkus.
 */
class PauseDiagnosisTest {
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T15:00:00Z"));
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final PauseState state = new PauseState(Duration.ofHours(1));
    final AtomicReference<Rollout> rollout = new AtomicReference<>(new Rollout(true, "torghut-00007", "torghut-00007",
            Map.of("torghut-00007", 100L), "true"));
    final AtomicReference<Optional<Boolean>> live = new AtomicReference<>(Optional.of(true));
    final SignalStore store = new SignalStore(new Hysteresis(1, 1));
    final EffectivenessTracker tracker = new EffectivenessTracker(() -> {
        Rollout r = rollout.get();
        if (r == null) {
            throw new IllegalStateException("API server unreachable\nsecond line");
        }
        return r;
    }, clock, Duration.ofMinutes(5), Duration.ofMinutes(1), detail -> { });
    boolean leader = true;

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    PauseView view(PauseMode mode, boolean auto) {
        PausePlanner planner = new PausePlanner(new TradingFlagEditor(Optional.empty()), PausePlannerTest.PATH, PausePlannerTest.REPO,
                "https://prober.example/diagnose", "prober-7c9d", "argocd", "torghut", "torghut", "torghut");
        GitDesiredState desired = new GitDesiredState(Optional.empty(), planner, state, clock, PausePlannerTest.PATH);
        PauseService service = Services.service(mode, desired, Optional.empty(), new PauseAudit(new SimpleMeterRegistry(), Optional.empty()),
                state, tracker, new PendingRetries(Services.TIMERS, state, clock, Duration.ofSeconds(1), Duration.ofMinutes(30)), clock);
        TradingStateSource trading = new TradingStateSource() {
            @Override
            public Optional<Boolean> tradingEnabled() {
                return live.get();
            }

            @Override
            public String describe() {
                return "test";
            }
        };
        store.register("healthz", SignalRole.SERVICE, Optional.empty());
        TradingSession always = new TradingSession(ZoneOffset.UTC, LocalTime.of(0, 0), LocalTime.of(23, 59), Set.of(), Set.of(), true);
        VerdictTracker verdicts = new VerdictTracker(store, new Policy(always), clock, trading);
        return new PauseView(service, desired, state, tracker, trading, () -> leader, verdicts, auto);
    }

    static PauseDiagnosis diagnosis(PauseView view) {
        return new PauseDiagnosis(view);
    }

    @Test
    void beforeAnythingHappenedItSaysWhatIsNotKnownYet() {
        List<String> lines = diagnosis(view(PauseMode.RECOMMEND, false)).textLines();
        assertEquals(List.of(
                "mode recommend, Lease leader; state: unknown",
                "TRADING_ENABLED in git: unknown; not read yet",
                "TRADING_ENABLED in the live revision: true (not read yet)"), lines);
    }

    @Test
    void aFollowerSaysItIsNotTheLeaseLeader() {
        leader = false;
        PauseView view = view(PauseMode.TRIGGER, true);
        assertEquals("mode trigger, not the Lease leader; state: unknown", diagnosis(view).textLines().get(0));
        assertFalse(view.leader());
        assertFalse(view.view().leader());
        leader = true;
        assertTrue(view.view().leader(), "asked each time, not remembered: the Lease changes hands");
    }

    @Test
    void gitStateShowsTheAbbreviatedCommitAndTheLastGitError() {
        PauseDiagnosis diagnosis = diagnosis(view(PauseMode.TRIGGER, false));
        state.git(Services.git(TradingFlag.DISABLED, COMMIT, "2026-11-27T14:59:00Z", null, null));
        assertEquals("TRADING_ENABLED in git: false (commit 0123456789ab)", diagnosis.textLines().get(1));
        state.git(Services.git(TradingFlag.DISABLED, "abc1234", "2026-11-27T14:59:00Z", "git unreachable: connect timed out", null));
        assertEquals("TRADING_ENABLED in git: false (commit abc1234); git unreachable: connect timed out", diagnosis.textLines().get(1),
                "a short id stays whole; the error that makes it old is shown");
    }

    @Test
    void theLiveValueIsTheVerdictsAndAReadErrorIsShown() {
        PauseView view = view(PauseMode.RECOMMEND, false);
        PauseDiagnosis diagnosis = diagnosis(view);
        tracker.tick();
        assertEquals("TRADING_ENABLED in the live revision: true", diagnosis.textLines().get(2), "a good read has no error");
        live.set(Optional.of(false));
        assertEquals(TradingFlag.DISABLED, view.liveTradingEnabled());
        assertEquals("TRADING_ENABLED in the live revision: false", diagnosis.textLines().get(2));
        live.set(Optional.empty());
        rollout.set(null);
        clock.advance(Duration.ofMinutes(2));
        tracker.tick();
        assertEquals("TRADING_ENABLED in the live revision: unknown (cannot read the Knative Service: API server unreachable)",
                diagnosis.textLines().get(2));
        assertEquals("unknown", ((Map<?, ?>) diagnosis.json()).get("liveTradingEnabled").toString());
    }

    @Test
    void theLastActionShowsWhatWhenAndTheCommitButNotWhoOrWhy() {
        PauseDiagnosis diagnosis = diagnosis(view(PauseMode.TRIGGER, true));
        state.lastAction(new PauseRecords.Action("2026-11-27T14:58:00Z", "trigger", "paused", PauseSource.ALERTMANAGER, "receiver torghut-pause",
                List.of("TorghutTaStale: ta_signals 9m old"), COMMIT, "pushed", "sync requested"));
        String line = diagnosis.textLines().get(3);
        assertEquals("last action: paused at 2026-11-27T14:58:00Z (alertmanager) commit 0123456789ab; who asked, why and the detail: "
                + "GET /pause with the token", line);
        Map<?, ?> json = (Map<?, ?>) ((Map<?, ?>) diagnosis.json()).get("lastAction");
        assertEquals(Map.of("at", "2026-11-27T14:58:00Z", "mode", "trigger", "action", "paused", "source", PauseSource.ALERTMANAGER, "commit", COMMIT),
                json, "no requester, reasons or detail without the token");

        state.lastAction(new PauseRecords.Action("2026-11-27T14:59:00Z", "recommend", "recommended", PauseSource.MANUAL, "oncall", List.of("x"),
                null, null, null));
        assertEquals("last action: recommended at 2026-11-27T14:59:00Z (manual); who asked, why and the detail: GET /pause with the token",
                diagnosis.textLines().get(3));
        assertFalse(((Map<?, ?>) ((Map<?, ?>) diagnosis.json()).get("lastAction")).containsKey("commit"), "no commit, no key");
    }

    @Test
    void pendingWorkIsShoutedWithItsNextAttempt() {
        PauseDiagnosis diagnosis = diagnosis(view(PauseMode.TRIGGER, false));
        PauseRecords.Pending pending = new PauseRecords.Pending(PendingKind.GIT, "2026-11-27T14:57:00Z", 3, "git unreachable", "2026-11-27T15:00:08Z",
                null);
        state.pending(pending);
        assertEquals("PENDING git since 2026-11-27T14:57:00Z, 3 attempt(s), next at 2026-11-27T15:00:08Z: git unreachable",
                diagnosis.textLines().get(3));
        assertEquals(pending, ((Map<?, ?>) diagnosis.json()).get("pending"));
    }

    @Test
    void aPauseNotInForceByTheDeadlineIsAFinding() {
        PauseDiagnosis diagnosis = diagnosis(view(PauseMode.TRIGGER, false));
        assertEquals(3, diagnosis.textLines().size(), "no triggered pause: nothing about effectiveness");
        tracker.start("abc123");
        tracker.tick();
        assertEquals("pause waiting: the ready revision torghut-00007 has TRADING_ENABLED=true (Argo CD has not applied the pause yet)",
                last(diagnosis));
        clock.advance(Duration.ofMinutes(6));
        tracker.tick();
        assertEquals("FINDING: pause NOT effective: not effective 360s after commit (deadline 300s): the ready revision torghut-00007 has "
                + "TRADING_ENABLED=true (Argo CD has not applied the pause yet)", last(diagnosis));
        rollout.set(new Rollout(true, "torghut-00008", "torghut-00008", Map.of("torghut-00008", 100L), "false"));
        clock.advance(Duration.ofMinutes(1));
        tracker.tick();
        assertEquals("pause effective: revision torghut-00008 is Ready with TRADING_ENABLED=false and takes all traffic", last(diagnosis));
        assertEquals(EffectivenessStatus.EFFECTIVE, ((Effectiveness) ((Map<?, ?>) diagnosis.json()).get("effectiveness")).status());
    }

    @Test
    void outsideTextCannotAddALine() {
        PauseDiagnosis diagnosis = diagnosis(view(PauseMode.TRIGGER, false));
        state.pending(new PauseRecords.Pending(PendingKind.GIT, "t", 1, "x", "t2", null));
        state.lastAction(new PauseRecords.Action("t", "trigger", "paused\nFINDING: forged", PauseSource.ALERTMANAGER, "x\r\nFINDING: y",
                List.of("a\nb"), null, "d\re", null));
        for (String line : diagnosis.textLines()) {
            assertFalse(line.contains("\n") || line.contains("\r"), line);
        }
    }

    @Test
    void theJsonFormCarriesTheSameFacts() {
        PauseDiagnosis diagnosis = diagnosis(view(PauseMode.RECOMMEND, false));
        state.git(Services.git(TradingFlag.ENABLED, COMMIT, "2026-11-27T14:59:00Z", null, null));
        Map<?, ?> json = (Map<?, ?>) diagnosis.json();
        assertEquals(List.of("mode", "phase", "leader", "git", "liveTradingEnabled", "lastAction", "pending", "refusal", "argocd", "effectiveness",
                "resumeChecklist"), List.copyOf(json.keySet()));
        assertEquals("recommend", json.get("mode"));
        assertEquals(true, json.get("leader"));
        assertEquals(state.git(), json.get("git"));
        assertEquals(TradingFlag.ENABLED, json.get("liveTradingEnabled"));
        assertNull(json.get("lastAction"));
        assertNull(json.get("pending"));
        assertEquals(Effectiveness.NONE, json.get("effectiveness"));
        assertEquals("pause", diagnosis.id());
        assertEquals("TRADING PAUSE (GitOps)", diagnosis.title());
    }

    @Test
    void getPauseRecommendsForTheCurrentReasonsFromTheManifestLastRead() {
        PauseView view = view(PauseMode.RECOMMEND, false);
        state.git(Services.git(TradingFlag.ENABLED, COMMIT, "2026-11-27T14:59:00Z", null, PausePlannerTest.manifest(PausePlannerTest.TRUE)));
        store.record(new ProbeResult("healthz", ProbeOutcome.ok("ok"), Duration.ofMillis(3), clock.instant()));
        tracker.tick();
        PauseRecords.View answer = view.view();
        assertEquals("recommend", answer.mode());
        assertFalse(answer.auto());
        assertEquals(PausePlannerTest.REPO, answer.repository());
        assertEquals(TradingFlag.ENABLED, answer.liveTradingEnabled());
        assertEquals(rollout.get(), answer.live());
        assertNull(answer.liveError());
        assertEquals(List.of("no current reason (verdict HEALTHY)"), answer.recommendation().reasons());
        assertEquals(TradingFlag.ENABLED, answer.recommendation().desiredInGit());
        assertEquals(List.of("-              value: \"true\"", "+              value: \"false\""),
                PausePlannerTest.changed(answer.recommendation().diff()));
        store.record(new ProbeResult("healthz", ProbeOutcome.fail(io.torghut.prober.shared.FailureReason.CONNECT, "refused"),
                Duration.ofMillis(3), clock.instant()));
        List<String> reasons = view.view().recommendation().reasons();
        assertEquals(1, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("healthz"), "the verdict's own reason: " + reasons);
        assertTrue(view(PauseMode.TRIGGER, true).view().auto());
    }

    @Test
    void getPauseWithoutGitSaysWhyThereIsNoDiff() {
        PauseRecords.View answer = view(PauseMode.RECOMMEND, false).view();
        assertNull(answer.recommendation().diff());
        assertEquals("git is not configured (GITOPS_REPO_URL)", answer.recommendation().note());
        assertEquals("not read yet", answer.liveError());
        assertNull(answer.live());
    }

    private static String last(PauseDiagnosis diagnosis) {
        List<String> lines = diagnosis.textLines();
        return lines.get(lines.size() - 1);
    }
}

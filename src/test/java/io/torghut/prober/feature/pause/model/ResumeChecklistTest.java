package io.torghut.prober.feature.pause.model;

import io.torghut.prober.feature.pause.decision.PausePlannerTest;
import io.torghut.prober.feature.pause.decision.PausePlanner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.feature.pause.manifest.TradingFlagEditor;
import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.feature.signal.Health;
import io.torghut.prober.feature.signal.SignalSnapshot;
import io.torghut.prober.feature.verdict.Signals;
import io.torghut.prober.feature.verdict.Verdict;
import io.torghut.prober.feature.verdict.VerdictLevel;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.model.TradingFlag;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, point 4: while paused, what must be true before trading resumes (each signal that can call for a pause,
 * its state and how long it has been good, the ones the pause named marked), the exact edit and commit, and the Argo
 * CD step. Never an automatic resume. Pure.
 */
class ResumeChecklistTest {
    static final PausePlanner PLANNER = new PausePlanner(new TradingFlagEditor(Optional.empty()), PausePlannerTest.PATH,
            PausePlannerTest.REPO, "https://prober.example/diagnose", "prober-7c9d", "argocd", "torghut", "torghut", "torghut");

    static Verdict verdict(SignalSnapshot snapshot) {
        return new Verdict(VerdictLevel.DEGRADED, List.of(), List.of(), true, false, Signals.OPEN, snapshot);
    }

    @Test
    void listsEverySignalThatCanCallForAPauseWithHowLongItHasBeenGood() {
        SignalSnapshot snapshot = new SignalSnapshot(List.of(
                Signals.good("ta_signals", SignalRole.FRESHNESS),
                Signals.bad("postgres", SignalRole.DEPENDENCY, FailureReason.CONNECT, "connection refused", 3),
                Signals.good("healthz", SignalRole.SERVICE)));
        PausePlan plan = PLANNER.plan(PauseRequest.manual("x", "y", false), Optional.of(new io.torghut.prober.adapter.git.ManifestSnapshot("c",
                Optional.of(PausePlannerTest.manifest(PausePlannerTest.FALSE)))), "unused");
        assertEquals(TradingFlag.DISABLED, plan.desiredInGit());
        ResumeChecklist list = ResumeChecklist.of(verdict(snapshot), Signals.OPEN, List.of("TorghutTaStale: ta_signals 9m old"), plan,
                PausePlannerTest.PATH, "main", PLANNER.resumeSteps());
        assertFalse(list.ready(), "postgres is down: not yet");
        assertEquals(List.of("ta_signals", "postgres"), list.conditions().stream().map(ResumeChecklist.Condition::signal).toList(),
                "healthz (Torghut's own) does not decide a pause, so it is not on the list");
        ResumeChecklist.Condition ta = list.conditions().get(0);
        assertEquals(Health.GOOD, ta.health());
        assertEquals(15L, ta.goodForSeconds(), "good since 15 s before now");
        assertTrue(ta.causedThePause(), "named by the pause's reasons");
        ResumeChecklist.Condition pg = list.conditions().get(1);
        assertEquals(Health.BAD, pg.health());
        assertEquals(null, pg.goodForSeconds());
        assertEquals("connect: connection refused", pg.detail());
        assertFalse(pg.causedThePause());
        assertTrue(list.edit().contains("+              value: \"true\""), list.edit());
        assertEquals("git commit -m 'Resume trading: TRADING_ENABLED=\"true\" in " + PausePlannerTest.PATH + "' -m '<why it is safe: "
                + "the checks above, who decided>' " + PausePlannerTest.PATH, list.commit().get(1));
        assertEquals("git push origin HEAD:main", list.commit().get(2));
        assertTrue(list.argocd().get(0).startsWith("argocd app sync torghut"), list.argocd().toString());
        assertTrue(list.argocd().get(1).startsWith("wait until a new revision with TRADING_ENABLED=true is Ready"), list.argocd().toString());
    }

    @Test
    void readyWhenEverySuchSignalIsGood() {
        SignalSnapshot snapshot = new SignalSnapshot(List.of(Signals.good("ta_signals", SignalRole.FRESHNESS),
                Signals.good("postgres", SignalRole.DEPENDENCY)));
        PausePlan plan = PLANNER.plan(PauseRequest.manual("x", "y", false), Optional.empty(), "git not read");
        assertTrue(ResumeChecklist.of(verdict(snapshot), Signals.OPEN, List.of(), plan, PausePlannerTest.PATH, "main",
                PLANNER.resumeSteps()).ready());
    }

    @Test
    void theReasonsComeFromThePauseCommitElseFromTheLastAction() {
        PauseRecords.Action action = new PauseRecords.Action("t", "trigger", "paused", PauseSource.AUTO, "p", List.of("from memory"),
                "c", "d", null);
        assertEquals(List.of("from git"), ResumeChecklist.reasons(Optional.of(List.of("from git")), Optional.of(action)));
        assertEquals(List.of("from memory"), ResumeChecklist.reasons(Optional.of(List.of()), Optional.of(action)));
        assertEquals(List.of(), ResumeChecklist.reasons(Optional.empty(), Optional.empty()));
    }
}

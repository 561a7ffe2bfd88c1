package io.torghut.prober.feature.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.runtime.StartupEvent;
import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.feature.probe.ProbeResult;
import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.feature.signal.Hysteresis;
import io.torghut.prober.feature.signal.KubernetesState;
import io.torghut.prober.feature.signal.SignalStore;
import io.torghut.prober.feature.verdict.KnativeTradingState;
import io.torghut.prober.feature.verdict.KnativeTradingStateTest;
import io.torghut.prober.feature.verdict.Policy;
import io.torghut.prober.feature.verdict.VerdictLevel;
import io.torghut.prober.feature.verdict.VerdictTracker;
import io.torghut.prober.feature.verdict.session.TradingSession;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.testsupport.K8sFixtures;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FindingsTrackerTest {
    private static final Instant AT = K8sFixtures.NOW;

    /**
     * The e2e run that found it: the pause read as in force (pause_effective 1) from the new observation while /diagnose
     * still listed "trading still enabled" on the old revision, because findings and verdict waited for the 1 s timer.
     */
    @Test
    void aNewObservationUpdatesVerdictAndFindingsBeforeTheProbeReportsAndIsPublishedWithThem() {
        KubernetesState state = new KubernetesState();
        SignalStore store = new SignalStore(new Hysteresis(1, 1));
        store.register("ta_signals", SignalRole.FRESHNESS, Optional.empty());
        KnativeTradingStateTest.Config config = new KnativeTradingStateTest.Config(true, Duration.ofSeconds(10));
        Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
        VerdictTracker verdicts = new VerdictTracker(store, new Policy(new TradingSession(ZoneOffset.UTC, LocalTime.MIN,
                LocalTime.MAX, EnumSet.allOf(DayOfWeek.class), Set.of(), true)), clock, new KnativeTradingState(state, clock, config));
        FindingsTracker findings = new FindingsTracker(state, config, RunbookNames.defaults());
        findings.start(new StartupEvent(), verdicts);
        store.record(new ProbeResult("ta_signals", ProbeOutcome.fail(FailureReason.STALE, "newest row is 11s old"), Duration.ZERO, AT));

        KnativeObservation trading = K8sFixtures.knative("healthy.yaml", Map.of());
        state.accept(trading);
        assertEquals(VerdictLevel.PAUSE_RECOMMENDED, verdicts.current().level());
        assertEquals(List.of(FindingIds.TRADING_ON_BAD_DATA, FindingIds.TA_DATA_STALE), ids(findings.current()));
        assertSame(trading, findings.evaluatedKnative().orElseThrow());

        KnativeObservation paused = K8sFixtures.knative(K8sFixtures.parse(K8sFixtures.text("healthy.yaml")
                .replace("name: TRADING_ENABLED\n              value: \"true\"", "name: TRADING_ENABLED\n              value: \"false\"")
                .replace("name: TRADING_ENABLED\n          value: \"true\"", "name: TRADING_ENABLED\n          value: \"false\"")),
                Map.of(), AT.plusSeconds(1));
        // no verdict timer, no signal changing health: storing the observation is enough
        state.knative(paused);
        assertEquals(VerdictLevel.DEGRADED, verdicts.current().level(), "trading disabled: stale data no longer endangers trading");
        assertEquals(List.of(FindingIds.TA_DATA_STALE), ids(findings.current()), "still stale, no longer a pause");
        assertEquals(io.torghut.prober.feature.runbook.Severity.WARNING, findings.current().get(0).severity(), "trading is off");
        assertSame(paused, findings.evaluated().knative().orElseThrow(), "findings are published with the observation they came from");
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::id).toList();
    }
}

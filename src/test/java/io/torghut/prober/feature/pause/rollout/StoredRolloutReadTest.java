package io.torghut.prober.feature.pause.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.torghut.prober.shared.model.AccessProblem;
import io.torghut.prober.shared.model.EnvVar;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.KnativeServiceInfo;
import io.torghut.prober.shared.model.RevisionInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the pause-effectiveness check reads from the stored Knative observation, without the API server: which
 * revision is ready, how traffic splits, and TRADING_ENABLED of the ready revision; and when the observation is too old
 * or missing to judge a pause by (then the pause is not confirmed, never assumed effective).
 */
class StoredRolloutReadTest {
    static final Instant AT = Instant.parse("2026-11-27T15:00:00Z");

    static RevisionInfo revision(String name, String trading) {
        return new RevisionInfo(name, AT.minusSeconds(600), List.of(), Optional.of("torghut:1"), Optional.empty(),
                List.of(EnvVar.plain("TRADING_MODE", "live"), EnvVar.plain("TRADING_ENABLED", trading)));
    }

    static KnativeObservation observation(Instant at, Optional<KnativeServiceInfo> ksvc, List<AccessProblem> problems) {
        return new KnativeObservation(at, ksvc, List.of(revision("torghut-00007", "true"), revision("torghut-00008", "false")), List.of(),
                List.of(), problems);
    }

    static KnativeServiceInfo ksvc(String created, String ready, List<KnativeServiceInfo.Traffic> traffic) {
        return new KnativeServiceInfo("torghut", List.of(), Optional.ofNullable(created), Optional.ofNullable(ready), traffic,
                Optional.empty(), List.of());
    }

    static Rollout read(KnativeObservation observation, Duration age) throws StoredRollout.StaleObservation {
        return new StoredRollout(() -> Optional.ofNullable(observation), Clock.fixed(AT.plus(age), ZoneOffset.UTC), Duration.ofMinutes(1)).read();
    }

    @Test
    void theReadyRevisionsValueAndTheTrafficSplitAreRead() throws Exception {
        KnativeServiceInfo split = ksvc("torghut-00008", "torghut-00008", List.of(new KnativeServiceInfo.Traffic("torghut-00008", 60, true),
                new KnativeServiceInfo.Traffic("torghut-00007", 30, false), new KnativeServiceInfo.Traffic("torghut-00008", 10, false),
                new KnativeServiceInfo.Traffic("", 0, false)));
        Rollout rollout = read(observation(AT, Optional.of(split), List.of()), Duration.ZERO);
        assertEquals(new Rollout(true, "torghut-00008", "torghut-00008", Map.of("torghut-00008", 70L, "torghut-00007", 30L), "false"), rollout,
                "two targets of one revision add up; a target without a revision name is no revision");
        assertEquals(false, RolloutJudge.judge(rollout).effective(), "70% is not all the traffic");
    }

    @Test
    void noReadyRevisionYetHasNoValue() throws Exception {
        Rollout rollout = read(observation(AT, Optional.of(ksvc("torghut-00008", null, List.of())), List.of()), Duration.ZERO);
        assertEquals(new Rollout(true, "torghut-00008", null, Map.of(), null), rollout);
        assertEquals("no ready revision yet", RolloutJudge.judge(rollout).detail());
    }

    @Test
    void anObservationExactlyAsOldAsAllowedIsStillUsedAndOneSecondMoreIsNot() throws Exception {
        KnativeObservation obs = observation(AT, Optional.of(ksvc("torghut-00007", "torghut-00007", List.of())), List.of());
        assertEquals("true", read(obs, Duration.ofMinutes(1)).readyTradingEnabled());
        assertEquals("the last read of the Knative Service is 61s old",
                assertThrows(StoredRollout.StaleObservation.class, () -> read(obs, Duration.ofSeconds(61))).getMessage());
    }

    @Test
    void aServiceThatCouldNotBeReadIsNotJudgedAndOneThatDoesNotExistIsNotFound() throws Exception {
        AccessProblem forbidden = new AccessProblem(AccessProblem.Kind.FORBIDDEN, "get", "services.serving.knative.dev", "torghut", "torghut",
                "HTTP 403");
        assertEquals(forbidden.describe(), assertThrows(StoredRollout.StaleObservation.class,
                () -> read(observation(AT, Optional.empty(), List.of(forbidden)), Duration.ZERO)).getMessage());
        assertEquals(new Rollout(false, null, null, Map.of(), null), read(observation(AT, Optional.empty(), List.of()), Duration.ZERO));
        assertEquals("the knative signal has not read the Knative Service yet",
                assertThrows(StoredRollout.StaleObservation.class, () -> read(null, Duration.ZERO)).getMessage());
    }
}

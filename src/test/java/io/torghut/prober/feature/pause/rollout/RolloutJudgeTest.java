package io.torghut.prober.feature.pause.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RolloutJudgeTest {

    static Stream<Arguments> rollouts() {
        return Stream.of(
                Arguments.of(new Rollout(false, null, null, Map.of(), null), false, "the Knative Service was not found"),
                Arguments.of(new Rollout(true, "torghut-00002", "torghut-00001", Map.of("torghut-00001", 100L), "true"), false,
                        "revision torghut-00002 is not Ready yet (traffic stays on torghut-00001)"),
                Arguments.of(new Rollout(true, "torghut-00001", "torghut-00001", Map.of("torghut-00001", 100L), "true"), false,
                        "the ready revision torghut-00001 has TRADING_ENABLED=true (Argo CD has not applied the pause yet)"),
                Arguments.of(new Rollout(true, "torghut-00002", "torghut-00002", Map.of("torghut-00001", 50L, "torghut-00002", 50L), "false"),
                        false, "revision torghut-00002 receives 50% of the traffic, not 100%"),
                Arguments.of(new Rollout(true, "torghut-00002", "torghut-00002", Map.of("torghut-00002", 100L), null), false,
                        "the ready revision torghut-00002 has TRADING_ENABLED=<unset> (Argo CD has not applied the pause yet)"),
                Arguments.of(new Rollout(true, "torghut-00002", "torghut-00002", Map.of("torghut-00002", 100L), "false"), true,
                        "revision torghut-00002 is Ready with TRADING_ENABLED=false and takes all traffic"));
    }

    @ParameterizedTest
    @MethodSource("rollouts")
    void judge(Rollout rollout, boolean effective, String detail) {
        RolloutJudge.Judgement judgement = RolloutJudge.judge(rollout);
        assertEquals(effective, judgement.effective());
        assertEquals(detail, judgement.detail());
    }
}

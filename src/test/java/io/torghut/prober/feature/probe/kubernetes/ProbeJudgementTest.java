package io.torghut.prober.feature.probe.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.model.AccessProblem;
import io.torghut.prober.shared.model.CnpgObservation;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.testsupport.K8sFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the knative and cnpg signals say for each fixture: the policy acts on these. */
class ProbeJudgementTest {
    static final Duration GRACE = Duration.ofMinutes(3);

    static Stream<Arguments> knative() {
        AccessProblem forbidden = new AccessProblem(AccessProblem.Kind.FORBIDDEN, "get", "services.serving.knative.dev", "torghut", "torghut", "HTTP 403");
        AccessProblem down = new AccessProblem(AccessProblem.Kind.UNREACHABLE, "get", "services.serving.knative.dev", "torghut", "torghut", "ConnectException");
        return Stream.of(
                Arguments.of("healthy", K8sFixtures.knative("healthy.yaml", Map.of()), FailureReason.NONE,
                        "ksvc torghut Ready, serving torghut-00041"),
                Arguments.of("uuid crash", K8sFixtures.knative("uuid-crash.yaml", Map.of()), FailureReason.ERROR,
                        "newest revision torghut-00042 is not Ready: Ready=False reason=ExitCode1 message=\"Container failed with: TypeError: Object of type UUID is not JSON serializable\""),
                Arguments.of("missing secret", K8sFixtures.knative("missing-secret.yaml", Map.of()), FailureReason.ERROR,
                        "newest revision torghut-00043 is not Ready: Ready=False reason=CreateContainerConfigError message=\"secret \"torghut-db-app\" not found\""),
                Arguments.of("forbidden", observation(forbidden), FailureReason.AUTH, "Knative service not read: " + forbidden.describe()),
                Arguments.of("api down", observation(down), FailureReason.CONNECT, "Knative service not read: " + down.describe()));
    }

    static KnativeObservation observation(AccessProblem problem) {
        return new KnativeObservation(K8sFixtures.NOW, Optional.empty(), List.of(), List.of(), List.of(), List.of(problem));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knative")
    void knativeSignal(String name, KnativeObservation obs, FailureReason reason, String detail) {
        ProbeOutcome outcome = KnativeProbe.judge(obs, "user-container", GRACE);
        assertEquals(reason, outcome.reason());
        assertEquals(detail, outcome.detail());
    }

    static Stream<Arguments> cnpg() {
        return Stream.of(
                Arguments.of("healthy.yaml", true, "torghut-db: 3/3 ready, primary torghut-db-1 - Cluster in healthy state"),
                Arguments.of("cnpg-replica-down.yaml", true, "torghut-db: 2/3 ready, primary torghut-db-1 - degraded, primary serving"),
                Arguments.of("cnpg-failover.yaml", false, "torghut-db: 2/3 ready, primary torghut-db-1 - no writable primary"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cnpg")
    void cnpgSignalFailsOnlyWithoutAPrimary(String fixture, boolean success, String detailStart) {
        ProbeOutcome outcome = CnpgProbe.judge(K8sFixtures.cnpg(fixture));
        assertEquals(success, outcome.success());
        assertTrue(outcome.detail().startsWith(detailStart), outcome.detail());
        if (!success) {
            assertEquals(FailureReason.NOT_PRIMARY, outcome.reason());
        }
    }

    @org.junit.jupiter.api.Test
    void anUnreadableClusterIsNotJudgedAsAPostgresFailure() {
        CnpgObservation forbidden = new CnpgObservation(K8sFixtures.NOW, Optional.empty(), List.of(new AccessProblem(
                AccessProblem.Kind.FORBIDDEN, "get", "clusters.postgresql.cnpg.io", "torghut-db", "torghut", "HTTP 403")));
        ProbeOutcome outcome = CnpgProbe.judge(forbidden);
        assertTrue(outcome.success());
        assertEquals("false", outcome.evidence().get("judged"));
    }
}

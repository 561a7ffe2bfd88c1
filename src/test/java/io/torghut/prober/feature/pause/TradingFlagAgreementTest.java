package io.torghut.prober.feature.pause;

import io.torghut.prober.feature.pause.decision.PausePlanner;
import io.torghut.prober.feature.pause.rollout.Rollout;
import io.torghut.prober.feature.pause.rollout.RolloutJudge;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.torghut.prober.adapter.kubernetes.KnativeParsing;
import io.torghut.prober.feature.pause.manifest.TradingFlagEditor;
import io.torghut.prober.shared.model.LiveTrading;
import io.torghut.prober.shared.model.TradingFlag;
import io.torghut.prober.testsupport.Kube;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.junit.jupiter.api.Assertions.assertEquals;


/**
 * Regression for issue 9's first bug: one value of TRADING_ENABLED, read from a multi-container revision (a sidecar
 * that says "true" first) and from the manifest in git, must mean the same thing to the verdict and findings
 * ({@link LiveTrading}), the pause section and its effectiveness ({@link RolloutJudge}) and the desired-state metric
 * ({@link PausePlanner#desired}).
 */
class TradingFlagAgreementTest {

    static GenericKubernetesResource revision(String value) {
        return new GenericKubernetesResourceBuilder().withApiVersion("serving.knative.dev/v1").withKind("Revision")
                .withNewMetadata().withName("torghut-00009").withNamespace("torghut").withCreationTimestamp("2026-11-27T15:00:00Z").endMetadata()
                .addToAdditionalProperties("spec", Map.of("containers", List.of(
                        Map.of("name", "log-shipper", "env", List.of(Map.of("name", "TRADING_ENABLED", "value", "true"))),
                        Map.of("name", "torghut", "ports", List.of(Map.of("containerPort", 8181)),
                                "env", List.of(Map.of("name", "TRADING_ENABLED", "value", value))))))
                .build();
    }

    static String manifest(String value) {
        return """
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata:
                  name: torghut
                spec:
                  template:
                    spec:
                      containers:
                        - name: log-shipper
                          env:
                            - name: TRADING_ENABLED
                              value: "true"
                        - name: torghut
                          ports:
                            - containerPort: 8181
                          env:
                            - name: TRADING_ENABLED
                              value: "%s"
                """.formatted(value);
    }

    @ParameterizedTest(name = "TRADING_ENABLED=\"{0}\" is {1} everywhere")
    @CsvSource({"1, true", "yes, true", "True, true", "on, true", "False, false", "0, false", "no, false", "OFF, false",
        "maybe, unknown"})
    void everyReaderAgrees(String raw, String expected) {
        TradingFlag flag = TradingFlag.parse(raw);
        assertEquals(expected, flag.label(), "the one parse");

        Optional<Boolean> live = LiveTrading.enabled(KnativeParsing.revision(Kube.map(revision(raw)), Optional.empty()));
        assertEquals(flag, TradingFlag.of(live), "verdict and findings read the serving container, not the sidecar");

        Rollout rollout = new Rollout(true, "torghut-00009", "torghut-00009", Map.of("torghut-00009", 100L), raw);
        assertEquals(flag == TradingFlag.DISABLED, RolloutJudge.judge(rollout).effective(), "the pause's effectiveness check");

        TradingFlag desired = PausePlanner.desired(new TradingFlagEditor(Optional.empty()).set(manifest(raw), false));
        assertEquals(flag, desired, "the desired state from git (torghut_prober_trading_enabled)");
    }

    static GenericKubernetesResource duplicated(String first, String last) {
        return new GenericKubernetesResourceBuilder().withApiVersion("serving.knative.dev/v1").withKind("Revision")
                .withNewMetadata().withName("torghut-00009").withNamespace("torghut").withCreationTimestamp("2026-11-27T15:00:00Z").endMetadata()
                .addToAdditionalProperties("spec", Map.of("containers", List.of(Map.of("name", "user-container", "env", List.of(
                        Map.of("name", "TRADING_ENABLED", "value", first), Map.of("name", "TRADING_ENABLED", "value", last))))))
                .build();
    }

    /**
     * Issue 24 (4): a live revision with TRADING_ENABLED=false then TRADING_ENABLED=true trades, because Kubernetes
     * gives the container the last entry; the verdict, the findings and the effectiveness check read it so, and the
     * manifest editor reads the file the same way.
     */
    @ParameterizedTest(name = "TRADING_ENABLED \"{0}\" then \"{1}\" is {2}")
    @CsvSource({"false, true, true", "true, false, false", "true, true, true", "false, false, false"})
    void theLastDuplicateWinsEverywhere(String first, String last, String expected) {
        TradingFlag flag = TradingFlag.parse(expected);
        var revision = KnativeParsing.revision(Kube.map(duplicated(first, last)), Optional.empty());
        assertEquals(flag, TradingFlag.of(LiveTrading.enabled(revision)), "verdict and findings");
        assertEquals(last, revision.envVar("TRADING_ENABLED").flatMap(io.torghut.prober.shared.model.EnvVar::value).orElseThrow());
        String manifest = """
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata:
                  name: torghut
                spec:
                  template:
                    spec:
                      containers:
                        - name: user-container
                          env:
                            - name: TRADING_ENABLED
                              value: "%s"
                            - name: TRADING_ENABLED
                              value: "%s"
                """.formatted(first, last);
        assertEquals(flag, new TradingFlagEditor(Optional.empty()).current(manifest), "the desired state from git");
    }
}

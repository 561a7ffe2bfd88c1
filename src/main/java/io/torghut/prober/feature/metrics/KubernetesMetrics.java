package io.torghut.prober.feature.metrics;

import static io.torghut.prober.shared.Contract.METRIC_PREFIX;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.torghut.prober.adapter.kubernetes.KubernetesConfig;
import io.torghut.prober.feature.runbook.CnpgHealth;
import io.torghut.prober.feature.runbook.FindingIds;
import io.torghut.prober.feature.runbook.FindingsTracker;
import io.torghut.prober.feature.signal.KubernetesState;
import io.torghut.prober.shared.model.CnpgObservation;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.KnativeServiceInfo;
import io.torghut.prober.shared.model.RevisionInfo;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * {@code torghut_prober_component_ready{component}}, {@code torghut_prober_findings{procedure,finding}} (every known
 * finding id, registered at startup: a bounded set) and {@code torghut_prober_kubernetes_api_up}. Gauges read stored
 * state when scraped; unknown is 0, never NaN.
 */
@Singleton
public class KubernetesMetrics {
    private final MeterRegistry registry;
    private final KubernetesState state;
    private final FindingsTracker findings;
    private final KubernetesConfig config;

    public KubernetesMetrics(MeterRegistry registry, KubernetesState state, FindingsTracker findings, KubernetesConfig config) {
        this.registry = registry;
        this.state = state;
        this.findings = findings;
        this.config = config;
    }

    void register(@Observes StartupEvent event) {
        component("ksvc", s -> s.knative().flatMap(KnativeObservation::service).map(KnativeServiceInfo::ready).orElse(false));
        component("revision", s -> s.knative().flatMap(KnativeObservation::newest).map(RevisionInfo::ready).orElse(false));
        component("cnpg", s -> s.cnpg().flatMap(CnpgObservation::cluster)
                .map(c -> CnpgHealth.judge(c).level() == CnpgHealth.Level.HEALTHY).orElse(false));
        for (Map.Entry<String, String> id : FindingIds.all().entrySet()) {
            Gauge.builder(METRIC_PREFIX + "findings", findings, f -> f.current().stream().anyMatch(x -> x.id().equals(id.getKey())) ? 1 : 0)
                    .description("1 while the runbook finding is present")
                    .tag("procedure", id.getValue()).tag("finding", id.getKey()).register(registry);
        }
        if (!config.on()) {
            return; // an "API down" series for a prober told not to read the API would only page people
        }
        Gauge.builder(METRIC_PREFIX + "kubernetes_api_up", state, KubernetesMetrics::apiUp)
                .description("1 when the last reads of the Knative and CNPG objects all succeeded (0: RBAC, missing CRD, API down, not read yet); absent when disabled")
                .register(registry);
    }

    static double apiUp(KubernetesState s) {
        boolean knative = s.knative().map(o -> o.problems().isEmpty()).orElse(false);
        boolean cnpg = s.cnpg().map(o -> o.problems().isEmpty()).orElse(false);
        return knative && cnpg ? 1 : 0;
    }

    private void component(String name, java.util.function.Predicate<KubernetesState> ready) {
        Gauge.builder(METRIC_PREFIX + "component_ready", state, s -> config.on() && ready.test(s) ? 1 : 0)
                .description("1 when the component is Ready as last read from the Kubernetes API (unknown is 0)")
                .tag("component", name).register(registry);
    }
}

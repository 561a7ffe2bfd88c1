package io.torghut.prober.feature.pause.record;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.torghut.prober.adapter.git.GitOpsConfig;
import io.torghut.prober.adapter.kubernetes.KubernetesFactory;
import io.torghut.prober.feature.pause.PauseConfig;
import io.torghut.prober.feature.pause.decision.GitDesiredState;
import io.torghut.prober.feature.pause.decision.Leadership;
import io.torghut.prober.feature.pause.decision.PauseExecutors;
import io.torghut.prober.feature.pause.decision.PauseService;
import io.torghut.prober.feature.pause.decision.PauseState;
import io.torghut.prober.feature.pause.model.PauseInstance;
import io.torghut.prober.feature.pause.model.PauseMode;
import io.torghut.prober.feature.pause.rollout.EffectivenessTracker;
import io.torghut.prober.feature.target.TargetConfig;
import io.torghut.prober.feature.verdict.TradingStateSource;
import io.torghut.prober.feature.verdict.VerdictTracker;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The pause's record: its audit trail (the decision writes through {@code AuditTrail}), GET /pause's view, its metrics. */
@Singleton
public class RecordProducers {

    /** The audit, with Events on the paused Knative Service when the Kubernetes API is on. */
    @Produces
    @Singleton
    PauseAudit audit(PauseConfig config, TargetConfig target, KubernetesFactory client, MeterRegistry registry, Clock clock,
                     PauseInstance instance, PauseExecutors executors) {
        return new PauseAudit(registry, client.events(target.namespace(), target.service(), instance.id(), config.kubernetesTimeout(),
                clock, executors.eventWriter()));
    }

    @Produces
    @Singleton
    PauseView view(PauseConfig config, GitOpsConfig gitops, PauseService service, GitDesiredState desired, PauseState state,
                   EffectivenessTracker tracker, TradingStateSource trading, Leadership leadership, VerdictTracker verdicts, Clock clock) {
        return new PauseView(service, desired, state, tracker, trading, leadership, verdicts,
                config.auto() && config.mode() == PauseMode.TRIGGER, clock, gitops.branch());
    }

    /** The pause's gauges read the view: registered at startup, before the first scrape. */
    void metrics(@Observes StartupEvent event, MeterRegistry registry, PauseView view) {
        PauseMetrics.register(registry, view);
    }
}

package io.torghut.prober.k8s;

import io.quarkus.runtime.StartupEvent;
import io.torghut.prober.policy.Verdict;
import io.torghut.prober.policy.VerdictTracker;
import io.torghut.prober.policy.runbook.Finding;
import io.torghut.prober.policy.runbook.FindingContext;
import io.torghut.prober.policy.runbook.RunbookFindings;
import io.torghut.prober.policy.runbook.RunbookNames;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Keeps the current runbook findings: recomputed from the stored observations on every verdict (after each probe
 * result and every second). Logs one line when the set of findings changes, not on every evaluation.
 */
@Singleton
public class FindingsTracker {
    private static final Logger LOG = Logger.getLogger(FindingsTracker.class);
    private final KubernetesState state;
    private final KubernetesConfig config;
    private final RunbookNames names;
    private final AtomicReference<List<Finding>> current = new AtomicReference<>(List.of());

    public FindingsTracker(KubernetesState state, KubernetesConfig config, RunbookNames names) {
        this.state = state;
        this.config = config;
        this.names = names;
    }

    void start(@Observes StartupEvent event, VerdictTracker verdicts) {
        verdicts.onVerdict(this::update);
        update(verdicts.current());
    }

    public List<Finding> current() {
        return current.get();
    }

    void update(Verdict verdict) {
        List<Finding> next = RunbookFindings.evaluate(state.knative(), state.cnpg(),
                new FindingContext(verdict, verdict.evaluatedAt(), config.rolloutGrace(), names));
        List<Finding> previous = current.getAndSet(next);
        Set<String> before = previous.stream().map(Finding::id).collect(Collectors.toSet());
        Set<String> after = next.stream().map(Finding::id).collect(Collectors.toSet());
        if (!before.equals(after)) {
            if (after.isEmpty()) {
                LOG.info("runbook findings cleared");
            } else {
                LOG.warnf("runbook findings: %s", next.stream().map(f -> f.procedure() + "/" + f.id() + " " + f.severity())
                        .collect(Collectors.joining(", ")));
            }
        }
    }
}

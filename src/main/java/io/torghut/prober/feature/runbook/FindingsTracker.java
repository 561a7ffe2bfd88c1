package io.torghut.prober.feature.runbook;

import io.quarkus.runtime.StartupEvent;
import io.torghut.prober.adapter.kubernetes.KubernetesConfig;
import io.torghut.prober.feature.signal.KubernetesState;
import io.torghut.prober.feature.verdict.Verdict;
import io.torghut.prober.feature.verdict.VerdictTracker;
import io.torghut.prober.shared.model.CnpgObservation;
import io.torghut.prober.shared.model.KnativeObservation;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Keeps the current runbook findings: recomputed from the stored observations on every verdict (after each change of
 * a signal's health, after each new Kubernetes observation, and every second). Logs one line when the set of findings
 * changes, not on every evaluation.
 *
 * <p>The findings are published together with the observations they were computed from ({@link Evaluated}): /diagnose
 * and the pause's effectiveness check read that pair, so "the pause is in force" can never be reported while the
 * findings still say trading is enabled on the previous revision (seen in the e2e run: a verdict re-evaluated only on
 * the 1 s timer left the findings up to a second behind the stored observation).
 */
@Singleton
public class FindingsTracker {
    private static final Logger LOG = Logger.getLogger(FindingsTracker.class);
    private final KubernetesState state;
    private final KubernetesConfig config;
    private final RunbookNames names;
    private final AtomicReference<Evaluated> current =
            new AtomicReference<>(new Evaluated(Optional.empty(), Optional.empty(), List.of()));

    /** Findings and the observations they were computed from. */
    public record Evaluated(Optional<KnativeObservation> knative, Optional<CnpgObservation> cnpg, List<Finding> findings) {
    }

    public FindingsTracker(KubernetesState state, KubernetesConfig config, RunbookNames names) {
        this.state = state;
        this.config = config;
        this.names = names;
    }

    void start(@Observes StartupEvent event, VerdictTracker verdicts) {
        verdicts.onVerdict(this::update);
        // A new observation can change the verdict's trading state and the findings without any signal changing health.
        state.onChange(verdicts::evaluate);
        update(verdicts.current());
    }

    public List<Finding> current() {
        return current.get().findings();
    }

    public Evaluated evaluated() {
        return current.get();
    }

    /** The Knative observation the current findings were computed from. */
    public Optional<KnativeObservation> evaluatedKnative() {
        return current.get().knative();
    }

    void update(Verdict verdict) {
        Optional<KnativeObservation> knative = state.knative();
        Optional<CnpgObservation> cnpg = state.cnpg();
        List<Finding> next = RunbookFindings.evaluate(knative, cnpg,
                new FindingContext(verdict, verdict.evaluatedAt(), config.rolloutGrace(), names));
        List<Finding> previous = current.getAndSet(new Evaluated(knative, cnpg, next)).findings();
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

package io.torghut.prober.feature.probe.kubernetes;

import io.torghut.prober.adapter.kubernetes.AccessReasons;
import io.torghut.prober.adapter.kubernetes.KnativeReader;
import io.torghut.prober.feature.probe.Probe;
import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.model.AccessProblem;
import io.torghut.prober.shared.model.Condition;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.KnativeServiceInfo;
import io.torghut.prober.shared.model.PodInfo;
import io.torghut.prober.shared.model.RevisionInfo;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signal {@code knative} (role SERVICE: it degrades, never pauses by itself): the Knative service and its newest
 * revision are Ready and its pods are not crashing. Stores every observation for findings and /diagnose.
 */
public final class KnativeProbe implements Probe {
    private final KnativeReader reader;
    private final String container;
    private final Duration rolloutGrace;

    public KnativeProbe(KnativeReader reader, String container, Duration rolloutGrace) {
        this.reader = reader;
        this.container = container;
        this.rolloutGrace = rolloutGrace;
    }

    @Override
    public ProbeOutcome check(Duration budget) {
        KnativeObservation observation = reader.read(budget);
        return judge(observation, container, rolloutGrace).withObservation(observation);
    }

    /** Pure. A revision or service still Unknown within the rollout grace is deploying, not failing. */
    static ProbeOutcome judge(KnativeObservation obs, String container, Duration rolloutGrace) {
        if (obs.service().isEmpty()) {
            AccessProblem problem = obs.problems().isEmpty()
                    ? new AccessProblem(AccessProblem.Kind.OTHER, "get", "services.serving.knative.dev", "", "", "not read")
                    : obs.problems().get(0);
            return ProbeOutcome.fail(AccessReasons.of(problem), "Knative service not read: " + problem.describe());
        }
        KnativeServiceInfo ksvc = obs.service().get();
        Optional<RevisionInfo> newest = obs.newest();
        Map<String, String> facts = new LinkedHashMap<>();
        ksvc.latestCreatedRevision().ifPresent(r -> facts.put("latest_created_revision", r));
        ksvc.latestReadyRevision().ifPresent(r -> facts.put("latest_ready_revision", r));
        boolean deploying = newest.map(r -> Duration.between(r.created(), obs.observedAt()).compareTo(rolloutGrace) < 0)
                .orElse(false);
        if (newest.isPresent() && !newest.get().ready()) {
            RevisionInfo r = newest.get();
            Condition ready = r.condition("Ready").orElse(new Condition("Ready", "Unknown", "", ""));
            if ("False".equals(ready.status()) || !deploying) {
                return ProbeOutcome.fail(FailureReason.ERROR, "newest revision " + r.name() + " is not Ready: " + ready.describe())
                        .withEvidence(facts);
            }
        }
        for (PodInfo pod : newest.map(r -> obs.podsOf(r.name())).orElse(java.util.List.of())) {
            Optional<PodInfo.ContainerState> c = pod.container(container);
            if (c.isPresent() && ("CrashLoopBackOff".equals(c.get().waitingReason())
                    || "CreateContainerConfigError".equals(c.get().waitingReason()))) {
                return ProbeOutcome.fail(FailureReason.ERROR, "pod " + pod.name() + " is " + c.get().waitingReason()
                        + " (restarts " + c.get().restartCount() + ")").withEvidence(facts);
            }
        }
        if (!ksvc.ready() && !deploying) {
            Condition ready = Condition.find(ksvc.conditions(), "Ready").orElse(new Condition("Ready", "Unknown", "", ""));
            return ProbeOutcome.fail(FailureReason.ERROR, "ksvc " + ksvc.name() + " is not Ready: " + ready.describe()).withEvidence(facts);
        }
        String note = obs.problems().isEmpty() ? "" : " (partly read: " + obs.problems().get(0).describe() + ")";
        return ProbeOutcome.ok("ksvc " + ksvc.name() + (deploying && !ksvc.ready() ? " rolling out " : " Ready, ")
                + "serving " + String.join(",", ksvc.servingRevisions()) + note).withEvidence(facts);
    }

}

package io.torghut.prober.feature.runbook;

import io.torghut.prober.shared.model.Condition;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.KnativeServiceInfo;
import io.torghut.prober.shared.model.PodInfo;
import io.torghut.prober.shared.model.RevisionInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Procedure A: the newest revision (or the service) is not Ready; which condition and why. Pure. */
public final class RevisionFindings {
    private static final List<String> REVISION_CONDITIONS = List.of("Ready", "ContainerHealthy", "ResourcesAvailable", "Active");

    private RevisionFindings() {
    }

    /**
     * A revision still Unknown within the rollout grace is deploying, not failing: no finding. Critical when no
     * revision serves; a warning when an older ready revision still does.
     */
    public static Optional<Finding> revisionNotReady(KnativeObservation obs, FindingContext ctx) {
        Optional<RevisionInfo> newest = obs.newest();
        if (newest.isEmpty() || newest.get().ready()) {
            return Optional.empty();
        }
        RevisionInfo revision = newest.get();
        Condition ready = revision.condition("Ready").orElse(new Condition("Ready", "Unknown", "", ""));
        if (!"False".equals(ready.status()) && deploying(revision, ctx)) {
            return Optional.empty();
        }
        RunbookNames n = ctx.names();
        Optional<String> serving = obs.service().flatMap(KnativeServiceInfo::latestReadyRevision)
                .filter(r -> !r.equals(revision.name()));
        List<String> evidence = new ArrayList<>();
        for (String type : REVISION_CONDITIONS) {
            revision.condition(type).filter(c -> !c.isTrue() && !(type.equals("Active") && c.reason().equals("NoTraffic")))
                    .ifPresent(c -> evidence.add("revision " + revision.name() + ": " + c.describe()));
        }
        if (revision.condition("Ready").isEmpty()) {
            evidence.add("revision " + revision.name() + ": no Ready condition yet");
        }
        obs.service().ifPresent(s -> s.conditions().stream().filter(c -> !c.isTrue())
                .forEach(c -> evidence.add("ksvc " + s.name() + ": " + c.describe())));
        List<String> resources = new ArrayList<>(List.of(revision.name()));
        List<PodInfo> pods = obs.podsOf(revision.name());
        for (PodInfo pod : pods) {
            resources.add(pod.name());
            pod.condition("PodScheduled").filter(c -> "False".equals(c.status()))
                    .ifPresent(c -> evidence.add("pod " + pod.name() + " (status.conditions): " + c.describe()));
            pod.container(n.container()).ifPresent(c -> evidence.add(PodEvidence.describe(pod, c)));
        }
        evidence.add(serving.map(r -> "traffic still goes to the last ready revision " + r)
                .orElse("no ready revision serves traffic"));
        String why = ready.reason().isEmpty() ? ready.status() : ready.reason();
        List<String> commands = new ArrayList<>(List.of(n.kubectl("describe ksvc " + n.service()),
                n.kubectl("describe revision " + revision.name()),
                n.kubectl("get pods -l serving.knative.dev/revision=" + revision.name() + " --sort-by=.metadata.creationTimestamp")));
        // A container that never started has no log: its pod's description and events say why (procedure A step 2).
        boolean anyStarted = pods.stream().anyMatch(p -> p.container(n.container()).map(PodInfo.ContainerState::started).orElse(false));
        if (anyStarted) {
            commands.add(n.kubectl("logs -l serving.knative.dev/revision=" + revision.name() + " -c " + n.container() + " --tail=200"));
        } else if (!pods.isEmpty()) {
            commands.add(n.kubectl("describe pod " + pods.get(0).name()));
            commands.add(n.kubectl("get events --field-selector involvedObject.name=" + pods.get(0).name()));
        } else {
            commands.add(n.kubectl("get events --field-selector involvedObject.kind=ReplicaSet,reason=FailedCreate"));
        }
        return Optional.of(new Finding(FindingIds.REVISION_NOT_READY, "A",
                serving.isPresent() ? Severity.WARNING : Severity.CRITICAL,
                "newest revision " + revision.name() + " is not Ready (" + why + ")"
                        + (ready.message().isEmpty() ? "" : ": " + ready.message()),
                evidence, resources, commands,
                List.of(),
                List.of("Triage the common root causes: missing secrets (DB_DSN, ClickHouse password), unreachable "
                        + "dependencies (ClickHouse/Postgres), application crash on startup; the other findings say which."),
                List.of(Subject.revision(revision.name()))));
    }

    /** The service is not Ready although its newest revision is (routes, ingress). */
    public static Optional<Finding> serviceNotReady(KnativeObservation obs, FindingContext ctx) {
        if (obs.service().isEmpty() || obs.service().get().ready()) {
            return Optional.empty();
        }
        KnativeServiceInfo ksvc = obs.service().get();
        Optional<RevisionInfo> newest = obs.newest();
        if (newest.isPresent() && (!newest.get().ready() || deploying(newest.get(), ctx))) {
            return Optional.empty(); // revision-not-ready covers it, or a rollout is in progress
        }
        RunbookNames n = ctx.names();
        List<String> evidence = ksvc.conditions().stream().filter(c -> !c.isTrue()).map(c -> "ksvc " + ksvc.name() + ": " + c.describe()).toList();
        return Optional.of(new Finding(FindingIds.KSVC_NOT_READY, "A", Severity.WARNING,
                "ksvc " + ksvc.name() + " is not Ready although its newest revision is", evidence, List.of(ksvc.name()),
                List.of(n.kubectl("describe ksvc " + n.service()), n.kubectl("get routes.serving.knative.dev " + n.service()),
                        n.kubectl("get ingresses.networking.internal.knative.dev " + n.service())),
                List.of(), List.of("Check RoutesReady: the route or ingress is not programmed.")));
    }

    static boolean deploying(RevisionInfo revision, FindingContext ctx) {
        Duration age = Duration.between(revision.created(), ctx.now());
        return age.compareTo(ctx.rolloutGrace()) < 0;
    }
}

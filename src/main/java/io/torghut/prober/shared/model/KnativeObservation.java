package io.torghut.prober.shared.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One round of reads of the Knative service, its revisions (newest first), the pods of the newest and of the serving
 * revisions, their log signatures, and the Warning Events about the newest revision's pods when they have not started.
 * Whatever could not be read is listed in {@code problems}.
 */
@RegisterForReflection
public record KnativeObservation(Instant observedAt, Optional<KnativeServiceInfo> service, List<RevisionInfo> revisions,
                                 List<PodInfo> pods, List<LogTail> logs, List<AccessProblem> problems, List<EventInfo> events)
        implements Observation {

    public KnativeObservation {
        revisions = List.copyOf(revisions);
        pods = List.copyOf(pods);
        logs = List.copyOf(logs);
        problems = List.copyOf(problems);
        events = List.copyOf(events);
    }

    /** An observation without Events (none read). */
    public KnativeObservation(Instant observedAt, Optional<KnativeServiceInfo> service, List<RevisionInfo> revisions,
                              List<PodInfo> pods, List<LogTail> logs, List<AccessProblem> problems) {
        this(observedAt, service, revisions, pods, logs, problems, List.of());
    }

    public Optional<RevisionInfo> revision(String name) {
        return revisions.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The newest revision: {@code latestCreatedRevisionName}, else the newest listed. */
    public Optional<RevisionInfo> newest() {
        Optional<RevisionInfo> named = service.flatMap(KnativeServiceInfo::latestCreatedRevision).flatMap(this::revision);
        return named.isPresent() ? named : revisions.stream().findFirst();
    }

    public List<PodInfo> podsOf(String revision) {
        return pods.stream().filter(p -> p.revision().equals(revision)).toList();
    }

    /** The Events about a revision's objects: its pods, Deployment and ReplicaSets are named {@code <revision>-...}. */
    public List<EventInfo> eventsOf(String revision) {
        return events.stream().filter(e -> e.object().startsWith(revision + "-")).toList();
    }

    public List<LogTail> logsOf(String pod) {
        return logs.stream().filter(l -> l.pod().equals(pod)).toList();
    }
}
